import {
  checkInteger,
  checkReturned,
  checkRng,
  MAX_LENGTH,
  showValue,
  typeError,
  valueError,
} from "../validate/validate";
import type { Rng } from "./create-rng";
import type { LogProbModel } from "./distribution";

/** A model KL can be estimated from by sampling: `sample(n, rng)` and `logProb(x)` (every family, Beta included). */
export interface SamplingModel extends LogProbModel {
  sample(n: number, rng: Rng): Float64Array;
}

/** A Monte Carlo estimate with its standard error. */
export interface MonteCarloEstimate {
  /** The sample mean of the log-ratios. */
  estimate: number;
  /** The sample standard deviation of the log-ratios over √n. */
  standardError: number;
}

/**
 * Estimates KL(a ‖ b) = E_a[log a(X) − log b(X)] by Monte Carlo: draw x₁…x_n from `a` and
 * average the log-ratios.
 *
 * estimate = (1/n) Σ r_i with r_i = log a(x_i) − log b(x_i);
 * standardError = s / √n with s² = Σ (r_i − estimate)² / (n − 1).
 * Works for any pair, including different families (e.g. a Gaussian against a Poisson) and Beta,
 * as long as `a` has `sample` and `logProb` and `b` has `logProb` (the types say the same). When `b` gives a draw zero probability (log b = −∞), the estimate is
 * `Infinity` and the standard error `NaN` (undefined). The estimate can be negative for small n.
 *
 * @param a the distribution to sample from (any {@link SamplingModel}: a family, Beta, or your own)
 * @param b the reference distribution (anything with `logProb`)
 * @param n the number of draws, an integer ≥ 2
 * @param rng the generator to draw from
 * @returns `{ estimate, standardError }` in nats
 * @throws {TypeError} when `a` or `b` lacks `sample`/`logProb`, `n` is not a number, `rng` is not an Rng,
 *   or `a.sample` returns anything but n numbers or a `logProb` returns a non-number (named under klMonteCarlo)
 * @throws {RangeError} when `n` is not an integer ≥ 2 or is above 2^32 − 1
 * @example
 * const mc = klMonteCarlo(gaussian(0, 1), gaussian(1, 2), 100000, createRng(1));
 * mc.estimate;      // => 0.4431097408174821 (exact: 0.4431471805599453)
 * mc.standardError; // => 0.0018505534126198615
 * klMonteCarlo(gaussian(0, 1), gaussian(1, 2), 1, createRng(1)); // throws RangeError: klMonteCarlo: n = 1 must be an integer >= 2
 */
export function klMonteCarlo(
  a: SamplingModel,
  b: LogProbModel,
  n: number,
  rng: Rng,
): MonteCarloEstimate {
  const fn = "klMonteCarlo";
  if (
    a === null ||
    typeof a !== "object" ||
    typeof a.sample !== "function" ||
    typeof a.logProb !== "function"
  ) {
    throw typeError(fn, "a", a, "is not a distribution with sample() and logProb()");
  }
  if (b === null || typeof b !== "object" || typeof b.logProb !== "function") {
    throw typeError(fn, "b", b, "is not a distribution with logProb()");
  }
  checkInteger(fn, "n", n, 2);
  if (n > MAX_LENGTH) throw valueError(fn, "n", n, `is too large: more than ${MAX_LENGTH} draws`);
  checkRng(fn, rng);
  const xs = a.sample(n, rng);
  // what the models return is checked here, under this function's name: a draw that is not a
  // number, or a log density that is not a number, is never passed on or coerced
  if (xs === null || typeof xs !== "object" || (xs as ArrayLike<number>).length !== n) {
    throw typeError(fn, "a.sample(n)", xs, `is not an array of n = ${n} draws`);
  }
  const ratio = (i: number): number => {
    const x = xs[i];
    if (typeof x !== "number") throw typeError(fn, `a.sample(n)[${i}]`, x, "is not a number");
    const la = a.logProb(x);
    const lb = b.logProb(x);
    if (typeof la !== "number") checkReturned(fn, `a.logProb(${showValue(x)})`, la);
    if (typeof lb !== "number") checkReturned(fn, `b.logProb(${showValue(x)})`, lb);
    return la - lb;
  };
  // Shifted sums with shift = the first log-ratio: one pass, numerically stable.
  const shift = ratio(0);
  if (!Number.isFinite(shift)) return { estimate: shift, standardError: NaN };
  let s1 = 0;
  let s2 = 0;
  for (let i = 1; i < n; i++) {
    const r = ratio(i) - shift;
    s1 += r;
    s2 += r * r;
  }
  const mean = s1 / n;
  if (!Number.isFinite(mean)) return { estimate: mean + shift, standardError: NaN };
  const variance = Math.max(0, (s2 - s1 * mean) / (n - 1));
  return { estimate: shift + mean, standardError: Math.sqrt(variance / n) };
}
