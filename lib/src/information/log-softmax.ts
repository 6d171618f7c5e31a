import { LOGIT_ARGMAX, logitMax } from "./logit-max";
import { expRestTiny, restIsLoose, sumRestPrecise, TINY_REST } from "./numerics";
import { checkVector, type Vector } from "../validate/validate";

const FN = "logSoftmax";

/**
 * Log-softmax: the logarithms of softmax(z), computed directly in log space.
 *
 * logSoftmax(z)ᵢ = zᵢ - logSumExp(z) = (zᵢ - m) - log1p(Σⱼ exp(zⱼ - m) − 1), m = maxⱼ zⱼ (natural log;
 * the sum includes the maximum's own term 1, and is compensated).
 * Accurate where `Math.log(softmax(z)[i])` is not: a probability that underflows to 0 still
 * has a finite log here. Four passes (max with validation, exponentials into the returned array,
 * their compensated sum, the results), no allocation but the returned array.
 *
 * Edge cases: a `-Infinity` logit gives `-Infinity`. All `-Infinity`, a `+Infinity` or a NaN
 * logit leave the distribution undefined and throw.
 *
 * @param logits the unnormalized log-probabilities (natural log)
 * @returns a new `Float64Array` of log-probabilities `<= 0` whose exponentials sum to 1
 * @throws {TypeError} when `logits` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when `logits` is empty, holds NaN or `+Infinity`, or is all `-Infinity`
 * @example
 * logSoftmax([0, 0]);
 * // => Float64Array [-0.6931471805599453, -0.6931471805599453]
 * logSoftmax([0, -1000]);
 * // => Float64Array [0, -1000]     (softmax would round the second to 0)
 * logSoftmax([0, -40]);
 * // => Float64Array [-4.248354255291589e-18, -40]
 * logSoftmax([0, -Infinity]);
 * // => Float64Array [0, -Infinity]
 * logSoftmax([0, Infinity]);
 * // => throws RangeError "logSoftmax: logits[1] = Infinity is not allowed (the result would be undefined)"
 */
export function logSoftmax(logits: Vector): Float64Array {
  const n = checkVector(FN, "logits", logits);
  const m = logitMax(FN, logits, n);
  // Σ_{i≠k} exp(zᵢ − m), k the maximum, summed from the maximum's own term 1 (so the running sum
  // is never below the next term and Fast2Sum is exact, as in logSumExp); s − 1 is exact, and
  // log1p keeps the small remainder that log(1 + remainder) would round away
  // (logSoftmax([0, -40])[0] = −4.25e-18, not 0). Each exp(zᵢ − m) carries the rounding error r of
  // d = zᵢ − m, exp(d + r) = exp(d)(1 + r) as in softmax, but summed apart: cr = Σ exp(d)·r, so the
  // exact exp(d) goes into the compensated sum unrounded. The corrected term e + e·r, rounded, with
  // a guard on e > 0, made the call 1.45× as slow as without r; summed apart 1.08× (user CPU time
  // of bench/compare.ts's logSoftmax 1e6 row).
  // The exponentials exp(fl(zᵢ − m)) first, alone, into the returned array (overwritten at the end),
  // and the minimum: a loop whose only call is Math.exp keeps little live across it (the sum and
  // cr in the same loop as the call made the call 1.26× f9b98d4's, in a pass of their own 1.11×:
  // medians of bench/compare.ts's logSoftmax 1e6 row, CPU clock, 8 pairs of processes)
  const k = LOGIT_ARGMAX;
  const out = new Float64Array(n);
  let lo = Infinity;
  for (let i = 0; i < n; i++) {
    const z = logits[i];
    if (z < lo) lo = z;
    out[i] = Math.exp(z - m);
  }
  let s = 1;
  let c = 0;
  let cr = 0;
  // over [0, k), then (k, n): a test for i = k inside the loop cost 5 % of the call (30 % of it
  // without r)
  // r by Fast2Sum of −m and zᵢ (two operations) where |m| ≥ |zᵢ| for every i, i.e. m ≥ 0 and
  // m ≥ −min z, else by TwoSum (four), as in softmax
  if (m >= 0 && m >= -lo) {
    for (let i = 0, end = k; i < n; i = end + 1, end = n) {
      for (; i < end; i++) {
        const z = logits[i];
        const d = z - m;
        const e = out[i];
        const t = s + e;
        c += s - t + e;
        s = t;
        cr += e * (z - (d + m));
      }
    }
  } else {
    for (let i = 0, end = k; i < n; i = end + 1, end = n) {
      for (; i < end; i++) {
        const z = logits[i];
        const d = z - m;
        const b = d - z;
        const e = out[i];
        const t = s + e;
        c += s - t + e;
        s = t;
        cr += e * (z - (d - b) + (-m - b));
      }
    }
  }
  let rest = s - 1 + (c + cr);
  // a term whose d is −∞ (a −∞ logit, or zᵢ − m below −1.8e308) is 0, but its r is NaN (−∞ + ∞),
  // and so is cr: the rest is summed again term by term, each r guarded (rare)
  if (rest !== rest) rest = sumRestPrecise(logits, n, m);
  // every other term below e^-624: summed again at scale 2^600 (the subnormal exponentials'
  // roundings would decide out[k] = −lse, 368 ulps off at [0, −744.9 × 999])
  if (rest < TINY_REST) rest = expRestTiny(logits, n, m);
  // out[k] = −log1p(rest): where every term is below half an ulp of 1 the compensation c is the
  // rest, a plain sum (51 ulps at [0, −40 × 999]); then it is summed again from 0
  else if (restIsLoose(rest, n, Math.log1p(rest))) rest = sumRestPrecise(logits, n, m);
  const lse = Math.log1p(rest);
  for (let i = 0; i < n; i++) out[i] = logits[i] - m - lse;
  return out;
}
