import { checkVector, throwFirstInvalid, type Vector } from "../validate/validate";

const FN = "logSumExp";
const NAMES = ["xs"] as const;
const KINDS = ["number"] as const;

let ARGMAX = 0; // index of the (first) maximum found by maxPass

// Pass 1: the maximum and where it is, with validation (+Infinity is allowed: the result is
// +Infinity).
function maxPass(xs: Vector, n: number): number {
  let m = -Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (typeof x !== "number" || x !== x) throwFirstInvalid(FN, NAMES, [xs], KINDS);
    if (x > m) {
      m = x;
      k = i;
    }
  }
  ARGMAX = k;
  return m;
}

/**
 * Σ_{i≠k} exp(xᵢ - m) for the maximum m = xs[k], i.e. the sum of the shifted exponentials less the
 * maximum's own term 1: every term is in [0, 1], and the running sum s starts from that 1, so it
 * is never smaller than the next term and Fast2Sum (Dekker) captures each rounding error exactly,
 * without a branch. s − 1 is exact (s ≥ 1), so the result keeps what 1 + tiny would round away
 * (logSumExp([0, -40]) = log1p(e^-40) = 4.25e-18, not 0). The terms do not depend on the order of
 * xs and the compensated sum is accurate to about one ulp, so reordering xs changes the result by
 * at most a few ulps.
 */
function sumExpShifted(xs: Vector, n: number, m: number, k: number): number {
  let s = 1;
  let c = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  for (let i = k + 1; i < n; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  return s - 1 + c;
}

/**
 * Log of a sum of exponentials, computed without overflow or underflow: the log-space sum of
 * quantities stored as logarithms (log-likelihoods, logits).
 *
 * logSumExp(x) = log Σᵢ exp(xᵢ) = m + log1p(Σ_{i≠k} exp(xᵢ - m)), m = x_k = maxᵢ xᵢ (the shift is
 * always the maximum, so no term overflows and the result does not depend on the order of the
 * entries: reordering changes it by at most a few ulps; log1p keeps a small remainder that
 * 1 + remainder would round away). Two passes (maximum, then a Fast2Sum-compensated sum of the
 * shifted exponentials), O(1) extra memory; units are those of the inputs (natural log).
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
 * logSumExp([0, -40]);
 * // => 4.248354255291589e-18   (log1p(e^-40); log(1 + e^-40) would round to 0)
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
  return m + Math.log1p(sumExpShifted(xs, n, m, ARGMAX));
}
