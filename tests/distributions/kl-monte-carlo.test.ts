import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  categorical,
  createRng,
  exponential,
  gaussian,
  klBetween,
  poisson,
} from "../../lib/src/distributions";
import type { Distribution } from "../../lib/src/distributions";
import { klMonteCarlo } from "../../lib/src/distributions/kl-monte-carlo";

/** klBetween on a pair built at run time: its overloads only type-check statically known families. */
const klOf = klBetween as (a: Distribution, b: Distribution, opts?: { base?: number }) => number;

const pairs: [Distribution, Distribution][] = [
  [bernoulli(0.3), bernoulli(0.6)],
  [categorical([0.1, 0.2, 0.7]), categorical([0.3, 0.3, 0.4])],
  [gaussian(0, 1), gaussian(1, 2)],
  [gaussian(2, 0.5), gaussian(-1, 3)],
  [poisson(4), poisson(6.5)],
  [exponential(1), exponential(2.5)],
];

pairs.forEach(([a, b], i) => {
  test(`the Monte Carlo estimate of KL(${a.family} ‖ ${b.family}) #${i} is within 4 standard errors of klBetween (seeded)`, () => {
    const mc = klMonteCarlo(a, b, 50_000, createRng(100 + i));
    const exact = klOf(a, b);
    assert.ok(mc.standardError > 0);
    assert.ok(
      Math.abs(mc.estimate - exact) < 4 * mc.standardError,
      `${mc.estimate} ± ${mc.standardError} vs ${exact}`,
    );
  });
});

test("the standard error shrinks like 1/√n", () => {
  const a = gaussian(0, 1);
  const b = gaussian(1, 2);
  const small = klMonteCarlo(a, b, 10_000, createRng(1)).standardError;
  const large = klMonteCarlo(a, b, 160_000, createRng(1)).standardError;
  assert.ok(Math.abs(small / large - 4) < 0.4);
});

test("KL(a ‖ a) is estimated as exactly 0 with standard error 0", () => {
  assert.equal(klMonteCarlo(poisson(3), poisson(3), 1000, createRng(1)), {
    estimate: 0,
    standardError: 0,
  });
});

test("pairs without a closed form work too (Gaussian against Poisson support is fine for MC)", () => {
  const mc = klMonteCarlo(exponential(1), gaussian(1, 1), 20_000, createRng(5));
  assert.ok(Number.isFinite(mc.estimate) && mc.estimate > 0);
});

test("a draw that the reference gives probability 0 makes the estimate Infinity and the standard error NaN", () => {
  const mc = klMonteCarlo(gaussian(0, 1), exponential(1), 100, createRng(1));
  assert.is(mc.estimate, Infinity);
  assert.ok(Number.isNaN(mc.standardError));
  const first = klMonteCarlo(bernoulli(1), bernoulli(0), 10, createRng(1));
  assert.is(first.estimate, Infinity);
});

test("the same seed gives the same estimate", () => {
  assert.equal(
    klMonteCarlo(gaussian(0, 1), gaussian(1, 2), 500, createRng(9)),
    klMonteCarlo(gaussian(0, 1), gaussian(1, 2), 500, createRng(9)),
  );
});

test("n that is not an integer ≥ 2 throws RangeError", () => {
  for (const n of [1, 0, 2.5]) {
    assert.throws(
      () => klMonteCarlo(gaussian(0, 1), gaussian(1, 2), n, createRng(1)),
      (e: Error) =>
        e instanceof RangeError && e.message === `klMonteCarlo: n = ${n} must be an integer >= 2`,
    );
  }
  assert.throws(
    () => klMonteCarlo(gaussian(0, 1), gaussian(1, 2), NaN, createRng(1)),
    (e: Error) => e instanceof RangeError && e.message === "klMonteCarlo: n = NaN is not a number",
  );
});

test("what the models return is checked under klMonteCarlo's name: draws, log densities, and n above 2^32 − 1", () => {
  const g = gaussian(0, 1);
  const rng = createRng(1);
  assert.throws(
    () => klMonteCarlo(g, gaussian(1, 1), 2 ** 32, rng),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "klMonteCarlo: n = 4294967296 is too large: more than 4294967295 draws",
  );
  assert.throws(
    () =>
      klMonteCarlo({ sample: () => "ab" as unknown as Float64Array, logProb: () => 0 }, g, 2, rng),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === 'klMonteCarlo: a.sample(n) = "ab" is not an array of n = 2 draws',
  );
  assert.throws(
    () =>
      klMonteCarlo(
        { sample: () => ["a", "b"] as unknown as Float64Array, logProb: () => 0 },
        g,
        2,
        rng,
      ),
    (e: Error) =>
      e instanceof TypeError && e.message === 'klMonteCarlo: a.sample(n)[0] = "a" is not a number',
  );
  assert.throws(
    () => klMonteCarlo(g, { logProb: () => "1" as unknown as number }, 10, createRng(1)),
    (e: Error) =>
      e instanceof TypeError &&
      /^klMonteCarlo: b\.logProb\(-?[0-9.e-]+\) = "1" is not a number/.test(e.message),
  );
});

test.run();
