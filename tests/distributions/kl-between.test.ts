import { readFileSync } from "fs";
import { join } from "path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  categorical,
  exponential,
  gaussian,
  poisson,
} from "../../lib/src/distributions";
import type { Distribution } from "../../lib/src/distributions";
import { klBetween } from "../../lib/src/distributions/kl-between";
import { fisherInformation } from "../../lib/src/distributions/fisher-information";
import { assertRelClose, assertUlps } from "../helpers/numeric";

/** klBetween on a pair built at run time: its overloads only type-check statically known families. */
const klOf = klBetween as (a: Distribution, b: Distribution, opts?: { base?: number }) => number;

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py):
// scipy integrate.quad for the continuous pairs, special.rel_entr sums / stats.entropy for the discrete ones.
type P = Record<string, number | number[]>;
interface Fx {
  kl: { family: string; a: P; b: P; value: number }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;

function build(family: string, p: P): Distribution {
  switch (family) {
    case "bernoulli":
      return bernoulli(p.p as number);
    case "categorical":
      return categorical(p.probs as number[]);
    case "gaussian":
      return gaussian(p.mu as number, p.sigma as number);
    case "poisson":
      return poisson(p.lambda as number);
    default:
      return exponential(p.rate as number);
  }
}

test("the closed forms match scipy quadrature and sums to 5e-15 relative for all five families (0 exactly where scipy gives 0)", () => {
  // The bound is scipy's own error, not the library's: its Poisson sum for (10 ‖ 4) is 3.6e-15
  // relative off the mpmath value, while the closed form is within 2 ulps (next test, and tests/accuracy).
  const seen = new Set<string>();
  for (const c of fx.kl) {
    seen.add(c.family);
    const v = klOf(build(c.family, c.a), build(c.family, c.b));
    assertRelClose(
      v,
      c.value,
      5e-15,
      `${c.family} ${JSON.stringify(c.a)} ‖ ${JSON.stringify(c.b)}`,
    );
  }
  assert.is(seen.size, 5);
});

test("the Poisson closed form λ₁ log(λ₁/λ₂) − λ₁ + λ₂ is within 2 ulps of mpmath, where scipy's sum is 3.6e-15 relative off", () => {
  // mpmath (40 digits): 10 log 2.5 − 6 and 2 log(2/3) + 1, rounded to the nearest double
  assertUlps(klOf(poisson(10), poisson(4)), 3.1629073187415506, 2, "Poisson(10 ‖ 4)");
  assertUlps(klOf(poisson(2), poisson(3)), 0.18906978378367123, 2, "Poisson(2 ‖ 3)");
});

test("KL(Bern(0.5) ‖ Bern(0.25)) by hand: ½ log 2 + ½ log(2/3)", () => {
  const byHand = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
  assert.ok(Math.abs(klBetween(bernoulli(0.5), bernoulli(0.25)) - byHand) < 1e-15);
  assert.ok(
    Math.abs(klBetween(bernoulli(0.5), bernoulli(0.25), { base: 2 }) - byHand / Math.LN2) < 1e-15,
  );
});

test("mass where the reference has none gives Infinity; 0 · log 0 = 0 the other way round", () => {
  assert.is(klBetween(bernoulli(0.5), bernoulli(0)), Infinity);
  assert.is(klBetween(bernoulli(0), bernoulli(0.5)), Math.log(2));
  assert.is(klBetween(poisson(1), poisson(0)), Infinity);
  assert.is(klBetween(poisson(0), poisson(2)), 2);
  assert.is(klBetween(poisson(0), poisson(0)), 0);
  assert.is(klBetween(categorical([0.5, 0.5, 0]), categorical([0.5, 0, 0.5])), Infinity);
});

const arbPair = fc.oneof(
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.001, max: 0.999, noNaN: true }),
    )
    .map(([p, q]) => [bernoulli(p), bernoulli(q)]),
  fc
    .tuple(
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0.01, max: 20, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      fc.double({ min: 0.01, max: 20, noNaN: true }),
    )
    .map(([m1, s1, m2, s2]) => [gaussian(m1, s1), gaussian(m2, s2)]),
  fc
    .tuple(
      fc.double({ min: 0, max: 1e4, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
    )
    .map(([a, b]) => [poisson(a), poisson(b)]),
  fc
    .tuple(
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
      fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    )
    .map(([a, b]) => [exponential(a), exponential(b)]),
) as fc.Arbitrary<[Distribution, Distribution]>;

test("KL ≥ 0 for every same-family pair, and KL(a ‖ a) = 0 (Gibbs; property, seeded)", () => {
  fc.assert(
    fc.property(arbPair, ([a, b]) => klOf(a, b) >= 0 && klOf(a, a) === 0 && klOf(b, b) === 0),
    { seed: 42, numRuns: 300 },
  );
});

test("KL is not symmetric", () => {
  assert.ok(
    Math.abs(
      klBetween(gaussian(0, 1), gaussian(0, 2)) - klBetween(gaussian(0, 2), gaussian(0, 1)),
    ) > 0.1,
  );
});

test("a pair of different families throws TypeError naming both", () => {
  assert.throws(
    // @ts-expect-error the types accept only two distributions of the same family
    () => klBetween(gaussian(0, 1), exponential(1)),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "klBetween: no closed form for gaussian ‖ exponential (use klMonteCarlo)",
  );
  // @ts-expect-error as above
  assert.throws(() => klBetween(poisson(1), bernoulli(0.5)), /poisson ‖ bernoulli/);
});

test("categoricals with different numbers of categories throw RangeError", () => {
  assert.throws(
    () => klBetween(categorical([0.5, 0.5]), categorical([0.2, 0.3, 0.5])),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "klBetween: categorical with 2 categories vs categorical with 3 categories",
  );
});

test("an invalid base throws RangeError", () => {
  assert.throws(
    () => klBetween(gaussian(0, 1), gaussian(0, 1), { base: 1 }),
    /klBetween: base = 1/,
  );
});

interface Precise {
  family: string;
  a: P;
  b: P;
  value: number | null;
  call: string;
}
const precise = (
  JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as {
    klBetweenPrecise: Precise[];
  }
).klBetweenPrecise;

test("klBetween is within 1e-12 relative of 50-digit mpmath for nearly equal and for extreme parameters", () => {
  // Nearly equal: σ ratio 1 + 1e-6, Δμ = 1e-7, Poisson/exponential rate ratio 1 + 1e-6,
  // Bernoulli(1e-20 ‖ 1e-10). Extreme: σ = 1e±200, Poisson(1e-300 ‖ 1e300) (which used to give 0),
  // rates 5e-324. A null reference is a true value beyond the double range: Infinity.
  const failures: string[] = [];
  for (const f of precise) {
    const got = klOf(build(f.family, f.a), build(f.family, f.b) as never);
    const want = f.value === null ? Infinity : f.value;
    const err = got === want ? 0 : Math.abs(got - want) / Math.abs(want);
    if (!(err <= 1e-12))
      failures.push(
        `${f.family} ${JSON.stringify(f.a)} ‖ ${JSON.stringify(f.b)}: ${got} vs ${want} (${err})`,
      );
  }
  assert.equal(failures, []);
});

test("klBetween refuses a look-alike with a family tag (a forged categorical or a Bernoulli with p = 2) with a TypeError naming itself", () => {
  const fake = { family: "categorical", params: { probs: [0.5, "0.5"] } } as never;
  assert.throws(
    () => klBetween(fake, categorical([0.5, 0.5]) as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith(
        'klBetween: a = [object] has family "categorical" but was not made by categorical(…)',
      ),
  );
  // the forged Bernoulli of issue 18: its p = 2 once gave KL = 0 (NaN clamped); now it never reaches the formula
  const forged = { ...bernoulli(0.5), params: { p: 2 } } as never;
  assert.throws(
    () => klBetween(forged, bernoulli(0.5)),
    (e: Error) => e instanceof TypeError && /was not made by bernoulli/.test(e.message),
  );
  assert.throws(
    () => fisherInformation(forged),
    (e: Error) =>
      e instanceof TypeError &&
      /fisherInformation: dist = \[object\] has family "bernoulli"/.test(e.message),
  );
});

test("klBetween of two categoricals of different lengths is a RangeError under klBetween's name", () => {
  assert.throws(
    () => klBetween(categorical([0.5, 0.5]), categorical([0.2, 0.3, 0.5])),
    (e: Error) =>
      e instanceof RangeError && e.message.startsWith("klBetween: categorical with 2 categories"),
  );
});

test("klBetween and fisherInformation on an unknown family throw TypeError instead of returning undefined", () => {
  const beta = { family: "beta", params: { a: 1, b: 2 } } as never;
  assert.throws(
    () => klBetween(beta, beta),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith('klBetween: a.family = "beta" is not a family this library knows'),
  );
  assert.throws(
    () => klBetween(null as never, gaussian(0, 1) as never),
    (e: Error) =>
      e instanceof TypeError && e.message.startsWith("klBetween: a = null is not a distribution"),
  );
  assert.throws(
    () => fisherInformation(beta),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith(
        'fisherInformation: dist.family = "beta" is not a family this library knows',
      ),
  );
});

test.run();
