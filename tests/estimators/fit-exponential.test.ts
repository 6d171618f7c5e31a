import { readFileSync } from "fs";
import { join } from "path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng, exponential } from "../../lib/src/distributions";
import { logLikelihood, maximizeLikelihood } from "../../lib/src/estimators";
import { fitExponential } from "../../lib/src/estimators/fit-exponential";
import { assertRefusesNonNumbers } from "../helpers/entries";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py,
// 1 / scipy stats.expon.fit(xs, floc=0)[1]).
interface Fx {
  fits: { family: string; xs: number[]; params: { rate: number } }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

test("the fit matches scipy stats.expon.fit with floc = 0", () => {
  const c = fx.fits.find((f) => f.family === "exponential")!;
  assert.ok(rel(fitExponential(c.xs).params.rate, c.params.rate) < 1e-14);
  assert.is(fitExponential([0.5, 1.5, 1]).params.rate, 1);
});

test("the closed form equals the numeric MLE in log rate to 1e-9 relative (the bound the accuracy table gives maximizeLikelihood)", () => {
  const xs = exponential(0.4).sample(250, createRng(33));
  const r = maximizeLikelihood((t) => logLikelihood(exponential(Math.exp(t[0])), xs), [0]);
  assert.ok(r.converged);
  assert.ok(rel(Math.exp(r.theta[0]), fitExponential(xs).params.rate) < 1e-9);
});

test("perturbing the MLE never raises the log-likelihood (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 1, maxLength: 50 }),
      fc.double({ min: -0.99, max: 5, noNaN: true }),
      (xs, d) => {
        fc.pre(xs.reduce((a, b) => a + b, 0) > 1e-6);
        const fit = fitExponential(xs);
        const best = logLikelihood(fit, xs);
        return (
          logLikelihood(exponential(fit.params.rate * (1 + d)), xs) <= best + 1e-12 * Math.abs(best)
        );
      },
    ),
    { seed: 12, numRuns: 300 },
  );
});

test("negative, NaN or infinite values throw RangeError naming the index and value", () => {
  assert.throws(
    () => fitExponential([1, -2]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitExponential: xs[1] = -2 is not a finite number >= 0",
  );
  assert.throws(() => fitExponential([NaN]), /xs\[0\] = NaN/);
  assert.throws(() => fitExponential([Infinity]), /xs\[0\] = Infinity/);
  assert.throws(() => fitExponential([]), /fitExponential: xs is empty/);
});

test("all-zero data (infinite MLE rate) throw RangeError", () => {
  assert.throws(
    () => fitExponential([0, 0]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitExponential: all values are 0, the MLE rate is infinite",
  );
});

test("subnormal data whose MLE rate m/Σx overflows throw a RangeError from fitExponential, not the constructor's 'rate = Infinity'", () => {
  assert.throws(
    () => fitExponential([5e-324, 5e-324]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "fitExponential: the MLE rate m/Σx = 2/1e-323 exceeds the largest double (the values are too close to 0)",
  );
  assert.is(fitExponential([1e-308]).params.rate, 1e308); // still representable
});

test("finite values whose sum overflows still give the MLE rate m/Σx (taken at scale 2^-64), not 0", () => {
  assert.is(fitExponential([1e308, 1e308]).params.rate, 1e-308);
  assert.is(fitExponential([1.7e308, 1.7e308]).params.rate, 1 / 1.7e308);
});

test("Σx is blocked, not a plain sum: the rate of 1e6 entries 0.1 is within 1e-15 of 1/0.1", () => {
  // mpmath: 1/mpf(0.1) = 9.99999999999999944488848768742… (a plain Σx gave 9.999999999866711, 1.3e-11)
  const xs = new Float64Array(1e6).fill(0.1);
  const r = fitExponential(xs).params.rate;
  assert.ok(Math.abs(r - 9.99999999999999944488848768742) / 10 < 1e-15, String(r));
});

test("an entry that is not a number (a string, null, a boolean, a BigInt, undefined, an object) throws TypeError naming the index and the value", () => {
  assertRefusesNonNumbers("fitExponential", 1, (x) => fitExponential([1, x] as never));
});

test.run();
