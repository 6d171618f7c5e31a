import { DEFAULT_TOLERANCE, type InfoOptions, type Probabilities } from "./types";
import {
  checkOptions,
  checkSum,
  checkVector,
  fromNats,
  INFO_OPTION_KEYS,
  P_NAMES,
  PROB1,
  readOptions,
  throwFirstInvalid,
  throwIfInvalid,
} from "../validate/validate";
import { entropyPass, PASS } from "../simd/passes";
import {
  blockedSum,
  logRatioSum,
  maxEntry,
  needsScale,
  overflowSum,
  PRECISE_BELOW,
  RATIO_TOTAL,
  scaleFor,
  sumSafeScale,
} from "./numerics";

const FN = "entropy";

// The hot loop, -Σ (a·pᵢ) log(a·pᵢ) and Σ a·pᵢ (blocked, validated as it goes), is `entropyPass`
// (lib/src/simd/passes.ts): WebAssembly SIMD kernels from its break-even length up where the engine
// has them, else a JS loop that gives the same bits. `a` is 1 unless normalize had to rescale.
/**
 * Shannon entropy of a discrete distribution: the expected self-information of a draw.
 *
 * H(p) = -Σᵢ pᵢ log pᵢ, in nats for the default base e, in bits for `base: 2`.
 * With `normalize: true` the masses are divided by their sum S first; this is done
 * analytically, H = log S - (1/S) Σᵢ pᵢ log pᵢ, so no temporary array is made; when those two
 * parts cancel (a large S, or nearly all the mass in one entry) a second pass computes
 * H = (1/S) Σᵢ pᵢ log(S/pᵢ), every term ≥ 0 and the largest entry's as log1p(rest/pₖ).
 *
 * Edge cases: a zero mass contributes 0 (`0 · log 0 = 0`), so a one-hot distribution has
 * entropy 0. The result is never negative (rounding noise below 0 is clamped to 0).
 *
 * One pass over `p`, O(1) extra memory; validation is fused into the same loop. With `normalize`,
 * a second pass of additions sums S blocked by 16 (the first pass's is plain 128-term lanes).
 * From 32 entries on (the measured break-even length) the pass runs in WebAssembly SIMD kernels (f64x2, compiled
 * on first use, input copied in 32 KB chunks) wherever the engine has WebAssembly SIMD; the result
 * agrees with the JS path's (shorter inputs, engines without SIMD, `setSimdDisabled(true)`) to a
 * few 1e-16 relative: the kernels' log and exp may round a term an ulp apart (lib/wasm/README.md).
 *
 * @param p probability masses: finite, `>= 0`, summing to 1 (unless `normalize`)
 * @param opts `base` (default `Math.E`), `normalize` (default `false`), `tolerance` (default `1e-9`)
 * @returns H(p) in units of log base `base`; `0 <= H <= log n`
 * @throws {TypeError} when `p` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when `p` is empty, holds NaN, a negative or a non-finite entry, does not
 *   sum to 1 within `tolerance * max(1, n)` (without `normalize`) or sums to 0 (with it), or
 *   when an option is out of range
 * @example
 * entropy([0.5, 0.5], { base: 2 });
 * // => 1
 * entropy([0.25, 0.25, 0.25, 0.25]);
 * // => 1.3862943611198906   (log 4)
 * entropy([1, 0, 0]);
 * // => 0                    (0 · log 0 = 0)
 * entropy([3, 1], { normalize: true, base: 2 });
 * // => 0.8112781244591328   (same as [0.75, 0.25], up to 1 ulp)
 * entropy([1e300, 1e300 * 1e-12], { normalize: true });
 * // => 2.8631021115900415e-11   (nearly one-hot; log S + (1/S)(-Σ p log p) would keep 5 digits)
 * entropy([1e308, 1e308], { normalize: true });
 * // => 0.6931471805599453   (log 2; the sum overflows, so the masses are rescaled by 2^-1023)
 * entropy([0.5, 0.6]);
 * // => throws RangeError "entropy: p sums to 1.1, not 1 within tolerance 1e-9 (pass { normalize: true } to rescale)"
 * entropy([0.5, -0.5, 1]);
 * // => throws RangeError "entropy: p[1] = -0.5 is negative"
 * entropy([]);
 * // => throws RangeError "entropy: p is empty"
 */
export function entropy(p: Probabilities, opts?: InfoOptions): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const n = checkVector(FN, "p", p);
  let h = entropyPass(FN, p, n, 1);
  let s = PASS.sp;
  if (!(s < Infinity)) {
    throwIfInvalid(FN, P_NAMES, [p], PROB1); // a bad entry, or else the sum overflowed
    if (!normalize) throw overflowSum(FN, "p");
  }
  let scale = 1;
  if (normalize && (needsScale(s) || !(h - h === 0))) {
    // The sum or a term p·log p overflowed, or the masses are so small that p·log p would lose
    // digits: redo the pass on 2^j·p, max in [1, 2) (exact; the entropy does not change).
    scale = scaleFor(maxEntry(p, n));
    h = entropyPass(FN, p, n, scale);
    s = PASS.sp;
  }
  // The pass's S is plain 128-term lanes (the kernels' order) and normalize divides by it: summed
  // again, blocked by 16 (at n = 180·256, lanes whose every addition rounds one way left S 1.3e-14
  // low and the result 3.4e-14 off, referee 10)
  if (normalize && s - s === 0) s = blockedSum(p, n, scale);
  s = checkSum(FN, "p", s, n, normalize, tolerance, () =>
    throwFirstInvalid(FN, P_NAMES, [p], PROB1),
  );
  if (!normalize) return fromNats(h, lnBase);
  // Normalized: -Σ (p/S) log(p/S) = log S + (1/S)(-Σ p log p), invariant under p -> a·p. When the
  // two parts cancel (log S large, or most of the mass in one entry), recompute it as
  // (1/S) Σ p log(S/p), every term >= 0 and the largest entry's by log1p (logRatioSum).
  // The fast form's error is about ε·(1 + |log S| + |h/S|) (the 1: S itself is rounded).
  const logS = Math.log(s);
  const fast = logS + h / s;
  if (fast * PRECISE_BELOW >= 1 + Math.abs(logS) + Math.abs(h / s)) return fromNats(fast, lnBase);
  const a = sumSafeScale(maxEntry(p, n), n);
  return fromNats(logRatioSum(p, p, n, a, a) / RATIO_TOTAL, lnBase);
}
