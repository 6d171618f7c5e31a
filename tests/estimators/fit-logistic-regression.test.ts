import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fitLogisticRegression } from "../../lib/src/estimators/fit-logistic-regression";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py:
// scipy optimize.minimize, trust-exact with exact gradient and Hessian, then exact Newton steps).
interface Fx {
  logisticRegression: { X: number[][]; y: number[]; intercept: boolean; l2?: number; weights: number[]; loss: number }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;

test("weights and loss match scipy, unregularised and with an L2 penalty", () => {
  assert.is(fx.logisticRegression.length, 2);
  for (const c of fx.logisticRegression) {
    const fit = fitLogisticRegression(c.X, c.y, { intercept: c.intercept, l2: c.l2 ?? 0 });
    assert.ok(fit.converged);
    assert.is(fit.separable, false);
    c.weights.forEach((w, j) => assert.ok(Math.abs(fit.weights[j] - w) < 1e-9 * Math.max(1, Math.abs(w)), `w${j}: ${fit.weights[j]} vs ${w}`));
    assert.ok(Math.abs(fit.loss - c.loss) < 1e-12);
  }
});

test("the loss history starts at log 2 (w = 0), never increases, and ends at loss", () => {
  const c = fx.logisticRegression[0];
  const fit = fitLogisticRegression(c.X, c.y, { intercept: true });
  assert.ok(Math.abs(fit.history[0] - Math.LN2) < 1e-14);
  for (let i = 1; i < fit.history.length; i++) assert.ok(fit.history[i] <= fit.history[i - 1]);
  assert.is(fit.history[fit.history.length - 1], fit.loss);
  assert.ok(fit.iterations < 15); // Newton converges quadratically
});

test("at the optimum the gradient Xᵀ(σ(Xw) − y) / m vanishes", () => {
  const X = [[0], [1], [2], [3], [4]];
  const y = [0, 1, 0, 1, 1];
  const fit = fitLogisticRegression(X, y, { intercept: true });
  const g = [0, 0];
  X.forEach((row, i) => {
    const z = fit.weights[0] + fit.weights[1] * row[0];
    const r = 1 / (1 + Math.exp(-z)) - y[i];
    g[0] += r / X.length;
    g[1] += (r * row[0]) / X.length;
  });
  assert.ok(Math.abs(g[0]) < 1e-10 && Math.abs(g[1]) < 1e-10);
});

test("separable data are detected: separable = true, converged = false, the weights point the right way", () => {
  const fit = fitLogisticRegression([[-2], [-1], [1], [2]], [0, 0, 1, 1]);
  assert.is(fit.separable, true);
  assert.is(fit.converged, false);
  assert.ok(fit.weights[0] > 0);
  assert.is(fitLogisticRegression([[-1], [1]], [0, 1]).separable, true);
});

test("with l2 > 0 separable data get a finite, converged answer", () => {
  const fit = fitLogisticRegression([[-2], [-1], [1], [2]], [0, 0, 1, 1], { l2: 0.1 });
  assert.is(fit.converged, true);
  assert.is(fit.separable, false);
  assert.ok(Number.isFinite(fit.weights[0]) && fit.weights[0] > 0);
});

test("an iteration cap below what Newton needs reports converged = false", () => {
  const c = fx.logisticRegression[0];
  const fit = fitLogisticRegression(c.X, c.y, { intercept: true, maxIterations: 1 });
  assert.is(fit.converged, false);
  assert.is(fit.iterations, 1);
});

test("labels that are not 0 or 1 throw RangeError naming the index", () => {
  assert.throws(() => fitLogisticRegression([[1]], [2]), (e: Error) => e instanceof RangeError && e.message === "fitLogisticRegression: y[0] = 2 is not 0 or 1");
  assert.throws(() => fitLogisticRegression([[1], [2]], [0, NaN]), /y\[1\] = NaN/);
});

test("singular designs, too few rows and malformed X throw RangeError", () => {
  assert.throws(() => fitLogisticRegression([[1, 2], [2, 4], [3, 6]], [0, 1, 0]), /design matrix is singular: column 1/);
  assert.throws(() => fitLogisticRegression([[1, 2]], [1]), /1 rows but 2 design columns/);
  assert.throws(() => fitLogisticRegression([[1], [NaN]], [0, 1]), /X\[1\]\[0\] = NaN/);
  assert.throws(() => fitLogisticRegression([[1]], [0, 1]), /X has 1 rows but y has 2 entries/);
});

test("out-of-range options throw RangeError", () => {
  const X = [[0], [1]];
  const y = [0, 1];
  assert.throws(() => fitLogisticRegression(X, y, { l2: -1 }), /l2 = -1/);
  assert.throws(() => fitLogisticRegression(X, y, { maxIterations: 0 }), /maxIterations = 0/);
  assert.throws(() => fitLogisticRegression(X, y, { tolerance: 0 }), /tolerance = 0/);
});

test.run();
