// The per-family log-likelihood sums behind logLikelihood, averageLogLikelihood and
// negativeLogLikelihood. Internal: not re-exported from the barrel.
import { logFactorial as factorialln } from "../special/log-factorial";
import type {
  Bernoulli,
  Categorical,
  Distribution,
  Exponential,
  Gaussian,
  LogProbModel,
  Poisson,
  Sample,
} from "../distributions";
import { checkReturned, showValue, typeError } from "../validate/validate";
import { requireSample, throwFirstNonFinite } from "./internal";
import { isMade } from "../distributions/internal";
import { poissonLogMass } from "../distributions/poisson";
import { PRECISE_BELOW_FAST, productError } from "../information/numerics";

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Terms per block of the closed forms' blocked Σx (exponential): short, so a block's plain sum
 * is within 15ε of exact, and long enough that the TwoSum per block costs nothing measurable. */
export const SHORT_BLOCK = 16;

/** log k! for k < LOG_FACTORIAL_TABLE_SIZE, filled on first use. */
const LOG_FACTORIAL_TABLE_SIZE = 1024;
let logFactorialTable: Float64Array | undefined;
function logFactorials(): Float64Array {
  if (logFactorialTable === undefined) {
    logFactorialTable = new Float64Array(LOG_FACTORIAL_TABLE_SIZE);
    for (let k = 0; k < LOG_FACTORIAL_TABLE_SIZE; k++) logFactorialTable[k] = factorialln(k);
  }
  return logFactorialTable;
}

function gaussianSum(fn: string, d: Gaussian, xs: Sample): number {
  const { mu, sigma } = d.params;
  const m = xs.length;
  // Σ zᵢ² with zᵢ = (xᵢ − mu)/sigma: never 1/sigma², which overflows for sigma < 1e-154. Blocked
  // (a plain sum inside blocks of 256, the block sums added with TwoSum), so the error does not
  // grow with m.
  const inv = 1 / sigma;
  const exact = inv < Infinity && inv > 0; // 1/sigma representable: multiply; else divide
  let hi = 0;
  let lo = 0;
  for (let start = 0; start < m; start += 256) {
    const end = start + 256 < m ? start + 256 : m;
    let b = 0;
    for (let i = start; i < end; i++) {
      const x = xs[i];
      if (typeof x !== "number") throwFirstNonFinite(fn, xs);
      const z = exact ? (x - mu) * inv : (x - mu) / sigma;
      b += z * z;
    }
    const t = hi + b;
    const w = t - hi;
    lo += hi - (t - w) + (b - w);
    hi = t;
  }
  const s = hi - hi === 0 ? hi + lo : hi;
  const c = m * (Math.log(sigma) + HALF_LOG_2PI);
  if (!Number.isFinite(s)) {
    throwFirstNonFinite(fn, xs); // a bad entry; else finite data whose x − mu or z² overflowed
    // ½Σz² = (Σ (z·2^-512)²)·2^1023: finite up to 1.8e308 even where Σz² is not
    return -(gaussianSquaresScaled(xs, mu, sigma) * 2 ** 511 * 2 ** 512) - c;
  }
  return -0.5 * s - c;
}

/**
 * Σ ((xᵢ − μ)/σ · 2^-512)², for when the plain loop overflowed: each zᵢ is x/σ − μ/σ when x − μ
 * itself overflows, and the squares are summed on zᵢ·2^-512 (exact), so the caller's ½Σzᵢ² only
 * overflows when the log-likelihood is below −1.8e308 anyway.
 */
function gaussianSquaresScaled(xs: Sample, mu: number, sigma: number): number {
  const down = 2 ** -512;
  let s = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const dx = x - mu;
    const z = (dx - dx === 0 ? dx / sigma : x / sigma - mu / sigma) * down;
    s += z * z;
  }
  return s;
}

