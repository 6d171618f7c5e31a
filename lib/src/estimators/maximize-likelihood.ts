import { choleskySolve } from "./linear-algebra";
import {
  checkFunction,
  checkInteger,
  checkNumber,
  checkPositive,
  checkReturned,
  checkVector,
  entryError,
  readOptions,
  valueError,
} from "../validate/validate";

/** Options of {@link maximizeLikelihood}; every field has a default. */
export interface MaximizeOptions {
  /** Cap on Nelder–Mead iterations per run (default `1000 · d`, d = dimension). */
  maxIterations?: number;
  /** Relative tolerance on the objective and on the simplex size (default `1e-10`). */
  tolerance?: number;
  /** Cap on Nelder–Mead restarts after the first run (default `5`). */
  restarts?: number;
  /**
   * Size of the first simplex's edges, and the scale of every coordinate: default `0.1·|θ0_j|` per
   * coordinate, `0.1` where θ0_j = 0. Stopping and difference steps are relative to
   * max(|θ_j|, 10 × this), so rescaling a parameter (θ·1e-9, θ0·1e-9) rescales the search with it.
   */
  initialStep?: number;
}

/** What {@link maximizeLikelihood} found. */
export interface MaximizeResult {
  /** The maximiser θ̂. */
  theta: number[];
  /** The log-likelihood at θ̂. */
  value: number;
  /** Nelder–Mead iterations (all runs) plus BFGS iterations. */
  iterations: number;
  /**
   * How many times `logLik` was called. A trial point with a non-finite entry (a step that
   * overflowed) counts as infinitely bad without a call, so this can be below `iterations`.
   */
  evaluations: number;
  /**
   * True when the last Nelder–Mead run met the tolerance, a restart no longer improved the value
   * (with `restarts: 0`, when the single run met the tolerance), and θ̂ passed the final check: no
   * nearby point (θ̂_j ± 1e-3·|θ̂_j|) is better, and logLik is finite on both sides of θ̂ in every
   * coordinate (a maximum on the edge of where logLik is finite is not a maximum of the model).
   */
  converged: boolean;
  /**
   * True when no maximum exists along the search: logLik returned +Infinity, or it keeps increasing
   * along a ray from θ̂ until θ overflows or logLik stops being finite (θ → ∞), or θ̂ sits where
   * logLik stops being finite while still increasing towards it (θ → 709.8 where an exp overflows).
   * Then `converged` is false and `theta` is only the last point reached.
   */
  unbounded: boolean;
}

type Objective = (x: Float64Array) => number;

/** The Newton refinement costs 4d² evaluations per step, so it runs up to this dimension. */
const NEWTON_MAX_DIMENSION = 20;

