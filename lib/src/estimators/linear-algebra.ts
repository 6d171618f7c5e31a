// Small dense linear algebra for the estimators (row-major Float64Array matrices).
// Internal: not re-exported from the barrel.

/**
 * Solves A x = b for a symmetric positive-definite d×d matrix A (row-major) by Cholesky
 * factorisation A = L Lᵀ. Returns `null` when A is not numerically positive definite
 * (a pivot ≤ `relTol` times the largest diagonal entry). A and b are not modified.
 */
export function choleskySolve(
  A: Float64Array,
  b: Float64Array,
  d: number,
  relTol = 1e-13,
): Float64Array | null {
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

/** Rows per block in {@link triangularFactor}: a block of 128 rows × a dozen columns stays in L1 cache. */
const BLOCK_ROWS = 128;

/**
 * Fills `block` (column-major, `count` rows × k columns: entry (i, j) at `j · count + i`) with the
 * rows `first … first + count − 1` of the matrix being factorised.
 */
export type BlockFiller = (block: Float64Array, first: number, count: number) => void;

/**
 * The triangular factor R of a QR factorisation A = QR of an m×k matrix A read in row blocks
 * (sequential tall-skinny QR): R starts at 0, and each block B of rows is folded in by the
 * Householder reflections that turn [R; B] into [R′; 0]. Q is never stored. RᵀR = AᵀA up to
 * rounding of order ε·‖A‖², without AᵀA being formed, so the conditioning is not squared; each
 * block stays in cache, so this runs at the speed of one pass over A per column.
 *
 * Append y as the last column of A to get Qᵀy in R's last column and ±‖y − A ŵ‖ (the least-squares
 * residual norm) in its last diagonal entry. Reflections do not change column norms, so
 * ‖R[:, j]‖ = ‖A[:, j]‖. Entries of A should be scaled to at most about 1 in magnitude (the
 * squares are not guarded against overflow).
 *
 * @param m rows of A
 * @param k columns of A
 * @param fill writes a block of rows of A (see {@link BlockFiller})
 * @returns R, k×k upper triangular, column-major (entry (i, j) at `j · k + i`); its diagonal may be negative
 */
export function triangularFactor(m: number, k: number, fill: BlockFiller): Float64Array {
  const R = new Float64Array(k * k);
  const B = new Float64Array(BLOCK_ROWS * k);
  for (let first = 0; first < m; first += BLOCK_ROWS) {
    const b = Math.min(BLOCK_ROWS, m - first);
    fill(B, first, b);
    foldBlock(R, k, B, b);
  }
  return R;
}

/** [R; B] → [R′; 0] by k Householder reflections; B is overwritten. */
function foldBlock(R: Float64Array, k: number, B: Float64Array, b: number): void {
  for (let j = 0; j < k; j++) {
    const cj = j * b;
    let s = 0;
    for (let i = 0; i < b; i++) {
      const v = B[cj + i];
      s += v * v;
    }
    if (s === 0) continue; // nothing below R[j][j] to eliminate
    const r = R[j * k + j];
    const norm = Math.sqrt(r * r + s);
    const alpha = r > 0 ? -norm : norm; // the sign that avoids cancellation in v0
    const v0 = r - alpha;
    const vv = v0 * v0 + s;
    R[j * k + j] = alpha;
    // reflector v = (v0, B[:, j]); apply I − 2 v vᵀ / vᵀv to the later columns, two at a time
    // (one pass over v serves both dot products and both updates)
    let c = j + 1;
    for (; c + 3 < k; c += 4) {
      const c1 = c * b;
      const c2 = c1 + b;
      const c3 = c2 + b;
      const c4 = c3 + b;
      let dot1 = v0 * R[c * k + j];
      let dot2 = v0 * R[(c + 1) * k + j];
      let dot3 = v0 * R[(c + 2) * k + j];
      let dot4 = v0 * R[(c + 3) * k + j];
      for (let i = 0; i < b; i++) {
        const v = B[cj + i];
        dot1 += v * B[c1 + i];
        dot2 += v * B[c2 + i];
        dot3 += v * B[c3 + i];
        dot4 += v * B[c4 + i];
      }
      const f1 = (2 * dot1) / vv;
      const f2 = (2 * dot2) / vv;
      const f3 = (2 * dot3) / vv;
      const f4 = (2 * dot4) / vv;
      R[c * k + j] -= f1 * v0;
      R[(c + 1) * k + j] -= f2 * v0;
      R[(c + 2) * k + j] -= f3 * v0;
      R[(c + 3) * k + j] -= f4 * v0;
      for (let i = 0; i < b; i++) {
        const v = B[cj + i];
        B[c1 + i] -= f1 * v;
        B[c2 + i] -= f2 * v;
        B[c3 + i] -= f3 * v;
        B[c4 + i] -= f4 * v;
      }
    }
    for (; c < k; c++) {
      const cc = c * b;
      let dot = v0 * R[c * k + j];
      for (let i = 0; i < b; i++) dot += B[cj + i] * B[cc + i];
      const f = (2 * dot) / vv;
      R[c * k + j] -= f * v0;
      for (let i = 0; i < b; i++) B[cc + i] -= f * B[cj + i];
    }
  }
}

/**
 * The singular values of an n×n matrix (column-major, read from `a` with leading dimension `lda`),
 * largest first, by one-sided Jacobi rotations (Hestenes): columns are rotated pairwise until
 * they are orthogonal to working precision; their norms are then the singular values, each with
 * a small relative error even when the matrix is badly conditioned (Demmel & Veselić 1992).
 */
export function singularValues(a: Float64Array, n: number, lda = n): Float64Array {
  const U = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) U[j * n + i] = a[j * lda + i];
  const eps = 2.220446049250313e-16;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const up = U[p * n + i];
          const uq = U[q * n + i];
          alpha += up * up;
          beta += uq * uq;
          gamma += up * uq;
        }
        if (gamma === 0 || Math.abs(gamma) <= eps * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = Math.sign(zeta || 1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const sn = c * t;
        for (let i = 0; i < n; i++) {
          const up = U[p * n + i];
          const uq = U[q * n + i];
          U[p * n + i] = c * up - sn * uq;
          U[q * n + i] = sn * up + c * uq;
        }
      }
    }
    if (!rotated) break;
  }
  const sigma = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += U[j * n + i] * U[j * n + i];
    sigma[j] = Math.sqrt(s);
  }
  return sigma.sort().reverse();
}

