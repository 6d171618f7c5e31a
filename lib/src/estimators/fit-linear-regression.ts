import { checkDesignShape, checkRow, singularDesignError } from "./design-matrix";
import type { DesignRows } from "./design-matrix";
import {
  binaryScaleExponent,
  numericalRank,
  timesPowerOfTwo,
  triangularFactor,
} from "./linear-algebra";
import { checkBoolean, entryError, readOptions } from "../validate/validate";

/** Column magnitudes in [2^-250, 2^250] are folded as given: their squares, and sums of m of them, stay normal. */
const SAFE_MIN = 2 ** -250;
const SAFE_MAX = 2 ** 250;

/** Options of {@link fitLinearRegression}. */
export interface LinearRegressionOptions {
  /** Prepend a column of ones, so `weights[0]` is the intercept. Default `false`: X is taken as given. */
  intercept?: boolean;
}

/** The Gaussian conditional MLE of a linear model. */
export interface LinearRegressionFit {
  /** ŵ, one per design column (the intercept first when `intercept: true`). */
  weights: number[];
  /** The MLE noise standard deviation σ̂ = √mse (divides by m, not m − p). */
  sigma: number;
  /** The mean squared residual (1/m) Σ (y_i − x_iᵀŵ)² (`Infinity` when it overflows, σ̂ > 1.3e154). */
  mse: number;
}

/**
 * Fits y ≈ Xw by conditional maximum likelihood under Gaussian noise, y_i | x_i ~ N(x_iᵀw, σ²)
 * (Goodfellow et al. §5.5.1).
 *
 * NLL(w, σ) = m log σ + (m/2) log 2π + Σ (y_i − x_iᵀw)² / (2σ²). For every fixed σ the w-part is
 * the residual sum of squares, so the argmin ŵ is the least-squares solution whatever σ is; σ̂ then
 * follows as σ̂² = mse = RSS(ŵ)/m. When m equals the number of columns the fit is exact and σ̂ = 0.
 *
 * How: a Householder QR of [X | y], folded in row blocks of 128 (AᵀA is never formed, so the
 * conditioning is not squared), gives R and Qᵀy; when a column's (or y's) largest entry lies outside
 * [2^-250, 2^250], every column is first scaled by the power of two that brings its largest entry near 1
 * (exact, so columns in 1e200 beside columns in 1e-200 lose nothing); ŵ solves Rŵ = Qᵀy and is scaled back to the original units; RSS is the squared last
 * diagonal entry of R, the norm of the part of y orthogonal to the columns (as `lstsq` reports it). The weights are those numpy's
 * `lstsq` finds, as accurate as the conditioning allows (relative error ≈ ε·cond(X) for a small
 * residual). **Rank decision**: as LAPACK and numpy's `lstsq` (`rcond = None`), the design is
 * rank-deficient when a singular value is at most ε·max(m, p)·σ_max — taken after scaling each
 * column to unit norm, so it does not depend on the units of the columns. **A rank-deficient design
 * throws** (numpy would return the minimum-norm solution instead): with dependent columns the MLE
 * is not unique, the minimum-norm choice depends on the units of the columns, and a model whose
 * weights are not identifiable is usually a mistake to report, so the error names the columns
 * that are linear combinations of the columns before them.
 *
 * @param X the rows x_i (each the same length, finite numbers), taken as given
 * @param y the targets, one per row (finite numbers)
 * @param opts `intercept` (default `false`) prepends a column of ones
 * @returns `{ weights, sigma, mse }`
 * @throws {TypeError} when X is not an array of rows, a row or y is not a `number[]`/`Float64Array`, an entry is not a
 *   number (strings and null are not coerced), `opts` is not an options object or has an unknown key, or `intercept`
 *   is not a boolean
 * @throws {RangeError} when X is empty, rows differ in length, an entry is NaN or infinite, the lengths of X and y
 *   differ, m < p, or the design is rank-deficient (the message names the dependent columns)
 * @example
 * const fit = fitLinearRegression([[0], [1], [2], [3]], [1, 3, 5, 7.5], { intercept: true });
 * fit.weights; // => [0.9000000000000004, 2.15]
 * fit.mse;     // => 0.018750000000000006
 * fit.sigma;   // => 0.13693063937629155
 * // units do not matter: the same line with x in 1e-200 and y in 1e200
 * fitLinearRegression([[0], [1e-200], [2e-200], [3e-200]], [1e200, 3e200, 5e200, 7.5e200], { intercept: true }).weights;
 * // => [9e+199, Infinity]  (the slope, 2.15e400, is beyond the double range: IEEE overflow)
 * fitLinearRegression([[1, 2], [2, 4], [3, 6]], [1, 2, 3]); // throws RangeError: fitLinearRegression: the design matrix is singular (numerical rank 1 of 2 columns): column 1 is a linear combination of the columns before it; drop or merge that feature
 */
