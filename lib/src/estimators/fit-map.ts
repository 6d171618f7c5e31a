import { bernoulli } from "../distributions/bernoulli";
import { beta } from "../distributions/beta";
import type { Beta } from "../distributions/beta";
import type { Bernoulli, Sample } from "../distributions";
import { buildDesign } from "./design-matrix";
import type { DesignRows } from "./design-matrix";
import { entryFail, requireSample } from "./internal";
import { productError } from "../information/numerics";
import { fitLinearRegression } from "./fit-linear-regression";
import {
  checkBoolean,
  checkNonNegative,
  checkPositive,
  entryError,
  readOptions,
} from "../validate/validate";

/** The Beta prior of {@link fitBernoulliMap}: Beta(alpha, beta) on the success probability. */
export interface BernoulliMapOptions {
  /** First shape of the prior, > 0. Default 1 (with `beta = 1`, a flat prior: MAP = MLE). */
  alpha?: number;
  /** Second shape of the prior, > 0. Default 1. */
  beta?: number;
}

/** What {@link fitBernoulliMap} returns. */
export interface BernoulliMapFit {
  /** θ_MAP, the mode of the posterior. */
  p: number;
  /** The posterior Beta(alpha + h, beta + m − h). */
  posterior: Beta;
  /** The fitted model, `bernoulli(p)`. */
  model: Bernoulli;
}

/**
 * Fits a Bernoulli success probability by maximum a posteriori (MAP) estimation under a Beta prior.
 *
 * With h ones in m observations and prior Beta(alpha, beta), the posterior is Beta(alpha + h, beta + m − h)
 * (conjugacy), and θ_MAP = argmax_θ [log p(x | θ) + log p(θ)] is its mode,
 * θ_MAP = (h + alpha − 1) / (m + alpha + beta − 2).
 * Beta(1, 1) gives the MLE h/m; Beta(2, 2) gives add-one (Laplace) smoothing (h + 1)/(m + 2).
 * Edge cases (m ≥ 1, so the posterior always has a single mode): when h + alpha < 1 the posterior
 * density grows without bound at 0 and θ_MAP = 0; when m − h + beta < 1, θ_MAP = 1. The formula above
 * would leave [0, 1] there. θ_MAP is the exact quotient rounded to nearest, for every pair of shapes,
 * except within about 2⁻¹⁰⁶ of a tie between two doubles, which may round either way (so within
 * 0.5 ulp + 2⁻¹⁰⁶ relative; shapes more than 2¹⁰⁶ apart, the eighth referee pass): the sums are
 * formed as double-doubles, and a quotient that would be subnormal is rounded directly onto the
 * subnormal grid.
 *
 * @param xs the observations, each exactly 0 or 1
 * @param opts the prior's shapes `alpha` and `beta` (default 1 and 1)
 * @returns `{ p, posterior, model }`: θ_MAP, the posterior Beta, and `bernoulli(θ_MAP)`
 * @throws {TypeError} when `xs` is not a `number[]` or `Float64Array`, an entry or a shape is not a number, or
 *   `opts` is not an options object or has an unknown key
 * @throws {RangeError} when `xs` is empty, an entry is not 0 or 1, or a shape is NaN or not finite and > 0
 * @example
 * fitBernoulliMap([1, 1, 1], { alpha: 2, beta: 2 }).p;                  // => 0.8
 * fitBernoulliMap([1, 1, 1], { alpha: 2, beta: 2 }).posterior.params;   // => { alpha: 5, beta: 2 }
 * fitBernoulliMap([1, 0, 1]).p;                                         // => 0.6666666666666666
 * fitBernoulliMap([0, 0], { alpha: 0.5, beta: 2 }).p;                   // => 0
 * fitBernoulliMap([1], { alpha: 0.5, beta: 1e308 }).p;                  // => 5e-309 (a subnormal mode)
 * fitBernoulliMap([1, 2]);  // throws RangeError: fitBernoulliMap: xs[1] = 2 is not 0 or 1
 * fitBernoulliMap([1], { alpha: 0 }); // throws RangeError: fitBernoulliMap: alpha = 0 must be finite and > 0
 */
