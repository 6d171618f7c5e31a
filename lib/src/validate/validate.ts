// The one validation module of mlekit: every group (information, distributions, estimators,
// regression, optimisation) checks its input here, so the rules and the messages are the same
// everywhere. Internal: not re-exported from the package barrel.
//
// Message format, always:   `fn: name = value reason`   or   `fn: name[i] = value reason`
//   e.g. "klDivergence: p[3] = -0.1 is negative", "poisson: lambda = \"3\" is not a number",
//        "fitGaussian: options.lambda = 5 is not an option (known: unbiased)".
//
// | input                                              | outcome                                   |
// | -------------------------------------------------- | ----------------------------------------- |
// | vector that is not a `number[]` or `Float64Array`  | TypeError (Float32Array, other typed      |
// |   (Float32Array, Int32Array, array-likes, strings) |   arrays and array-likes are rejected     |
// |                                                    |   everywhere: convert with Float64Array.from) |
// | an entry or scalar that is not a number            | TypeError (strings, null, booleans,       |
// |   ("1", null, true, undefined, 1n, objects)        |   bigints are never coerced)              |
// | empty vector                                       | RangeError                                |
// | NaN, or a value outside the documented range       | RangeError (names index and value)        |
// | options: `undefined`                               | every default                             |
// | options: `null`, an array, a non-object            | TypeError "fn: options = null is not an options object" |
// | options: a key the function does not know         | TypeError naming the key                  |
// | an option of the wrong type / out of range         | TypeError / RangeError                    |
//
// Hot loops test entries inline (`typeof x !== "number" || !(x >= 0)`), and only on failure call
// `throwFirstInvalid`, which rescans from index 0 and throws for the FIRST offending entry.
//
// Exported API (the stable surface other groups build on):
//   showValue, describeType, rangeError, valueError, typeError   message building
//   isFloat64Array, isVector, checkVector, checkSameLength, entryError, throwFirstInvalid,
//   checkSum, checkTable, throwFirstInvalidCell, allocate     vectors and tables
//   checkSample                                              a data sample: vector of finite numbers
//   checkNumber, checkFinite, checkPositive, checkNonNegative, checkInteger, checkInRange,
//   checkBoolean, checkFunction, checkRng                    scalars and callables
//   readOptions                                              options objects (null, unknown keys)
//   checkOptions, fromNats, DEFAULT_TOLERANCE                information options (base, …)

/** A vector argument: a plain `number[]` or a `Float64Array` (nothing else, see the table). */
export type Vector = readonly number[] | Float64Array;

/**
 * What an entry may be: `"probability"` (finite, `>= 0`), `"logit"` (not NaN, not `+Infinity`),
 * `"finite"` (any finite number) or `"number"` (any number but NaN).
 */
export type EntryKind = "probability" | "logit" | "finite" | "number";

/** The smallest normal double, 2⁻¹⁰²² (a ratio below it has lost bits: logs of the factors instead). */
export const MIN_NORMAL = 2.2250738585072014e-308;

/** The largest finite double (an alias: shorter minified than `Number.MAX_VALUE` at each use). */
export const MAX_DOUBLE = Number.MAX_VALUE;

/** log(x/y) for x, y > 0: one log while x/y is a normal double, else log x − log y. */
export function logQuotient(x: number, y: number): number {
  const r = x / y;
  return r >= MIN_NORMAL && r <= MAX_DOUBLE ? Math.log(r) : Math.log(x) - Math.log(y);
}

/** Names and entry kinds of one and of two probability vectors, for the rescans' messages. */
export const P_NAMES = ["p"] as const;
export const PQ_NAMES = ["p", "q"] as const;
export const PROB1: readonly EntryKind[] = ["probability"];
export const PROB2: readonly EntryKind[] = [PROB1[0], PROB1[0]];

/** The end of the messages for a sum that is not 1. */
export const RESCALE = " (pass { normalize: true } to rescale)";

/** Default `tolerance` of the information functions' sum-to-1 check. */
export const DEFAULT_TOLERANCE = 1e-9;

/** Formats a value for an error message: strings quoted, -0 kept, objects by kind. */
export function showValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function") return "[function]";
  if (Array.isArray(value)) return `[array of ${value.length}]`;
  if (ArrayBuffer.isView(value)) {
    const v = value as unknown as { length?: number };
    return `${value.constructor.name}(${v.length ?? ""})`;
  }
  if (value !== null && typeof value === "object") return "[object]";
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