function bernoulliSum(fn: string, d: Bernoulli, xs: Sample): number {
  const m = xs.length;
  let ones = 0;
  let zeros = 0;
  for (let i = 0; i < m; i++) {
    const x = xs[i];
    if (x === 1) ones++;
    else if (x === 0) zeros++;
    else if (!Number.isFinite(x)) throwFirstNonFinite(fn, xs);
  }
  if (ones + zeros < m) return -Infinity;
  const p = d.params.p;
  return (ones > 0 ? ones * Math.log(p) : 0) + (zeros > 0 ? zeros * Math.log1p(-p) : 0);
}

function categoricalSum(fn: string, d: Categorical, xs: Sample): number {
  const probs = d.params.probs;
  const k = probs.length;
  const counts = new Float64Array(k);
  const m = xs.length;
  let outside = false;
  for (let i = 0; i < m; i++) {
    const x = xs[i];
    // typeof first: a BigInt or a Symbol would reach Math.floor (the engine's message) and an
    // object's valueOf would run before the entry is refused
    if (typeof x === "number" && x >= 0 && x < k && Math.floor(x) === x) counts[x]++;
    else if (!Number.isFinite(x)) throwFirstNonFinite(fn, xs);
    else outside = true;
  }
  if (outside) return -Infinity;
  let s = 0;
  for (let j = 0; j < k; j++) if (counts[j] > 0) s += counts[j] * Math.log(probs[j]);
  return s;
}

function poissonSum(fn: string, d: Poisson, xs: Sample): number {
  const table = logFactorials();
  const m = xs.length;
  let sumX = 0;
  let lfHi = 0; // Σ log xᵢ!, blocked (plain inside blocks of 256, TwoSum across)
  let lfLo = 0;
  let outside = false;
  for (let start = 0; start < m; start += 256) {
    const end = start + 256 < m ? start + 256 : m;
    let lf = 0;
    for (let i = start; i < end; i++) {
      const x = xs[i];
      if (typeof x === "number" && x >= 0 && x < Infinity && Math.floor(x) === x) {
        sumX += x; // integers: exact below 2^53
        lf += x < LOG_FACTORIAL_TABLE_SIZE ? table[x] : factorialln(x);
      } else if (!Number.isFinite(x)) throwFirstNonFinite(fn, xs);
      else outside = true;
    }
    const t = lfHi + lf;
    const z = t - lfHi;
    lfLo += lfHi - (t - z) + (lf - z);
    lfHi = t;
  }
  const sumLogFact = lfHi - lfHi === 0 ? lfHi + lfLo : lfHi;
  if (!Number.isFinite(sumX)) throwFirstNonFinite(fn, xs);
  if (outside) return -Infinity;
  const lambda = d.params.lambda;
  if (lambda === 0) return sumX === 0 ? 0 : -Infinity;
  // (Σx) log λ − mλ − Σ log x!: its error is about ε·(|Σx log λ| + mλ + Σ log x!) (each of the
  // three rounded, the plain sums at most that); near the mode of a large λ the three cancel (at
  // λ = 1e6 six digits go), and the precise pass sums Loader's terms instead, each ≤ 0.
  // Σx of integers is exact while it stays below 2^53; above, a later +1 can be rounded away
  // (1e6 counts 2^40 + 1: 3.2e-12), and the rare path sums them again exactly as hi + lo.
  const a =
    sumX < 2 ** 53 || !(sumX < Infinity)
      ? sumX * Math.log(lambda)
      : exactSumTimesLog(xs, Math.log(lambda));
  const b = m * lambda;
  const fast = a - b - sumLogFact;
  if (Math.abs(fast) * PRECISE_BELOW_FAST >= Math.abs(a) + b + sumLogFact) return fast;
  return poissonSumPrecise(xs, lambda);
}

/** (Σ xᵢ)·log λ from the exact Σ xᵢ = hi + lo (rare path: a plain Σ passed 2^53). */
function exactSumTimesLog(xs: Sample, logLambda: number): number {
  const [hi, lo] = integerSum(xs);
  return hi * logLambda + lo * logLambda;
}

