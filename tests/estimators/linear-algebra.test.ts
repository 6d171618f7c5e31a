import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng, gaussian } from "../../lib/src/distributions";
import {
  binaryScaleExponent,
  choleskySolve,
  numericalRank,
  singularValues,
  timesPowerOfTwo,
  triangularFactor,
} from "../../lib/src/estimators/linear-algebra";

test("choleskySolve solves a symmetric positive-definite system", () => {
  const A = new Float64Array([4, 2, 0.4, 2, 5, 1, 0.4, 1, 3]);
  const x = [1, -2, 0.5];
  const b = new Float64Array(3);
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) b[i] += A[i * 3 + j] * x[j];
  const got = choleskySolve(A, b, 3)!;
  x.forEach((v, i) => assert.ok(Math.abs(got[i] - v) < 1e-14));
});

test("choleskySolve returns null for singular, indefinite or non-finite matrices", () => {
  assert.is(choleskySolve(new Float64Array([1, 1, 1, 1]), new Float64Array([1, 1]), 2), null);
  assert.is(choleskySolve(new Float64Array([1, 0, 0, -1]), new Float64Array([1, 1]), 2), null);
  assert.is(choleskySolve(new Float64Array([0, 0, 0, 0]), new Float64Array([1, 1]), 2), null);
  assert.is(choleskySolve(new Float64Array([NaN, 0, 0, 1]), new Float64Array([1, 1]), 2), null);
});

/** R of a small column-major m×k matrix, read row by row as triangularFactor's filler expects. */
function factor(cols: number[][]): Float64Array {
  const m = cols[0].length;
  const k = cols.length;
  return triangularFactor(m, k, (B, first, count) => {
    for (let j = 0; j < k; j++)
      for (let r = 0; r < count; r++) B[j * count + r] = cols[j][first + r];
  });
}

/** Back substitution R[:n,:n] w = R[:n, n] (the least-squares weights when column n is y). */
function solve(R: Float64Array, k: number, n: number): number[] {
  const w = new Array<number>(n).fill(0);
  for (let j = n - 1; j >= 0; j--) {
    let s = R[n * k + j];
    for (let c = j + 1; c < n; c++) s -= R[c * k + j] * w[c];
    w[j] = s / R[j * k + j];
  }
  return w;
}

test("triangularFactor gives RᵀR = AᵀA across block boundaries (m = 300 rows, blocks of 128)", () => {
  const rng = createRng(10);
  const cols = [0, 1, 2].map(() => Array.from(gaussian(0, 1).sample(300, rng)));
  const R = factor(cols);
  for (let a = 0; a < 3; a++) {
    for (let b = 0; b < 3; b++) {
      let ata = 0;
      for (let i = 0; i < 300; i++) ata += cols[a][i] * cols[b][i];
      let rtr = 0;
      for (let i = 0; i < 3; i++) rtr += R[a * 3 + i] * R[b * 3 + i];
      assert.ok(Math.abs(rtr - ata) <= 1e-12 * 300, `(${a}, ${b}): ${rtr} vs ${ata}`);
    }
  }
  assert.is(R[0 * 3 + 1], 0); // upper triangular: below-diagonal entries stay exactly 0
});

test("with y as the last column, back substitution gives the least-squares weights and |R_kk| the residual norm", () => {
  // columns [1,1,1,1] and [0,1,2,3]; y = [1,3,5,7.5] (numpy lstsq: [0.9, 2.15], residuals 0.075)
  const R = factor([
    [1, 1, 1, 1],
    [0, 1, 2, 3],
    [1, 3, 5, 7.5],
  ]);
  const w = solve(R, 3, 2);
  assert.ok(Math.abs(w[0] - 0.9) < 1e-14 && Math.abs(w[1] - 2.15) < 1e-14);
  assert.ok(Math.abs(R[2 * 3 + 2] ** 2 - 0.075) < 1e-14);
});

test("the QR route stays accurate where AᵀA would square the condition number (Läuchli matrix)", () => {
  const e = 1e-9; // 1 + e² rounds to 1, so AᵀA is exactly singular in floating point
  const w = [2, -1];
  const R = factor([
    [1, e, 0],
    [1, 0, e],
    [w[0] + w[1], e * w[0], e * w[1]],
  ]);
  const got = solve(R, 3, 2);
  assert.ok(Math.abs(got[0] - 2) < 1e-6 && Math.abs(got[1] + 1) < 1e-6, `${got}`);
});

test("singularValues returns the singular values, largest first", () => {
  // [[3, 0], [4, 5]]: AᵀA = [[25, 20], [20, 25]], eigenvalues 45 and 5
  const s = singularValues(new Float64Array([3, 4, 0, 5]), 2);
  assert.ok(
    Math.abs(s[0] - Math.sqrt(45)) < 1e-15 * 7 && Math.abs(s[1] - Math.sqrt(5)) < 1e-15 * 3,
  );
  const d = singularValues(new Float64Array([1e-10, 0, 0, 0, 7, 0, 0, 0, 2]), 3);
  assert.equal(Array.from(d), [7, 2, 1e-10]);
});

test("numericalRank names the columns that depend on earlier ones, whatever their units", () => {
  // column 2 = 3e200 × column 0; column 3 is zero (triangularFactor itself takes entries near 1 in
  // magnitude, whose squares cannot underflow: fitLinearRegression scales columns by powers of two first)
  const c0 = [1, 2, 3, 4, 5];
  const c1 = [2, -1, 0, 1, 3];
  const R = factor([c0.map((v) => v * 1e-100), c1, c0.map((v) => v * 3e100), [0, 0, 0, 0, 0]]);
  const r = numericalRank(R, 4, 4, 5);
  assert.is(r.rank, 2);
  assert.equal(r.dependent, [2, 3]);
  const full = numericalRank(
    factor([c0.map((v) => v * 1e-100), c1.map((v) => v * 1e100)]),
    2,
    2,
    5,
  );
  assert.is(full.rank, 2);
  assert.equal(full.dependent, []);
});

test("power-of-two scaling is exact at both ends of the double range", () => {
  for (const x of [5e-324, 2.2250738585072014e-308, 1, 3, 1.7976931348623157e308]) {
    const e = binaryScaleExponent(x);
    const scaled = timesPowerOfTwo(x, -e);
    assert.ok(scaled >= 2 ** -53 && scaled < 2, `${x}: ${scaled}`); // subnormals: at least 2^-53
    assert.is(timesPowerOfTwo(scaled, e), x);
  }
  assert.is(binaryScaleExponent(0), 0);
  assert.is(timesPowerOfTwo(1, 2000), Infinity);
  assert.is(timesPowerOfTwo(1, -1076), 0); // a quarter of the smallest subnormal rounds to 0
  assert.is(timesPowerOfTwo(3, -1075), 1e-323); // 1.5 × 2^-1074 rounds (to even) to 2 × 2^-1074
});

test.run();
