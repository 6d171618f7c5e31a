import { binaryCrossEntropyFromLogit } from "../information";
import { buildDesign, singularDesignError } from "./design-matrix";
import type { DesignRows } from "./design-matrix";
import { choleskySolve, leastSquaresQR } from "./linear-algebra";

/** Options of {@link fitLogisticRegression}; every field has a default. */
export interface LogisticRegressionOptions {
  /** Prepend a column of ones, so `weights[0]` is the intercept. Default `false`: X is taken as given. */
  intercept?: boolean;
  /** L2 penalty λ: minimise mean BCE + (λ/2)‖w‖² (the intercept is not penalised). Default `0`. */
  l2?: number;
  /** Cap on Newton iterations. Default `100`. */
  maxIterations?: number;
  /** Stop (after one last full Newton step) when half the Newton decrement, ½ gᵀH⁻¹g, is below this. Default `1e-12`. */
  tolerance?: number;
}

/** The conditional MLE of a logistic model. */
export interface LogisticRegressionFit {
  /** ŵ, one per design column (the intercept first when `intercept: true`). */
  weights: number[];
  /** The mean binary cross-entropy at ŵ, (1/m) Σ BCE(y_i, x_iᵀŵ), in nats (without the L2 term). */
  loss: number;
  /** The mean BCE before the first step and after each Newton step. */
  history: number[];
  /** True when the Newton decrement fell below `tolerance`. */
  converged: boolean;
  /** Newton steps taken. */
  iterations: number;
  /** True when the current weights classify every point strictly correctly: the data are linearly separable and (with l2 = 0) no MLE exists. */
  separable: boolean;
}

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * Fits P(y = 1 | x) = σ(xᵀw) by conditional maximum likelihood: minimises the mean binary
 * cross-entropy (1/m) Σ [log(1 + e^{z_i}) − y_i z_i], z_i = x_iᵀw, by Newton's method (IRLS).
 *
 * Each step solves (XᵀSX/m + λI′) Δ = −g with S = diag(σ(z_i)(1 − σ(z_i))), g = Xᵀ(σ(z) − y)/m + λw′
 * (I′, w′: the intercept left out of the penalty) by Cholesky, damped (Levenberg) when the
 * Hessian is not numerically positive definite, then backtracks until the objective decreases.
 * The BCE uses the stable `binaryCrossEntropyFromLogit`, so no log(0) occurs for large |z|.
 *
 * Separable data (some w classifies every point correctly): with `l2 = 0` the loss has no minimum,
 * it tends to 0 as ‖w‖ → ∞. The fit stops as soon as the weights classify every point strictly
 * correctly and returns `separable: true`, `converged: false`; `weights` then only give the
 * direction. Pass `l2 > 0` for a finite answer. Quasi-separation (all but points on the boundary)
 * shows as very large weights or `converged: false` after `maxIterations`.
 *
 * @param X the rows x_i (each the same length, finite), taken as given
 * @param y the labels, each 0 or 1
 * @param opts `intercept` (default `false`), `l2` (default `0`), `maxIterations` (default `100`), `tolerance` (default `1e-12`)
 * @returns `{ weights, loss, history, converged, iterations, separable }`
 * @throws {TypeError} when X is not an array of rows or y not an array
 * @throws {RangeError} when X is empty, rows differ in length, an entry is not finite, lengths differ, a label is
 *   not 0 or 1, the design is singular, or an option is out of range
 * @example
 * const fit = fitLogisticRegression([[0], [1], [2], [3]], [0, 1, 0, 1], { intercept: true });
 * fit.weights;   // => [-1.3622763938127789, 0.9081842625418525]
 * fit.loss;      // => 0.5868716337803365
 * fit.converged; // => true
 * fitLogisticRegression([[-1], [1]], [0, 1]).separable; // => true
 * fitLogisticRegression([[1]], [2]); // throws RangeError: fitLogisticRegression: y[0] = 2 is not 0 or 1
 */
