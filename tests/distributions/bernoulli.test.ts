import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bernoulli } from "../../lib/src/distributions/bernoulli";
import { createRng } from "../../lib/src/distributions/create-rng";
import { relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, scipy).
interface Fx {
  logProb: { family: string; params: { p: number }; x: number; value: number }[];
  entropy: { family: string; params: { p: number }; value: number }[];
  moments: { family: string; params: { p: number }; mean: number; variance: number }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, rel = 1e-12): boolean => relClose(a, b, rel);

test("logProb matches scipy stats.bernoulli.logpmf", () => {
  const cases = fx.logProb.filter((c) => c.family === "bernoulli");
  assert.ok(cases.length > 0);
  for (const c of cases) assert.ok(close(bernoulli(c.params.p).logProb(c.x), c.value));
});

test("prob is p at 1, 1 − p at 0 and 0 anywhere else", () => {
  const d = bernoulli(0.25);
  assert.is(d.prob(1), 0.25);
  assert.is(d.prob(0), 0.75);
  assert.is(d.prob(0.5), 0);
  assert.is(d.prob(2), 0);
  assert.is(d.logProb(-1), -Infinity);
});

test("entropy, mean and variance match scipy, including the point masses p = 0 and p = 1", () => {
  for (const c of fx.entropy.filter((c) => c.family === "bernoulli"))
    assert.ok(close(bernoulli(c.params.p).entropy(), c.value));
  for (const c of fx.moments.filter((c) => c.family === "bernoulli")) {
    const d = bernoulli(c.params.p);
    assert.ok(close(d.mean(), c.mean));
    assert.ok(close(d.variance(), c.variance));
  }
});

test("a fair coin has entropy 1 bit", () => {
  assert.is(bernoulli(0.5).entropy({ base: 2 }), 1);
});

test("p = 0 and p = 1 are valid point masses with log 0 = -Infinity on the other outcome", () => {
  assert.is(bernoulli(0).logProb(1), -Infinity);
  assert.is(bernoulli(0).logProb(0), 0);
  assert.is(bernoulli(1).logProb(0), -Infinity);
  assert.equal(Array.from(bernoulli(1).sample(4, createRng(1))), [1, 1, 1, 1]);
  assert.equal(Array.from(bernoulli(0).sample(4, createRng(1))), [0, 0, 0, 0]);
});

test("the fraction of ones in a sample is within 4 standard errors of p (seeded)", () => {
  const p = 0.3;
  const n = 100_000;
  const xs = bernoulli(p).sample(n, createRng(13));
  let ones = 0;
  for (const x of xs) {
    assert.ok(x === 0 || x === 1);
    ones += x;
  }
  assert.ok(Math.abs(ones / n - p) < 4 * Math.sqrt((p * (1 - p)) / n));
});

test("the object names its family and frozen params", () => {
  const d = bernoulli(0.4);
  assert.is(d.family, "bernoulli");
  assert.equal(d.params, { p: 0.4 });
  assert.ok(Object.isFrozen(d) && Object.isFrozen(d.params));
});

test("p outside [0, 1] or NaN throws RangeError naming the family and the value", () => {
  assert.throws(
    () => bernoulli(1.2),
    (e: Error) => e instanceof RangeError && e.message === "bernoulli: p = 1.2 must be in [0, 1]",
  );
  assert.throws(() => bernoulli(-0.1), /bernoulli: p = -0.1/);
  assert.throws(() => bernoulli(NaN), /bernoulli: p = NaN/);
});

test("NaN arguments, bad n, bad rng and bad base throw", () => {
  const d = bernoulli(0.5);
  assert.throws(() => d.logProb(NaN), /bernoulli.logProb: x = NaN/);
  assert.throws(() => d.prob(NaN), /bernoulli.prob: x = NaN/);
  assert.throws(() => d.sample(2.5, createRng(1)), /bernoulli.sample: n = 2.5/);
  assert.throws(() => d.sample(2, undefined as never), TypeError);
  assert.throws(() => d.entropy({ base: 1 }), /bernoulli.entropy: base = 1/);
});

test.run();
