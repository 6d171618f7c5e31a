import { DEFAULT_TOLERANCE, type InfoOptions, type Probabilities } from "./types";
import {
  checkOptions,
  checkSameLength,
  checkSum,
  checkVector,
  fromNats,
  INFO_OPTION_KEYS,
  logQuotient,
  MAX_DOUBLE,
  MIN_NORMAL,
  PQ_NAMES,
  PROB2,
  readOptions,
  throwFirstInvalid,
  type Vector,
  throwIfInvalid,
} from "../validate/validate";
import {
  BLOCK,
  blockedSums,
  productError,
  atanhSeries,
  klDivTerm,
  maxEntry,
  needsScale,
  overflowSum,
  scaleFor,
} from "./numerics";
import { klFastPass, PASS } from "../simd/passes";

const FN = "klDivergence";

/** Results of the normalized passes besides their return value (no allocation per call). */
let NORM_SP = 0; // Σ xᵢ, error-free split sum (relative error about n·2⁻⁹⁸)
let NORM_D = 0; // Σ (xᵢ − c·yᵢ)
let FAR_HI = 0; // Σ (xᵢ − c·yᵢ) over the terms far from equality, TwoSum (see offTerm)
let FAR_LO = 0;

/** 2^27 + 1, Dekker's splitting constant. */
const SPLIT = 134217729;

/**
 * σ = 2^M, the power of two in [4s, 8s), for a sum s > 0 of non-negative entries: (σ + x) − σ rounds each x ≤ s to a
 * multiple of ulp(σ) exactly, so those parts add up without error and the rests x − ((σ + x) − σ),
 * each below ulp(σ)/2, lose at most (n + 256)·σ·2⁻⁹⁸ in 256-term blocks (an error-free split
 * sum: Σ x to ε² for four flops an entry, no dependency chain beyond a plain sum).
 */
function splitBase(s: number): number {
  // 2^⌈log₂ s⌉ by Rump's NextPowerTwo (three flops; Math.log2 and ** cost 60 ns): for s in
  // [2⁻⁵⁰⁰, 2⁵⁰⁰], q = s·2⁵³ is exact and (q + s) − q is the power of two above s, or 0 when s is one
  const q = s * 9007199254740992;
  const l = Math.abs(q + s - q);
  return 4 * (l === 0 ? s : l);
}

/**
 * The term kl_div(x, v + e) of a pair that is not near equality (|u| ≥ 1/64, or a zero), where
 * v + e = c·b·qᵢ is the exact second argument (e = 0 when v is exact) and d = x − v − e (rounded
 * where the pair is far from equality): by the full series where |u| < ½ (s and u
 * with the roundings of x + v and of v put back); farther, x·log(x/(v + e)) with the rounding of
 * the quotient and e put back to first order, and −d added to FAR_HI/FAR_LO (summed exactly
 * across terms: x·log(x/y) − d cancels by up to a factor 2.5 within a term). A flushed or
 * underflowed second argument (v = 0 < qᵢ) takes logs of the unscaled entry qᵢ (scale b, factor c).
 */
function offTerm(
  x: number,
  v: number,
  e: number,
  d: number,
  qi: number,
  b: number,
  c: number,
): number {
  const s = x + v;
  const u = d / s;
  if (u < 0.5 && u > -0.5) {
    const sv = s - x;
    const sl = x - (s - sv) + (v - sv) + e;
    return (s + sl) * atanhSeries(u - (u * sl) / s);
  }
  if (x > 0 && v > 0) {
    const ft = FAR_HI + d;
    const fz = ft - FAR_HI;
    FAR_LO += FAR_HI - (ft - fz) + (d - fz);
    FAR_HI = ft;
    const r = x / v;
    if (r >= MIN_NORMAL && r <= MAX_DOUBLE && v >= 2 ** -960) {
      const rv = r * v;
      return x * Math.log(r) + x * ((x - rv - productError(r, v, rv)) / rv - e / v);
    }
  }
  if (x === 0) return v + e; // kl_div(0, y) = y
  if (!(qi > 0)) return Infinity; // pᵢ > 0 where qᵢ = 0
  // a ratio out of range, or v too small for e/v to be a correction: logs of the factors; where
  // v = 0 < qᵢ, x·log(x/(c·b·qᵢ)) − x + c·b·qᵢ, the last below every double
  return x * (Math.log(x) - Math.log(qi) - Math.log(b) - Math.log(c)) - (v > 0 ? 0 : x);
}

