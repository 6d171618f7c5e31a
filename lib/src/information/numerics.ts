// Numerical building blocks shared by the information functions. Internal: not re-exported.
//
// - Long sums are blocked: a plain sum inside each block of BLOCK terms, and the block sums
//   added with TwoSum (Knuth) into a (hi, lo) pair. The error bound is that of a BLOCK-term sum
//   (≈ BLOCK·ε worst case, √BLOCK·ε typical) instead of n·ε, for one extra branch per block.
// - `normalize: true` rescales by a power of two (exact) when a sum or a term overflows, or a
//   sum is tiny, so entries from 5e-324 to 1.7e308 neither overflow nor lose digits in the
//   subnormals. Only then: a second pass, on the failing input only.

import { logQuotient, MAX_DOUBLE, rangeError, RESCALE, type Vector } from "../validate/validate";

/** Terms per block of a blocked sum. */
export const BLOCK = 256;

/** With `normalize`, a sum below SAFE_LO is recomputed on entries scaled up by {@link upScale}. */
export const SAFE_LO = 2 ** -600;

/** The largest entry of a validated vector of non-negative numbers. */
export function maxEntry(p: Vector, n: number): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (p[i] > m) m = p[i];
  return m;
}

/**
 * A power of two 2^j that brings `max` to [1, 2): entries times it are exact (only the exponent
 * changes), n of them sum to at most 2n, and p·log(p/q) stays finite. `j` is clamped to
 * [-1023, 1023] so that 2^j is representable (5e-324 then scales to 2^-51). An entry below
 * max·2^-1074 becomes 0: its share of the normalized sum is below 2^-1074.
 */
export function scaleFor(max: number): number {
  if (!(max > 0)) return 1;
  let j = -Math.floor(Math.log2(max));
  if (j > 1023) j = 1023;
  if (j < -1023) j = -1023;
  return 2 ** j;
}

/** True when a normalize pass must be redone on scaled entries: sum tiny, or not finite. */
export function needsScale(sum: number): boolean {
  return sum !== 0 && !(sum >= SAFE_LO && sum < Infinity);
}

/** The sum-overflow error for a vector that should sum to 1 (normalize off). */
export function overflowSum(fn: string, name: string): RangeError {
  return rangeError(fn, `${name} sums to Infinity (overflow), not 1${RESCALE}`);
}

/**
 * (1 + u)·atanh(u) − u for |u| < ½, by the series u² + u(1 + u)·A(u²), A(t) = t/3 + t²/5 + t³/7 + …
 * (= atanh(u)/u − 1): second order in u and never cancelling (|u(1 + u)A| < u²/5 there). With
 * s = x + y and u = (x − y)/s it is kl_div(x, y)/s, see {@link klDivTerm}.
 */
export function atanhSeries(u: number): number {
  const t = u * u;
  // |u| < 1/64: four terms of A reach full precision (the fifth is below 1e-18 of A)
  if (t < 2 ** -12) return t + u * (1 + u) * (t * (1 / 3 + t * (0.2 + t * (1 / 7 + t / 9))));
  // |u| < ¼: fourteen terms (1/3 … 1/29 of t⁰ … t¹³; the next, t¹⁴/31, is below 2⁻⁵⁶/31, which
  // reaches A below 1e-18 of it), by Estrin's scheme with the reciprocals as constants: the loop's
  // dependent divisions were most of a call (Beta(2.5, 3.5).logProb in its left tail, u ≈ −0.23:
  // 59 ns a call, 23 of them here). Horner's dependent steps would be the latency again; the
  // polynomial's own rounding reaches A only multiplied by t·u < 1/64 (0.2 and 0.04 are the
  // doubles 1/5 and 1/25 round to, written short for the bundle)
  if (t < 0.0625) {
    const t2 = t * t;
    const t4 = t2 * t2;
    const p =
      1 / 3 +
      t * 0.2 +
      t2 * (1 / 7 + t * (1 / 9)) +
      t4 * (1 / 11 + t * (1 / 13) + t2 * (1 / 15 + t * (1 / 17))) +
      t4 * t4 * (1 / 19 + t * (1 / 21) + t2 * (1 / 23 + t * 0.04) + t4 * (1 / 27 + t * (1 / 29)));
    return t + u * (1 + u) * (t * p);
  }
  let pow = t;
  let a = 0;
  for (let k = 3; k < 80; k += 2) {
    const term = pow / k;
    a += term;
    if (term <= 1e-17 * a) break;
    pow *= t;
  }
  return t + u * (1 + u) * a;
}

