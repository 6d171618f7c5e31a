import { LOGIT_ARGMAX, logitMax } from "./logit-max";
import { expShifted } from "./numerics";
import { checkVector, type Vector } from "../validate/validate";

const FN = "softmax";

/**
 * Softmax: the probability vector whose logarithms are the logits up to a common constant.
 *
 * softmax(z)ᵢ = exp(zᵢ) / Σⱼ exp(zⱼ) = exp(zᵢ - m) / Σⱼ exp(zⱼ - m), m = maxⱼ zⱼ, so nothing
 * overflows; the rounding of zᵢ − m is carried into the exponential (exp(d + r) = exp(d)(1 + r)),
 * so each probability is within a few ulps even for shifts of −700. The exponentials are summed
 * with compensation (Fast2Sum from the maximum's own term 1), so the error does not grow with n (a
 * plain sum was 21 ulps off at n = 1e4; the accuracy table in lib/README.md gives the measured
 * bound). Four tight passes (max with validation, exponentials into the output, their corrections
 * and sum, division by the sum); the only allocation is the returned array.
 *
 * Edge cases: a `-Infinity` logit gets probability exactly 0. All `-Infinity`, a `+Infinity`
 * or a NaN logit leave the distribution undefined and throw.
 *
 * @param logits the unnormalized log-probabilities (natural log)
 * @returns a new `Float64Array` of the same length, entries in `[0, 1]` summing to 1
 * @throws {TypeError} when `logits` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when `logits` is empty, holds NaN or `+Infinity`, or is all `-Infinity`
 * @example
 * softmax([0, Math.log(3)]);
 * // => Float64Array [0.25, 0.7499999999999999]
 * softmax([1000, 1000]);
 * // => Float64Array [0.5, 0.5]        (no overflow)
 * softmax([0, -Infinity]);
 * // => Float64Array [1, 0]
 * softmax([-Infinity, -Infinity]);
 * // => throws RangeError "softmax: every logit is -Infinity, so the distribution is undefined (0/0)"
 */
export function softmax(logits: Vector): Float64Array {
  const n = checkVector(FN, "logits", logits);
  const m = logitMax(FN, logits, n);
  const k = LOGIT_ARGMAX;
  const out = new Float64Array(n);
  // The exponentials exp(fl(zᵢ − m)) alone first, and the minimum: a loop whose only call is
  // Math.exp keeps little live across it (the correction and the sum in the same loop as the call
  // made the call 1.27× f9b98d4's, in a pass of their own 1.13×: medians of bench/compare.ts's
  // softmax 1e6 row, CPU clock, 8 pairs of processes)
  let lo = Infinity;
  for (let i = 0; i < n; i++) {
    const z = logits[i];
    if (z < lo) lo = z;
    out[i] = Math.exp(z - m);
  }
  // The terms exp(zᵢ − m) with the rounding r of d = zᵢ − m put back (exp(d + r) = exp(d)(1 + r)),
  // as expShifted does but without its guard for a 0 term (the guard in the hot loop cost more
  // than the correction's arithmetic). r by Fast2Sum of −m and zᵢ (two operations) where
  // |m| ≥ |zᵢ| for every i, i.e. m ≥ 0 and m ≥ −min z, else by TwoSum (four). Summed from the
  // maximum's own term 1, so the running sum is never below the next term and Fast2Sum is exact
  // for the sum too (as in logSoftmax); a plain sum's error grows with n (21 ulp at n = 1e4). Over
  // [0, k), then (k, n), as in logSoftmax.
  out[k] = 1;
  let s = 1;
  let c = 0;
  if (m >= 0 && m >= -lo) {
    for (let i = 0, end = k; i < n; i = end + 1, end = n) {
      for (; i < end; i++) {
        const z = logits[i];
        const d = z - m;
        const e = out[i];
        const v = e + e * (z - (d + m));
        out[i] = v;
        const t = s + v;
        c += s - t + v;
        s = t;
      }
    }
  } else {
    for (let i = 0, end = k; i < n; i = end + 1, end = n) {
      for (; i < end; i++) {
        const z = logits[i];
        const d = z - m;
        const b = d - z;
        const e = out[i];
        const v = e + e * (z - (d - b) + (-m - b));
        out[i] = v;
        const t = s + v;
        c += s - t + v;
        s = t;
      }
    }
  }
  s += c;
  // a term whose d is −∞ (a −∞ logit, or zᵢ − m below −1.8e308) is 0, but its r is NaN (−∞ + ∞),
  // and so are v and s: the terms are taken again with that guarded (rare)
  if (s !== s) {
    s = 0;
    c = 0;
    for (let i = 0; i < n; i++) {
      const v = expShifted(logits[i], m);
      out[i] = v;
      const t = s + v;
      c += s >= v ? s - t + v : v - t + s;
      s = t;
    }
    s += c;
  }
  for (let i = 0; i < n; i++) out[i] /= s;
  return out;
}
