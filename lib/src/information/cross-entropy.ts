import { DEFAULT_TOLERANCE, type InfoOptions, type Probabilities } from "./types";
import {
  checkOptions,
  checkSameLength,
  checkSum,
  checkVector,
  fromNats,
  INFO_OPTION_KEYS,
  readOptions,
  throwFirstInvalid,
} from "../validate/validate";

const FN = "crossEntropy";
const NAMES = ["p", "q"] as const;
const KINDS = ["probability", "probability"] as const;

let SUM_P = 0;
let SUM_Q = 0;

function passF64(p: Float64Array, q: Float64Array, n: number): number {
  let h = 0;
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const qi = q[i];
    if (!(pi >= 0 && qi >= 0)) throwFirstInvalid(FN, NAMES, [p, q], KINDS);
    sp += pi;
    sq += qi;
    if (pi > 0) h -= pi * Math.log(qi);
  }
  SUM_P = sp;
  SUM_Q = sq;
  return h;
}

function passArray(p: readonly number[], q: readonly number[], n: number): number {
  let h = 0;
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const qi = q[i];
    if (typeof pi !== "number" || typeof qi !== "number" || !(pi >= 0 && qi >= 0)) {
      throwFirstInvalid(FN, NAMES, [p, q], KINDS);
    }
    sp += pi;
    sq += qi;
    if (pi > 0) h -= pi * Math.log(qi);
  }
  SUM_P = sp;
  SUM_Q = sq;
  return h;
}

/**
 * Cross-entropy of q relative to p: the expected code length, in log-base units, when events
 * drawn from p are coded with a code built for q.
 *
 * H(p, q) = -Σᵢ pᵢ log qᵢ = H(p) + KL(p ‖ q), in nats for the default base e, bits for `base: 2`.
 * With `normalize: true`, p and q are divided by their sums Sp and Sq analytically:
 * H = log Sq - (1/Sp) Σᵢ pᵢ log qᵢ.
 *
 * Edge cases: a term with pᵢ = 0 is 0 whatever qᵢ is (`0 · log 0 = 0`); pᵢ > 0 with qᵢ = 0 gives
 * `Infinity`. The result is never negative.
 *
 * One pass over p and q, O(1) extra memory; validation is fused into the same loop. `p` and `q`
 * may be a `number[]` and a `Float64Array` each, but two `Float64Array`s are fastest.
 *
 * @param p the true distribution: finite masses `>= 0` summing to 1 (unless `normalize`)
 * @param q the coding distribution, same length and rules as `p`
 * @param opts `base` (default `Math.E`), `normalize` (default `false`), `tolerance` (default `1e-9`)
 * @returns H(p, q) in units of log base `base`, `>= entropy(p)`
 * @throws {TypeError} when `p` or `q` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when either is empty, their lengths differ, an entry is NaN, negative or
 *   not finite, a sum is off 1 by more than `tolerance * max(1, n)` (without `normalize`) or is
 *   0 (with it), or an option is out of range
 * @example
 * crossEntropy([0.5, 0.5], [0.5, 0.5], { base: 2 });
 * // => 1
 * crossEntropy([0.5, 0.5], [0.75, 0.25], { base: 2 });
 * // => 1.207518749639422
 * crossEntropy([1, 0], [0.5, 0.5], { base: 2 });
 * // => 1
 * crossEntropy([0, 1], [0, 1]);
 * // => 0                    (0 · log 0 = 0)
 * crossEntropy([0.5, 0.5], [1, 0]);
 * // => Infinity             (p₁ > 0 but q₁ = 0)
 * crossEntropy([0.5, 0.5], [1, 0, 0]);
 * // => throws RangeError "crossEntropy: p and q differ in length (2 vs 3)"
 */
export function crossEntropy(p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  const { base = Math.E, normalize = false, tolerance = DEFAULT_TOLERANCE } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const n = checkVector(FN, "p", p);
  checkSameLength(FN, "p", n, "q", checkVector(FN, "q", q));
  let h: number;
  if (p instanceof Float64Array && q instanceof Float64Array) h = passF64(p, q, n);
  else if (Array.isArray(p) && Array.isArray(q)) h = passArray(p, q, n);
  else h = passMixed(p, q, n);
  const rescan = (): never => throwFirstInvalid(FN, NAMES, [p, q], KINDS);
  const sp = checkSum(FN, "p", SUM_P, n, normalize, tolerance, rescan);
  const sq = checkSum(FN, "q", SUM_Q, n, normalize, tolerance, rescan);
  return fromNats(normalize ? Math.log(sq) + h / sp : h, lnBase);
}

// A Float64Array with a number[]: its own copy of the loop, so that the two loops above stay
// monomorphic (V8 would otherwise slow every later call down to the polymorphic speed).
function passMixed(p: Probabilities, q: Probabilities, n: number): number {
  let h = 0;
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const qi = q[i];
    if (typeof pi !== "number" || typeof qi !== "number" || !(pi >= 0 && qi >= 0)) {
      throwFirstInvalid(FN, NAMES, [p, q], KINDS);
    }
    sp += pi;
    sq += qi;
    if (pi > 0) h -= pi * Math.log(qi);
  }
  SUM_P = sp;
  SUM_Q = sq;
  return h;
}