/** The kind of a value, for "got …" parts of messages: "null", "array", "Float32Array", "string", … */
export function describeType(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "array";
  if (ArrayBuffer.isView(x)) return (x as object).constructor.name;
  return typeof x;
}

/** A `RangeError` with the message `fn: message` (every RangeError of the library names its function so). */
export function rangeError(fn: string, message: string): RangeError {
  return new RangeError(`${fn}: ${message}`);
}

/** A `RangeError` with the message `fn: label = value reason`. */
export function valueError(fn: string, label: string, value: unknown, reason: string): RangeError {
  return rangeError(fn, `${label} = ${showValue(value)} ${reason}`);
}

/** A `TypeError` with the message `fn: label = value reason`. */
export function typeError(fn: string, label: string, value: unknown, reason: string): TypeError {
  return new TypeError(`${fn}: ${label} = ${showValue(value)} ${reason}`);
}

const VECTOR_RULE = "is not a number[] or Float64Array";

/** The getter behind `TypedArray.prototype[Symbol.toStringTag]`: a typed array's own kind, whatever its realm. */
const TYPED_ARRAY_TAG = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Float64Array.prototype),
  Symbol.toStringTag,
)!.get as (this: unknown) => string | undefined;

/**
 * True for a `Float64Array` of any realm (a `vm` context, an iframe, a worker's transferred array):
 * `instanceof` only recognises this realm's. Reads the engine's internal kind, which a plain object
 * cannot fake with a `Symbol.toStringTag` of its own.
 */
export function isFloat64Array(x: unknown): x is Float64Array {
  // not `instanceof`: a Proxy of a Float64Array passes it, then its `.length` throws inside the engine
  return ArrayBuffer.isView(x) && TYPED_ARRAY_TAG.call(x) === "Float64Array";
}

/** True for a `number[]` (of any realm) or a `Float64Array` (of any realm); entries are not checked. */
export function isVector(x: unknown): x is Vector {
  return Array.isArray(x) || isFloat64Array(x);
}

/**
 * Checks that `x` is a non-empty `number[]` or `Float64Array` (of any realm) and returns its length.
 * Entries are not checked here (the callers' hot loops do it).
 * @throws {TypeError} when `x` is anything else (a Float32Array, an array-like, a string, null)
 * @throws {RangeError} when `x` is empty
 */
export function checkVector(fn: string, name: string, x: unknown): number {
  if (!Array.isArray(x) && !isFloat64Array(x)) {
    // a Proxy of a Float64Array inherits from Float64Array but is no typed array: name it
    throw typeError(
      fn,
      name,
      x,
      x instanceof Float64Array ? VECTOR_RULE + " (a Proxy)" : VECTOR_RULE,
    );
  }
  const n = (x as Vector).length;
  if (n === 0) throw rangeError(fn, `${name} is empty`);
  // an Array Proxy can report any length (NaN, -1, 1.5): only a real array length is accepted
  if (!(n >>> 0 === n)) throw typeError(fn, `${name}.length`, n, "is not an array length");
  return n;
}

/** The longest array the library allocates (V8's limit for a Float64Array on 64-bit platforms). */
export const MAX_LENGTH = 2 ** 32 - 1;
const TOO_LARGE = "is too large: ";

/**
 * `new Float64Array(n)` for a length the caller has validated as a non-negative integer, with the
 * library's message instead of the engine's ("Invalid typed array length", "Array buffer
 * allocation failed") when it is too long or memory runs out.
 * @throws {RangeError} naming the function and the argument `name` that asked for `n` entries
 */
export function allocate(fn: string, name: string, n: number): Float64Array {
  if (n > MAX_LENGTH) throw valueError(fn, name, n, `${TOO_LARGE}more than ${MAX_LENGTH} entries`);
  try {
    return new Float64Array(n);
  } catch {
    throw valueError(
      fn,
      name,
      n,
      `${TOO_LARGE}the ${n} entries (${n * 8} bytes) cannot be allocated`,
    );
  }
}

/** @throws {RangeError} when the two lengths differ */
export function checkSameLength(fn: string, a: string, na: number, b: string, nb: number): void {
  if (na !== nb) {
    throw rangeError(fn, `${a} and ${b} differ in length (${na} vs ${nb})`);
  }
}

