import * as fc from "fast-check";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  beta,
  categorical,
  createRng,
  empiricalDistribution,
  exponential,
  gaussian,
  poisson,
} from "../../lib/src/distributions";
import type { Distribution, LogProbModel } from "../../lib/src/distributions";
import { fitBernoulli, fitCategorical, fitPoisson, logLikelihood } from "../../lib/src/estimators";
import { averageLogLikelihood } from "../../lib/src/estimators/average-log-likelihood";
import { assertRelClose } from "../helpers/numeric";
import { crossEntropy, entropy, klDivergence } from "../../lib/src/information";

test("the average log-likelihood is the log-likelihood divided by m", () => {
  const xs = gaussian(1, 2).sample(37, createRng(1));
  assert.ok(
    Math.abs(averageLogLikelihood(gaussian(0, 1), xs) - logLikelihood(gaussian(0, 1), xs) / 37) <
      1e-15,
  );
  assert.is(
    averageLogLikelihood(bernoulli(0.25), [1, 0, 0, 0]),
    (Math.log(0.25) + 3 * Math.log(0.75)) / 4,
  );
});

test("it is the expectation of log q under the empirical distribution (property, seeded)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 80 }),
      fc.double({ min: 0.1, max: 20, noNaN: true }),
      (xs, lambda) => {
        const q = poisson(lambda);
        const viaEmpirical = empiricalDistribution(xs).expectation((x) => q.logProb(x));
        const avg = averageLogLikelihood(q, xs);
        return Math.abs(avg - viaEmpirical) <= 1e-12 * Math.max(1, Math.abs(avg));
      },
    ),
    { seed: 99, numRuns: 200 },
  );
});

// ---- the chain: max average log-likelihood = min cross-entropy = min KL to the empirical distribution

/** p̂ and q_θ on p̂'s support, plus one cell for the rest of q's mass (where p̂ is 0). */
function onSupport(xs: Float64Array, q: (x: number) => number): { p: number[]; q: number[] } {
  const e = empiricalDistribution(xs);
  const qs = e.support.map(q);
  const rest = Math.max(0, 1 - qs.reduce((a, b) => a + b, 0));
  return { p: [...e.probs, 0], q: [...qs, rest] };
}

test("Poisson: on a θ grid, argmax of ℓ̄ = argmin of crossEntropy(p̂, q_θ) = argmin of klDivergence(p̂ ‖ q_θ)", () => {
  const xs = poisson(4.3).sample(300, createRng(41));
  const grid = Array.from({ length: 901 }, (_, i) => 1 + i * 0.01);
  const avg = grid.map((t) => averageLogLikelihood(poisson(t), xs));
  const ce = grid.map((t) => {
    const { p, q } = onSupport(xs, (x) => poisson(t).prob(x));
    return crossEntropy(p, q);
  });
  const kl = grid.map((t) => {
    const { p, q } = onSupport(xs, (x) => poisson(t).prob(x));
    return klDivergence(p, q);
  });
  const argmax = (v: number[]): number => v.reduce((b, x, i) => (x > v[b] ? i : b), 0);
  const argmin = (v: number[]): number => v.reduce((b, x, i) => (x < v[b] ? i : b), 0);
  assert.is(argmin(ce), argmax(avg));
  assert.is(argmin(kl), argmax(avg));
  // pointwise: ℓ̄(θ) = −H(p̂, q_θ) and KL = H(p̂, q_θ) − H(p̂)
  const hp = entropy(empiricalDistribution(xs).probs);
  grid.forEach((_, i) => {
    assert.ok(Math.abs(avg[i] + ce[i]) < 1e-12 * Math.max(1, ce[i]));
    assert.ok(Math.abs(kl[i] - (ce[i] - hp)) < 1e-12 * Math.max(1, ce[i]));
  });
  // the grid optimum brackets the closed-form MLE
  const mle = fitPoisson(xs).params.lambda;
  assert.ok(Math.abs(grid[argmax(avg)] - mle) <= 0.005 + 1e-12);
});

test("Poisson: at the MLE the cross-entropy and the KL are no larger than anywhere on the grid", () => {
  const xs = poisson(4.3).sample(300, createRng(41));
  const mle = fitPoisson(xs).params.lambda;
  const at = (t: number): { ce: number; kl: number } => {
    const { p, q } = onSupport(xs, (x) => poisson(t).prob(x));
    return { ce: crossEntropy(p, q), kl: klDivergence(p, q) };
  };
  const best = at(mle);
  assert.ok(Math.abs(best.ce + averageLogLikelihood(poisson(mle), xs)) < 1e-12 * best.ce);
  for (let t = 1; t <= 10; t += 0.01) {
    const v = at(t);
    assert.ok(best.ce <= v.ce + 1e-14 && best.kl <= v.kl + 1e-14, `theta ${t}`);
  }
});

