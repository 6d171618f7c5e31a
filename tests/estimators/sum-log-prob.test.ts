import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  categorical,
  createRng,
  exponential,
  gaussian,
  poisson,
} from "../../lib/src/distributions";
import { sumLogProb } from "../../lib/src/estimators/sum-log-prob";
import { assertUlps } from "../helpers/numeric";

test("each family's specialised sum equals the per-element Σ logProb on random data", () => {
  const rng = createRng(3);
  const ds = [
    bernoulli(0.3),
    categorical([0.2, 0.3, 0.5]),
    gaussian(-1, 0.5),
    poisson(30),
    exponential(0.2),
  ];
  for (const d of ds) {
    const xs = d.sample(1000, rng);
    const direct = Array.from(xs).reduce((s, x) => s + d.logProb(x), 0);
    assert.ok(Math.abs(sumLogProb("f", d, xs) - direct) <= 1e-11 * Math.abs(direct), d.family);
  }
});

test("errors carry the caller's function name", () => {
  assert.throws(
    () => sumLogProb("myCaller", gaussian(0, 1), []),
    (e: Error) => e instanceof RangeError && e.message.startsWith("myCaller: xs is empty"),
  );
  assert.throws(
    () => sumLogProb("myCaller", poisson(1), [1, NaN]),
    (e: Error) => e.message === "myCaller: xs[1] = NaN is not a number",
  );
});

// The block sums of the closed forms are added with TwoSum, so the sum does not drift with the
// number of blocks. Adversarial data: a first block whose sum is so large that every later block's
// sum is below half its ulp, so a plain sum of the block sums drops each one (issue 22's
// "compensated sum of block sums" class). References: exact rationals or mpmath at 50 digits.
test("Gaussian: the 256-term block sums of z² are compensated (each later block below half an ulp of the first)", () => {
  // block 0: 256 × z = 2^22 (Σz² = 2^52); then 1000 blocks of 256 × z = 2^-5 (0.25 each, lost by a
  // plain sum, as ulp(2^52) = 1), and one entry more (a last block of 1: the loop must stop at m).
  // Exact: −(2^52 + 250 + 2^-10)/2 − 256257·½log(2π); mpmath (50 digits):
  // -(mpf(2)**52 + 250 + mpf(2)**-10)/2 - 256257*log(2*pi)/2 = −2251799813920857.4322…
  const xs = new Float64Array(256 * 1001 + 1).fill(2 ** -5);
  xs.fill(2 ** 22, 0, 256);
  assertUlps(sumLogProb("f", gaussian(0, 1), xs), -2251799813920857.5, 1);
});

test("Poisson: the 256-term block sums of log xᵢ! are compensated (each later block below half an ulp of the first)", () => {
  // block 0: one count 10^15 (log 10^15! ≈ 3.35e16, ulp 4) and 255 zeros; then 1000 blocks of
  // 256 counts 2 (256·log 2 = 177.4 a block, 1.45 of it lost to each plain addition). λ = 1, so
  // ℓ = −Σ log xᵢ! − m. mpmath (50 digits): -(loggamma(mpf(10)**15 + 1) + 256000*log(2) + 256256)
  // = −33538776395344405.127…; log 10^15! itself is within 2 ulps (lib/README.md, logFactorial).
  const xs = new Float64Array(256 * 1001).fill(2);
  xs.fill(0, 0, 256);
  xs[0] = 1e15;
  assertUlps(sumLogProb("f", poisson(1), xs), -3.3538776395344404e16, 3);
});

test("exponential: the 16-term block sums of x are compensated, and so are those of the scaled sum where Σx overflows", () => {
  // rate 1: ℓ = −Σx exactly. Block 0: 16 × 2^49 (2^53); then 10000 blocks of 16 × 2^-5 (0.5 each,
  // half an ulp of 2^53: a plain sum rounds every one away). Exact: −(2^53 + 5000).
  const xs = new Float64Array(16 * 10001).fill(2 ** -5);
  xs.fill(2 ** 49, 0, 16);
  assert.is(sumLogProb("f", exponential(1), xs), -(2 ** 53 + 5000));
  // Σx = 2^1024 + 1000·2^970 overflows, so the sum is taken on x·2^-64: block 0 is 16 × 2^1020
  // (2^960 scaled), the other 1000 blocks 16 × 2^966 (2^906 scaled, below half of ulp(2^960) = 2^908).
  // rate 2^-10: ℓ = m·log 2^-10 − 2^-10·Σx; the first term is below half an ulp of the second, so the
  // nearest double is −(2^1014 + 1000·2^960) (exact; mpmath agrees: 16016*log(mpf(2)**-10) - (2**1014 + 1000*2**960))
  const big = new Float64Array(16 * 1001).fill(2 ** 966);
  big.fill(2 ** 1020, 0, 16);
  assert.is(sumLogProb("f", exponential(2 ** -10), big), -(2 ** 1014 + 1000 * 2 ** 960));
});

test.run();
