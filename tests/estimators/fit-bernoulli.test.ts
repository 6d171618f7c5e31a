import { readFileSync } from "fs";
import { join } from "path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bernoulli, createRng } from "../../lib/src/distributions";
import { logLikelihood, maximizeLikelihood } from "../../lib/src/estimators";
import { fitBernoulli } from "../../lib/src/estimators/fit-bernoulli";
import { assertRefusesNonNumbers } from "../helpers/entries";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, numpy xs.mean()).
interface Fx {
  fits: { family: string; xs: number[]; params: { p: number } }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

test("the fit is the fraction of ones", () => {
  const c = fx.fits.find((f) => f.family === "bernoulli")!;
  assert.ok(rel(fitBernoulli(c.xs).params.p, c.params.p) < 1e-15);
  assert.is(fitBernoulli([1, 0, 0, 1, 1]).params.p, 0.6);
});

test("all-zero and all-one data give the point masses p = 0 and p = 1", () => {
  assert.is(fitBernoulli([0, 0, 0]).params.p, 0);
  assert.is(fitBernoulli(new Float64Array([1, 1])).params.p, 1);
});

test("the closed form equals the numeric MLE in logit p to 1e-9 relative (the bound the accuracy table gives maximizeLikelihood)", () => {
  const xs = bernoulli(0.23).sample(500, createRng(34));
  const r = maximizeLikelihood((t) => logLikelihood(bernoulli(sigmoid(t[0])), xs), [0]);
  assert.ok(r.converged);
  assert.ok(rel(sigmoid(r.theta[0]), fitBernoulli(xs).params.p) < 1e-9);
});

test("perturbing the MLE never raises the log-likelihood (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 60 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      (xs, q) => {
        const fit = fitBernoulli(xs);
        const best = logLikelihood(fit, xs);
        return logLikelihood(bernoulli(q), xs) <= best + 1e-12 * Math.abs(best);
      },
    ),
    { seed: 13, numRuns: 300 },
  );
});

test("an outcome that is not 0 or 1 throws RangeError naming the index and value", () => {
  assert.throws(
    () => fitBernoulli([1, 0.5]),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitBernoulli: xs[1] = 0.5 is not 0 or 1",
  );
  assert.throws(() => fitBernoulli([2]), /xs\[0\] = 2/);
  assert.throws(() => fitBernoulli([0, NaN]), /xs\[1\] = NaN/);
  assert.throws(() => fitBernoulli([]), /fitBernoulli: xs is empty/);
});

test("an entry that is not a number (a string, null, a boolean, a BigInt, undefined, an object) throws TypeError naming the index and the value", () => {
  assertRefusesNonNumbers("fitBernoulli", 1, (x) => fitBernoulli([1, x] as never));
});

test.run();
