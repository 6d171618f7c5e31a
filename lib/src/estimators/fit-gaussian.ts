import { gaussian } from "../distributions";
import type { Gaussian, Sample } from "../distributions";
import { checkBoolean, readOptions } from "../validate/validate";
import { requireSample, throwFirstNonFinite } from "./internal";
import { productError } from "../information/numerics";

/** Options of {@link fitGaussian}. */
export interface FitGaussianOptions {
  /** Divide the sum of squares by m − 1 instead of m (not the MLE). Default `false`. */
  unbiased?: boolean;
}

const FN = "fitGaussian";
const NO_MLE = ", sigma = 0 has no Gaussian MLE";

/**
 * Fits a Gaussian by maximum likelihood: the sample mean and the root mean squared deviation.
 *
 * μ̂ = (1/m) Σ x_i and σ̂² = (1/m) Σ (x_i − μ̂)² (the MLE divides by m, and is biased:
 * E[σ̂²] = (m − 1)/m · σ²); with `{ unbiased: true }` σ̂² divides by m − 1 instead.
 * One pass over the data with shifted sums: with K = x₁, S₁ = Σ(x_i − K) and S₂ = Σ(x_i − K)²,
 * μ̂ = K + S₁/m and Σ(x_i − μ̂)² = S₂ − S₁²/m, the sums blocked and compensated. Shifting by a data
 * value keeps the cancellation small for data like 1e9 + small noise and needs no division per
 * element, unlike Welford's update. When that form fails — S₂ overflows (values 1e300 apart),
 * the squares underflow (a spread of 1e-300), or S₂ − S₁²/m cancels more than 8-fold (x₁ more
 * than √7·σ̂ from the mean, where the cancellation would magnify the rounding of S₁ and S₂) — two
 * passes on the data scaled by a power of two (exact) give the mean and the corrected sum of
 * squares instead.
 *
 * @param xs the observations (finite)
 * @param opts `unbiased` (default `false`)
 * @returns `gaussian(μ̂, σ̂)`
 * @throws {TypeError} when `xs` is not a `number[]` or `Float64Array` or holds a non-number (`null` is not read as 0),
 *   or `opts` is not an options object, has a key other than `unbiased`, or `unbiased` is not a boolean
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index); when all values
 *   are equal (σ̂ = 0: the likelihood is unbounded, no Gaussian MLE); with `unbiased` when m < 2; when
 *   σ̂ itself exceeds the double range
 * @example
 * const g = fitGaussian([1, 2, 3, 4]);
 * g.params.mu;                                       // => 2.5
 * g.params.sigma;                                    // => 1.118033988749895
 * fitGaussian([1, 2, 3, 4], { unbiased: true }).params.sigma; // => 1.2909944487358056
 * fitGaussian([1e9 + 1, 1e9 + 2, 1e9 + 3]).params.sigma;      // => 0.816496580927726
 * fitGaussian([2, 2]);                               // throws RangeError: fitGaussian: all 2 values equal 2, sigma = 0 has no Gaussian MLE
 */
