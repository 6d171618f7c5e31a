import { exponential } from "../distributions";
import type { Exponential, Sample } from "../distributions";
import { entryFail, requireSample } from "./internal";
import { correctedQuotient } from "../distributions/internal";
import { blockedSampleSum } from "./sum-log-prob";

/** Terms per block of fitExponential's Σx. */
const FIT_BLOCK = 8;

/**
 * Fits an exponential distribution by maximum likelihood: the reciprocal of the sample mean.
 *
 * r̂ = m / Σ x_i = 1 / x̄, the root of dℓ/dr = m/r − Σx_i = 0. (r̂ is biased upwards:
 * E[r̂] = m/(m − 1) · r.)
 *
 * @param xs the observations, each finite and ≥ 0, not all 0
 * @returns `exponential(r̂)`
 * @throws {TypeError} when `xs` is not a `number[]` or `Float64Array`, or an entry is not a number
 * @throws {RangeError} when `xs` is empty, an entry is negative, NaN or infinite (naming the index and value),
 *   or every entry is 0 (the likelihood grows without bound as r → ∞), or the MLE rate m/Σx overflows
 *   (Σx below m/1.8e308: subnormal data)
 * @example
 * fitExponential([0.5, 1.5, 1]).params.rate; // => 1
 * fitExponential([0.25]).params.rate;        // => 4
 * fitExponential([1, -2]);                   // throws RangeError: fitExponential: xs[1] = -2 is not a finite number >= 0
 * fitExponential([1e308, 1e308]).params.rate; // => 1e-308 (the sum overflows; it is taken at scale 2^-64)
 * fitExponential([0, 0]);                    // throws RangeError: fitExponential: all values are 0, the MLE rate is infinite
 */
export function fitExponential(xs: Sample): Exponential {
  requireSample("fitExponential", xs);
  const m = xs.length;
  // Σx blocked: blocks of 16 terms summed in two lanes (even and odd index, 8 terms each), each
  // lane sum added with TwoSum (a plain sum of 1e6 terms 0.1 is 1.3e-11 off; a plain sum of k terms
  // ≥ 0 is within (k − 1)·2⁻⁵³ of itself, so 8-term lanes keep the rate within 7·2⁻⁵³ + one
  // rounding ≈ 8.9e-16, where one 16-term sum was 1.63e-15 off on adversarial blocks; two lanes
  // run as fast as one), then m/(sum + lo) with one rounding
  let sum = 0;
  let lo = 0;
  for (let start = 0; start < m; start += 2 * FIT_BLOCK) {
    const end = start + 2 * FIT_BLOCK < m ? start + 2 * FIT_BLOCK : m;
    let b0 = 0;
    let b1 = 0;
    for (let i = start; i < end; i += 2) {
      const x = xs[i];
      if (typeof x !== "number" || !(x >= 0 && x < Infinity))
        entryFail("fitExponential", i, x, "is not a finite number >= 0");
      b0 += x;
      if (i + 1 < end) {
        const y = xs[i + 1];
        if (typeof y !== "number" || !(y >= 0 && y < Infinity))
          entryFail("fitExponential", i + 1, y, "is not a finite number >= 0");
        b1 += y;
      }
    }
    let t = sum + b0;
    let z = t - sum;
    lo += sum - (t - z) + (b0 - z);
    sum = t;
    t = sum + b1;
    z = t - sum;
    lo += sum - (t - z) + (b1 - z);
    sum = t;
  }
  if (sum === 0) throw new RangeError("fitExponential: all values are 0, the MLE rate is infinite");
  if (sum === Infinity) {
    // finite values whose sum overflows: m / Σx from the sum of x·2^-64 (exact scaling, blocked
    // the same way: unblocked it was 1.9e-12 off for 1e5 values 0.1·2^1020), a rate near 1e-308
    // that is perfectly representable
    const [shi, slo] = blockedSampleSum(xs, 2 ** -64, FIT_BLOCK);
    return exponential(correctedQuotient(m, shi, slo) * 2 ** -64);
  }
  const hi = sum + lo;
  const rate = correctedQuotient(m, hi, lo - (hi - sum));
  if (rate === Infinity) {
    throw new RangeError(
      `fitExponential: the MLE rate m/Σx = ${m}/${sum} exceeds the largest double (the values are too close to 0)`,
    );
  }
  return exponential(rate);
}
