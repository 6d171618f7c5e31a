import { categorical } from "../distributions";
import type { Categorical, Sample } from "../distributions";
import { allocate, checkInteger } from "../validate/validate";
import { entryFail, requireSample } from "./internal";

/**
 * Fits a categorical distribution on {0, …, k − 1} by maximum likelihood: the category frequencies.
 *
 * p̂_j = m_j / m with m_j = #{i : x_i = j}, the argmax of ℓ(p) = Σ_j m_j log p_j subject to
 * Σ_j p_j = 1 (Lagrange multiplier). Categories never observed get p̂_j = 0.
 *
 * @param xs the observations, each an integer in [0, k)
 * @param k the number of categories, an integer ≥ 1
 * @returns `categorical(p̂)` with k probabilities
 * @throws {TypeError} when `k` or an entry is not a number, or `xs` is not a `number[]` or `Float64Array`
 * @throws {RangeError} when `k` is not an integer ≥ 1, `xs` is empty, or an entry is not an integer in [0, k)
 * @example
 * fitCategorical([0, 2, 2, 1], 3).params.probs; // => [0.25, 0.25, 0.5]
 * fitCategorical([0, 0], 3).params.probs;       // => [1, 0, 0]
 * fitCategorical([0, 3], 3);                    // throws RangeError: fitCategorical: xs[1] = 3 is not an integer in [0, 3)
 */
export function fitCategorical(xs: Sample, k: number): Categorical {
  checkInteger("fitCategorical", "k", k, 1);
  requireSample("fitCategorical", xs);
  const m = xs.length;
  const counts = allocate("fitCategorical", "k", k);
  for (let i = 0; i < m; i++) {
    const x = xs[i];
    if (typeof x !== "number" || !(x >= 0 && x < k && Math.floor(x) === x)) {
      entryFail("fitCategorical", i, x, `is not an integer in [0, ${k})`);
    }
    counts[x]++;
  }
  const probs = new Array<number>(k);
  for (let j = 0; j < k; j++) probs[j] = counts[j] / m;
  return categorical(probs);
}
