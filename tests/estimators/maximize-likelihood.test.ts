import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  categorical,
  createRng,
  exponential,
  gaussian,
  poisson,
} from "../../lib/src/distributions";
import {
  fitBernoulli,
  fitCategorical,
  fitExponential,
  fitGaussian,
  fitPoisson,
  logLikelihood,
} from "../../lib/src/estimators";
import { maximizeLikelihood } from "../../lib/src/estimators/maximize-likelihood";
import { softmax } from "../../lib/src/information";
import { assertRelClose } from "../helpers/numeric";

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

test("it agrees with every closed-form MLE to 1e-6 relative (unconstrained parametrisations)", () => {
  const rng = createRng(51);
  const g = gaussian(-4, 0.3).sample(200, rng);
  const rg = maximizeLikelihood((t) => logLikelihood(gaussian(t[0], Math.exp(t[1])), g), [0, 0]);
  assert.ok(rel(rg.theta[0], fitGaussian(g).params.mu) < 1e-6);
  assert.ok(rel(Math.exp(rg.theta[1]), fitGaussian(g).params.sigma) < 1e-6);

  const b = bernoulli(0.8).sample(200, rng);
  const rb = maximizeLikelihood((t) => logLikelihood(bernoulli(sigmoid(t[0])), b), [0]);
  assert.ok(rel(sigmoid(rb.theta[0]), fitBernoulli(b).params.p) < 1e-6);

  const p = poisson(12).sample(200, rng);
  const rp = maximizeLikelihood((t) => logLikelihood(poisson(Math.exp(t[0])), p), [0]);
  assert.ok(rel(Math.exp(rp.theta[0]), fitPoisson(p).params.lambda) < 1e-6);

  const e = exponential(25).sample(200, rng);
  const re = maximizeLikelihood((t) => logLikelihood(exponential(Math.exp(t[0])), e), [0]);
  assert.ok(rel(Math.exp(re.theta[0]), fitExponential(e).params.rate) < 1e-6);

  const c = categorical([0.05, 0.15, 0.5, 0.3]).sample(400, rng);
  const rc = maximizeLikelihood(
    (t) => logLikelihood(categorical(softmax([t[0], t[1], t[2], 0])), c),
    [0, 0, 0],
  );
  const probs = softmax([rc.theta[0], rc.theta[1], rc.theta[2], 0]);
  fitCategorical(c, 4).params.probs.forEach((q, j) =>
    assert.ok(rel(probs[j], q) < 1e-6, `category ${j}`),
  );

  for (const r of [rg, rb, rp, re, rc]) assert.ok(r.converged);
});

test("the Gaussian fit is reached from poor starting points too", () => {
  const xs = gaussian(100, 5).sample(100, createRng(52));
  const closed = fitGaussian(xs).params;
  for (const start of [
    [0, 0],
    [500, 5],
    [-300, -3],
  ]) {
    const r = maximizeLikelihood((t) => logLikelihood(gaussian(t[0], Math.exp(t[1])), xs), start);
    assert.ok(
      rel(r.theta[0], closed.mu) < 1e-6 && rel(Math.exp(r.theta[1]), closed.sigma) < 1e-6,
      `start ${start}`,
    );
  }
});

test("it solves the Rosenbrock valley and an ill-conditioned quadratic to 1e-6", () => {
  const rosen = maximizeLikelihood(
    (t) => -(100 * (t[1] - t[0] ** 2) ** 2 + (1 - t[0]) ** 2),
    [-1.2, 1],
  );
  assert.ok(Math.abs(rosen.theta[0] - 1) < 1e-6 && Math.abs(rosen.theta[1] - 1) < 1e-6);
  const quad = maximizeLikelihood(
    (t) => -(1e4 * (t[0] - 3) ** 2 + (t[1] + 2) ** 2 + 0.5 * (t[2] - 1) ** 2),
    [0, 0, 0],
  );
  assert.ok(
    Math.abs(quad.theta[0] - 3) < 1e-6 &&
      Math.abs(quad.theta[1] + 2) < 1e-6 &&
      Math.abs(quad.theta[2] - 1) < 1e-6,
  );
  assert.ok(quad.converged);
});

