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
 * @returns ℓ̄ in nats per observation, `-Infinity` when some observation has probability 0
 * @throws {TypeError} when `dist` has no `logProb` method, or `xs` is not a `number[]` or `Float64Array` or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index)
 * @example
 * averageLogLikelihood(bernoulli(0.25), [1, 0, 0, 0]); // => -0.5623351446188083
 * averageLogLikelihood(gaussian(0, 1), [0, 1]);        // => -1.1689385332046727
 * averageLogLikelihood(gaussian(0, 1), []);            // throws RangeError: averageLogLikelihood: xs is empty, need at least one observation
 */
export function averageLogLikelihood(dist: Distribution | LogProbModel, xs: Sample): number {
  return sumLogProb("averageLogLikelihood", dist, xs) / xs.length;
}