/**
 * The posterior mode (α − 1 + h)/(α + β − 2 + m) with one rounding, decided on the exact shapes:
 * 0 when α + h < 1, 1 when β + m − h < 1, else the quotient. Numerator and denominator are
 * double-doubles, renormalised before the division: rounding α + h or α + β + m first lost a prior
 * shape below half an ulp (Beta(1 + 1e-20, 1) read as Beta(1, 1), a NaN mode), and an unnormalised
 * low part as large as the high part gave only a first-order quotient (2⁻⁹ for 1/513). When
 * α + β + m reaches 2¹⁰⁰⁰ every term is scaled by 2⁻⁶⁴ first (`one` is then 2⁻⁶⁴; a term that falls
 * below the normal range there is too small to move the result). Where the remainder of the division
 * could underflow (a numerator or quotient below 2⁻⁹⁰⁰: α subnormal, a subnormal mode) the quotient
 * is formed on scaled operands by {@link scaledQuotient}.
 */
function posteriorMode(alpha: number, b: number, h: number, m: number, one: number): number {
  if (!(alpha + b + m < 2 ** 1000)) {
    const s = 2 ** -64;
    return posteriorMode(alpha * s, b * s, h * s, m * s, s);
  }
  // (TwoSum inline: the helper's [s, e] arrays were five allocations a call)
  const x1 = alpha - one;
  let v = x1 - alpha;
  const e1 = alpha - (x1 - v) + (-one - v);
  const n0 = h + x1;
  v = n0 - h;
  const e2 = h - (n0 - v) + (x1 - v);
  // numerator α + h − 1 = n0 + e2 + e1 exactly; renormalised to n + nl
  const nl0 = e1 + e2;
  const n = n0 + nl0;
  v = n - n0;
  const nl = n0 - (n - v) + (nl0 - v);
  const y1 = b - one;
  v = y1 - b;
  const f1 = b - (y1 - v) + (-one - v);
  const mh = m - h;
  const o0 = mh + y1;
  v = o0 - mh;
  const f2 = mh - (o0 - v) + (y1 - v);
  // β + m − h − 1 = o0 + f2 + f1 exactly; renormalised to o + ol
  const ol0 = f1 + f2;
  const o = o0 + ol0;
  v = o - o0;
  const ol = o0 - (o - v) + (ol0 - v);
  if (n < 0) return 0; // α + h < 1 (then β + m − h ≥ 1, as m ≥ 1)
  if (o < 0) return 1; // β + m − h < 1
  // denominator n + nl + o + ol, renormalised to d + dl
  const d0 = n + o;
  v = d0 - n;
  const dl0 = n - (d0 - v) + (o - v) + nl + ol;
  const d = d0 + dl0;
  v = d - d0;
  const dl = d0 - (d - v) + (dl0 - v);
  const q = n / d;
  // the remainder's low part underflows below about 2⁻⁹⁶⁸: 1.4e6 ulps at α = 1.66e-314
  if (!(q >= 2 ** -900 && n >= 2 ** -900)) return scaledQuotient(n, nl, d, dl);
  const pd = q * d;
  const res = n - pd - productError(q, d, pd); // n − q·d, exactly
  return q + (res + nl - q * dl) / d;
}

/** x·2^k for an integer k in [−1000, 1074], exact where the result is normal. */
function timesPowerOfTwo(x: number, k: number): number {
  return k > 1000 ? x * 2 ** 1000 * 2 ** (k - 1000) : x * 2 ** k;
}

/**
 * (n + nl)/(d + dl) rounded once (up to a near-tie: the correction keeps about 2⁻¹⁰⁶), for double-doubles with 0 ≤ n + nl ≤ d + dl, n ≥ 5e-324 or 0, and
 * d < 2¹⁰⁰⁰, subnormal quotients included: numerator and denominator are scaled into [1, 2) by powers of
 * two, their quotient q and its remainder formed there (Dekker, nothing underflows), and q·2^e put
 * back: by one exact multiplication when it is normal, else rounded once onto the subnormal grid as
 * the nearest whole number of units 2⁻¹⁰⁷⁴ (ties to even). Rounding q first and then scaling it to a
 * subnormal rounds twice (571 ulps at α = 1.77e-4, β = 2.8e304, as posterior.mode() gave).
 */
