import { bernoulli } from "../distributions";
import type { Bernoulli, Sample } from "../distributions";
import { entryFail, requireSample } from "./internal";

/**
 * Fits a Bernoulli distribution by maximum likelihood: the fraction of ones.
 *
 * p̂ = (1/m) Σ x_i, the argmax of ℓ(p) = m₁ log p + m₀ log(1 − p). All-zero or all-one data give
 * p̂ = 0 or 1, a valid (degenerate) Bernoulli.
 *
 * @param xs the observations, each exactly 0 or 1
 * @returns `bernoulli(p̂)`
 * @throws {TypeError} when `xs` is not a `number[]` or `Float64Array`, or an entry is not a number (e.g. "1", null)
 * @throws {RangeError} when `xs` is empty or an entry is not 0 or 1 (naming the index and value)
 * @example
 * fitBernoulli([1, 0, 0, 1, 1]).params.p; // => 0.6
 * fitBernoulli([0, 0]).params.p;          // => 0
 * fitBernoulli([1, 0.5]);                 // throws RangeError: fitBernoulli: xs[1] = 0.5 is not 0 or 1
 */
export function fitBernoulli(xs: Sample): Bernoulli {
  requireSample("fitBernoulli", xs);
  const m = xs.length;
  let ones = 0;
  for (let i = 0; i < m; i++) {
    const x = xs[i];
    if (x === 1) ones++;
    else if (x !== 0) entryFail("fitBernoulli", i, x, "is not 0 or 1");
  }
  return bernoulli(ones / m);
}
