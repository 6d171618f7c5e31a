// The course: exercises with their answers, the label table of its Chinese edition, and the
// datasets the notebooks read. It sits with the notebooks and is not published; the maths is
// `mlekit`, the notebook machinery is `notebook-kit`.
import { answerChecker, registerLabels } from "notebook-kit";
import { exerciseIds, findExercise } from "./exercises/registry";
import { LABELS_ZH } from "./labels";

export { allSets, exerciseIds, findExercise } from "./exercises/registry";
export * from "./datasets";
export { TERMS, PHRASES, ALLOW, LABELS_ZH, type Term } from "./labels";

// Importing the course registers its label table, so `setLanguage("zh")` translates its labels.
registerLabels("zh", LABELS_ZH);

/**
 * Sets the language of everything the notebook shows (verdicts, hints, plot and table labels,
 * assert messages, result labels); the course's label table is registered. The Chinese edition's
 * import cell ends with `setLanguage("zh")`, written by `npm run translate`.
 * @example
 * setLanguage("zh");
 */
export { setLanguage } from "notebook-kit";

/**
 * Checks a student's answer to one of the course's exercises and prints one line (✓, ≈ close,
 * ✗ with a hint, or "no answer yet" with what to enter), in the current language. See
 * notebook-kit's `answerChecker` for the behaviour.
 * @example
 * checkAnswer("01.1", 0.5); // prints "✓ 01.1 (p̂(3) with repeated values): correct."  => true
 */
export const checkAnswer = answerChecker({ find: findExercise, ids: exerciseIds });
