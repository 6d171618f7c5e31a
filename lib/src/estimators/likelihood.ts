import type { Distribution, Sample } from "../distributions";

/** A model with a density (or mass) function: any object with `prob` (what `likelihood` needs). */
export interface ProbModel {
  prob(x: number): number;
}
import { requireSample, throwFirstNonFinite } from "./internal";
import { checkModel } from "./sum-log-prob";
import { checkReturned, showValue, valueError } from "../validate/validate";

/**
 * The likelihood of a distribution on a sample: the plain product of the densities (or masses).
 *
 * L(θ) = Π_{i=1}^{m} p(x_i; θ), multiplied out as written, with no rescaling. It underflows:
 * each factor of a standard normal is at most 0.4, so for a few thousand observations the product
 * is below the smallest double (≈ 4.9e-324) and the result is exactly `0`, whatever θ is. This is
 * why estimators work with {@link logLikelihood} instead; `likelihood` is here to show the problem.
 *
 * @param dist the model, from a family constructor or any object with `prob`
 * @param xs the observations
 * @returns L ≥ 0 (possibly `0` by underflow, or `Infinity` by overflow for densities > 1; when one
 *   factor overflows and another underflows, exp Σ log p(xᵢ) instead of the NaN of Infinity · 0)
 * @throws {TypeError} when `dist` has no `prob` method, `xs` is not a `number[]` or `Float64Array`, or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index)
 * @example
 * likelihood(bernoulli(0.25), [1, 0, 0]);             // => 0.140625
 * likelihood(gaussian(0, 1), [0]);                    // => 0.3989422804014327
 * likelihood(gaussian(0, 1), new Float64Array(2000)); // => 0 (underflow: the true value is e^-1837.9)
 * likelihood(gaussian(0, 1), [NaN]);                  // throws RangeError: likelihood: xs[0] = NaN is not a number
 */
export function likelihood(dist: Distribution | ProbModel, xs: Sample): number {
  checkModel("likelihood", dist, "prob");
  requireSample("likelihood", xs);
  let product = 1;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== "number" || !(x - x === 0)) throwFirstNonFinite("likelihood", xs);
    const v = dist.prob(x);
    // a number ≥ 0 (or NaN, which the product carries): never a string coerced, nor a negative
    // "probability" whose sign another factor would undo
    if (typeof v !== "number" || v < 0) badProb(x, v);
    product *= v;
  }
  if (product === product) return product;
  // Infinity · 0: a density above the largest double times one that underflowed. The product of
  // the exact factors is a number (usually 0 or Infinity); take it as exp Σ log p(xᵢ).
  let logSum = 0;
  for (let i = 0; i < xs.length; i++) {
    const v = dist.prob(xs[i]);
    if (!(v >= 0)) badProb(xs[i], v);
    logSum += v === Infinity ? logDensityBeyondRange(dist, xs[i]) : Math.log(v);
  }
  return Math.exp(logSum);
}

/** Throws for a value of `dist.prob(x)` that is not a number (TypeError) or is negative or NaN (RangeError). */
function badProb(x: number, v: unknown): never {
  checkReturned("likelihood", `dist.prob(${showValue(x)})`, v);
  throw valueError(
    "likelihood",
    `dist.prob(${showValue(x)})`,
    v,
    "is not a probability or density (negative or NaN)",
  );
}

/** log p(x) for a density that overflowed: the model's logProb when it has one, else +Infinity. */
function logDensityBeyondRange(dist: Distribution | ProbModel, x: number): number {
  const lp = (dist as { logProb?: (x: number) => number }).logProb;
  return typeof lp === "function" ? lp.call(dist, x) : Infinity;
}