export function fitGaussian(xs: Sample, opts?: FitGaussianOptions): Gaussian {
  const { unbiased = false } = readOptions(FN, opts, ["unbiased"]);
  checkBoolean(FN, "unbiased", unbiased);
  const m = requireSample(FN, xs);
  if (unbiased && m < 2) throw new RangeError(`${FN}: unbiased needs m >= 2 observations, got 1`);
  const shift = xs[0];
  // Shifted sums S1 = Σ(x − K), S2 = Σ(x − K)², K = x₁, blocked (plain inside blocks of 256, the
  // block sums added with TwoSum) so that the error does not grow with m.
  let s1 = 0;
  let s1Lo = 0;
  let s2 = 0;
  let s2Lo = 0;
  for (let start = 0; start < m; start += 256) {
    const end = start + 256 < m ? start + 256 : m;
    let b1 = 0;
    let b2 = 0;
    for (let i = start; i < end; i++) {
      const x = xs[i];
      if (typeof x !== "number") throwFirstNonFinite(FN, xs);
      const d = x - shift;
      b1 += d;
      b2 += d * d;
    }
    let t = s1 + b1;
    let z = t - s1;
    s1Lo += s1 - (t - z) + (b1 - z);
    s1 = t;
    t = s2 + b2;
    z = t - s2;
    s2Lo += s2 - (t - z) + (b2 - z);
    s2 = t;
  }
  if (typeof shift !== "number" || !Number.isFinite(s2)) throwFirstNonFinite(FN, xs);
  s2 = s2 - s2 === 0 ? s2 + s2Lo : s2;
  // K + S1/m with the quotient's remainder kept (Dekker's product): when K is far from the mean,
  // K + fl(S1/m) would cancel the quotient's rounding error into the result.
  const q = s1 / m;
  const qm = q * m;
  const rem = s1 - qm - productError(q, m, qm) + s1Lo;
  let mean = shift + q + rem / m;
  s1 += s1Lo;
  let ss = s2 - (s1 * s1) / m;
  // The one-pass form fails in three rare ways, each redone by two passes on x·2^-e (exact):
  // S2 overflowed (values 1e300 apart), squares underflowed (a spread of 1e-300, or ss = 0 for
  // unequal values), or S2 − S1²/m cancelled (the shift far from the mean, as an outlier in first
  // place: then it keeps only the digits the outlier leaves).
  let back = 1; // ss is in units of back²
  // S2 > 8·ss is the cancellation limit: the plain sums in the blocks leave S1 and S2 a few ulps
  // off, magnified in ss by S2/ss (so at 1024, the former limit, σ̂ was 2.6e-14 off on [0, 7.5 … 8.5];
  // the accuracy cases measure 8.6e-16 at 4 and at 8, 2.2e-15 at 16). At 8 a Gaussian sample's x₁
  // is beyond √7·σ̂ about 0.8 % of the time (at 4, beyond √3·σ̂, 8 %): those take two passes.
  // (The mean K + S1/m cancels too when K is far from the mean against both its size and the
  // spread: an outlier in first place.)
  const far = Math.abs(s1) > 4 * m * (Math.abs(mean) + Math.sqrt(ss / m));
  if (!(s2 < Infinity) || !(ss > 0) || s2 < 2 ** -900 || ss * 8 < s2 || far) {
    [mean, ss, back] = twoPass(xs, m);
  }
  const sigma = Math.sqrt(ss / (unbiased ? m - 1 : m)) * back;
  if (!(sigma < Infinity))
    throw new RangeError(`${FN}: the values are too far apart, the standard deviation overflows`);
  if (!(sigma > 0)) {
    for (let i = 1; i < m; i++) {
      if (xs[i] !== shift)
        throw new RangeError(`${FN}: the standard deviation rounds to 0 (below 2.5e-324)${NO_MLE}`);
    }
    throw new RangeError(`${FN}: all ${m} values equal ${shift}${NO_MLE}`);
  }
  return gaussian(mean, sigma);
}

/**
 * The mean and Σ(x − mean)² by two passes on x·2^-e (e the exponent of the largest |x|, so the
 * scaled values are at most 1 and their squares neither overflow nor, for tiny data, underflow),
 * with the usual correction Σd² − (Σd)²/m for the rounding of the mean; compensated sums.
 * Returns the unscaled mean, and ss in units of back² (so that √(ss/m)·back neither overflows nor
 * underflows on the way).
 */
function twoPass(xs: Sample, m: number): [mean: number, ss: number, back: number] {
  let max = 0;
  for (let i = 0; i < m; i++) max = Math.max(max, Math.abs(xs[i]));
  const e = max > 0 ? Math.floor(Math.log2(max)) + 1 : 0;
  const down = 2 ** -Math.max(-1022, Math.min(1023, e));
  const back = 1 / down;
  let s = 0;
  let c = 0;
  for (let i = 0; i < m; i++) {
    const v = xs[i] * down;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  const mean = (s + c) / m;
  let d1 = 0;
  let d2 = 0;
  let d2c = 0;
  for (let i = 0; i < m; i++) {
    const d = xs[i] * down - mean;
    d1 += d;
    const q = d * d;
    const t = d2 + q;
    d2c += d2 >= q ? d2 - t + q : q - t + d2;
    d2 = t;
  }
  const ss = d2 + d2c - (d1 * d1) / m;
  return [(mean + d1 / m) * back, ss, back];
}