/** Nelder–Mead on `f` (minimised) from `x0`; returns the best vertex, its value and the iterations used. */
function nelderMead(
  f: Objective,
  x0: Float64Array,
  f0: number,
  step: Float64Array,
  maxIterations: number,
  tol: number,
): { x: Float64Array; fx: number; iterations: number; converged: boolean } {
  const d = x0.length;
  // Adaptive coefficients (Gao & Han 2012) for d >= 2; the standard ones for d = 1.
  const alpha = 1;
  const gamma = d >= 2 ? 1 + 2 / d : 2;
  const rho = d >= 2 ? 0.75 - 1 / (2 * d) : 0.5;
  const shrink = d >= 2 ? 1 - 1 / d : 0.5;
  const pts: Float64Array[] = [Float64Array.from(x0)];
  const fs: number[] = [f0];
  for (let j = 0; j < d; j++) {
    const p = Float64Array.from(x0);
    p[j] += step[j];
    pts.push(p);
    fs.push(f(p));
  }
  const order = Array.from({ length: d + 1 }, (_, i) => i);
  const centroid = new Float64Array(d);
  const xr = new Float64Array(d);
  const xe = new Float64Array(d);
  const xc = new Float64Array(d);
  let it = 0;
  let converged = false;
  for (; it < maxIterations; it++) {
    // the vertices by value, stable (as Array.prototype.sort with (a, b) => fs[a] − fs[b], which
    // cost about 0.15 µs an iteration at d = 2; a difference NaN, ∞ − ∞, counts as equal as there)
    for (let i = 1; i <= d; i++) {
      const v = order[i];
      const fv = fs[v];
      let k = i;
      while (k > 0 && fs[order[k - 1]] - fv > 0) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = v;
    }
    const best = order[0];
    const worst = order[d];
    const second = order[d - 1];
    // Convergence: values within the tolerance of the best vertex (relative, with a floor of 1
    // nat), and vertices within 1e-2·√tol of it relative to each coordinate's scale.
    let fSpread = 0;
    let xSpread = 0;
    for (let i = 1; i <= d; i++) {
      const v = order[i];
      fSpread = Math.max(fSpread, Math.abs(fs[v] - fs[best]));
      for (let j = 0; j < d; j++)
        xSpread = Math.max(xSpread, Math.abs(pts[v][j] - pts[best][j]) / scaleOf(pts[best], j));
    }
    if (fSpread <= tol * (1 + Math.abs(fs[best])) && xSpread <= Math.sqrt(tol) * 1e-2) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let i = 0; i < d; i++) {
      const p = pts[order[i]];
      for (let j = 0; j < d; j++) centroid[j] += p[j] / d;
    }
    const pw = pts[worst];
    for (let j = 0; j < d; j++) xr[j] = centroid[j] + alpha * (centroid[j] - pw[j]);
    const fr = f(xr);
    if (fr < fs[best]) {
      for (let j = 0; j < d; j++) xe[j] = centroid[j] + gamma * (xr[j] - centroid[j]);
      const fe = f(xe);
      if (fe < fr) {
        pw.set(xe);
        fs[worst] = fe;
      } else {
        pw.set(xr);
        fs[worst] = fr;
      }
      continue;
    }
    if (fr < fs[second]) {
      pw.set(xr);
      fs[worst] = fr;
      continue;
    }
    // Contraction: outside when the reflected point beats the worst, inside otherwise.
    const outside = fr < fs[worst];
    for (let j = 0; j < d; j++) {
      xc[j] = outside
        ? centroid[j] + rho * (xr[j] - centroid[j])
        : centroid[j] + rho * (pw[j] - centroid[j]);
    }
    const fc = f(xc);
    if (fc < (outside ? fr : fs[worst])) {
      pw.set(xc);
      fs[worst] = fc;
      continue;
    }
    const pb = pts[best];
    for (let i = 1; i <= d; i++) {
      const p = pts[order[i]];
      for (let j = 0; j < d; j++) p[j] = pb[j] + shrink * (p[j] - pb[j]);
      fs[order[i]] = f(p);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= d; i++) if (fs[i] < fs[bestIndex]) bestIndex = i;
  return { x: pts[bestIndex], fx: fs[bestIndex], iterations: it, converged };
}

/** The scale of each coordinate: max(|x_j|, typical_j), typical_j = 10 × the first simplex's edge. */
let TYPICAL: Float64Array = new Float64Array(0);
function scaleOf(x: Float64Array, j: number): number {
  return Math.max(Math.abs(x[j]), TYPICAL[j]);
}

/** Central-difference gradient of `f` at `x`, step h_j = ∛ε · scale_j. */
function gradient(f: Objective, x: Float64Array, g: Float64Array): void {
  const probe = Float64Array.from(x);
  for (let j = 0; j < x.length; j++) {
    const h = 6.055454452393343e-6 * scaleOf(x, j); // ∛(2^-52)
    probe[j] = x[j] + h;
    const up = f(probe);
    probe[j] = x[j] - h;
    const down = f(probe);
    probe[j] = x[j];
    g[j] = (up - down) / (2 * h);
  }
}

/**
 * BFGS with central-difference gradients and a backtracking (Armijo) line search; polishes `x` in
 * place. It works in each coordinate's own units, u_j = x_j / scale_j (scales fixed at the start),
 * so its inverse Hessian starts as the identity there and no parameter's units matter.
 */
