import type { Distribution, LogProbModel, Sample } from "../distributions";
import { sumLogProb } from "./sum-log-prob";

/**
 * The log-likelihood of a distribution on a sample: the sum of the log densities (or log masses).
 *
 * ℓ(θ) = Σ_{i=1}^{m} log p(x_i; θ). Each family has its own one-pass sum, so no log is taken per
 * element where it can be avoided: Gaussian ℓ = −Σ(x_i − μ)² / (2σ²) − m log σ − (m/2) log 2π;
 * Bernoulli ℓ = m₁ log p + m₀ log(1 − p); Categorical ℓ = Σ_j m_j log p_j;
 * Poisson ℓ = log λ · Σx_i − mλ − Σ log x_i!; Exponential ℓ = m log r − r Σx_i.
 * A finite value outside the support (e.g. 2.5 for a Poisson) has probability 0, so ℓ = `-Infinity`.
 *
 * @param dist the model: a library distribution, or any object with `logProb(x)` (a user-defined model; summed through its `logProb`)
 * @param xs the observations
 * @returns ℓ in nats, `-Infinity` when some observation has probability 0
 * @throws {TypeError} when `dist` has no `logProb` method, or `xs` is not a `number[]` or `Float64Array` or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index)
 * @example
 * logLikelihood(gaussian(0, 1), [0, 1]);      // => -2.3378770664093453
 * logLikelihood(bernoulli(0.25), [1, 0, 0]);  // => -1.9616585060234524
 * logLikelihood(poisson(2), [0, 2.5]);        // => -Infinity
 * logLikelihood(gaussian(0, 1), [0, NaN]);    // throws RangeError: logLikelihood: xs[1] = NaN is not a number
 */
export function logLikelihood(dist: Distribution | LogProbModel, xs: Sample): number {
  return sumLogProb("logLikelihood", dist, xs);
}
