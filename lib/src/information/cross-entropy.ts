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
  throwIfInvalid,
} from "../validate/validate";
import { crossEntropyPass, PASS } from "../simd/passes";
import {
  blockedSums,
  logRatioSum,
  maxEntry,
  needsScale,
  overflowSum,
  PRECISE_BELOW,
  RATIO_WEIGHT,
  scaleFor,
  sumSafeScale,
} from "./numerics";

const FN = "crossEntropy";
const NAMES = ["p", "q"] as const;
const KINDS = ["probability", "probability"] as const;

// The hot loop, -Σ (a·pᵢ) log(b·qᵢ), Σ a·pᵢ and Σ b·qᵢ (blocked, validated as it goes), is
// `crossEntropyPass` (lib/src/simd/passes.ts): WebAssembly SIMD kernels from its break-even length
// up where the engine has them, else a JS loop that gives the same bits.
/**
 * Cross-entropy of q relative to p: the expected code length, in log-base units, when events
 * drawn from p are coded with a code built for q.
 *
 * H(p, q) = -Σᵢ pᵢ log qᵢ = H(p) + KL(p ‖ q), in nats for the default base e, bits for `base: 2`.
 * With `normalize: true`, p and q are divided by their sums Sp and Sq analytically:
 * H = log Sq - (1/Sp) Σᵢ pᵢ log qᵢ; when those parts cancel, a second pass computes
 * H = (1/Sp) Σᵢ pᵢ log(Sq/qᵢ), every term ≥ 0 and the largest qₖ's as log1p(rest/qₖ). What counts
 * as cancelling is measured against the terms' magnitudes Σᵢ |pᵢ log qᵢ|, not their sum: a qᵢ > 1
 * (possible only with `normalize`) gives a term below 0, and terms of both signs can cancel
 * inside the sum (the second example from the end).
 *
 * Edge cases: a term with pᵢ = 0 is 0 whatever qᵢ is (`0 · log 0 = 0`); pᵢ > 0 with qᵢ = 0 gives
 * `Infinity`. The result is never negative.
 *
 * One pass over p and q, O(1) extra memory; validation is fused into the same loop. With
 * `normalize`, a second pass of additions sums Σp and Σq blocked by 16 (the first pass's are
 * plain 128-term lanes, the kernels' order; a plain Σ of 1e6 entries 0.1 is 8.4e-13 off).
 * `p` and `q` may be a `number[]` and a `Float64Array` each, but two `Float64Array`s are fastest.
 * From 48 entries on (the measured break-even length), the pass runs in WebAssembly SIMD kernels
 * (f64x2, compiled on first use, input copied in 32 KB chunks) wherever the engine has WebAssembly SIMD; the result
 * agrees with the JS path's (shorter inputs, engines without SIMD, `setSimdDisabled(true)`) to a
 * few 1e-16 relative: the kernels' log and exp may round a term an ulp apart (lib/wasm/README.md).
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
 * crossEntropy([3, 1], [1, 1], { normalize: true });
 * // => 0.6931471805599453   (log 2: p and q divided by their sums)
 * crossEntropy([0.5, 0.5], [1e-4, 1e4], { normalize: true });
 * // => 9.210340381976183    (terms +4.6 and −4.6 cancel, so the second pass; 50-digit mpmath: 9.2103403819761826621)
 * crossEntropy([0.5, 0.5], [1, 0, 0]);
 * // => throws RangeError "crossEntropy: p and q differ in length (2 vs 3)"
 */
export function crossEntropy(p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const n = checkVector(FN, "p", p);
  checkSameLength(FN, "p", n, "q", checkVector(FN, "q", q));
  let h = crossEntropyPass(FN, p, q, n, 1, 1, normalize);
  let sp = PASS.sp;
  let sq = PASS.sq;
  let abs = PASS.abs;
  let a = 1;
  let b = 1;
  if (!(sp < Infinity && sq < Infinity)) {
    throwIfInvalid(FN, NAMES, [p, q], KINDS); // a bad entry, or else a sum overflowed
    if (!normalize) throw overflowSum(FN, sp < Infinity ? "q" : "p");
  }
  if (normalize && (needsScale(sp) || needsScale(sq) || !(h - h === 0))) {
    // Overflow, or masses so small that p·log q would lose digits: redo the pass on 2^j·p and
    // 2^k·q, maxima in [1, 2) (exact; the normalized cross-entropy does not change).
    a = scaleFor(maxEntry(p, n));
    b = scaleFor(maxEntry(q, n));
    h = crossEntropyPass(FN, p, q, n, a, b, true);
    sp = PASS.sp;
    sq = PASS.sq;
    abs = PASS.abs;
  }
  if (normalize && sp - sp === 0 && sq - sq === 0) {
    // the pass's Sp and Sq are plain sums (its order is the kernels': two 128-term lanes per block);
    // normalize divides by them, so they are summed again blocked by 16, at every n (a plain Σ of
    // 1e6 entries 0.1: 8.4e-13; at n = 256, lanes whose every addition rounds one way: Sp 61.7 ulps
    // low, 4.08e-14 in the result, referee 10)
    [sp, sq] = blockedSums(p, q, n, a, b);
  }
  const rescan = (): never => throwFirstInvalid(FN, NAMES, [p, q], KINDS);
  sp = checkSum(FN, "p", sp, n, normalize, tolerance, rescan);
  sq = checkSum(FN, "q", sq, n, normalize, tolerance, rescan);
  if (!normalize) return fromNats(h, lnBase);
  // Normalized: log Sq + (1/Sp)(-Σ p log q), whose error is about ε·(1 + |log Sq| + Σ|terms|/Sp):
  // the magnitude of the terms (PASS.abs), not of their sum h, since a qᵢ > 1 makes a term < 0 and
  // lanes of ±8 can cancel to h ≈ 0 while each loses 127 roundings of its own size. When that is
  // not small against the result (or a rescaled qᵢ underflowed to 0, giving Infinity), recompute
  // it as (1/Sp) Σ p log(Sq/q): every term >= 0, the largest q's by log1p, no entry flushed to 0 by
  // a scale (logRatioSum). Where every qᵢ <= 1 or every qᵢ >= 1, Σ|terms| = |h|.
  const logSq = Math.log(sq);
  const fast = logSq + h / sp;
  if (fast < Infinity && fast * PRECISE_BELOW >= 1 + Math.abs(logSq) + abs / sp)
    return fromNats(fast, lnBase);
  const terms = logRatioSum(
    p,
    q,
    n,
    sumSafeScale(maxEntry(p, n), n),
    sumSafeScale(maxEntry(q, n), n),
  );
  return fromNats(terms / RATIO_WEIGHT, lnBase);
}
