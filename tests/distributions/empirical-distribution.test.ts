import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { empiricalDistribution } from "../../lib/src/distributions/empirical-distribution";
import { assertUlps } from "../helpers/numeric";

test("support is sorted and unique, counts count, probs = counts / m", () => {
  const e = empiricalDistribution([2, 1, 2, 3]);
  assert.equal(e.support, [1, 2, 3]);
  assert.equal(e.counts, [1, 2, 1]);
  assert.equal(e.probs, [0.25, 0.5, 0.25]);
  assert.is(e.m, 4);
});

test("each sample has mass 1/m, so a repeated value weighs more: p̂ is not uniform over the support", () => {
  const e = empiricalDistribution([5, 5, 5, 9]);
  assert.equal(e.probs, [0.75, 0.25]);
  assert.is(
    e.expectation((x) => x),
    6,
  ); // (5 + 5 + 5 + 9) / 4, not (5 + 9) / 2
});

test("expectation(f) = (1/m) Σ f(x_i) = Σ_v p̂(v) f(v) (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 60 }),
      (xs) => {
        const e = empiricalDistribution(xs);
        const f = (x: number): number => x * x - 3 * x + Math.sin(x);
        const direct = xs.reduce((s, x) => s + f(x), 0) / xs.length;
        const bySupport = e.support.reduce((s, v, j) => s + e.probs[j] * f(v), 0);
        const scale = Math.max(1, Math.abs(direct));
        return (
          Math.abs(e.expectation(f) - direct) <= 1e-12 * scale &&
          Math.abs(bySupport - direct) <= 1e-12 * scale
        );
      },
    ),
    { seed: 20240607, numRuns: 200 },
  );
});

test("probs sum to 1 and counts sum to m (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 100 }),
      (xs) => {
        const e = empiricalDistribution(xs);
        const total = e.counts.reduce((a, b) => a + b, 0);
        const p = e.probs.reduce((a, b) => a + b, 0);
        const sorted = e.support.every((v, j) => j === 0 || e.support[j - 1] < v);
        return total === xs.length && Math.abs(p - 1) < 1e-12 && sorted;
      },
    ),
    { seed: 7, numRuns: 200 },
  );
});

test("accepts a Float64Array, does not modify the input, and merges -0 with 0", () => {
  const xs = new Float64Array([3, -0, 0, 1]);
  const e = empiricalDistribution(xs);
  assert.equal(Array.from(xs), [3, -0, 0, 1]);
  assert.equal(e.support, [0, 1, 3]);
  assert.ok(Object.is(e.support[0], 0));
  assert.equal(e.counts, [2, 1, 1]);
  assert.ok(
    Object.isFrozen(e) &&
      Object.isFrozen(e.support) &&
      Object.isFrozen(e.probs) &&
      Object.isFrozen(e.counts),
  );
});

