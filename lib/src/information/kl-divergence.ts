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
  blockedSums,
  klDivTerm,
  maxEntry,
  needsScale,
  overflowSum,
  productError,
  scaleFor,
  throwIfInvalid,
} from "./numerics";
import { klFastPass, PASS } from "../simd/passes";

const FN = "klDivergence";
const NAMES = ["p", "q"] as const;
const KINDS = ["probability", "probability"] as const;

const RATIO_MAX = Number.MAX_VALUE;

/**
 * The precise pass, run only when the fast pass reports cancellation (p ≈ q): KL as a sum of
 * kl_div terms, each >= 0, so nothing cancels between terms, and each term exact to a few ulps
 * near equality (klDivTerm). Entries are already validated.
 * - Without normalize: Σ pᵢ log(pᵢ/qᵢ) = Σ kl_div(pᵢ, qᵢ) + Σ (pᵢ − qᵢ), the differences summed
 *   exactly (TwoSum of each difference and of the running sum), so a first-order Σ(p − q) that is
 *   not 0 is kept exactly.
 * - With normalize: with a = p/Sp and b = q/Sq, Σ a = Σ b = 1 and KL = Σ kl_div(aᵢ, bᵢ) exactly;
 *   aᵢ − bᵢ = (pᵢ·Sq − qᵢ·Sp)/(Sp·Sq) is formed from exact products (Dekker) and the compensated
 *   sums, so near-equal terms keep their digits however the sums were rounded. The scales sa, sb
 *   (powers of two, exact) bring both maxima to [1, 2); a qᵢ they flush to 0 gets its term from
 *   logs of the unscaled entry.
 */
function precise(
  p: Vector,
  q: Vector,
  n: number,
  normalize: boolean,
  sa: number,
  sb: number,
): number {
  let spHi = 1;
  let spLo = 0;
  let sqHi = 1;
  let sqLo = 0;
  if (normalize) {
    spHi = 0;
    sqHi = 0;
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
  }
  const sPQ = spHi * sqHi;
  // x/Sp and y/Sq by reciprocals: their roundings move only the weight s = a + b of a term (by
  // about ε relative); the difference a − b that the term hangs on is num/sPQ, one division
  const invSp = 1 / spHi;
  const invSq = 1 / sqHi;
  let hHi = 0;
  let hLo = 0;
  let dHi = 0;
  let dLo = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0;
    for (let i = start; i < end; i++) {
      const x = p[i] * sa;
      const y = q[i] * sb;
      if (normalize) {
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
        } else if (x > 0 || y > 0) h += klDivTerm(x * invSp, y * invSq, num / sPQ);
      } else {
        // the exact difference d + err (TwoSum of x and −y), accumulated with TwoSum
        const d = x - y;
        const bv = d - x;
        const err = x - (d - bv) + (-y - bv);
        const t = dHi + d;
        const z = t - dHi;
        dLo += dHi - (t - z) + (d - z) + err;
        dHi = t;
        if (x > 0) h += klDivTerm(x, y, d);
        else h += y;
      }
    }
    const t = hHi + h;
    const z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  const terms = hHi - hHi === 0 ? hHi + hLo : hHi;
  return normalize ? terms : terms + (dHi + dLo);
}

// The fast pass, Σ pᵢ log(pᵢ/qᵢ) (blocked), the sums Σ pᵢ, Σ qᵢ and Σ |pᵢ log(pᵢ/qᵢ)| (validated
// as it goes), is `klFastPass` (lib/src/simd/passes.ts): WebAssembly SIMD kernels from its
// break-even length up where the engine has them, else a JS loop that gives the same bits. When
// the result is much smaller than PASS.abs the terms cancelled (p ≈ q) and `precise` runs.

/**
 * The fast pass's error is about ε·(Σ pᵢ + Σ|pᵢ log(pᵢ/qᵢ)|): each log(pᵢ/qᵢ) is off by about ε
 * absolutely (the ratio is rounded), each product by ε relatively. A result smaller than
 * 1/CANCELLATION of that magnitude has lost more than 5 bits, and the precise pass runs.
 */
const CANCELLATION = 32;
/**
 * The same for the normalized result (1/Sp) Σ pᵢ log(pᵢ/qᵢ) + log(Sq/Sp), whose fast form adds the
 * roundings of the division and of log(Sq/Sp): at 32 it was 1.7e-14 relative (n = 1000, q within
 * ±90% of p); at 8 the error stays below the documented 5e-15.
 */
const CANCELLATION_NORMALIZED = 8;

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
 * From 64 entries on (the measured break-even length) the fast pass runs in WebAssembly SIMD kernels (f64x2, compiled
 * on first use, input copied in 32 KB chunks) wherever the engine has WebAssembly SIMD; the result
 * is the same double, bit for bit, on the JS path (shorter inputs, engines without SIMD).
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
 * // => 0.17120348607051372    (the sums overflow; rescaled by powers of two)
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
    throwIfInvalid(fn, NAMES, [p, q], KINDS); // a bad entry, or else a sum overflowed
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
  if (normalize && n > BLOCK && sp - sp === 0 && sq - sq === 0) {
    // the fast pass's Sp and Sq are plain sums (its order is the kernels'); normalize divides by
    // them, so they are summed again blocked, as crossEntropy's (a plain Σ of 1e6 entries: 1.4e-11)
    [sp, sq] = blockedSums(p, q, n, sa, sb);
  }
  const rescan = (): never => throwFirstInvalid(fn, NAMES, [p, q], KINDS);
  sp = checkSum(fn, "p", sp, n, normalize, tolerance, rescan);
  sq = checkSum(fn, "q", sq, n, normalize, tolerance, rescan);
  if (!normalize) {
    if (h === Infinity) return Infinity; // pᵢ > 0 where qᵢ = 0
    if (h * CANCELLATION >= sp + abs) return fromNats(h, lnBase);
    return fromNats(precise(p, q, n, false, 1, 1), lnBase);
  }
  // Normalized: (1/Sp) Σ p log(p/q) + log(Sq/Sp), the log of the ratio taken as a difference of
  // logs when the ratio leaves the double range (sums 1e±300 apart). Its error is about
  // ε·(1 + Σ|terms|/Sp + |log(Sq/Sp)|); on cancellation, or when a scaled qᵢ underflowed to 0
  // (h = Infinity), the precise pass decides.
  const ratio = sq / sp;
  const logRatio =
    ratio >= 2.2250738585072014e-308 && ratio <= RATIO_MAX
      ? Math.log(ratio)
      : Math.log(sq) - Math.log(sp);
  const fastKl = h / sp + logRatio;
  if (fastKl < Infinity && fastKl * CANCELLATION_NORMALIZED >= 1 + abs / sp + Math.abs(logRatio))
    return fromNats(fastKl, lnBase);
  return fromNats(
    precise(p, q, n, true, scaleFor(maxEntry(p, n)), scaleFor(maxEntry(q, n))),
    lnBase,
  );
}
