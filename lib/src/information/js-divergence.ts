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
  throwIfInvalid,
} from "../validate/validate";
import { BLOCK, maxEntry, overflowSum, productError, scaleFor } from "./numerics";

const FN = "jsDivergence";
const NAMES = ["p", "q"] as const;
const KINDS = ["probability", "probability"] as const;

let SUM_P = 0;
let SUM_Q = 0;
let SUM_P_LO = 0; // compensation of SUM_P (sumsOnly)
let SUM_Q_LO = 0;

/**
 * f(u) = (1 + u)·log(1 + u) + (1 − u)·log(1 − u) for |u| < ⅛: the JS term of a pair, per unit of
 * mass, at u = (a − b)/(a + b). Second order in u; by its series Σ u^2k / (k(2k − 1)) (all terms
 * positive, ten of them reach full precision below ⅛), where the log form a·log(2a/m) + b·log(2b/m)
 * cancels to nothing for a ≈ b.
 */
function jsNear(u: number): number {
  const t = u * u;
  return (
    t *
    (1 +
      t *
        (1 / 6 +
          t *
            (1 / 15 +
              t *
                (1 / 28 +
                  t *
                    (1 / 45 +
                      t * (1 / 66 + t * (1 / 91 + t * (1 / 120 + t * (1 / 153 + t / 190)))))))))
  );
}

// Σᵢ aᵢ log(2aᵢ/(aᵢ+bᵢ)) + bᵢ log(2bᵢ/(aᵢ+bᵢ)) with aᵢ = (pᵢ·sa)·ia, bᵢ = (qᵢ·sb)·ib: sa, sb exact
// power-of-two scales (tinyResult: 2^600 without normalize), ia, ib the reciprocal sums times
// termScale (1 outside tinyResult, 2^600 in it with normalize; ia = ib = 1 when not normalizing).
// termScale is a parameter, not module state: a call made from an index getter during tinyResult's
// pass must not see the outer call's 2^600 (referee 10). Each pair is
// (mᵢ)·f(uᵢ), mᵢ = aᵢ + bᵢ halved, uᵢ = (aᵢ − bᵢ)/(aᵢ + bᵢ): near equality (|u| < ⅛) by jsNear, which
// keeps every digit of a second-order term; with `normalize` u is then recomputed from exact
// products, (x·Sq − y·Sp)/(x·Sq + y·Sp), so the rounding of aᵢ and bᵢ does not swamp it. Elsewhere
// the log form (each ratio in [0, 2], so no term overflows and qᵢ = 0 costs nothing special).
// Validation and the sums ride along; one loop for number[], Float64Array and a mix; blocked sum
// (numerics.ts).
function pass(
  p: Vector,
  q: Vector,
  n: number,
  sa: number,
  sb: number,
  normalize: boolean,
  termScale: number,
): number {
  const spHi = SUM_P;
  const spLo = SUM_P_LO;
  const sqHi = SUM_Q;
  const sqLo = SUM_Q_LO;
  // (the literal 1s matter: with a variable there, the pass without normalize was 2.7% slower)
  const ia = normalize ? termScale / spHi : 1;
  const ib = normalize ? termScale / sqHi : 1;
  let dHi = 0;
  let dLo = 0;
  let tp = 0;
  let tq = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let d = 0;
    for (let i = start; i < end; i++) {
      const x = p[i];
      const y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0)) {
        throwFirstInvalid(FN, NAMES, [p, q], KINDS);
      }
      const ps = x * sa;
      const qs = y * sb;
      tp += ps;
      tq += qs;
      const a = ps * ia;
      const b = qs * ib;
      const m = a + b;
      if (!(m > 0)) continue;
      let u = (a - b) / m;
      // |u| < ⅛ as one test, and below no branch on the sign of u nor on |u| < ½: on random inputs
      // those were branches mispredicted about half the time (bench/compare.ts, jsDivergence 1e6:
      // 32.3 → 28.7 ms of user CPU; f9b98d4 27.8)
      if (Math.abs(u) < 0.125) {
        if (normalize) {
          // the products of the entries times termScale (exact; 2^600 in tinyResult), so that a
          // subnormal entry's x·Sq is not rounded on the 2⁻¹⁰⁷⁴ grid, where productError cannot
          // return the lost half unit (referee 10: 11 units of 2⁻¹⁰⁷⁴ off a subnormal result)
          const px = ps * termScale;
          const qy = qs * termScale;
          const v = px * sqHi;
          const w = qy * spHi;
          const num =
            v -
            w +
            (productError(px, sqHi, v) - productError(qy, spHi, w)) +
            (px * sqLo - qy * spLo);
          u = num / (v + w);
        }
        d += 0.5 * m * jsNear(u);
      } else if (Math.abs(u) < 1) {
        // 2a/m = 1 + u and 2b/m = 1 − u: log1p of ±u, no division and no branch on the sign (the
        // two logs cancel by at most a factor 8 from |u| = ⅛ on). Where 1 − |u| is small, the
        // rounding of u itself moves the pair only to second order: the derivative in u of
        // a·log(1 + u) + b·log(1 − u) is a/(1 + u) − b/(1 − u) = 0 at the exact u, so the smaller
        // side's log needs no ratio of its own (1 ∓ u is exact inside log1p for |u| ≥ ½)
        d += a * Math.log1p(u) + b * Math.log1p(-u);
      } else {
        // |u| = 1: an entry is 0 or below 2⁻⁵³ of the other; the larger side's log is log 2, the
        // smaller's (0 for an entry that is 0) from the ratio itself
        d +=
          u > 0
            ? a * Math.LN2 + (b > 0 ? b * Math.log((2 * b) / m) : 0)
            : b * Math.LN2 + (a > 0 ? a * Math.log((2 * a) / m) : 0);
      }
    }
    const t = dHi + d;
    const z = t - dHi;
    dLo += dHi - (t - z) + (d - z);
    dHi = t;
  }
  SUM_P = tp;
  SUM_Q = tq;
  return dHi + dLo;
}

