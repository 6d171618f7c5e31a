// Helpers shared by the distribution files. Not re-exported from the barrel.
import {
  checkNumber,
  checkOptions,
  checkRng,
  DEFAULT_TOLERANCE,
  readOptions,
  showValue,
  typeError,
} from "../validate/validate";
import type { Rng } from "./create-rng";
import type { EntropyOptions } from "./distribution";

/**
 * Checks a sample size `n` for `sample(n, rng)` and that `rng` is an {@link Rng}.
 * @throws {TypeError} when `n` is not a number, or `rng` lacks `next`, `normal` or `int`
 * @throws {RangeError} when `n` is not a non-negative safe integer
 */
export function checkDraws(fn: string, n: number, rng: Rng): void {
  checkNumber(fn, "n", n);
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`${fn}: n = ${showValue(n)} must be a non-negative integer`);
  }
  checkRng(fn, rng);
}

/** Throws `RangeError` "`family`: `name` = `value` must be `rule`". */
export function paramError(family: string, name: string, value: unknown, rule: string): never {
  throw new RangeError(`${family}: ${name} = ${showValue(value)} must be ${rule}`);
}

/**
 * Checks a constructor parameter: a number (TypeError otherwise: strings, null and booleans are
 * never coerced) for which `ok` holds (RangeError "family: name = value must be rule").
 */
export function param(family: string, name: string, value: unknown, ok: (x: number) => boolean, rule: string): number {
  checkNumber(family, name, value);
  if (!ok(value as number)) paramError(family, name, value, rule);
  return value as number;
}

/**
 * Checks the argument `x` of `logProb`/`prob`: a number, not NaN.
 * @throws {TypeError} when `x` is not a number
 * @throws {RangeError} when `x` is NaN
 */
export function checkX(fn: string, x: unknown): void {
  if (typeof x !== "number") throw typeError(fn, "x", x, "is not a number");
  if (x !== x) throw new RangeError(`${fn}: x = NaN is not a number`);
}

/** Freezes a plain object and returns it typed as readonly. */
export function frozen<T extends object>(o: T): Readonly<T> {
  return Object.freeze(o);
}

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


let registry: WeakSet<object> | undefined;

/**
 * Registers `d` as made by one of the library's family constructors and returns it. Code that
 * dispatches on the family (logLikelihood's closed forms, klBetween, fisherInformation) trusts
 * only registered objects: a `family` tag can be copied onto any object (with a `logProb` of its
 * own, or with forged parameters), identity cannot. Created on first use: nothing runs at import.
 */
export function made<T extends object>(d: T): T {
  (registry ??= new WeakSet()).add(d);
  return d;
}

/** True for an object returned by one of the library's family constructors (not a copy of one). */
export function isMade(d: unknown): boolean {
  return registry !== undefined && d !== null && typeof d === "object" && registry.has(d as object);
}