/**
 * The precise pass: H = Σ kl_div(xᵢ, c·yᵢ), xᵢ = a·pᵢ, yᵢ = b·qᵢ, any c > 0, each kl_div term
 * ≥ 0 (near equality by the inline series, elsewhere {@link offTerm}), so nothing cancels between
 * terms. The difference xᵢ − c·yᵢ that a near-equal term hangs on is formed exactly: c·yᵢ = v + e
 * (v = yᵢ, e = 0 for c = 1; else Dekker's product, c's split hoisted), and wᵢ = xᵢ − v is exact
 * (Sterbenz) wherever the term is near equality. Beside H: NORM_D = Σ (xᵢ − c·yᵢ), the wᵢ summed
 * exactly (TwoSum, with the rounding of the wᵢ far from equality put back) and the eᵢ plainly
 * (each below an ulp of c·yᵢ), so a first-order D that is not 0 is kept; NORM_SP = Σ x by an
 * error-free split sum (σx from {@link splitBase}). Without normalize (a = b = c = 1),
 * KL = H + D; with it, see {@link preciseNormalized}. Entries are validated.
 */
function precisePass(
  p: Vector,
  q: Vector,
  n: number,
  a: number,
  b: number,
  c: number,
  sx: number,
): number {
  FAR_HI = 0;
  FAR_LO = 0;
  let t0 = SPLIT * c;
  const cH = t0 - (t0 - c);
  const cL = c - cH;
  let hHi = 0;
  let hLo = 0;
  let xQ = 0; // the σ-rounded parts, summed exactly
  let xHi = 0; // the rests, blocked
  let xLo = 0;
  let dHi = 0;
  let dLo = 0;
  let eSum = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0;
    let xb = 0;
    for (let i = start; i < end; i++) {
      // (the conditional is cheaper than multiplying by 1: 7.4 against 8.9 ns an entry)
      const x = a === 1 ? p[i] : p[i] * a;
      const y = b === 1 ? q[i] : q[i] * b;
      const xq = sx + x - sx;
      xQ += xq;
      xb += x - xq;
      let v = y;
      let e = 0;
      if (c !== 1) {
        v = y * c;
        t0 = SPLIT * y;
        const yH = t0 - (t0 - y);
        const yL = y - yH;
        e = yL * cL - (v - yH * cH - yL * cH - yH * cL); // y·c − v, exactly
        eSum += e;
      }
      const w = x - v;
      const dt = dHi + w;
      const dz = dt - dHi;
      dLo += dHi - (dt - dz) + (w - dz);
      dHi = dt;
      const d = w - e;
      const s = x + v;
      const u = d / s;
      if (u < 0.015625 && u > -0.015625) {
        // near equality, |u| < 1/64: the first branch of atanhSeries, inline; below |u| = 2⁻¹²
        // the terms past u⁵/5 are under 2⁻⁶² of the result (and the loop a third faster)
        const t = u * u;
        if (t < 2 ** -24) h += s * (t + u * (1 + u) * (t * (1 / 3 + t / 5)));
        else h += s * (t + u * (1 + u) * (t * (1 / 3 + t * (1 / 5 + t * (1 / 7 + t / 9)))));
      } else {
        const bv = w - x;
        dLo += x - (w - bv) + (-v - bv); // x − v − w, exactly
        h += offTerm(x, v, e, d, q[i], b, c);
      }
    }
    let t = hHi + h;
    let z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
    t = xHi + xb;
    z = t - xHi;
    xLo += xHi - (t - z) + (xb - z);
    xHi = t;
  }
  NORM_SP = xQ + (xHi + xLo);
  NORM_D = dHi + (dLo - eSum);
  return hHi - hHi === 0 ? hHi + hLo - (FAR_HI + FAR_LO) : hHi;
}

/**
 * The refining pass of {@link preciseNormalized}, for KL as small as the rounding of c·qᵢ
 * (q within about 2⁻⁴⁸ of a multiple of p): with a = p/Sp and b = q/Sq, Σ a = Σ b = 1 and
 * KL = Σ kl_div(aᵢ, bᵢ) exactly; aᵢ − bᵢ = (pᵢ·Sq − qᵢ·Sp)/(Sp·Sq) is formed from exact products
 * (Dekker) and compensated sums, so near-equal terms keep their digits however the sums were
 * rounded. The scales sa, sb (powers of two, exact) bring both maxima to [1, 2); a qᵢ they flush
 * to 0 gets its term from logs of the unscaled entry.
 */