/**
 * Σ scale·xᵢ of validated non-negative integers exactly, as [hi, lo] with hi + lo the exact
 * sum: TwoSum per term, and lo (a sum of integers each below ulp(hi)) stays exact. The rare path
 * of the Poisson closed forms, where a plain sum passed 2^53; `scale` (an exact power of two,
 * default 1) is 2^-64 where it overflowed.
 */
export function integerSum(xs: Sample, scale = 1): [number, number] {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] * scale;
    const t = hi + x;
    const z = t - hi;
    lo += hi - (t - z) + (x - z);
    hi = t;
  }
  const t = hi + lo;
  return [t, lo - (t - hi)];
}

/** Σ log P(xᵢ) by Loader's form (every term ≤ 0), blocked and compensated; for validated counts. */
function poissonSumPrecise(xs: Sample, lambda: number): number {
  let hi = 0;
  let lo = 0;
  for (let start = 0; start < xs.length; start += 256) {
    const end = Math.min(start + 256, xs.length);
    let h = 0;
    for (let i = start; i < end; i++) {
      const x = xs[i];
      h += x === 0 ? -lambda : poissonLogMass(x, lambda);
    }
    const t = hi + h;
    const z = t - hi;
    lo += hi - (t - z) + (h - z);
    hi = t;
  }
  return hi + lo;
}

function exponentialSum(fn: string, d: Exponential, xs: Sample): number {
  const m = xs.length;
  // Σx blocked: a plain sum inside blocks of SHORT_BLOCK terms, the block sums added with TwoSum
  // (a plain sum of 1e6 terms 0.1 is 1.3e-11 off, and r·Σx is the whole log-likelihood at r = 1).
  // The error is that of a 16-term sum (≤ 15ε, √16·ε typical), at the plain loop's speed (a TwoSum
  // per term measured up to 2× slower).
  let sumX = 0;
  let lo = 0;
  let outside = false;
  for (let start = 0; start < m; start += SHORT_BLOCK) {
    const end = start + SHORT_BLOCK < m ? start + SHORT_BLOCK : m;
    // two interleaved partial sums (even and odd terms), each of 8 terms (within 7ε of itself),
    // then one rounding: a block of 16 in one chain ran 1.3 ms for 1e6 terms, 1.3× f9b98d4's
    // plain loop; two chains of pairs 1.03 ms
    let b0 = 0;
    let b1 = 0;
    let i = start;
    for (; i + 1 < end; i += 2) {
      const x = xs[i];
      const y = xs[i + 1];
      if (typeof x !== "number" || typeof y !== "number") throwFirstNonFinite(fn, xs);
      if (x >= 0 && y >= 0) {
        b0 += x;
        b1 += y;
      } else {
        // (rare) each on its own, as below
        if (x >= 0) b0 += x;
        else if (x < 0 && x > -Infinity) outside = true;
        else throwFirstNonFinite(fn, xs);
        if (y >= 0) b1 += y;
        else if (y < 0 && y > -Infinity) outside = true;
        else throwFirstNonFinite(fn, xs);
      }
    }
    if (i < end) {
      const x = xs[i];
      if (typeof x !== "number") throwFirstNonFinite(fn, xs);
      if (x >= 0) b0 += x;
      else if (x < 0 && x > -Infinity) outside = true;
      else throwFirstNonFinite(fn, xs); // NaN or -Infinity (+Infinity shows in the sum)
    }
    const b = b0 + b1;
    const t = sumX + b;
    const z = t - sumX;
    lo += sumX - (t - z) + (b - z);
    sumX = t;
  }
  const rate = d.params.rate;
  if (!(sumX < Infinity)) {
    throwFirstNonFinite(fn, xs); // a bad entry; else finite data whose sum overflowed
    sumX = Infinity;
  }
  if (outside) return -Infinity;
  if (!(sumX < Infinity)) return m * Math.log(rate) - rateTimesScaledSum(xs, rate);
  // r·(Σx + lo) − m log r: the product's own rounding error is put back too (r·Σx is the larger
  // term whenever the two cancel)
  const rs = rate * sumX;
  const a = m * Math.log(rate);
  return a - (rs + (rate * lo + productError(rate, sumX, rs)));
}

