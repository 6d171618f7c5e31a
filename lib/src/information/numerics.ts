// Numerical building blocks shared by the information functions. Internal: not re-exported.
//
// - Long sums are blocked: a plain sum inside each block of BLOCK terms, and the block sums
//   added with TwoSum (Knuth) into a (hi, lo) pair. The error bound is that of a BLOCK-term sum
//   (≈ BLOCK·ε worst case, √BLOCK·ε typical) instead of n·ε, for one extra branch per block.
// - `normalize: true` rescales by a power of two (exact) when a sum or a term overflows, or a
//   sum is tiny, so entries from 5e-324 to 1.7e308 neither overflow nor lose digits in the
//   subnormals. Only then: a second pass, on the failing input only.

import { entryError, type EntryKind, type Vector } from "../validate/validate";

/** Terms per block of a blocked sum. */
export const BLOCK = 256;

/** With `normalize`, a sum below SAFE_LO is recomputed on entries scaled up by {@link upScale}. */
export const SAFE_LO = 2 ** -600;

/**
 * After a pass whose sum is not finite: throws the error for the first offending entry, or
 * returns when every entry is valid (so the sum itself overflowed).
 */
export function throwIfInvalid(
  fn: string,
  names: readonly string[],
  vectors: readonly Vector[],
  kinds: readonly EntryKind[],
): void {
  const n = vectors[0].length;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < vectors.length; k++) {
      const err = entryError(fn, `${names[k]}[${i}]`, vectors[k][i], kinds[k]);
      if (err) throw err;
    }
  }
}

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

/**
 * x + log(1 - x), accurate also for small |x| (where the two terms cancel): the series
 * -(x²/2 + x³/3 + x⁴/4 + …) for |x| < 0.25, the direct form otherwise. For x < 1.
 */
export function xPlusLog1pNeg(x: number): number {
  if (!(Math.abs(x) < 0.25)) return x + Math.log1p(-x);
  let term = x * x;
  let sum = 0;
  for (let k = 2; k < 80; k++) {
    const next = term / k;
    sum += next;
    if (Math.abs(next) <= 1e-17 * Math.abs(sum)) break;
    term *= x;
  }
  return -sum;
}

/** The sum-overflow error for a vector that should sum to 1 (normalize off). */
export function overflowSum(fn: string, name: string): RangeError {
  return new RangeError(
    `${fn}: ${name} sums to Infinity (overflow), not 1 (pass { normalize: true } to rescale)`,
  );
}

/**
 * g(w) = (1 + w)·log(1 + w) − w >= 0 for w > −1, accurate also near 0 (series
 * Σ_{k>=2} (−w)^k / (k(k−1)) for |w| < 0.1, where the direct form cancels).
 */
export function onePlusWLog1pMinusW(w: number): number {
  if (!(Math.abs(w) < 0.1)) return (1 + w) * Math.log1p(w) - w;
  let pow = w * w;
  let sum = 0;
  for (let k = 2; k < 60; k++) {
    const term = pow / (k * (k - 1));
    sum += k % 2 === 0 ? term : -term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
    pow *= w;
  }
  return sum;
}

const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * The generalized relative-entropy term x·log(x/y) − x + y >= 0 (scipy's `kl_div(x, y)`), for
 * x, y >= 0, accurate everywhere: `diff` = x − y, passed in when the caller knows it more
 * precisely than x − y rounds (e.g. (a − b)(a + b) for x = a², y = b²). Near equality
 * (|diff| < y/2) it is y·g(diff/y), second order without cancellation; elsewhere the direct form,
 * with log x − log y when x/y leaves the double range. x = 0 gives y; x > 0 = y gives Infinity.
 */
export function relEntrTerm(x: number, y: number, diff: number = x - y): number {
  if (x === 0) return y;
  if (y === 0 || x === Infinity || y === Infinity) return Infinity;
  if (Math.abs(diff) < 0.5 * y) return y * onePlusWLog1pMinusW(diff / y);
  const r = x / y;
  const lr = r >= MIN_NORMAL && r <= Number.MAX_VALUE ? Math.log(r) : Math.log(x) - Math.log(y);
  return x * lr - x + y;
}
