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
  type Vector,
} from "../validate/validate";
import {
  BLOCK,
  maxEntry,
  needsScale,
  overflowSum,
  scaleFor,
  throwIfInvalid,
  xPlusLog1pNeg,
} from "./numerics";

const FN = "klDivergence";
const NAMES = ["p", "q"] as const;
const KINDS = ["probability", "probability"] as const;

// log(p/q) costs one Math.log and is accurate to ~½ ulp of the ratio while p/q is a normal
// double; outside that range (overflow, underflow, q = 0) the slow branch takes log p - log q,
// which also yields +Infinity for q = 0.
const RATIO_MAX = Number.MAX_VALUE;
const RATIO_MIN = 2.2250738585072014e-308; // smallest normal double

// Near equality, |u| = |p - q| / (p + q) < NEAR, a term p log(p/q) is first order in u while
// the sum of all terms is second order: summing them as they are cancels catastrophically
// (relative error ~ ε/u). There the term is split exactly as
//   p log(p/q) = (p + q)·[(1 + u)·atanh(u) - u]  +  (p - q),
// the first part second order and >= 0 (u² + u(1 + u)·A(u²), A = atanh(u)/u - 1 by its series),
// the second exact (Sterbenz) and summed with TwoSum, so the cancellation happens once, exactly.
const NEAR = 1 / 64;
const C3 = 1 / 3;
const C5 = 1 / 5;
const C7 = 1 / 7;
const C9 = 1 / 9;

// Results of one pass besides its return value (no allocation per call).
let SUM_P = 0;
let SUM_Q = 0;
let NEAR_DIFF = 0; // Σ_near (pᵢ - qᵢ), TwoSum-accurate
let FAR_DIFF = 0; // Σ_other (pᵢ - qᵢ)

// H = Σ_far pᵢ log(pᵢ/qᵢ) + Σ_near (pᵢ+qᵢ)[(1+u)atanh u - u], blocked; on a·p and b·q.
// One loop for number[], Float64Array and a mix of the two. Only run when the fast pass below
// reports cancellation (its branch per element costs about half the time of the fast pass).

function precisePass(fn: string, p: Vector, q: Vector, n: number, a: number, b: number): number {
  let hHi = 0;
  let hLo = 0;
  let sp = 0;
  let sq = 0;
  let cHi = 0;
  let cLo = 0;
  let far = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0;
    for (let i = start; i < end; i++) {
      const x = p[i];
      const y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0)) {
        throwFirstInvalid(fn, NAMES, [p, q], KINDS);
      }
      const pi = x * a;
      const qi = y * b;
      sp += pi;
      sq += qi;
      const diff = pi - qi;
      if (pi > 0) {
        const s = pi + qi;
        const lim = NEAR * s;
        if (diff < lim && diff > -lim) {
          const u = diff / s;
          const t = u * u;
          h += s * (t + u * (1 + u) * (t * (C3 + t * (C5 + t * (C7 + t * C9)))));
          const c = cHi + diff;
          const z = c - cHi;
          cLo += cHi - (c - z) + (diff - z);
          cHi = c;
          continue;
        }
        const r = pi / qi;
        h += pi * (r >= RATIO_MIN && r <= RATIO_MAX ? Math.log(r) : Math.log(pi) - Math.log(qi));
      }
      far += diff;
    }
    const t = hHi + h;
    const z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  SUM_P = sp;
  SUM_Q = sq;
  NEAR_DIFF = cHi + cLo;
  FAR_DIFF = far;
  return hHi - hHi === 0 ? hHi + hLo : hHi;
}

// The fast pass: Σ pᵢ log(pᵢ/qᵢ) (blocked), the sums, and ABS = Σ |pᵢ log(pᵢ/qᵢ)|, one
// loop for number[], Float64Array and a mix. When the result is much smaller than ABS, the
// terms cancelled (p ≈ q) and the caller switches to precisePass.
let ABS = 0;
function fastPass(fn: string, p: Vector, q: Vector, n: number, a: number, b: number): number {
  let hHi = 0;
  let hLo = 0;
  let sp = 0;
  let sq = 0;
  let abs = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0;
    let g = 0;
    for (let i = start; i < end; i++) {
      const x = p[i];
      const y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0)) {
        throwFirstInvalid(fn, NAMES, [p, q], KINDS);
      }
      const pi = x * a;
      const qi = y * b;
      sp += pi;
      sq += qi;
      if (pi > 0) {
        const r = pi / qi;
        const term = pi * (r >= RATIO_MIN && r <= RATIO_MAX ? Math.log(r) : Math.log(pi) - Math.log(qi));
        h += term;
        g += Math.abs(term);
      }
    }
    abs += g;
    const t = hHi + h;
    const z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  SUM_P = sp;
  SUM_Q = sq;
  ABS = abs;
  return hHi - hHi === 0 ? hHi + hLo : hHi;
}