// Sums only (with the same validation), compensated, for the first of the two passes `normalize`
// needs.
function sumsOnly(p: Vector, q: Vector, n: number, sa: number, sb: number): void {
  let tp = 0;
  let tq = 0;
  let cp = 0;
  let cq = 0;
  for (let i = 0; i < n; i++) {
    const x = p[i];
    const y = q[i];
    if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0)) {
      throwFirstInvalid(FN, NAMES, [p, q], KINDS);
    }
    const a = x * sa;
    const b = y * sb;
    let t = tp + a;
    cp += tp >= a ? tp - t + a : a - t + tp;
    tp = t;
    t = tq + b;
    cq += tq >= b ? tq - t + b : b - t + tq;
    tq = t;
  }
  SUM_P = tp + cp;
  SUM_P_LO = cp - (SUM_P - tp);
  SUM_Q = tq + cq;
  SUM_Q_LO = cq - (SUM_Q - tq);
}

/**
 * Jensen–Shannon divergence: the mean KL divergence of p and q from their midpoint
 * m = (p + q)/2; a symmetric, always finite smoothing of KL.
 *
 * JS(p, q) = ½ KL(p ‖ m) + ½ KL(q ‖ m), in nats for the default base e (then
 * `0 <= JS <= log 2`), in bits for `base: 2` (then `0 <= JS <= 1`). Its square root is a metric,
 * the value scipy's `spatial.distance.jensenshannon` returns.
 *
 * Edge cases: terms with pᵢ = 0 or qᵢ = 0 follow `0 · log 0 = 0`, so disjoint supports give
 * exactly log 2 and never `Infinity`. JS(p, p) is exactly 0 and the result is never negative,
 * so `Math.sqrt(jsDivergence(p, q))` is always defined.
 *
 * Near equality each pair's term is second order, (aᵢ + bᵢ)/2 · f(uᵢ) with uᵢ = (aᵢ − bᵢ)/(aᵢ + bᵢ)
 * and f(u) = (1 + u) log(1 + u) + (1 − u) log(1 − u) by its series, so JS(p, q) keeps full
 * relative precision for q = p(1 ± 2⁻⁵²), where the log form cancels to nothing.
 *
 * Without `normalize`: one pass, O(1) extra memory, validation fused. With `normalize: true`
 * the midpoint needs both sums before the first term, so cheap first passes (compensated sums and
 * validation, no logarithms) precede the main one; still O(1) extra memory. A result below 2⁻⁹⁰⁰
 * (tiny masses that differ) is computed again with every term times 2⁶⁰⁰ (exact), so that a
 * subnormal result is rounded once, to the double nearest the computed value, and terms that each
 * underflow to 0 still add up.
 *
 * @param p a distribution: finite masses `>= 0` summing to 1 (unless `normalize`)
 * @param q another distribution, same length and rules as `p`
 * @param opts `base` (default `Math.E`), `normalize` (default `false`), `tolerance` (default `1e-9`)
 * @returns JS(p, q) in units of log base `base`, in `[0, log 2]`; symmetric in p and q
 * @throws {TypeError} when `p` or `q` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when either is empty, their lengths differ, an entry is NaN, negative or
 *   not finite, a sum is off 1 by more than `tolerance * max(1, n)` (without `normalize`) or is
 *   0 (with it), or an option is out of range
 * @example
 * jsDivergence([0.5, 0.5], [0.25, 0.75], { base: 2 });
 * // => 0.048794940695398505
 * jsDivergence([1, 0], [0, 1], { base: 2 });
 * // => 1                    (disjoint supports: the maximum, not Infinity)
 * jsDivergence([0.2, 0.8], [0.2, 0.8]);
 * // => 0
 * jsDivergence([2, 2], [1, 3], { normalize: true, base: 2 });
 * // => 0.048794940695398505
 * jsDivergence([0.5, 0.5, 4.2e-322], [0.5, 0.5, 0]);
 * // => 1.43e-322            (29 · 2⁻¹⁰⁷⁴, the nearest double to 85 · 2⁻¹⁰⁷⁴ · (ln 2)/2 = 29.46 · 2⁻¹⁰⁷⁴; not 30 · 2⁻¹⁰⁷⁴ from rounding twice)
 * jsDivergence([0.5, NaN], [0.5, 0.5]);
 * // => throws RangeError "jsDivergence: p[1] = NaN is not a number"
 */
