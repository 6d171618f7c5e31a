import { readFileSync } from "fs";
import { join } from "path";
import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  categorical,
  createRng,
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

test("klBetween names the argument it refuses, and lists the families it knows in full", () => {
  // a function carrying a family tag and params is not an object: refused as "not a distribution",
  // before the family is read (not as a look-alike of gaussian)
  const fn = Object.assign(() => 0, { family: "gaussian", params: { mu: 0, sigma: 1 } });
  assert.throws(
    () => klOf(fn as never, gaussian(0, 1)),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "klBetween: a = [function] is not a distribution from a family constructor (gaussian, poisson, …)",
  );
  // a family tag without params is "not a distribution", not "a look-alike of gaussian"
  assert.throws(
    () => klOf({ family: "gaussian" } as never, gaussian(0, 1)),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "klBetween: a = [object] is not a distribution from a family constructor (gaussian, poisson, …)",
  );
  assert.throws(
    () => klOf(gaussian(0, 1), null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "klBetween: b = null is not a distribution from a family constructor (gaussian, poisson, …)",
  );
  assert.throws(
    () => klOf({ family: "beta", params: {} } as never, gaussian(0, 1)),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        'klBetween: a.family = "beta" is not a family this library knows (bernoulli, categorical, gaussian, poisson, exponential)',
  );
});

test("Gaussian KL is the same double when every μ and σ is scaled by the same power of two (σ₂ brought to [1, 2) first), and exact-scale pairs near equality keep full precision", () => {
  // KL(N(μ₁, σ₁) ‖ N(μ₂, σ₂)) depends only on σ₁/σ₂ and (μ₁ − μ₂)/σ₂; scaling by 2^j is exact, so
  // the library's result must not move at all from j = −900 to 900 (no square of σ over- or underflows)
  const pairs: [number, number, number, number][] = [
    [0, 1.000001, 0, 1],
    [0.25, 1.5, -0.5, 1.25],
    [0, 0.75, 0, 1.75],
    [1, 1 + 2 ** -40, 1 - 2 ** -30, 1],
  ];
  for (const [m1, s1, m2, s2] of pairs) {
    const base = klOf(gaussian(m1, s1), gaussian(m2, s2));
    for (let j = -900; j <= 900; j += 60) {
      const c = 2 ** j;
      assert.is(
        klOf(gaussian(m1 * c, s1 * c), gaussian(m2 * c, s2 * c)),
        base,
        `N(${m1}, ${s1}) ‖ N(${m2}, ${s2}) scaled by 2^${j}`,
      );
    }
  }
  // σ ratio 1 + 1e-6 at σ₂ = 1e±200 (not powers of two). mpmath, 50 digits, from the exact doubles:
  // r = mpf(s1)/mpf(s2); 0.5*(r*r - 1 - 2*log(r)), s1 = 1e200*1.000001 resp. 1e-200*1.000001
  assertUlps(
    klOf(gaussian(0, 1e200 * 1.000001), gaussian(0, 1e200)),
    9.999996664421093e-13,
    4,
    "σ = 1e200",
  );
  assertUlps(
    klOf(gaussian(0, 1e-200 * 1.000001), gaussian(0, 1e-200)),
    9.99999666412373e-13,
    4,
    "σ = 1e-200",
  );
});

test("Gaussian KL takes (μ₁ − μ₂)/σ₂ with one rounding, and as μ₁/σ₂ − μ₂/σ₂ only where μ₁ − μ₂ overflows", () => {
  // ½((μ₁ − μ₂)/σ)² with equal σ. mpmath, 50 digits: 0.5*((mpf(1e308) - mpf(-1e308))/mpf(1e300))**2
  // = 19999999999999998.339 (nearest double 2e16); and (2^-52/3)²/2 = 2^-105/9 = 2.7391003653507354e-33
  assertUlps(klOf(gaussian(1e308, 1e300), gaussian(-1e308, 1e300)), 2e16, 1, "μ₁ − μ₂ = 2e308");
  assertUlps(
    klOf(gaussian(1, 3), gaussian(1 - 2 ** -52, 3)),
    2.7391003653507353e-33,
    2,
    "μ₁ − μ₂ = 2^-52 (μ₁/σ − μ₂/σ would lose it to cancellation)",
  );
});

test("exponential KL ρ − 1 − log ρ far from equality uses log ρ of the ratio itself wherever ρ is a normal double", () => {
  // rates 1e300 and 3e300: log r₂ − log r₁ would cancel 690 against 691 (about 5e-14 absolute).
  // mpmath, 50 digits: r = mpf(3e300)/mpf(1e300); r - 1 - log(r) = 0.90138771133189030860…
  assertUlps(
    klOf(exponential(1e300), exponential(3e300)),
    0.9013877113318903,
    2,
    "Exp(1e300 ‖ 3e300)",
  );
  // KL of two exponentials depends only on ρ = r₂/r₁: at ρ exactly 2^-1022 (the smallest normal,
  // the first ratio taken directly) every pair gives one double. mpmath: 2**-1022 - 1 + 1022*log(2)
  // = 707.39641853226410622…
  const want = klOf(exponential(1), exponential(2 ** -1022));
  assertUlps(want, 707.3964185322641, 1, "Exp(1 ‖ 2^-1022)");
  const rng = createRng(7);
  for (let i = 0; i < 200; i++) {
    const r1 = 1 + rng.next();
    const r2 = r1 * 2 ** -1022; // exact: only the exponent changes, and the product is normal
    assert.is(r2 / r1, 2 ** -1022);
    assert.is(klOf(exponential(r1), exponential(r2)), want, `Exp(${r1} ‖ ${r2})`);
  }
});

test("klBetween clamps a negative sum to 0: two categoricals whose sums differ within the tolerance (KL ≥ 0)", () => {
  // q sums to 1 + 1e-10 (accepted: the tolerance is 1e-9 per category), so Σ p log(p/q) is
  // 0.5·log(0.5/(0.5 + 1e-10)) ≈ −1e-10 < 0; the documented result is KL ≥ 0
  assert.is(klOf(categorical([0.5, 0.5]), categorical([0.5 + 1e-10, 0.5])), 0);
});

test("klBetween gives +0, never −0, for equal distributions whose terms sum to −0 (Poisson(0) against Poisson(−0); the mutation helper of stop 29)", () => {
  assert.ok(Object.is(klBetween(poisson(0), poisson(-0)), 0));
  assert.ok(Object.is(klBetween(poisson(-0), poisson(-0)), 0));
  assert.ok(Object.is(klBetween(poisson(-0), poisson(-0), { base: 2 }), 0));
});

test.run();
