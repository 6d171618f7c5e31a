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
  expRestTiny,
  maxEntry,
  needsScale,
  restIsLoose,
  scaleFor,
  sumRestPrecise,
  TINY_REST,
} from "./numerics";

const FN = "crossEntropyFromLogits";
const NAMES = ["p", "logits"] as const;
const KINDS = ["probability", "logit"] as const;

// Results of a pass besides its return value (no allocation per call).
let SUM_P = 0;
let SCALED = 0; // Σ exp(zᵢ - m), >= 1 (the maximum's term is 1)
let SCALED_C = 0; // its compensation

// Pass 1: validates p and z completely and returns m = max z.
function maxPass(p: Vector, z: Vector, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) {
    const pi = p[i];
    const zi = z[i];
    if (
      typeof pi !== "number" ||
      typeof zi !== "number" ||
      !(pi >= 0 && pi < Infinity && zi < Infinity)
    ) {
      throwFirstInvalid(FN, NAMES, [p, z], KINDS);
    }
    if (zi > m) m = zi;
  }
  return m;
}

// Pass 2, with the shift m = max z: returns A = Σ_{pᵢ>0} a·pᵢ (m - zᵢ) (every term >= 0, so no
// cancellation), and sets SCALED = Σ exp(zᵢ - m) >= 1 and SUM_P = Σ a·pᵢ. Every term is the same
// whatever the order of the classes (m is), and the three sums are compensated (Neumaier), so
// reordering changes each by about one ulp. Then H = Sp·log(SCALED) + A.
function sumPass(p: Vector, z: Vector, n: number, m: number, a: number): number {
  let acc = 0;
  let accC = 0;
  let sp = 0;
  let spC = 0;
  let e = 0;
  let eC = 0;
  for (let i = 0; i < n; i++) {
    const pi = p[i] * a;
    const d = m - z[i];
    const x = Math.exp(-d);
    let t = e + x;
    eC += e >= x ? e - t + x : x - t + e;
    e = t;
    t = sp + pi;
    spC += sp >= pi ? sp - t + pi : pi - t + sp;
    sp = t;
    if (pi > 0) {
      const y = pi * d;
      t = acc + y;
      accC += acc >= y ? acc - t + y : y - t + acc;
      acc = t;
    }
  }
  SUM_P = sp - sp === 0 ? sp + spC : sp;
  SCALED = e;
  SCALED_C = eC;
  return acc - acc === 0 ? acc + accC : acc;
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
 * The shift of the log-sum-exp is the maximum logit, so the result does not depend on the order
 * of the classes (a masked class with logit -1e15 costs nothing). Two passes (validation and
 * maximum; then the shifted exponentials and Σ pᵢ (m - zᵢ), whose terms are all >= 0), O(1) extra
 * memory.
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
 * // => 0.28768207245178096    (-log 0.75, to 1 ulp)
 * crossEntropyFromLogits([1, 0], [0, 2000]);
 * // => 2000                 (softmax would underflow to 0 and give Infinity)
 * crossEntropyFromLogits([1, 0], [0, -40]);
 * // => 4.248354255291589e-18   (a confident right prediction costs log1p(e^-40), not 0)
 * crossEntropyFromLogits([0, 0.5, 0.5], [-1e15, 0, 1]);
 * // => 0.8132616875182228   (a masking logit in first place; scipy gives the same)
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
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  const n = checkVector(FN, "p", p);
  checkSameLength(FN, "p", n, "logits", checkVector(FN, "logits", logits));
  const m = maxPass(p, logits, n);
  if (m === -Infinity) {
    throw new RangeError(`${FN}: every logit is -Infinity, so softmax is undefined (0/0)`);
  }
  let a = sumPass(p, logits, n, m, 1);
  let sp = SUM_P;
  if (normalize && (needsScale(sp) || !(a < Infinity))) {
    // Σp overflowed or is tiny, or a term p·(m - z) overflowed (A = Infinity also when p > 0
    // where z = -Infinity; the second pass then gives Infinity again): redo on 2^j·p.
    const scale = scaleFor(maxEntry(p, n));
    a = sumPass(p, logits, n, m, scale);
    sp = SUM_P;
    if (!(a < Infinity)) {
      // a term 2^j·pᵢ·(m − zᵢ) with 2^j·pᵢ in [1, 2) still overflowed (m − z up to 1.8e308): once
      // more with the largest entry below 2/(4n), so each term is below 1.8e308/(2n) and A below
      // 0.9e308. An entry this rounds to 0 weighed at most 2^-1074·(m − zᵢ) < 1e-15 in A > 1e307.
      // A = Infinity from pᵢ > 0 where zᵢ = −Infinity (or m − zᵢ overflowing) stays Infinity.
      a = sumPass(p, logits, n, m, scale * 2 ** -(Math.ceil(Math.log2(n)) + 2));
      sp = SUM_P;
    }
  }
  if (!normalize && !(sp < Infinity)) {
    throw new RangeError(
      `${FN}: p sums to Infinity (overflow), not 1 (pass { normalize: true } to rescale)`,
    );
  }
  sp = checkSum(FN, "p", sp, n, normalize, tolerance, () =>
    throwFirstInvalid(FN, NAMES, [p, logits], KINDS),
  );
  // H = Σ pᵢ (logSumExp(z) - zᵢ) = Sp·log Σ exp(zᵢ - m) + Σ pᵢ (m - zᵢ); both parts >= 0. The
  // sum holds the maximum's own term 1, so SCALED - 1 is exact and log1p keeps what 1 + tiny would
  // lose: a confident right prediction costs log1p(e^-gap), not 0.
  let rest = SCALED - 1 + SCALED_C;
  // every other logit 624 or more below the maximum: the rest summed again at scale 2^600 (the
  // exponentials rounded into the subnormals made a one-hot loss 58% high at [0, −744.9 × 999])
  if (rest < TINY_REST) rest = expRestTiny(logits, n, m);
  // the rest far below 1 and the loss about the rest (a confident right prediction, one-hot p on
  // the largest logit): the fast sum's compensation, which then holds the rest, is a plain sum
  // (9.6e-15 at n = 1000, 8.7e-11 at 1e7); summed again from 0
  else if (restIsLoose(rest, n, Math.log1p(rest) + a / sp)) rest = sumRestPrecise(logits, n, m);
  const lse = Math.log1p(rest);
  return fromNats(normalize ? lse + a / sp : sp * lse + a, lnBase);
}
