// entropy, crossEntropy, klDivergence and logSumExp on the SIMD passes (lib/src/simd/passes.ts):
// the same options, validation, edge cases, rescaling and precise pass as the functions in
// lib/src/information/, with their hot loops replaced by `entropyPass`, `crossEntropyPass`,
// `klFastPass` / `klPrecisePass` and `logSumExpMaxPass` / `logSumExpSumPass`. Internal, not yet
// wired into the public functions: the second phase of the SIMD issue does that, in the
// functions themselves (see the report of the issue); until then these are what the tests and
// the benchmark call.
//
// The result of each is bit-identical whether the kernels run or not (WebAssembly missing, SIMD
// missing, n below the break-even): both paths sum in lane order. Against the functions in
// lib/src/information, whose loops sum in index order, only the rounding of the sums differs
// (tests/simd/ measures it).

import { DEFAULT_TOLERANCE, type InfoOptions, type Probabilities } from "../information/types";
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
import { maxEntry, needsScale, overflowSum, scaleFor, throwIfInvalid, xPlusLog1pNeg } from "../information/numerics";
import { crossEntropyPass, entropyPass, klFastPass, klPrecisePass, logSumExpMaxPass, logSumExpSumPass, PASS } from "./passes";

const PQ = ["p", "q"] as const;
const PROB2 = ["probability", "probability"] as const;

/** {@link entropy} (lib/src/information/entropy.ts) on the SIMD pass. */
export function simdEntropy(p: Probabilities, opts?: InfoOptions): number {
  const fn = "entropy";
  const { base = Math.E, normalize = false, tolerance = DEFAULT_TOLERANCE } = readOptions(fn, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(fn, base, normalize, tolerance);
  const n = checkVector(fn, "p", p);
  let h = entropyPass(fn, p, n, 1);
  let s = PASS.sp;
  if (!(s < Infinity)) {
    throwIfInvalid(fn, ["p"], [p], ["probability"]);
    if (!normalize) throw overflowSum(fn, "p");
  }
  if (normalize && (needsScale(s) || !(h - h === 0))) {
    h = entropyPass(fn, p, n, scaleFor(maxEntry(p, n)));
    s = PASS.sp;
  }
  s = checkSum(fn, "p", s, n, normalize, tolerance, () => throwFirstInvalid(fn, ["p"], [p], ["probability"]));
  return fromNats(normalize ? Math.log(s) + h / s : h, lnBase);
}

/** {@link crossEntropy} (lib/src/information/cross-entropy.ts) on the SIMD pass. */
export function simdCrossEntropy(p: Probabilities, q: Probabilities, opts?: InfoOptions): number {
  const fn = "crossEntropy";
  const { base = Math.E, normalize = false, tolerance = DEFAULT_TOLERANCE } = readOptions(fn, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(fn, base, normalize, tolerance);
  const n = checkVector(fn, "p", p);
  checkSameLength(fn, "p", n, "q", checkVector(fn, "q", q));
  let h = crossEntropyPass(fn, p, q, n, 1, 1);
  let sp = PASS.sp;
  let sq = PASS.sq;
  if (!(sp < Infinity && sq < Infinity)) {
    throwIfInvalid(fn, PQ, [p, q], PROB2);
    if (!normalize) throw overflowSum(fn, sp < Infinity ? "q" : "p");
  }
  if (normalize && (needsScale(sp) || needsScale(sq) || !(h - h === 0))) {
    h = crossEntropyPass(fn, p, q, n, scaleFor(maxEntry(p, n)), scaleFor(maxEntry(q, n)));
    sp = PASS.sp;
    sq = PASS.sq;
  }
  const rescan = (): never => throwFirstInvalid(fn, PQ, [p, q], PROB2);
  sp = checkSum(fn, "p", sp, n, normalize, tolerance, rescan);
  sq = checkSum(fn, "q", sq, n, normalize, tolerance, rescan);
  return fromNats(normalize ? Math.log(sq) + h / sp : h, lnBase);
}

/** Fast-pass results below ABS / CANCELLATION lost bits to cancellation (as kl-divergence.ts). */
const CANCELLATION = 32;

/** {@link klDivergence} (lib/src/information/kl-divergence.ts) on the SIMD passes. */
export function simdKlDivergence(p: Probabilities, q: Probabilities, opts?: InfoOptions, fn = "klDivergence"): number {
  const { base = Math.E, normalize = false, tolerance = DEFAULT_TOLERANCE } = readOptions(fn, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(fn, base, normalize, tolerance);
  const n = checkVector(fn, "p", p);
  checkSameLength(fn, "p", n, "q", checkVector(fn, "q", q));
  let h = klFastPass(fn, p, q, n, 1, 1);
  let sp = PASS.sp;
  let sq = PASS.sq;
  let abs = PASS.abs;
  if (!(sp < Infinity && sq < Infinity)) {
    throwIfInvalid(fn, PQ, [p, q], PROB2);
    if (!normalize) throw overflowSum(fn, sp < Infinity ? "q" : "p");
  }
  let a = 1;
  let b = 1;
  if (normalize && (needsScale(sp) || needsScale(sq) || !(h - h === 0))) {
    a = scaleFor(maxEntry(p, n));
    b = scaleFor(maxEntry(q, n));
    h = klFastPass(fn, p, q, n, a, b);
    sp = PASS.sp;
    sq = PASS.sq;
    abs = PASS.abs;
  }
  const rescan = (): never => throwFirstInvalid(fn, PQ, [p, q], PROB2);
  sp = checkSum(fn, "p", sp, n, normalize, tolerance, rescan);
  sq = checkSum(fn, "q", sq, n, normalize, tolerance, rescan);
  if (h === Infinity) return Infinity;
  if (!normalize) {
    if (!(h * CANCELLATION < abs)) return fromNats(h, lnBase);
    return fromNats(klPrecisePass(fn, p, q, n, 1, 1) + PASS.nearDiff, lnBase);
  }
  const fastKl = h / sp + Math.log(sq / sp);
  if (!(fastKl * CANCELLATION < Math.max(abs / sp, Math.abs(Math.log(sq / sp))))) return fromNats(fastKl, lnBase);
  h = klPrecisePass(fn, p, q, n, a, b);
  sp = PASS.sp;
  sq = PASS.sq;
  const x = (PASS.nearDiff + PASS.farDiff) / sp;
  const kl = Math.abs(x) < 0.5 ? (h - PASS.farDiff) / sp + xPlusLog1pNeg(x) : (h + PASS.nearDiff) / sp + Math.log(sq / sp);
  return fromNats(kl, lnBase);
}

/** {@link logSumExp} (lib/src/information/log-sum-exp.ts) on the SIMD passes. */
export function simdLogSumExp(xs: Vector): number {
  const fn = "logSumExp";
  const n = checkVector(fn, "xs", xs);
  const m = logSumExpMaxPass(fn, xs, n);
  if (m === Infinity || m === -Infinity) return m;
  return m + Math.log(logSumExpSumPass(xs, n, m, PASS.argmax));
}