export const NOT_A_NUMBER = "is not a number";

/**
 * Returns the error for one entry, or `undefined` when the entry is acceptable for its kind.
 */
export function entryError(
  fn: string,
  label: string,
  value: unknown,
  kind: EntryKind,
): TypeError | RangeError | undefined {
  if (typeof value !== "number") return typeError(fn, label, value, NOT_A_NUMBER);
  if (value !== value) return valueError(fn, label, value, NOT_A_NUMBER);
  if (kind === "probability" && value < 0) return valueError(fn, label, value, "is negative");
  // +Infinity is refused by every kind but "number"; -Infinity by "finite" (and, as negative, by
  // "probability" above); "logit" allows -Infinity
  const refused = value === Infinity ? kind !== "number" : value === -Infinity && kind === "finite";
  if (refused) {
    const reason =
      kind === "logit" ? "is not allowed (the result would be undefined)" : "is not finite";
    return valueError(fn, label, value, reason);
  }
  return undefined;
}

/**
 * After a pass whose sum is not finite: throws the error for the first offending entry (all
 * vectors at index i are checked before index i + 1), or returns when every entry is valid (so
 * the sum itself overflowed).
 */
export function throwIfInvalid(
  fn: string,
  names: readonly string[],
  vectors: readonly Vector[],
  kinds: readonly EntryKind[],
): void {
  const n = vectors[0].length;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < vectors.length; k++) {
      const err = entryError(fn, `${names[k]}[${i}]`, vectors[k][i], kinds[k]);
      if (err) throw err;
    }
  }
}

/**
 * Slow path, only taken once a hot loop has seen something wrong: rescans the vectors from
 * index 0 and throws the error for the first offending entry ({@link throwIfInvalid}).
 */
export function throwFirstInvalid(
  fn: string,
  names: readonly string[],
  vectors: readonly Vector[],
  kinds: readonly EntryKind[],
): never {
  throwIfInvalid(fn, names, vectors, kinds);
  // Unreachable while the hot loops and this scan agree; kept so a mismatch fails loudly.
  throw rangeError(fn, "invalid input");
}

/**
 * Checks that `xs` is a non-empty `number[]` or `Float64Array` of finite numbers (one pass;
 * for callers whose own loop cannot see a bad entry) and returns its length.
 * @throws {TypeError} when `xs` is not a vector or an entry is not a number
 * @throws {RangeError} when `xs` is empty or an entry is NaN or ±Infinity
 */
export function checkSample(fn: string, name: string, xs: unknown): number {
  const n = checkVector(fn, name, xs);
  const v = xs as Vector;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (typeof x !== "number" || !(x - x === 0)) throwFirstInvalid(fn, [name], [v], ["finite"]);
  }
  return n;
}

/**
 * Checks the sum accumulated by a hot loop. A sum that is not a finite number means some entry
 * was +Infinity or not a number: `rescan` finds and reports it.
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
    if (!(sum > 0)) throw rangeError(fn, `${name} sums to ${showValue(sum)}; cannot normalize`);
  } else if (Math.abs(sum - 1) > tolerance * Math.max(1, n)) {
    throw rangeError(fn, `${name} sums to ${sum}, not 1 within tolerance ${tolerance}${RESCALE}`);
  }
  return sum;
}

let noOptions: object | undefined;

/**
 * Checks that `opts` is an options object whose keys are all in `known`, and returns an object from
 * which destructuring reads only `opts`'s own properties: the option's own value, or `undefined` (so
 * the caller's destructuring default applies). A default is therefore never read through the
 * prototype chain: `Object.create({ base: 2 })` sets no option, and neither does a polluted
 * `Object.prototype.base`. Every function with options calls this, so `null` and unknown keys
 * behave the same everywhere.
 * @throws {TypeError} when `opts` is `null`, an array or not an object, or has a key not in `known`
 */