export function jsDivergence(p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const n = checkVector(FN, "p", p);
  checkSameLength(FN, "p", n, "q", checkVector(FN, "q", q));
  const rescan = (): never => throwFirstInvalid(FN, NAMES, [p, q], KINDS);
  let d: number;
  let sa = 1;
  let sb = 1;
  if (normalize) {
    sumsOnly(p, q, n, 1, 1); // validation (a sum that is not finite: a bad entry, or overflow)
    if (!(SUM_P < Infinity && SUM_Q < Infinity)) throwIfInvalid(FN, NAMES, [p, q], KINDS);
    // Scale both by powers of two (exact), maxima in [1, 2), so that the sums and the products
    // x·Sq of the near-equality terms stay in range; an entry this flushes to 0 weighed less than
    // 2^-1074 of its distribution.
    sa = scaleFor(maxEntry(p, n));
    sb = scaleFor(maxEntry(q, n));
    sumsOnly(p, q, n, sa, sb);
    checkSum(FN, "p", SUM_P, n, true, tolerance, rescan);
    checkSum(FN, "q", SUM_Q, n, true, tolerance, rescan);
    d = pass(p, q, n, sa, sb, true, 1);
  } else {
    unitSums();
    d = pass(p, q, n, 1, 1, false, 1);
    if (!(SUM_P < Infinity && SUM_Q < Infinity)) {
      throwIfInvalid(FN, NAMES, [p, q], KINDS);
      throw overflowSum(FN, SUM_P < Infinity ? "q" : "p");
    }
    checkSum(FN, "p", SUM_P, n, false, tolerance, rescan);
    checkSum(FN, "q", SUM_Q, n, false, tolerance, rescan);
  }
  if (d < TINY && (d > 0 || differs(p, q, n)) && Math.max(SUM_P, SUM_Q) < 2 ** 400)
    return tinyResult(p, q, n, sa, sb, normalize, lnBase);
  return fromNats(d / 2, lnBase);
}

/**
 * JS for a result below {@link TINY}: its terms round on the subnormal grid, and d/2 (and the
 * change of base) would round again. So the pass once more with every term times 2^600 (exact;
 * the entries scaled without normalize, the normalized ones with it, through pass's termScale):
 * the sum, its half and the base are taken in the normal range, and the one rounding into the
 * subnormals is the last multiplication. (A 0 with p ≠ q can be terms that all underflowed; the
 * scaled masses stay below 2^1001. The pass left its plain sums in SUM_P, SUM_Q: the compensated
 * ones again.) Apart from jsDivergence, so that its own calls of the pass stay as they were.
 */
function tinyResult(
  p: Vector,
  q: Vector,
  n: number,
  sa: number,
  sb: number,
  normalize: boolean,
  lnBase: number,
): number {
  if (!normalize) {
    unitSums();
    return fromNats(pass(p, q, n, 2 ** 600, 2 ** 600, false, 1) / 2, lnBase) * 2 ** -600;
  }
  sumsOnly(p, q, n, sa, sb);
  const d = pass(p, q, n, sa, sb, true, 2 ** 600);
  return fromNats(d / 2, lnBase) * 2 ** -600;
}

/** The sums a pass without normalize divides by: 1. */
function unitSums(): void {
  SUM_P = 1;
  SUM_P_LO = 0;
  SUM_Q = 1;
  SUM_Q_LO = 0;
}

/** Below this (twice the result) the terms may have been rounded in the subnormal range. */
const TINY = 2 ** -900;

/** Whether p and q differ anywhere (validated vectors). */
function differs(p: Vector, q: Vector, n: number): boolean {
  for (let i = 0; i < n; i++) if (p[i] !== q[i]) return true;
  return false;
}