export function fitLogisticRegression(
  X: DesignRows,
  y: readonly number[] | Float64Array,
  opts: LogisticRegressionOptions = {},
): LogisticRegressionFit {
  const fn = "fitLogisticRegression";
  const { intercept = false, l2 = 0, maxIterations = 100, tolerance = 1e-12 } = opts;
  if (!(l2 >= 0 && l2 < Infinity)) throw new RangeError(`${fn}: l2 = ${l2} must be finite and >= 0`);
  if (!(Number.isSafeInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError(`${fn}: maxIterations = ${maxIterations} must be an integer >= 1`);
  }
  if (!(tolerance > 0 && tolerance < Infinity)) throw new RangeError(`${fn}: tolerance = ${tolerance} must be finite and > 0`);
  const { columns, m, p } = buildDesign(fn, X, y, intercept);
  const labels = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) throw new RangeError(`${fn}: y[${i}] = ${v} is not 0 or 1`);
    labels[i] = v;
  }
  if (m < p) throw new RangeError(`${fn}: ${m} rows but ${p} design columns; the weights are not identifiable`);
  const rank = leastSquaresQR(Float64Array.from(columns), new Float64Array(m), m, p);
  if (rank.dependentColumn >= 0) throw singularDesignError(fn, rank.dependentColumn, intercept);

  const firstPenalised = intercept ? 1 : 0;
  const w = new Float64Array(p);
  const z = new Float64Array(m);
  const wTry = new Float64Array(p);
  const zTry = new Float64Array(m);
  const g = new Float64Array(p);
  const H = new Float64Array(p * p);
  const logits = (weights: Float64Array, out: Float64Array): void => {
    out.fill(0);
    for (let j = 0; j < p; j++) {
      const wj = weights[j];
      if (wj === 0) continue;
      const col = j * m;
      for (let i = 0; i < m; i++) out[i] += wj * columns[col + i];
    }
  };
  const meanBce = (zs: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < m; i++) s += binaryCrossEntropyFromLogit(labels[i], zs[i]);
    return s / m;
  };
  const penalty = (weights: Float64Array): number => {
    let s = 0;
    for (let j = firstPenalised; j < p; j++) s += weights[j] * weights[j];
    return 0.5 * l2 * s;
  };
  const allStrictlyCorrect = (zs: Float64Array): boolean => {
    for (let i = 0; i < m; i++) if (labels[i] === 1 ? !(zs[i] > 0) : !(zs[i] < 0)) return false;
    return true;
  };

  let loss = meanBce(z);
  let objective = loss + penalty(w);
  const history = [loss];
  let converged = false;
  let separable = false;
  let iterations = 0;
  for (; iterations < maxIterations; ) {
    // gradient and Hessian of the objective
    g.fill(0);
    H.fill(0);
    const r = new Float64Array(m);
    const s = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      const q = sigmoid(z[i]);
      r[i] = q - labels[i];
      s[i] = q * (1 - q);
    }
    for (let a = 0; a < p; a++) {
      const ca = a * m;
      let ga = 0;
      for (let i = 0; i < m; i++) ga += columns[ca + i] * r[i];
      g[a] = ga / m + (a >= firstPenalised ? l2 * w[a] : 0);
      for (let b = 0; b <= a; b++) {
        const cb = b * m;
        let h = 0;
        for (let i = 0; i < m; i++) h += columns[ca + i] * s[i] * columns[cb + i];
        h /= m;
        H[a * p + b] = h;
        H[b * p + a] = h;
      }
      if (a >= firstPenalised) H[a * p + a] += l2;
    }
    const minusG = g.map((v) => -v);
    let step = choleskySolve(H, minusG, p);
    for (let damping = 1e-10; step === null && damping < 1e10; damping *= 100) {
      const Hd = Float64Array.from(H);
      let scale = 0;
      for (let j = 0; j < p; j++) scale = Math.max(scale, H[j * p + j]);
      for (let j = 0; j < p; j++) Hd[j * p + j] += damping * Math.max(scale, 1e-300);
      step = choleskySolve(Hd, minusG, p, 0);
    }
    if (step === null) break;
    let decrement = 0;
    for (let j = 0; j < p; j++) decrement -= g[j] * step[j];
    if (decrement / 2 <= tolerance) {
      // Close enough for Newton's quadratic convergence: one last full step squares the error
      // (kept unless rounding makes the objective worse), then stop.
      for (let j = 0; j < p; j++) wTry[j] = w[j] + step[j];
      logits(wTry, zTry);
      const lossTry = meanBce(zTry);
      const objTry = lossTry + penalty(wTry);
      if (objTry <= objective) {
        w.set(wTry);
        z.set(zTry);
        loss = lossTry;
        objective = objTry;
        iterations++;
        history.push(loss);
      }
      converged = true;
      break;
    }
    // backtracking on the objective
    let t = 1;
    let accepted = false;
    for (let k = 0; k < 50; k++, t *= 0.5) {
      for (let j = 0; j < p; j++) wTry[j] = w[j] + t * step[j];
      logits(wTry, zTry);
      const lossTry = meanBce(zTry);
      const objTry = lossTry + penalty(wTry);
      if (objTry <= objective - 1e-4 * t * decrement || (objTry < objective && k > 0)) {
        w.set(wTry);
        z.set(zTry);
        loss = lossTry;
        objective = objTry;
        accepted = true;
        break;
      }
    }
    iterations++;
    if (!accepted) {
      // No decrease at floating-point resolution: the minimum is as located as it can be.
      converged = decrement / 2 <= 1e3 * tolerance;
      break;
    }
    history.push(loss);
    if (l2 === 0 && allStrictlyCorrect(z)) {
      separable = true;
      break;
    }
  }
  return { weights: Array.from(w), loss, history, converged, iterations, separable };
}