/**
 * r·Σx for data whose plain sum overflowed: from the blocked sum of x·2^-64 (exact scaling; an
 * unblocked one was 1.9e-12 off for 1e5 values 0.1·2^1020).
 */
function rateTimesScaledSum(xs: Sample, rate: number): number {
  const [hi, lo] = blockedSampleSum(xs, 2 ** -64, SHORT_BLOCK);
  return rate * (hi + lo) * 2 ** 64;
}

/**
 * Σ scale·xᵢ over validated finite values ≥ 0, blocked: a plain sum inside blocks of `block` terms
 * (one of k terms ≥ 0 is within (k − 1)·2⁻⁵³ of itself), the block sums added with TwoSum into
 * [hi, lo], hi + lo the sum to that accuracy. `scale` is an exact power of two (2^-64 where the plain
 * sum overflowed). The rare paths of fitExponential and the exponential log-likelihood.
 */
export function blockedSampleSum(xs: Sample, scale: number, block: number): [number, number] {
  const m = xs.length;
  let hi = 0;
  let lo = 0;
  for (let start = 0; start < m; start += block) {
    const end = start + block < m ? start + block : m;
    let b = 0;
    for (let i = start; i < end; i++) b += xs[i] * scale;
    const t = hi + b;
    const z = t - hi;
    lo += hi - (t - z) + (b - z);
    hi = t;
  }
  const t = hi + lo;
  return [t, lo - (t - hi)];
}

/**
 * Sums log p(x_i) over the sample with one specialised loop per family, validating the data in
 * the same pass. Shared by logLikelihood, averageLogLikelihood and negativeLogLikelihood, which
 * pass their own name for error messages.
 */
export function sumLogProb(fn: string, dist: Distribution | LogProbModel, xs: Sample): number {
  checkModel(fn, dist, "logProb");
  requireSample(fn, xs);
  // The closed forms only for the library's own objects: a user's model that copies a `family`
  // tag but brings its own logProb is summed through that logProb (dispatch on identity).
  const d = (isMade(dist) ? dist : { family: undefined }) as Distribution;
  switch (d.family) {
    case "gaussian":
      return gaussianSum(fn, d, xs);
    case "bernoulli":
      return bernoulliSum(fn, d, xs);
    case "categorical":
      return categoricalSum(fn, d, xs);
    case "poisson":
      return poissonSum(fn, d, xs);
    case "exponential":
      return exponentialSum(fn, d, xs);
    default: {
      // Not one of the library's families: fall back on its logProb, if it has one.
      const logProb = (dist as LogProbModel).logProb;
      let s = 0;
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (typeof x !== "number" || !(x - x === 0)) throwFirstNonFinite(fn, xs);
        const v = logProb.call(dist, x);
        if (typeof v !== "number") checkReturned(fn, `dist.logProb(${showValue(x)})`, v);
        s += v;
      }
      return s;
    }
  }
}

/**
 * Checks that `dist` is an object with a `method` function (`logProb` or `prob`): a library
 * distribution or a user-defined model.
 * @throws {TypeError} otherwise, naming the function
 */
export function checkModel(fn: string, dist: unknown, method: "logProb" | "prob"): void {
  if (
    dist === null ||
    typeof dist !== "object" ||
    typeof (dist as Record<string, unknown>)[method] !== "function"
  ) {
    throw typeError(fn, "dist", dist, `is not a distribution (it needs a ${method}(x) method)`);
  }
}
