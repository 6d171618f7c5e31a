import { binaryCrossEntropyFromLogit } from "../information";
import { buildDesign, singularDesignError } from "./design-matrix";
import type { DesignRows } from "./design-matrix";
import {
  binaryScaleExponent,
  choleskySolve,
  numericalRank,
  timesPowerOfTwo,
  triangularFactor,
} from "./linear-algebra";
import {
  checkBoolean,
  checkInteger,
  checkNonNegative,
  checkPositive,
  readOptions,
  typeError,
  valueError,
} from "../validate/validate";

/** Options of {@link fitLogisticRegression}; every field has a default. */
export interface LogisticRegressionOptions {
  /** Prepend a column of ones, so `weights[0]` is the intercept. Default `false`: X is taken as given. */
  intercept?: boolean;
  /**
   * L2 penalty λ ≥ 0 on the weights, in the one meaning mlekit gives `l2` (as `fitRidgeRegression`): the fit
   * minimises the summed negative log-likelihood plus (λ/2)‖w‖², w the weights in the units of X, the intercept
   * not penalised; that is the MAP under independent N(0, 1/λ) priors on the weights. scikit-learn's
   * `LogisticRegression(C = 1/λ)` minimises the same. Default `0` (maximum likelihood).
   */
  l2?: number;
  /** Cap on Newton iterations. Default `100`. */
  maxIterations?: number;
  /**
   * Stop (after one last full Newton step) when half the Newton decrement, ½ gᵀH⁻¹g, is below this and the
   * step is below 1e-7 of the (standardised) weights. Default `1e-12`.
   */
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
  /**
   * True when the Newton decrement fell below `tolerance` and, with `l2 = 0`, a finite minimum is certified
   * (false under separation, see `separation`, and when `maxIterations` ran out).
   */
  converged: boolean;
  /** Newton steps taken. */
  iterations: number;
  /**
   * True when the data are (quasi-)separable and `l2 = 0`, so no finite MLE exists: see `separation`.
   * Then `converged` is false and `weights` only give the direction in which the loss keeps falling.
   */
  separable: boolean;
  /**
   * `"complete"`: the weights classify every point strictly correctly (the loss tends to 0 as ‖w‖ → ∞);
   * `"quasi-complete"`: Newton's method stopped where no finite minimum can be certified, because some fitted
   * probabilities are driven to 0 or 1 (points on the separating boundary keep the loss above 0);
   * `"none"` otherwise, always with `l2 > 0`.
   */
  separation: "none" | "complete" | "quasi-complete";
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
 * **Scale.** The fit runs on standardised columns: with an intercept each X column is centred and
 * divided by its standard deviation s_j, without one divided by its root mean square (a constant column
 * beside the intercept becomes exactly 0, and with l2 > 0 gets weight 0; an all-zero column stays 0). Loss, history and fitted logits are those of the fit on the standardised
 * columns; `weights` are mapped back to the original units (w_j = w̃_j / s_j, intercept w̃_0 − Σ w̃_j μ_j / s_j).
 * So columns in 1e5 beside columns in 0.04 converge as well as unit columns, and without a penalty
 * rescaling a column does not change the loss. The L2 penalty is on the weights in the units of X (see `l2`:
 * on the standardised weights that is (λ/2) Σ_j w̃_j² / s_j²).
 *
 * Each step solves (ZᵀSZ/m + D/m) Δ = −g with S = diag(σ(z_i)(1 − σ(z_i))), g = Zᵀ(σ(z) − y)/m + Dw̃/m,
 * D = diag(λ/s_j²) (Z the standardised design; the intercept left out of the penalty) by Cholesky, damped
 * (Levenberg) when the Hessian is not numerically positive definite, then backtracks until the
 * objective decreases. The BCE uses the stable `binaryCrossEntropyFromLogit`, so no log(0) occurs.
 *
 * **Collinear columns.** With `l2 = 0` a rank-deficient design (numerical rank decided as in
 * `fitLinearRegression`) throws, naming the dependent columns; with `l2 > 0` the objective is strictly
 * convex and has one minimiser, so collinear columns (and m < p) are fine.
 *
 * **Separation** (only with `l2 = 0`: no finite MLE exists). Nothing is thrown; the fit returns
 * `converged: false`, `separable: true` and says which kind in `separation`:
 * - complete (some w classifies every point strictly correctly): the loss tends to 0 as ‖w‖ → ∞; the fit
 *   stops as soon as its weights, in the units of X, classify every point strictly correctly with a margin
 *   above the rounding error bound of x_iᵀw (a certificate: the reported weights separate the data);
 * - quasi-complete (a w classifies every point correctly or on the boundary, as x = 2 in the example):
 *   the weights grow until the Newton decrement falls below `tolerance`. A finite minimum is then
 *   certified (Albert & Anderson 1984, via Gordan's alternative) only if there are λ_i > 0 with
 *   Σ λ_i s_i x_i = 0 (s_i = ±1 the label's sign); the fit builds them from the residuals r_i = |y_i − σ(z_i)|
 *   corrected by a least-squares step, λ_i = r_i (1 + s_i x_iᵀu), Σ r_i x_i x_iᵀ u = ∇, and reports quasi-complete
 *   separation when some 1 + s_i x_iᵀu < ½. A fitted probability that merely rounds to 0 or 1 (r_i below the
 *   smallest double, as for a far but correctly classified point) decides nothing: r_i > 0 for every finite
 *   logit, and only the sign of 1 + s_i x_iᵀu matters.
 * Pass `l2 > 0` for a finite answer. When `maxIterations` runs out first, `converged` is false and
 * `separation` is `"none"`: not enough was seen to decide.
 *
 * @param X the rows x_i (each the same length, finite numbers), taken as given
 * @param y the labels, each 0 or 1
 * @param opts `intercept` (default `false`), `l2` (default `0`), `maxIterations` (default `100`), `tolerance` (default `1e-12`)
 * @returns `{ weights, loss, history, converged, iterations, separable, separation }`
 * @throws {TypeError} when X is not an array of rows, a row or y is not a `number[]`/`Float64Array`, an entry or label is
 *   not a number (strings and null are not coerced), `opts` is not an options object or has an unknown key, or an
 *   option has the wrong type
 * @throws {RangeError} when X is empty, rows differ in length, an entry is NaN or infinite, lengths differ, a label is
 *   not 0 or 1, an option is out of range, or (with `l2 = 0`) the design is rank-deficient or m < p
 * @example
 * const fit = fitLogisticRegression([[0], [1], [2], [3]], [0, 1, 0, 1], { intercept: true });
 * fit.weights;   // => [-1.3622763938401423, 0.9081842625600949]
 * fit.loss;      // => 0.5868716337803365
 * fit.converged; // => true
 * fitLogisticRegression([[-1], [1]], [0, 1]).separation; // => "complete"
 * fitLogisticRegression([[1], [2], [2], [3]], [0, 0, 1, 1], { intercept: true }).separation; // => "quasi-complete"
 * fitLogisticRegression([[1, 2], [2, 4], [3, 6], [4, 8]], [0, 1, 0, 1], { l2: 0.1 }).weights; // => [0.027070121739350098, 0.054140243478700195]
 * fitLogisticRegression([[1]], [2]); // throws RangeError: fitLogisticRegression: y[0] = 2 is not 0 or 1
 */
export function fitLogisticRegression(
  X: DesignRows,
  y: readonly number[] | Float64Array,
  opts?: LogisticRegressionOptions,
): LogisticRegressionFit {
  const fn = "fitLogisticRegression";
  const {
    intercept = false,
    l2 = 0,
    maxIterations = 100,
    tolerance = 1e-12,
  } = readOptions(fn, opts, ["intercept", "l2", "maxIterations", "tolerance"]);
  checkBoolean(fn, "intercept", intercept);
  checkNonNegative(fn, "l2", l2);
  checkInteger(fn, "maxIterations", maxIterations, 1);
  checkPositive(fn, "tolerance", tolerance);
  const { columns, m, p } = buildDesign(fn, X, y, intercept);
  const labels = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const v = y[i];
    if (typeof v !== "number") throw typeError(fn, `y[${i}]`, v, "is not a number");
    if (v !== 0 && v !== 1) throw valueError(fn, `y[${i}]`, v, "is not 0 or 1");
    labels[i] = v;
  }
  const off = intercept ? 1 : 0;
  // Standardise in place: column j becomes (x − μ_j) / s_j, computed on x · 2^-e_j (exact) so that
  // neither the mean nor the squares can overflow; `centre` and `spread` are μ_j and s_j in those units.
  const exps = new Int32Array(p);
  const centre = new Float64Array(p);
  const spread = new Float64Array(p).fill(1);
  for (let j = off; j < p; j++) {
    const c = j * m;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < m; i++) {
      const v = columns[c + i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (intercept && lo === hi) {
      // a constant column: centred, it is exactly 0 (rounding in the mean must not turn it into noise)
      columns.fill(0, c, c + m);
      continue; // its standardised weight stays 0 (zero gradient, and the penalty if any)
    }
    const e = binaryScaleExponent(Math.max(-lo, hi));
    const f = 2 ** -e;
    exps[j] = e;
    let mean = 0;
    if (intercept) {
      for (let i = 0; i < m; i++) mean += columns[c + i] * f;
      mean /= m;
    }
    let ss = 0;
    for (let i = 0; i < m; i++) {
      const d = columns[c + i] * f - mean;
      ss += d * d;
    }
    const sd = Math.sqrt(ss / m);
    const scale = sd > 0 ? sd : 1;
    for (let i = 0; i < m; i++) columns[c + i] = (columns[c + i] * f - mean) / scale;
    centre[j] = mean;
    spread[j] = scale;
  }
  if (l2 === 0) {
    // Without a penalty the minimiser is unique only for a full-rank design.
    if (m < p)
      throw new RangeError(
        `${fn}: ${m} rows but ${p} design columns; the weights are not identifiable (use l2 > 0)`,
      );
    const R = triangularFactor(m, p, (B, first, count) => {
      for (let j = 0; j < p; j++)
        for (let r = 0; r < count; r++) B[j * count + r] = columns[j * m + first + r];
    });
    const rank = numericalRank(R, p, p, m);
    if (rank.rank < p) throw singularDesignError(fn, rank.dependent, intercept, rank.rank, p);
  }

  const firstPenalised = intercept ? 1 : 0;
  // (λ/2)‖w‖² on the weights in the units of X, w_j = w̃_j / (s_j 2^e_j), divided by m because the
  // objective below is the mean BCE: pen_j = λ / (m s_j² 4^e_j), clamped to the double range
  const pen = new Float64Array(p);
  if (l2 > 0) {
    for (let j = firstPenalised; j < p; j++) {
      const c = timesPowerOfTwo(l2 / (m * spread[j] * spread[j]), -2 * exps[j]);
      pen[j] = c < Number.MAX_VALUE ? c : Number.MAX_VALUE;
    }
  }
  const w = new Float64Array(p);
  const z = new Float64Array(m);
  const wTry = new Float64Array(p);
  const zTry = new Float64Array(m);
  const g = new Float64Array(p);
  const H = new Float64Array(p * p);
  // residuals σ(z) − y and weights σ(z)(1 − σ(z)) of each Newton step, overwritten every step
  const r = new Float64Array(m);
  const s = new Float64Array(m);
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
    for (let i = 0; i < m; i++) {
      // binaryCrossEntropyFromLogit's own arithmetic inline for a finite logit (the labels are
      // checked 0/1 above): the call and its checks were a fifth of the fit's time (2000 × 3)
      const y = labels[i];
      const z = zs[i];
      if (z - z === 0) {
        const tail = Math.log1p(Math.exp(-Math.abs(z)));
        s += z > 0 ? (1 - y) * z + tail : -y * z + tail;
      } else s += binaryCrossEntropyFromLogit(y, z);
    }
    return s / m;
  };
  const penalty = (weights: Float64Array): number => {
    let s = 0;
    for (let j = firstPenalised; j < p; j++) s += pen[j] * weights[j] * weights[j];
    return 0.5 * s;
  };
  const allStrictlyCorrect = (zs: Float64Array): boolean => {
    for (let i = 0; i < m; i++) if (labels[i] === 1 ? !(zs[i] > 0) : !(zs[i] < 0)) return false;
    // the standardised logits say so; certify it on X itself with the weights that will be returned
    return separatesStrictly(X, labels, originalWeights(w), intercept);
  };
  const originalWeights = (wt: Float64Array): number[] => {
    const out: number[] = new Array(p);
    let shift = 0;
    for (let j = off; j < p; j++) {
      out[j] = timesPowerOfTwo(wt[j] / spread[j], -exps[j]);
      shift += (wt[j] * centre[j]) / spread[j];
    }
    if (intercept) out[0] = wt[0] - shift;
    return out;
  };

  let loss = meanBce(z);
  let objective = loss + penalty(w);
  const history = [loss];
  let converged = false;
  let separable = false;
  // a finite minimum was certified (at some iterate's logits); sought only where the loss is flat
  let certified = false;
  let quasi = false;
  let iterations = 0;
  for (; iterations < maxIterations;) {
    // gradient and Hessian of the objective
    g.fill(0);
    H.fill(0);
    for (let i = 0; i < m; i++) {
      const q = sigmoid(z[i]);
      r[i] = q - labels[i];
      s[i] = q * (1 - q);
    }
    for (let a = 0; a < p; a++) {
      const ca = a * m;
      let ga = 0;
      for (let i = 0; i < m; i++) ga += columns[ca + i] * r[i];
      g[a] = ga / m + pen[a] * w[a];
      for (let b = 0; b <= a; b++) {
        const cb = b * m;
        let h = 0;
        for (let i = 0; i < m; i++) h += columns[ca + i] * s[i] * columns[cb + i];
        h /= m;
        H[a * p + b] = h;
        H[b * p + a] = h;
      }
      H[a * p + a] += pen[a];
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
    // Stop once the decrement is below the tolerance and the step is small against the weights:
    // a flat likelihood (uninformative data) meets the first with weights still 1e-4 off.
    let stepMax = 0;
    let wMax = 0;
    for (let j = 0; j < p; j++) {
      stepMax = Math.max(stepMax, Math.abs(step[j]));
      wMax = Math.max(wMax, Math.abs(w[j]));
    }
    if (
      decrement / 2 <= tolerance &&
      l2 === 0 &&
      !(certified ||= certifiedFiniteMinimum(columns, labels, z, m, p))
    ) {
      // the loss is as flat as the tolerance asks but no finite minimum is certified: quasi-complete
      // separation (Newton would only keep growing the weights)
      quasi = true;
      break;
    }
    if (decrement / 2 <= tolerance && stepMax <= 1e-7 * (1 + wMax)) {
      // Close enough for Newton's quadratic convergence: one last full step squares the error
      // (kept unless rounding makes the objective worse), then stop.
      for (let j = 0; j < p; j++) wTry[j] = w[j] + step[j];
      logits(wTry, zTry);
      const lossTry = meanBce(zTry);
      const objTry = lossTry + penalty(wTry);
      if (objTry <= objective + 8 * Number.EPSILON * Math.abs(objective)) {
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
    // backtracking on the objective; when the predicted decrease is below the objective's own
    // rounding (a flat likelihood near its maximum), the full Newton step is taken on the gradient's
    // word: comparing objectives can no longer tell better from worse there
    const flat = decrement / 2 <= 64 * Number.EPSILON * (1 + Math.abs(objective));
    let t = 1;
    let accepted = false;
    for (let k = 0; k < 50; k++, t *= 0.5) {
      for (let j = 0; j < p; j++) wTry[j] = w[j] + t * step[j];
      logits(wTry, zTry);
      const lossTry = meanBce(zTry);
      const objTry = lossTry + penalty(wTry);
      if (flat || objTry <= objective - 1e-4 * t * decrement || (objTry < objective && k > 0)) {
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
  let separation: LogisticRegressionFit["separation"] = separable ? "complete" : "none";
  // a certificate found at an earlier z is a proof for the data (Gordan), not for that z: not
  // sought again (each search is a pass over the data and a p × p solve, about one Newton step)
  if (
    quasi ||
    (l2 === 0 && converged && !(certified || certifiedFiniteMinimum(columns, labels, z, m, p)))
  ) {
    converged = false;
    separable = true;
    separation = "quasi-complete";
  }
  // back to the original units
  const weights = originalWeights(w);
  return { weights, loss, history, converged, iterations, separable, separation };
}

/**
 * Whether the fitted logits z certify that a finite minimiser of the unpenalised loss exists.
 * By Gordan's alternative, no w ≠ 0 with s_i x_iᵀw ≥ 0 for all i (no separation) exists iff
 * Σ λ_i s_i x_i = 0 for some λ > 0 (given full rank). The residuals r_i = σ(−s_i z_i) > 0 nearly
 * do it: Σ r_i s_i x_i = −∇ (the gradient of the summed loss). The correction u with Mu = ∇,
 * M = Σ r_i x_i x_iᵀ, gives λ_i = r_i (1 + s_i x_iᵀu) exactly; accepted when every λ_i ≥ r_i / 2.
 * Near a finite minimum u ≈ −(Newton step) ≈ 0; under separation the separated points' r_i vanish
 * with their share of ∇, and s_i x_iᵀu tends to −1 for them.
 */
function certifiedFiniteMinimum(
  Z: Float64Array,
  labels: Float64Array,
  z: Float64Array,
  m: number,
  p: number,
): boolean {
  const r = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const sz = labels[i] === 1 ? z[i] : -z[i];
    // r_i = σ(−s_i z_i) > 0 for every finite logit, even when it underflows to 0 here: the certificate
    // below needs only the sign of 1 + s_i x_iᵀu, so a probability that rounds to 0 or 1 decides nothing
    r[i] = sigmoid(-sz);
  }
  const G = new Float64Array(p);
  const M = new Float64Array(p * p);
  for (let a = 0; a < p; a++) {
    const ca = a * m;
    let ga = 0;
    for (let i = 0; i < m; i++) ga += (labels[i] === 1 ? -r[i] : r[i]) * Z[ca + i];
    G[a] = ga;
    for (let b = 0; b <= a; b++) {
      const cb = b * m;
      let h = 0;
      for (let i = 0; i < m; i++) h += r[i] * Z[ca + i] * Z[cb + i];
      M[a * p + b] = h;
      M[b * p + a] = h;
    }
  }
  const u = choleskySolve(M, G, p);
  if (u === null) return false;
  for (let i = 0; i < m; i++) {
    let xu = 0;
    for (let j = 0; j < p; j++) xu += Z[j * m + i] * u[j];
    if (!(1 + (labels[i] === 1 ? xu : -xu) >= 0.5)) return false;
  }
  return true;
}

/**
 * Whether the weights w (in the units of X, intercept first when `intercept`) classify every row
 * strictly correctly beyond rounding: s_i·x_iᵀw > γ·Σ_j |x_ij w_j| for every i, the right side a bound
 * on the rounding error of the computed dot product (γ = (p + 2)·2⁻⁵³/(1 − (p + 2)·2⁻⁵³)), so the sign
 * of each exact x_iᵀw is the computed one. True is a certificate of complete separation.
 */
function separatesStrictly(
  X: DesignRows,
  labels: Float64Array,
  w: readonly number[],
  intercept: boolean,
): boolean {
  const off = intercept ? 1 : 0;
  const p = w.length;
  const u = (p + 2) * 2 ** -53;
  const gamma = u / (1 - u);
  for (let i = 0; i < X.length; i++) {
    const row = X[i];
    let z = intercept ? w[0] : 0;
    let size = intercept ? Math.abs(w[0]) : 0;
    for (let j = off; j < p; j++) {
      const t = row[j - off] * w[j];
      z += t;
      size += Math.abs(t);
    }
    const margin = labels[i] === 1 ? z : -z;
    if (!(margin > gamma * size + Number.MIN_VALUE)) return false;
  }
  return true;
}