function exactNormalized(p: Vector, q: Vector, n: number, sa: number, sb: number): number {
  let spHi = 0;
  let spLo = 0;
  let sqHi = 0;
  let sqLo = 0;
  for (let i = 0; i < n; i++) {
    const x = p[i] * sa;
    let t = spHi + x;
    spLo += spHi >= x ? spHi - t + x : x - t + spHi;
    spHi = t;
    const y = q[i] * sb;
    t = sqHi + y;
    sqLo += sqHi >= y ? sqHi - t + y : y - t + sqHi;
    sqHi = t;
  }
  const s1 = spHi + spLo;
  spLo -= s1 - spHi;
  spHi = s1;
  const s2 = sqHi + sqLo;
  sqLo -= s2 - sqHi;
  sqHi = s2;
  const sPQ = spHi * sqHi;
  // x/Sp and y/Sq move only the weight s = a + b of a term; the difference a − b that the term
  // hangs on is num/sPQ, one division
  let hHi = 0;
  let hLo = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0;
    for (let i = start; i < end; i++) {
      const x = p[i] * sa;
      const y = q[i] * sb;
      // aᵢ − bᵢ = (x·Sq − y·Sp) / (Sp·Sq), the products exact, the sums double-double
      const u = x * sqHi;
      const v = y * spHi;
      const num =
        u - v + (productError(x, sqHi, u) - productError(y, spHi, v)) + (x * sqLo - y * spLo);
      if (y === 0 && x > 0 && q[i] > 0) {
        // qᵢ is more than 2^1074 times below the largest q and the scale flushed it: its term
        // a·log(a/b) − a + b from logs of the unscaled entry (b is below every double)
        const a = x / spHi;
        h += a * (Math.log(a) - Math.log(q[i]) - Math.log(sb) + Math.log(sqHi)) - a;
      } else if (x > 0 || y > 0) h += klDivTerm(x / spHi, y / sqHi, num / sPQ);
    }
    const t = hHi + h;
    const z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  return hHi - hHi === 0 ? hHi + hLo : hHi;
}

/** A sum outside [2⁻²⁵⁰, 2²⁵⁰], where Dekker's splits and products of its entries may leave the range. */
const outOfSplitRange = (s: number): boolean => !(s >= 2 ** -250 && s <= 2 ** 250);

/**
 * The precise pass with normalize, run only when the fast pass reports cancellation. With
 * x = a·p, y = b·q (a, b powers of two), Sp = Σ x, Sq = Σ y and any c > 0,
 * Sp·KL(p/Sp ‖ q/Sq) = Σ kl_div(xᵢ, c·yᵢ) − Sp·g(η), g(η) = η − log(1 + η) ≥ 0,
 * 1 + η = c·Sq/Sp = 1 − D/Sp, D = Σ (xᵢ − c·yᵢ) (expand kl_div and use Σ xᵢ = Sp): an identity,
 * whatever c is. Every kl_div term is ≥ 0, so nothing cancels between terms, and g(η) ≈ η²/2 is
 * subtracted once ({@link precisePass}):
 * - when the sums are so close that g(Sq/Sp − 1) is below 1/16 of the fast estimate of KL,
 *   c = 1 (no product to round);
 * - otherwise, or when that fails, c = Sp/Sq from the fast pass's sums, η a few ε.
 * A result is kept only when g is below 1/4 of H/Sp and D's error (two split sums) moves g by
 * less than ε of KL; else {@link exactNormalized} decides (KL as small as η², q within about
 * 2⁻⁴⁵ of a multiple of p).
 * sa, sb: the fast pass's scales (1 when it had none); sp, sq: its sums of the scaled entries.
 */
