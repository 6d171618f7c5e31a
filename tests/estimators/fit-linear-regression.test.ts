import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { gaussian } from "../../lib/src/distributions";
import { logLikelihood, maximizeLikelihood } from "../../lib/src/estimators";
import { fitLinearRegression } from "../../lib/src/estimators/fit-linear-regression";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, np.linalg.lstsq).
interface Fx {
  linearRegression: { X: number[][]; y: number[]; intercept: boolean; weights: number[]; mse: number; sigma: number }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
const close = (a: number, b: number, tol = 1e-10): boolean => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

test("weights, mse and sigma match numpy lstsq, with and without an intercept", () => {
  assert.is(fx.linearRegression.length, 2);
  for (const c of fx.linearRegression) {
    const fit = fitLinearRegression(c.X, c.y, { intercept: c.intercept });
    assert.is(fit.weights.length, c.weights.length);
    c.weights.forEach((w, j) => assert.ok(close(fit.weights[j], w), `w${j}: ${fit.weights[j]} vs ${w}`));
    assert.ok(close(fit.mse, c.mse) && close(fit.sigma, c.sigma));
  }
});

test("the small worked example: a line through four points", () => {
  const fit = fitLinearRegression([[0], [1], [2], [3]], [1, 3, 5, 7.5], { intercept: true });
  assert.ok(close(fit.weights[0], 0.9, 1e-14) && close(fit.weights[1], 2.15, 1e-14));
  assert.ok(close(fit.mse, 0.01875, 1e-12));
  assert.is(fit.sigma, Math.sqrt(fit.mse));
});

test("X is taken as given: without intercept no column is added", () => {
  const fit = fitLinearRegression([[1], [2], [3]], [2, 4, 6]);
  assert.equal(fit.weights.length, 1);
  assert.ok(close(fit.weights[0], 2, 1e-15));
  assert.ok(fit.mse < 1e-28);
});

test("the argmin over w does not depend on sigma: the numeric MLE at any fixed sigma gives the same weights", () => {
  const c = fx.linearRegression[0];
  const fit = fitLinearRegression(c.X, c.y, { intercept: true });
  for (const sigma of [0.05, 1, 20]) {
    const nll = (w: Float64Array): number => {
      let s = 0;
      for (let i = 0; i < c.y.length; i++) {
        let mean = w[0];
        for (let j = 0; j < c.X[i].length; j++) mean += w[j + 1] * c.X[i][j];
        s += logLikelihood(gaussian(mean, sigma), [c.y[i]]);
      }
      return s;
    };
    const r = maximizeLikelihood(nll, [0, 0, 0, 0]);
    fit.weights.forEach((w, j) => assert.ok(Math.abs(r.theta[j] - w) < 1e-6 * Math.max(1, Math.abs(w)), `sigma ${sigma}, w${j}`));
  }
});

test("sigma is the MLE noise level: it maximises the likelihood over sigma at the fitted weights", () => {
  const c = fx.linearRegression[0];
  const fit = fitLinearRegression(c.X, c.y, { intercept: true });
  const ll = (sigma: number): number =>
    c.y.reduce((s, y, i) => s + gaussian(fit.weights[0] + c.X[i].reduce((t, x, j) => t + x * fit.weights[j + 1], 0), sigma).logProb(y), 0);
  assert.ok(ll(fit.sigma) > ll(fit.sigma * 1.01) && ll(fit.sigma) > ll(fit.sigma * 0.99));
});

test("an exact fit (m = number of columns) gives sigma = 0", () => {
  const fit = fitLinearRegression([[1, 0], [0, 1]], [3, 4]);
  assert.ok(close(fit.weights[0], 3, 1e-15) && close(fit.weights[1], 4, 1e-15));
  assert.is(fit.sigma, 0);
});

test("a singular design throws RangeError naming the dependent column", () => {
  assert.throws(
    () => fitLinearRegression([[1, 2], [2, 4], [3, 6]], [1, 2, 3]),
    (e: Error) => e instanceof RangeError && e.message === "fitLinearRegression: the design matrix is singular: column 1 is a linear combination of the columns before it; drop or merge that feature",
  );
  assert.throws(() => fitLinearRegression([[1], [1], [1]], [1, 2, 3], { intercept: true }), /column 1 \(X column 0\)/);
  assert.throws(() => fitLinearRegression([[1, 2, 3], [4, 5, 6]], [1, 2]), (e: Error) => e instanceof RangeError && e.message === "fitLinearRegression: 2 rows but 3 design columns; the weights are not identifiable");
});

test("malformed input throws: lengths, non-finite entries, ragged rows", () => {
  assert.throws(() => fitLinearRegression([[1], [2]], [1]), /X has 2 rows but y has 1 entries/);
  assert.throws(() => fitLinearRegression([[1], [2]], [1, NaN]), (e: Error) => e instanceof RangeError && e.message === "fitLinearRegression: y[1] = NaN is not a finite number");
  assert.throws(() => fitLinearRegression([[1], [Infinity]], [1, 2]), /X\[1\]\[0\] = Infinity/);
  assert.throws(() => fitLinearRegression([[1, 2], [3]], [1, 2]), /X\[1\] has length 1/);
  assert.throws(() => fitLinearRegression([], []), /X has no rows/);
});

test.run();
