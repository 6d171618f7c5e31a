import { test } from "uvu";
import * as assert from "uvu/assert";
import { bernoulli, createRng, exponential, gaussian, poisson } from "../../lib/src/distributions";
import { logLikelihood } from "../../lib/src/estimators";
import { likelihood } from "../../lib/src/estimators/likelihood";
import { assertRefusesNonNumbers } from "../helpers/entries";
import { assertRelClose } from "../helpers/numeric";

test("the likelihood is the plain product of the masses", () => {
  assert.is(likelihood(bernoulli(0.25), [1, 0, 0]), 0.25 * 0.75 * 0.75);
  assert.is(likelihood(gaussian(0, 1), [0]), 1 / Math.sqrt(2 * Math.PI));
});

test("for small samples it equals exp(logLikelihood)", () => {
  const d = exponential(1.3);
  const xs = d.sample(20, createRng(1));
  assert.ok(Math.abs(likelihood(d, xs) / Math.exp(logLikelihood(d, xs)) - 1) < 1e-12);
});

test("it underflows to exactly 0 at m = 2000 while the log-likelihood stays finite", () => {
  const d = gaussian(0, 1);
  const xs = d.sample(2000, createRng(2));
  assert.is(likelihood(d, xs), 0);
  const ll = logLikelihood(d, xs);
  assert.ok(Number.isFinite(ll) && ll < -2000);
  // …and then every θ looks equally (un)likely: the product cannot rank models any more
  assert.is(likelihood(gaussian(0.5, 1), xs), likelihood(gaussian(0, 1), xs));
});

test("it can overflow to Infinity when densities exceed 1", () => {
  assert.is(likelihood(gaussian(0, 1e-3), new Float64Array(300)), Infinity);
});

test("a value outside the support contributes a factor 0", () => {
  assert.is(likelihood(bernoulli(0.5), [1, 2]), 0);
});

test("an empty sample or a non-finite value throws RangeError naming the index", () => {
  assert.throws(
    () => likelihood(gaussian(0, 1), []),
    (e: Error) => e instanceof RangeError && e.message === "likelihood: xs is empty",
  );
  assert.throws(
    () => likelihood(gaussian(0, 1), [NaN]),
    (e: Error) =>
      e instanceof RangeError && e.message === "likelihood: xs[0] = NaN is not a number",
  );
  assert.throws(() => likelihood(gaussian(0, 1), [1, Infinity]), /xs\[1\] = Infinity/);
  assert.throws(() => likelihood(gaussian(0, 1), null as never), TypeError);
});

test("a density above the largest double times one that underflows gives 0 (exp Σ log p), not the NaN of Infinity · 0", () => {
  // gaussian(1e-300, 5e-324): p(μ) = 1e322 overflows, p(−1e-300) underflows; the product is e^(−huge) = 0
  assert.is(likelihood(gaussian(1e-300, 5e-324), [1e-300, -1e-300]), 0);
});

