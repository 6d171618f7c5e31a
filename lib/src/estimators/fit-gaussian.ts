import { gaussian } from "../distributions";
import type { Gaussian, Sample } from "../distributions";
import { checkBoolean, rangeError, readOptions } from "../validate/validate";
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
 * One pass over the data with shifted sums: K is the mean of the values at ⌊i·m/n⌋, i < n =
 * min(m, 16) (sixteen spread over the sample, or all of them), S₁ = Σ(x_i − K), S₂ = Σ(x_i − K)²,
 * μ̂ = K + S₁/m and Σ(x_i − μ̂)² = S₂ − S₁²/m; each group of four terms is summed as a two-level
 * tree and the groups are added with TwoSum. The result is kept when S₂ ≤ 2.25·(S₂ − S₁²/m), which
 * certifies the bound below; otherwise the pass is repeated with the shift K + S₁/m (data whose 16
 * sampled values are not typical: trending or periodic data, an outlier among them), or on the data times
 * 2^j (exact) when S₂ overflows (values 1e300 apart) or underflows (a spread of 1e-300).
 * No division per element (unlike Welford's update), O(1) memory.
 *
 * Accuracy, for any data (proved in the source; m ≤ 2³², σ̂ and μ̂ not subnormal): σ̂ within
 * 1.6e-15 relative (13.9·2⁻⁵³), μ̂ within 8.6e-16·max(|μ̂|, σ̂) (7.7·2⁻⁵³).
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
  if (unbiased && m < 2) throw rangeError(FN, "unbiased needs m >= 2 observations, got 1");
  // Shifted sums of the data times sc (a power of two, 1 until S2 over- or underflows), repeated
  // until S2 ≤ 2.25·ss certifies the bound (the proof is after this function).
  let sc = 1;
  let scaled = false;
  let k = NaN;
  let s1!: number;
  let s2!: number;
  let ss!: number;
  // One pass for ordinary data (two for data whose 16 sampled values are atypical: sorted, trending,
  // periodic with a period dividing m/16); at most 5 by the termination argument below (the cap
  // is a guard)
  for (let pass = 0; pass < 9; pass++) {
    if (k !== k) {
      // K: the mean of x[⌊i·m/n⌋]·sc, i < n = min(m, 16): sixteen values spread over the sample, or
      // all of them (each divided by n first, so values near 1.8e308 do not overflow the sum). A
      // non-number counts as 0 here and is refused, with its index, by the pass below
      const n = m < 16 ? m : 16;
      k = 0;
      for (let i = 0; i < n; i++) {
        const x = xs[((i * m) / n) >>> 0];
        if (typeof x === "number") k += (x * sc) / n;
      }
    }
    [s1, s2] = shiftedSums(xs, m, k, sc);
    // S1·(S1/m), not S1²/m: S1² overflows where S2 = ΣD² ≥ S1²/m does not (values near 1e154
    // apart by an ulp, referee 8); the same two roundings
    ss = s2 - s1 * (s1 / m);
    if (!(s2 < Infinity)) throwFirstNonFinite(FN, xs);
    if (s2 < Infinity && s2 > 1e-271) {
      // the cap keeps K and S1 of the same pass (μ̂ = K + S1/m)
      if (s2 <= 2.25 * ss || pass === 8) break;
      // K too far from the mean: K + S1/m is within σ̂·(1 + 8u√r) of it (termination, below)
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
    throw rangeError(FN, "the values are too far apart, the standard deviation overflows");
  if (!(sigma > 0)) {
    const x0 = xs[0];
    for (let i = 1; i < m; i++) {
      if (xs[i] !== x0)
        throw rangeError(FN, `the standard deviation rounds to 0 (below 2.5e-324)${NO_MLE}`);
    }
    throw rangeError(FN, `all ${m} values equal ${x0}${NO_MLE}`);
  }
  return gaussian((k + s1 / m) / sc, sigma);
}

// Why S2 ≤ 2.25·ss certifies the bound. u = 2⁻⁵³; y = x·sc (exact, except for values that scaling
// down makes subnormal: they move ss by less than 2⁻¹⁰⁰⁰ of it; and squares that round in the
// subnormals lose m·2⁻¹⁰⁷⁵ at most, against S2 > 1e-271); D = y − K, r = ΣD²/ss, ss = Σ(y − ȳ)².
// The computed ss is within u·(2√r + 4r + 4√(r(r − 1)) + 4(r − 1) + 1) + O(u²) of ss, relatively:
//  - 2√r: d = fl(y − K) = D(1 + δ), |δ| ≤ u, changes ss by ≤ 2u·Σ|y − ȳ||D| ≤ 2u·√(ss·ΣD²);
//  - 4r: each d² rounds once (u), passes two tree additions of positive terms (2u), and
//    fl(s2 + c2) rounds once (u): 4u·ΣD² = 4u·r·ss. TwoSum is exact; the low parts, summed plainly
//    and flushed every 2^16 values, err by < 2⁻⁵⁹·ΣD² for m ≤ 2³² (the first m mod 4 terms, summed
//    plainly from 0, pass at most two additions, as in a tree);
//  - 4√(r(r − 1)): the trees of S1 err by ≤ 2u·Σ|d|, which enters ss as 2|S1|/m times that, and
//    |S1|/m·Σ|d| ≤ √((ΣD² − ss)·ΣD²) (Cauchy–Schwarz, S1²/m = ΣD² − ss);
//  - 4(r − 1): fl(s1 + c1) (2u of S1²/m), S1/m and S1·(S1/m) (u each), with S1²/m = (r − 1)·ss;
//  - 1: the final subtraction.
// The computed S2/ss ≤ 2.25 implies r ≤ 2.25·(1 + 2⁻⁴⁵) (if r were above 2.5, S2/ss would be
// too: the error of ss is below 13u·ΣD²), so ss is within 24.7u, and σ̂ = √(ss/m)/sc within
// 24.7u/2 + u/2 (the division) + u (the root) = 13.9u = 1.54e-15. μ̂ = (K + S1/m)/sc: the shift's
// rounding u√r·σ̂, the trees 2u√r·σ̂, fl(s1 + c1) and the division u√(r − 1)·σ̂ each, the last
// addition u·|μ̂|: at most 7.7u·max(|μ̂|, σ̂) (σ̂ the MLE, the smaller of the two).
// Termination: K lies in the data's range up to 16u·max|y|, and unequal doubles have σ̂ ≥
// range/(2√m) and σ̂ ≥ u·max|y|/(4√m), so a first pass has r ≤ 1 + 4400·m < 2⁴⁵. A refined shift
// fl(K + fl(S1/m)) is within dist(ȳ, doubles) + 8u√r·σ̂ of ȳ, and dist(ȳ, doubles) ≤ σ̂ because
// every yᵢ is a double;
// so the next r ≤ 1 + (1 + 8u√r)², below 2.1 from any r ≤ 2⁶⁰: one refinement, after at most one
// rescaling (which restarts K from the sampled values) — five passes at most (all equal values: up to
// four, as K, the mean of 16 values each divided by 16, need not be that value; then S2 ≠ 0 but
// S2 > 2.25·ss fails, and the refined K gives S2 = 0, which rescales once).

/**
 * [S1, S2] = [Σ dᵢ, Σ dᵢ²] with dᵢ = xᵢ·sc − k: the m mod 4 first terms summed plainly, then each
 * group of four as a two-level tree ((d₀ + d₁) + (d₂ + d₃), likewise the squares) added with TwoSum
 * into a (hi, lo) pair, the low parts summed plainly within 2^16 values and then flushed. Each tree
 * is within 2·2⁻⁵³ of Σ|d| (of Σd² for the squares), the rest below 2⁻⁵⁹ of it at any m ≤ 2³²; the
 * hot loop of fitGaussian (faster than a plain loop: four independent terms per step). Throws for
 * a non-number entry.
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