function bfgsPolish(
  f: Objective,
  x: Float64Array,
  fx: number,
  maxIterations: number,
): { fx: number; iterations: number } {
  const d = x.length;
  const S = new Float64Array(d);
  for (let j = 0; j < d; j++) S[j] = scaleOf(x, j);
  const H = new Float64Array(d * d);
  for (let j = 0; j < d; j++) H[j * d + j] = 1;
  const g = new Float64Array(d); // gradient in u units: ∂f/∂x_j · scale_j
  const gNew = new Float64Array(d);
  const p = new Float64Array(d);
  const s = new Float64Array(d);
  const y = new Float64Array(d);
  const xNew = new Float64Array(d);
  const Hy = new Float64Array(d);
  const gradU = (at: Float64Array, out: Float64Array): void => {
    gradient(f, at, out);
    for (let j = 0; j < d; j++) out[j] *= S[j];
  };
  gradU(x, g);
  let it = 0;
  let firstStep = true;
  for (; it < maxIterations; it++) {
    let gp = 0;
    for (let i = 0; i < d; i++) {
      let v = 0;
      for (let j = 0; j < d; j++) v -= H[i * d + j] * g[j];
      p[i] = v;
      gp += v * g[i];
    }
    if (!(gp < 0)) {
      // Not a descent direction: restart from steepest descent.
      H.fill(0);
      for (let j = 0; j < d; j++) H[j * d + j] = 1;
      gp = 0;
      for (let i = 0; i < d; i++) {
        p[i] = -g[i];
        gp -= g[i] * g[i];
      }
      if (gp === 0) break;
    }
    let t = 1;
    let fNew = Infinity;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < d; i++) xNew[i] = x[i] + t * p[i] * S[i];
      fNew = f(xNew);
      if (fNew <= fx + 1e-4 * t * gp) break;
      t *= 0.5;
    }
    if (!(fNew < fx)) break; // no decrease left at floating-point resolution
    for (let i = 0; i < d; i++) s[i] = (xNew[i] - x[i]) / S[i];
    gradU(xNew, gNew);
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < d; i++) {
      y[i] = gNew[i] - g[i];
      sy += s[i] * y[i];
      yy += y[i] * y[i];
    }
    x.set(xNew);
    g.set(gNew);
    const improvement = fx - fNew;
    fx = fNew;
    if (sy > 1e-300 && yy > 0) {
      if (firstStep) {
        // Scale the initial inverse Hessian to the curvature just seen (Nocedal & Wright 6.20).
        const scale = sy / yy;
        for (let j = 0; j < d; j++) H[j * d + j] = scale;
        firstStep = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / sᵀy
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < d; i++) {
        let v = 0;
        for (let j = 0; j < d; j++) v += H[i * d + j] * y[j];
        Hy[i] = v;
        yHy += y[i] * v;
      }
      for (let i = 0; i < d; i++) {
        for (let j = 0; j < d; j++) {
          H[i * d + j] +=
            -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
        }
      }
    }
    if (improvement <= 1e-16 * (1 + Math.abs(fx))) break;
  }
  return { fx, iterations: it };
}

/**
 * Newton steps on the central-difference gradient, with a Hessian from central differences of
 * that gradient. A step is kept when it shrinks the gradient without raising f beyond rounding,
 * so it keeps converging where f itself is flat to machine precision (≈ √ε away from the optimum).
 */
