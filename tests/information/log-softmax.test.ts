import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { logSoftmax, logSumExp, softmax } from "../../lib/src/information";
import { FIXTURES, SEED } from "./helpers";
import { assertUlps } from "../helpers/numeric";

test("logSoftmax is within 4 ulps of the 50-digit mpmath log-softmax on every fixture", () => {
  for (const f of FIXTURES.logSoftmax) {
    const out = logSoftmax(f.logits);
    f.expected.forEach((e: number, i: number) => assertUlps(out[i], e, 4, `${f.call}[${i}]`));
  }
});

test("logSoftmax keeps a log-probability that softmax would round to 0", () => {
  assert.equal(Array.from(logSoftmax([0, -1000])), [0, -1000]);
  assert.is(softmax([0, -1000])[1], 0);
  assert.equal(Array.from(logSoftmax([0, -Infinity])), [0, -Infinity]);
});

test("logSoftmax keeps a −Infinity term at −Infinity and the other terms finite (no NaN from its correction)", () => {
  // the terms' shift corrections are summed apart and come out NaN for a −∞ term (r = −∞ + ∞):
  // the rest is then summed again with the guard; reference: mpmath, −log1p(e^-1) and −1 − log1p(e^-1)
  const out = logSoftmax([0, -Infinity, -1]);
  assertUlps(out[0], -0.3132616875182228, 2, "logSoftmax([0, -Infinity, -1])[0]");
  assert.is(out[1], -Infinity);
  assertUlps(out[2], -1.3132616875182228, 2, "logSoftmax([0, -Infinity, -1])[2]");
  // zᵢ − max overflows to −Infinity
  assert.equal(Array.from(logSoftmax([-1e308, 1e308, 5e307])), [-Infinity, 0, -5e307]);
});

test("logSoftmax(z) = z - logSumExp(z) and its exponentials sum to 1 (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 40 }),
      (z) => {
        const l = logSoftmax(z);
        const lse = logSumExp(z);
        let t = 0;
        for (let i = 0; i < z.length; i++) {
          if (Math.abs(l[i] - (z[i] - lse)) > 1e-12 * Math.max(1, Math.abs(z[i]))) return false;
          t += Math.exp(l[i]);
        }
        return Math.abs(t - 1) <= 1e-13 * z.length;
      },
    ),
    { seed: SEED },
  );
});

// [0, −744.9 × 999]: every exp(−744.9) = 3.119e-324 rounds to the subnormal 4.94e-324 (58% high)
// mpmath (50 digits): log1p(999·exp(mpf(-744.9))) = 3.1160607679792891e-321
const SUBNORMAL_TERMS = (): Float64Array => {
  const x = new Float64Array(1000).fill(-744.9);
  x[0] = 0;
  return x;
};
const SUBNORMAL_REF = 3.1160607679792891066754725157192e-321;

test("exponentials that fall in the subnormal range are summed at scale 2^600: logSoftmax([0, −744.9 × 999])[0] within 1 ulp", () => {
  const out = logSoftmax(SUBNORMAL_TERMS());
  assert.ok(Math.abs(out[0] + SUBNORMAL_REF) <= 2 ** -1074, String(out[0]));
  assert.is(out[1], -744.9);
});

test.run();
