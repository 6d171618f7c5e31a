import type { Exercise } from "./exercise";

/** Where {@link answerChecker} looks exercises up: the course's registry. */
export interface ExerciseLookup {
  /** The exercise with this id, or `undefined`. */
  find(id: string): Exercise | undefined;
  /** Every known id, for the message when an id is unknown. */
  ids(): readonly string[];
}

/** Options of {@link checkAnswer}. */
export interface CheckAnswerOptions {
  /** Where the ✓/✗ line goes. Default `console.log`; pass `() => {}` to stay silent. */
  readonly print?: (line: string) => void;
}

/** The function {@link answerChecker} returns. */
export type CheckAnswer = (id: string, value: unknown, opts?: CheckAnswerOptions) => boolean;

/**
 * Builds `checkAnswer` over a course's exercises. The returned function checks a student's answer to a notebook exercise and prints one friendly line about it.
 *
 * Prints `✓ 01.2 (title): correct.`, or `✗ 01.2 (title): not yet. Hint: …` for a wrong answer,
 * or `… 01.2 (title): no answer yet …` for `undefined`/`null`. A wrong answer never throws:
 * it returns `false`. The expected value is never printed.
 *
 * @param lookup the course's registry: `find(id)` and `ids()`
 * @returns `checkAnswer(id, value, { print })`, which returns `true` when the answer is accepted
 * @throws {Error} when `id` names no registered exercise (the message lists the known ids)
 * @example
 * const checkAnswer = answerChecker({ find: findExercise, ids: exerciseIds });
 * checkAnswer("01.1", 0.5);   // prints "✓ 01.1 (p̂(3) with repeated values): correct."  => true
 * checkAnswer("01.1", 1 / 3); // prints "✗ 01.1 (…): not yet. Hint: …"                    => false
 * checkAnswer("01.1", null);  // prints "… 01.1 (…): no answer yet. …"                     => false
 * checkAnswer("9.9", 1);      // throws Error: checkAnswer: unknown exercise id "9.9" (known: 00.1, …)
 */
export function answerChecker(lookup: ExerciseLookup): CheckAnswer {
  return (id, value, opts = {}) => {
    const { print = (line: string) => console.log(line) } = opts ?? {};
    const ex = lookup.find(id);
    if (!ex) throw new Error(`checkAnswer: unknown exercise id ${JSON.stringify(id)} (known: ${lookup.ids().join(", ")})`);
    const label = `${ex.id} (${ex.title})`;
    if (value === undefined || value === null) {
      print(`… ${label}: no answer yet; replace ${String(value)} with yours.`);
      return false;
    }
    const verdict = ex.check(value);
    if (verdict.ok) print(`✓ ${label}: correct.`);
    else print(`✗ ${label}: not yet. Hint: ${verdict.hint}`);
    return verdict.ok;
  };
}
