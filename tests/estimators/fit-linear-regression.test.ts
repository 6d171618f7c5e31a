import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng, gaussian } from "../../lib/src/distributions";
import { logLikelihood, maximizeLikelihood } from "../../lib/src/estimators";
import { fitLinearRegression } from "../../lib/src/estimators/fit-linear-regression";
import { relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, np.linalg.lstsq).
interface Fx {
  linearRegression: {
    X: number[][];
    y: number[];
    intercept: boolean;
    weights: number[];
    mse: number;
    sigma: number;
  }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;

// Issue 10 cases: tests/fixtures/regression.json (tests/fixtures/generate_regression.py, seed in the file;
// each case's "call" field gives the numpy expression).
interface RegressionFx {
  linearRegression: {
    name: string;
    X?: number[][];
    y?: number[];
    m?: number;
    intercept: boolean;
    weights: number[] | null;
    mse?: number;
    sigma?: number;
    cond?: number;
    relErrorBound?: number;
    rank?: number;
  }[];
}
const rfx = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/regression.json"), "utf8"),
) as RegressionFx;
const rcase = (name: string) => rfx.linearRegression.find((c) => c.name === name)!;
const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, tol = 1e-10): boolean => relClose(a, b, tol);

test("weights, mse and sigma match numpy lstsq, with and without an intercept", () => {
  assert.is(fx.linearRegression.length, 2);
  for (const c of fx.linearRegression) {
    const fit = fitLinearRegression(c.X, c.y, { intercept: c.intercept });
    assert.is(fit.weights.length, c.weights.length);
    c.weights.forEach((w, j) =>
      assert.ok(close(fit.weights[j], w), `w${j}: ${fit.weights[j]} vs ${w}`),
    );
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
    fit.weights.forEach((w, j) =>
      assert.ok(
        Math.abs(r.theta[j] - w) < 1e-6 * Math.max(1, Math.abs(w)),
        `sigma ${sigma}, w${j}`,
      ),
    );
  }
});

test("sigma is the MLE noise level: it maximises the likelihood over sigma at the fitted weights", () => {
  const c = fx.linearRegression[0];
  const fit = fitLinearRegression(c.X, c.y, { intercept: true });
  const ll = (sigma: number): number =>
    c.y.reduce(
      (s, y, i) =>
        s +
        gaussian(
          fit.weights[0] + c.X[i].reduce((t, x, j) => t + x * fit.weights[j + 1], 0),
          sigma,
        ).logProb(y),
      0,
    );
  assert.ok(ll(fit.sigma) > ll(fit.sigma * 1.01) && ll(fit.sigma) > ll(fit.sigma * 0.99));
});

test("an exact fit (m = number of columns) gives sigma = 0", () => {
  const fit = fitLinearRegression(
    [
      [1, 0],
      [0, 1],
    ],
    [3, 4],
  );
  assert.ok(close(fit.weights[0], 3, 1e-15) && close(fit.weights[1], 4, 1e-15));
  assert.is(fit.sigma, 0);
});

test("a design with cond(X) ≈ 2e7 at m = 1e5 is solved as numpy lstsq solves it", () => {
  const c = rcase("monomials-1e5");
  const m = c.m!;
  const X: number[][] = new Array(m);
  const y: number[] = new Array(m);
  for (let i = 0; i < m; i++) {
    const t = (i + 0.5) / m;
    const row: number[] = [];
    let v = 1;
    for (let k = 1; k <= 10; k++) row.push((v *= t));
    X[i] = row;
    y[i] = 1 / (1 + t * t);
  }
  assert.ok(c.cond! > 1e7 && c.cond! < 1e8);
  const fit = fitLinearRegression(X, y, { intercept: true });
  const diff = norm(fit.weights.map((w, j) => w - c.weights![j])) / norm(c.weights!);
  // Both solvers are backward stable, so each is within relErrorBound (≈ 1.1e-8, first-order
  // perturbation bound computed by the generator) of the exact solution, hence within twice it of each other.
  assert.ok(
    diff <= 2 * c.relErrorBound!,
    `relative difference ${diff} vs bound ${c.relErrorBound}`,
  );
  // The residual norm ‖r‖ ≈ 1.6e-5 is known to about ε‖y‖ ≈ 6e-14 (backward error), i.e. 4e-9 relative;
  // mse = ‖r‖²/m to twice that, on either side: 1e-7 leaves a margin of about 6.
  assert.ok(Math.abs(fit.mse - c.mse!) <= 1e-7 * c.mse!, `mse ${fit.mse} vs ${c.mse}`);
});

test("the fit does not depend on column units: columns in 1e200, 1e-200 and 1e150 give the unscaled fit, rescaled", () => {
  const c = rcase("units-1e200");
  const fit = fitLinearRegression(c.X!, c.y!, { intercept: true });
  // well conditioned once the units are removed (cond ≈ 2): agreement to a few ulps times m
  c.weights!.forEach((w, j) =>
    assert.ok(
      Math.abs(fit.weights[j] - w) <= 1e-13 * Math.abs(w),
      `w${j}: ${fit.weights[j]} vs ${w}`,
    ),
  );
  assert.ok(Math.abs(fit.sigma - c.sigma!) <= 1e-13 * c.sigma!);
});

