import { readFileSync } from "fs";
import { join } from "path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { categorical, createRng } from "../../lib/src/distributions";
import { logLikelihood, maximizeLikelihood } from "../../lib/src/estimators";
import { fitCategorical } from "../../lib/src/estimators/fit-categorical";
import { softmax } from "../../lib/src/information";
import { assertRefusesNonNumbers } from "../helpers/entries";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py,
// np.bincount(xs, minlength=4) / len(xs)).
interface Fx {
  fits: { family: string; k?: number; xs: number[]; params: { probs: number[] } }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

test("the fit is the category frequencies, as numpy bincount gives them", () => {
  const c = fx.fits.find((f) => f.family === "categorical")!;
  assert.equal(fitCategorical(c.xs, c.k!).params.probs, c.params.probs);
  assert.equal(fitCategorical([0, 2, 2, 1], 3).params.probs, [0.25, 0.25, 0.5]);
});

test("categories never observed get probability 0", () => {
  assert.equal(fitCategorical([0, 0], 3).params.probs, [1, 0, 0]);
});

test("the closed form equals the numeric MLE over softmax logits to 1e-9 relative (the bound the accuracy table gives maximizeLikelihood)", () => {
  const xs = categorical([0.1, 0.2, 0.3, 0.4]).sample(600, createRng(35));
  const toProbs = (t: Float64Array | number[]): Float64Array => softmax([t[0], t[1], t[2], 0]);
  const r = maximizeLikelihood((t) => logLikelihood(categorical(toProbs(t)), xs), [0, 0, 0]);
  assert.ok(r.converged);
  const closed = fitCategorical(xs, 4).params.probs;
  const numeric = toProbs(r.theta);
  closed.forEach((p, j) =>
    assert.ok(rel(numeric[j], p) < 1e-9, `category ${j}: ${numeric[j]} vs ${p}`),
  );
});

test("no other probability vector has a higher log-likelihood (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 60 }),
      fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
      (xs, w) => {
        const fit = fitCategorical(xs, 4);
        const best = logLikelihood(fit, xs);
        const s = w.reduce((a, b) => a + b, 0);
        const other = categorical(w.map((v) => v / s));
        return logLikelihood(other, xs) <= best + 1e-12 * Math.abs(best);
      },
    ),
    { seed: 14, numRuns: 300 },
  );
});

test("a value outside {0, …, k − 1} throws RangeError naming the index and value", () => {
  assert.throws(
    () => fitCategorical([0, 3], 3),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "fitCategorical: xs[1] = 3 is not an integer in [0, 3)",
  );
  assert.throws(() => fitCategorical([1.5], 3), /xs\[0\] = 1.5/);
  assert.throws(() => fitCategorical([-1], 3), /xs\[0\] = -1/);
  assert.throws(() => fitCategorical([NaN], 3), /xs\[0\] = NaN/);
  assert.throws(() => fitCategorical([], 3), /fitCategorical: xs is empty/);
});

test("k that is not an integer in [1, 2²⁴] throws RangeError naming fitCategorical and k", () => {
  for (const k of [0, -2, 2.5]) {
    assert.throws(
      () => fitCategorical([0], k),
      (e: Error) =>
        e instanceof RangeError &&
        e.message === `fitCategorical: k = ${k} must be an integer in [1, 16777216]`,
    );
  }
  assert.throws(
    () => fitCategorical([0], NaN),
    (e: Error) =>
      e instanceof RangeError && e.message === "fitCategorical: k = NaN is not a number",
  );
});

test("an entry that is not a number (a string, null, a boolean, a BigInt, undefined, an object, a Symbol, an object with valueOf) throws TypeError naming the index and the value", () => {
  assertRefusesNonNumbers("fitCategorical", 1, (x) => fitCategorical([1, x] as never, 3));
});

test("k above the documented cap 2²⁴ is a RangeError naming fitCategorical and k, before anything is allocated (2³¹ ran Node out of heap, 2²⁷ gave the engine's 'Invalid array length')", () => {
  for (const k of [2 ** 24 + 1, 2 ** 27, 2 ** 31, 2 ** 40, Number.MAX_SAFE_INTEGER])
    assert.throws(
      () => fitCategorical([0], k),
      (e: Error) =>
        e instanceof RangeError &&
        e.message === `fitCategorical: k = ${k} must be an integer in [1, 16777216]`,
      String(k),
    );
});

test("k at the cap 2²⁴ is fitted (the cap is the largest k taken, not one below it)", () => {
  const probs = fitCategorical([2 ** 24 - 1, 0, 2 ** 24 - 1, 5], 2 ** 24).params.probs;
  assert.is(probs.length, 2 ** 24);
  assert.is(probs[2 ** 24 - 1], 0.5);
  assert.is(probs[0], 0.25);
  assert.is(probs[5], 0.25);
  assert.is(probs[1], 0);
});

test.run();