function scaledQuotient(n: number, nl: number, d: number, dl: number): number {
  if (n === 0) return 0; // (then nl = 0)
  const kn = -Math.floor(Math.log2(n));
  const kd = -Math.floor(Math.log2(d));
  const N = timesPowerOfTwo(n, kn);
  const D = timesPowerOfTwo(d, kd);
  const q = N / D; // in (¼, 4) (Math.log2 may round up to the next power of two)
  const pd = q * D;
  const c =
    (N - pd - productError(q, D, pd) + timesPowerOfTwo(nl, kn) - q * timesPowerOfTwo(dl, kd)) / D;
  const e = kd - kn; // (n + nl)/(d + dl) = (q + c)·2^e
  if (e > -1000) return (q + c) * 2 ** e;
  if (e < -1100) return 0; // below 2⁻¹⁰⁹⁸
  const w = 2 ** (e + 1074);
  const units = q * w;
  if (units >= 2 ** 52) return (q + c) * 2 ** e; // normal after all
  let k = Math.round(units);
  const r = units - k + c * w; // (units − k exact)
  if (r > 0.5 || (r === 0.5 && k % 2 === 1)) k++;
  else if (r < -0.5 || (r === -0.5 && k % 2 === 1)) k--;
  return k * 2 ** -1074;
}

export function fitBernoulliMap(xs: Sample, opts?: BernoulliMapOptions): BernoulliMapFit {
  const fn = "fitBernoulliMap";
  const { alpha = 1, beta: b = 1 } = readOptions(fn, opts, ["alpha", "beta"]);
  checkPositive(fn, "alpha", alpha);
  checkPositive(fn, "beta", b);
  const m = requireSample(fn, xs);
  let h = 0;
  for (let i = 0; i < m; i++) {
    const x = xs[i];
    if (x === 1) h++;
    else if (x !== 0) entryFail(fn, i, x, "is not 0 or 1");
  }
  const posterior = beta(alpha + h, b + (m - h)); // (b + m − h would round b + m to m first, leaving 0 for tiny b)
  const p = posteriorMode(alpha, b, h, m, 1);
  return { p, posterior, model: bernoulli(p) };
}

/** Options of {@link fitRidgeRegression}. */
export interface RidgeRegressionOptions {
  /**
   * The penalty λ ≥ 0, in the one meaning mlekit gives `l2` (as `fitLogisticRegression`): the fit minimises the
   * negative log-likelihood plus (λ/2)‖w‖² with the likelihood's noise variance taken as the unit, i.e.
   * Σ (y_i − x_iᵀw)² + λ‖w‖², w in the units of X, the intercept not penalised. Under a N(0, τ²) prior on each
   * weight and noise σ², λ = σ²/τ². scikit-learn's `Ridge(alpha = λ)` minimises the same. Default 0.
   */
  l2?: number;
  /** Prepend an (unpenalised) column of ones, so `weights[0]` is the intercept. Default `false`. */
  intercept?: boolean;
}

/** What {@link fitRidgeRegression} returns. */
export interface RidgeRegressionFit {
  /** w_MAP, one per design column (the intercept first when `intercept: true`). */
  weights: number[];
  /** The training mean squared residual (1/m) Σ (y_i − x_iᵀw)² at w_MAP. */
  mse: number;
  /** √mse, the noise scale the residuals suggest at w_MAP. */
  sigma: number;
  /** The penalty λ used. */
  l2: number;
}

