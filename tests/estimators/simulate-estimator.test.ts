import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  categorical,
  createRng,
  exponential,
  fisherInformation,
  gaussian,
  poisson,
} from "../../lib/src/distributions";
import { fitBernoulli, fitExponential, fitGaussian, fitPoisson } from "../../lib/src/estimators";
import { simulateEstimator } from "../../lib/src/estimators/simulate-estimator";

test("the MLE of sigma² is biased by −sigma²/m, within 4 standard errors (seeded)", () => {
  const m = 10;
  const trials = 20_000;
  const r = simulateEstimator(gaussian, [0, 2], fitGaussian, {
    m,
    trials,
    rng: createRng(61),
    select: (d) => d.variance(),
  });
  assert.is(r.truth, 4);
  const se = Math.sqrt(r.variance / trials);
  assert.ok(Math.abs(r.bias - -4 / m) < 4 * se, `bias ${r.bias} ± ${se}`);
});

test("dividing by m − 1 removes that bias (an estimator returning a distribution, reduced by select)", () => {
  const trials = 20_000;
  const r = simulateEstimator(gaussian, [0, 2], (xs) => fitGaussian(xs, { unbiased: true }), {
    m: 10,
    trials,
    rng: createRng(62),
    select: (d) => d.variance(),
  });
  assert.ok(Math.abs(r.bias) < 4 * Math.sqrt(r.variance / trials));
});

test("the Poisson MLE is unbiased and its variance attains the Cramér–Rao bound 1/(m·I)", () => {
  const m = 50;
  const trials = 20_000;
  const r = simulateEstimator(poisson, [3], fitPoisson, { m, trials, rng: createRng(63) });
  const bound = 1 / (m * fisherInformation(poisson(3)));
  assert.ok(Math.abs(r.bias) < 4 * Math.sqrt(r.variance / trials));
  // Var of a sample variance of (near-normal) estimates: ≈ 2 v² / trials
  assert.ok(
    Math.abs(r.variance - bound) < 4 * bound * Math.sqrt(2 / trials),
    `variance ${r.variance} vs ${bound}`,
  );
});

test("for a one-parameter family the scalar defaults to that parameter; a number-valued estimator is used as is", () => {
  const r = simulateEstimator(bernoulli, [0.3], fitBernoulli, {
    m: 20,
    trials: 100,
    rng: createRng(64),
  });
  assert.is(r.truth, 0.3);
  const median = simulateEstimator(
    exponential,
    [2],
    (xs) => Math.LN2 / Array.from(xs).sort((a, b) => a - b)[Math.floor(xs.length / 2)],
    { m: 21, trials: 100, rng: createRng(65) },
  );
  assert.is(median.truth, 2);
  assert.is(median.estimates.length, 100);
  assert.ok(
    simulateEstimator(exponential, [2], fitExponential, { m: 5, trials: 5000, rng: createRng(66) })
      .bias > 0,
  ); // E[r̂] = m/(m−1)·r
});

test("mse = bias² + variance, and the numbers come from the estimates", () => {
  const r = simulateEstimator(poisson, [2], fitPoisson, { m: 8, trials: 500, rng: createRng(67) });
  const mean = r.estimates.reduce((a, b) => a + b, 0) / r.estimates.length;
  assert.ok(Math.abs(r.bias - (mean - 2)) < 1e-12);
  assert.ok(Math.abs(r.mse - r.estimates.reduce((a, b) => a + (b - 2) ** 2, 0) / 500) < 1e-12);
  assert.ok(Math.abs(r.mse - (r.bias ** 2 + r.variance)) < 1e-12);
});

test("the same seed gives the same estimates", () => {
  const run = () =>
    simulateEstimator(poisson, [2], fitPoisson, { m: 8, trials: 50, rng: createRng(5) }).estimates;
  assert.equal(run(), run());
});

