import { concat, msg } from "../i18n/messages";
import { labelled, type Text } from "../i18n/text";
import { describeValue } from "./describe-value";
import { CORRECT, makeChecker, type Checker, type Verdict } from "./exercise";
import { agrees, closeness, decimalOf } from "./precision";

/** A wrong answer that a student is likely to give, and the hint that answers it. */
export interface KnownMistake {
  /** The wrong value; a typed answer matches it at the precision it was given, like the right one. */
  readonly value: number;
  /** What to tell the student who gives it (`{ en, zh }` in the course). */
  readonly hint: Text;
}

/** Options of {@link expectNumber}. */
export interface ExpectNumberOptions {
  /** The fewest significant digits that count as an answer. Default 3. */
  readonly digits?: number;
  /** The unit the answer is in ("nats", "bits"), for the "what to enter" phrase. Default none. */
  readonly unit?: Text;
  /** The hint for a wrong answer that matches no known mistake. Default: re-read and recompute. */
  readonly hint?: Text;
  /** Specific wrong answers with specific hints, checked before the generic hint. */
  readonly mistakes?: readonly KnownMistake[];
  /** |value − expected| ≤ atol is correct whatever the digits (a computed 1e-17 for 0). Default 1e-12. */
  readonly atol?: number;
  /** The "what to enter" phrase, when the generated one does not fit. */
  readonly expects?: Text;
}

function checkDigits(fn: string, digits: number): void {
  if (!Number.isInteger(digits) || digits < 1 || digits > 15)
    throw new RangeError(`${fn}: digits = ${digits} must be an integer in [1, 15]`);
}
function checkAtol(fn: string, atol: number): void {
  if (!(atol >= 0 && atol < Infinity))
    throw new RangeError(`${fn}: atol = ${atol} must be finite and >= 0`);
}

/** The close verdict's hint for one reason. */
function closeHint(reason: "digits" | "truncated" | "last", value: number, digits: number): Text {
  if (reason === "truncated") return msg("number.truncated", { digits });
  if (reason === "last") return msg("number.lastDigit", { digits });
  const d = decimalOf(value);
  const hint = msg("number.fewDigits", { value: String(value), n: d.stripped, digits });
  if (d.stripped < d.digits.length) return concat(hint, msg("number.placeholderZero"));
  return /[.e]/.test(String(value)) ? concat(hint, msg("number.trailingZero", { digits })) : hint;
}

/**
 * Judges one typed number against `expected`; the rule of {@link expectNumber}.
 * @returns the verdict
 */
export function judgeNumber(
  value: number,
  expected: number,
  opts: Required<Pick<ExpectNumberOptions, "digits" | "atol" | "hint" | "mistakes">>,
): Verdict {
  const { digits, atol, hint, mistakes } = opts;
  if (Number.isNaN(value)) return { ok: false, kind: "invalid", hint: msg("number.nan") };
  if (agrees(value, expected, digits, atol)) return CORRECT;
  for (const m of mistakes)
    if (agrees(value, m.value, digits, atol)) return { ok: false, kind: "mistake", hint: m.hint };
  if (!Number.isFinite(value))
    return { ok: false, kind: "wrong", hint: msg("number.infinite", { value: String(value) }) };
  const reason = closeness(value, expected, digits);
  if (reason === "digits")
    return { ok: false, kind: "close", hint: closeHint(reason, value, digits) };
  for (const m of mistakes)
    if (agrees(value, m.value, 2, atol)) return { ok: false, kind: "mistake", hint: m.hint };
  if (reason) return { ok: false, kind: "close", hint: closeHint(reason, value, digits) };
  if (value !== 0 && agrees(-value, expected, digits, atol))
    return { ok: false, kind: "wrong", hint: msg("number.sign") };
  return { ok: false, kind: "wrong", hint };
}

