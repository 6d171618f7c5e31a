import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import type { Rng } from "../../lib/src/distributions/create-rng";
import * as assert from "uvu/assert";
import { categorical } from "../../lib/src/distributions/categorical";
import { createRng } from "../../lib/src/distributions/create-rng";
import { relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, scipy).
interface Fx {
  entropy: { family: string; params: { probs: number[] }; value: number }[];
  moments: { family: string; params: { probs: number[] }; mean: number; variance: number }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, rel = 1e-12): boolean => relClose(a, b, rel);

test("prob and logProb read the probabilities, and are 0 / -Infinity off {0, …, k − 1}", () => {
  const d = categorical([0.5, 0.25, 0.25]);
  assert.is(d.prob(0), 0.5);
  assert.is(d.logProb(1), Math.log(0.25));
  for (const x of [-1, 3, 1.5, Infinity]) {
    assert.is(d.prob(x), 0);
    assert.is(d.logProb(x), -Infinity);
  }
});

test("entropy, mean and variance match scipy (stats.entropy and direct sums)", () => {
  for (const c of fx.entropy.filter((c) => c.family === "categorical"))
    assert.ok(close(categorical(c.params.probs).entropy(), c.value));
  for (const c of fx.moments.filter((c) => c.family === "categorical")) {
    const d = categorical(c.params.probs);
    assert.ok(close(d.mean(), c.mean));
    assert.ok(close(d.variance(), c.variance));
  }
});

test("uniform over k categories has entropy log k", () => {
  assert.ok(close(categorical([0.25, 0.25, 0.25, 0.25]).entropy(), Math.log(4)));
  assert.ok(
    close(
      categorical([0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125, 0.125]).entropy({ base: 2 }),
      3,
    ),
  );
});

test("sample frequencies are within 4 standard errors of the probabilities (seeded)", () => {
  const probs = [0.1, 0.0, 0.45, 0.3, 0.15];
  const n = 100_000;
  const xs = categorical(probs).sample(n, createRng(14));
  const counts = new Array<number>(probs.length).fill(0);
  for (const x of xs) counts[x]++;
  probs.forEach((p, j) =>
    assert.ok(Math.abs(counts[j] / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n), `category ${j}`),
  );
  assert.is(counts[1], 0); // a zero-mass category is never drawn
});

test("trailing zero-mass categories are never drawn even when the sum rounds below 1", () => {
  const probs = [0.1, 0.2, 0.7 - 1e-12, 0];
  const xs = categorical(probs).sample(50_000, createRng(2));
  for (const x of xs) assert.ok(x <= 2);
});

test("probs are copied and frozen", () => {
  const input = [0.5, 0.5];
  const d = categorical(input);
  input[0] = 0.9;
  assert.equal(d.params.probs, [0.5, 0.5]);
  assert.ok(Object.isFrozen(d.params.probs));
  assert.is(d.family, "categorical");
  assert.equal(categorical(new Float64Array([0.25, 0.75])).params.probs, [0.25, 0.75]);
});

test("invalid probability vectors throw RangeError naming the family and the value", () => {
  assert.throws(
    () => categorical([]),
    (e: Error) => e instanceof RangeError && /categorical: probs is empty/.test(e.message),
  );
  assert.throws(
    () => categorical([0.5, 0.6]),
    (e: Error) =>
      e instanceof RangeError && e.message === "categorical: probs sum to 1.1, must sum to 1",
  );
  assert.throws(
    () => categorical([1.5, -0.5]),
    (e: Error) => e.message === "categorical: probs[1] = -0.5 is negative",
  );
  assert.throws(() => categorical([NaN, 1]), /categorical: probs\[0\] = NaN/);
  assert.throws(() => categorical([Infinity]), /categorical: probs\[0\] = Infinity/);
});

