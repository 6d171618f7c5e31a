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

const FN = "klDivergence";
const NAMES = ["p", "q"] as const;
const KINDS = ["probability", "probability"] as const;

// log(p/q) costs one Math.log and is accurate to ~½ ulp of the ratio while p/q is a normal
// double; outside that range (overflow, underflow, q = 0) the slow branch takes log p - log q,
// which also yields +Infinity for q = 0.
const RATIO_MAX = Number.MAX_VALUE;
const RATIO_MIN = 2.2250738585072014e-308; // smallest normal double

let SUM_P = 0;
let SUM_Q = 0;

function passF64(p: Float64Array, q: Float64Array, n: number): number {
  let d = 0;
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const qi = q[i];
    if (!(pi >= 0 && qi >= 0)) throwFirstInvalid(FN, NAMES, [p, q], KINDS);
    sp += pi;
    sq += qi;
    if (pi > 0) {
      const r = pi / qi;
      d += pi * (r >= RATIO_MIN && r <= RATIO_MAX ? Math.log(r) : Math.log(pi) - Math.log(qi));
    }
  }
  SUM_P = sp;
  SUM_Q = sq;
  return d;
}

function passArray(p: readonly number[], q: readonly number[], n: number): number {
  let d = 0;
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
    if (pi > 0) {
      const r = pi / qi;
      d += pi * (r >= RATIO_MIN && r <= RATIO_MAX ? Math.log(r) : Math.log(pi) - Math.log(qi));
    }
  }
  SUM_P = sp;
  SUM_Q = sq;
  return d;
}

// A Float64Array with a number[]: its own copy of the loop, so that the two loops above stay
// monomorphic (V8 would otherwise slow every later call down to the polymorphic speed).
function passMixed(p: Probabilities, q: Probabilities, n: number): number {
  let d = 0;
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
    if (pi > 0) {
      const r = pi / qi;
      d += pi * (r >= RATIO_MIN && r <= RATIO_MAX ? Math.log(r) : Math.log(pi) - Math.log(qi));
    }
  }
  SUM_P = sp;
  SUM_Q = sq;
  return d;
}

/**
 * Kullback–Leibler divergence of p from q: the expected extra code length, per event drawn
 * from p, of coding with q instead of p (relative entropy).
 *
 * KL(p ‖ q) = Σᵢ pᵢ log(pᵢ / qᵢ) = H(p, q) - H(p), in nats for the default base e, bits for
 * `base: 2`. It is not symmetric. With `normalize: true`, p and q are divided by their sums Sp
 * and Sq analytically: KL = (1/Sp) Σᵢ pᵢ log(pᵢ/qᵢ) + log(Sq/Sp) — scipy's `stats.entropy(p, q)`.
 *
 * Edge cases: a term with pᵢ = 0 is 0 whatever qᵢ is (`0 · log(0/q) = 0`); pᵢ > 0 with qᵢ = 0
 * gives `Infinity`. KL(p ‖ p) is exactly 0, and the result is never negative (Gibbs'
 * inequality; rounding noise below 0 is clamped to 0).
 *
 * One pass over p and q, O(1) extra memory; validation is fused into the same loop.
 *
 * @param p the true distribution: finite masses `>= 0` summing to 1 (unless `normalize`)
 * @param q the reference distribution, same length and rules as `p`
 * @param opts `base` (default `Math.E`), `normalize` (default `false`), `tolerance` (default `1e-9`)
 * @returns KL(p ‖ q) in units of log base `base`, in `[0, Infinity]`
 * @throws {TypeError} when `p` or `q` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when either is empty, their lengths differ, an entry is NaN, negative or
 *   not finite, a sum is off 1 by more than `tolerance * max(1, n)` (without `normalize`) or is
 *   0 (with it), or an option is out of range
 * @example
 * klDivergence([0.5, 0.5], [0.25, 0.75], { base: 2 });
 * // => 0.20751874963942185
 * klDivergence([0.5, 0.5], [0.5, 0.5]);
 * // => 0
 * klDivergence([0, 1], [0.5, 0.5], { base: 2 });
 * // => 1                    (0 · log(0/q) = 0)
 * klDivergence([0.5, 0.5], [1, 0]);
 * // => Infinity             (p₁ > 0 but q₁ = 0)
 * klDivergence([1, 1], [1, 3], { normalize: true, base: 2 });
 * // => 0.20751874963942182
 * klDivergence([0.5, 0.5, -0.1], [0.3, 0.3, 0.4]);
 * // => throws RangeError "klDivergence: p[2] = -0.1 is negative"
 */
export function klDivergence(p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  const { base = Math.E, normalize = false, tolerance = DEFAULT_TOLERANCE } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const n = checkVector(FN, "p", p);
  checkSameLength(FN, "p", n, "q", checkVector(FN, "q", q));
  let d: number;
  if (p instanceof Float64Array && q instanceof Float64Array) d = passF64(p, q, n);
  else if (Array.isArray(p) && Array.isArray(q)) d = passArray(p, q, n);
  else d = passMixed(p, q, n);
  const rescan = (): never => throwFirstInvalid(FN, NAMES, [p, q], KINDS);
  const sp = checkSum(FN, "p", SUM_P, n, normalize, tolerance, rescan);
  const sq = checkSum(FN, "q", SUM_Q, n, normalize, tolerance, rescan);
  return fromNats(normalize ? d / sp + Math.log(sq / sp) : d, lnBase);
}