export function readOptions<T extends object>(
  fn: string,
  opts: T | undefined,
  known: readonly string[],
): T {
  // (for `undefined`: one shared frozen object without a prototype, so the common call allocates
  // nothing and reads no prototype)
  if (opts === undefined)
    return (noOptions ??= Object.freeze(Object.setPrototypeOf({}, null))) as T;
  if (
    opts === null ||
    typeof opts !== "object" ||
    Array.isArray(opts) ||
    // a Map or a Date holds no option as a property: refused, not read as "no options"
    OBJECT_TO_STRING.call(opts) !== "[object Object]"
  ) {
    throw typeError(fn, "options", opts, "is not an options object");
  }
  // every own property, enumerable or not (a non-enumerable `base: 0.5` is still an option set)
  const keys = Object.getOwnPropertyNames(opts);
  for (const key of keys) {
    if (!known.includes(key)) {
      throw typeError(
        fn,
        `options.${key}`,
        (opts as Record<string, unknown>)[key],
        `is not an option (known: ${known.length ? known.join(", ") : "none"})`,
      );
    }
  }
  // `opts` itself, unless a known key it lacks would be read from its prototype chain: then a copy
  // of its own keys without a prototype (no allocation in the common case)
  for (const key of known)
    if (!keys.includes(key) && key in opts) {
      const own: Record<string, unknown> = Object.setPrototypeOf({}, null);
      for (const k of keys) own[k] = (opts as Record<string, unknown>)[k];
      return own as T;
    }
  return opts;
}

const OBJECT_TO_STRING = Object.prototype.toString;

/** The option names of the information functions. */
export const INFO_OPTION_KEYS: readonly string[] = ["base", "normalize", "tolerance"];

/**
 * Validates the three information options and returns `ln(base)`, the divisor that turns nats
 * into the requested unit (exactly 1 for the default base e). A base must be finite and > 1: a
 * base in (0, 1) has a negative logarithm and would make every entropy, cross-entropy and
 * divergence negative, against their documented ranges.
 * @throws {TypeError} when an option has the wrong type
 * @throws {RangeError} when `base` is NaN, not finite or `<= 1`, or `tolerance` is NaN or `< 0`
 */
export function checkOptions(
  fn: string,
  base: unknown,
  normalize: unknown,
  tolerance: unknown,
): number {
  checkNumber(fn, "base", base);
  if (!((base as number) > 1 && (base as number) < Infinity)) {
    throw valueError(fn, "base", base, "is not a valid logarithm base (finite and > 1)");
  }
  checkBoolean(fn, "normalize", normalize);
  if (typeof tolerance !== "number") throw typeError(fn, "tolerance", tolerance, NOT_A_NUMBER);
  if (!(tolerance >= 0)) throw valueError(fn, "tolerance", tolerance, "must be >= 0");
  return base === Math.E ? 1 : Math.log(base as number);
}

/**
 * Checks that `x` is a number other than NaN and returns it; range checks are the caller's.
 * @throws {TypeError} when `x` is not a number (strings, null, booleans are never coerced)
 * @throws {RangeError} when `x` is NaN
 */
export function checkNumber(fn: string, name: string, x: unknown): number {
  // (the test inline, the message from entryError: a scalar's check stays two comparisons)
  if (typeof x !== "number" || x !== x) throw entryError(fn, name, x, "number");
  return x;
}

/** Alias of {@link checkNumber}, the name the information group uses. */
export const checkScalar = checkNumber;

/** Checks that `x` is a finite number. @throws {TypeError} | {RangeError} */
export function checkFinite(fn: string, name: string, x: unknown): number {
  checkNumber(fn, name, x);
  if (!((x as number) - (x as number) === 0)) throw valueError(fn, name, x, "is not finite");
  return x as number;
}

/** Checks that `x` is a finite number `> 0`. @throws {TypeError} | {RangeError} */
export function checkPositive(fn: string, name: string, x: unknown): number {
  checkNumber(fn, name, x);
  if (!((x as number) > 0 && (x as number) < Infinity))
    throw valueError(fn, name, x, "must be finite and > 0");
  return x as number;
}

/** Checks that `x` is a finite number `>= 0`. @throws {TypeError} | {RangeError} */
export function checkNonNegative(fn: string, name: string, x: unknown): number {
  checkNumber(fn, name, x);
  if (!((x as number) >= 0 && (x as number) < Infinity))
    throw valueError(fn, name, x, "must be finite and >= 0");
  return x as number;
}

/**
 * Checks that `x` is a safe integer in `[min, max]`.
 * @throws {TypeError} when `x` is not a number
 * @throws {RangeError} when `x` is NaN, not an integer, or out of range
 */
