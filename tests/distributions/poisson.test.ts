import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng } from "../../lib/src/distributions/create-rng";
import { poisson } from "../../lib/src/distributions/poisson";
import { assertUlps, relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, scipy).
interface Fx {
  logProb: { family: string; params: { lambda: number }; x: number; value: number }[];
  entropy: { family: string; params: { lambda: number }; value: number }[];
  moments: { family: string; params: { lambda: number }; mean: number; variance: number }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, rel = 1e-12): boolean => relClose(a, b, rel);

test("logProb matches scipy stats.poisson.logpmf, far into both tails", () => {
  const cases = fx.logProb.filter((c) => c.family === "poisson");
  assert.ok(cases.length > 0);
  for (const c of cases)
    assert.ok(
      close(poisson(c.params.lambda).logProb(c.x), c.value),
      `lambda ${c.params.lambda}, k ${c.x}`,
    );
});

test("non-integers and negatives have probability 0", () => {
  const d = poisson(3);
  for (const x of [-1, 2.5, Infinity]) {
    assert.is(d.logProb(x), -Infinity);
    assert.is(d.prob(x), 0);
  }
});

test("entropy matches scipy for small rates and a 40-digit sum for large ones (series above 1000)", () => {
  for (const c of fx.entropy.filter((c) => c.family === "poisson")) {
    assert.ok(
      close(poisson(c.params.lambda).entropy(), c.value, 1e-12),
      `lambda ${c.params.lambda}`,
    );
  }
});

test("the entropy is continuous where it switches from the sum to the series", () => {
  assert.ok(close(poisson(1000).entropy(), poisson(1000 * (1 + 1e-12)).entropy(), 1e-12));
});

test("mean and variance are lambda", () => {
  for (const c of fx.moments.filter((c) => c.family === "poisson")) {
    const d = poisson(c.params.lambda);
    assert.is(d.mean(), c.mean);
    assert.is(d.variance(), c.variance);
  }
});

test("lambda = 0 is the point mass at 0", () => {
  const d = poisson(0);
  assert.is(d.prob(0), 1);
  assert.is(d.logProb(1), -Infinity);
  assert.is(d.entropy(), 0);
  assert.equal(Array.from(d.sample(3, createRng(1))), [0, 0, 0]);
});

for (const lambda of [0.3, 4, 9.99, 10, 55, 3000]) {
  test(`sample moments at lambda = ${lambda} are within 4 standard errors (seeded; inversion below 10, PTRS from 10)`, () => {
    const n = 100_000;
    const xs = poisson(lambda).sample(n, createRng(15));
    let s = 0;
    for (const x of xs) {
      assert.ok(Number.isInteger(x) && x >= 0);
      s += x;
    }
    const mean = s / n;
    let s2 = 0;
    for (const x of xs) s2 += (x - mean) ** 2;
    const variance = s2 / n;
    assert.ok(Math.abs(mean - lambda) < 4 * Math.sqrt(lambda / n), `mean ${mean}`);
    // central moment μ4 = λ(1 + 3λ), so Var(s²) ≈ (λ + 3λ² − λ²) / n
    assert.ok(
      Math.abs(variance - lambda) < 4 * Math.sqrt((lambda + 2 * lambda * lambda) / n),
      `variance ${variance}`,
    );
  });
}

test("sampled frequencies of 0..8 at lambda = 12 match the pmf within 4 standard errors (PTRS shape)", () => {
  const lambda = 12;
  const n = 200_000;
  const d = poisson(lambda);
  const xs = d.sample(n, createRng(16));
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  for (let k = 4; k <= 22; k++) {
    const p = d.prob(k);
    assert.ok(
      Math.abs((counts.get(k) ?? 0) / n - p) < 4 * Math.sqrt((p * (1 - p)) / n),
      `k = ${k}`,
    );
  }
});

test("invalid rates throw RangeError naming the family and the value", () => {
  assert.throws(
    () => poisson(-1),
    (e: Error) =>
      e instanceof RangeError && e.message === "poisson: lambda = -1 must be finite and >= 0",
  );
  assert.throws(() => poisson(NaN), /poisson: lambda = NaN/);
  assert.throws(() => poisson(Infinity), /poisson: lambda = Infinity/);
});

test("NaN arguments, bad n, bad rng and bad base throw", () => {
  const d = poisson(2);
  assert.throws(() => d.logProb(NaN), /poisson.logProb: x = NaN/);
  assert.throws(() => d.prob(NaN), /poisson.prob: x = NaN/);
  assert.throws(() => d.sample(NaN, createRng(1)), /poisson.sample: n = NaN/);
  assert.throws(() => d.sample(1, {} as never), TypeError);
  assert.throws(() => d.entropy({ base: -1 }), /poisson.entropy: base = -1/);
});

test("the object names its family and frozen params", () => {
  const d = poisson(2);
  assert.is(d.family, "poisson");
  assert.equal(d.params, { lambda: 2 });
  assert.ok(Object.isFrozen(d.params));
});

test("logProb near the mode of a huge rate keeps its digits (−bd0 − ½ log 2πk − δ(k), no cancelling k log λ − λ − log k!)", () => {
  // mpmath (60 digits): log P(1e10; 1e10) = -12.431863998183234; the textbook form loses 11 digits
  assertUlps(poisson(1e10).logProb(1e10), -12.431863998183234, 2);
  assertUlps(poisson(1e300).logProb(1e300), -346.30670248231155, 2); // mpmath at 400 digits
});

test("the inversion sampler's rare tail stops where the rounded cdf stops moving, not where pₖ underflows (issue 18)", () => {
  const top = { seed: 0, next: () => 1 - 2 ** -53, normal: () => 0, int: () => 0 }; // the largest uniform draw
  // P(X ≥ 47) for λ = 9.99 is about 1e-16, the mass a u of 1 − 2^-53 stands for; it returned 304
  assert.ok(poisson(9.99).sample(1, top)[0] <= 50);
  assert.ok(poisson(0.5).sample(1, top)[0] <= 20);
});

test("sample(n) with an n too large to allocate names the method and n, not the engine's 'Invalid typed array length'", () => {
  assert.throws(
    () => poisson(1).sample(2 ** 40, createRng(1)),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "poisson.sample: n = 1099511627776 is too large: more than 4294967295 entries",
  );
});

test("entropy where 2πeλ overflows (λ above 1.05e307) is ½ ln(2πeλ) − 1/(12λ) …, not Infinity (issue 18)", () => {
  // mpmath (720 digits) of the asymptotic series, first omitted term below 1e-75 here
  assertUlps(poisson(1.7e308).entropy(), 356.2823569798188, 1);
  assertUlps(poisson(1.1e307).entropy(), 354.9134053976928, 1);
});

test.run();
