// The fourth referee pass on issue 18 (mpmath on the exact doubles, lib/README.md's accuracy table
// as the spec): one test per class it found in the estimators. Every reference is an mpmath value
// at 60 digits; the expression that gave it is in the comment beside it (the same cases are in
// tests/fixtures/generate_accuracy.py, gen_appended_referee4, for the accuracy table).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng, exponential, gaussian, poisson } from "../../lib/src/distributions";
import {
  fitExponential,
  fitPoisson,
  logLikelihood,
  maximizeLikelihood,
  simulateEstimator,
} from "../../lib/src/estimators";
import { assertRelClose } from "../helpers/numeric";

test("fitExponential is within 1e-15 where the sum of the data overflows", () => {
  // 1e5 values 0.1·2^1020: Σx overflows, the rate is 1/(0.1·2^1020); mpmath: 1/mpf(0.1*2**1020)
  const xs = new Float64Array(1e5).fill(0.1 * 2 ** 1020);
  // was 8.90029543401203e-307 (1.9e-12)
  assertRelClose(fitExponential(xs).params.rate, 8.900295434028805038295e-307, 1e-15);
});

test("the exponential log-likelihood is within 3e-14 where the sum of the data overflows", () => {
  // mpmath: m*(log(r) - r*x), m = 1e5, r = 1e-300, x = 0.1·2^1020
  const xs = new Float64Array(1e5).fill(0.1 * 2 ** 1020);
  // was -112424898481.89635 (1.9e-12)
  assertRelClose(logLikelihood(exponential(1e-300), xs), -112424898481.6845746561, 3e-14);
});

test("fitExponential is within 1e-15 on adversarial 16-term blocks (every addition rounding one way)", () => {
  // [1, 15 × 0.51·2⁻⁵²] repeated 4096 times; mpmath: m / fsum(xs) = 15.99999999999997282174
  const xs = new Float64Array(65536).map((_, i) => (i % 16 ? 0.51 * 2 ** -52 : 1));
  // was 15.999999999999947 (1.63e-15)
  assertRelClose(fitExponential(xs).params.rate, 15.99999999999997282174, 1e-15);
  // and 8-term blocks, the fit's own block length: [1, 7 × 0.51·2⁻⁵²]; mpmath: 8/(1 + 7·mpf(0.51·2⁻⁵²))
  const ys = new Float64Array(65536).map((_, i) => (i % 8 ? 0.51 * 2 ** -52 : 1));
  assertRelClose(fitExponential(ys).params.rate, 7.999999999999993658406, 1e-15);
});

test("fitPoisson is correctly rounded where the sum of the counts overflows", () => {
  // mpmath: fsum(xs)/3 = 1.26811968937361728277563e+308; correctly rounded is the double that
  // literal parses to
  const xs = [1.173904637745419e308, 1.5058871064254957e308, 1.1245673239499372e308];
  // was 1.268119689373617e+308 (1.33 ulp)
  assert.is(fitPoisson(xs).params.lambda, 1.26811968937361728277563e308);
});

test("simulateEstimator names the estimator's result when it is an object that is not a distribution", () => {
  assert.throws(
    () =>
      simulateEstimator(poisson, [2], () => ({ valueOf: () => 1 }) as unknown as number, {
        m: 5,
        trials: 3,
        rng: createRng(1),
      }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "simulateEstimator: estimator(xs) in trial 0 = [object] is not a number or a distribution",
  );
  // with opts.select the object is the select function's to read
  const r = simulateEstimator(poisson, [2], () => ({ v: 1 }) as unknown as number, {
    m: 5,
    trials: 3,
    rng: createRng(1),
    select: (d) => (d as unknown as { v?: number }).v ?? d.params.lambda,
  });
  assert.equal(Array.from(r.estimates), [1, 1, 1]);
});

test("maximizeLikelihood reports unbounded: true when logLik(theta0) = +Infinity, as the README says", () => {
  const r = maximizeLikelihood(() => Infinity, [1]);
  assert.equal(r, {
    theta: [1],
    value: Infinity,
    iterations: 0,
    evaluations: 1,
    converged: false,
    unbounded: true,
  });
  // −∞ (likelihood 0) and NaN at the start still throw, naming the value logLik returned
  assert.throws(
    () => maximizeLikelihood(() => NaN, [1]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "maximizeLikelihood: logLik(theta0) = NaN, not a number (check the callback)",
  );
});

// Where the exact log-likelihood crosses 0 (m·log σ against m·½ log 2π) no sum of rounded terms is
// relatively accurate; lib/README.md's table measures logLikelihood against the larger of |ℓ| and
// the sum of its terms' magnitudes (the decision of ref4 finding 9), within 3e-14.
test("logLikelihood where the exact value crosses 0 is within 3e-14 of the sum of its terms", () => {
  // mpmath: -log(σ) - log(2π)/2 at σ = 1/√(2π) rounded: -6.247337834861334937e-17
  const s = 1 / Math.sqrt(2 * Math.PI);
  const terms = Math.abs(Math.log(s)) + 0.5 * Math.log(2 * Math.PI);
  const g = logLikelihood(gaussian(0, s), [0]);
  assert.ok(Math.abs(g + 6.247337834861334937e-17) <= 3e-14 * terms, String(g));
  // mpmath: 1000·(log r − r·x), r = e, x = 1/e (both rounded): -3.378485525913422546e-14
  const xs = new Float64Array(1000).fill(1 / Math.E);
  const e = logLikelihood(exponential(Math.E), xs);
  const eTerms = 1000 * Math.log(Math.E) + Math.E * (1000 / Math.E);
  assert.ok(Math.abs(e + 3.378485525913422546e-14) <= 3e-14 * eTerms, String(e));
});

test.run();
