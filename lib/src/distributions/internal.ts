// Helpers shared by the distribution files. Not re-exported from the barrel.
import {
  checkNumber,
  checkOptions,
  checkRng,
  DEFAULT_TOLERANCE,
  NOT_A_NUMBER,
  readOptions,
  typeError,
  valueError,
} from "../validate/validate";
import { productError } from "../information/numerics";
import type { Rng } from "./create-rng";
import type { EntropyOptions } from "./distribution";

/**
 * Checks a sample size `n` for `sample(n, rng)` and that `rng` is an {@link Rng}.
 * @throws {TypeError} when `n` is not a number, or `rng` lacks `next`, `normal` or `int`
 * @throws {RangeError} when `n` is not a non-negative safe integer
 */
export function checkDraws(fn: string, n: number, rng: Rng): void {
  checkNumber(fn, "n", n);
  if (!(Number.isSafeInteger(n) && n >= 0)) paramError(fn, "n", n, "a non-negative integer");
  checkRng(fn, rng);
}

/**
 * `rng.next()`, checked to be a number in [0, 1): a generator that returns NaN, a negative number
 * or 2 would give samples outside the support, NaN, or a rejection loop that never ends.
 * @throws {TypeError} when it is not a number; {RangeError} when it is outside [0, 1)
 */
export function drawUniform(fn: string, rng: Rng): number {
  const u = rng.next();
  if (typeof u !== "number" || !(u >= 0 && u < 1)) badDraw(fn, "rng.next()", u, "is not in [0, 1)");
  return u;
}

/** `rng.normal()`, checked to be a finite number (as {@link drawUniform}). */
export function drawNormal(fn: string, rng: Rng): number {
  const z = rng.normal();
  if (typeof z !== "number" || !(z - z === 0))
    badDraw(fn, "rng.normal()", z, "is not a finite number");
  return z;
}

function badDraw(fn: string, label: string, v: unknown, rule: string): never {
  if (typeof v !== "number") throw typeError(fn, label, v, NOT_A_NUMBER);
  throw valueError(fn, label, v, rule);
}

/**
 * Most rejections a sampler allows in a row (every sampler here accepts with probability above
 * 0.9, so a real generator never gets near it): past it, the generator is not uniform (a constant
 * one, say), and the sampler throws instead of looping forever.
 */
export const MAX_REJECTIONS = 10000;

/** The error for {@link MAX_REJECTIONS} rejections in a row. */
export function tooManyRejections(fn: string): RangeError {
  return new RangeError(
    `${fn}: ${MAX_REJECTIONS} proposals in a row were rejected; rng does not look uniform (is next() constant?)`,
  );
}

/** Throws `RangeError` "`family`: `name` = `value` must be `rule`". */
export function paramError(family: string, name: string, value: unknown, rule: string): never {
  throw valueError(family, name, value, `must be ${rule}`);
}

/**
 * Checks a constructor parameter: a number (TypeError otherwise: strings, null and booleans are
 * never coerced) for which `ok` holds (RangeError "family: name = value must be rule").
 */
export function param(
  family: string,
  name: string,
  value: unknown,
  ok: (x: number) => boolean,
  rule: string,
): number {
  checkNumber(family, name, value);
  if (!ok(value as number)) paramError(family, name, value, rule);
  return value as number;
}

/** Freezes a plain object and returns it typed as readonly (`Object.freeze` itself, under the name the families use). */
export const frozen: <T extends object>(o: T) => Readonly<T> = Object.freeze;

/**
 * Reads the options of a family's `entropy` (only `base`), with the shared rules for `null` and
 * unknown keys, and returns `ln(base)` (exactly 1 for base e). The base is validated by the shared
 * `checkOptions`, so the rule and the message are the same as for `entropy`.
 * @throws {TypeError} when `opts` is not an options object, has another key, or `base` is not a number
 * @throws {RangeError} when `base` is not finite, is `<= 0`, or is `1`
 */
export function entropyBase(fn: string, opts: EntropyOptions | undefined): number {
  const { base = Math.E } = readOptions(fn, opts, ["base"]);
  return checkOptions(fn, base, false, DEFAULT_TOLERANCE);
}

/** Converts nats to the unit whose `ln(base)` is `lnBase`; keeps the sign (differential entropy can be negative). */
export function inBase(nats: number, lnBase: number): number {
  return lnBase === 1 ? nats : nats / lnBase;
}

let SEAL: symbol | undefined; // the key of a made object's seal; created on first use (nothing runs at import)
let sealed: object | undefined; // written only by a seal: the object it was made for

/**
 * Marks `d` as made by one of the library's family constructors, freezes it and returns it. Code
 * that dispatches on the family (logLikelihood's closed forms, klBetween, fisherInformation) trusts
 * only made objects: a `family` tag can be copied onto any object (with a `logProb` of its own, or
 * with forged parameters), identity cannot. The mark is a seal, a function under a symbol key that
 * writes `d` to a variable only this module reads (through {@link vouch}, which the package does
 * not export): a copy of `d` (spread, `Object.assign`, `Object.create(d)`, a proxy, reflection)
 * carries a seal that writes `d`, not the copy. (A `WeakSet` of made objects was the first form:
 * its insertions and their collection doubled the time of `fitBernoulliMap`, which makes two
 * distributions a call; `Object.defineProperty`, for a non-enumerable seal, cost as much.)
 *
 * `seal` is `() => vouch(d)`, written in the constructor, where `d` is the constant holding the
 * result: the closure then shares the scope the constructor's methods already hold. A seal made
 * here, `() => (sealed = d)`, allocated a scope of its own for each object, and with it V8 began
 * allocating the distributions in the old generation in some processes (allocation-site
 * pretenuring: off with --no-allocation-site-pretenuring), where every young object they reach
 * survives each scavenge (promotion rate 99.9 %): bench/compare.ts's maximizeLikelihood case ran
 * 0.4 ms instead of 0.08 in most of its child processes.
 */