/**
 * The generalized relative-entropy term kl_div(x, y) = x·log(x/y) − x + y >= 0 (scipy's `kl_div`)
 * for x, y >= 0, within a few ulps everywhere: `d` is x − y, passed in when the caller knows it more
 * precisely than x − y rounds (it is exact when x and y are within a factor 2, by Sterbenz). Near
 * equality (|u| < ½, u = d/(x + y), i.e. x/y in (⅓, 3)) it is (x + y)·atanhSeries(u), second order
 * without cancellation; elsewhere x·log(x/y) − d, whose two parts cancel by at most a factor 2.5,
 * with log x − log y when x/y leaves the double range. x = 0 gives y; x > 0 = y gives Infinity.
 */
export function klDivTerm(x: number, y: number, d: number = x - y): number {
  if (x === 0) return y;
  if (y === 0 || x === Infinity || y === Infinity) return Infinity;
  const s = x + y;
  // kl_div is homogeneous of degree 1: at half scale when x + y overflows (x, y near 1.8e308)
  if (s === Infinity) return 2 * klDivTerm(0.5 * x, 0.5 * y, 0.5 * d);
  const u = d / s;
  if (u < 0.5 && u > -0.5) return s * atanhSeries(u);
  return x * logQuotient(x, y) - d;
}

/** {@link klDivTerm} under its older name (klBetween uses it). */
export const relEntrTerm = klDivTerm;

const SPLIT = 134217729; // 2^27 + 1 (Dekker)

const BIG = 2 ** 995;
const DOWN = 2 ** -64;
const UP = 2 ** 64;

/**
 * The rounding error of a·b: a·b − fl(a·b), exactly (Dekker's product, no FMA); a factor beyond
 * 2^995, where the split would overflow, is scaled by 2^-64 first (exact) and the error scaled back.
 */
export function productError(a: number, b: number, ab: number): number {
  if (!(ab - ab === 0)) return 0; // an infinite or NaN product has no rounding error to speak of
  if (!(Math.abs(a) < BIG)) return productError(a * DOWN, b, ab * DOWN) * UP;
  if (!(Math.abs(b) < BIG)) return productError(a, b * DOWN, ab * DOWN) * UP;
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return al * bl - (ab - ah * bh - al * bh - ah * bl);
}

/**
 * Cancellation factor above which a result is recomputed by a precise pass: when the result is
 * smaller than 1/PRECISE_BELOW of the magnitude its rounding errors scale with, the fast form has
 * lost more than one bit to cancellation.
 */
export const PRECISE_BELOW = 2;

/**
 * The same for functions whose textbook form is also their fast path on ordinary inputs (tables,
 * log-likelihood sums): the precise pass runs only when the result is 16 times smaller than the
 * magnitude its rounding errors scale with, so the fast result is within about 16 ulps-worth of
 * relative error and ordinary inputs never pay for a second pass.
 */
export const PRECISE_BELOW_FAST = 16;

/**
 * A power of two for entries up to `max`: below 1 it scales up to [1, 2) (exact, and subnormal
 * entries regain their full precision: p·log(S/p) of a subnormal p would round in the subnormal
 * range); above, it scales down only as far as n entries need to be summed without overflow: 1
 * unless max·2n overflows, else 2^-(⌈log₂ n⌉ + 2). That scale-down (unlike {@link scaleFor}'s, not
 * to [1, 2)) does round a subnormal entry on the 2⁻¹⁰⁷⁴ grid, or flush it to 0, when one entry is
 * near 1.8e308: {@link logRatioSum} therefore takes each term's log from the unscaled entry and
 * uses the scaled ones only in its sums, where such an entry is below 2⁻¹⁰⁷⁴ of a total above
 * 1.8e308/(16n²).
 */