function newtonRefine(
  f: Objective,
  x: Float64Array,
  fx: number,
  maxSteps: number,
): { fx: number; iterations: number } {
  // Everything in each coordinate's own units u_j = x_j / S_j (S fixed at the start): gradients are
  // ∂f/∂x_j · S_j and the Hessian S H S, so that neither overflows at scales 1e±200 and the
  // factorisation's pivot test does not depend on how the parameters are scaled.
  const d = x.length;
  const S = new Float64Array(d);
  for (let j = 0; j < d; j++) S[j] = scaleOf(x, j);
  const g = new Float64Array(d);
  const gUp = new Float64Array(d);
  const gDown = new Float64Array(d);
  const gNew = new Float64Array(d);
  const H = new Float64Array(d * d);
  const probe = new Float64Array(d);
  const gradU = (at: Float64Array, out: Float64Array): void => {
    gradient(f, at, out);
    for (let j = 0; j < d; j++) out[j] *= S[j];
  };
  const norm = (v: ArrayLike<number>): number => {
    let s = 0;
    for (let i = 0; i < v.length; i++) s += v[i] * v[i];
    return Math.sqrt(s);
  };
  const E4 = 1.220703125e-4; // ε^(1/4)
  gradU(x, g);
  let it = 0;
  for (; it < maxSteps; it++) {
    for (let j = 0; j < d; j++) {
      probe.set(x);
      probe[j] = x[j] + E4 * S[j];
      gradU(probe, gUp);
      probe[j] = x[j] - E4 * S[j];
      gradU(probe, gDown);
      for (let i = 0; i < d; i++) H[i * d + j] = (gUp[i] - gDown[i]) / (2 * E4);
    }
    for (let i = 0; i < d; i++) {
      for (let j = i + 1; j < d; j++) {
        const v = 0.5 * (H[i * d + j] + H[j * d + i]);
        H[i * d + j] = v;
        H[j * d + i] = v;
      }
    }
    const minusG = g.map((v) => -v);
    const delta = choleskySolve(H, minusG, d);
    if (delta === null) break;
    for (let i = 0; i < d; i++) probe[i] = x[i] + delta[i] * S[i];
    const fNew = f(probe);
    if (!(fNew <= fx + 1e-12 * (1 + Math.abs(fx)))) break;
    gradU(probe, gNew);
    if (!(norm(gNew) < norm(g))) break;
    x.set(probe);
    g.set(gNew);
    fx = Math.min(fx, fNew);
    if (norm(delta) <= 1e-15) break;
  }
  return { fx, iterations: it };
}

/**
 * Maximises a log-likelihood numerically: Nelder–Mead with restarts, then a BFGS polish.
 *
 * θ̂ = argmax_θ logLik(θ), found by minimising −logLik:
 * 1. Nelder–Mead (adaptive coefficients of Gao & Han 2012 for d ≥ 2) from a simplex around θ0
 *    with edges `initialStep`, until the vertex values agree to `tolerance` (relative) and the
 *    vertices to 1e-2·√tolerance (relative);
 * 2. restarts from the best point with a fresh simplex until a run improves the value by less than
 *    `tolerance` (relative), which escapes a simplex that collapsed early;
 * 3. BFGS with central-difference gradients (step ∛ε · max(1, |θ_j|)) and an Armijo backtracking
 *    line search;
 * 4. for d ≤ 20, up to 8 Newton steps on the numeric gradient (Hessian by central differences of
 *    it), kept only while they shrink the gradient: values alone cannot locate θ̂ better than
 *    ≈ √ε relative, the gradient can (typically to 1e-10 relative where logLik is smooth).
 * `logLik` returning NaN or −∞ is treated as "infinitely bad", so constraints can be written as
 * `return -Infinity` — but an unconstrained parametrisation (log σ instead of σ, logit p instead of
 * p) is faster and more accurate. No derivative of `logLik` is needed. It agrees with the
 * closed-form MLEs to 1e-6 relative (tested for every family).
 *
 * @param logLik θ ↦ log-likelihood; receives a fresh `Float64Array` copy of θ on each call (writing to it
 *   does not move the search)
 * @param theta0 the starting point (finite entries, logLik(θ0) finite)
 * @param opts `maxIterations`, `tolerance`, `restarts`, `initialStep` (see {@link MaximizeOptions})
 * @returns `{ theta, value, iterations, evaluations, converged }`
 * @throws {RangeError} when `theta0` is empty or holds NaN or ±Infinity, when logLik(θ0) is −Infinity
 *   or NaN (logLik(θ0) = +Infinity is not an error: the result has `unbounded: true`), or when an
 *   option is out of range
 * @throws {TypeError} when `logLik` is not a function, `theta0` is not a `number[]` or `Float64Array` or holds a
 *   non-number, `opts` is not an options object or has an unknown key, or an option is not a number
 * @example
 * // Gaussian MLE in (mu, log sigma) for the data [1, 2, 3, 4]
 * const xs = [1, 2, 3, 4];
 * const r = maximizeLikelihood((t) => logLikelihood(gaussian(t[0], Math.exp(t[1])), xs), [0, 0]);
 * r.theta[0];              // => 2.5000000000016156 (closed form 2.5)
 * Math.exp(r.theta[1]);    // => 1.1180339887491817 (closed form √1.25 = 1.118033988749895)
 * r.converged;             // => true
 * maximizeLikelihood(() => -Infinity, [0]); // throws RangeError: maximizeLikelihood: logLik(theta0) = -Infinity, start where the likelihood is positive
 * maximizeLikelihood(() => Infinity, [1]).unbounded; // => true (value Infinity, theta [1], converged false)
 */