test("Gaussian and Categorical need select, else TypeError", () => {
  assert.throws(
    // @ts-expect-error the types require select for a multi-parameter family; JS callers get the TypeError
    () => simulateEstimator(gaussian, [0, 1], fitGaussian, { m: 5, trials: 10, rng: createRng(1) }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "simulateEstimator: gaussian has more than one parameter, pass opts.select to say which scalar to study",
  );
  assert.throws(
    () =>
      // @ts-expect-error as above, for Categorical
      simulateEstimator(categorical, [[0.5, 0.5]], () => 0, {
        m: 5,
        trials: 10,
        rng: createRng(1),
      }),
    /categorical has more than one parameter/,
  );
});

test("bad m, trials, estimator or family, and NaN estimates throw", () => {
  const rng = createRng(1);
  assert.throws(
    () => simulateEstimator(poisson, [1], fitPoisson, { m: 0, trials: 10, rng }),
    (e: Error) =>
      e instanceof RangeError && e.message === "simulateEstimator: m = 0 must be an integer >= 1",
  );
  assert.throws(
    () => simulateEstimator(poisson, [1], fitPoisson, { m: 5, trials: 1, rng }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "simulateEstimator: trials = 1 must be an integer >= 2",
  );
  assert.throws(
    () => simulateEstimator(poisson, [1], 3 as never, { m: 5, trials: 10, rng }),
    TypeError,
  );
  assert.throws(
    () =>
      simulateEstimator("poisson" as never, [1] as never, fitPoisson, {
        m: 5,
        trials: 10,
        rng,
      } as never),
    TypeError,
  );
  assert.throws(
    () => simulateEstimator(poisson, [1], () => NaN, { m: 5, trials: 10, rng }),
    (e: Error) =>
      e instanceof RangeError && e.message === "simulateEstimator: the estimate in trial 0 is NaN",
  );
  assert.throws(
    () => simulateEstimator(poisson, [-1], fitPoisson, { m: 5, trials: 10, rng }),
    /poisson: lambda = -1/,
  );
});

test("simulateEstimator without options, with null options or an unknown key throws TypeError naming the function", () => {
  const call = (opts: unknown) => () => simulateEstimator(poisson, [1], fitPoisson, opts as never);
  assert.throws(
    call(undefined),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith("simulateEstimator: options = undefined; pass { m, trials, rng }"),
  );
  assert.throws(
    call(null),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "simulateEstimator: options = null is not an options object",
  );
  assert.throws(
    call({ m: 5, trials: 10, rng: createRng(1), seed: 3 }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "simulateEstimator: options.seed = 3 is not an option (known: m, trials, rng, select)",
  );
  assert.throws(
    call({ m: "5", trials: 10, rng: createRng(1) }),
    (e: Error) =>
      e instanceof TypeError && e.message === 'simulateEstimator: m = "5" is not a number',
  );
  assert.throws(
    call({ m: 5, trials: 10, rng: { next: Math.random } }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith("simulateEstimator: rng = [object] is not an Rng"),
  );
});

test("simulateEstimator's types require select for Gaussian and Categorical only (checked by tsc -p . --noEmit)", () => {
  const rng = createRng(3);
  // compiles without select: one-parameter family
  const r = simulateEstimator(poisson, [2], fitPoisson, { m: 5, trials: 4, rng });
  // compiles with select, typed by the family: d is a Gaussian
  const g = simulateEstimator(gaussian, [0, 1], fitGaussian, {
    m: 5,
    trials: 4,
    rng,
    select: (d) => d.params.sigma,
  });
  assert.is(r.truth, 2);
  assert.is(g.truth, 1);
});

test("trueParams must fit the family, reported under simulateEstimator: its length, its values, a family that builds a distribution, an estimate that is a number", () => {
  const opts = { m: 5, trials: 3, rng: createRng(1) };
  const check = (f: () => unknown, cls: typeof Error, msg: string): void =>
    assert.throws(f, (e: Error) => e instanceof cls && e.message === msg, msg);
  check(
    () => simulateEstimator(poisson, [] as unknown as [number], fitPoisson, opts),
    RangeError,
    "simulateEstimator: trueParams has 0 entries, but family (poisson) takes 1",
  );
  check(
    () => simulateEstimator(poisson, [0.5, "x"] as unknown as [number], fitPoisson, opts),
    RangeError,
    "simulateEstimator: trueParams has 2 entries, but family (poisson) takes 1",
  );
  check(
    () => simulateEstimator(poisson, [-0.5], fitPoisson, opts),
    RangeError,
    "simulateEstimator: trueParams = [-0.5] is not valid for poisson: poisson: lambda = -0.5 must be finite and >= 0",
  );
  check(
    () => simulateEstimator(((x: number) => x) as unknown as typeof poisson, [2], fitPoisson, opts),
    TypeError,
    "simulateEstimator: family(...trueParams) = 2 is not a distribution with sample() (family must be a constructor such as gaussian)",
  );
  check(
    () => simulateEstimator(poisson, [2], (() => "1") as unknown as typeof fitPoisson, opts),
    TypeError,
    'simulateEstimator: estimator(xs) in trial 0 = "1" is not a number or a distribution',
  );
});

test("family, estimator and select that are not functions, trueParams that is not an array, and a select that returns no number throw TypeError naming the argument", () => {
  const opts = { m: 5, trials: 3, rng: createRng(1) };
  const check = (f: () => unknown, msg: string): void =>
    assert.throws(f, (e: Error) => e instanceof TypeError && e.message === msg, msg);
  check(
    () => simulateEstimator("poisson" as never, [1] as never, fitPoisson, opts as never),
    'simulateEstimator: family = "poisson" is not a function',
  );
  check(
    () => simulateEstimator(poisson, 2 as never, fitPoisson, opts),
    "simulateEstimator: trueParams = 2 is not an array of the constructor's arguments",
  );
  check(
    () => simulateEstimator(poisson, [2], 3 as never, opts),
    "simulateEstimator: estimator = 3 is not a function",
  );
  check(
    () => simulateEstimator(poisson, [2], fitPoisson, { ...opts, select: 3 as never }),
    "simulateEstimator: select = 3 is not a function",
  );
  check(
    () =>
      simulateEstimator(poisson, [2], fitPoisson, {
        ...opts,
        select: (() => "2") as unknown as (d: unknown) => number,
      }),
    'simulateEstimator: select(family(...trueParams)) = "2" is not a number (select must return a number)',
  );
});

test("the estimator sees exactly `trials` data sets of m draws, in the order of the estimates", () => {
  const seen: number[] = [];
  const r = simulateEstimator(
    poisson,
    [3],
    (xs) => {
      assert.is(xs.length, 7);
      seen.push(xs[0] + 1000 * seen.length);
      return seen[seen.length - 1];
    },
    { m: 7, trials: 5, rng: createRng(11) },
  );
  assert.is(seen.length, 5);
  assert.equal(Array.from(r.estimates), seen);
});

test("a family with rest parameters (length 0) takes trueParams as they are; an anonymous family is named so in errors", () => {
  const rest = (...a: number[]) => poisson(a[0]);
  const r = simulateEstimator(rest, [3], fitPoisson, { m: 20, trials: 5, rng: createRng(3) });
  assert.is(r.truth, 3);
  const opts = { m: 5, trials: 3, rng: createRng(1) };
  const check = (f: () => unknown, cls: typeof Error, msg: string): void =>
    assert.throws(f, (e: Error) => e instanceof cls && e.message === msg, msg);
  const anonymous = [(a: number, b: number) => poisson(a + b)][0];
  assert.is(anonymous.name, "");
  check(
    () => simulateEstimator(anonymous, [1] as never, fitPoisson, opts),
    RangeError,
    "simulateEstimator: trueParams has 1 entries, but family (anonymous) takes 2",
  );
  const throwing = [(a: number) => poisson(-a)][0];
  check(
    () => simulateEstimator(throwing, [2], fitPoisson, opts),
    RangeError,
    "simulateEstimator: trueParams = [2] is not valid for family: poisson: lambda = -2 must be finite and >= 0",
  );
});

test("a family that returns null, a number or an object without sample(), and an estimator that returns null, throw TypeError naming them", () => {
  const opts = { m: 5, trials: 3, rng: createRng(1) };
  const check = (f: () => unknown, msg: string): void =>
    assert.throws(f, (e: Error) => e instanceof TypeError && e.message === msg, msg);
  const tail =
    "is not a distribution with sample() (family must be a constructor such as gaussian)";
  for (const [value, shown] of [
    [null, "null"],
    [2, "2"],
    [{}, "[object]"],
  ] as [unknown, string][])
    check(
      () =>
        simulateEstimator(
          ((_: number) => value) as unknown as typeof poisson,
          [1],
          fitPoisson,
          opts,
        ),
      `simulateEstimator: family(...trueParams) = ${shown} ${tail}`,
    );
  check(
    () => simulateEstimator(poisson, [2], (() => null) as unknown as typeof fitPoisson, opts),
    "simulateEstimator: estimator(xs) in trial 0 = null is not a number or a distribution",
  );
});

test("trials beyond the longest array is the library's RangeError naming simulateEstimator and trials, not the engine's 'Invalid typed array length'", () => {
  assert.throws(
    () => simulateEstimator(poisson, [1], () => 1, { m: 1, trials: 2 ** 33, rng: createRng(1) }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "simulateEstimator: trials = 8589934592 is too large: more than 4294967295 entries",
  );
});

test("an integer trials or m above 2^32 − 1 is 'too large' naming simulateEstimator, not 'must be an integer' nor poisson.sample (ref6 caps1)", () => {
  const run = (o: { m: number; trials: number }) => () =>
    simulateEstimator(poisson, [1], () => 1, { ...o, rng: createRng(1) });
  const tooLarge = (name: string, v: string) => (e: Error) =>
    e instanceof RangeError &&
    e.message === `simulateEstimator: ${name} = ${v} is too large: more than 4294967295 entries`;
  assert.throws(run({ m: 1, trials: 2 ** 53 }), tooLarge("trials", "9007199254740992"));
  assert.throws(run({ m: 1, trials: 1e308 }), tooLarge("trials", "1e+308"));
  assert.throws(run({ m: 2 ** 32, trials: 2 }), tooLarge("m", "4294967296"));
  // not an integer: still the integer rule
  assert.throws(
    run({ m: 1, trials: 2.5 }),
    (e: Error) => e.message === "simulateEstimator: trials = 2.5 must be an integer >= 2",
  );
});

test("a select that returns a non-number is blamed on select, on the truth or in the trial, not on the estimator (ref6 caps2)", () => {
  let calls = 0;
  const select = ((d: { mean(): number }) => (calls++ === 0 ? d.mean() : 1n)) as unknown as (
    d: unknown,
  ) => number;
  assert.throws(
    () =>
      simulateEstimator(poisson, [2], fitPoisson, { m: 5, trials: 3, rng: createRng(1), select }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "simulateEstimator: select(estimator(xs)) in trial 0 = 1n is not a number (select must return a number)",
  );
});

test.run();