function preciseNormalized(
  p: Vector,
  q: Vector,
  n: number,
  sa: number,
  sb: number,
  sp: number,
  sq: number,
  fastKl: number,
): number {
  // entries as they are while the sums keep Dekker's splits and products in range; else both sums
  // scaled to [1, 2) (powers of two, exact)
  if (sa === 1 && sb === 1 && (outOfSplitRange(sp) || outOfSplitRange(sq))) {
    sa = scaleFor(sp);
    sb = scaleFor(sq);
    sp *= sa;
    sq *= sb;
  }
  const ratio = sp / sq;
  const sx = splitBase(sp);
  const sy = splitBase(sq);
  for (let c = klDivTerm(1, 1 / ratio, 1 - 1 / ratio) * 16 <= fastKl ? 1 : ratio; ; c = ratio) {
    const h = precisePass(p, q, n, sa, sb, c, sx);
    if (!(h < Infinity)) return h;
    const s = NORM_SP;
    const eta = -NORM_D / s;
    // g(η) = η − log(1 + η) = kl_div(1, 1 + η), by klDivTerm with the exact difference −η: a few ε
    // relative for every η (η − log1p(η) alone loses up to 2ε/|η| of g to cancellation)
    const g = klDivTerm(1, 1 + eta, -eta);
    // g's error: |η| times a bound on D's (the bound of two split sums), against ε/4 of the result
    const gErr = (Math.abs(eta) * (n + 256) * (sx + c * sy) * 2 ** -98) / s;
    if (g * 4 <= h / s && gErr * 2 ** 55 <= h / s - g) return h / s - g; // (below 0 by rounding: fromNats makes it 0)
    if (c === ratio) break;
  }
  return exactNormalized(p, q, n, scaleFor(maxEntry(p, n)), scaleFor(maxEntry(q, n)));
}

// The fast pass, Σ pᵢ log(pᵢ/qᵢ) (blocked), the sums Σ pᵢ, Σ qᵢ and Σ |pᵢ log(pᵢ/qᵢ)| (validated
// as it goes), is `klFastPass` (lib/src/simd/passes.ts): WebAssembly SIMD kernels from its
// break-even length up where the engine has them, else a JS loop that gives the same bits. When
// the result is much smaller than PASS.abs the terms cancelled (p ≈ q) and `precise` runs.

/**
 * The fast pass's error is about ε·(Σ pᵢ + Σ|pᵢ log(pᵢ/qᵢ)|): each log(pᵢ/qᵢ) is off by about ε
 * absolutely (the ratio is rounded), each product by ε relatively. A result smaller than
 * 1/32 (CANCELLATION) of that magnitude has lost more than 5 bits, and the precise pass runs.
 */
// CANCELLATION = 32 (written as a literal where it is used: shorter minified)
/**
 * The same for the normalized result (1/Sp) Σ pᵢ log(pᵢ/qᵢ) + log(Sq/Sp), whose fast form adds the
 * roundings of the division and of log(Sq/Sp): at 32 it was 1.7e-14 relative (n = 1000, q within
 * ±90% of p); at 8 the error stays below the documented 5e-15.
 */
// CANCELLATION_NORMALIZED = 8 (a literal where it is used)

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
 * inequality; a value below 0 is returned as 0). Without `normalize` that 0 can stand for more than
 * rounding: sums accepted within `tolerance` of 1 but unequal give an exact Σ pᵢ log(pᵢ/qᵢ) ≥ Sp − Sq
 * that may be below 0 by up to Sq − Sp ≤ 2·tolerance·max(1, n) (p uniform, q = 1.00009·p, n = 1e5:
 * exactly −9.0e-5, returned 0), the uncertainty the tolerance already admits in the result.
 *
 * One pass over p and q, O(1) extra memory; validation is fused into the same loop. When that
 * pass finds its terms cancelling (the result is below 1/32 of Σ|pᵢ log(pᵢ/qᵢ)|, i.e. p ≈ q),
 * a second pass recomputes near-equal terms (|pᵢ - qᵢ| < (pᵢ + qᵢ)/64) in a log1p-type form:
 * pᵢ log(pᵢ/qᵢ) = (pᵢ+qᵢ)[(1+u)·atanh u − u] + (pᵢ − qᵢ), u = (pᵢ−qᵢ)/(pᵢ+qᵢ), the first part
 * second order without cancellation, the second exact and summed with TwoSum. Relative error
 * ≤ 1e-12 against 50-digit mpmath also when q is within 1e-7 of p. Long sums are blocked and
 * compensated.
 *
 * From 64 entries on (the measured break-even length) the fast pass runs in WebAssembly SIMD kernels (f64x2, compiled
 * on first use, input copied in 32 KB chunks) wherever the engine has WebAssembly SIMD; the result
 * agrees with the JS path's (shorter inputs, engines without SIMD, `setSimdDisabled(true)`) to a
 * few 1e-16 relative: the kernels' log and exp may round a term an ulp apart (lib/wasm/README.md).
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
 * // => 0.2075187496394219
 * klDivergence([0.1, 0.2, 0.3, 0.4], [0.1 + 3e-8, 0.2 - 1e-8, 0.3 - 5e-8, 0.4 + 3e-8]);
 * // => 1.002778838749777e-14   (q within 1e-7 of p; 50-digit mpmath: 1.00277883874977681e-14)
 * klDivergence([1e308, 1e308], [1e308, 3e307], { normalize: true });
 * // => 0.17120348607051378    (the sums overflow; rescaled by powers of two; 50-digit mpmath: 0.171203486070513757)
 * klDivergence([0.5, 0.5, -0.1], [0.3, 0.3, 0.4]);
 * // => throws RangeError "klDivergence: p[2] = -0.1 is negative"
 */
