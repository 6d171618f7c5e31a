// The validation policy of issue 10, checked across every group at once: the same input is
// rejected the same way, with the message format `fn: name[i] = value reason`, whether it goes
// to an information function, a constructor or an estimator.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as info from "../../lib/src/information";
import * as dist from "../../lib/src/distributions";
import * as est from "../../lib/src/estimators";

const {
  bernoulli,
  categorical,
  createRng,
  empiricalDistribution,
  exponential,
  gaussian,
  klBetween,
  klMonteCarlo,
  poisson,
} = dist;

type Call = [fn: string, call: (bad: unknown) => unknown];

function failuresOf(
  calls: Call[],
  bad: unknown,
  expect: (fn: string, e: unknown) => string | undefined,
): string[] {
  const out: string[] = [];
  for (const [fn, call] of calls) {
    let error: unknown;
    try {
      call(bad);
    } catch (e) {
      error = e;
    }
    if (error === undefined) out.push(`${fn}(${String(bad)}) did not throw`);
    else {
      const why = expect(fn, error);
      if (why) out.push(`${fn}(${String(bad)}): ${why}`);
    }
  }
  return out;
}

const typeErrorNaming =
  (pattern: (fn: string) => RegExp) =>
  (fn: string, e: unknown): string | undefined => {
    if (!(e instanceof TypeError))
      return `threw ${(e as Error).constructor.name}: ${(e as Error).message}`;
    return pattern(fn).test(e.message) ? undefined : `message "${e.message}"`;
  };

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a string, null or a boolean in a vector is a TypeError naming function, index and value, in every group", () => {
  const U = [0.5, 0.5];
  const vectorCalls: Call[] = [
    ["entropy", (b) => info.entropy([0.5, b] as never)],
    ["crossEntropy", (b) => info.crossEntropy([0.5, b] as never, U)],
    ["klDivergence", (b) => info.klDivergence([0.5, b] as never, U)],
    ["jsDivergence", (b) => info.jsDivergence([0.5, b] as never, U)],
    ["crossEntropyFromLogits", (b) => info.crossEntropyFromLogits([0.5, b] as never, [0, 0])],
    ["categorical", (b) => categorical([0.5, b] as never)],
    ["empiricalDistribution", (b) => empiricalDistribution([0.5, b] as never)],
    ["fitGaussian", (b) => est.fitGaussian([0.5, b] as never)],
    ["fitBernoulli", (b) => est.fitBernoulli([1, b] as never)],
    ["fitPoisson", (b) => est.fitPoisson([1, b] as never)],
    ["fitExponential", (b) => est.fitExponential([1, b] as never)],
    ["fitCategorical", (b) => est.fitCategorical([1, b] as never, 3)],
    ["logLikelihood", (b) => est.logLikelihood(gaussian(0, 1), [1, b] as never)],
    ["logLikelihood", (b) => est.logLikelihood(exponential(1), [1, b] as never)],
    ["logLikelihood", (b) => est.logLikelihood(poisson(1), [1, b] as never)],
    ["likelihood", (b) => est.likelihood(gaussian(0, 1), [1, b] as never)],
  ];
  const failures: string[] = [];
  for (const bad of ["0.7", null, true]) {
    const shown = esc(typeof bad === "string" ? JSON.stringify(bad) : String(bad));
    failures.push(
      ...failuresOf(
        vectorCalls,
        bad,
        typeErrorNaming(
          (fn) => new RegExp(`^${fn}: (p|probs|samples|xs)\\[1\\] = ${shown} is not a number$`),
        ),
      ),
    );
  }
  assert.equal(failures, []);
});

test("a string, null or a boolean as a scalar parameter is a TypeError naming function, name and value", () => {
  const calls: Call[] = [
    ["poisson", (b) => poisson(b as never)],
    ["gaussian", (b) => gaussian(b as never, 1)],
    ["gaussian", (b) => gaussian(0, b as never)],
    ["bernoulli", (b) => bernoulli(b as never)],
    ["exponential", (b) => exponential(b as never)],
    ["selfInformation", (b) => info.selfInformation(b as never)],
    ["binaryEntropy", (b) => info.binaryEntropy(b as never)],
    ["gaussian.logProb", (b) => gaussian(0, 1).logProb(b as never)],
    ["poisson.prob", (b) => poisson(1).prob(b as never)],
    ["fitCategorical", (b) => est.fitCategorical([0], b as never)],
  ];
  const failures: string[] = [];
  for (const bad of ["3", null, false]) {
    const shown = esc(typeof bad === "string" ? JSON.stringify(bad) : String(bad));
    failures.push(
      ...failuresOf(
        calls,
        bad,
        typeErrorNaming((fn) => new RegExp(`^${esc(fn)}: \\w+ = ${shown} is not a number$`)),
      ),
    );
  }
  assert.equal(failures, []);
  // the example of the issue: poisson("3").mean() used to return "3"
  assert.throws(
    () => poisson("3" as never).mean(),
    (e: Error) => e instanceof TypeError && e.message === 'poisson: lambda = "3" is not a number',
  );
});

