import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { logSoftmax, logSumExp, softmax } from "../../lib/src/information";
import { FIXTURES, SEED } from "./helpers";
import { assertUlps, throwsExactly } from "../helpers/numeric";

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

test("logSoftmax carries the rounding of zᵢ − max also where a logit is further from 0 than the maximum", () => {
  // max 0.3, logit −30.123 (|zᵢ| > |max|): the error of fl(zᵢ − max) needs TwoSum; Fast2Sum's
  // z − (d + m) is 0 there, and out[0] = −log1p(rest) is then 5 ulps off.
  // References: mpmath at 50 digits, mpf(z[i]) - mp.log(fsum(mp.exp(mpf(v)) for v in z))
  const a = logSoftmax([0.3, -30.123]);
  assertUlps(a[0], -6.12997886360327e-14, 1, "logSoftmax([0.3, -30.123])[0]");
  assertUlps(a[1], -30.423000000000062, 1, "logSoftmax([0.3, -30.123])[1]");
  const b = logSoftmax(new Float64Array([0.3, -20.7]));
  assertUlps(b[0], -7.582560425037151e-10, 1, "logSoftmax([0.3, -20.7])[0]");
  assertUlps(b[1], -21.000000000758256, 1, "logSoftmax([0.3, -20.7])[1]");
});

test("logSoftmax's errors are exact and name the function", () => {
  // the messages of the doc comment's @throws (checkVector and logitMax, with "logSoftmax")
  throwsExactly(() => logSoftmax([]), RangeError, "logSoftmax: logits is empty");
  throwsExactly(() => logSoftmax(new Float64Array(0)), RangeError, "logSoftmax: logits is empty");
  throwsExactly(
    () => logSoftmax("ab" as unknown as number[]),
    TypeError,
    'logSoftmax: logits = "ab" is not a number[] or Float64Array',
  );
  throwsExactly(
    () => logSoftmax([0, NaN]),
    RangeError,
    "logSoftmax: logits[1] = NaN is not a number",
  );
  throwsExactly(
    () => logSoftmax([0, Infinity]),
    RangeError,
    "logSoftmax: logits[1] = Infinity is not allowed (the result would be undefined)",
  );
  throwsExactly(
    () => logSoftmax([-Infinity, -Infinity]),
    RangeError,
    "logSoftmax: every logit is -Infinity, so the distribution is undefined (0/0)",
  );
});

// Logits whose shifts zᵢ − max round (|zᵢ − max| of 0.6 to 30.9), in both of the hot loop's
// branches (Fast2Sum of the shift where the maximum is ≥ 0 and ≥ −min z: the first two rows; TwoSum
// elsewhere: the last two), with the maximum first, inside and last, so both halves [0, k) and
// (k, n) of each loop run. References: mpmath at 50 digits, mpf(z[i]) - mp.log(fsum(mp.exp(mpf(v)) for v in z)).
const SHIFTED: [number[], number[]][] = [
  [
    [-0.3, 30.123, 9.77, 29.5],
    [-30.85239842376482, -0.42939842376481996, -20.78239842376482, -1.052398423764821],
  ],
  [
    [30.123, -0.3],
    [-6.12997886360327e-14, -30.423000000000062],
  ],
  [
    [-30.123, 0.3, -20.7, 0.1],
    [-31.02113886979854, -0.5981388697985405, -21.59813886979854, -0.7981388697985405],
  ],
  [
    [-20.7, -30.123, 0.3],
    [-21.000000000758316, -30.423000000758318, -7.583173422923047e-10],
  ],
];

test("logSoftmax is within 1 ulp of mpmath where the shifts round, in both branches of its hot loop", () => {
  for (const [z, expected] of SHIFTED) {
    const out = logSoftmax(z);
    expected.forEach((e, i) => assertUlps(out[i], e, 1, `logSoftmax([${z.join(", ")}])[${i}]`));
  }
});

// A maximum held by more than one logit: every copy but the first is a term exp(0) = 1 of the sum (the sum of the other terms is then ≥ 1: the path for a tiny rest, which takes every entry equal to the maximum as the maximum, must not run).
// Both branches of the hot loop (Fast2Sum: the first row; TwoSum: the second) and a triple tie.
// References: mpmath at 50 digits, mpf(z[i]) - mp.log(fsum(mp.exp(mpf(v)) for v in z)).
const TIED: [number[], number[]][] = [
  [
    [0.5, 0.5, -0.2],
    [-0.9149239197284268, -0.9149239197284268, -1.6149239197284269],
  ],
  [
    [-1, -3, -1],
    [-0.7586236756795135, -2.7586236756795133, -0.7586236756795135],
  ],
  [
    [-2.5, 7, 7, 7],
    [-10.59863723896681, -1.0986372389668109, -1.0986372389668109, -1.0986372389668109],
  ],
];

test("logSoftmax counts every copy of a tied maximum, within 1 ulp of mpmath", () => {
  for (const [z, expected] of TIED) {
    const out = logSoftmax(new Float64Array(z));
    expected.forEach((e, i) => assertUlps(out[i], e, 1, `logSoftmax([${z.join(", ")}])[${i}]`));
  }
});

test("logSoftmax is within 1 ulp of mpmath on 15 logits near the maximum (the Fast2Sum branch)", () => {
  // 15 logits in [4.5, 10.6] (the first of 4 inputs, of 1,500 drawn by a seeded LCG, where a sum
  // of the terms by s − e with its compensation, an accurate-looking variant, was 3 ulps off; the
  // code's worst over the 1,500 was 1 ulp). References: mpmath at 50 digits,
  // mpf(z[i]) - mp.log(fsum(mp.exp(mpf(v)) for v in z))
  const z = [
    7.509002659271118, 8.822993532155579, 8.398052154273955, 4.5738840384851756, 10.558267608669269,
    10.58595699459879, 9.982295246362014, 10.549984850774905, 9.21851383125933, 9.707149057316371,
    9.039049425454664, 7.894708107264705, 4.500356399868906, 7.5218466105361586, 10.604491233825684,
  ];
  const expected = [
    -4.840796649742031, -3.5268057768575707, -3.951747154739194, -7.775915270527974,
    -1.7915317003438807, -1.763842314414359, -2.367504062651135, -1.7998144582382443,
    -3.1312854777538197, -2.642650251696778, -3.3107498835584854, -4.455091201748444,
    -7.849442909144243, -4.827952698476991, -1.7453080751874657,
  ];
  const out = logSoftmax(z);
  expected.forEach((e, i) => assertUlps(out[i], e, 1, `logSoftmax(z)[${i}]`));
});

test.run();