export function klDivergence(p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  return klDivergenceAs(FN, p, q, opts);
}

/** {@link klDivergence} reporting errors under the name `fn` (klBetween uses it). Internal. */
export function klDivergenceAs(
  fn: string,
  p: Probabilities,
  q: Probabilities,
  opts?: InfoOptions,
): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(fn, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(fn, base, normalize, tolerance);
  const n = checkVector(fn, "p", p);
  checkSameLength(fn, "p", n, "q", checkVector(fn, "q", q));
  let h = klFastPass(fn, p, q, n, 1, 1);
  let sp = PASS.sp;
  let sq = PASS.sq;
  let abs = PASS.abs;
  let sa = 1;
  let sb = 1;
  if (!(sp < Infinity && sq < Infinity)) {
    throwIfInvalid(fn, PQ_NAMES, [p, q], PROB2); // a bad entry, or else a sum overflowed
    if (!normalize) throw overflowSum(fn, sp < Infinity ? "q" : "p");
  }
  if (normalize && (needsScale(sp) || needsScale(sq) || !(h - h === 0))) {
    // A sum that overflowed or is tiny, or a term p·log(p/q) that overflowed (h = Infinity also
    // when q has a zero where p has not): redo the pass on 2^j·p and 2^k·q, both maxima in
    // [1, 2). Exact, and KL does not change.
    sa = scaleFor(maxEntry(p, n));
    sb = scaleFor(maxEntry(q, n));
    h = klFastPass(fn, p, q, n, sa, sb);
    sp = PASS.sp;
    sq = PASS.sq;
    abs = PASS.abs;
  }
  const rescan = (): never => throwFirstInvalid(fn, PQ_NAMES, [p, q], PROB2);
  sp = checkSum(fn, "p", sp, n, normalize, tolerance, rescan);
  sq = checkSum(fn, "q", sq, n, normalize, tolerance, rescan);
  if (!normalize) {
    if (h === Infinity) return Infinity; // pᵢ > 0 where qᵢ = 0
    if (h * 32 >= sp + abs) return fromNats(h, lnBase);
    return fromNats(precisePass(p, q, n, 1, 1, 1, 1) + NORM_D, lnBase);
  }
  // Normalized: (1/Sp) Σ p log(p/q) + log(Sq/Sp), the log of the ratio taken as a difference of
  // logs when the ratio leaves the double range (sums 1e±300 apart). Its error is about
  // ε·(1 + Σ|terms|/Sp + |log(Sq/Sp)|); on cancellation, or when a scaled qᵢ underflowed to 0
  // (h = Infinity), the precise pass decides.
  let logRatio = logQuotient(sq, sp);
  let fastKl = h / sp + logRatio;
  if (fastKl < Infinity && fastKl * 8 >= 1 + abs / sp + Math.abs(logRatio)) {
    // the fast pass's Sp and Sq are plain sums (its order is the kernels': two 128-term lanes per
    // block); the fast result divides by them, so they are summed again blocked by 16 at every n, as
    // crossEntropy's (a plain Σ of 1e6 entries: 1.4e-11; a 128-term lane whose every addition
    // rounds one way, 1.4e-14)
    [sp, sq] = blockedSums(p, q, n, sa, sb);
    logRatio = logQuotient(sq, sp);
    fastKl = h / sp + logRatio;
    return fromNats(fastKl, lnBase);
  }
  return fromNats(preciseNormalized(p, q, n, sa, sb, sp, sq, fastKl), lnBase);
}