export function sumSafeScale(max: number, n: number): number {
  if (max < 1) return scaleFor(max);
  return max * (2 * n) <= MAX_DOUBLE ? 1 : 2 ** -(Math.ceil(Math.log2(n)) + 2);
}

/**
 * [Σᵢ a·pᵢ, Σᵢ b·qᵢ] of two validated vectors of non-negative numbers, blocked: a plain sum inside
 * blocks of 16 terms, the block sums added with TwoSum (Knuth) into a (hi, lo) pair, so each sum is
 * within 15·2⁻⁵³ (1.7e-15) of itself plus one rounding, at every n and in any order. For the
 * `normalize` paths whose hot pass returns plain sums (the SIMD kernels' order, which must not
 * change): a plain Σ of 1e6 entries 0.1 is 8.4e-13 off, and normalize divides by it; 256-term
 * blocks were still 2.8e-14 off on adversarial blocks (a term just above a power of two, then 255
 * of 0.51 ulp, every addition rounding one way), which log(Sq/Sp) amplified to 3e-13 in
 * klDivergence. `a`, `b` are the caller's exact power-of-two scales (1 when none). One extra pass
 * of additions over both vectors, no log: the plain sums' dependency chains set its speed, and one
 * TwoSum per 16 terms does not add to them (TwoSum after every term cost 8–10% of
 * crossEntropy/klDivergence with normalize at n = 1e5).
 * (klDivergence's normalize path calls it the same way on its fast pass's p, q, a, b.)
 */
export function blockedSums(
  p: Vector,
  q: Vector,
  n: number,
  a: number,
  b: number,
): [number, number] {
  let pHi = 0;
  let pLo = 0;
  let qHi = 0;
  let qLo = 0;
  // 16 terms per block (a literal: this function is in the browser bundle of entropy and KL)
  for (let start = 0; start < n; start += 16) {
    const end = start + 16 < n ? start + 16 : n;
    let bp = 0;
    let bq = 0;
    for (let i = start; i < end; i++) {
      bp += p[i] * a;
      bq += q[i] * b;
    }
    let t = pHi + bp;
    let z = t - pHi;
    pLo += pHi - (t - z) + (bp - z);
    pHi = t;
    t = qHi + bq;
    z = t - qHi;
    qLo += qHi - (t - z) + (bq - z);
    qHi = t;
  }
  return [pHi - pHi === 0 ? pHi + pLo : pHi, qHi - qHi === 0 ? qHi + qLo : qHi];
}

/**
 * Σᵢ a·pᵢ of one validated vector of non-negative numbers, blocked as {@link blockedSums} (16
 * terms, the block sums added with TwoSum), the block summed in four independent 4-term chains
 * ((s0 + s1) + (s2 + s3): each term passes through at most 5 additions, within 5·2⁻⁵³ of the
 * block's sum), so the additions do not form one dependency chain. For normalized `entropy`,
 * whose hot pass's S is plain 128-term lanes (the kernels' order): on lanes whose every addition
 * rounds one way that S was 1.3e-14 low (referee 10). `a` is the caller's exact power-of-two scale.
 */
export function blockedSum(p: Vector, n: number, a: number): number {
  let hi = 0;
  let lo = 0;
  let i = 0;
  for (; i + 16 <= n; i += 16) {
    let s0 = p[i] * a;
    let s1 = p[i + 1] * a;
    let s2 = p[i + 2] * a;
    let s3 = p[i + 3] * a;
    for (let j = i + 4; j < i + 16; j += 4) {
      s0 += p[j] * a;
      s1 += p[j + 1] * a;
      s2 += p[j + 2] * a;
      s3 += p[j + 3] * a;
    }
    const b = s0 + s1 + (s2 + s3);
    const t = hi + b;
    const z = t - hi;
    lo += hi - (t - z) + (b - z);
    hi = t;
  }
  let b = 0;
  for (; i < n; i++) b += p[i] * a;
  const t = hi + b;
  const z = t - hi;
  lo += hi - (t - z) + (b - z);
  hi = t;
  return hi - hi === 0 ? hi + lo : hi;
}