export function maximizeLikelihood(
  logLik: (theta: Float64Array) => number,
  theta0: readonly number[] | Float64Array,
  opts?: MaximizeOptions,
): MaximizeResult {
  const fn = "maximizeLikelihood";
  checkFunction(fn, "logLik", logLik);
  const d = checkVector(fn, "theta0", theta0);
  const {
    maxIterations = 1000 * d,
    tolerance = 1e-10,
    restarts = 5,
    initialStep,
  } = readOptions(fn, opts, ["maxIterations", "tolerance", "restarts", "initialStep"]);
  checkInteger(fn, "maxIterations", maxIterations, 1);
  checkNumber(fn, "tolerance", tolerance);
  if (!(tolerance > 0 && tolerance < 1))
    throw valueError(fn, "tolerance", tolerance, "must be in (0, 1)");
  checkInteger(fn, "restarts", restarts, 0);
  if (initialStep !== undefined) checkPositive(fn, "initialStep", initialStep);
  const x = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    const v = theta0[j];
    if (typeof v !== "number" || !(v - v === 0)) throw entryError(fn, `theta0[${j}]`, v, "finite")!;
    x[j] = v;
  }
  let evaluations = 0;
  let raw = 0; // the last value logLik returned, as it returned it (NaN stays NaN)
  // Only finite trial points reach logLik: a reflection or a difference step that overflowed
  // counts as infinitely bad without calling it (so `t => t[0] <= 0 ? -Infinity : …` never sees ∞).
  const f: Objective = (t) => {
    // a fresh copy: a logLik that writes to (or keeps) its argument cannot move the optimiser's
    // point. Made by the constructor and filled in the finiteness loop: TypedArray slice() cost
    // 79 ns a call here, new Float64Array(d) plus the loop 26 (d = 2)
    const copy = new Float64Array(t.length);
    for (let j = 0; j < t.length; j++) {
      const v = t[j];
      if (!(v - v === 0)) return Infinity;
      copy[j] = v;
    }
    evaluations++;
    const v = logLik(copy);
    if (typeof v !== "number") checkReturned(fn, `logLik([${Array.from(t).join(", ")}])`, v);
    raw = v;
    return v === v ? -v : Infinity;
  };
  let fx = f(x);
  // +∞ at the start is an unbounded likelihood, reported as it is anywhere else in the search
  if (fx === -Infinity)
    return {
      theta: Array.from(x),
      value: Infinity,
      iterations: 0,
      evaluations,
      converged: false,
      unbounded: true,
    };
  if (fx === Infinity) {
    throw new RangeError(
      `maximizeLikelihood: logLik(theta0) = ${raw}, ${raw === raw ? "start where the likelihood is positive" : "not a number (check the callback)"}`,
    );
  }
  const step0 = new Float64Array(d);
  for (let j = 0; j < d; j++) step0[j] = initialStep ?? (x[j] !== 0 ? 0.1 * Math.abs(x[j]) : 0.1);
  const typical = new Float64Array(d);
  for (let j = 0; j < d; j++) typical[j] = 10 * step0[j];
  const saved = TYPICAL;
  TYPICAL = typical;
  try {
    const step = new Float64Array(d);
    let iterations = 0;
    let converged = false;
    for (let run = 0; run <= restarts && fx > -Infinity; run++) {
      for (let j = 0; j < d; j++)
        step[j] = run === 0 ? step0[j] : 0.01 * Math.max(Math.abs(x[j]), typical[j]);
      const before = fx;
      const r = nelderMead(f, x, fx, step, maxIterations, tolerance);
      iterations += r.iterations;
      if (r.fx <= fx) {
        x.set(r.x);
        fx = r.fx;
      }
      // With no restart allowed, the single run's own test decides; otherwise a restart must
      // confirm that the point cannot be improved on.
      if (restarts === 0) converged = r.converged;
      else if (run > 0 && r.converged && before - fx <= tolerance * (1 + Math.abs(fx))) {
        converged = true;
        break;
      }
    }
    if (fx > -Infinity) {
      const polish = bfgsPolish(f, x, fx, 100 * d);
      iterations += polish.iterations;
      fx = polish.fx;
      if (d <= NEWTON_MAX_DIMENSION) {
        const refine = newtonRefine(f, x, fx, 8);
        iterations += refine.iterations;
        fx = refine.fx;
      }
    }
    const check = finalCheck(f, x, fx, tolerance);
    if (check.better) {
      x.set(check.at);
      fx = check.fx;
    }
    const unbounded = fx === -Infinity || check.unbounded;
    converged = converged && check.ok && !unbounded;
    return { theta: Array.from(x), value: -fx, iterations, evaluations, converged, unbounded };
  } finally {
    TYPICAL = saved;
  }
}

