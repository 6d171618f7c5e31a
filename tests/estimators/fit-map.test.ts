import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bernoulli } from "../../lib/src/distributions/bernoulli";
import { beta } from "../../lib/src/distributions/beta";
import { fitBernoulli } from "../../lib/src/estimators/fit-bernoulli";
import { fitLinearRegression } from "../../lib/src/estimators/fit-linear-regression";
import { fitBernoulliMap, fitRidgeRegression } from "../../lib/src/estimators/fit-map";
import { logLikelihood } from "../../lib/src/estimators/log-likelihood";
import { gridMaximize, linspace } from "../../lib/src/optimization/grid-search";
import { relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/map.json, written by tests/fixtures/generate_map.py
// (seeded numpy + scipy; the MAP values are scipy's numeric optimum of the log posterior and
// numpy's solve of the penalised normal equations, each entry records its call).
interface Fx {
  bernoulliMap: {
    xs: number[];
    alpha: number;
    beta: number;
    h: number;
    value: number;
    posterior: { alpha: number; beta: number };
  }[];
  ridge: {
    X: number[][];
    y: number[];
    fits: { l2: number; intercept: boolean; weights: number[]; mse: number }[];
  };
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/map.json"), "utf8")) as Fx;
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, rel = 1e-12): boolean => relClose(a, b, rel);

test("fitBernoulliMap agrees with scipy's numeric argmax of log-likelihood + log prior, and the posterior is Beta(α + h, β + m − h)", () => {
  assert.ok(fx.bernoulliMap.length >= 5);
  for (const c of fx.bernoulliMap) {
    const fit = fitBernoulliMap(c.xs, { alpha: c.alpha, beta: c.beta });
    const m = c.xs.length;
    assert.ok(close(fit.p, (c.h + c.alpha - 1) / (m + c.alpha + c.beta - 2), 1e-15));
    assert.ok(Math.abs(fit.p - c.value) < 1e-8, `${fit.p} vs scipy ${c.value}`); // scipy bounded search, xatol 1e-12
    assert.equal(fit.posterior.params, c.posterior);
    assert.is(fit.model.params.p, fit.p);
  }
});

test("the MAP estimate is the maximum of log p(x | θ) + log p(θ) on a fine grid", () => {
  const xs = [1, 0, 1, 1, 0, 1, 1];
  const fit = fitBernoulliMap(xs, { alpha: 3, beta: 4 });
  const grid = linspace(0.0005, 0.9995, 1000);
  const best = gridMaximize((t) => logLikelihood(bernoulli(t), xs) + beta(3, 4).logProb(t), grid);
  assert.ok(Math.abs(best.x - fit.p) <= 0.001, `grid ${best.x} vs ${fit.p}`);
  assert.ok(best.value <= logLikelihood(bernoulli(fit.p), xs) + beta(3, 4).logProb(fit.p));
});

test("a flat Beta(1, 1) prior gives the MLE, and Beta(2, 2) gives add-one smoothing (h + 1)/(m + 2)", () => {
  const xs = [1, 1, 0, 1, 0, 0, 0, 1, 1];
  assert.is(fitBernoulliMap(xs).p, fitBernoulli(xs).params.p);
  assert.ok(close(fitBernoulliMap(xs, { alpha: 2, beta: 2 }).p, 6 / 11, 1e-15));
  assert.ok(close(fitBernoulliMap([1, 1, 1], { alpha: 2, beta: 2 }).p, 4 / 5, 1e-15));
  assert.is(fitBernoulli([1, 1, 1]).params.p, 1);
});

test("edge cases: θ_MAP is 0 when h + α < 1 and 1 when m − h + β < 1, where the closed form would leave [0, 1]", () => {
  assert.is(fitBernoulliMap([0, 0, 0], { alpha: 0.5, beta: 1 }).p, 0);
  assert.is(fitBernoulliMap([1, 1], { alpha: 2, beta: 0.5 }).p, 1);
  assert.is(fitBernoulliMap([1], { alpha: 1, beta: 1 }).p, 1);
});

test("fitBernoulliMap accepts a Float64Array", () => {
  assert.is(fitBernoulliMap(new Float64Array([1, 0, 1, 1]), { alpha: 2, beta: 2 }).p, 4 / 6);
});

test("fitBernoulliMap rejects empty data, non-binary entries and bad shapes through the shared validator (its messages and error types)", () => {
  assert.throws(
    () => fitBernoulliMap([]),
    (e: Error) => e instanceof RangeError && e.message === "fitBernoulliMap: xs is empty",
  );
  assert.throws(
    () => fitBernoulliMap([1, 2]),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitBernoulliMap: xs[1] = 2 is not 0 or 1",
  );
  assert.throws(
    () => fitBernoulliMap([1, "1" as never]),
    (e: Error) =>
      e instanceof TypeError && e.message === 'fitBernoulliMap: xs[1] = "1" is not a number',
  );
  assert.throws(
    () => fitBernoulliMap([1], { alpha: 0 }),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitBernoulliMap: alpha = 0 must be finite and > 0",
  );
  assert.throws(
    () => fitBernoulliMap([1], { beta: NaN }),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitBernoulliMap: beta = NaN is not a number",
  );
  assert.throws(
    () => fitBernoulliMap([1], { beta: Infinity }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitBernoulliMap: beta = Infinity must be finite and > 0",
  );
  assert.throws(
    () => fitBernoulliMap([1], { alpha: "2" as never }),
    (e: Error) =>
      e instanceof TypeError && e.message === 'fitBernoulliMap: alpha = "2" is not a number',
  );
});

const { X, y } = fx.ridge;

test("fitRidgeRegression matches numpy's solve of (XᵀX + λD) w = Xᵀy, intercept unpenalised", () => {
  assert.ok(fx.ridge.fits.length >= 6);
  for (const c of fx.ridge.fits) {
    const fit = fitRidgeRegression(X, y, { l2: c.l2, intercept: c.intercept });
    assert.is(fit.weights.length, c.weights.length);
    fit.weights.forEach((w, j) =>
      assert.ok(close(w, c.weights[j], 1e-11), `λ = ${c.l2}, w${j}: ${w} vs ${c.weights[j]}`),
    );
    assert.ok(close(fit.mse, c.mse, 1e-11), `mse at λ = ${c.l2}`);
    assert.ok(close(fit.sigma, Math.sqrt(c.mse), 1e-11));
    assert.is(fit.l2, c.l2);
  }
});

test("λ = 0 is ordinary least squares, and λ = 1e-8 moves no weight by more than 1e-9", () => {
  const ols = fitLinearRegression(X, y, { intercept: true });
  const zero = fitRidgeRegression(X, y, { intercept: true });
  zero.weights.forEach((w, j) => assert.ok(close(w, ols.weights[j], 1e-13)));
  const tiny = fitRidgeRegression(X, y, { l2: 1e-8, intercept: true });
  tiny.weights.forEach((w, j) => assert.ok(Math.abs(w - ols.weights[j]) < 1e-9, `w${j}`));
});

test("the penalised weights' norm falls monotonically as λ grows, and the weights go to 0 while the intercept stays", () => {
  const lambdas = Array.from({ length: 30 }, (_, k) => 10 ** (-2 + (8 * k) / 29));
  const norms = lambdas.map((l2) =>
    Math.hypot(...fitRidgeRegression(X, y, { l2, intercept: true }).weights.slice(1)),
  );
  norms.forEach((n, k) => k === 0 || assert.ok(n < norms[k - 1], `‖w‖ at λ = ${lambdas[k]}`));
  const huge = fitRidgeRegression(X, y, { l2: 1e12, intercept: true });
  assert.ok(huge.weights.slice(1).every((w) => Math.abs(w) < 1e-9));
  // with the slopes gone the intercept is the (unpenalised) mean of y
  assert.ok(close(huge.weights[0], y.reduce((s, v) => s + v, 0) / y.length, 1e-6));
});

test("the ridge weights are a minimum of RSS + λ‖w‖²: nudging any weight raises the objective", () => {
  const l2 = 3;
  const fit = fitRidgeRegression(X, y, { l2, intercept: true });
  const objective = (w: number[]) =>
    y.reduce(
      (s, yi, i) => s + (yi - w[0] - X[i].reduce((t, x, j) => t + x * w[j + 1], 0)) ** 2,
      0,
    ) +
    l2 * w.slice(1).reduce((s, v) => s + v * v, 0);
  const at = objective(fit.weights);
  for (let j = 0; j < fit.weights.length; j++) {
    for (const h of [-1e-4, 1e-4]) {
      const nudged = fit.weights.map((w, k) => (k === j ? w + h : w));
      assert.ok(objective(nudged) > at, `w${j} ${h}`);
    }
  }
});

test("with λ > 0 a collinear design has a unique answer; at λ = 0 it is rejected as singular", () => {
  const Xc = [
    [1, 2],
    [2, 4],
    [3, 6],
  ];
  const yc = [1, 2, 3.5];
  const fit = fitRidgeRegression(Xc, yc, { l2: 1 });
  // XᵀX + I = [[15, 28], [28, 57]], Xᵀy = [15.5, 31]: w = (1/71)·[57·15.5 − 28·31, 15·31 − 28·15.5]
  assert.ok(close(fit.weights[0], (57 * 15.5 - 28 * 31) / 71, 1e-13));
  assert.ok(close(fit.weights[1], (15 * 31 - 28 * 15.5) / 71, 1e-13));
  assert.throws(
    () => fitRidgeRegression(Xc, yc),
    /fitRidgeRegression: the design matrix is singular/,
  );
});

test("fitRidgeRegression rejects a bad λ, mismatched lengths and non-finite entries through the shared validator", () => {
  assert.throws(
    () => fitRidgeRegression([[1]], [1], { l2: -1 }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitRidgeRegression: l2 = -1 must be finite and >= 0",
  );
  assert.throws(
    () => fitRidgeRegression([[1]], [1], { l2: NaN }),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitRidgeRegression: l2 = NaN is not a number",
  );
  assert.throws(
    () => fitRidgeRegression([[1]], [1], { l2: Infinity }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitRidgeRegression: l2 = Infinity must be finite and >= 0",
  );
  assert.throws(
    () => fitRidgeRegression([[1]], [1], { l2: "1" as never }),
    (e: Error) =>
      e instanceof TypeError && e.message === 'fitRidgeRegression: l2 = "1" is not a number',
  );
  assert.throws(
    () => fitRidgeRegression([[1], [2]], [1]),
    /fitRidgeRegression: X and y differ in length \(2 vs 1\)/,
  );
  assert.throws(
    () => fitRidgeRegression([[1], [2]], [1, NaN], { l2: 1 }),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitRidgeRegression: y[1] = NaN is not a number",
  );
  assert.throws(
    () => fitRidgeRegression([[1], [2]], [1, null as never], { l2: 1 }),
    (e: Error) =>
      e instanceof TypeError && e.message === "fitRidgeRegression: y[1] = null is not a number",
  );
  assert.throws(
    () => fitRidgeRegression([[1], [Infinity]], [1, 2], { l2: 1 }),
    /fitRidgeRegression: X\[1\]\[0\] = Infinity/,
  );
});

test("fitBernoulliMap and fitRidgeRegression reject unknown option keys and a null options object, like every mlekit function", () => {
  assert.throws(
    () => fitBernoulliMap([1, 0], { a: 2 } as unknown as { alpha: number }),
    (e: Error) =>
      e instanceof TypeError && /fitBernoulliMap: options\.a = 2 is not an option/.test(e.message),
  );
  assert.throws(
    () => fitRidgeRegression([[1], [2]], [1, 2], { lambda: 5 } as unknown as { l2: number }),
    (e: Error) =>
      e instanceof TypeError &&
      /fitRidgeRegression: options\.lambda = 5 is not an option/.test(e.message),
  );
  assert.throws(
    () => fitRidgeRegression([[1], [2]], [1, 2], null as unknown as { l2: number }),
    TypeError,
  );
  assert.throws(
    () => fitRidgeRegression([[1], [2]], [1, 2], { intercept: "yes" as unknown as boolean }),
    TypeError,
  );
});

test.run();
