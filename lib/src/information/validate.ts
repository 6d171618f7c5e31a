// The edge-case policy of the information group, written once. Every public function calls
// these helpers; none re-implements a check.
//
// | input                                   | outcome                                      |
// | --------------------------------------- | -------------------------------------------- |
// | not an array / Float64Array             | TypeError                                    |
// | an entry that is not a number           | TypeError  (names index and value)           |
// | empty                                   | RangeError                                   |
// | lengths differ                          | RangeError                                   |
// | NaN, negative or non-finite entry       | RangeError (names index and value)           |
// | sum off 1 by > tolerance*max(1,n)       | RangeError (when normalize is false)         |
// | sum 0 with normalize: true              | RangeError                                   |
// | 0 * log 0, 0 * log(0/q)                 | 0                                            |
// | p_i > 0 with q_i = 0                    | Infinity                                     |
//
// The hot loops only test `!(x >= 0)` per entry (which catches NaN, negatives and -Infinity)
// and accumulate the sum; +Infinity shows up as an infinite sum and a non-number as a
// non-number sum, so both are found after the loop. Whenever something is wrong, the slow path
// below rescans from index 0 and reports the FIRST offending entry.

import type { JointTable } from "./types";

/** A vector argument: a plain array or a `Float64Array`. */
export type Vector = readonly number[] | Float64Array;

/** What an entry may be: `"probability"` (finite, >= 0) or `"logit"` (not NaN, not +Infinity). */
export type EntryKind = "probability" | "logit";

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (Array.isArray(value)) return "[array]";
  if (value !== null && typeof value === "object") return "[object]";
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

function describeType(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (ArrayBuffer.isView(x)) return (x as object).constructor.name;
  return typeof x;
}

/**
 * Checks that `x` is a non-empty `number[]` or `Float64Array` and returns its length.
 * @throws {TypeError} when `x` is neither
 * @throws {RangeError} when `x` is empty
 */
export function checkVector(fn: string, name: string, x: unknown): number {
  if (!(x instanceof Float64Array) && !Array.isArray(x)) {
    throw new TypeError(
      `${fn}: ${name} must be an array of numbers or a Float64Array, got ${describeType(x)}`,
    );
  }
  const n = (x as Vector).length;
  if (n === 0) throw new RangeError(`${fn}: ${name} is empty`);
  return n;
}

/** @throws {RangeError} when the two lengths differ */
export function checkSameLength(fn: string, a: string, na: number, b: string, nb: number): void {
  if (na !== nb) {
    throw new RangeError(`${fn}: ${a} and ${b} differ in length (${na} vs ${nb})`);
  }
}

/**
 * Returns the error for one entry, or `undefined` when the entry is acceptable.
 * Probabilities must be finite and >= 0; logits may be anything but NaN and +Infinity.
 */
export function entryError(
  fn: string,
  label: string,
  value: unknown,
  kind: EntryKind,
): TypeError | RangeError | undefined {
  if (typeof value !== "number") {
    return new TypeError(`${fn}: ${label} = ${show(value)} is not a number`);
  }
  if (value !== value) return new RangeError(`${fn}: ${label} = NaN is not a number`);
  if (kind === "probability") {
    if (value < 0) return new RangeError(`${fn}: ${label} = ${show(value)} is negative`);
    if (value === Infinity) return new RangeError(`${fn}: ${label} = Infinity is not finite`);
  } else if (value === Infinity) {
    return new RangeError(
      `${fn}: ${label} = Infinity is not allowed (the result would be undefined)`,
    );
  }
  return undefined;
}

/**
 * Slow path, only taken once a hot loop has seen something wrong: rescans the vectors from
 * index 0 and throws the error for the first offending entry (all vectors at index i are
 * checked before index i + 1).
 */
export function throwFirstInvalid(
  fn: string,
  names: readonly string[],
  vectors: readonly Vector[],
  kinds: readonly EntryKind[],
): never {
  const n = vectors[0].length;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < vectors.length; k++) {
      const err = entryError(fn, `${names[k]}[${i}]`, vectors[k][i], kinds[k]);
      if (err) throw err;
    }
  }
  // Unreachable while the hot loops and this scan agree; kept so a mismatch fails loudly.
  throw new RangeError(`${fn}: invalid input`);
}

/**
 * Checks the sum accumulated by a hot loop. A sum that is not a finite number means some entry
 * was +Infinity or not a number: the slow path finds and reports it.
 * @returns the sum
 */
