// Types shared by the exercise files: what an exercise is and what a check says.
import type { Text } from "../i18n/text";

/**
 * The outcome of checking one answer:
 * - `correct`;
 * - `close`: right as far as it goes (too few digits, or the last digit off by one): give more;
 * - `mistake`: a wrong answer the course foresaw, with its own hint;
 * - `wrong`: any other wrong answer, with a hint that does not give the answer away;
 * - `invalid`: not an answer of the asked kind (a string for a number, a number for a function),
 *   or a function that threw.
 * Hints are {@link Text}s, shown in the reader's language when printed.
 */
export type Verdict =
  | { readonly ok: true; readonly kind: "correct" }
  | {
      readonly ok: false;
      readonly kind: "close" | "mistake" | "wrong" | "invalid";
      readonly hint: Text;
    };

/**
 * The property under which a checker keeps what it checks against, for the course's tests
 * (every exercise's true value typed to 3 and 4 digits is accepted, …). It is not enumerable
 * and never printed; it is no secret either (the course's source holds the same).
 */
export const ANSWER_KEY: unique symbol = Symbol.for("notebook-kit.answer-key") as never;

/** What a checker checks against (see {@link ANSWER_KEY}). */
export type AnswerKey =
  | {
      readonly kind: "number";
      readonly value: number;
      readonly digits: number;
      readonly mistakes: readonly { readonly value: number; readonly hint: Text }[];
      readonly hint: Text;
    }
  | {
      readonly kind: "numbers";
      readonly value: readonly number[];
      readonly digits: number;
      readonly mistakes: readonly { readonly value: readonly number[]; readonly hint: Text }[];
      readonly hint: Text;
    }
  | {
      readonly kind: "choice";
      readonly value: string | number;
      readonly choices?: readonly (string | number)[];
      readonly mistakes: Readonly<Record<string, Text>>;
      readonly hint: Text;
    }
  | {
      readonly kind: "function";
      readonly name: string;
      readonly value: (...args: never[]) => unknown;
      readonly cases: readonly {
        readonly args: readonly unknown[];
        readonly when: Text;
        readonly edge?: boolean;
        readonly hint?: Text;
      }[];
    };

/** A checker: judges a student's value. It never throws for a wrong answer; it says why in `hint`. */
export interface Checker {
  (value: unknown): Verdict;
  /** What to enter (unit, precision, form), as a phrase: "a number in bits, to at least 3 significant digits …". */
  readonly expects?: Text;
  /** What it checks against (tests only). */
  readonly [ANSWER_KEY]?: AnswerKey;
}

/** One exercise at the end of a notebook. */
export interface Exercise {
  /** `"NN.k"`: the notebook's two-digit number, a dot, and the exercise number, e.g. `"01.2"`. */
  readonly id: string;
  /** A few words naming what is asked, printed beside ✓/✗; `{ en, zh }` in the course. */
  readonly title: Text;
  /** Judges an answer. */
  readonly check: Checker;
  /** What to enter, when the checker's own phrase (`check.expects`) is not the right one. */
  readonly expects?: Text;
}

/** The exercises of one notebook, as a `notebook-NN.ts` file exports them. */
export interface ExerciseSet {
  /** The notebook's file name without `.ipynb`, e.g. `"01-iid-and-the-empirical-distribution"`. */
  readonly notebook: string;
  /** Its exercises, in the order the notebook asks them. */
  readonly exercises: readonly Exercise[];
}

/** The correct verdict (one shared object). */
export const CORRECT: Verdict = Object.freeze({ ok: true, kind: "correct" } as const);

/**
 * Makes a {@link Checker} of a judging function, its "what to enter" phrase (or a function that
 * makes it when it is read, so labels in it use the label table registered by then) and its
 * answer key.
 */
export function makeChecker(
  check: (value: unknown) => Verdict,
  expects: Text | (() => Text),
  key: AnswerKey,
): Checker {
  Object.defineProperty(check, ANSWER_KEY, { value: key, enumerable: false });
  Object.defineProperty(
    check,
    "expects",
    typeof expects === "function"
      ? { get: expects, enumerable: true }
      : { value: expects, enumerable: true },
  );
  return check as Checker;
}
