import { buildDesign, singularDesignError } from "./design-matrix";
import type { DesignRows } from "./design-matrix";
import { leastSquaresQR } from "./linear-algebra";

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
  /** The mean squared residual (1/m) Σ (y_i − x_iᵀŵ)². */
  mse: number;
}

/**
 * Fits y ≈ Xw by conditional maximum likelihood under Gaussian noise, y_i | x_i ~ N(x_iᵀw, σ²)
 * (Goodfellow et al. §5.5.1).
 *
 * NLL(w, σ) = m log σ + (m/2) log 2π + Σ (y_i − x_iᵀw)² / (2σ²). For every fixed σ the w-part is
 * the residual sum of squares, so the argmin ŵ is the least-squares solution whatever σ is; σ̂ then
 * follows as σ̂² = mse = RSS(ŵ)/m. ŵ is computed by Householder QR of the design (stable: AᵀA is
 * never formed, so the conditioning is not squared). When m equals the number of columns the
 * fit is exact and σ̂ = 0.
 *
 * @param X the rows x_i (each the same length, finite), taken as given
 * @param y the targets, one per row (finite)
 * @param opts `intercept` (default `false`) prepends a column of ones
 * @returns `{ weights, sigma, mse }`
 * @throws {TypeError} when X is not an array of rows or y not an array
 * @throws {RangeError} when X is empty, rows differ in length, an entry is not finite, the lengths of X and y
 *   differ, or the design is singular (a column is a linear combination of earlier ones, or m < columns)
 * @example
 * const fit = fitLinearRegression([[0], [1], [2], [3]], [1, 3, 5, 7.5], { intercept: true });
 * fit.weights; // => [0.9000000000000004, 2.15]
 * fit.mse;     // => 0.018750000000000034
 * fit.sigma;   // => 0.13693063937629166
 * fitLinearRegression([[1, 2], [2, 4], [3, 6]], [1, 2, 3]); // throws RangeError: fitLinearRegression: the design matrix is singular: column 1 is a linear combination of the columns before it; drop or merge that feature
 */
export function fitLinearRegression(
  X: DesignRows,
  y: readonly number[] | Float64Array,
  { intercept = false }: LinearRegressionOptions = {},
): LinearRegressionFit {
  const fn = "fitLinearRegression";
  const { columns, m, p } = buildDesign(fn, X, y, intercept);
  const target = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = y[i];
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: y[${i}] = ${v} is not a finite number`);
    target[i] = v;
  }
  if (m < p) throw new RangeError(`${fn}: ${m} rows but ${p} design columns; the weights are not identifiable`);
  const { w, dependentColumn } = leastSquaresQR(columns, target, m, p);
  if (dependentColumn >= 0) throw singularDesignError(fn, dependentColumn, intercept);
  // Residuals from the original data (the QR overwrote `columns`).
  let rss = 0;
  for (let i = 0; i < m; i++) {
    const row = X[i];
    let pred = intercept ? w[0] : 0;
    for (let j = intercept ? 1 : 0; j < p; j++) pred += w[j] * row[j - (intercept ? 1 : 0)];
    const r = target[i] - pred;
    rss += r * r;
  }
  const mse = rss / m;
  return { weights: Array.from(w), sigma: Math.sqrt(mse), mse };
}
