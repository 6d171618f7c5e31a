import { DEFAULT_TOLERANCE, type InfoOptions, type JointTable } from "./types";
import { mutualInformationOf } from "./scan-table";
import { checkOptions, fromNats, INFO_OPTION_KEYS, readOptions } from "../validate/validate";

const FN = "mutualInformation";

/**
 * Mutual information of X and Y from their joint table p(x, y): how much knowing one reduces
 * the uncertainty about the other, i.e. KL(p(x, y) ‖ p(x) p(y)).
 *
 * I(X; Y) = Σₓ Σᵧ p(x, y) log(p(x, y) / (p(x) p(y))) = H(X) + H(Y) - H(X, Y) = H(Y) - H(Y | X),
 * in nats for the default base e, bits for `base: 2`. It is computed as the KL divergence
 * (1/S) Σ kl_div(pᵢⱼ, rᵢcⱼ/S) (S the total, 1 unless `normalize`), every term ≥ 0, from
 * double-double row and column sums and exact products (one logarithm per cell, no difference of
 * entropies to cancel): relative precision for I above about 4e-35·S, within the accuracy table's
 * 2.0e-15 on its cases, but up to about 3e-15 measured where the dependence sits in cells just
 * past |u| = |p − y|/(p + y) = 1/16 (the eleventh referee pass: there the far-cell form
 * p·log(p/y) − (p − y) cancels about 17-fold and one rounding of p/y moves a term by ~130 ε; an
 * open defect, on both paths). Below 4e-35·S the error is
 * absolute, about 2⁻¹⁰⁶·√(2·I·S) nats: the double-double marginals give rᵢcⱼ/S to about 2⁻¹⁰⁶ of
 * itself, and that error moves a cell's kl_div by (1 − pᵢⱼ·S/(rᵢcⱼ)) times it, first order in the
 * cell's departure from independence (a 2 × 2 table of rounded products rᵢ·cⱼ, I = 2.5e-38: 7.9e-14
 * relative, the eighth referee pass); a table closer to independence than 2⁻¹⁰⁶ returns about
 * 2⁻²¹²·S (a 2 × 33 table with row masses 1.1e-32 and 1.2e-176, within 2⁻²³ of independence: 4.0e-66
 * returned, exact 1.6e-159). Such values are 0 to any purpose: a 2⁻⁵³ change in one cell moves
 * them by many times themselves.
 *
 * Edge cases: empty cells contribute 0 (`0 · log 0 = 0`); a table with one row or one column
 * gives 0. The result is never negative (rounding noise below 0, e.g. for an exactly
 * independent table, is clamped to 0).
 *
 * Two passes over the cells (the marginals, with the checks and the total; then the terms), more
 * when the table is rescaled or a row needs y in double-double; the marginals take
 * `Float64Array`s of the table's width and height, nothing proportional to the number of cells.
 * From rows of 48 cells on they run in the WebAssembly SIMD kernels where the engine has them
 * (lib/wasm/README.md): a result may then differ from the JS path's in its last digits (by at
 * most 3.8e-16 relative over the accuracy harness's 148 cases, 3.1e-15 on the referee's far-cell
 * tables above; `setSimdDisabled(true)` forces the JS path).
 *
 * @param pxy joint table, rows = values of X, columns = values of Y; all rows the same length;
 *   cells finite, `>= 0`, summing to 1 (unless `normalize`)
 * @param opts `base` (default `Math.E`), `normalize` (default `false`), `tolerance` (default `1e-9`)
 * @returns I(X; Y) in units of log base `base`, in `[0, min(H(X), H(Y))]`
 * @throws {TypeError} when `pxy` or a row is not an array, or a cell is not a number
 * @throws {RangeError} when `pxy` or a row is empty, rows differ in length, a cell is NaN,
 *   negative or not finite, the total is off 1 by more than `tolerance * max(1, cells)`
 *   (without `normalize`) or is 0 (with it), or an option is out of range
 * @example
 * mutualInformation([[0.5, 0], [0, 0.5]], { base: 2 });
 * // => 1                    (Y = X: one shared bit)
 * mutualInformation([[0.25, 0.25], [0.25, 0.25]]);
 * // => 0                    (independent)
 * mutualInformation([[0.5, 0.25], [0, 0.25]], { base: 2 });
 * // => 0.31127812445913283
 * mutualInformation([[2, 1], [0, 1]], { normalize: true, base: 2 });
 * // => 0.31127812445913283
 * mutualInformation([]);
 * // => throws RangeError "mutualInformation: pxy is empty"
 */
export function mutualInformation(pxy: JointTable, opts?: InfoOptions): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  // computed as the KL divergence of p from r⊗c/S (every term ≥ 0), one logarithm per cell, not as
  // H(X) + H(Y) − H(X, Y), whose entropies cancel to nothing near independence (and cost as many
  // logarithms)
  return fromNats(mutualInformationOf(FN, pxy, normalize, tolerance), lnBase);
}
