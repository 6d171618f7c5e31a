import type { Checker, Verdict } from "./exercise";

/** A wrong answer that a student is likely to give, and the hint that answers it. */
export interface KnownMistake {
  /** The wrong value (compared with the same tolerance as the right one). */
  readonly value: number;
  /** What to tell the student who gives it. */
  readonly hint: string;
}

/** Options of {@link expectNumber} and {@link expectNumbers}. */
export interface ExpectNumberOptions {
  /** Accept |value − expected| ≤ tolerance · max(1, |expected|). Default `1e-6`. */
  readonly tolerance?: number;
  /** The hint for a wrong answer that matches no known mistake. Default: a generic nudge. */
  readonly hint?: string;
  /** Specific wrong answers with specific hints, checked before the generic hint. */
  readonly mistakes?: readonly KnownMistake[];
}

const GENERIC_HINT = "re-read the definition in the notebook and recompute step by step.";

/** True when `a` is within `tolerance · max(1, |b|)` of `b`. */
export function closeTo(a: number, b: number, tolerance: number): boolean {
  if (a === b) return true; // also Infinity === Infinity
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));
}

function checkOptions(fn: string, tolerance: number): void {
  if (!(tolerance >= 0 && tolerance < Infinity)) throw new RangeError(`${fn}: tolerance = ${tolerance} must be finite and >= 0`);
}

/** Describes a value for a hint, e.g. `a string ("0.5")`. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `a string (${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)})`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a typed array`;
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/**
 * Makes a checker that accepts one number within a relative tolerance.
 *
 * Accepts `value` when `|value − expected| ≤ tolerance · max(1, |expected|)` (absolute near 0,
 * relative for large values). A value that is not a number, or is NaN, is rejected with a hint
 * saying so; a known mistake gets its own hint; anything else gets `hint`.
 * The expected value is never printed, so the hint does not give the answer away.
 *
 * @param expected the right answer (finite, or ±Infinity when that is the answer)
 * @param opts `tolerance` (default `1e-6`), `hint`, `mistakes`
 * @returns a {@link Checker}
 * @throws {RangeError} when `expected` is NaN or `tolerance` is negative or not finite
 * @example
 * const check = expectNumber(0.75, { mistakes: [{ value: 0.25, hint: "that is P(x = 0)" }] });
 * check(0.75);       // => { ok: true }
 * check(0.7500001);  // => { ok: true }           (within 1e-6)
 * check(0.25);       // => { ok: false, hint: "that is P(x = 0)" }
 * check("0.75");     // => { ok: false, hint: "expected a number, got a string (\"0.75\")" }
 */
export function expectNumber(expected: number, opts: ExpectNumberOptions = {}): Checker {
  const { tolerance = 1e-6, hint = GENERIC_HINT, mistakes = [] } = opts;
  if (Number.isNaN(expected)) throw new RangeError("expectNumber: expected = NaN");
  checkOptions("expectNumber", tolerance);
  return (value: unknown): Verdict => {
    if (typeof value !== "number") return { ok: false, hint: `expected a number, got ${describeValue(value)}.` };
    if (Number.isNaN(value)) return { ok: false, hint: "got NaN: somewhere a 0/0, a log of a negative number or an undefined value crept in." };
    if (closeTo(value, expected, tolerance)) return { ok: true };
    for (const m of mistakes) if (closeTo(value, m.value, tolerance)) return { ok: false, hint: m.hint };
    return { ok: false, hint };
  };
}

/**
 * Makes a checker that accepts an array (plain or typed) of numbers, element by element.
 *
 * The length must match; then each element is compared as in {@link expectNumber}. A known
 * mistake matches when every element matches it.
 *
 * @param expected the right answer, in order
 * @param opts `tolerance` (default `1e-6`), `hint`, `mistakes` (their `value` here is an array)
 * @returns a {@link Checker}
 * @throws {RangeError} when `expected` is empty or holds NaN, or `tolerance` is negative or not finite
 * @example
 * const check = expectNumbers([1 / 3, 1 / 6, 1 / 2]);
 * check([1 / 3, 1 / 6, 1 / 2]);   // => { ok: true }
 * check([0.5, 0.5]);              // => { ok: false, hint: "expected 3 numbers, got 2." }
 */
export function expectNumbers(
  expected: readonly number[],
  opts: { tolerance?: number; hint?: string; mistakes?: readonly { value: readonly number[]; hint: string }[] } = {},
): Checker {
  const { tolerance = 1e-6, hint = GENERIC_HINT, mistakes = [] } = opts;
  if (expected.length === 0) throw new RangeError("expectNumbers: expected is empty");
  if (expected.some((x) => Number.isNaN(x))) throw new RangeError("expectNumbers: expected holds NaN");
  checkOptions("expectNumbers", tolerance);
  const matches = (xs: ArrayLike<unknown>, ys: readonly number[]): boolean =>
    xs.length === ys.length && ys.every((y, i) => typeof xs[i] === "number" && closeTo(xs[i] as number, y, tolerance));
  return (value: unknown): Verdict => {
    const isTyped = ArrayBuffer.isView(value) && !(value instanceof DataView);
    if (!Array.isArray(value) && !isTyped) return { ok: false, hint: `expected an array of numbers, got ${describeValue(value)}.` };
    const xs = value as unknown as ArrayLike<unknown>;
    if (xs.length !== expected.length) return { ok: false, hint: `expected ${expected.length} numbers, got ${xs.length}.` };
    for (let i = 0; i < xs.length; i++) {
      if (typeof xs[i] !== "number" || Number.isNaN(xs[i])) return { ok: false, hint: `element ${i} is ${describeValue(xs[i])}, not a number.` };
    }
    if (matches(xs, expected)) return { ok: true };
    for (const m of mistakes) if (matches(xs, m.value)) return { ok: false, hint: m.hint };
    return { ok: false, hint };
  };
}