export function checkSum(
  fn: string,
  name: string,
  sum: number,
  n: number,
  normalize: boolean,
  tolerance: number,
  rescan: () => never,
): number {
  if (typeof sum !== "number" || !(sum < Infinity)) rescan();
  if (normalize) {
    if (!(sum > 0)) throw new RangeError(`${fn}: ${name} sums to ${show(sum)}; cannot normalize`);
  } else if (Math.abs(sum - 1) > tolerance * Math.max(1, n)) {
    throw new RangeError(
      `${fn}: ${name} sums to ${sum}, not 1 within tolerance ${tolerance}` +
        ` (pass { normalize: true } to rescale)`,
    );
  }
  return sum;
}

/** Checks that `opts` is an options object (or undefined) and returns it. */
export function optionsObject<T extends object>(fn: string, opts: T | undefined): T {
  if (opts === undefined) return {} as T;
  if (opts === null || typeof opts !== "object" || Array.isArray(opts)) {
    throw new TypeError(`${fn}: options must be an object, got ${describeType(opts)}`);
  }
  return opts;
}

/**
 * Validates the three shared options and returns `ln(base)`, the divisor that turns nats into
 * the requested unit (exactly 1 for the default base e).
 * @throws {TypeError} when an option has the wrong type
 * @throws {RangeError} when `base` is not finite, `<= 0` or `1`, or `tolerance` is NaN or `< 0`
 */
export function checkOptions(
  fn: string,
  base: unknown,
  normalize: unknown,
  tolerance: unknown,
): number {
  if (typeof base !== "number") {
    throw new TypeError(`${fn}: base must be a number, got ${describeType(base)}`);
  }
  if (!(base > 0 && base < Infinity) || base === 1) {
    throw new RangeError(
      `${fn}: base = ${show(base)} is not a valid logarithm base (finite, > 0 and not 1)`,
    );
  }
  if (typeof normalize !== "boolean") {
    throw new TypeError(`${fn}: normalize must be a boolean, got ${describeType(normalize)}`);
  }
  if (typeof tolerance !== "number") {
    throw new TypeError(`${fn}: tolerance must be a number, got ${describeType(tolerance)}`);
  }
  if (!(tolerance >= 0)) {
    throw new RangeError(`${fn}: tolerance = ${show(tolerance)} must be >= 0`);
  }
  return base === Math.E ? 1 : Math.log(base);
}

/** Checks a scalar argument's type and NaN-ness; range checks are the caller's. */
export function checkScalar(fn: string, name: string, x: unknown): number {
  if (typeof x !== "number") {
    throw new TypeError(`${fn}: ${name} must be a number, got ${describeType(x)}`);
  }
  if (x !== x) throw new RangeError(`${fn}: ${name} = NaN is not a number`);
  return x;
}

/** Formats a value for an error message, exactly as the vector checks do. */
export function showValue(x: unknown): string {
  return show(x);
}

/**
 * Checks a joint table's shape: a non-empty array of non-empty, equally long rows.
 * @returns the number of columns
 */
export function checkTable(fn: string, pxy: unknown): number {
  if (!Array.isArray(pxy)) {
    throw new TypeError(`${fn}: pxy must be an array of rows, got ${describeType(pxy)}`);
  }
  if (pxy.length === 0) throw new RangeError(`${fn}: pxy is empty`);
  const m = checkVector(fn, "pxy[0]", pxy[0]);
  for (let i = 1; i < pxy.length; i++) {
    const mi = checkVector(fn, `pxy[${i}]`, pxy[i]);
    if (mi !== m) {
      throw new RangeError(`${fn}: pxy[${i}] has ${mi} entries but pxy[0] has ${m}`);
    }
  }
  return m;
}

/** Slow path for tables: throws for the first offending cell in row-major order. */
export function throwFirstInvalidCell(fn: string, pxy: JointTable): never {
  for (let i = 0; i < pxy.length; i++) {
    const row = pxy[i];
    for (let j = 0; j < row.length; j++) {
      const err = entryError(fn, `pxy[${i}][${j}]`, row[j], "probability");
      if (err) throw err;
    }
  }
  throw new RangeError(`${fn}: invalid input`);
}

/** Converts a non-negative result from nats to the caller's unit, clamping rounding noise. */
export function fromNats(nats: number, lnBase: number): number {
  // Quantities that are >= 0 in exact arithmetic are never returned negative: a -1e-17 from
  // cancellation would, for instance, make Math.sqrt(jsDivergence(p, q)) NaN.
  const v = nats > 0 ? nats : 0;
  return lnBase === 1 ? v : v / lnBase;
}

