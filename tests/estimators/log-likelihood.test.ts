import { averageLogLikelihood } from "../../lib/src/estimators/average-log-likelihood";
import { negativeLogLikelihood } from "../../lib/src/estimators/negative-log-likelihood";
import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  beta,
  categorical,
  exponential,
  gaussian,
  poisson,
} from "../../lib/src/distributions";
import type { Distribution } from "../../lib/src/distributions";
import { logLikelihood } from "../../lib/src/estimators/log-likelihood";
import { assertRelClose, assertUlps } from "../helpers/numeric";
import { assertRefusesNonNumbers } from "../helpers/entries";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py):
// stats.<family>.logpdf/logpmf(xs, ...).sum() on seeded numpy samples.
type P = Record<string, number | number[]>;
interface Fx {
  logLikelihood: { family: string; params: P; xs: number[]; value: number; call: string }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;

function build(family: string, p: P): Distribution {
  if (family === "bernoulli") return bernoulli(p.p as number);
  if (family === "categorical") return categorical(p.probs as number[]);
  if (family === "gaussian") return gaussian(p.mu as number, p.sigma as number);
  if (family === "poisson") return poisson(p.lambda as number);
  return exponential(p.rate as number);
}

test("the specialised sums match scipy for all five families, on arrays and Float64Arrays", () => {
  assert.is(fx.logLikelihood.length, 5);
  for (const c of fx.logLikelihood) {
    const d = build(c.family, c.params);
    for (const xs of [c.xs, new Float64Array(c.xs)]) {
      const v = logLikelihood(d, xs);
      assert.ok(
        Math.abs(v - c.value) <= 1e-12 * Math.abs(c.value),
        `${c.call}: ${v} vs ${c.value}`,
      );
    }
  }
});

test("the specialised sums equal Σ logProb(x_i)", () => {
  for (const c of fx.logLikelihood) {
    const d = build(c.family, c.params);
    const direct = c.xs.reduce((s, x) => s + d.logProb(x), 0);
    assert.ok(Math.abs(logLikelihood(d, c.xs) - direct) <= 1e-12 * Math.abs(direct), c.family);
  }
});

test("Poisson counts beyond the log-factorial table (≥ 1024) are summed correctly", () => {
  const d = poisson(2000);
  const xs = [1990, 2013, 1024, 1023];
  const direct = xs.reduce((s, x) => s + d.logProb(x), 0);
  assert.ok(Math.abs(logLikelihood(d, xs) - direct) <= 1e-12 * Math.abs(direct));
});

test("a finite value outside the support gives -Infinity (probability 0)", () => {
  assert.is(logLikelihood(bernoulli(0.5), [0, 1, 0.5]), -Infinity);
  assert.is(logLikelihood(categorical([0.5, 0.5]), [0, 2]), -Infinity);
  assert.is(logLikelihood(poisson(2), [0, 2.5]), -Infinity);
  assert.is(logLikelihood(poisson(2), [-1]), -Infinity);
  assert.is(logLikelihood(exponential(1), [1, -0.1]), -Infinity);
});

test("0 · log 0 = 0 at the degenerate parameters, and mass at an impossible outcome is -Infinity", () => {
  assert.is(logLikelihood(bernoulli(0), [0, 0]), 0);
  assert.is(logLikelihood(bernoulli(1), [1, 0]), -Infinity);
  assert.is(logLikelihood(poisson(0), [0, 0]), 0);
  assert.is(logLikelihood(poisson(0), [0, 1]), -Infinity);
  assert.is(logLikelihood(categorical([1, 0]), [0, 0]), 0);
  assert.is(logLikelihood(categorical([1, 0]), [1]), -Infinity);
});

test("Gaussian data so far apart that the sum of squares overflows give -Infinity, not an error", () => {
  assert.is(logLikelihood(gaussian(0, 1), [1e200, -1e200]), -Infinity);
});

test("NaN or ±Infinity throws RangeError naming the first offending index, for every family", () => {
  const ds = [bernoulli(0.5), categorical([0.5, 0.5]), gaussian(0, 1), poisson(1), exponential(1)];
  for (const d of ds) {
    assert.throws(
      () => logLikelihood(d, [0, 1, NaN, Infinity]),
      (e: Error) =>
        e instanceof RangeError && e.message === "logLikelihood: xs[2] = NaN is not a number",
      d.family,
    );
    assert.throws(() => logLikelihood(d, [Infinity]), /xs\[0\] = Infinity/, d.family);
    assert.throws(() => logLikelihood(d, [0, -Infinity]), /xs\[1\] = -Infinity/, d.family);
  }
});

test("an entry that is not a number (a BigInt, a Symbol, an object with valueOf, a string) throws the library's TypeError naming the caller, the index and the value, never the engine's message, for every family and a user's model", () => {
  // Math.floor(1n) and 1n >= 0 are fine for the engine until Math.floor, which throws its own
  // "Cannot convert a BigInt value to a number" (a Symbol throws at the comparison), naming neither
  // the function nor the entry: the Poisson and categorical sums did this until they tested the
  // type first. The helper also fails when an object's valueOf runs. The entry sits early (index 1)
  // and in the second block of 256 of a longer sample (index 300), for the three callers of the sum.
  const ds: (Distribution | { logProb: (x: number) => number })[] = [
    bernoulli(0.5),
    categorical([0.25, 0.25, 0.5]),
    gaussian(0, 1),
    poisson(1),
    exponential(1),
    beta(2, 2),
    { logProb: (x: number) => -x * x },
  ];
  const fns = { logLikelihood, averageLogLikelihood, negativeLogLikelihood };
  for (const d of ds)
    for (const [name, f] of Object.entries(fns)) {
      assertRefusesNonNumbers(name, 1, (x) => f(d, [0.5, x] as never));
      const long: unknown[] = new Array(600).fill(0);
      assertRefusesNonNumbers(name, 300, (x) => {
        long[300] = x;
        return f(d, long as never);
      });
    }
});

test("an empty sample throws RangeError, a non-array TypeError", () => {
  assert.throws(
    () => logLikelihood(gaussian(0, 1), []),
    (e: Error) => e instanceof RangeError && e.message === "logLikelihood: xs is empty",
  );
  assert.throws(() => logLikelihood(gaussian(0, 1), 5 as never), TypeError);
});

test("a user-made model with a logProb method works through the generic loop", () => {
  const uniform = {
    family: "uniform01",
    logProb: (x: number) => (x >= 0 && x <= 1 ? 0 : -Infinity),
  } as unknown as Distribution;
  assert.is(logLikelihood(uniform, [0.2, 0.9]), 0);
  assert.is(logLikelihood(uniform, [0.2, 1.9]), -Infinity);
  assert.throws(() => logLikelihood(uniform, [NaN]), /xs\[0\] = NaN/);
  assert.throws(
    () => logLikelihood({ family: "x" } as unknown as Distribution, [1]),
    (e: Error) => e instanceof TypeError && /logProb/.test(e.message),
  );
});

test("logLikelihood accepts a user-defined model with logProb (by its types and at run time)", () => {
  // a Laplace(0, 1) model the library does not have: log p(x) = -|x| - log 2
  const laplace = { logProb: (x: number) => -Math.abs(x) - Math.LN2 };
  assert.is(logLikelihood(laplace, [1, -2]), -3 - 2 * Math.LN2);
  assert.throws(
    () => logLikelihood({} as never, [1]),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "logLikelihood: dist = [object] is not a distribution (it needs a logProb(x) method)",
  );
});

test("dispatch is on identity: an object that copies a family tag but has its own logProb is summed through that logProb", () => {
  const own = { ...gaussian(0, 1), logProb: () => -1 }; // a copy: family "gaussian", params, another logProb
  assert.is(logLikelihood(own, [0, 1, 2]), -3);
  // nor does a copy that carries every key of the original, its symbol-keyed mark included, or one
  // that inherits them: each is summed through its own logProb
  const real = gaussian(0, 1);
  const carried = Object.assign({}, real, { logProb: () => -1 });
  for (const k of Object.getOwnPropertySymbols(real))
    Object.defineProperty(carried, k, Object.getOwnPropertyDescriptor(real, k)!);
  assert.ok(Object.getOwnPropertySymbols(carried).length > 0, "the mark was carried over");
  const inherited = Object.create(real, { logProb: { value: () => -1 } });
  for (const d of [carried, inherited]) assert.is(logLikelihood(d, [0, 1, 2]), -3);
  // the library's own object keeps its closed form (−½Σx² − (3/2) log 2π)
  assertUlps(logLikelihood(gaussian(0, 1), [0, 1, 2]), -2.5 - 1.5 * Math.log(2 * Math.PI), 2);
});

test("the closed forms do not overflow where the sum of logProb is finite: Σx, x − μ and Σz² are rescaled (issue 18)", () => {
  // exponential(1e-308) on two values 1e308: Σx overflows; mpmath gives -1420.3924172843322
  assertUlps(logLikelihood(exponential(1e-308), [1e308, 1e308]), -1420.3924172843322, 2);
  // gaussian(−1e308, 1e300) at 1e308: x − μ overflows, z = 2e8; mpmath -2.0000000000000692e+16
  assertRelClose(logLikelihood(gaussian(-1e308, 1e300), [1e308]), -2.0000000000000692e16, 1e-15);
  // Σz² = 2e308 overflows while ½Σz² does not: mpmath -1e308 (it was -Infinity)
  assertRelClose(logLikelihood(gaussian(0, 1), [1e154, -1e154]), -1e308, 1e-15);
  // and a sum of squares that really exceeds the range is −Infinity, not NaN
  assert.is(logLikelihood(gaussian(0, 1e-300), [1e300]), -Infinity);
});

test("a Poisson log-likelihood near the mode of a huge rate keeps its digits (the precise pass sums Loader's terms)", () => {
  // mpmath (400 digits): 2·log P(1e10; 1e10) = -24.863727996366468
  assertUlps(logLikelihood(poisson(1e10), [1e10, 1e10]), -24.863727996366468, 4);
});

test("the exponential closed form's Σx is blocked, not a plain sum: 1e6 entries 0.1 are within 1e-15 of −1e5·0.1", () => {
  // mpmath: -10**6 * mpf(0.1) = -100000.0000000000055511… (a plain Σx gave -100000.00000133288, 1.3e-11)
  const xs = new Float64Array(1e6).fill(0.1);
  assertRelClose(logLikelihood(exponential(1), xs), -100000.0000000000055511151231257827, 1e-15);
});

test("the Poisson closed form sums counts past 2^53 exactly (1e5 counts 2^40 + 1)", () => {
  // mpmath (50 digits): 1e5·(x log λ − λ − lgamma(x + 1)), x = 2^40 + 1, λ = 2^30
  //   = -652279596192781785.697877…; the plain Σx, rounded once it passed 2^53, gave 3.2e-12 off
  const xs = new Float64Array(1e5).fill(2 ** 40 + 1);
  assertRelClose(
    logLikelihood(poisson(2 ** 30), xs),
    -652279596192781785.697877273539935878,
    1e-14,
  );
});

test("a model's logProb must return a number: a string, BigInt, null or Symbol is a TypeError naming the caller and the value, never concatenated", () => {
  for (const [v, shown] of [
    ["1", '"1"'],
    [1n, "1n"],
    [null, "null"],
    [Symbol("s"), "Symbol(s)"],
  ] as [unknown, string][]) {
    const model = { logProb: () => v as number };
    for (const [fn, f] of [
      ["logLikelihood", logLikelihood],
      ["negativeLogLikelihood", negativeLogLikelihood],
      ["averageLogLikelihood", averageLogLikelihood],
    ] as const) {
      assert.throws(
        () => f(model, [1, 2]),
        (e: Error) =>
          e instanceof TypeError &&
          e.message ===
            `${fn}: dist.logProb(1) = ${shown} is not a number (the callback must return a number)`,
        `${fn} ${shown}`,
      );
    }
  }
  assert.is(logLikelihood({ logProb: () => -1 }, [1, 2]), -2);
});

test("averageLogLikelihood with xs = null or undefined names itself (no engine message)", () => {
  for (const xs of [null, undefined])
    assert.throws(
      () => averageLogLikelihood(gaussian(0, 1), xs as unknown as number[]),
      (e: Error) =>
        e instanceof TypeError &&
        e.message === `averageLogLikelihood: xs = ${xs} is not a number[] or Float64Array`,
    );
});

test.run();
