import { readFileSync } from "fs";
import { join } from "path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng, poisson } from "../../lib/src/distributions";
import { logLikelihood, maximizeLikelihood } from "../../lib/src/estimators";
import { fitPoisson } from "../../lib/src/estimators/fit-poisson";
import { assertRefusesNonNumbers } from "../helpers/entries";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, numpy xs.mean()).
interface Fx {
  fits: { family: string; xs: number[]; params: { lambda: number } }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

test("the fit is the sample mean, as numpy computes it", () => {
  const c = fx.fits.find((f) => f.family === "poisson")!;
  assert.ok(rel(fitPoisson(c.xs).params.lambda, c.params.lambda) < 1e-15);
  assert.is(fitPoisson([0, 1, 2, 5]).params.lambda, 2);
});

test("all-zero data give lambda = 0, the point mass at 0", () => {
  const d = fitPoisson(new Float64Array(4));
  assert.is(d.params.lambda, 0);
  assert.is(logLikelihood(d, [0, 0, 0, 0]), 0);
});

test("the closed form equals the numeric MLE in log lambda to 1e-9 relative (the bound the accuracy table gives maximizeLikelihood)", () => {
  const xs = poisson(7.3).sample(400, createRng(32));
  const r = maximizeLikelihood((t) => logLikelihood(poisson(Math.exp(t[0])), xs), [0]);
  assert.ok(r.converged);
  assert.ok(rel(Math.exp(r.theta[0]), fitPoisson(xs).params.lambda) < 1e-9);
});

test("perturbing the MLE never raises the log-likelihood (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 50 }),
      fc.double({ min: -0.99, max: 3, noNaN: true }),
      (xs, d) => {
        fc.pre(xs.some((x) => x > 0));
        const fit = fitPoisson(xs);
        const best = logLikelihood(fit, xs);
        return (
          logLikelihood(poisson(fit.params.lambda * (1 + d)), xs) <= best + 1e-12 * Math.abs(best)
        );
      },
    ),
    { seed: 11, numRuns: 300 },
  );
});

test("a negative, non-integer or non-finite value throws RangeError naming the index and value", () => {
  assert.throws(
    () => fitPoisson([1, 2, 3, 4, 2.5]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitPoisson: xs[4] = 2.5 is not a non-negative integer",
  );
  assert.throws(() => fitPoisson([-1]), /xs\[0\] = -1/);
  assert.throws(() => fitPoisson([NaN]), /xs\[0\] = NaN/);
  assert.throws(() => fitPoisson([0, Infinity]), /xs\[1\] = Infinity/);
  assert.throws(() => fitPoisson([]), /fitPoisson: xs is empty/);
});

test("counts whose sum overflows (near 1.8e308) give their finite mean, not a RangeError about lambda = Infinity (issue 18)", () => {
  // exact means (Fractions): 1.35e308 and 1.4666666666666666e308
  assert.is(fitPoisson([1.7e308, 1e308]).params.lambda, 1.35e308);
  assert.is(fitPoisson([1.7e308, 1.7e308, 1e308]).params.lambda, 1.4666666666666666e308);
});

test("counts whose sum passes 2^53 are summed exactly: 1e5 counts 2^40 + 1 average to 2^40 + 1", () => {
  // exact: the mean of equal counts is the count (a plain sum rounded each +1 away past 2^53)
  assert.is(fitPoisson(new Float64Array(1e5).fill(2 ** 40 + 1)).params.lambda, 2 ** 40 + 1);
  // and a mean that is not an integer is the correctly rounded quotient (Fraction(…)/3, exact)
  const xs = [2 ** 53, 2 ** 53 + 2, 1];
  assert.is(fitPoisson(xs).params.lambda, 6004799503160662);
});

test("an entry that is not a number (a string, null, a boolean, a BigInt, undefined, an object) throws TypeError naming the index and the value", () => {
  assertRefusesNonNumbers("fitPoisson", 1, (x) => fitPoisson([1, x] as never));
});

test("a sum that rounds to exactly 2^53 is summed exactly too: [2^53 − 1, 1, 1] has mean (2^53 + 1)/3 = 3002399751580331", () => {
  // exact algebra: 2^53 + 1 = 9007199254740993 = 3 · 3002399751580331; the plain sum rounds the
  // last + 1 away (2^53 + 1 is not a double) and would give 2^53/3 = 3002399751580330.5
  assert.is(fitPoisson([2 ** 53 - 1, 1, 1]).params.lambda, 3002399751580331);
});

test.run();
