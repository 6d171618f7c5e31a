import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { crossEntropy, crossEntropyFromLogits, softmax } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, dist, logits, permutation, relDiff } from "./helpers";
import { assertUlps } from "../helpers/numeric";

test("crossEntropyFromLogits matches -(p * scipy.special.log_softmax(z)).sum() on every fixture", () => {
  for (const f of FIXTURES.crossEntropyFromLogits) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(crossEntropyFromLogits(f.p, f.logits, opts), f.expected, 1e-14, f.call);
    close(
      crossEntropyFromLogits(Float64Array.from(f.p), Float64Array.from(f.logits), opts),
      f.expected,
      1e-14,
      f.call,
    );
    close(
      crossEntropyFromLogits(Float64Array.from(f.p), f.logits, opts),
      f.expected,
      1e-14,
      f.call,
    );
  }
});

test("equal logits cost one bit for a two-class target", () => {
  assert.is(crossEntropyFromLogits([0, 1], [0, 0], { base: 2 }), 1);
});

test("a logit far below the others gives a finite loss where softmax underflows", () => {
  assert.is(crossEntropyFromLogits([1, 0], [0, 2000]), 2000);
  assert.is(crossEntropy([1, 0], softmax([0, 2000])), Infinity);
});

test("crossEntropyFromLogits(p, z) = crossEntropy(p, softmax(z)) for moderate logits (property)", () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 30 })
        .chain((n) =>
          fc.tuple(
            dist(n),
            fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: n, maxLength: n }),
          ),
        ),
      ([p, z]) => {
        const a = crossEntropyFromLogits(p, z);
        const b = crossEntropy(p, softmax(z), { tolerance: 1e-9 });
        // absolute below 1 on purpose: b itself carries softmax's rounding near 1 (q = 1 − 2e-6 gives
        // −log q with an absolute error of 1e-16, relative 5e-11); the precision of a alone is checked
        // against scipy in the fixture test above and against mpmath in tests/accuracy
        return Math.abs(a - b) <= 1e-11 * Math.max(1, b);
      },
    ),
    { seed: SEED },
  );
});

test("crossEntropyFromLogits shifts by the maximum logit: a masking logit of -1e15 in any position gives scipy's value", () => {
  // crossEntropyFromLogits([0, .5, .5], [-1e15, 0, 1]) used to shift by logits[0] and return 0.875.
  for (const f of FIXTURES.logitOrder) {
    close(crossEntropyFromLogits(f.p, f.logits), f.expected, 1e-15, f.call);
    close(
      crossEntropyFromLogits(Float64Array.from(f.p), Float64Array.from(f.logits)),
      f.expected,
      1e-15,
      f.call,
    );
  }
});

test("shuffling the classes never changes crossEntropyFromLogits by more than 1e-15 relative (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 64 }).chain((n) => fc.tuple(dist(n), logits(n), permutation(n))),
      ([p, z, perm]) => {
        const pp = perm.map((i) => p[i]);
        const zz = perm.map((i) => z[i]);
        const a = crossEntropyFromLogits(p, z);
        const b = crossEntropyFromLogits(pp, zz);
        return a === b || relDiff(b, a) <= 1e-15;
      },
    ),
    { seed: SEED, numRuns: 500 },
  );
});

test("crossEntropyFromLogits with normalize: true gives the same loss for targets scaled to 1e308 or down to subnormals", () => {
  const z = [0.3, -2, 5];
  // mpmath (50 digits): −Σ pᵢ (zᵢ − ln Σ e^z) = 2.9349574190134433 for p = [0.25, 0.25, 0.5]
  const want = 2.9349574190134433;
  assert.ok(relDiff(crossEntropyFromLogits([0.25, 0.25, 0.5], z), want) <= 4e-16);
  for (const scale of [1.7e308 / 2, 4e-323 / 2]) {
    const got = crossEntropyFromLogits([scale / 2, scale / 2, scale], z, { normalize: true });
    assert.ok(relDiff(got, want) <= 4e-16, `scale ${scale}: ${got} vs ${want}`);
  }
});

test("a confident right prediction costs log1p(e^-gap), not exactly 0 (issue 18)", () => {
  assertUlps(crossEntropyFromLogits([1, 0], [0, -40]), 4.248354255291589e-18, 1); // mpmath
  assertUlps(
    crossEntropyFromLogits([0, 1, 0], [-45, 5, -35]),
    Math.log1p(Math.exp(-50) + Math.exp(-40)),
    2,
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

test("exponentials that fall in the subnormal range are summed at scale 2^600: a one-hot loss at [0, −744.9 × 999] within 1 ulp", () => {
  const p = new Float64Array(1000);
  p[0] = 1;
  // was 4.936e-321, 58% high
  assert.ok(Math.abs(crossEntropyFromLogits(p, SUBNORMAL_TERMS()) - SUBNORMAL_REF) <= 2 ** -1074);
});

test.run();
