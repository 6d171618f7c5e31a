import type { Distribution, LogProbModel, Sample } from "../distributions";
import { sumLogProb } from "./sum-log-prob";

/**
 * The average log-likelihood of a distribution on a sample: the log-likelihood divided by m.
 *
 * ℓ̄(θ) = (1/m) Σ_{i=1}^{m} log p(x_i; θ) = E_p̂[log p(X; θ)] = −H(p̂, p_θ), the negative
 * cross-entropy from the empirical distribution p̂ to the model. Maximising it over θ is
 * maximising the likelihood (the 1/m does not move the argmax) and minimising H(p̂, p_θ) and KL(p̂ ‖ p_θ).
 *
 * @param dist the model: a library distribution, or any object with `logProb(x)`
 * @param xs the observations
 * @returns ℓ̄ in nats per observation, `-Infinity` when some observation has probability 0; finite
 *   wherever every log p(x_i) is, also where their sum overflows
 * @throws {TypeError} when `dist` has no `logProb` method, or `xs` is not a `number[]` or `Float64Array` or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index)
 * @example
 * averageLogLikelihood(bernoulli(0.25), [1, 0, 0, 0]); // => -0.5623351446188083
 * averageLogLikelihood(gaussian(0, 1), [0, 1]);        // => -1.1689385332046727
 * averageLogLikelihood(gaussian(0, 1), [1.4e154, -1.4e154, 1.4e154]); // => -9.8e+307 (the sum, -2.9e308, overflows)
 * averageLogLikelihood(gaussian(0, 1), []);            // throws RangeError: averageLogLikelihood: xs is empty
 */
export function averageLogLikelihood(dist: Distribution | LogProbModel, xs: Sample): number {
  const s = sumLogProb("averageLogLikelihood", dist, xs); // validates dist and xs
  const m = xs.length;
  if (s - s === 0 || s !== s) return s / m;
  // ±Infinity: a term is infinite (then so is the average), or finite terms overflowed the sum
  // while their average is finite: average the terms themselves, log p(xᵢ)/m, compensated
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < m; i++) {
    const t = (dist as LogProbModel).logProb(xs[i]) / m;
    const u = hi + t;
    lo += Math.abs(hi) >= Math.abs(t) ? hi - u + t : t - u + hi;
    hi = u;
  }
  return hi - hi === 0 ? hi + lo : hi;
}