test("NaN arguments, bad n, bad rng and bad base throw", () => {
  const d = categorical([1]);
  assert.throws(() => d.logProb(NaN), /categorical.logProb: x = NaN/);
  assert.throws(() => d.prob(NaN), /categorical.prob: x = NaN/);
  assert.throws(() => d.sample(-1, createRng(1)), /categorical.sample: n = -1/);
  assert.throws(() => d.sample(1, 5 as never), TypeError);
  assert.throws(() => d.entropy({ base: Infinity }), /categorical.entropy: base = Infinity/);
});

interface Far {
  offset: number;
  probs: number[];
  mean: number;
  variance: number;
}
const far = (
  JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as {
    categoricalFarFromZero: Far[];
  }
).categoricalFarFromZero;

test("variance does not cancel when the support sits far from 0 (masses at 1e7 and 1e7 + 1)", () => {
  // Σ j²p − mean² lost every digit here (1e14 − 1e14); the reference is 50-digit mpmath.
  for (const f of far) {
    const probs = new Float64Array(f.offset + f.probs.length);
    f.probs.forEach((p, j) => (probs[f.offset + j] = p));
    const d = categorical(probs);
    assert.ok(
      Math.abs(d.variance() - f.variance) <= 1e-12 * f.variance,
      `variance ${d.variance()} vs ${f.variance}`,
    );
    assert.ok(Math.abs(d.mean() - f.mean) <= 1e-15 * f.mean, `mean ${d.mean()} vs ${f.mean}`);
  }
});

test("the sum may miss 1 by 1e-9 per category (k · 1e-9, at least 1e-9), no more", () => {
  // k = 4: 3e-9 over is accepted, 5e-9 over is not
  assert.is(categorical([0.25, 0.25, 0.25, 0.25 + 3e-9]).params.probs.length, 4);
  assert.throws(
    () => categorical([0.25, 0.25, 0.25, 0.25 + 5e-9]),
    (e: Error) =>
      e instanceof RangeError &&
      /^categorical: probs sum to 1\.00000000[0-9]*, must sum to 1$/.test(e.message),
  );
  assert.is(categorical([0.25, 0.25, 0.25, 0.25 - 3e-9]).params.probs.length, 4);
  assert.throws(() => categorical([0.25, 0.25, 0.25, 0.25 - 5e-9]), RangeError);
  // k = 1: 1e-9 either way
  assert.is(categorical([1 + 0.9e-9]).params.probs.length, 1);
  assert.throws(() => categorical([1 + 1.1e-9]), RangeError);
  assert.throws(() => categorical([1 - 1.1e-9]), RangeError);
});

test("a sum exactly k · 1e-9 from 1 is accepted: the bound is inclusive", () => {
  // the first k whose k·1e-9 (as a double) is a multiple of 2^-53, so that 1 − k·1e-9 is exact
  // and |sum − 1| equals the bound to the bit (k = 27895 on IEEE doubles)
  let k = 1;
  while (!Number.isInteger(1e-9 * k * 2 ** 53) || Math.abs(1 - 1e-9 * k - 1) !== 1e-9 * k) k++;
  const probs = new Float64Array(k);
  probs[0] = 1 - 1e-9 * k;
  assert.is(categorical(probs).params.probs.length, k);
});

test("a probability that is not a number throws TypeError naming its index, never coerced", () => {
  assert.throws(
    () => categorical([0.5, "0.5" as never]),
    (e: Error) =>
      e instanceof TypeError && e.message === 'categorical: probs[1] = "0.5" is not a number',
  );
});

test("when the sum rounds below 1, a draw above it goes to the last category with mass, not to a trailing zero", () => {
  const at = (u: number): Rng => ({ seed: 0, next: () => u, normal: () => 0, int: () => 0 });
  // running sums 0.1, 0.30000000000000004, 0.999999999999…, the same: u = 1 − 2^-53 is above them all
  const d = categorical([0.1, 0.2, 0.7 - 1e-12, 0]);
  assert.equal(Array.from(d.sample(2, at(1 - 2 ** -53))), [2, 2]);
  const e = categorical([0.1, 0.2, 0.7 - 1e-12, 0, 0]);
  assert.equal(Array.from(e.sample(1, at(1 - 2 ** -53))), [2]);
});

test.run();
