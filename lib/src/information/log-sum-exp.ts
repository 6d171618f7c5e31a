import { checkVector, throwFirstInvalid, type Vector } from "../validate/validate";

const FN = "logSumExp";

function passF64(xs: Float64Array, n: number): number {
  // Running maximum m and s = Σ exp(xᵢ - m), rescaled whenever m grows (streaming form).
  let m = -Infinity;
  let s = 0;
  let posInf = false;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (x > m) {
      if (x === Infinity) posInf = true;
      else {
        s = s * Math.exp(m - x) + 1;
        m = x;
      }
    } else if (x > -Infinity) {
      s += Math.exp(x - m);
    } else if (x !== x) {
      throwFirstInvalid(FN, ["xs"], [xs], ["logit"]);
    }
  }
  return posInf ? Infinity : m + Math.log(s);
}

function passArray(xs: readonly number[], n: number): number {
  let m = -Infinity;
  let s = 0;
  let posInf = false;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (typeof x !== "number") throwFirstInvalid(FN, ["xs"], [xs], ["logit"]);
    if (x > m) {
      if (x === Infinity) posInf = true;
      else {
        s = s * Math.exp(m - x) + 1;
        m = x;
      }
    } else if (x > -Infinity) {
      s += Math.exp(x - m);
    } else if (x !== x) {
      throwFirstInvalid(FN, ["xs"], [xs], ["logit"]);
    }
  }
  return posInf ? Infinity : m + Math.log(s);
}

/**
 * Log of a sum of exponentials, computed without overflow or underflow: the log-space sum of
 * quantities stored as logarithms (log-likelihoods, logits).
 *
 * logSumExp(x) = log Σᵢ exp(xᵢ) = m + log Σᵢ exp(xᵢ - m), m = maxᵢ xᵢ. One streaming pass with a
 * running maximum, O(1) extra memory; units are those of the inputs (natural log).
 *
 * Edge cases: `-Infinity` entries stand for exp(x) = 0 and are skipped; if every entry is
 * `-Infinity` the result is `-Infinity` (log 0). A `+Infinity` entry makes the sum infinite, so
 * the result is `+Infinity` (the remaining entries are still checked for NaN).
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
  return xs instanceof Float64Array ? passF64(xs, n) : passArray(xs, n);
}
