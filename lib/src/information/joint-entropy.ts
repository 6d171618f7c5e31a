import { DEFAULT_TOLERANCE, type InfoOptions, type JointTable } from "./types";
import { jointEntropyPrecise, scanTable } from "./scan-table";
import { PRECISE_BELOW } from "./numerics";
import { checkOptions, fromNats, INFO_OPTION_KEYS, readOptions } from "../validate/validate";

const FN = "jointEntropy";

/**
 * Joint entropy of two discrete variables X and Y, from their joint table p(x, y): the entropy
 * of the pair (X, Y).
 *
 * H(X, Y) = -Σₓ Σᵧ p(x, y) log p(x, y), in nats for the default base e, bits for `base: 2`.
 * With `normalize: true` the table is divided by its total S analytically:
 * H = log S + (1/S)(-Σ p log p).
 *
 * Edge cases: empty cells contribute 0 (`0 · log 0 = 0`). The result is never negative.
 *
 * One pass over the cells, O(1) extra memory, validation fused. With `normalize`, when log S and
 * (1/S)(-Σ p log p) cancel (a nearly one-hot table, or a large S), a precise pass recomputes it
 * as (1/S) Σ p log(S/p), and that pass copies the cells into one `Float64Array` (O(cells) extra
 * memory).
 *
 * @param pxy joint table, rows = values of X, columns = values of Y; all rows the same length;
 *   cells finite, `>= 0`, summing to 1 (unless `normalize`)
 * @param opts `base` (default `Math.E`), `normalize` (default `false`), `tolerance` (default `1e-9`)
 * @returns H(X, Y) in units of log base `base`
 * @throws {TypeError} when `pxy` or a row is not an array, or a cell is not a number
 * @throws {RangeError} when `pxy` or a row is empty, rows differ in length, a cell is NaN,
 *   negative or not finite, the total is off 1 by more than `tolerance * max(1, cells)`
 *   (without `normalize`) or is 0 (with it), or an option is out of range
 * @example
 * jointEntropy([[0.25, 0.25], [0.25, 0.25]], { base: 2 });
 * // => 2
 * jointEntropy([[0.5, 0], [0, 0.5]], { base: 2 });
 * // => 1                    (0 · log 0 = 0)
 * jointEntropy([[1, 1], [1, 1]], { normalize: true, base: 2 });
 * // => 2
 * jointEntropy([[0.5, 0.5], [0.5]]);
 * // => throws RangeError "jointEntropy: pxy[1] has 1 entries but pxy[0] has 2"
 */
export function jointEntropy(pxy: JointTable, opts?: InfoOptions): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const { cells, total } = scanTable(FN, pxy, false, normalize, tolerance);
  if (!normalize) return fromNats(cells, lnBase);
  // log S + (1/S)(-Σ p log p), whose error is about ε·(1 + |log S| + |cells/S|); when that is not
  // small against the result, the precise pass (1/S) Σ p log(S/p), every term >= 0.
  const logS = Math.log(total);
  const fast = logS + cells / total;
  if (fast * PRECISE_BELOW >= 1 + Math.abs(logS) + Math.abs(cells / total))
    return fromNats(fast, lnBase);
  return fromNats(jointEntropyPrecise(pxy, pxy[0].length), lnBase);
}