test("units at the ends of the double range: denormal-sized and 1e300-sized columns still fit the same line", () => {
  const xs = [0, 1, 2, 3];
  const ys = [1, 3, 5, 7.5];
  const base = fitLinearRegression(
    xs.map((x) => [x]),
    ys,
    { intercept: true },
  );
  for (const [sx, sy] of [
    [1e-300, 1],
    [1e300, 1e-300],
    [1, 1e-300],
    [1, 1e300],
    [2 ** -1060, 2 ** -1000],
  ]) {
    const fit = fitLinearRegression(
      xs.map((x) => [x * sx]),
      ys.map((v) => v * sy),
      { intercept: true },
    );
    assert.ok(
      Math.abs(fit.weights[0] - base.weights[0] * sy) <= 1e-13 * Math.abs(base.weights[0] * sy),
      `intercept at ${sx}, ${sy}`,
    );
    const slope = (base.weights[1] * sy) / sx;
    assert.ok(
      Math.abs(fit.weights[1] - slope) <= 1e-13 * Math.abs(slope),
      `slope at ${sx}, ${sy}: ${fit.weights[1]} vs ${slope}`,
    );
  }
});

test("weights beyond the double range overflow to Infinity (IEEE), as documented", () => {
  const fit = fitLinearRegression(
    [[0], [1e-200], [2e-200], [3e-200]],
    [1e200, 3e200, 5e200, 7.5e200],
    { intercept: true },
  );
  assert.ok(Math.abs(fit.weights[0] - 9e199) <= 1e-13 * 9e199);
  assert.is(fit.weights[1], Infinity);
  assert.is(fit.mse, Infinity);
  assert.ok(Number.isFinite(fit.sigma));
});

test("the rank decision is numpy's (ε·max(m, n)·σ_max on unit-norm columns): 1e-6 collinearity is solved, 1e-16 is singular", () => {
  const solvable = rcase("near-collinear-1e-06");
  assert.is(solvable.rank, 5);
  const fit = fitLinearRegression(solvable.X!, solvable.y!, { intercept: true });
  // cond ≈ 1e7 here: agreement to ε·cond relative, normwise
  const diff = norm(fit.weights.map((w, j) => w - solvable.weights![j])) / norm(solvable.weights!);
  assert.ok(diff < 1e-8, `relative difference ${diff}`);
  const singular = rcase("near-collinear-1e-16");
  assert.is(singular.rank, 4);
  assert.throws(
    () => fitLinearRegression(singular.X!, singular.y!, { intercept: true }),
    (e: Error) =>
      e instanceof RangeError &&
      /numerical rank 4 of 5 columns\): column 4 \(X column 3\) is a linear combination/.test(
        e.message,
      ),
  );
});

test("a rank-deficient design throws RangeError naming every dependent column (no minimum-norm solution)", () => {
  assert.throws(
    () =>
      fitLinearRegression(
        [
          [1, 2],
          [2, 4],
          [3, 6],
        ],
        [1, 2, 3],
      ),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "fitLinearRegression: the design matrix is singular (numerical rank 1 of 2 columns): column 1 is a linear combination of the columns before it; drop or merge that feature",
  );
  assert.throws(
    () => fitLinearRegression([[1], [1], [1]], [1, 2, 3], { intercept: true }),
    /column 1 \(X column 0\) is a linear combination/,
  );
  assert.throws(
    () =>
      fitLinearRegression(
        [
          [1, 0, 2, 5],
          [2, 0, 4, 1],
          [3, 0, 6, 2],
          [4, 0, 8, 0],
          [5, 0, 10, 1],
        ],
        [1, 2, 3, 4, 5],
        { intercept: true },
      ),
    (e: Error) =>
      e instanceof RangeError &&
      /rank 3 of 5 columns\): column 2 \(X column 1\) and column 3 \(X column 2\) are linear combinations/.test(
        e.message,
      ),
  );
  // scale does not hide a dependency: column 1 = 1e300 × column 0
  assert.throws(
    () =>
      fitLinearRegression(
        [
          [1e-150, 1e150],
          [2e-150, 2e150],
          [3e-150, 3e150],
        ],
        [1, 2, 3],
      ),
    /column 1 is a linear combination/,
  );
  assert.throws(
    () =>
      fitLinearRegression(
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [1, 2],
      ),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "fitLinearRegression: 2 rows but 3 design columns; the weights are not identifiable",
  );
});