test("a model's prob must return a number >= 0: a string is a TypeError, a negative value a RangeError, both naming the call", () => {
  assert.throws(
    () => likelihood({ prob: () => "0.5" as unknown as number }, [1, 2]),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        'likelihood: dist.prob(1) = "0.5" is not a number (the callback must return a number)',
  );
  // two negative factors would multiply to a positive "likelihood" of 1
  assert.throws(
    () => likelihood({ prob: () => -1 }, [1, 2]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "likelihood: dist.prob(1) = -1 is not a probability or density (negative or NaN)",
  );
});

test("an entry that is not a number (a string, null, a boolean, a BigInt, undefined, an object) throws TypeError naming the index and the value", () => {
  assertRefusesNonNumbers("likelihood", 1, (x) => likelihood(gaussian(0, 1), [1, x] as never));
  // alone in the sample, where no other (valid) entry sends the loop to its rescan
  assertRefusesNonNumbers("likelihood", 0, (x) => likelihood(gaussian(0, 1), [x] as never));
});

test("a model's prob that returns NaN is a RangeError naming the call (the NaN product sends it to the second pass, which checks each factor)", () => {
  const nanAt2 = { prob: (x: number) => (x === 2 ? NaN : 0.5) };
  for (const xs of [
    [1, 2],
    [2, 1],
  ])
    assert.throws(
      () => likelihood(nanAt2, xs),
      (e: Error) =>
        e instanceof RangeError &&
        e.message ===
          "likelihood: dist.prob(2) = NaN is not a probability or density (negative or NaN)",
    );
});

test("a model with prob only, whose factors are Infinity and 0, gives NaN: without log p the product is undetermined", () => {
  // Infinity · 0 has no value, and the model has no logProb to say how large each factor really is
  const model = { prob: (x: number) => (x === 0 ? Infinity : x === 1 ? 0 : 0.5) };
  assert.ok(Number.isNaN(likelihood(model, [0, 1, 2])));
  assert.ok(Number.isNaN(likelihood(model, [2, 1, 0])));
});

test("the likelihood is the product of dist.prob(xᵢ) taken in order, bit for bit, not exp Σ log p (seeded)", () => {
  const rng = createRng(77);
  const d = gaussian(0.4, 1.3);
  for (let t = 0; t < 20; t++) {
    const xs = d.sample(5 + t, rng);
    let product = 1;
    for (const x of xs) product *= d.prob(x);
    assert.is(likelihood(d, xs), product);
  }
});

test("a model without prob is a TypeError naming likelihood and dist", () => {
  assert.throws(
    () => likelihood({ logProb: () => 0 } as never, [1]),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "likelihood: dist = [object] is not a distribution (it needs a prob(x) method)",
  );
});

test("a density that overflows times one that underflows gives the product of the exact densities, exp Σ log p(xᵢ), not 0", () => {
  // gaussian(0, 2^-1030): p(0) = e^713.02 overflows, p(x) = e^-749.84 underflows (prob gives 0), and
  // their product e^-36.82 is a plain double. mpmath at 50 digits: with s = 2^-1030,
  // logpdf(v) = -log(s) - log(2π)/2 - (v/s)²/2; exp(logpdf(0) + logpdf(4.701337695572445e-309)) =
  // 1.0228842929798253213649466188192822160880578020682e-16. Each log density is within an ulp of
  // its ~730, so the product is good to about (713 + 750)·2⁻⁵² ≈ 3.2e-13 relative (1.0e-13 measured;
  // the accuracy table's likelihood row measures the same class on seeded cases).
  const x = 4.701337695572445e-309;
  assertRelClose(
    likelihood(gaussian(0, 2 ** -1030), [0, x]),
    1.0228842929798253e-16,
    (713 + 750) * 2 ** -52,
  );
});

test("a partial product that underflows or overflows, and later factors bring back, is still the exact product", () => {
  // a model whose density at i is factors[i]; powers of two, so the exact product is a double: the
  // plain product gave 0 and Infinity
  const product = (factors: number[]) =>
    likelihood(
      { prob: (i: number) => factors[i] },
      factors.map((_, i) => i),
    );
  assert.is(product([2 ** -600, 2 ** -600, 2 ** 700, 2 ** 600]), 2 ** 100);
  assert.is(product([2 ** 600, 2 ** 600, 2 ** -700, 2 ** -400]), 2 ** 100);
  // a subnormal exact product is returned exactly (the last scaling step is exact), and one below
  // half the smallest subnormal or above the largest double is 0 or Infinity
  assert.is(product([2 ** -600, 2 ** -600, 2 ** 170]), 2 ** -1030);
  assert.is(product([2 ** -600, 2 ** -600, 2 ** 124]), 0);
  assert.is(product([2 ** 600, 2 ** 600, 2 ** -176]), Infinity);
  // a partial product that passes through the subnormals loses bits there: (1 + 2⁻⁵⁰)·2⁻¹⁰⁵⁰ keeps
  // 24 of them, so the plain product of these three was 1, not 1 + 2⁻⁵⁰
  assert.is(product([2 ** -600, (1 + 2 ** -50) * 2 ** -450, 2 ** 1000]), (1 + 2 ** -50) * 2 ** -50);
});

test("a density that is subnormal as a double is taken from logProb, so it loses none of its bits", () => {
  // p(x) = e^x: p(-720) = 2^-1038.7 is subnormal (about 36 of 53 bits); times p(700) it is e^-20,
  // whose plain product was off by up to 2^-37 relative. mpmath: exp(-20) =
  // 2.0611536224385578279659403801558209763758072755991e-9. The result's roundings: exp(700) and
  // exp of logProb(-720)'s remainder (an ulp each), two products: 4 ulps of e^-20 at most.
  const expModel = { prob: (x: number) => Math.exp(x), logProb: (x: number) => x };
  assertRelClose(likelihood(expModel, [-720, 700]), 2.0611536224385578e-9, 4 * 2 ** -53);
  assertRelClose(likelihood(expModel, [700, -720]), 2.0611536224385578e-9, 4 * 2 ** -53);
});

test("a mass whose log is astronomically negative is a factor 0, not a reduction gone wrong (Poisson(1e300) far in its tail)", () => {
  // poisson(1e300).prob(1.38e300) = 0 and its logProb is -6.5e298: 2^j with j = -9.4e298 (the
  // accuracy fixtures' case; it gave Infinity while the reduction l − j·ln 2 was taken at any j)
  assert.is(likelihood(poisson(1e300), [1.3831313581167672e300]), 0);
  assert.is(likelihood(poisson(1e300), [1e300, 1.3831313581167672e300]), 0);
  const model = { prob: (x: number) => (x ? 0 : 2), logProb: (x: number) => (x ? -1e7 : Math.LN2) };
  assert.is(likelihood(model, [0, 1, 0]), 0);
});

test("where a factor is beyond the double range, the rescaled product's logProb must return a number: a TypeError naming the call", () => {
  const model = { prob: (x: number) => (x === 0 ? 0 : 0.5), logProb: () => "-800" };
  assert.throws(
    () => likelihood(model as never, [1, 0]),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        'likelihood: dist.logProb(0) = "-800" is not a number (the callback must return a number)',
  );
  // a logProb of -Infinity (outside the support) is a factor 0
  assert.is(
    likelihood(
      {
        prob: (x: number) => (x ? 0.5 : 0),
        logProb: (x: number) => (x ? Math.log(0.5) : -Infinity),
      },
      [1, 0],
    ),
    0,
  );
});

test("a factor with |log p| above 2^21·ln 2 keeps its e^r: 2000 factors of e^743 or e^709.8 bring the product back (ref6 lik2)", () => {
  // references: mpmath at 50 digits on the exact doubles (/work/notes/ref6/lik2.py); before the fix
  // 8.935014284191542e+197 (24 % off) and 8589934591.998039 (15 % off)
  const ys = new Float64Array(1967);
  ys[1966] = 8.45e-321; // z = 1710 exactly, last; the rest at the mean
  assertRelClose(
    likelihood(gaussian(0, 5e-324), ys),
    1.1706113462777031e198,
    1967 * 744 * 4 * 2 ** -52,
  );
  const xs = new Float64Array(2057);
  xs[0] = 8.121519583551286e-303; // rate·x = 1.46e6, first
  assertRelClose(
    likelihood(exponential(1.7976931348623157e308), xs),
    10146774318.690954,
    2057 * 710 * 4 * 2 ** -52,
  );
});

test.run();