export function fitLinearRegression(
  X: DesignRows,
  y: readonly number[] | Float64Array,
  opts?: LinearRegressionOptions,
): LinearRegressionFit {
  const fn = "fitLinearRegression";
  const { intercept = false } = readOptions(fn, opts, ["intercept"]);
  checkBoolean(fn, "intercept", intercept);
  const { m, n, p } = checkDesignShape(fn, X, y, intercept);
  if (m < p)
    throw new RangeError(
      `${fn}: ${m} rows but ${p} design columns; the weights are not identifiable`,
    );
  const off = intercept ? 1 : 0;
  const k = p + 1;
  // One pass over the rows checks them, records each column's largest magnitude, and folds them into
  // R as they are. Householder QR is column-scale equivariant, so units only matter where squares
  // could overflow or underflow: then the rows are folded again, scaled by exact powers of two.
  const maxAbs = new Float64Array(n);
  let yMax = 0;
  let R = triangularFactor(m, k, (B, first, count) => {
    if (off) B.fill(1, 0, count);
    for (let r = 0; r < count; r++) {
      const i = first + r;
      const row = X[i];
      if (i > 0) checkRow(fn, X, i, n);
      for (let j = 0; j < n; j++) {
        const v = row[j];
        // typeof: strings and null are never coerced; v - v is 0 only for finite numbers
        if (typeof v !== "number" || !(v - v === 0))
          throw entryError(fn, `X[${i}][${j}]`, v, "finite")!;
        const a = Math.abs(v);
        if (a > maxAbs[j]) maxAbs[j] = a;
        B[(j + off) * count + r] = v;
      }
      const v = y[i];
      if (typeof v !== "number" || !(v - v === 0)) throw entryError(fn, `y[${i}]`, v, "finite")!;
      const a = Math.abs(v);
      if (a > yMax) yMax = a;
      B[p * count + r] = v;
    }
  });
  // Exponents: design column j is multiplied by 2^-ex[j], y by 2^-ey (all 0 when no rescaling was needed).
  const ex = new Int32Array(p);
  let ey = 0;
  const extreme = (a: number): boolean => a !== 0 && !(a >= SAFE_MIN && a <= SAFE_MAX);
  let rescale = extreme(yMax);
  for (let j = 0; j < n; j++) if (extreme(maxAbs[j])) rescale = true;
  if (rescale) {
    const scale = new Float64Array(p).fill(1);
    for (let j = off; j < p; j++) {
      ex[j] = binaryScaleExponent(maxAbs[j - off]);
      scale[j] = 2 ** -ex[j];
    }
    ey = binaryScaleExponent(yMax);
    const yScale = 2 ** -ey;
    R = triangularFactor(m, k, (B, first, count) => {
      if (off) B.fill(1, 0, count);
      for (let r = 0; r < count; r++) {
        const row = X[first + r];
        for (let j = 0; j < n; j++) B[(j + off) * count + r] = row[j] * scale[j + off];
        B[p * count + r] = y[first + r] * yScale;
      }
    });
  }
  const rank = numericalRank(R, k, p, m);
  if (rank.rank < p) throw singularDesignError(fn, rank.dependent, intercept, rank.rank, p);
  // back substitution R w = Qᵀy, in scaled units
  const w = new Float64Array(p);
  for (let j = p - 1; j >= 0; j--) {
    let s = R[p * k + j];
    for (let c = j + 1; c < p; c++) s -= R[c * k + j] * w[c];
    w[j] = s / R[j * k + j];
  }
  // The last diagonal entry of R is ±‖y − Xŵ‖ (the part of y orthogonal to the columns), in
  // scaled units, as lstsq's residuals; a square full-rank system is solved exactly.
  const rss = m === p ? 0 : R[p * k + p] * R[p * k + p];
  const sigma = timesPowerOfTwo(Math.sqrt(rss / m), ey);
  const weights: number[] = new Array(p);
  for (let j = 0; j < p; j++) weights[j] = timesPowerOfTwo(w[j], ey - ex[j]);
  return { weights, sigma, mse: sigma * sigma };
}