/** Results of {@link logRatioSum} besides its return value (no allocation per call). */
export let RATIO_TOTAL = 0; // Sq = Σ b·qᵢ, consistent with the terms
export let RATIO_WEIGHT = 0; // Σ a·wᵢ, compensated

/**
 * Σᵢ a·wᵢ·log(Sq / (b·qᵢ)) with Sq = Σᵢ b·qᵢ: the unnormalised form of a normalised entropy
 * (w = q: Σ p log(S/p) = S·H(p/S)) or cross-entropy (Σ p log(Sq/q) = Sp·H(p/Sp, q/Sq)), computed
 * without cancellation. Every term is ≥ 0 (b·qᵢ ≤ Sq). The largest qₖ is the only one whose ratio
 * can be near 1; its term is a·wₖ·log1p(R/(b·qₖ)) with R = Σ_{i≠k} b·qᵢ (compensated), so nothing
 * is lost there either; the sum is blocked (16 terms) and compensated. For entries already validated; a and b
 * are the exact power-of-two scales of the caller (1 when none): they scale what is summed, while a
 * ratio past the doubles takes its log from the unscaled qᵢ (b·qᵢ may have rounded in the
 * subnormals). A wᵢ > 0 with qᵢ = 0 gives Infinity. Two passes: O(n) time, O(1) memory.
 */
