import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { softmax } from "../../lib/src/information";
import { FIXTURES, SEED } from "./helpers";
import { assertUlps, throwsExactly } from "../helpers/numeric";

test("softmax is within 4 ulps of the 50-digit mpmath softmax on every fixture", () => {
  for (const f of FIXTURES.softmax) {
    const out = softmax(f.logits);
    assert.ok(out instanceof Float64Array);
    f.expected.forEach((e: number, i: number) => assertUlps(out[i], e, 4, `${f.call}[${i}]`));
  }
});

test("softmax of huge equal logits is uniform, and -Infinity gets probability 0", () => {
  assert.equal(Array.from(softmax([1000, 1000])), [0.5, 0.5]);
  assert.equal(Array.from(softmax(new Float64Array([0, -Infinity]))), [1, 0]);
});

test("softmax gives a term whose zᵢ − max is −Infinity probability 0, not NaN, beside finite terms", () => {
  // the hot loop leaves out expShifted's guard for a 0 term (its r is NaN there) and redoes the
  // terms when the sum comes out NaN; reference: mpmath, 1/(1 + e^-1) and e^-1/(1 + e^-1)
  const out = softmax([0, -Infinity, -1]);
  assertUlps(out[0], 0.7310585786300049, 1, "softmax([0, -Infinity, -1])[0]");
  assert.is(out[1], 0);
  assertUlps(out[2], 0.2689414213699951, 1, "softmax([0, -Infinity, -1])[2]");
  // zᵢ − max overflows to −Infinity: exp(−2e308) is 0, and exp(−5e307) too
  assert.equal(Array.from(softmax([-1e308, 1e308, 5e307])), [0, 1, 0]);
});

test("softmax sums to 1 with entries in [0, 1] (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 60 }),
      (z) => {
        const s = softmax(z);
        let t = 0;
        for (const v of s) {
          if (!(v >= 0 && v <= 1)) return false;
          t += v;
        }
        return Math.abs(t - 1) <= 1e-14 * z.length;
      },
    ),
    { seed: SEED },
  );
});

test("softmax carries the rounding of zᵢ − max also where a logit is further from 0 than the maximum", () => {
  // max 0.3 and a logit −30.123 or −700.123: |zᵢ| > |max|, so the error of fl(zᵢ − max) needs
  // TwoSum; the two-operation Fast2Sum form z − (d + m) gives 0 there (d + m rounds back to z) and
  // leaves exp(d) up to 0.5 ulp(d) off in its argument: 5 and 294 ulps in the result.
  // References: mpmath at 50 digits, mp.exp(mpf(z[i])) / fsum(mp.exp(mpf(v)) for v in z)
  const a = softmax([0.3, -30.123]);
  assertUlps(a[0], 0.9999999999999387, 1, "softmax([0.3, -30.123])[0]");
  assertUlps(a[1], 6.129978863603082e-14, 1, "softmax([0.3, -30.123])[1]");
  const b = softmax([0.3, -20.7]);
  assertUlps(b[1], 7.58256042216239e-10, 1, "softmax([0.3, -20.7])[1]");
  const c = softmax(new Float64Array([0.3, -700.123]));
  assert.is(c[0], 1);
  assertUlps(c[1], 6.458863433210384e-305, 1, "softmax([0.3, -700.123])[1]");
});

test("softmax's errors are exact and name the function", () => {
  // the messages of the doc comment's @throws (checkVector and logitMax, with "softmax")
  throwsExactly(() => softmax([]), RangeError, "softmax: logits is empty");
  throwsExactly(() => softmax(new Float64Array(0)), RangeError, "softmax: logits is empty");
  throwsExactly(
    () => softmax("ab" as unknown as number[]),
    TypeError,
    'softmax: logits = "ab" is not a number[] or Float64Array',
  );
  throwsExactly(() => softmax([0, NaN]), RangeError, "softmax: logits[1] = NaN is not a number");
  throwsExactly(
    () => softmax([0, Infinity]),
    RangeError,
    "softmax: logits[1] = Infinity is not allowed (the result would be undefined)",
  );
  throwsExactly(
    () => softmax([-Infinity, -Infinity]),
    RangeError,
    "softmax: every logit is -Infinity, so the distribution is undefined (0/0)",
  );
});

// Logits whose shifts zᵢ − max round (|zᵢ − max| of 0.6 to 30.9), in both of the hot loop's
// branches (Fast2Sum of the shift where the maximum is ≥ 0 and ≥ −min z: the first two rows; TwoSum
// elsewhere: the last two), with the maximum first, inside and last, so both halves [0, k) and
// (k, n) of each loop run. References: mpmath at 50 digits, mp.exp(mpf(z[i])) / fsum(mp.exp(mpf(v)) for v in z).
const SHIFTED: [number[], number[]][] = [
  [
    [-0.3, 30.123, 9.77, 29.5],
    [3.990006572533098e-14, 0.6509005432667359, 9.42581786951563e-10, 0.34909945579064244],
  ],
  [
    [30.123, -0.3],
    [0.9999999999999387, 6.129978863603082e-14],
  ],
  [
    [-30.123, 0.3, -20.7, 0.1],
    [3.370470780610777e-14, 0.5498339970832253, 4.1691495082038986e-10, 0.45016600249982597],
  ],
  [
    [-20.7, -30.123, 0.3],
    [7.582560422161925e-10, 6.129978858954989e-14, 0.9999999992416827],
  ],
];

test("softmax is within 1 ulp of mpmath where the shifts round, in both branches of its hot loop", () => {
  for (const [z, expected] of SHIFTED) {
    const out = softmax(z);
    expected.forEach((e, i) => assertUlps(out[i], e, 1, `softmax([${z.join(", ")}])[${i}]`));
  }
});

// A maximum held by more than one logit: every copy but the first is a term exp(0) = 1 of the sum.
// Both branches of the hot loop (Fast2Sum: the first row; TwoSum: the second) and a triple tie.
// References: mpmath at 50 digits, mp.exp(mpf(z[i])) / fsum(mp.exp(mpf(v)) for v in z).
const TIED: [number[], number[]][] = [
  [
    [0.5, 0.5, -0.2],
    [0.4005470986636675, 0.4005470986636675, 0.198905802672665],
  ],
  [
    [-1, -3, -1],
    [0.4683105308334812, 0.06337893833303762, 0.4683105308334812],
  ],
  [
    [-2.5, 7, 7, 7],
    [2.4949987445161548e-5, 0.3333250166708516, 0.3333250166708516, 0.3333250166708516],
  ],
];

test("softmax counts every copy of a tied maximum, within 1 ulp of mpmath", () => {
  for (const [z, expected] of TIED) {
    const out = softmax(new Float64Array(z));
    expected.forEach((e, i) => assertUlps(out[i], e, 1, `softmax([${z.join(", ")}])[${i}]`));
  }
});

test.run();
