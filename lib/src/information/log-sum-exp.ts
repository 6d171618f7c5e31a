import { checkVector, type Vector } from "../validate/validate";
import { logSumExpMaxPass, logSumExpSumPass, LSE_PASS } from "../simd/passes";
import { expRestTiny, restIsLoose, shiftIsLoose, sumRestPrecise, TINY_REST } from "./numerics";

const FN = "logSumExp";

// Two passes, both in lib/src/simd/passes.ts (WebAssembly SIMD kernels from their break-even
// length up where the engine has them, else JS loops that give the same bits):
// - `logSumExpMaxPass`: the maximum m and the first index k holding it (LSE_PASS.argmax), with
//   validation (+Infinity is allowed: the result is +Infinity);
// - `logSumExpSumPass`: Σ exp(xᵢ − m); LSE_PASS.sumRest holds Σ_{i≠k} exp(xᵢ − m), the sum less the
//   maximum's own term 1. Every term is in [0, 1] and each running sum starts from that 1, so it
//   is never smaller than the next term and Fast2Sum (Dekker) captures each rounding error
//   exactly, without a branch; removing the 1 is exact, so the result keeps what 1 + tiny would
//   round away (logSumExp([0, -40]) = log1p(e^-40) = 4.25e-18, not 0). The terms do not depend on
//   the order of xs and the compensated sum is accurate to about one ulp of 1 + rest, so reordering
//   xs changes the result by at most a few ulps. The compensation itself is a plain sum, though:
//   where the rest is far below 1 and the result is about the rest (m near 0), that plain sum would
//   decide it, so the rest is then summed again from 0 (numerics.ts: restIsLoose, sumRestPrecise).

/**
 * Log of a sum of exponentials, computed without overflow or underflow: the log-space sum of
 * quantities stored as logarithms (log-likelihoods, logits).
 *
 * logSumExp(x) = log Σᵢ exp(xᵢ) = m + log1p(Σ_{i≠k} exp(xᵢ - m)), m = x_k = maxᵢ xᵢ (the shift is
 * always the maximum, so no term overflows and the result does not depend on the order of the
 * entries: reordering changes it by at most a few ulps; log1p keeps a small remainder that
 * 1 + remainder would round away). Two passes (maximum, then a Fast2Sum-compensated sum of the
 * shifted exponentials), O(1) extra memory; units are those of the inputs (natural log).
 * From 32 entries on (the measured break-even length) both passes run in WebAssembly SIMD kernels (f64x2, compiled
 * on first use, input copied in 32 KB chunks) wherever the engine has WebAssembly SIMD; the result
 * agrees with the JS path's (shorter inputs, engines without SIMD, `setSimdDisabled(true)`) to a
 * few 1e-16 relative: the kernels' log and exp may round a term an ulp apart (lib/wasm/README.md).
 *
 * Edge cases: `-Infinity` entries stand for exp(x) = 0 and are skipped; if every entry is
 * `-Infinity` the result is `-Infinity` (log 0). A `+Infinity` entry makes the sum infinite, so
 * the result is `+Infinity` (every entry is still checked for NaN).
 *
 * @param xs the exponents: any numbers but NaN
 * @returns log Σ exp(xᵢ); shift-invariant up to rounding: logSumExp(x + c) = logSumExp(x) + c
 * @throws {TypeError} when `xs` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN
 * @example
 * logSumExp([0, 0]);
 * // => 0.6931471805599453   (log 2)
 * logSumExp([1000, 1000]);
 * // => 1000.6931471805599   (no overflow)
 * logSumExp([0, -40]);
 * // => 4.248354255291589e-18   (log1p(e^-40); log(1 + e^-40) would round to 0)
 * logSumExp([-1000, -Infinity]);
 * // => -1000
 * logSumExp([-Infinity, -Infinity]);
 * // => -Infinity
 * logSumExp([1, Infinity]);
 * // => Infinity
 * logSumExp([1, NaN]);
 * // => throws RangeError "logSumExp: xs[1] = NaN is not a number"
 */
export function logSumExp(xs: Vector): number {
  const n = checkVector(FN, "xs", xs);
  const m = logSumExpMaxPass(FN, xs, n);
  if (m === Infinity || m === -Infinity) return m; // exp(+∞) = ∞; all -∞: log 0
  const k = LSE_PASS.argmax;
  logSumExpSumPass(xs, n, m, k);
  // every other term below e^-624 (rare): summed again at scale 2^600, so that the exponentials
  // rounded into the subnormals do not decide a result as small as the sum itself (m near 0)
  if (LSE_PASS.sumRest < TINY_REST && Math.abs(m) < 2 ** -800) return m + expRestTiny(xs, n, m);
  const rest = LSE_PASS.sumRest;
  const v = m + Math.log1p(rest);
  // Two rare cases redo the rest precisely (sumRestPrecise: each xᵢ − m's rounding carried into its
  // exponential, a Neumaier sum from 0):
  // - m and log1p(S) cancel (the result crosses 0 near m = −log n): the rounding of each xᵢ − m,
  //   which the fast pass leaves in (½ ulp of 30 is 8 ulps of a log1p(e^-30) term), then decides;
  // - the rest is small beside 1 and large beside |m| (m near 0, every other term far below it):
  //   the fast sum, from 1, then holds the rest in its compensation, a plain sum (restIsLoose).
  // - the terms' own roundings (each xᵢ − m's, left in by the fast pass) may reach half an ulp of
  //   the result (shiftIsLoose: the result about the rest, m near 0).
  const scale = Math.abs(m) + Math.log1p(rest);
  if (Math.abs(v) * 4 < Math.abs(m) || restIsLoose(rest, n, scale) || shiftIsLoose(rest, n, scale))
    return m + Math.log1p(sumRestPrecise(xs, n, m));
  return v;
}