/**
 * Fast-pass results smaller than ABS / CANCELLATION lost more than ~5 bits to cancellation
 * (the fast error bound is ~BLOCK·ε·ABS); below that the precise pass runs.
 */
const CANCELLATION = 32;

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
 * One pass over p and q, O(1) extra memory; validation is fused into the same loop. When that
 * pass finds its terms cancelling (the result is below 1/32 of Σ|pᵢ log(pᵢ/qᵢ)|, i.e. p ≈ q),
 * a second pass recomputes near-equal terms (|pᵢ - qᵢ| < (pᵢ + qᵢ)/64) in a log1p-type form:
 * pᵢ log(pᵢ/qᵢ) = (pᵢ+qᵢ)[(1+u)·atanh u − u] + (pᵢ − qᵢ), u = (pᵢ−qᵢ)/(pᵢ+qᵢ), the first part
 * second order without cancellation, the second exact and summed with TwoSum. Relative error
 * ≤ 1e-12 against 50-digit mpmath also when q is within 1e-7 of p. Long sums are blocked and
 * compensated.
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
 * klDivergence([0.1, 0.2, 0.3, 0.4], [0.1 + 3e-8, 0.2 - 1e-8, 0.3 - 5e-8, 0.4 + 3e-8]);
 * // => 1.002778838749777e-14   (q within 1e-7 of p; 50-digit mpmath: 1.00277883874977681e-14)
 * klDivergence([1e308, 1e308], [1e308, 3e307], { normalize: true });
 * // => 0.17120348607051383    (the sums overflow; rescaled by powers of two)
 * klDivergence([0.5, 0.5, -0.1], [0.3, 0.3, 0.4]);
 * // => throws RangeError "klDivergence: p[2] = -0.1 is negative"
 */
export function klDivergence(p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  return klDivergenceAs(FN, p, q, opts);
}

/** {@link klDivergence} reporting errors under the name `fn` (klBetween uses it). Internal. */
export function klDivergenceAs(fn: string, p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  const { base = Math.E, normalize = false, tolerance = DEFAULT_TOLERANCE } = readOptions(fn, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(fn, base, normalize, tolerance);
  const n = checkVector(fn, "p", p);
  checkSameLength(fn, "p", n, "q", checkVector(fn, "q", q));
  let h = fastPass(fn, p, q, n, 1, 1);
  let sp = SUM_P;
  let sq = SUM_Q;
  if (!(sp < Infinity && sq < Infinity)) {
    throwIfInvalid(fn, NAMES, [p, q], KINDS); // a bad entry, or else a sum overflowed
    if (!normalize) throw overflowSum(fn, sp < Infinity ? "q" : "p");
  }
  let a = 1;
  let b = 1;
  if (normalize && (needsScale(sp) || needsScale(sq) || !(h - h === 0))) {
    // A sum that overflowed or is tiny, or a term p·log(p/q) that overflowed (h = Infinity also
    // when q has a zero where p has not: the second pass then gives Infinity again): redo the
    // pass on 2^j·p and 2^k·q, both maxima in [1, 2), so that Sp ≈ Sq and log(Sq/Sp) does not
    // cancel against the sum. Exact, and KL does not change.
    a = scaleFor(maxEntry(p, n));
    b = scaleFor(maxEntry(q, n));
    h = fastPass(fn, p, q, n, a, b);
    sp = SUM_P;
    sq = SUM_Q;
  }
  const rescan = (): never => throwFirstInvalid(fn, NAMES, [p, q], KINDS);
  sp = checkSum(fn, "p", sp, n, normalize, tolerance, rescan);
  sq = checkSum(fn, "q", sq, n, normalize, tolerance, rescan);
  if (h === Infinity) return Infinity; // pᵢ > 0 where qᵢ = 0
  if (!normalize) {
    if (!(h * CANCELLATION < ABS)) return fromNats(h, lnBase);
    return fromNats(precisePass(fn, p, q, n, 1, 1) + NEAR_DIFF, lnBase);
  }
  const fastKl = h / sp + Math.log(sq / sp);
  if (!(fastKl * CANCELLATION < Math.max(ABS / sp, Math.abs(Math.log(sq / sp))))) return fromNats(fastKl, lnBase);
  // Normalized, with cancellation: KL = (1/Sp) Σ p log(p/q) + log(Sq/Sp). With D = Sp - Sq =
  // Σ (p - q) and x = D/Sp this is (H - Σ_far (p - q))/Sp + (x + log(1 - x)), where both parts
  // are second order when p ≈ q; for |x| >= 1/2 the direct form has no such cancellation.
  h = precisePass(fn, p, q, n, a, b);
  sp = SUM_P;
  sq = SUM_Q;
  const x = (NEAR_DIFF + FAR_DIFF) / sp;
  const kl =
    Math.abs(x) < 0.5 ? (h - FAR_DIFF) / sp + xPlusLog1pNeg(x) : (h + NEAR_DIFF) / sp + Math.log(sq / sp);
  return fromNats(kl, lnBase);
}