test("Float32Array and array-likes are rejected everywhere with the same TypeError (only number[] and Float64Array are accepted)", () => {
  const calls: Call[] = [
    ["entropy", (v) => info.entropy(v as never)],
    ["klDivergence", (v) => info.klDivergence(v as never, [0.5, 0.5])],
    ["logSumExp", (v) => info.logSumExp(v as never)],
    ["softmax", (v) => info.softmax(v as never)],
    ["categorical", (v) => categorical(v as never)],
    ["empiricalDistribution", (v) => empiricalDistribution(v as never)],
    ["fitGaussian", (v) => est.fitGaussian(v as never)],
    ["fitBernoulli", (v) => est.fitBernoulli(v as never)],
    ["logLikelihood", (v) => est.logLikelihood(gaussian(0, 1), v as never)],
    ["likelihood", (v) => est.likelihood(gaussian(0, 1), v as never)],
  ];
  const failures: string[] = [];
  failures.push(
    ...failuresOf(
      calls,
      new Float32Array([0.5, 0.5]),
      typeErrorNaming(
        (fn) =>
          new RegExp(`^${fn}: \\w+ = Float32Array\\(2\\) is not a number\\[\\] or Float64Array$`),
      ),
    ),
  );
  failures.push(
    ...failuresOf(
      calls,
      { length: 2, 0: 0.5, 1: 0.5 },
      typeErrorNaming(
        (fn) => new RegExp(`^${fn}: \\w+ = \\[object\\] is not a number\\[\\] or Float64Array$`),
      ),
    ),
  );
  failures.push(
    ...failuresOf(
      calls,
      null,
      typeErrorNaming(
        (fn) => new RegExp(`^${fn}: \\w+ = null is not a number\\[\\] or Float64Array$`),
      ),
    ),
  );
  assert.equal(failures, []);
});

// Every function that takes an options object, called with `opts` in that place.
const optionCalls: Call[] = [
  ["entropy", (o) => info.entropy([1], o as never)],
  ["crossEntropy", (o) => info.crossEntropy([1], [1], o as never)],
  ["klDivergence", (o) => info.klDivergence([1], [1], o as never)],
  ["jsDivergence", (o) => info.jsDivergence([1], [1], o as never)],
  ["selfInformation", (o) => info.selfInformation(1, o as never)],
  ["binaryEntropy", (o) => info.binaryEntropy(0.5, o as never)],
  ["jointEntropy", (o) => info.jointEntropy([[1]], o as never)],
  ["conditionalEntropy", (o) => info.conditionalEntropy([[1]], o as never)],
  ["mutualInformation", (o) => info.mutualInformation([[1]], o as never)],
  ["crossEntropyFromLogits", (o) => info.crossEntropyFromLogits([1], [0], o as never)],
  ["bernoulli.entropy", (o) => bernoulli(0.5).entropy(o as never)],
  ["categorical.entropy", (o) => categorical([1]).entropy(o as never)],
  ["gaussian.entropy", (o) => gaussian(0, 1).entropy(o as never)],
  ["poisson.entropy", (o) => poisson(1).entropy(o as never)],
  ["exponential.entropy", (o) => exponential(1).entropy(o as never)],
  ["klBetween", (o) => klBetween(poisson(1), poisson(2), o as never)],
  ["fitGaussian", (o) => est.fitGaussian([1, 2], o as never)],
  ["simulateEstimator", (o) => est.simulateEstimator(poisson, [1], est.fitPoisson, o as never)],
];

test("a null options object is the same TypeError in every function that takes options", () => {
  const failures = failuresOf(
    optionCalls,
    null,
    typeErrorNaming((fn) => new RegExp(`^${esc(fn)}: options = null is not an options object$`)),
  );
  assert.equal(failures, []);
});

test("an unknown option key is a TypeError naming the key in every function that takes options", () => {
  // { lambda: 5 } where l2 was meant: it used to be ignored silently
  const failures = failuresOf(
    optionCalls,
    { lambda: 5, m: 5, trials: 3, rng: createRng(1) },
    typeErrorNaming(
      (fn) => new RegExp(`^${esc(fn)}: options\\.lambda = 5 is not an option \\(known: .+\\)$`),
    ),
  );
  assert.equal(failures, []);
});

test("sampling with something that is not an Rng is a TypeError naming the method, not 'rng.normal is not a function'", () => {
  const bad = { next: Math.random };
  const samplers: Call[] = [
    ["gaussian.sample", (r) => gaussian(0, 1).sample(2, r as never)],
    ["poisson.sample", (r) => poisson(1).sample(2, r as never)],
    ["bernoulli.sample", (r) => bernoulli(0.5).sample(2, r as never)],
    ["categorical.sample", (r) => categorical([1]).sample(2, r as never)],
    ["exponential.sample", (r) => exponential(1).sample(2, r as never)],
    ["klMonteCarlo", (r) => klMonteCarlo(gaussian(0, 1), gaussian(1, 1), 10, r as never)],
  ];
  const failures = failuresOf(
    samplers,
    bad,
    typeErrorNaming(
      (fn) =>
        new RegExp(
          `^${esc(fn)}: rng = \\[object\\] is not an Rng \\(it needs next\\(\\), normal\\(\\) and int\\(k\\); use createRng\\(seed\\)\\)$`,
        ),
    ),
  );
  assert.equal(failures, []);
});

test("categorical(null) and empiricalDistribution(null) throw TypeErrors that name the function", () => {
  assert.throws(
    () => categorical(null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "categorical: probs = null is not a number[] or Float64Array",
  );
  assert.throws(
    () => empiricalDistribution(null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "empiricalDistribution: samples = null is not a number[] or Float64Array",
  );
});

test("fitGaussian([1, null, 3]) is a TypeError, not a fit that reads null as 0", () => {
  assert.throws(
    () => est.fitGaussian([1, null, 3] as never),
    (e: Error) =>
      e instanceof TypeError && e.message === "fitGaussian: xs[1] = null is not a number",
  );
});

test('categorical([0.5, "0.7"]) is a TypeError, not a string sum that slips past the tolerance check', () => {
  assert.throws(
    () => categorical([0.5, "0.7"] as never),
    (e: Error) =>
      e instanceof TypeError && e.message === 'categorical: probs[1] = "0.7" is not a number',
  );
});

test.run();
