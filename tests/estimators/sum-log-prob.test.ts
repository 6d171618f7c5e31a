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
import { sumLogProb } from "../../lib/src/estimators/sum-log-prob";

test("each family's specialised sum equals the per-element Σ logProb on random data", () => {
  const rng = createRng(3);
  const ds = [
    bernoulli(0.3),
    categorical([0.2, 0.3, 0.5]),
    gaussian(-1, 0.5),
    poisson(30),
    exponential(0.2),
  ];
  for (const d of ds) {
    const xs = d.sample(1000, rng);
    const direct = Array.from(xs).reduce((s, x) => s + d.logProb(x), 0);
    assert.ok(Math.abs(sumLogProb("f", d, xs) - direct) <= 1e-11 * Math.abs(direct), d.family);
  }
});

test("errors carry the caller's function name", () => {
  assert.throws(
    () => sumLogProb("myCaller", gaussian(0, 1), []),
    (e: Error) => e instanceof RangeError && e.message.startsWith("myCaller: xs is empty"),
  );
  assert.throws(
    () => sumLogProb("myCaller", poisson(1), [1, NaN]),
    (e: Error) => e.message === "myCaller: xs[1] = NaN is not a number",
  );
});

test.run();