/**
 * Fits y ≈ Xw by maximum a posteriori estimation with a Gaussian prior on the weights: ridge
 * regression, or L2 weight decay (Goodfellow et al. §5.6.1).
 *
 * With y_i | x_i ~ N(x_iᵀw, σ²) and independent priors w_j ~ N(0, τ²) on the non-intercept weights
 * (a flat prior on the intercept), −log p(w | X, y) = [Σ (y_i − x_iᵀw)² + λ Σ_j w_j²] / (2σ²) + const with
 * λ = σ²/τ², so w_MAP = argmin_w Σ (y_i − x_iᵀw)² + λ‖w‖² = (XᵀX + λD)⁻¹Xᵀy, D the identity with 0 at
 * the intercept. It is computed by Householder QR of X stacked on √λ·D (the augmented least-squares
 * problem), never forming XᵀX. λ = 0 is ordinary least squares (`fitLinearRegression`); as λ → ∞ the
 * penalised weights go to 0 and ‖w‖ falls monotonically along the way.
 *
 * @param X the rows x_i (each the same length, finite), taken as given (standardise them first so one λ suits all)
 * @param y the targets, one per row (finite)
 * @param opts `l2` (default 0) and `intercept` (default `false`)
 * @returns `{ weights, mse, sigma, l2 }`
 * @throws {TypeError} when X is not an array of rows, a row or y is not a `number[]`/`Float64Array`, an entry,
 *   a target or `l2` is not a number, or `opts` is not an options object or has an unknown key
 * @throws {RangeError} when l2 is NaN or not finite and ≥ 0, X is empty, rows differ in length, an entry or a
 *   target is NaN or infinite, the lengths of X and y differ, or (λ = 0 only, or for the intercept) the design
 *   is singular
 * @example
 * fitRidgeRegression([[-1], [0], [1]], [1, 2, 4], { l2: 1, intercept: true }).weights; // => [2.3333333333333335, 1]
 * fitRidgeRegression([[-1], [0], [1]], [1, 2, 4], { intercept: true }).weights;        // => [2.3333333333333335, 1.5]
 * fitRidgeRegression([[1, 2], [2, 4]], [1, 2], { l2: 1 }).weights;  // => [0.19230769230769237, 0.3846153846153846] (5/26, 10/26: a singular X is fine once λ > 0)
 * fitRidgeRegression([[1]], [1], { l2: -1 }); // throws RangeError: fitRidgeRegression: l2 = -1 must be finite and >= 0
 */
export function fitRidgeRegression(
  X: DesignRows,
  y: readonly number[] | Float64Array,
  opts?: RidgeRegressionOptions,
): RidgeRegressionFit {
  const fn = "fitRidgeRegression";
  const { l2 = 0, intercept = false } = readOptions(fn, opts, ["l2", "intercept"]);
  checkBoolean(fn, "intercept", intercept);
  checkNonNegative(fn, "l2", l2);
  const { columns, m, p } = buildDesign(fn, X, y, intercept);
  const first = intercept ? 1 : 0;
  const extra = l2 > 0 ? p - first : 0;
  const rows = m + extra;
  if (rows < p)
    throw new RangeError(
      `${fn}: ${m} rows but ${p} design columns; the weights are not identifiable`,
    );
  // Augmented design [X; √λ D] and target [y; 0], solved as ordinary least squares by
  // fitLinearRegression (Householder QR with a scale-robust rank decision).
  const root = Math.sqrt(l2);
  const aug: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Array<number>(p).fill(0);
    if (i < m) for (let j = 0; j < p; j++) row[j] = columns[j * m + i];
    else row[first + (i - m)] = root;
    aug.push(row);
  }
  const target = new Float64Array(rows);
  for (let i = 0; i < m; i++) {
    const v = y[i];
    if (typeof v !== "number" || !(v - v === 0)) throw entryError(fn, `y[${i}]`, v, "finite")!;
    target[i] = v;
  }
  let w: readonly number[];
  try {
    w = fitLinearRegression(aug, target).weights;
  } catch (e) {
    if (e instanceof RangeError && /dependent|rank|singular/i.test(e.message)) {
      throw new RangeError(e.message.replace(/^fitLinearRegression/, fn));
    }
    throw e;
  }
  let rss = 0;
  for (let i = 0; i < m; i++) {
    let pred = 0;
    for (let j = 0; j < p; j++) pred += w[j] * columns[j * m + i];
    const r = target[i] - pred;
    rss += r * r;
  }
  const mse = rss / m;
  return { weights: Array.from(w), mse, sigma: Math.sqrt(mse), l2 };
}
