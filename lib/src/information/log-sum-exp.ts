import { checkVector, throwFirstInvalid, type Vector } from "../validate/validate";

const FN = "logSumExp";
const NAMES = ["xs"] as const;
const KINDS = ["number"] as const;

// Pass 1: the maximum, with validation (a +Infinity entry is allowed: the result is +Infinity).
function maxPass(xs: Vector, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (typeof x !== "number" || x !== x) throwFirstInvalid(FN, NAMES, [xs], KINDS);
    if (x > m) m = x;
  }
  return m;
}

/**
 * Σ exp(xᵢ - m) for the maximum m: every term is in [0, 1] and one is exactly 1, so nothing
 * overflows. The terms do not depend on the order of xs; the sum is compensated (Neumaier), so
 * reordering xs changes it by at most about one ulp. Shared with crossEntropyFromLogits.
 */
export function sumExpShifted(xs: Vector, n: number, m: number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s >= e ? s - t + e : e - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Log of a sum of exponentials, computed without overflow or underflow: the log-space sum of
 * quantities stored as logarithms (log-likelihoods, logits).
 *
 * logSumExp(x) = log Σᵢ exp(xᵢ) = m + log Σᵢ exp(xᵢ - m), m = maxᵢ xᵢ (the shift is always the
 * maximum, so no term overflows and the result does not depend on the order of the entries:
 * reordering changes it by at most a few ulps). Two passes (maximum, then a compensated sum of
 * the shifted exponentials), O(1) extra memory; units are those of the inputs (natural log).
 *
 * Edge cases: `-Infinity` entries stand for exp(x) = 0 and are skipped; if every entry is
 * `-Infinity` the result is `-Infinity` (log 0). A `+Infinity` entry makes the sum infinite, so
 * the result is `+Infinity` (every entry is still checked for NaN).
 *
 * @param xs the exponents: any numbers but NaN
 * @returns log Σ exp(xᵢ); shift-invariant up to rounding: logSumExp(x + c) = logSumExp(x) + c
 * @throws {TypeError} when `xs` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN
 * @example
 * logSumExp([0, 0]);
 * // => 0.6931471805599453   (log 2)
 * logSumExp([1000, 1000]);
 * // => 1000.6931471805599   (no overflow)
 * logSumExp([-1000, -Infinity]);
 * // => -1000
 * logSumExp([-Infinity, -Infinity]);
 * // => -Infinity
 * logSumExp([1, Infinity]);
 * // => Infinity
 * logSumExp([1, NaN]);
 * // => throws RangeError "logSumExp: xs[1] = NaN is not a number"
 */
export function logSumExp(xs: Vector): number {
  const n = checkVector(FN, "xs", xs);
  const m = maxPass(xs, n);
  if (m === Infinity || m === -Infinity) return m; // exp(+∞) = ∞; all -∞: log 0
  return m + Math.log(sumExpShifted(xs, n, m));
}
