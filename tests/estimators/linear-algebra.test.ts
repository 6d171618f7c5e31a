import { test } from "uvu";
import * as assert from "uvu/assert";
import { choleskySolve, leastSquaresQR } from "../../lib/src/estimators/linear-algebra";

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

test("leastSquaresQR matches the normal-equation solution on a well-conditioned problem", () => {
  // columns [1,1,1,1] and [0,1,2,3]; y = [1,3,5,7.5] (numpy lstsq: [0.9, 2.15], rss 0.075)
  const a = new Float64Array([1, 1, 1, 1, 0, 1, 2, 3]);
  const r = leastSquaresQR(a, new Float64Array([1, 3, 5, 7.5]), 4, 2);
  assert.is(r.dependentColumn, -1);
  assert.ok(Math.abs(r.w[0] - 0.9) < 1e-14 && Math.abs(r.w[1] - 2.15) < 1e-14);
  assert.ok(Math.abs(r.rss - 0.075) < 1e-14);
});

test("leastSquaresQR stays accurate where AᵀA would square the condition number", () => {
  // Läuchli-style matrix: AᵀA is singular in floating point (1 + ε² rounds to 1), QR is not fooled
  const e = 1e-9;
  const a = new Float64Array([1, e, 0, 1, 0, e]); // columns [1, e, 0] and [1, 0, e]
  const w = [2, -1];
  const y = new Float64Array([w[0] + w[1], e * w[0], e * w[1]]);
  const r = leastSquaresQR(a, y, 3, 2);
  assert.ok(Math.abs(r.w[0] - 2) < 1e-6 && Math.abs(r.w[1] + 1) < 1e-6);
});

test("leastSquaresQR reports the first dependent column", () => {
  const a = new Float64Array([1, 2, 3, 2, 4, 6, 1, 0, 1]);
  assert.is(leastSquaresQR(a, new Float64Array(3), 3, 3).dependentColumn, 1);
  assert.is(leastSquaresQR(new Float64Array([0, 0]), new Float64Array(2), 2, 1).dependentColumn, 0);
});

test.run();
