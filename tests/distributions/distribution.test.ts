import { beta } from "../../lib/src/distributions";
import type { Rng } from "../../lib/src/distributions/create-rng";
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
import type { Distribution, FamilyName } from "../../lib/src/distributions/distribution";

// distribution.ts holds only types; these tests check that every family object has the shape
// the types promise, and that `family` narrows the union.
const all: Distribution[] = [
  bernoulli(0.3),
  categorical([0.2, 0.8]),
  gaussian(0, 1),
  poisson(2),
  exponential(1.5),
];

test("every family object exposes family, params, logProb, prob, sample, mean, variance and entropy", () => {
  const names: FamilyName[] = [];
  for (const d of all) {
    names.push(d.family);
    assert.type(d.params, "object");
    for (const m of ["logProb", "prob", "sample", "mean", "variance", "entropy"] as const)
      assert.type(d[m], "function");
    assert.ok(Object.isFrozen(d) && Object.isFrozen(d.params));
    assert.instance(d.sample(3, createRng(1)), Float64Array);
    assert.ok(
      Number.isFinite(d.mean()) && Number.isFinite(d.variance()) && Number.isFinite(d.entropy()),
    );
  }
  assert.equal(names, ["bernoulli", "categorical", "gaussian", "poisson", "exponential"]);
});

test("switching on family narrows the union to the family's params", () => {
  const describe = (d: Distribution): string => {
    switch (d.family) {
      case "bernoulli":
        return `p=${d.params.p}`;
      case "categorical":
        return `k=${d.params.probs.length}`;
      case "gaussian":
        return `mu=${d.params.mu},sigma=${d.params.sigma}`;
      case "poisson":
        return `lambda=${d.params.lambda}`;
      case "exponential":
        return `rate=${d.params.rate}`;
    }
  };
  assert.equal(all.map(describe), ["p=0.3", "k=2", "mu=0,sigma=1", "lambda=2", "rate=1.5"]);
});

test("prob is exp(logProb) for every family at points in and out of the support", () => {
  for (const d of all) {
    for (const x of [-1, 0, 1, 2, 0.5, 7]) {
      const lp = d.logProb(x);
      assert.ok(Math.abs(d.prob(x) - Math.exp(lp)) <= 1e-15, `${d.family} at ${x}`);
    }
  }
});

test("sample checks what rng returns (next() in [0, 1), normal() finite) and ends a rejection loop that a constant generator would make endless", () => {
  const rng = (next: unknown, normal: unknown = 0): Rng =>
    ({ next: () => next, normal: () => normal, int: () => 0 }) as unknown as Rng;
  const check = (f: () => unknown, msg: string): void =>
    assert.throws(f, (e: Error) => e.message === msg, msg);
  check(
    () => exponential(2).sample(3, rng(-0.5)),
    "exponential.sample: rng.next() = -0.5 is not in [0, 1)",
  );
  check(
    () => exponential(2).sample(3, rng(1)),
    "exponential.sample: rng.next() = 1 is not in [0, 1)",
  );
  check(
    () => bernoulli(0.3).sample(3, rng(NaN)),
    "bernoulli.sample: rng.next() = NaN is not in [0, 1)",
  );
  check(
    () => categorical([0.5, 0.5]).sample(3, rng("0.5")),
    'categorical.sample: rng.next() = "0.5" is not a number',
  );
  check(
    () => gaussian(0, 1).sample(3, rng(0.5, NaN)),
    "gaussian.sample: rng.normal() = NaN is not a finite number",
  );
  check(() => poisson(2).sample(3, rng(2)), "poisson.sample: rng.next() = 2 is not in [0, 1)");
  check(() => poisson(50).sample(3, rng(NaN)), "poisson.sample: rng.next() = NaN is not in [0, 1)");
  check(
    () => beta(2, 3).sample(3, rng(NaN, NaN)),
    "beta.sample: rng.normal() = NaN is not a finite number",
  );
  // valid but constant: every proposal rejected (these looped forever)
  check(
    () => beta(2, 3).sample(3, rng(0, 0)),
    "beta.sample: 10000 proposals in a row were rejected; rng does not look uniform (is next() constant?)",
  );
  check(
    () => poisson(50).sample(3, rng(0, 0)),
    "poisson.sample: 10000 proposals in a row were rejected; rng does not look uniform (is next() constant?)",
  );
});

test.run();