export function logRatioSum(w: Vector, q: Vector, n: number, a: number, b: number): number {
  let k = 0;
  let top = -1;
  for (let i = 0; i < n; i++) {
    const v = q[i];
    if (v > top) {
      top = v;
      k = i;
    }
  }
  let r = 0;
  let rc = 0;
  for (let i = 0; i < n; i++) {
    if (i === k) continue;
    const v = q[i] * b;
    const t = r + v;
    rc += r >= v ? r - t + v : v - t + r;
    r = t;
  }
  const rest = r + rc;
  const qk = top * b;
  const total = qk + rest;
  // log(Sq/qᵢ) for a ratio past the doubles, from the unscaled qᵢ: log(total/b) − log qᵢ. With b < 1
  // (sumSafeScale beside an entry near 1.8e308) b·qᵢ of a subnormal qᵢ rounds on the 2⁻¹⁰⁷⁴ grid
  // or to 0, and its ratio is then always past the doubles (total ≥ 1.8e308/(16n²)), so every
  // such term takes this form (referee 10: Infinity, or 4.2e-5 off, for q = [1.7e308, 5e-324 …])
  const logTotal = Math.log(total) - Math.log(b);
  let hHi = 0;
  let hLo = 0;
  let sw = 0;
  let swc = 0;
  // 16-term blocks: the terms are all >= 0, so a block's plain sum is off by up to 15·2⁻⁵³ of it
  // (a 256-term block: 255·2⁻⁵³ ≈ 2.8e-14, reached by a term just above a power of two followed by
  // terms of 0.51 ulp of it, every addition rounding up); the TwoSum per block is cheap beside a log
  for (let start = 0; start < n; start += 16) {
    const end = start + 16 < n ? start + 16 : n;
    let h = 0;
    for (let i = start; i < end; i++) {
      const wi = w[i] * a;
      const t = sw + wi;
      swc += sw >= wi ? sw - t + wi : wi - t + sw;
      sw = t;
      if (!(wi > 0)) {
        // a wᵢ > 0 that a < 1 flushed to 0 weighs nothing, unless qᵢ = 0: then the term is ∞
        if (w[i] > 0 && q[i] === 0) h = Infinity;
        continue;
      }
      if (i === k) {
        h += wi * Math.log1p(rest / qk);
        continue;
      }
      const ratio = total / (q[i] * b);
      h += wi * (ratio <= MAX_DOUBLE ? Math.log(ratio) : logTotal - Math.log(q[i]));
    }
    const t = hHi + h;
    const z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  RATIO_TOTAL = total;
  RATIO_WEIGHT = sw + swc;
  return hHi - hHi === 0 ? hHi + hLo : hHi;
}

/** The index of the largest entry of a validated vector of non-negative numbers (the first on ties). */
export function argMaxEntry(p: Vector, n: number): number {
  let k = 0;
  let m = -1;
  for (let i = 0; i < n; i++) {
    if (p[i] > m) {
      m = p[i];
      k = i;
    }
  }
  return k;
}

const LN2_HI = 6.9314718036912381649e-1; // ln 2 to 32 bits (e·LN2_HI is exact for |e| < 2^21)
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI

/**
 * ln v for a positive normal finite v as a double-double [hi, lo] (error below 1e-19 of ln v + 1):
 * v = m·2^e with m in [√½, √2), ln m = 2 atanh(s), s = (m − 1)/(m + 1) as a double-double, the
 * tail s³/3 + s⁵/5 + … (|s| < 0.172) in doubles. A rare-path helper: some forty operations and a loop.
 */
export function logDoubleDouble(v: number): [number, number] {
  let e = 0;
  let m = v;
  while (m >= 1.4142135623730951) {
    m *= 0.5;
    e++;
  }
  while (m < 0.7071067811865476) {
    m *= 2;
    e--;
  }
  const num = m - 1; // exact (Sterbenz)
  const den = m + 1;
  const bv = den - m;
  const denL = m - (den - bv) + (1 - bv); // the rounding error of m + 1 (TwoSum)
  const s = num / den;
  const ps = s * den;
  const sl = (num - ps - productError(s, den, ps) - s * denL) / den;
  // the first tail term s³/3 with its rounding errors (and sl's share), the rest (below 3e-5) in
  // doubles by Horner
  const t = s * s;
  const te = productError(s, s, t) + 2 * s * sl;
  const cube = s * t;
  const ce = productError(s, t, cube) + s * te + sl * t;
  const first = cube / 3;
  const p3 = 3 * first;
  const firstLo = (cube - p3 - productError(first, 3, p3) + ce) / 3;
  let rest = 0;
  for (let k = 41; k >= 5; k -= 2) rest = rest * t + 1 / k;
  const tail = firstLo + cube * t * rest;
  // e·ln 2 + 2s + 2(sl + tail)
  const a = e * LN2_HI;
  const b = 2 * s;
  const h1 = a + b;
  const av = h1 - a;
  const err = a - (h1 - av) + (b - av);
  const f = 2 * first;
  const hi = h1 + f;
  const fv = hi - h1;
  const err2 = h1 - (hi - fv) + (f - fv);
  const lo = err + err2 + e * LN2_LO + 2 * (sl + tail);
  const h2 = hi + lo;
  return [h2, lo - (h2 - hi)];
}

/**
 * exp(z − m) with the rounding error r of d = z − m put back (TwoSum of z and −m):
 * exp(d + r) = exp(d)·(1 + r). 0 where exp(d) is 0 (z = −∞ makes r NaN). Without r, a shift of
 * −700 rounded by half an ulp moves the result by 350 ulps. Internal: the per-term exponential
 * of logSumExp's precise pass (sumRestPrecise) and of the rare second loops of softmax and
 * logSoftmax (their hot loops inline the same arithmetic without the guard for a 0 term).
 */
export function expShifted(z: number, m: number): number {
  const d = z - m;
  const b = d - z;
  const r = z - (d - b) + (-m - b);
  const e = Math.exp(d);
  return e > 0 ? e + e * r : 0;
}

/**
 * Σ_{i≠k} exp(xᵢ − m), k the first index holding the maximum m, with the rounding error r of each
 * xᵢ − m carried into its exponential (exp(d + r) = exp(d)(1 + r)) and the sum compensated
 * (Neumaier, from 0): within about one ulp of the sum itself at every n (the compensation's own
 * error is below n²·2⁻¹⁰⁶ of it). The rare path of logSumExp, logSoftmax and
 * crossEntropyFromLogits, when {@link restIsLoose} says their fast sum may not be.
 */
export function sumRestPrecise(xs: Vector, n: number, m: number): number {
  let s = 0;
  let c = 0;
  let skip = true;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (skip && x === m) {
      skip = false;
      continue;
    }
    const t0 = expShifted(x, m);
    const t = s + t0;
    c += s >= t0 ? s - t + t0 : t0 - t + s;
    s = t;
  }
  return s + c;
}

