import { categorical } from "../distributions";
import type { Categorical, Sample } from "../distributions";
import { allocate, checkInteger } from "../validate/validate";

/**
 * The most categories fitCategorical takes, 2²⁴ = 16,777,216: its result holds k probabilities in a
 * JavaScript array (and `categorical` a copy and a cumulative table), and V8 holds at most about
 * 1.34e8 doubles in one array ("Invalid array length" at 2²⁷); well before that the process nears
 * the default heap limit (4 GB here: 2²⁶ took 16 s and 3.2 GB), where V8 aborts with no error to
 * catch (2³¹ did). 2²⁴ takes about 4 s and 0.9 GB, the same on every machine.
 */
export const MAX_CATEGORIES = 2 ** 24;
import { entryFail, requireSample } from "./internal";

/**
 * Fits a categorical distribution on {0, …, k − 1} by maximum likelihood: the category frequencies.
 *
 * p̂_j = m_j / m with m_j = #{i : x_i = j}, the argmax of ℓ(p) = Σ_j m_j log p_j subject to
 * Σ_j p_j = 1 (Lagrange multiplier). Categories never observed get p̂_j = 0.
 *
 * @param xs the observations, each an integer in [0, k)
 * @param k the number of categories, an integer from 1 to 2²⁴ = 16,777,216 (a documented cap: the
 *   result's arrays of k doubles must fit in memory, and past about 2²⁵ the engine aborts the
 *   process instead of throwing)
 * @returns `categorical(p̂)` with k probabilities
 * @throws {TypeError} when `k` or an entry is not a number, or `xs` is not a `number[]` or `Float64Array`
 * @throws {RangeError} when `k` is not an integer in [1, 16777216] (`fitCategorical: k = 2147483648
 *   must be an integer in [1, 16777216]`), `xs` is empty, or an entry is not an integer in [0, k)
 * @example
 * fitCategorical([0, 2, 2, 1], 3).params.probs; // => [0.25, 0.25, 0.5]
 * fitCategorical([0, 0], 3).params.probs;       // => [1, 0, 0]
 * fitCategorical([0, 3], 3);                    // throws RangeError: fitCategorical: xs[1] = 3 is not an integer in [0, 3)
 * fitCategorical([0], 2 ** 31);                 // throws RangeError: fitCategorical: k = 2147483648 must be an integer in [1, 16777216]
 */
export function fitCategorical(xs: Sample, k: number): Categorical {
  checkInteger("fitCategorical", "k", k, 1, MAX_CATEGORIES);
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
