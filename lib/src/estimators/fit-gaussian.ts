import { gaussian } from "../distributions";
import type { Gaussian, Sample } from "../distributions";
import { checkBoolean, readOptions } from "../validate/validate";
import { requireSample, throwFirstNonFinite } from "./internal";
import { scaleFor } from "../information/numerics";

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
  // Σ(x·sc − K) and Σ(x·sc − K)² with the shift K near the mean: first the mean of the first
  // 16 values, unscaled (sc = 1). Passes until S2 ≤ 2.25·ss certifies the bound (see above).
  let sc = 1;
  let scaled = false;
  let k = NaN;
  let s1!: number;
  let s2!: number;
  let ss!: number;
  // At most 4 passes (the termination argument above); the cap only guards against a loop
  for (let pass = 0; pass < 9; pass++) {
    if (k !== k) {
      // K: the mean of x[⌊i·m/n⌋]·sc, i < n = min(m, 16): sixteen values spread over the sample, or
      // all of them; NaN or ±Infinity if their sum overflows. A non-number counts as 0 here and is
      // refused, with its index, by the pass below
      const n = m < 16 ? m : 16;
      k = 0;
      for (let i = 0; i < n; i++) {
        const x = xs[((i * m) / n) >>> 0];
        if (typeof x === "number") k += x * sc;
      }
      k /= n;
    }
    [s1, s2] = shiftedSums(xs, m, k, sc);
    ss = s2 - (s1 * s1) / m;
    if (!(s2 < Infinity)) throwFirstNonFinite(FN, xs);
    if (s2 < Infinity && s2 > 1e-271) {
      if (s2 <= 2.25 * ss) break;
      // K too far from the mean (a trend, an outlier among the first 16): K + S1/m is within
      // 8·2⁻⁵³·√(S2/ss) σ̂ of the mean, or of its nearest double, which σ̂ cannot be below
      k += s1 / m;
    } else if (scaled)
      break; // S2 = 0 on scaled data: all values equal, thrown below
    else {
      // S2 overflowed (values 1e300 apart) or the squares underflowed (a spread of 1e-300):
      // the data times 2^j (exact), the largest |x| brought to [1, 2)
      let max = 0;
      for (const x of xs) max = Math.max(max, Math.abs(x));
      sc = scaleFor(max);
      k = NaN;
      scaled = true;
    }
  }
  const sigma = Math.sqrt(ss / (unbiased ? m - 1 : m)) / sc;
  if (!(sigma < Infinity))
    throw new RangeError(`${FN}: the values are too far apart, the standard deviation overflows`);
  if (!(sigma > 0)) {
    const x0 = xs[0];
    for (let i = 1; i < m; i++) {
      if (xs[i] !== x0)
        throw new RangeError(`${FN}: the standard deviation rounds to 0 (below 2.5e-324)${NO_MLE}`);
    }
    throw new RangeError(`${FN}: all ${m} values equal ${x0}${NO_MLE}`);
  }
  return gaussian((k + s1 / m) / sc, sigma);
}

/**
 * [S1, S2] = [Σ dᵢ, Σ dᵢ²] with dᵢ = xᵢ·sc − k: the m mod 4 first terms summed plainly, then each
 * group of four as a two-level tree ((d₀ + d₁) + (d₂ + d₃), likewise the squares) added with TwoSum
 * into a (hi, lo) pair, per chunk of 2^16 values, the chunks added with TwoSum. Each tree is within
 * 2·2⁻⁵³ of Σ|d| (of Σd² for the squares); the rest is below 2⁻⁷⁰ of it at any m ≤ 2^32. Throws
 * for a non-number entry.
 */
function shiftedSums(xs: Sample, m: number, k: number, sc: number): [number, number] {
  let s1 = 0;
  let s2 = 0;
  let c1 = 0;
  let c2 = 0;
  let i = 0;
  for (; i < m % 4; i++) {
    const x = xs[i];
    if (typeof x !== "number") throwFirstNonFinite(FN, xs);
    const d = x * sc - k;
    s1 += d;
    s2 += d * d;
  }
  while (i < m) {
    const end = i + 65536 < m ? i + 65536 : m;
    let l1 = 0;
    let l2 = 0;
    for (; i < end; i += 4) {
      const a = xs[i];
      const b = xs[i + 1];
      const c = xs[i + 2];
      const e = xs[i + 3];
      if (
        typeof a !== "number" ||
        typeof b !== "number" ||
        typeof c !== "number" ||
        typeof e !== "number"
      )
        throwFirstNonFinite(FN, xs);
      const d0 = a * sc - k;
      const d1 = b * sc - k;
      const d2 = c * sc - k;
      const d3 = e * sc - k;
      const b1 = d0 + d1 + (d2 + d3);
      const b2 = d0 * d0 + d1 * d1 + (d2 * d2 + d3 * d3);
      let t = s1 + b1;
      let z = t - s1;
      l1 += s1 - (t - z) + (b1 - z);
      s1 = t;
      t = s2 + b2;
      z = t - s2;
      l2 += s2 - (t - z) + (b2 - z);
      s2 = t;
    }
    c1 += l1;
    c2 += l2;
  }
  return [s1 + c1, s2 + c2];
}