test("an empty sample, NaN or ±Infinity throws RangeError naming the index", () => {
  assert.throws(
    () => empiricalDistribution([]),
    (e: Error) =>
      e instanceof RangeError && e.message === "empiricalDistribution: samples is empty",
  );
  assert.throws(
    () => empiricalDistribution([1, NaN]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "empiricalDistribution: samples[1] = NaN is not a number",
  );
  assert.throws(() => empiricalDistribution([Infinity]), /samples\[0\] = Infinity/);
  assert.throws(() => empiricalDistribution([0, 1, -Infinity]), /samples\[2\] = -Infinity/);
});

test("expectation sums with compensation: [1, 1e100, 1, −1e100] averages to 0.5, where a plain loop gives 0", () => {
  // exact: (1 + 1 + 1e100 − 1e100) / 4 = 0.5
  assert.is(
    empiricalDistribution([1, 1e100, 1, -1e100]).expectation((x) => x),
    0.5,
  );
});

test("expectation of values whose sum overflows is their finite average (issue 18: overflow inside a finite answer)", () => {
  // mpmath: (2·1e308 − 1e307) / 3 = 6.3333…e307, and the mean of 1000 copies of 1.7e308 is 1.7e308
  assertUlps(
    empiricalDistribution([1e308, 1e308, -1e307]).expectation((x) => x),
    6.333333333333334e307,
    1,
  );
  assert.is(
    empiricalDistribution(new Array(1000).fill(1.7e308)).expectation((x) => x),
    1.7e308,
  );
  assert.is(
    empiricalDistribution([1, 2]).expectation((x) => (x === 1 ? Infinity : 1)),
    Infinity,
  );
  assert.ok(
    Number.isNaN(
      empiricalDistribution([1, 2]).expectation((x) => (x === 1 ? Infinity : -Infinity)),
    ),
  );
});

test("expectation throws TypeError when f is not a function", () => {
  assert.throws(() => empiricalDistribution([1]).expectation(3 as never), TypeError);
});

test("a sum held at ±1.8e308 while the compensation collects the rest is redone scaled: the finite mean is returned", () => {
  // exact (fractions): (−MAX − 9.5e291 − 9e291)/3 rounds to -5.992310449541053e+307; was -Infinity
  const e = empiricalDistribution([-1.7976931348623157e308, -9.5e291, -9e291]);
  assert.is(
    e.expectation((x) => x),
    -5.992310449541053e307,
  );
  const g = empiricalDistribution([1, 2, 3]);
  // mpmath: (MAX + 2·9.9e291)/3 = 5.992310449541054e+307, within the table's 4e-16 of (1/m) Σ |f|; was Infinity
  const v = g.expectation((x) => (x === 1 ? 1.7976931348623157e308 : 9.9e291));
  assert.ok(Math.abs(v - 5.992310449541054e307) / 5.992310449541054e307 < 4e-16, String(v));
});

test("expectation: what f returns must be a number, never coerced (TypeError naming f and the value)", () => {
  const e = empiricalDistribution([1, 2, 2]);
  for (const [v, shown] of [
    ["1", '"1"'],
    [null, "null"],
    [true, "true"],
    [[2], "[array of 1]"],
    [undefined, "undefined"],
    [1n, "1n"],
  ] as [unknown, string][]) {
    assert.throws(
      () => e.expectation(() => v as number),
      (err: Error) =>
        err instanceof TypeError &&
        err.message ===
          `empiricalDistribution.expectation: f(1) = ${shown} is not a number (the callback must return a number)`,
      shown,
    );
  }
  assert.throws(
    () => e.expectation(() => Symbol() as unknown as number),
    /f\(1\) = Symbol\(\) is not a number/,
  );
  assert.ok(Number.isNaN(e.expectation(() => NaN)));
});

test("expectation's compensation catches a small term lost either way: to a larger term after it, or in a larger sum before it", () => {
  // support 1 … 6, each once; f = 1, 1e300, 1e300, 1, −1e300, −1e300: exact sum 2, mean 1/3.
  // The first 1 is lost when 1e300 is added to it (the compensation must keep the *smaller* s),
  // the second when it is added to 2e300 (the smaller term): a plain or one-sided sum gives 0 or 1/6.
  const fs = [1, 1e300, 1e300, 1, -1e300, -1e300];
  const e = empiricalDistribution([1, 2, 3, 4, 5, 6]);
  assert.is(
    e.expectation((x) => fs[x - 1]),
    1 / 3,
  );
  // the same where the sum overflows (2 · 1.5e308) and is redone scaled by 2^-5: exact mean 1/3
  const big = [1, 1.5e308, 1.5e308, 1, -1.5e308, -1.5e308];
  assert.is(
    e.expectation((x) => big[x - 1]),
    1 / 3,
  );
});

test("expectation of a subnormal f is that subnormal: the scaled sum is only for an overflow", () => {
  // the mean of one value is the value; scaling 5e-324 by 2^-2 would round it to 0
  assert.is(
    empiricalDistribution([1]).expectation(() => 5e-324),
    5e-324,
  );
  assert.is(
    empiricalDistribution([1, 2]).expectation(() => -3e-320),
    -3e-320,
  );
});

test("f is called again for the scaled sum, and a non-number then is still a TypeError naming f(x)", () => {
  let calls = 0;
  const f = (): number => (++calls <= 2 ? 1.5e308 : ("1" as unknown as number));
  assert.throws(
    () => empiricalDistribution([1, 2]).expectation(f),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        'empiricalDistribution.expectation: f(1) = "1" is not a number (the callback must return a number)',
  );
  assert.is(calls, 3);
});

test("expectation with f not a function names f and the value", () => {
  assert.throws(
    () => empiricalDistribution([1]).expectation(3 as never),
    (e: Error) =>
      e instanceof TypeError && e.message.startsWith("empiricalDistribution.expectation: f = 3 "),
  );
});

test.run();
