import { logBeta, logGamma } from "../../lib/src/special";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  createRng,
  empiricalDistribution,
  exponential,
  poisson,
} from "../../lib/src/distributions";
import { logLikelihood } from "../../lib/src/estimators";
import { negativeLogLikelihood } from "../../lib/src/estimators/negative-log-likelihood";
import { crossEntropy } from "../../lib/src/information";

test("the NLL is minus the log-likelihood", () => {
  const xs = exponential(2).sample(50, createRng(1));
  assert.is(negativeLogLikelihood(exponential(2), xs), -logLikelihood(exponential(2), xs));
  assert.is(negativeLogLikelihood(bernoulli(0.5), [1, 0]), 2 * Math.LN2);
});

test("NLL / m is the cross-entropy from the empirical distribution to the model", () => {
  const xs = bernoulli(0.3).sample(200, createRng(2));
  const e = empiricalDistribution(xs);
  const q = 0.4;
  const ce = crossEntropy(e.probs, [1 - q, q]);
  assert.ok(Math.abs(negativeLogLikelihood(bernoulli(q), xs) / xs.length - ce) < 1e-14);
});

test("an impossible observation gives Infinity, and the NLL of a discrete model is ≥ 0", () => {
  assert.is(negativeLogLikelihood(poisson(1), [-1]), Infinity);
  assert.ok(negativeLogLikelihood(poisson(1), [0, 1, 2]) >= 0);
});

test("an empty sample or a non-finite value throws RangeError under this function's name", () => {
  assert.throws(
    () => negativeLogLikelihood(poisson(1), []),
    (e: Error) => e instanceof RangeError && e.message === "negativeLogLikelihood: xs is empty",
  );
  assert.throws(
    () => negativeLogLikelihood(poisson(1), [Infinity]),
    (e: Error) => e.message === "negativeLogLikelihood: xs[0] = Infinity is not finite",
  );
});

test("the zeros the doc examples show are +0, not −0: ln Γ(1), ln Γ(2), ln B(1, 1), log P(0; λ = 0), an NLL of 0", () => {
  for (const v of [
    logGamma(1),
    logGamma(2),
    logBeta(1, 1),
    poisson(0).logProb(0),
    logLikelihood(poisson(0), [0, 0]),
    negativeLogLikelihood(bernoulli(1), [1]),
  ])
    assert.ok(Object.is(v, 0), String(v));
});

test.run();
