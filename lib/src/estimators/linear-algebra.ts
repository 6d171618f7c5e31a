// Small dense linear algebra for the estimators (row-major Float64Array matrices).
// Internal: not re-exported from the barrel.

/**
 * Solves A x = b for a symmetric positive-definite d×d matrix A (row-major) by Cholesky
 * factorisation A = L Lᵀ. Returns `null` when A is not numerically positive definite
 * (a pivot ≤ `relTol` times the largest diagonal entry). A and b are not modified.
 */
export function choleskySolve(A: Float64Array, b: Float64Array, d: number, relTol = 1e-13): Float64Array | null {
  const L = new Float64Array(d * d);
  let maxDiag = 0;
  for (let i = 0; i < d; i++) maxDiag = Math.max(maxDiag, Math.abs(A[i * d + i]));
  if (!(maxDiag > 0 && maxDiag < Infinity)) return null;
  for (let j = 0; j < d; j++) {
    let s = A[j * d + j];
    for (let k = 0; k < j; k++) s -= L[j * d + k] * L[j * d + k];
    if (!(s > relTol * maxDiag)) return null;
    const ljj = Math.sqrt(s);
    L[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = A[i * d + j];
      for (let k = 0; k < j; k++) t -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = t / ljj;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= L[i * d + k] * x[k];
    x[i] = s / L[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < d; k++) s -= L[k * d + i] * x[k];
    x[i] = s / L[i * d + i];
  }
  return x;
}

/** Result of {@link leastSquaresQR}. */
export interface LeastSquaresSolution {
  /** The minimiser of ‖A w − y‖². */
  w: Float64Array;
  /** The residual sum of squares ‖A w − y‖². */
  rss: number;
  /** Index of the first column found linearly dependent on the earlier ones, or −1. */
  dependentColumn: number;
}

/**
 * Least squares min_w ‖A w − y‖² by Householder QR of the m×n matrix A (column-major copy `a`,
 * overwritten). Stable: it never forms AᵀA, so the condition number is not squared.
 * A column whose part orthogonal to the earlier columns has norm ≤ 1e-12 · max(m, n) · (its own norm)
 * is numerically dependent on them: its index is returned in `dependentColumn` and `w` is not computed.
 */
export function leastSquaresQR(a: Float64Array, y: Float64Array, m: number, n: number): LeastSquaresSolution {
  const qty = Float64Array.from(y);
  const rDiag = new Float64Array(n);
  const colNorm = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < m; i++) s += a[j * m + i] * a[j * m + i];
    colNorm[j] = Math.sqrt(s);
  }
  let dependentColumn = -1;
  for (let j = 0; j < n; j++) {
    const col = j * m;
    // Householder vector for a[j..m-1, j]
    let norm = 0;
    for (let i = j; i < m; i++) norm = Math.hypot(norm, a[col + i]);
    const tol = 1e-12 * Math.max(m, n) * colNorm[j];
    if (!(norm > tol) || colNorm[j] === 0) {
      dependentColumn = j;
      break;
    }
    const alpha = a[col + j] > 0 ? -norm : norm;
    a[col + j] -= alpha; // v = x − alpha e1, stored in place
    let vv = 0;
    for (let i = j; i < m; i++) vv += a[col + i] * a[col + i];
    // apply H = I − 2 v vᵀ / (vᵀv) to the remaining columns and to y
    for (let k = j + 1; k < n; k++) {
      const ck = k * m;
      let dot = 0;
      for (let i = j; i < m; i++) dot += a[col + i] * a[ck + i];
      const f = (2 * dot) / vv;
      for (let i = j; i < m; i++) a[ck + i] -= f * a[col + i];
    }
    let dot = 0;
    for (let i = j; i < m; i++) dot += a[col + i] * qty[i];
    const f = (2 * dot) / vv;
    for (let i = j; i < m; i++) qty[i] -= f * a[col + i];
    rDiag[j] = alpha;
  }
  const w = new Float64Array(n);
  if (dependentColumn >= 0) return { w, rss: NaN, dependentColumn };
  // back substitution R w = (Qᵀy)[0..n-1]; R's strict upper part sits in a[k*m + j] for k > j
  for (let j = n - 1; j >= 0; j--) {
    let s = qty[j];
    for (let k = j + 1; k < n; k++) s -= a[k * m + j] * w[k];
    w[j] = s / rDiag[j];
  }
  let rss = 0;
  for (let i = n; i < m; i++) rss += qty[i] * qty[i];
  return { w, rss, dependentColumn };
}
