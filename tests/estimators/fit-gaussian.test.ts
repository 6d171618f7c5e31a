import { readFileSync } from "fs";
import { join } from "path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng, gaussian } from "../../lib/src/distributions";
import { logLikelihood, maximizeLikelihood } from "../../lib/src/estimators";
import { fitGaussian } from "../../lib/src/estimators/fit-gaussian";
import { assertUlps } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py):
// scipy stats.norm.fit(xs), numpy xs.std(ddof=1), and a long-double fit of 1e9 + small noise.
interface Fx {
  fits: {
    family: string;
    unbiased?: boolean;
    xs: number[];
    params: { mu: number; sigma: number };
    call: string;
  }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

test("the fit matches scipy stats.norm.fit and numpy std(ddof=1): μ̂ to 1e-15, σ̂ to 1e-15 relative", () => {
  // measured: μ̂ equal, σ̂ within 2.3e-16 relative of scipy/numpy (each side a few roundings off the
  // exact value); the bound leaves room for numpy's pairwise sum, not for a lost digit
  const cases = fx.fits.filter((c) => c.family === "gaussian");
  assert.ok(cases.length >= 3);
  for (const c of cases) {
    const g = fitGaussian(c.xs, { unbiased: c.unbiased ?? false });
    assert.ok(
      rel(g.params.mu, c.params.mu) <= 1e-15,
      `${c.call}: ${g.params.mu} vs ${c.params.mu}`,
    );
    assert.ok(
      rel(g.params.sigma, c.params.sigma) <= 1e-15,
      `${c.call}: ${g.params.sigma} vs ${c.params.sigma}`,
    );
  }
});

test("the shifted sums stay accurate for data far from 0 (1e9 + noise of size 1e-3): σ̂ within 2 ulps of the exact value", () => {
  const c = fx.fits.find((f) => f.family === "gaussian" && f.xs[0] > 1e8)!;
  const g = fitGaussian(new Float64Array(c.xs));
  // exact σ̂ of these 50 doubles (Fractions, then mpmath's square root at 50 digits):
  // 0.0010028700532433916; the fixture's long-double value is 1 ulp above it. A naive Σx² − m·x̄²
  // loses every digit here, and a plain one-pass shifted sum keeps about 1e-13.
  assertUlps(g.params.sigma, 0.0010028700532433916, 2, "sigma");
  assertUlps(g.params.sigma, c.params.sigma, 3, "sigma against the fixture");
});

test("the MLE sigma divides by m, the unbiased one by m − 1", () => {
  const xs = [1, 2, 3, 4];
  assert.is(fitGaussian(xs).params.mu, 2.5);
  assert.is(fitGaussian(xs).params.sigma, Math.sqrt(1.25));
  assert.is(fitGaussian(xs, { unbiased: true }).params.sigma, Math.sqrt(5 / 3));
});

test("the closed form equals the numeric MLE in (mu, log sigma) to 1e-9 relative (the bound the accuracy table gives maximizeLikelihood)", () => {
  const xs = gaussian(3, 1.7).sample(300, createRng(31));
  const closed = fitGaussian(xs);
  const r = maximizeLikelihood((t) => logLikelihood(gaussian(t[0], Math.exp(t[1])), xs), [0, 0]);
  assert.ok(r.converged);
  assert.ok(rel(r.theta[0], closed.params.mu) < 1e-9);
  assert.ok(rel(Math.exp(r.theta[1]), closed.params.sigma) < 1e-9);
});

test("perturbing the MLE in any direction never raises the log-likelihood (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -0.9, max: 1, noNaN: true }),
      (xs, dMu, dLogSigma) => {
        fc.pre(Math.max(...xs) - Math.min(...xs) > 1e-3); // a spread that squares without underflow
        const g = fitGaussian(xs);
        const best = logLikelihood(g, xs);
        const { mu, sigma } = g.params;
        const moved = logLikelihood(gaussian(mu + dMu * sigma, sigma * (1 + dLogSigma)), xs);
        return moved <= best + 1e-12 * Math.abs(best);
      },
    ),
    { seed: 20240607, numRuns: 300 },
  );
});

test("an empty sample, NaN or ±Infinity throws RangeError naming the index", () => {
  assert.throws(
    () => fitGaussian([]),
    (e: Error) => e instanceof RangeError && e.message === "fitGaussian: xs is empty",
  );
  assert.throws(
    () => fitGaussian([1, 2, NaN]),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitGaussian: xs[2] = NaN is not a number",
  );
  assert.throws(() => fitGaussian([Infinity, 1]), /xs\[0\] = Infinity/);
  assert.throws(() => fitGaussian([1, -Infinity]), /xs\[1\] = -Infinity/);
  assert.throws(() => fitGaussian("abc" as never), TypeError);
});

test("all-equal data (sigma = 0) has no Gaussian MLE and throws RangeError", () => {
  assert.throws(
    () => fitGaussian([2, 2]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitGaussian: all 2 values equal 2, sigma = 0 has no Gaussian MLE",
  );
  assert.throws(() => fitGaussian([5]), /all 1 values equal 5/);
  // exact σ̂ = 2^-1075, half the smallest subnormal: it rounds to 0
  assert.throws(
    () => fitGaussian([0, 5e-324]),
    (e: Error) => e instanceof RangeError && /the standard deviation rounds to 0/.test(e.message),
  );
});

test("subnormal data still have a Gaussian MLE: σ̂ is computed on the data scaled by a power of two", () => {
  // exact σ̂ = √(2/3)·2^-1074 ≈ 4.0e-324, whose nearest double is 5e-324 (the squares underflow in the one-pass form)
  const g = fitGaussian([0, 5e-324, 1e-323]);
  assert.is(g.params.mu, 5e-324);
  assert.is(g.params.sigma, 5e-324);
});

test("unbiased with a single observation throws RangeError", () => {
  assert.throws(
    () => fitGaussian([5], { unbiased: true }),
    (e: Error) => e instanceof RangeError && /unbiased needs m >= 2/.test(e.message),
  );
});

test("values 1e300 apart, whose squares overflow, give σ̂ = 1e300 from the scaled two-pass (issue 18), not an error", () => {
  const g = fitGaussian([-1e300, 1e300]);
  assert.is(g.params.mu, 0);
  assert.is(g.params.sigma, 1e300);
  assert.is(fitGaussian([-Number.MAX_VALUE, Number.MAX_VALUE]).params.sigma, Number.MAX_VALUE);
});

test("an outlier in first place (the shift of the one-pass sums) does not cost the mean or σ̂ their digits", () => {
  // exact (Fractions): mean (1e15 + 1 + 2 + 3)/4 = 250000000000001.5, σ̂ = 433012701892218.4573…
  const g = fitGaussian([1e15, 1, 2, 3]);
  assert.is(g.params.mu, 250000000000001.5);
  assertUlps(g.params.sigma, 433012701892218.4573564578, 1, "sigma");
});

test.run();