test("Bernoulli and Categorical: the same chain holds with the model's full support", () => {
  const xs = bernoulli(0.37).sample(250, createRng(42));
  const e = empiricalDistribution(xs);
  const pHat = [e.probs[0], e.probs[1]]; // support is [0, 1]
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const avg = grid.map((t) => averageLogLikelihood(bernoulli(t), xs));
  const ce = grid.map((t) => crossEntropy(pHat, [1 - t, t]));
  const kl = grid.map((t) => klDivergence(pHat, [1 - t, t]));
  const iMax = avg.indexOf(Math.max(...avg));
  assert.is(ce.indexOf(Math.min(...ce)), iMax);
  assert.is(kl.indexOf(Math.min(...kl)), iMax);
  const p = fitBernoulli(xs).params.p;
  assert.ok(
    Math.abs(crossEntropy(pHat, [1 - p, p]) + averageLogLikelihood(bernoulli(p), xs)) < 1e-14,
  );
  assert.ok(klDivergence(pHat, [1 - p, p]) < 1e-15);

  const ys = categorical([0.2, 0.5, 0.3]).sample(400, createRng(43));
  const fit = fitCategorical(ys, 3);
  const probsHat = fit.params.probs;
  // at the MLE the model is the empirical distribution: KL = 0 and ℓ̄ = −H(p̂)
  assert.ok(klDivergence(probsHat, fit.params.probs) === 0);
  assert.ok(Math.abs(averageLogLikelihood(fit, ys) + entropy(probsHat)) < 1e-14);
  // any other model is worse on all three counts
  const other = [0.25, 0.45, 0.3];
  assert.ok(averageLogLikelihood(categorical(other), ys) < averageLogLikelihood(fit, ys));
  assert.ok(crossEntropy(probsHat, other) > crossEntropy(probsHat, fit.params.probs));
});

test("an empty sample or a non-finite value throws RangeError under this function's name", () => {
  assert.throws(
    () => averageLogLikelihood(gaussian(0, 1), []),
    (e: Error) => e instanceof RangeError && e.message === "averageLogLikelihood: xs is empty",
  );
  assert.throws(
    () => averageLogLikelihood(gaussian(0, 1), [0, NaN]),
    (e: Error) => e.message === "averageLogLikelihood: xs[1] = NaN is not a number",
  );
});

test("the average is finite where every log p(xᵢ) is but their sum overflows (issue 18: overflow inside a finite answer)", () => {
  // mpmath: three terms of -9.8e307 (sum -2.94e308) average to -9.8e307; three of log(1e300) − 1e308
  assertRelClose(
    averageLogLikelihood(gaussian(0, 1), [1.4e154, -1.4e154, 1.4e154]),
    -9.8e307,
    1e-15,
  );
  assertRelClose(averageLogLikelihood(exponential(1e300), [1e8, 1e8, 1e8]), -1e308, 1e-15);
  assertRelClose(averageLogLikelihood({ logProb: () => -1e308 }, [1, 2, 3]), -1e308, 0);
  // a term that is itself −Infinity keeps the average −Infinity
  assert.is(averageLogLikelihood(poisson(2), [1, 1.5]), -Infinity);
});

test("where the log-likelihood is finite the average is exactly logLikelihood(dist, xs) / m, one division", () => {
  // the definition ℓ̄ = ℓ/m, bit for bit: a second pass over log p(xᵢ)/m would round differently
  const rng = createRng(2024);
  const cases: [Distribution | LogProbModel, number[] | Float64Array][] = [
    [gaussian(0.3, 1.7), gaussian(0, 2).sample(999, rng)],
    [exponential(0.7), exponential(1.3).sample(333, rng)],
    [poisson(3.1), poisson(2.5).sample(501, rng)],
    [beta(2.5, 1.5), beta(2, 3).sample(257, rng)], // no closed form: summed through logProb
    [{ logProb: (x: number) => x }, [1, 1e-16, 1e-16, 1e-16, 1e-16, 1e-16, 1e-16]],
  ];
  for (const [dist, xs] of cases) {
    const m = xs.length;
    assert.is(averageLogLikelihood(dist, xs), logLikelihood(dist, xs) / m);
  }
});

test("where the sum of log p(xᵢ) overflows the average is the correctly rounded mean of the terms (compensated)", () => {
  // logProb(x) = x, so ℓ̄ is the mean of xs; m = 64 divides every term exactly. The exact mean,
  // rounded once (Python: float(sum(map(Fraction, xs)) / 64)), is -4.6875000000000194e306; a plain
  // sum of the terms xᵢ/64 gives -4.6875000000000356e306 (the 62 small terms are each below half
  // an ulp of the running sum). Small terms first and last, so both branches of TwoSum carry error.
  const xs = [
    ...new Array<number>(10).fill(-2e292),
    -1.5e308,
    -1.5e308,
    ...new Array<number>(52).fill(-2e292),
  ];
  const model = { logProb: (x: number) => x };
  assert.is(logLikelihood(model, xs), -Infinity); // the sum overflows
  assert.is(averageLogLikelihood(model, xs), -4.6875000000000194e306);
  // a term larger than the running sum (TwoSum's other branch): the exact mean, rounded once
  // (Python: float(sum(map(Fraction, ys)) / 4)), which the other branch's error formula misses by an ulp
  const ys = [
    -3.131174291268767e303, -2.157687630592049e294, -1.5352147363254884e308,
    -1.3925029387436218e308,
  ];
  assert.is(averageLogLikelihood(model, ys), -7.319372467030111e307);
  // the mirror image: the same with every sign flipped
  assert.is(
    averageLogLikelihood(
      model,
      xs.map((x) => -x),
    ),
    4.6875000000000194e306,
  );
});

test.run();
