import { poisson } from "../distributions";
import type { Poisson, Sample } from "../distributions";
import { entryFail, requireSample } from "./internal";
import { integerSum } from "./sum-log-prob";
import { productError } from "../information/numerics";

/**
 * Fits a Poisson distribution by maximum likelihood: the sample mean.
 *
 * λ̂ = (1/m) Σ x_i, the root of dℓ/dλ = Σx_i / λ − m = 0. All-zero data give λ̂ = 0, the
 * point mass at 0 (a valid Poisson here).
 *
 * @param xs the observations, each a non-negative integer
 * @returns `poisson(λ̂)`
 * @throws {TypeError} when `xs` is not a `number[]` or `Float64Array`, or an entry is not a number
 * @throws {RangeError} when `xs` is empty or an entry is not a non-negative integer (naming the index and value)
 * @example
 * fitPoisson([0, 1, 2, 5]).params.lambda; // => 2
 * fitPoisson([0, 0, 0]).params.lambda;    // => 0
 * fitPoisson([1.7e308, 1e308]).params.lambda; // => 1.35e+308 (the sum overflows, the mean does not)
 * fitPoisson([1, 2, 3, 4, 2.5]);          // throws RangeError: fitPoisson: xs[4] = 2.5 is not a non-negative integer
 */
export function fitPoisson(xs: Sample): Poisson {
  requireSample("fitPoisson", xs);
  const m = xs.length;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const x = xs[i];
    if (typeof x !== "number" || !(x >= 0 && x < Infinity && Math.floor(x) === x)) {
      entryFail("fitPoisson", i, x, "is not a non-negative integer");
    }
    sum += x;
  }
  if (sum >= 2 ** 53) {
    // the plain sum is exact below 2^53 only (1e6 counts 2^40 + 1 gave a mean 4062 ulps low):
    // the exact sum hi + lo, then (hi + lo)/m with the residual of hi/m put back (one rounding).
    // Counts near 1.8e308 whose sum overflows: the same on x·2^-64 (exact scaling), scaled back
    // (a plain Σ x·2^-64 then ÷ m was 1.33 ulp off)
    const scale = sum === Infinity ? 2 ** -64 : 1;
    const [hi, lo] = integerSum(xs, scale);
    const q = hi / m;
    const pq = q * m;
    return poisson((q + (hi - pq - productError(q, m, pq) + lo) / m) / scale);
  }
  return poisson(sum / m);
}