/**
 * The last word on θ̂ (f = −logLik, minimised): probes θ̂_j ± 1e-3·|θ̂_j| in each coordinate
 * (1e-3·typical_j where θ̂_j = 0).
 * `ok` when no probe is better by more than the tolerance and every probe is finite (a point where
 * f turns infinite next to θ̂, while falling towards it, is the edge of where logLik can be
 * evaluated, not a maximum). When a probe is better, a ray from θ̂ along it is followed with
 * doubling steps: if f keeps falling until θ or f leaves the double range (or for 64 doublings),
 * no maximum exists along it (`unbounded`); the best point seen is returned in any case.
 */
function finalCheck(
  f: Objective,
  x: Float64Array,
  fx: number,
  tol: number,
): { ok: boolean; better: boolean; unbounded: boolean; at: Float64Array; fx: number } {
  const d = x.length;
  const slack = tol * (1 + Math.abs(fx));
  const probe = Float64Array.from(x);
  let ok = fx > -Infinity;
  let edge = false;
  let bestF = fx;
  let bestJ = -1;
  let bestSign = 0;
  for (let j = 0; j < d && fx > -Infinity; j++) {
    const h = 1e-3 * (x[j] !== 0 ? Math.abs(x[j]) : TYPICAL[j]);
    const values = [0, 0];
    for (const [k, sign] of [
      [0, 1],
      [1, -1],
    ]) {
      probe[j] = x[j] + sign * h;
      const v = f(probe);
      probe[j] = x[j];
      values[k] = v;
      if (v < fx - slack) {
        ok = false;
        if (v < bestF) {
          bestF = v;
          bestJ = j;
          bestSign = sign;
        }
      }
    }
    // logLik not finite right next to θ̂ while falling away from that side: θ̂ is the edge of
    // where logLik can be evaluated (θ → 709.8 where an exp overflows), not a maximum
    for (const [inf, other] of [
      [0, 1],
      [1, 0],
    ]) {
      if (!(values[inf] < Infinity)) {
        ok = false;
        if (values[other] > fx + slack) edge = true;
      }
    }
  }
  if (bestJ < 0) return { ok, better: false, unbounded: edge, at: x, fx };
  // follow the improving direction with doubling steps
  const at = Float64Array.from(x);
  let h = 1e-3 * scaleOf(x, bestJ);
  at[bestJ] = x[bestJ] + bestSign * h;
  let current = bestF;
  let unbounded = false;
  for (let k = 0; k < 64; k++) {
    h *= 2;
    const next = Float64Array.from(at);
    next[bestJ] = x[bestJ] + bestSign * h;
    if (!(next[bestJ] - next[bestJ] === 0)) {
      unbounded = true; // θ overflowed while f was still falling
      break;
    }
    const v = f(next);
    if (v === -Infinity) {
      at.set(next);
      current = v;
      unbounded = true;
      break;
    }
    if (!(v < current)) {
      // f stopped falling: an edge (v = ∞ right after a fall) or simply a farther optimum
      unbounded = !(v < Infinity);
      break;
    }
    at.set(next);
    current = v;
    if (k === 63) unbounded = true;
  }
  return { ok: false, better: true, unbounded, at, fx: current };
}
