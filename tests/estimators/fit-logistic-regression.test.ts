import { readFileSync } from "fs";
import { join } from "path";
import fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fitLogisticRegression } from "../../lib/src/estimators/fit-logistic-regression";
import { assertRelClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py:
// scipy optimize.minimize, trust-exact with exact gradient and Hessian, then exact Newton steps).
interface Fx {
  logisticRegression: {
    X: number[][];
    y: number[];
    intercept: boolean;
    l2?: number;
    weights: number[];
    loss: number;
  }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;

// Issue 10 cases: tests/fixtures/regression.json (tests/fixtures/generate_regression.py, seed in the file): scipy
// trust-exact on the standardised columns, 3 exact Newton steps, weights mapped back to the original units.
interface RegressionFx {
  logisticRegression: {
    name: string;
    X: number[][];
    y: number[];
    intercept: boolean;
    l2: number;
    weights: number[];
    loss: number;
  }[];
}
const rfx = JSON.parse(
  readFileSync(join(__dirname, "../fixtures/regression.json"), "utf8"),
) as RegressionFx;
const rcase = (name: string) => rfx.logisticRegression.find((c) => c.name === name)!;
const SEED = 20261124;

test("weights and loss match scipy on an unregularised fit", () => {
  const unpenalised = fx.logisticRegression.filter((c) => !c.l2);
  assert.is(unpenalised.length, 1);
  for (const c of unpenalised) {
    const fit = fitLogisticRegression(c.X, c.y, { intercept: c.intercept, l2: c.l2 ?? 0 });
    assert.ok(fit.converged);
    assert.is(fit.separable, false);
    c.weights.forEach((w, j) =>
      assert.ok(
        Math.abs(fit.weights[j] - w) < 1e-9 * Math.max(1, Math.abs(w)),
        `w${j}: ${fit.weights[j]} vs ${w}`,
      ),
    );
    assert.ok(Math.abs(fit.loss - c.loss) < 1e-12);
  }
});

test("the loss history starts at log 2 (w = 0), never increases by more than its rounding (4 ulps), and ends at loss", () => {
  const c = fx.logisticRegression[0];
  const fit = fitLogisticRegression(c.X, c.y, { intercept: true });
  assert.ok(Math.abs(fit.history[0] - Math.LN2) < 1e-14);
  // the last Newton steps are taken on the gradient's word once the decrease is below the loss's
  // own rounding, so the computed loss may move up by an ulp or two there
  for (let i = 1; i < fit.history.length; i++)
    assert.ok(
      fit.history[i] <= fit.history[i - 1] + 4 * Number.EPSILON * fit.history[i - 1],
      `step ${i}`,
    );
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

test("columns in the hundreds of thousands beside columns near 0.04 converge to scipy's fit, unpenalised and penalised", () => {
  for (const name of ["unscaled-l2-0", "unscaled-l2-0.05"]) {
    const c = rcase(name);
    const fit = fitLogisticRegression(c.X, c.y, { intercept: true, l2: c.l2 });
    assert.ok(
      fit.converged && fit.iterations < 15,
      `${name}: converged ${fit.converged} after ${fit.iterations}`,
    );
    // cond of the standardised design ≈ 1: agreement to 1e-12 relative per weight, the loss to 1e-14
    c.weights.forEach((w, j) =>
      assert.ok(
        Math.abs(fit.weights[j] - w) <= 1e-12 * Math.abs(w),
        `${name} w${j}: ${fit.weights[j]} vs ${w}`,
      ),
    );
    assert.ok(Math.abs(fit.loss - c.loss) <= 1e-14, `${name} loss ${fit.loss} vs ${c.loss}`);
  }
});

test("without a penalty, loss and logits equal those of a fit on columns standardised by hand; weights come back in the original units", () => {
  // (with l2 > 0 they differ on purpose: the penalty is on the weights in the units of X)
  const c = rcase("unscaled-l2-0");
  const m = c.X.length;
  const mean = [0, 1].map((j) => c.X.reduce((s, r) => s + r[j], 0) / m);
  const sd = [0, 1].map((j) => Math.sqrt(c.X.reduce((s, r) => s + (r[j] - mean[j]) ** 2, 0) / m));
  const Z = c.X.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
  const raw = fitLogisticRegression(c.X, c.y, { intercept: true, l2: c.l2 });
  const std = fitLogisticRegression(Z, c.y, { intercept: true, l2: c.l2 });
  // hand standardisation rounds differently from the library's (which works on x·2^-e): a few ulps of Z
  assert.ok(Math.abs(raw.loss - std.loss) <= 1e-14, `${raw.loss} vs ${std.loss}`);
  assert.ok(Math.abs(std.weights[1] / sd[0] - raw.weights[1]) <= 1e-12 * Math.abs(raw.weights[1]));
  assert.ok(Math.abs(std.weights[2] / sd[1] - raw.weights[2]) <= 1e-12 * Math.abs(raw.weights[2]));
  for (let i = 0; i < m; i++) {
    const zRaw = raw.weights[0] + raw.weights[1] * c.X[i][0] + raw.weights[2] * c.X[i][1];
    const zStd = std.weights[0] + std.weights[1] * Z[i][0] + std.weights[2] * Z[i][1];
    assert.ok(
      Math.abs(zRaw - zStd) <= 1e-10 * (1 + Math.abs(zStd)),
      `logit ${i}: ${zRaw} vs ${zStd}`,
    );
  }
});

test("with l2 > 0 the weights minimise Σ BCE + (λ/2)‖w‖² in the units of X (the gradient vanishes there): the meaning fitRidgeRegression gives l2", () => {
  const X = [
    [0, 10],
    [1, 30],
    [2, 20],
    [3, 50],
    [4, 40],
    [5, 60],
  ];
  const y = [0, 1, 0, 1, 1, 1];
  for (const [intercept, l2] of [
    [true, 0.5],
    [false, 2],
    [true, 30],
  ] as const) {
    const w = fitLogisticRegression(X, y, { intercept, l2 }).weights;
    const off = intercept ? 1 : 0;
    const grad = new Array<number>(w.length).fill(0);
    for (let i = 0; i < X.length; i++) {
      const row = intercept ? [1, ...X[i]] : X[i];
      const z = row.reduce((t, v, j) => t + v * w[j], 0);
      const r = 1 / (1 + Math.exp(-z)) - y[i];
      for (let j = 0; j < w.length; j++) grad[j] += r * row[j];
    }
    for (let j = off; j < w.length; j++) grad[j] += l2 * w[j];
    // a gradient of the summed objective below 1e-9 at weights of size ~1 (Newton stops far below)
    for (let j = 0; j < w.length; j++)
      assert.ok(
        Math.abs(grad[j]) < 1e-9,
        `intercept ${intercept}, l2 ${l2}: ∂/∂w${j} = ${grad[j]}`,
      );
  }
});

test("rescaling columns never changes the unpenalised logistic loss (property, with and without intercept)", () => {
  const c = rcase("unscaled-l2-0");
  const base = new Map<string, number>();
  const lossOf = (X: number[][], intercept: boolean, l2: number): number =>
    fitLogisticRegression(X, c.y, { intercept, l2 }).loss;
  // Tolerance 1e-12 relative: the standardised columns of X·diag(a) equal those of X up to a few ulps
  // (rounding of mean and sd), and the minimum loss moves by at most |∂L/∂Z|·δZ ≈ ‖w̃‖₁·max|Z|·4ε ≈ 1e-14;
  // Newton stops with the decrement below 1e-12, one full step later, far inside that.
  fc.assert(
    fc.property(
      fc.tuple(
        fc.double({ min: -12, max: 12, noNaN: true }),
        fc.double({ min: -12, max: 12, noNaN: true }),
      ),
      fc.tuple(fc.boolean(), fc.boolean()),
      fc.boolean(),
      fc.constant(0),
      ([e0, e1], [neg0, neg1], intercept, l2) => {
        const a = [(neg0 ? -1 : 1) * 10 ** e0, (neg1 ? -1 : 1) * 10 ** e1];
        const key = `${intercept} ${l2}`;
        if (!base.has(key)) base.set(key, lossOf(c.X, intercept, l2));
        const ref = base.get(key)!;
        const loss = lossOf(
          c.X.map((r) => [r[0] * a[0], r[1] * a[1]]),
          intercept,
          l2,
        );
        return Math.abs(loss - ref) <= 1e-12 * ref;
      },
    ),
    { seed: SEED, numRuns: 60 },
  );
});

test("with l2 > 0 collinear columns have one minimiser, which matches scipy's", () => {
  for (const intercept of [false, true]) {
    const c = rcase(`collinear-l2-intercept-${intercept}`);
    const fit = fitLogisticRegression(c.X, c.y, { intercept, l2: c.l2 });
    assert.ok(fit.converged);
    assert.is(fit.separation, "none");
    c.weights.forEach((w, j) =>
      assert.ok(
        Math.abs(fit.weights[j] - w) <= 1e-12 * Math.abs(w),
        `intercept ${intercept} w${j}: ${fit.weights[j]} vs ${w}`,
      ),
    );
    assert.ok(Math.abs(fit.loss - c.loss) <= 1e-14 * c.loss, `loss ${fit.loss} vs ${c.loss}`);
  }
  // the call, and fewer rows than columns
  assert.ok(
    fitLogisticRegression(
      [
        [1, 2],
        [2, 4],
        [3, 6],
        [4, 8],
      ],
      [0, 1, 0, 1],
      { l2: 0.1 },
    ).converged,
  );
  assert.ok(fitLogisticRegression([[1, 2, 3]], [1], { l2: 0.1 }).converged);
});

test("quasi-complete separation is reported: converged = false, separable = true, the boundary found", () => {
  const fit = fitLogisticRegression([[1], [2], [2], [3]], [0, 0, 1, 1], { intercept: true });
  assert.is(fit.converged, false);
  assert.is(fit.separable, true);
  assert.is(fit.separation, "quasi-complete");
  assert.ok(fit.weights[1] > 10, `the slope grows: ${fit.weights[1]}`);
  assert.ok(Math.abs(-fit.weights[0] / fit.weights[1] - 2) < 1e-6, "the boundary sits at x = 2");
  // the loss tends to 2·log 2 / 4 (the two points on the boundary keep probability 1/2)
  assert.ok(Math.abs(fit.loss - Math.LN2 / 2) < 1e-9);
  // two features: x0 < 0 all 0, x0 > 0 all 1; the same point (0, 0.5) appears with both labels, so it must sit on the boundary
  const two = fitLogisticRegression(
    [
      [-2, 0.3],
      [-1, -1],
      [0, 0.5],
      [0, 0.5],
      [0, 1],
      [1, 0.1],
      [3, -0.4],
    ],
    [0, 0, 1, 0, 1, 1, 1],
    { intercept: true },
  );
  assert.is(two.separation, "quasi-complete");
  assert.is(two.converged, false);
});

test("a finite MLE with a fitted probability numerically 1 is not mistaken for separation", () => {
  // x = 40 with y = 1 sits far out on the fitted curve (z ≈ 40, P = 1 − 1e-17), yet the overlap near 0 pins a finite MLE
  const X = [[-1], [-0.5], [0], [0.5], [1], [40]];
  const fit = fitLogisticRegression(X, [0, 1, 0, 1, 1, 1], { intercept: true });
  assert.is(fit.converged, true);
  assert.is(fit.separation, "none");
  assert.ok(
    fit.weights[0] + 40 * fit.weights[1] > 35,
    `z at x = 40: ${fit.weights[0] + 40 * fit.weights[1]}`,
  );
});

test("a constant column beside the intercept throws with l2 = 0 and gets weight 0 with l2 > 0", () => {
  const X = [
    [0, 7],
    [1, 7],
    [2, 7],
    [3, 7],
  ];
  assert.throws(
    () => fitLogisticRegression(X, [0, 1, 0, 1], { intercept: true }),
    /column 2 \(X column 1\) is a linear combination/,
  );
  const fit = fitLogisticRegression(X, [0, 1, 0, 1], { intercept: true, l2: 0.1 });
  assert.is(fit.weights[2], 0);
});

test("separable data are detected: separable = true, converged = false, the weights point the right way", () => {
  const fit = fitLogisticRegression([[-2], [-1], [1], [2]], [0, 0, 1, 1]);
  assert.is(fit.separable, true);
  assert.is(fit.separation, "complete");
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
  assert.throws(
    () => fitLogisticRegression([[1]], [2]),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitLogisticRegression: y[0] = 2 is not 0 or 1",
  );
  assert.throws(() => fitLogisticRegression([[1], [2]], [0, NaN]), /y\[1\] = NaN/);
});

test("singular designs, too few rows and malformed X throw RangeError", () => {
  assert.throws(
    () =>
      fitLogisticRegression(
        [
          [1, 2],
          [2, 4],
          [3, 6],
        ],
        [0, 1, 0],
      ),
    /design matrix is singular \(numerical rank 1 of 2 columns\): column 1 is/,
  );
  assert.throws(() => fitLogisticRegression([[1, 2]], [1]), /1 rows but 2 design columns/);
  assert.throws(() => fitLogisticRegression([[1], [NaN]], [0, 1]), /X\[1\]\[0\] = NaN/);
  assert.throws(() => fitLogisticRegression([[1]], [0, 1]), /X and y differ in length \(1 vs 2\)/);
});

test("labels and entries that are strings or null are TypeErrors, not coerced", () => {
  assert.throws(
    () => fitLogisticRegression([[1], [2]], [0, "1" as never]),
    (e: Error) =>
      e instanceof TypeError && e.message === 'fitLogisticRegression: y[1] = "1" is not a number',
  );
  assert.throws(
    () => fitLogisticRegression([[1], [2]], [null as never, 1]),
    (e: Error) =>
      e instanceof TypeError && e.message === "fitLogisticRegression: y[0] = null is not a number",
  );
  assert.throws(
    () => fitLogisticRegression([["1" as never], [2]], [0, 1]),
    (e: Error) => e instanceof TypeError && /X\[0\]\[0\] = "1" is not a number/.test(e.message),
  );
});

test("options: an unknown key (lambda for l2) and null are TypeErrors naming them", () => {
  const X = [[0], [1], [2], [3]];
  const y = [0, 1, 0, 1];
  assert.throws(
    () => fitLogisticRegression(X, y, { lambda: 5 } as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "fitLogisticRegression: options.lambda = 5 is not an option (known: intercept, l2, maxIterations, tolerance)",
  );
  assert.throws(
    () => fitLogisticRegression(X, y, null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "fitLogisticRegression: options = null is not an options object",
  );
  assert.throws(
    () => fitLogisticRegression(X, y, { l2: "0.1" } as never),
    (e: Error) =>
      e instanceof TypeError && e.message === 'fitLogisticRegression: l2 = "0.1" is not a number',
  );
});

test("out-of-range options throw RangeError", () => {
  const X = [[0], [1]];
  const y = [0, 1];
  assert.throws(() => fitLogisticRegression(X, y, { l2: -1 }), /l2 = -1/);
  assert.throws(() => fitLogisticRegression(X, y, { maxIterations: 0 }), /maxIterations = 0/);
  assert.throws(() => fitLogisticRegression(X, y, { tolerance: 0 }), /tolerance = 0/);
});

test("a fitted probability that merely rounds to 1 (a far, correctly classified point) is not called separation: the certificate decides", () => {
  // x = 1000 with label 1 sits at logit ≈ 900, where σ rounds to 1 and 1 − σ underflows to 0; the MLE
  // is finite (the other four points overlap) and equals the fit without that point
  const withFar = fitLogisticRegression([[0], [1], [2], [3], [1000]], [0, 1, 0, 1, 1], {
    intercept: true,
  });
  const without = fitLogisticRegression([[0], [1], [2], [3]], [0, 1, 0, 1], { intercept: true });
  assert.equal([withFar.converged, withFar.separable, withFar.separation], [true, false, "none"]);
  // the far point moves the standardisation, so the two Newton runs round differently: both stop
  // within their tolerance (1e-7 of the step, then one more Newton step)
  assertRelClose(withFar.weights[1], without.weights[1], 1e-10);
});

test("complete separation is certified on X with the returned weights: every row strictly on its side beyond rounding", () => {
  const X = [[-2], [-1], [1], [2]];
  const y = [0, 0, 1, 1];
  const fit = fitLogisticRegression(X, y);
  assert.is(fit.separation, "complete");
  for (let i = 0; i < X.length; i++)
    assert.ok((y[i] === 1 ? 1 : -1) * X[i][0] * fit.weights[0] > 0);
});

test.run();
