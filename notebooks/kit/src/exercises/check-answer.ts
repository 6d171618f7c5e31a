import { msg } from "../i18n/messages";
import { labelled, localize, type Text } from "../i18n/text";
import type { Exercise } from "./exercise";

/** Where {@link answerChecker} looks exercises up: the course's registry. */
export interface ExerciseLookup {
  /** The exercise with this id, or `undefined`. */
  find(id: string): Exercise | undefined;
  /** Every known id, for the message when an id is unknown. */
  ids(): readonly string[];
}

/** Options of {@link CheckAnswer}. */
export interface CheckAnswerOptions {
  /** Where the ✓/≈/✗ line goes. Default `console.log`; pass `() => {}` to stay silent. */
  readonly print?: (line: string) => void;
}

/** The function {@link answerChecker} returns. */
export type CheckAnswer = (id: string, value: unknown, opts?: CheckAnswerOptions) => boolean;

/**
 * What to enter for an exercise, in the current language: its own `expects`, else its
 * checker's ("a number in bits, to at least 3 significant digits (an expression such as
 * `Math.log(…)` is fine)").
 * @returns the phrase, or `undefined` when neither says
 * @example
 * answerFormat(findExercise("03.1")!); // => "a number in bits, to at least 3 significant digits (…)"
 */
export function answerFormat(exercise: Exercise): string | undefined {
  const t: Text | undefined = exercise.expects ?? exercise.check.expects;
  return t === undefined ? undefined : localize(t);
}

/**
 * Builds `checkAnswer` over a course's exercises. The returned function checks a student's
 * answer to a notebook exercise and prints one line about it, in the current language
 * (`setLanguage`).
 *
 * Prints `✓ 01.2 (title): correct.`; `≈ 01.2 (title): close. …` for an answer that is right as
 * far as it goes; `✗ 01.2 (title): not yet. Hint: …` for a wrong one; or
 * `… 01.2 (title): no answer yet. Replace `null` with <what to enter>.` for `undefined`/`null`.
 * A wrong answer never throws: it returns `false`. The expected value is never printed.
 *
 * @param lookup the course's registry: `find(id)` and `ids()`
 * @returns `checkAnswer(id, value, { print })`, which returns `true` when the answer is accepted
 * @throws {Error} when `id` names no registered exercise (the message lists the known ids)
 * @example
 * const checkAnswer = answerChecker({ find: findExercise, ids: exerciseIds });
 * checkAnswer("01.1", 0.5);   // prints "✓ 01.1 (p̂(3) with repeated values): correct."  => true
 * checkAnswer("00.2", 0.69);  // prints "≈ 00.2 (one bit in nats): close. 0.69 is right as far as …" => false
 * checkAnswer("01.1", 1 / 3); // prints "✗ 01.1 (…): not yet. Hint: …"                    => false
 * checkAnswer("01.1", null);  // prints "… 01.1 (…): no answer yet. Replace `null` with a number, …" => false
 * checkAnswer("9.9", 1);      // throws Error: checkAnswer: unknown exercise id "9.9" (known: 00.1, …)
 */
export function answerChecker(lookup: ExerciseLookup): CheckAnswer {
  return (id, value, opts = {}) => {
    const { print = (line: string) => console.log(line) } = opts ?? {};
    const ex = lookup.find(id);
    if (!ex)
      throw new Error(
        `checkAnswer: unknown exercise id ${JSON.stringify(id)} (known: ${lookup.ids().join(", ")})`,
      );
    const head = { id: ex.id, title: labelled(ex.title) };
    if (value === undefined || value === null) {
      const expects = ex.expects ?? ex.check.expects ?? msg("expects.any");
      print(
        localize(msg("check.empty", { ...head, value: String(value), expects: labelled(expects) })),
      );
      return false;
    }
    const verdict = ex.check(value);
    if (verdict.ok) print(localize(msg("check.correct", head)));
    else
      print(
        localize(
          msg(verdict.kind === "close" ? "check.close" : "check.wrong", {
            ...head,
            hint: labelled(verdict.hint),
          }),
        ),
      );
    return verdict.ok;
  };
}
