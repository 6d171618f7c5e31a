import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng } from "../../lib/src/distributions/create-rng";
import { gaussian } from "../../lib/src/distributions/gaussian";
import { assertRelClose, assertUlps, relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json, written by tests/fixtures/generate_estimators.py
// (seeded numpy + scipy; each entry records its scipy call).
interface Fx {
  logProb: { family: string; params: { mu: number; sigma: number }; x: number; value: number }[];
  entropy: { family: string; params: { mu: number; sigma: number }; value: number }[];
  moments: {
    family: string;
    params: { mu: number; sigma: number };
    mean: number;
    variance: number;
  }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, rel = 1e-12): boolean => relClose(a, b, rel);

test("logProb matches scipy stats.norm.logpdf", () => {
  const cases = fx.logProb.filter((c) => c.family === "gaussian");
  assert.ok(cases.length > 0);
  for (const c of cases)
    assert.ok(close(gaussian(c.params.mu, c.params.sigma).logProb(c.x), c.value), `x = ${c.x}`);
});

test("prob is exp(logProb)", () => {
  const d = gaussian(1, 2);
  for (const x of [-3, 0, 1, 2.5]) assert.ok(close(d.prob(x), Math.exp(d.logProb(x))));
});

test("differential entropy matches scipy and goes negative for small sigma", () => {
  for (const c of fx.entropy.filter((c) => c.family === "gaussian")) {
    assert.ok(close(gaussian(c.params.mu, c.params.sigma).entropy(), c.value));
  }
  assert.ok(gaussian(0, 0.1).entropy() < 0);
});

test("entropy in base 2 is ½ log₂(2πe) for the standard normal (mpmath), not just the nats value re-divided", () => {
  // an independent value: ½ log₂(2πe σ²) at σ = 1, mpmath at 50 digits
  assert.ok(close(gaussian(0, 1).entropy({ base: 2 }), 2.047095585180641, 2e-16));
  assert.ok(close(gaussian(0, 4).entropy({ base: 2 }), 2.047095585180641 + 2, 2e-16));
});

test("mean and variance match scipy", () => {
  for (const c of fx.moments.filter((c) => c.family === "gaussian")) {
    const d = gaussian(c.params.mu, c.params.sigma);
    assert.is(d.mean(), c.mean);
    assert.ok(close(d.variance(), c.variance));
  }
});

test("sample moments are within 4 standard errors of mu and sigma² (seeded)", () => {
  const mu = -2;
  const sigma = 3;
  const n = 100_000;
  const xs = gaussian(mu, sigma).sample(n, createRng(11));
  assert.instance(xs, Float64Array);
  assert.is(xs.length, n);
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / n;
  let s2 = 0;
  for (const x of xs) s2 += (x - mean) ** 2;
  const variance = s2 / n;
  assert.ok(Math.abs(mean - mu) < 4 * Math.sqrt((sigma * sigma) / n));
  assert.ok(Math.abs(variance - sigma * sigma) < 4 * sigma * sigma * Math.sqrt(2 / n));
});

test("sample(0) is an empty Float64Array, and the same seed gives the same sample", () => {
  assert.is(gaussian(0, 1).sample(0, createRng(1)).length, 0);
  assert.equal(gaussian(0, 1).sample(5, createRng(9)), gaussian(0, 1).sample(5, createRng(9)));
});

test("the object names its family and frozen params", () => {
  const d = gaussian(1, 2);
  assert.is(d.family, "gaussian");
  assert.equal(d.params, { mu: 1, sigma: 2 });
  assert.ok(Object.isFrozen(d) && Object.isFrozen(d.params));
});

test("invalid parameters throw RangeError naming the family and the value", () => {
  assert.throws(
    () => gaussian(0, -1),
    (e: Error) =>
      e instanceof RangeError && e.message === "gaussian: sigma = -1 must be finite and > 0",
  );
  assert.throws(() => gaussian(0, 0), /gaussian: sigma = 0/);
  assert.throws(() => gaussian(0, Infinity), /gaussian: sigma = Infinity/);
  assert.throws(() => gaussian(0, NaN), /gaussian: sigma = NaN/);
  assert.throws(
    () => gaussian(NaN, 1),
    (e: Error) => e instanceof RangeError && e.message === "gaussian: mu = NaN is not a number",
  );
  assert.throws(() => gaussian(Infinity, 1), /gaussian: mu = Infinity/);
});

test("logProb and prob throw for NaN, and go to -Infinity / 0 at ±Infinity", () => {
  const d = gaussian(0, 1);
  assert.throws(() => d.logProb(NaN), /gaussian.logProb: x = NaN/);
  assert.throws(() => d.prob(NaN), /gaussian.prob: x = NaN/);
  assert.is(d.logProb(Infinity), -Infinity);
  assert.is(d.prob(-Infinity), 0);
});

test("sample rejects a bad n or rng", () => {
  const d = gaussian(0, 1);
  assert.throws(
    () => d.sample(-1, createRng(1)),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "gaussian.sample: n = -1 must be a non-negative integer",
  );
  assert.throws(() => d.sample(1.5, createRng(1)), /n = 1.5/);
  assert.throws(
    () => d.sample(3, {} as never),
    (e: Error) => e instanceof TypeError && /gaussian.sample: rng/.test(e.message),
  );
});

test("an invalid entropy base throws RangeError", () => {
  assert.throws(() => gaussian(0, 1).entropy({ base: 1 }), RangeError);
  assert.throws(() => gaussian(0, 1).entropy({ base: -2 }), RangeError);
});

interface Extreme {
  mu: number;
  sigma: number;
  x: number;
  value: number | null;
  scipy: number | null;
}
const extremes = (
  JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as {
    gaussianLogProbExtreme: Extreme[];
  }
).gaussianLogProbExtreme;

test("logProb is exact for sigma from 5e-324 to 1.7e308, as scipy's norm.logpdf (it was NaN below 5e-155 and above 1.3e154)", () => {
  for (const f of extremes) {
    const got = gaussian(f.mu, f.sigma).logProb(f.x);
    const want = f.value === null ? -Infinity : f.value; // null: below -1.8e308
    assert.ok(
      got === want || Math.abs(got - want) <= 1e-15 * Math.abs(want),
      `N(${f.mu}, ${f.sigma}).logProb(${f.x}) = ${got}, want ${want} (scipy ${f.scipy})`,
    );
  }
});

test("logProb and prob reject a non-number x with a TypeError naming the method", () => {
  assert.throws(
    () => gaussian(0, 1).logProb("1" as never),
    (e: Error) =>
      e instanceof TypeError && e.message === 'gaussian.logProb: x = "1" is not a number',
  );
  assert.throws(
    () => gaussian(0, 1).prob(null as never),
    (e: Error) => e instanceof TypeError && e.message === "gaussian.prob: x = null is not a number",
  );
});

test("logProb whose z overflows is −Infinity, never NaN (σ subnormal, x − μ huge)", () => {
  assert.is(gaussian(-62, 6.1e-317).logProb(-1.7e56), -Infinity);
  assert.is(gaussian(1e308, 1).logProb(-1e308), -Infinity);
  // x − μ overflows but z is finite: x/σ − μ/σ (mpmath: -2.0000000000000692e+16)
  assertRelClose(gaussian(-1e308, 1e300).logProb(1e308), -2.0000000000000692e16, 1e-15);
});

test("logProb takes z = (x − μ)/σ, exact where x − μ is: x − μ = 28 beside μ = 1e16", () => {
  // (x − μ)/σ = 28/3 and 32/7 round once; x/σ − μ/σ (the overflow path's form) gives 9 and 5
  // there, 3 and 2 away in log p. References: mpmath at 50 digits,
  // -mp.log(s) - mp.log(2*mp.pi)/2 - ((mpf(x) - mpf(mu))/s)**2/2
  assertUlps(
    gaussian(1e16, 3).logProb(1e16 + 28),
    -45.57310637742834,
    2,
    "N(1e16, 3) at 1e16 + 28",
  );
  assertUlps(
    gaussian(3e16, 7).logProb(3e16 + 32),
    -13.313828274096721,
    2,
    "N(3e16, 7) at 3e16 + 32",
  );
});

test.run();