/**
 * Makes a checker that accepts a number at the precision a student types it.
 *
 * The typed value's shortest round-trip decimal (`String(x)`) tells how many significant
 * digits were given. In order:
 * 1. **correct** when, rounded to some k significant digits with `digits` ≤ k ≤ the digits
 *    given, it equals `expected` rounded to k (half a unit in the last place, ties either way),
 *    or |value − expected| ≤ `atol`. So 0.693 and 0.6931 are right for ln 2 = 0.693147…, and so
 *    is `Math.log(2)` or any value computed in full; an exact 0.5 is right for ½.
 * 2. a **known mistake**'s hint when it agrees with the mistake in the same sense;
 * 3. **close** ("give at least 3 significant digits") when it gives fewer digits and agrees as
 *    far as they go;
 * 4. a known mistake matched with 2 digits or more;
 * 5. **close** when the last digit was cut off instead of rounded, or when it gives the digits
 *    asked and the last of them is one off;
 * 6. "check the sign" when −value would be correct; otherwise **wrong**, with `hint`.
 *
 * The sign must match, and is not a digit. JavaScript drops a typed trailing zero (0.690 is the
 * number 0.69), so a value with fewer digits than asked is judged as padded with zeros: 0.69 is
 * right for 0.6903. An integer's trailing zeros count as given (100 is right for 100.4) except
 * in step 3 (1200 is close for 1234, with a note that a final 0 is read as a place holder). ±Infinity is right only for
 * ±Infinity; any other infinite answer is told where infinities come from. 0 is judged by
 * `atol` (default 1e-12): give a smaller `atol` for answers below 1e-9. A string, an array or
 * NaN is an `invalid` answer. The expected value never appears in a hint.
 *
 * @param expected the right answer (finite, or ±Infinity when that is the answer)
 * @param opts `digits` (default 3), `unit`, `hint`, `mistakes`, `atol` (default 1e-12), `expects`
 * @returns a {@link Checker}, whose `expects` says what to enter
 * @throws {RangeError} when `expected` is NaN, `digits` is not an integer in [1, 15] or `atol` is negative
 * @example
 * const check = expectNumber(Math.LN2, { unit: "nats", mistakes: [{ value: 1, hint: "a bit is not a nat" }] });
 * check(0.693);        // => { ok: true, kind: "correct" }
 * check(Math.log(2));  // => { ok: true, kind: "correct" }
 * check(0.69);         // => { ok: false, kind: "close", hint: { en: "0.69 is right as far as its 2 significant digits go; give at least 3. (If you typed …)", zh: … } }
 * check(0.692);        // => { ok: false, kind: "close", hint: { en: "the last digit is off. …", … } }
 * check(1);            // => { ok: false, kind: "mistake", hint: "a bit is not a nat" }
 * check(-0.693);       // => { ok: false, kind: "wrong", hint: { en: "check the sign.", … } }
 * check(0.75);         // => { ok: false, kind: "wrong", hint: { en: "re-read the definition …", … } }
 * check("0.693");      // => { ok: false, kind: "invalid", hint: { en: 'expected a number, got a string ("0.693").', … } }
 */
export function expectNumber(expected: number, opts: ExpectNumberOptions = {}): Checker {
  const {
    digits = 3,
    unit,
    hint = msg("number.generic"),
    mistakes = [],
    atol = 1e-12,
    expects,
  } = opts;
  if (typeof expected !== "number" || Number.isNaN(expected))
    throw new RangeError(`expectNumber: expected = ${String(expected)} is not a number`);
  checkDigits("expectNumber", digits);
  checkAtol("expectNumber", atol);
  for (const m of mistakes)
    if (Number.isNaN(m.value)) throw new RangeError("expectNumber: a mistake's value is NaN");
  const phrase = (): Text =>
    expects ??
    (unit === undefined
      ? msg("expects.number", { digits, example: exampleFor(unit) })
      : msg("expects.numberUnit", { digits, unit: labelled(unit), example: exampleFor(unit) }));
  return makeChecker(
    (value: unknown): Verdict => {
      if (typeof value !== "number")
        return {
          ok: false,
          kind: "invalid",
          hint: msg("number.type", { got: describeValue(value) }),
        };
      return judgeNumber(value, expected, { digits, atol, hint, mistakes });
    },
    phrase,
    { kind: "number", value: expected, digits, mistakes, hint },
  );
}

