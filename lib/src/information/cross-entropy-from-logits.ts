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

const FN = "crossEntropyFromLogits";
const NAMES = ["p", "logits"] as const;
const KINDS = ["probability", "logit"] as const;

// Results of one pass, read by the caller right after it (no allocation per call).
let SUM_P = 0;
let MAX = -Infinity; // running maximum of the logits
let SCALED = 0; // Σ exp(zᵢ - MAX)

// One pass: validates p and z, accumulates Σ p, the streaming log-sum-exp of z, and
// A = Σ_{pᵢ>0} pᵢ (zᵢ - c). The shift c (the first logit, when finite) keeps A and the
// log-sum-exp small when all logits are large, so Sp·(LSE - c) - A does not cancel badly.
function passF64(p: Float64Array, z: Float64Array, n: number, c: number): number {
  let a = 0;
  let sp = 0;
  let m = -Infinity;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const zi = z[i];
    if (!(pi >= 0 && zi < Infinity)) throwFirstInvalid(FN, NAMES, [p, z], KINDS);
    sp += pi;
    if (zi > m) {
      s = s * Math.exp(m - zi) + 1;
      m = zi;
    } else if (zi > -Infinity) {
      s += Math.exp(zi - m);
    }
    if (pi > 0) a += pi * (zi - c);
  }
  SUM_P = sp;
  MAX = m;
  SCALED = s;
  return a;
}

function passArray(p: readonly number[], z: readonly number[], n: number, c: number): number {
  let a = 0;
  let sp = 0;
  let m = -Infinity;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const zi = z[i];
    if (typeof pi !== "number" || typeof zi !== "number" || !(pi >= 0 && zi < Infinity)) {
      throwFirstInvalid(FN, NAMES, [p, z], KINDS);
    }
    sp += pi;
    if (zi > m) {
      s = s * Math.exp(m - zi) + 1;
      m = zi;
    } else if (zi > -Infinity) {
      s += Math.exp(zi - m);
    }
    if (pi > 0) a += pi * (zi - c);
  }
  SUM_P = sp;
  MAX = m;
  SCALED = s;
  return a;
}

// A Float64Array with a number[]: its own copy, so the loops above stay monomorphic.
function passMixed(p: Probabilities, z: Vector, n: number, c: number): number {
  let a = 0;
  let sp = 0;
  let m = -Infinity;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const zi = z[i];
    if (typeof pi !== "number" || typeof zi !== "number" || !(pi >= 0 && zi < Infinity)) {
      throwFirstInvalid(FN, NAMES, [p, z], KINDS);
    }
    sp += pi;
    if (zi > m) {
      s = s * Math.exp(m - zi) + 1;
      m = zi;
    } else if (zi > -Infinity) {
      s += Math.exp(zi - m);
    }
    if (pi > 0) a += pi * (zi - c);
  }
  SUM_P = sp;
  MAX = m;
  SCALED = s;
  return a;
}

/**
 * Cross-entropy of the distribution softmax(logits) relative to p, computed from the logits
 * in log space, without forming the softmax: the loss of a classifier's logits against
 * (soft) target probabilities.
 *
 * H(p, softmax(z)) = -Σᵢ pᵢ log softmax(z)ᵢ = Σᵢ pᵢ (logSumExp(z) - zᵢ), in nats for the default
 * base e, bits for `base: 2`. With `normalize: true`, p is divided by its sum Sp analytically:
 * H = logSumExp(z) - (1/Sp) Σᵢ pᵢ zᵢ. Accurate where `crossEntropy(p, softmax(z))` is not: a
 * class whose softmax probability underflows to 0 still costs a finite loss here.
 *
 * Edge cases: pᵢ = 0 contributes 0 whatever zᵢ is (even `-Infinity`); pᵢ > 0 with
 * zᵢ = `-Infinity` (probability 0) gives `Infinity`. A `+Infinity` or NaN logit, or all
 * logits `-Infinity`, leave softmax undefined and throw. The result is never negative.
 *
 * One pass over p and the logits (streaming log-sum-exp), O(1) extra memory, validation fused.
 *
 * @param p target probabilities: finite, `>= 0`, summing to 1 (unless `normalize`)
 * @param logits unnormalized log-probabilities (natural log), same length as `p`
 * @param opts `base` (default `Math.E`), `normalize` (default `false`), `tolerance` (default `1e-9`)
 * @returns H(p, softmax(logits)) in units of log base `base`
 * @throws {TypeError} when `p` or `logits` is not an array or `Float64Array`, or holds a non-number
 * @throws {RangeError} when either is empty, their lengths differ, `p` has a NaN, negative or
 *   non-finite entry or a bad sum, a logit is NaN or `+Infinity`, all logits are `-Infinity`,
 *   or an option is out of range
 * @example
 * crossEntropyFromLogits([0, 1], [0, 0], { base: 2 });
 * // => 1
 * crossEntropyFromLogits([0, 1], [0, Math.log(3)]);
 * // => 0.287682072451781    (-log 0.75, to 1 ulp)
 * crossEntropyFromLogits([1, 0], [0, 2000]);
 * // => 2000                 (softmax would underflow to 0 and give Infinity)
 * crossEntropyFromLogits([0, 1], [-Infinity, 0]);
 * // => 0                    (0 · log 0 = 0)
 * crossEntropyFromLogits([1, 0], [-Infinity, 0]);
 * // => Infinity             (p₀ > 0 but softmax₀ = 0)
 * crossEntropyFromLogits([1, 0], [0, NaN]);
 * // => throws RangeError "crossEntropyFromLogits: logits[1] = NaN is not a number"
 */
export function crossEntropyFromLogits(
  p: Probabilities,
  logits: Vector,
  opts?: InfoOptions,
): number {
  const { base = Math.E, normalize = false, tolerance = DEFAULT_TOLERANCE } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const n = checkVector(FN, "p", p);
  checkSameLength(FN, "p", n, "logits", checkVector(FN, "logits", logits));
  const z0 = logits[0];
  const c = typeof z0 === "number" && z0 > -Infinity && z0 < Infinity ? z0 : 0;
  let a: number;
  if (p instanceof Float64Array && logits instanceof Float64Array) a = passF64(p, logits, n, c);
  else if (Array.isArray(p) && Array.isArray(logits)) a = passArray(p, logits, n, c);
  else a = passMixed(p, logits, n, c);
  const sp = checkSum(FN, "p", SUM_P, n, normalize, tolerance, () =>
    throwFirstInvalid(FN, NAMES, [p, logits], KINDS),
  );
  if (MAX === -Infinity) {
    throw new RangeError(`${FN}: every logit is -Infinity, so softmax is undefined (0/0)`);
  }
  const lse = MAX - c + Math.log(SCALED); // logSumExp(z) - c
  return fromNats(normalize ? lse - a / sp : sp * lse - a, lnBase);
}