/**
 * Whether a fast Σ_{i≠k} exp(xᵢ − m) of n terms may be off by more than 1/16 ulp of `scale` (the
 * magnitude the caller's result is measured against), so that {@link sumRestPrecise} must redo it.
 * The fast passes sum from the maximum's own term 1 with Fast2Sum: their compensation c is a plain
 * sum of the additions' rounding errors, each at most min(tᵢ, 2⁻⁵³·(1 + rest)), so c is off by at
 * most n·2⁻⁵³·min(rest, n·2⁻⁵³·(1 + rest)), and log1p(rest) by that over 1 + rest. When every term
 * is below half an ulp of 1, c is the whole rest, a plain sum (logSumExp([0, −40 × 999]) was 24
 * ulps off, 1.45e5 at n = 1e7 with −36.7).
 */
export function restIsLoose(rest: number, n: number, scale: number): boolean {
  return 16 * n * Math.min(rest, n * 2 ** -53 * (1 + rest)) > scale * (1 + rest);
}

/**
 * Whether the fast passes' terms exp(fl(xᵢ − m)), which leave out the rounding error rᵢ of
 * dᵢ = xᵢ − m (|rᵢ| ≤ 2⁻⁵³·|dᵢ|, so each term is off by that relatively), may move log1p(rest) by
 * more than 4·2⁻⁵³ of `scale` (2 to 4 ulps; logSumExp's table bound is 6), so that {@link sumRestPrecise} (which puts each rᵢ back) must redo
 * the rest. With tᵢ = e^dᵢ summing to `rest` over n − 1 terms, Σ tᵢ·|dᵢ| = Σ tᵢ·ln(1/tᵢ) is at most
 * rest·ln(n/rest) (t·ln(1/t) is concave), which is below 700·rest for rest ≥ {@link TINY_REST}
 * and below n/e: those cheap tests run first. logSumExp([3.8e-15, −32.43]) was 16 ulps off.
 */
export function shiftIsLoose(rest: number, n: number, scale: number): boolean {
  const s = 4 * scale * (1 + rest);
  return n * 0.37 > s && rest * 700 > s && rest * Math.log(n / rest) > s;
}

/** Sums Σ exp(xᵢ − m) below this are redone by {@link expRestTiny} (e^-624: every other logit 624 below m). */
export const TINY_REST = 1.1830521861667747e-271; // 2⁻⁹⁰⁰ (a literal: esbuild drops it where unused)
// 600 ln 2 as the nearest double and its remainder (mpmath: float(600*log(2)) and the rest): the
// remainder must be tiny, since exp(d + lo) = exp(d)(1 + lo) drops lo²/2 (600·LN2_LO = 1.1e-7
// left 6.5e-15)
const UP_SHIFT = 415.88830833596717;
const UP_SHIFT_LO = 1.8355172981578424e-14;

/**
 * Σ exp(xᵢ − m) over the entries below the maximum m, for when that sum is below
 * {@link TINY_REST}: each term is taken at scale 2^600, exp(xᵢ − m + 600 ln 2), with the
 * rounding errors of both additions put back (as {@link expShifted}), summed compensated and
 * scaled back once. Unscaled, each exp(xᵢ − m) below 2^-1022 is rounded into the subnormals before
 * it is summed: logSumExp([0, −744.9 × 999]) was 368 ulps of its (subnormal) result. The rare path
 * of logSumExp, logSoftmax and crossEntropyFromLogits; for validated finite m (one entry equals it,
 * since the sum is tiny).
 */
export function expRestTiny(xs: Vector, n: number, m: number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (!(x < m)) continue;
    const d = x - m;
    const b = d - x;
    const r = x - (d - b) + (-m - b);
    const d2 = d + UP_SHIFT;
    const bv = d2 - d;
    const r2 = d - (d2 - bv) + (UP_SHIFT - bv);
    const e = Math.exp(d2);
    const t0 = e > 0 ? e + e * (r + r2 + UP_SHIFT_LO) : 0;
    const t = s + t0;
    c += s >= t0 ? s - t + t0 : t0 - t + s;
    s = t;
  }
  return (s + c) * 2 ** -600;
}