/** Options of {@link expectNumbers}. */
export interface ExpectNumbersOptions extends Omit<ExpectNumberOptions, "mistakes" | "unit"> {
  /** Specific wrong arrays with specific hints; one matches when every element matches. */
  readonly mistakes?: readonly { readonly value: readonly number[]; readonly hint: Text }[];
}

/**
 * Makes a checker that accepts an array (plain or typed) of numbers, each judged as
 * {@link expectNumber} judges one.
 *
 * Correct when every element is; a known mistake when every element agrees with it; close
 * when every element is correct or close (the hint names the first close element); otherwise
 * the first wrong element's hint, or `hint`.
 *
 * @param expected the right answer, in order
 * @param opts `digits` (default 3), `hint`, `mistakes` (arrays), `atol`, `expects`
 * @returns a {@link Checker}
 * @throws {RangeError} when `expected` is empty or holds NaN, or `digits`/`atol` are bad
 * @example
 * const check = expectNumbers([1 / 3, 1 / 6, 1 / 2]);
 * check([0.333, 0.167, 0.5]);  // => { ok: true, kind: "correct" }
 * check([0.5, 0.5]);           // => { ok: false, kind: "invalid", hint: { en: "expected 3 numbers, got 2.", … } }
 */
export function expectNumbers(
  expected: readonly number[],
  opts: ExpectNumbersOptions = {},
): Checker {
  const { digits = 3, hint = msg("number.generic"), mistakes = [], atol = 1e-12, expects } = opts;
  if (expected.length === 0) throw new RangeError("expectNumbers: expected is empty");
  if (expected.some((x) => Number.isNaN(x)))
    throw new RangeError("expectNumbers: expected holds NaN");
  checkDigits("expectNumbers", digits);
  checkAtol("expectNumbers", atol);
  const phrase = expects ?? msg("expects.numbers", { count: expected.length, digits });
  return makeChecker(
    (value: unknown): Verdict => {
      const isTyped = ArrayBuffer.isView(value) && !(value instanceof DataView);
      if (!Array.isArray(value) && !isTyped)
        return {
          ok: false,
          kind: "invalid",
          hint: msg("numbers.type", { got: describeValue(value) }),
        };
      const xs = value as unknown as ArrayLike<unknown>;
      if (xs.length !== expected.length)
        return {
          ok: false,
          kind: "invalid",
          hint: msg("numbers.length", { want: expected.length, got: xs.length }),
        };
      for (let i = 0; i < xs.length; i++) {
        if (typeof xs[i] !== "number" || Number.isNaN(xs[i]))
          return {
            ok: false,
            kind: "invalid",
            hint: msg("numbers.element", { i, got: describeValue(xs[i]) }),
          };
      }
      const nums = Array.from(xs as ArrayLike<number>);
      const verdicts = nums.map((x, i) =>
        judgeNumber(x, expected[i], { digits, atol, hint, mistakes: [] }),
      );
      if (verdicts.every((v) => v.ok)) return CORRECT;
      for (const m of mistakes) {
        if (
          m.value.length === nums.length &&
          nums.every((x, i) => agrees(x, m.value[i], digits, atol))
        )
          return { ok: false, kind: "mistake", hint: m.hint };
      }
      const i = verdicts.findIndex((v) => !v.ok);
      const first = verdicts[i] as Extract<Verdict, { ok: false }>;
      if (verdicts.every((v) => v.ok || v.kind === "close"))
        return {
          ok: false,
          kind: "close",
          hint: msg("numbers.elementHint", { i, hint: labelled(first.hint) }),
        };
      const wrong = verdicts.findIndex((v) => !v.ok && v.kind !== "close");
      const w = verdicts[wrong] as Extract<Verdict, { ok: false }>;
      return {
        ok: false,
        kind: "wrong",
        hint:
          w.hint === hint ? hint : msg("numbers.elementHint", { i: wrong, hint: labelled(w.hint) }),
      };
    },
    phrase,
    { kind: "numbers", value: [...expected], digits, mistakes, hint },
  );
}

/** The expression shown as "fine to enter": a base-2 log for an answer in bits, else a natural log. */
function exampleFor(unit: Text | undefined): string {
  return unit !== undefined && labelled(unit).en === "bits" ? "Math.log2(…)" : "Math.log(…)";
}
