// Helpers shared by the estimator files. Not re-exported from the barrel. The rules themselves
// live in the one validation module, lib/src/validate/validate.ts.
import type { Sample } from "../distributions";
import {
  checkVector,
  throwIfInvalid,
  typeError,
  valueError,
  type EntryKind,
} from "../validate/validate";

/**
 * Checks that `xs` is a non-empty `number[]` or `Float64Array` (the library-wide policy: a
 * Float32Array, another typed array or an array-like is a TypeError) and returns its length.
 * Entries are checked by the callers' own loops.
 * @throws {TypeError} when `xs` is not a `number[]` or `Float64Array`
 * @throws {RangeError} when `xs` is empty
 */
export function requireSample(fn: string, xs: Sample): number {
  return checkVector(fn, "xs", xs);
}

/**
 * Finds the first entry of `xs` that is not a finite number and throws for it: TypeError for a
 * non-number (a string, null, a boolean), RangeError for NaN or ±Infinity. Returns when every
 * entry is finite (then a sum overflowed: the caller says so). Called after a fast loop saw
 * something wrong, so the happy path pays no check per element.
 */
export function throwFirstNonFinite(fn: string, xs: Sample): void {
  throwIfInvalid(fn, XS, [xs], FINITE);
}

const XS = ["xs"] as const;
const FINITE: readonly EntryKind[] = ["finite"];

/**
 * Throws for the entry `xs[i] = x` that broke the rule `reason`: TypeError when `x` is not a
 * number at all, RangeError "fn: xs[i] = x reason" otherwise.
 */
export function entryFail(fn: string, i: number, x: unknown, reason: string): never {
  if (typeof x !== "number") throw typeError(fn, `xs[${i}]`, x, "is not a number");
  throw valueError(fn, `xs[${i}]`, x, reason);
}