test("malformed input throws, naming the function and the value: lengths, non-finite entries, ragged rows", () => {
  assert.throws(
    () => fitLinearRegression([[1], [2]], [1]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitLinearRegression: X and y differ in length (2 vs 1)",
  );
  assert.throws(
    () => fitLinearRegression([[1], [2]], [1, NaN]),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitLinearRegression: y[1] = NaN is not a number",
  );
  assert.throws(
    () => fitLinearRegression([[1], [2]], [1, Infinity]),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitLinearRegression: y[1] = Infinity is not finite",
  );
  assert.throws(
    () => fitLinearRegression([[1], [Infinity]], [1, 2]),
    /X\[1\]\[0\] = Infinity is not finite/,
  );
  assert.throws(() => fitLinearRegression([[1, 2], [3]], [1, 2]), /X\[1\] has length 1/);
  assert.throws(() => fitLinearRegression([], []), /fitLinearRegression: X is empty/);
});

test("strings and null are rejected, never coerced to numbers", () => {
  assert.throws(
    () => fitLinearRegression([[1], [2], [3]], [1, "2" as never, 3]),
    (e: Error) =>
      e instanceof TypeError && e.message === 'fitLinearRegression: y[1] = "2" is not a number',
  );
  assert.throws(
    () => fitLinearRegression([[1], [null as never], [3]], [1, 2, 3]),
    (e: Error) =>
      e instanceof TypeError && e.message === "fitLinearRegression: X[1][0] = null is not a number",
  );
});

test("options: unknown keys and null are TypeErrors naming them; intercept must be a boolean", () => {
  assert.throws(
    () => fitLinearRegression([[1], [2]], [1, 2], { intercpt: true } as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "fitLinearRegression: options.intercpt = true is not an option (known: intercept)",
  );
  assert.throws(
    () => fitLinearRegression([[1], [2]], [1, 2], null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "fitLinearRegression: options = null is not an options object",
  );
  assert.throws(
    () => fitLinearRegression([[1], [2]], [1, 2], { intercept: 1 } as never),
    (e: Error) =>
      e instanceof TypeError && e.message === "fitLinearRegression: intercept = 1 is not a boolean",
  );
});

test("an exact fit of a square system gives sigma = 0 exactly, also where the QR's residual entry is rounding noise (seeded)", () => {
  // the doc comment: when m equals the number of columns the fit is exact and σ̂ = 0
  const rng = createRng(5);
  for (let t = 0; t < 40; t++) {
    const p = 2 + (t % 3);
    const X = Array.from({ length: p }, () => Array.from({ length: p }, () => rng.next() - 0.5));
    const y = Array.from({ length: p }, () => rng.next() * 10 - 5);
    const fit = fitLinearRegression(X, y);
    assert.is(fit.sigma, 0, `trial ${t}`);
    assert.is(fit.mse, 0, `trial ${t}`);
  }
});

test("a column or y whose largest entry is beyond 2^250 is rescaled wherever that entry sits (here not the last row)", () => {
  // y = w·x exactly, so ŵ is w to the last bit (one power-of-two scaling each way) and σ̂ = 0;
  // without the rescaling the squares (2^1200) overflow
  const a = fitLinearRegression([[2 ** 600], [2 ** 601], [0]], [3, 6, 0]);
  assert.equal(a.weights, [3 * 2 ** -600]);
  assert.is(a.sigma, 0);
  const b = fitLinearRegression([[1], [2], [0]], [2 ** 600, 2 ** 601, 0]);
  assert.equal(b.weights, [2 ** 600]);
  assert.is(b.sigma, 0);
  // every column and y beyond 2^250: ŵ = 3 from data in 2^600
  const d = fitLinearRegression([[2 ** 600], [2 ** 601], [0]], [3 * 2 ** 600, 3 * 2 ** 601, 0]);
  assert.equal(d.weights, [3]);
  // a residual in 2^600 units: the fit of y·2^-600 scaled back by 2^600 (powers of two are exact)
  const X = [[1], [2], [1], [0]];
  const unit = fitLinearRegression(X, [1, 2, 0.5, 0]);
  const huge = fitLinearRegression(X, [2 ** 600, 2 ** 601, 2 ** 599, 0]);
  assert.equal(huge.weights, [unit.weights[0] * 2 ** 600]);
  assert.is(huge.sigma, unit.sigma * 2 ** 600);
  assert.ok(unit.sigma > 0);
  // with an intercept: y = 5 + 2^-700·x
  const c = fitLinearRegression([[2 ** 700], [0], [2 ** 701], [0]], [6, 5, 7, 5], {
    intercept: true,
  });
  assert.ok(Math.abs(c.weights[0] - 5) <= 4 * Number.EPSILON * 5, `intercept ${c.weights[0]}`);
  assert.ok(
    Math.abs(c.weights[1] - 2 ** -700) <= 8 * Number.EPSILON * 2 ** -700,
    `slope ${c.weights[1]}`,
  );
});

test("with rows of length 0 and an intercept, a later row of another length is a RangeError", () => {
  assert.throws(
    () => fitLinearRegression([[], [1], []], [1, 2, 3], { intercept: true }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitLinearRegression: X[1] has length 1, expected 0 like X[0]",
  );
});

test.run();