test("value is the log-likelihood at theta, and the counters are reported", () => {
  const f = (t: Float64Array): number => -((t[0] - 2) ** 2);
  const r = maximizeLikelihood(f, [0]);
  assert.is(r.value, f(Float64Array.from(r.theta)));
  assert.ok(r.iterations > 0 && r.evaluations > r.iterations);
  assert.ok(Array.isArray(r.theta));
});

test("-Infinity and NaN are treated as infinitely bad, so constraints can be written inline", () => {
  const xs = [0.5, 1.5, 2.5];
  const r = maximizeLikelihood(
    (t) => (t[0] <= 0 ? NaN : logLikelihood(exponential(t[0]), xs)),
    [3],
  );
  assert.ok(rel(r.theta[0], fitExponential(xs).params.rate) < 1e-6);
});

test("a tiny iteration budget reports converged = false", () => {
  const r = maximizeLikelihood(
    (t) => -(100 * (t[1] - t[0] ** 2) ** 2 + (1 - t[0]) ** 2),
    [-1.2, 1],
    { maxIterations: 3, restarts: 0 },
  );
  assert.is(r.converged, false);
});

test("with restarts: 0 a run that meets the tolerance reports converged = true, from the optimum or near it", () => {
  const f = (t: Float64Array): number => -((t[0] - 2) ** 2) - 3 * (t[1] + 1) ** 2;
  for (const start of [
    [2, -1],
    [0, 0],
  ]) {
    const r = maximizeLikelihood(f, start, { restarts: 0 });
    assert.is(r.converged, true, `start ${start}`);
    assert.ok(
      Math.abs(r.theta[0] - 2) < 1e-8 && Math.abs(r.theta[1] + 1) < 1e-8,
      `start ${start}: ${r.theta}`,
    );
  }
});