export function checkInteger(
  fn: string,
  name: string,
  x: unknown,
  min = -Number.MAX_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  checkNumber(fn, name, x);
  if (!(Number.isSafeInteger(x) && (x as number) >= min && (x as number) <= max)) {
    const rule =
      max === Number.MAX_SAFE_INTEGER
        ? min === -Number.MAX_SAFE_INTEGER
          ? "must be an integer"
          : `must be an integer >= ${min}`
        : `must be an integer in [${min}, ${max}]`;
    throw valueError(fn, name, x, rule);
  }
  return x as number;
}

/** Checks that `x` is a number in `[lo, hi]`. @throws {TypeError} | {RangeError} */
export function checkInRange(fn: string, name: string, x: unknown, lo: number, hi: number): number {
  checkNumber(fn, name, x);
  if (!((x as number) >= lo && (x as number) <= hi))
    throw valueError(fn, name, x, `is outside [${lo}, ${hi}]`);
  return x as number;
}

/** Checks that `x` is a boolean. @throws {TypeError} */
export function checkBoolean(fn: string, name: string, x: unknown): boolean {
  if (typeof x !== "boolean") throw typeError(fn, name, x, "is not a boolean");
  return x;
}

/** Checks that `x` is a function. @throws {TypeError} */
export function checkFunction(fn: string, name: string, x: unknown): void {
  if (typeof x !== "function") throw typeError(fn, name, x, "is not a function");
}

/**
 * What a user callback returned (a model's `logProb` or `prob`, a log-likelihood, an expectation's
 * `f`), checked to be a number: numbers are never coerced, so `"1"`, `null`, `true`, `1n` or a
 * Symbol is an error naming the caller and the call, never a string concatenation or an engine
 * message. NaN and ±Infinity are numbers and pass (the caller's formula decides what they mean).
 * @throws {TypeError} when `v` is not a number: `fn: label = v is not a number`
 */
export function checkReturned(fn: string, label: string, v: unknown): number {
  if (typeof v !== "number")
    throw typeError(fn, label, v, "is not a number (the callback must return a number)");
  return v;
}

/**
 * Checks that `rng` has the three methods of an `Rng` (`next`, `normal`, `int`), as
 * `createRng(seed)` returns.
 * @throws {TypeError} otherwise, naming the function
 */
export function checkRng(fn: string, rng: unknown): void {
  const r = rng as { next?: unknown; normal?: unknown; int?: unknown } | null;
  if (
    r === null ||
    typeof r !== "object" ||
    typeof r.next !== "function" ||
    typeof r.normal !== "function" ||
    typeof r.int !== "function"
  ) {
    throw typeError(
      fn,
      "rng",
      rng,
      "is not an Rng (it needs next(), normal() and int(k); use createRng(seed))",
    );
  }
}

/**
 * Checks a joint table's shape: a non-empty array of non-empty, equally long rows (each a
 * `number[]` or `Float64Array`).
 * @returns the number of columns
 */
export function checkTable(fn: string, pxy: unknown): number {
  if (!Array.isArray(pxy)) throw typeError(fn, "pxy", pxy, "is not an array of rows");
  if (pxy.length === 0) throw rangeError(fn, "pxy is empty");
  const m = checkVector(fn, "pxy[0]", pxy[0]);
  for (let i = 1; i < pxy.length; i++) {
    const mi = checkVector(fn, `pxy[${i}]`, pxy[i]);
    if (mi !== m) {
      throw rangeError(fn, `pxy[${i}] has ${mi} entries but pxy[0] has ${m}`);
    }
  }
  return m;
}

/** Slow path for tables: throws for the first offending cell in row-major order. */
export function throwFirstInvalidCell(fn: string, pxy: readonly Vector[]): never {
  for (let i = 0; i < pxy.length; i++) {
    const row = pxy[i];
    for (let j = 0; j < row.length; j++) {
      const err = entryError(fn, `pxy[${i}][${j}]`, row[j], "probability");
      if (err) throw err;
    }
  }
  throw rangeError(fn, "invalid input");
}

/**
 * Converts a non-negative result from nats to the caller's unit, clamping rounding noise below 0
 * to 0. A NaN stays NaN: it is never turned into a number.
 */
export function fromNats(nats: number, lnBase: number): number {
  // Quantities that are >= 0 in exact arithmetic are never returned negative: a -1e-17 from
  // cancellation would, for instance, make Math.sqrt(jsDivergence(p, q)) NaN.
  const v = nats < 0 ? 0 : nats;
  return lnBase === 1 ? v : v / lnBase;
}