export function made<T extends object>(d: T, seal: () => void): Readonly<T> {
  (d as Record<symbol, unknown>)[(SEAL ??= Symbol("mlekit.made"))] = seal;
  return frozen(d);
}

/** What a seal does (see {@link made}): records `d` as the object it was made for. */
export function vouch(d: object): void {
  sealed = d;
}

/** True for an object returned by one of the library's family constructors (not a copy of one). */
export function isMade(d: unknown): boolean {
  if (SEAL === undefined || d === null || typeof d !== "object") return false;
  const seal = (d as { [k: symbol]: unknown })[SEAL];
  sealed = undefined;
  if (typeof seal === "function") seal();
  const ok = sealed === d;
  sealed = undefined;
  return ok;
}

/**
 * c / r² for c ∈ (0, 2] and r > 0, within one rounding of the exact value at every r: r·r is
 * rounded into the subnormals (r < 1.5e-154, a quotient near 1.8e308 off by 3 ulps) or overflows
 * (r > 1.3e154, 0 where the exact value is a subnormal up to r = 6e161), so those r are scaled by
 * 2^∓600 first and the quotient scaled back, never twice rounded into the subnormals.
 */
export function overSquare(c: number, r: number): number {
  const sq = r * r;
  // c/(sq + e), e the rounding error of r·r: one rounding (the quotient) instead of two; the
  // correction's products stay in range for r² in [2^-900, 2^900], so r is scaled into it first
  // (below 2^-850 the quotient would pass 2^851, where correctedQuotient skips its correction:
  // 2/σ² with σ² in [2^-900, 2^-899] was 1.43 ulp; the scaled branch below corrects it)
  if (sq >= 2 ** -850 && sq <= 2 ** 900) return correctedQuotient(c, sq, productError(r, r, sq));
  if (r < 1) {
    const s = r * 2 ** 600;
    const ss = s * s;
    // normal until the last product, which may overflow
    return correctedQuotient(c, ss, productError(s, s, ss)) * 2 ** 600 * 2 ** 600;
  }
  const s = r * 2 ** -600;
  const ss = s * s;
  // the corrected quotient scaled back exactly while the result is normal; into the subnormals
  // that would round twice (0.57 ulp at r = 1.3e154), and so would c/r² itself (the quotient of a
  // rounded r²: 0.93 ulp at r = 9.49e153), so there the rounding is done once, below
  const e = productError(s, s, ss);
  const q = correctedQuotient(c, ss, e) * 2 ** -200 * 2 ** -1000;
  if (q >= 2.2250738585072014e-308 || !(ss > 2 ** -900)) return q;
  // into the subnormals: c/(ss + e) = qh + ql as a double-double (qh = c/ss, ql from the exact
  // residual c − qh·ss − qh·e), qh rounded onto the subnormal grid once (R), and R moved by one
  // step where the part below it, (qh − R·2^1200) + ql, passes half a step (2^125 at this scale):
  // one rounding of the exact value (c/r² itself, or the scaled quotient, rounded twice: 0.93 ulp)
  const qh = c / ss;
  const ps = qh * ss;
  const ql = (c - ps - productError(qh, ss, ps) - qh * e) / ss;
  const R = qh * 2 ** -200 * 2 ** -1000;
  const d = qh - R * 2 ** 1000 * 2 ** 200; // exact
  // (at d = ±2^125 exactly qh was a tie, which ql decides; ql below ulp(2^125)/2 is lost in d + ql)
  if (d + ql > 2 ** 125 || (d === 2 ** 125 && ql > 0)) return R + 2 ** -1074;
  if (d + ql < -(2 ** 125) || (d === -(2 ** 125) && ql < 0)) return R - 2 ** -1074;
  return R;
}

/**
 * x / (s + sl) for |sl| ≤ ulp(s), from the exact residual x − q·s of q = x/s: the quotient with one
 * final rounding (about half an ulp) instead of two.
 */
export function correctedQuotient(x: number, s: number, sl: number): number {
  const q = x / s;
  // far from both ends of the range only (the residual's products would underflow or overflow)
  const aq = Math.abs(q);
  const as = Math.abs(s);
  if (!(aq > 2 ** -900 && aq < 2 ** 900 && as > 2 ** -900 && as < 2 ** 900)) return q;
  const ps = q * s;
  const pe = productError(q, s, ps);
  const res = x - ps - pe;
  return q + (res - q * sl) / s;
}

/**
 * x / (a + b) for finite a + b ≠ 0 within about half an ulp: the rounding error of a + b (TwoSum)
 * is folded back into the quotient, so the result has one rounding instead of two (a Beta mean
 * a/(a + b) was 1.08 ulp off).
 */
export function quotientOfSum(x: number, a: number, b: number): number {
  const s = a + b;
  const bv = s - a;
  const sl = a - (s - bv) + (b - bv);
  return correctedQuotient(x, s, sl);
}

/** a + b as a double-double [s, sl] (TwoSum). */
export function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bv = s - a;
  return [s, a - (s - bv) + (b - bv)];
}
