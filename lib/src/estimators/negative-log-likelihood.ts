import type { Distribution, LogProbModel, Sample } from "../distributions";
import { sumLogProb } from "./sum-log-prob";

/**
 * The negative log-likelihood of a distribution on a sample, the loss that maximum likelihood minimises.
 *
 * NLL(θ) = −Σ_{i=1}^{m} log p(x_i; θ) = m · H(p̂, p_θ) (a sum, not a mean: divide by m for
 * the cross-entropy loss per observation).
 *
 * @param dist the model: a library distribution, or any object with `logProb(x)`
 * @param xs the observations
 * @returns NLL in nats, ≥ 0 for discrete families, `Infinity` when some observation has probability 0
 * @throws {TypeError} when `dist` has no `logProb` method, or `xs` is not a `number[]` or `Float64Array` or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index)
 * @example
 * negativeLogLikelihood(bernoulli(0.5), [1, 0]);     // => 1.3862943611198906
 * negativeLogLikelihood(exponential(2), [0.5, 1.5]); // => 2.613705638880109
 * negativeLogLikelihood(poisson(1), [-1]);           // => Infinity
 * negativeLogLikelihood(poisson(1), [Infinity]);     // throws RangeError: negativeLogLikelihood: xs[0] = Infinity is not finite
 */
export function negativeLogLikelihood(dist: Distribution | LogProbModel, xs: Sample): number {
  return 0 - sumLogProb("negativeLogLikelihood", dist, xs); // (0 − s: a log-likelihood of 0 gives 0, not −0)
}