test("a theta0 that is not an array throws TypeError naming the function and the argument", () => {
  const f = (t: Float64Array): number => -(t[0] ** 2);
  assert.throws(
    () => maximizeLikelihood(f, 5 as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "maximizeLikelihood: theta0 = 5 is not a number[] or Float64Array",
  );
  assert.throws(
    () => maximizeLikelihood(f, "1" as never),
    (e: Error) => e instanceof TypeError && /theta0 = "1"/.test(e.message),
  );
  assert.throws(
    () => maximizeLikelihood(f, null as never),
    (e: Error) => e instanceof TypeError && /theta0 = null/.test(e.message),
  );
});

test("options are honoured and validated", () => {
  const f = (t: Float64Array): number => -((t[0] - 1) ** 2);
  assert.ok(
    Math.abs(
      maximizeLikelihood(f, [0], { initialStep: 5, tolerance: 1e-12, restarts: 1 }).theta[0] - 1,
    ) < 1e-8,
  );
  assert.throws(
    () => maximizeLikelihood(f, [0], { maxIterations: 0 }),
    (e: Error) => e instanceof RangeError && /maxIterations = 0/.test(e.message),
  );
  assert.throws(() => maximizeLikelihood(f, [0], { tolerance: 0 }), /tolerance = 0/);
  assert.throws(() => maximizeLikelihood(f, [0], { restarts: -1 }), /restarts = -1/);
  assert.throws(() => maximizeLikelihood(f, [0], { initialStep: -1 }), /initialStep = -1/);
});

test("bad starting points and a missing function throw", () => {
  assert.throws(
    () => maximizeLikelihood(() => -Infinity, [0]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "maximizeLikelihood: logLik(theta0) = -Infinity, start where the likelihood is positive",
  );
  assert.throws(
    () => maximizeLikelihood(() => NaN, [0]),
    /logLik\(theta0\) = NaN, not a number \(check the callback\)$/,
  );
  assert.throws(
    () => maximizeLikelihood((t) => t[0], []),
    (e: Error) => e instanceof RangeError && e.message === "maximizeLikelihood: theta0 is empty",
  );
  assert.throws(
    () => maximizeLikelihood((t) => t[0], [0, NaN]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "maximizeLikelihood: theta0[1] = NaN is not a number",
  );
  assert.throws(
    () => maximizeLikelihood((t) => t[0], [0, "1" as never]),
    (e: Error) =>
      e instanceof TypeError && e.message === 'maximizeLikelihood: theta0[1] = "1" is not a number',
  );
  assert.throws(
    () => maximizeLikelihood(5 as never, [0]),
    (e: Error) =>
      e instanceof TypeError && e.message === "maximizeLikelihood: logLik = 5 is not a function",
  );
});

test("options: unknown keys, null and non-numbers are TypeErrors naming them", () => {
  const f = (t: Float64Array): number => -(t[0] ** 2);
  assert.throws(
    () => maximizeLikelihood(f, [0], { restart: 0 } as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "maximizeLikelihood: options.restart = 0 is not an option (known: maxIterations, tolerance, restarts, initialStep)",
  );
  assert.throws(
    () => maximizeLikelihood(f, [0], null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "maximizeLikelihood: options = null is not an options object",
  );
  assert.throws(
    () => maximizeLikelihood(f, [0], { tolerance: "1e-8" } as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === 'maximizeLikelihood: tolerance = "1e-8" is not a number',
  );
});

test("logLik is only ever called at finite θ, so the `return -Infinity` constraint pattern survives a search that runs off to ±∞", () => {
  const seen: number[] = [];
  const r = maximizeLikelihood(
    (t) => {
      seen.push(t[0]);
      if (!Number.isFinite(t[0])) throw new Error(`called at θ = ${t[0]}`);
      return t[0] <= 0 ? -Infinity : Math.log(t[0]); // increasing without bound
    },
    [1],
  );
  assert.ok(seen.every(Number.isFinite));
  assert.is(r.converged, false);
  assert.is(r.unbounded, true);
});

test("a log-likelihood with no maximum is converged: false and unbounded: true, along θ → ∞ and at the edge θ → 709.8 where exp overflows", () => {
  const linear = maximizeLikelihood((t) => 3 * t[0], [0]);
  assert.equal([linear.converged, linear.unbounded], [false, true]);
  // Σ log(rate) over three zeros with rate = e^θ: 3θ, until e^θ overflows and the model says -Infinity
  const edge = maximizeLikelihood((t) => (Math.exp(t[0]) < Infinity ? 3 * t[0] : -Infinity), [0]);
  assert.equal([edge.converged, edge.unbounded], [false, true]);
  assert.ok(edge.theta[0] > 709 && edge.theta[0] < 710);
  // a genuine maximum stays converged and bounded
  const ok = maximizeLikelihood((t) => logLikelihood(poisson(Math.exp(t[0])), [1, 2, 3]), [0]);
  assert.equal([ok.converged, ok.unbounded], [true, false]);
  assertRelClose(Math.exp(ok.theta[0]), 2, 1e-10);
});

test("stopping is scale-free: the same Gaussian MLE in θ·1e-200, θ·1e-9, θ·1e9 and θ·1e200 is found to the same relative accuracy", () => {
  const xs = [1, 2, 3, 4];
  for (const s of [1e-200, 1e-9, 1, 1e9, 1e200]) {
    const r = maximizeLikelihood(
      (t) => logLikelihood(gaussian(t[0] / s, Math.exp(t[1])), xs),
      [0.1 * s, 0],
    );
    assert.ok(r.converged, `scale ${s}`);
    assertRelClose(r.theta[0] / s, 2.5, 1e-10, `mean at scale ${s}`);
    assertRelClose(Math.exp(r.theta[1]), Math.sqrt(1.25), 1e-10, `sigma at scale ${s}`);
  }
});

test("logLik must return a number: a string is a TypeError naming the point, not a maximum 'converged' at it", () => {
  assert.throws(
    () => maximizeLikelihood(() => "1" as unknown as number, [1]),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        'maximizeLikelihood: logLik([1]) = "1" is not a number (the callback must return a number)',
  );
});

test("a logLik that writes to its argument does not move the optimiser: theta is where value was found", () => {
  // ref5 finding 5: the callback used to receive the optimiser's own array, so t[0] = 99 moved θ
  const seen: number[] = [];
  const r = maximizeLikelihood(
    (t) => {
      const v = -((t[0] - 2) ** 2);
      seen.push(t[0]);
      t[0] = 99;
      return v;
    },
    [0],
  );
  assert.ok(r.converged);
  assertRelClose(r.theta[0], 2, 1e-8, "argmax");
  assert.is(r.value, -((r.theta[0] - 2) ** 2));
  assert.ok(!seen.includes(99), "no trial point is the written value");
});

test.run();