/** Result of {@link numericalRank}. */
export interface RankDecision {
  /** How many singular values of the column-equilibrated matrix exceed `tolerance`. */
  rank: number;
  /** ε · max(m, n) · σ_max, the LAPACK/numpy cut-off (`rcond = None`), on unit-norm columns. */
  tolerance: number;
  /** Singular values of the column-equilibrated matrix, largest first. */
  sigma: Float64Array;
  /**
   * When rank < n: the columns (0-based, ascending) that depend on the columns before them,
   * found by Gram–Schmidt in column order; a column whose part orthogonal to the kept earlier
   * columns has norm ≤ √n · tolerance is dependent. Empty when rank = n.
   */
  dependent: number[];
}

/**
 * The numerical rank of an m×n matrix A from the triangular factor R of A = QR, decided as LAPACK's
 * least-squares drivers and numpy's `lstsq` do (singular values above ε·max(m, n)·σ_max count),
 * but after scaling every column to unit norm, so the decision does not depend on the units of
 * the columns (a column in 1e200 beside one in 1e-200 is as good as two unit columns).
 * A zero column is always dependent.
 *
 * @param R the k×k factor from {@link triangularFactor}; its leading n×n block is used
 * @param k R's leading dimension (≥ n)
 * @param n columns of A
 * @param m rows of A
 */
export function numericalRank(R: Float64Array, k: number, n: number, m: number): RankDecision {
  const eps = 2.220446049250313e-16;
  const E = new Float64Array(n * n);
  const zero: boolean[] = [];
  for (let j = 0; j < n; j++) {
    let big = 0;
    for (let i = 0; i <= j; i++) big = Math.max(big, Math.abs(R[j * k + i]));
    let s = 0;
    if (big > 0) for (let i = 0; i <= j; i++) s += (R[j * k + i] / big) ** 2;
    const norm = big * Math.sqrt(s);
    zero.push(!(norm > 0));
    if (norm > 0) for (let i = 0; i <= j; i++) E[j * n + i] = R[j * k + i] / norm;
  }
  const sigma = singularValues(E, n);
  const tolerance = eps * Math.max(m, n) * sigma[0];
  let rank = 0;
  for (let j = 0; j < n; j++) if (sigma[j] > tolerance) rank++;
  const dependent: number[] = [];
  if (rank < n) {
    // Gram–Schmidt (twice, for orthogonality) over the columns in order.
    const basis: Float64Array[] = [];
    const cut = Math.sqrt(n) * tolerance;
    for (let j = 0; j < n; j++) {
      if (zero[j]) {
        dependent.push(j);
        continue;
      }
      const c = E.slice(j * n, (j + 1) * n);
      for (let pass = 0; pass < 2; pass++) {
        for (const q of basis) {
          let d = 0;
          for (let i = 0; i < n; i++) d += q[i] * c[i];
          for (let i = 0; i < n; i++) c[i] -= d * q[i];
        }
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += c[i] * c[i];
      const norm = Math.sqrt(s);
      if (norm <= cut) dependent.push(j);
      else basis.push(c.map((v) => v / norm));
    }
  }
  return { rank, tolerance, sigma, dependent };
}

/**
 * The exponent e such that maxAbs · 2^−e lies in [0.5, 1) (in [1, 2) for maxAbs ≥ 2^1023, and at least 2^−53 for
 * subnormal maxAbs, where e is clamped to −1021 so that 2^−e stays finite). Scaling by a power of two is exact.
 * Returns 0 for 0 and non-finite input.
 */
export function binaryScaleExponent(maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return 0;
  const e = Math.floor(Math.log2(maxAbs)) + 1;
  return Math.min(1023, Math.max(-1021, e));
}

/** x · 2^e for any integer e, in two exact steps so the power itself neither overflows nor underflows. */
export function timesPowerOfTwo(x: number, e: number): number {
  const half = Math.trunc(e / 2);
  return x * 2 ** half * 2 ** (e - half);
}
