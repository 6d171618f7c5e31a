import { gaussian } from "../distributions";
import type { Gaussian, Sample } from "../distributions";
import { checkBoolean, readOptions } from "../validate/validate";
import { requireSample, throwFirstNonFinite } from "./internal";

/** Options of {@link fitGaussian}. */
export interface FitGaussianOptions {
  /** Divide the sum of squares by m − 1 instead of m (not the MLE). Default `false`. */
  unbiased?: boolean;
}

/**
 * Fits a Gaussian by maximum likelihood: the sample mean and the root mean squared deviation.
 *
 * μ̂ = (1/m) Σ x_i and σ̂² = (1/m) Σ (x_i − μ̂)² (the MLE divides by m, and is biased:
 * E[σ̂²] = (m − 1)/m · σ²); with `{ unbiased: true }` σ̂² divides by m − 1 instead.
 * One pass over the data with shifted sums: with K = x₁, S₁ = Σ(x_i − K) and S₂ = Σ(x_i − K)²,
 * μ̂ = K + S₁/m and Σ(x_i − μ̂)² = S₂ − S₁²/m. Shifting by a data value keeps the
 * cancellation small (no catastrophic loss for data like 1e9 + small noise) and needs no
 * division per element, unlike Welford's update.
 *
 * @param xs the observations (finite)
 * @param opts `unbiased` (default `false`)
 * @returns `gaussian(μ̂, σ̂)`
 * @throws {TypeError} when `xs` is not a `number[]` or `Float64Array` or holds a non-number (`null` is not read as 0),
 *   or `opts` is not an options object, has a key other than `unbiased`, or `unbiased` is not a boolean
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index); when all values
 *   are equal (σ̂ = 0: the likelihood is unbounded, no Gaussian MLE); with `unbiased` when m < 2
 * @example
 * const g = fitGaussian([1, 2, 3, 4]);
 * g.params.mu;                                       // => 2.5
 * g.params.sigma;                                    // => 1.118033988749895
 * fitGaussian([1, 2, 3, 4], { unbiased: true }).params.sigma; // => 1.2909944487358056
 * fitGaussian([1e9 + 1, 1e9 + 2, 1e9 + 3]).params.sigma;      // => 0.816496580927726
 * fitGaussian([2, 2]);                               // throws RangeError: fitGaussian: all 2 values equal 2, sigma = 0 has no Gaussian MLE
 */
export function fitGaussian(xs: Sample, opts?: FitGaussianOptions): Gaussian {
  const { unbiased = false } = readOptions("fitGaussian", opts, ["unbiased"]);
  checkBoolean("fitGaussian", "unbiased", unbiased);
  const m = requireSample("fitGaussian", xs);
  if (unbiased && m < 2) throw new RangeError("fitGaussian: unbiased needs m >= 2 observations, got 1");
  const shift = xs[0];
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < m; i++) {
    const x = xs[i];
    if (typeof x !== "number") throwFirstNonFinite("fitGaussian", xs);
    const d = x - shift;
    s1 += d;
    s2 += d * d;
  }
  if (typeof shift !== "number" || !Number.isFinite(s2)) {
    throwFirstNonFinite("fitGaussian", xs);
    throw new RangeError("fitGaussian: the values are too far apart, the sum of squares overflows");
  }
  const mean = shift + s1 / m;
  const ss = Math.max(0, s2 - (s1 * s1) / m);
  if (ss === 0) {
    for (let i = 1; i < m; i++) {
      if (xs[i] !== shift) throw new RangeError("fitGaussian: the sample variance rounds to 0, sigma = 0 has no Gaussian MLE");
    }
    throw new RangeError(`fitGaussian: all ${m} values equal ${shift}, sigma = 0 has no Gaussian MLE`);
  }
  return gaussian(mean, Math.sqrt(ss / (unbiased ? m - 1 : m)));
}
