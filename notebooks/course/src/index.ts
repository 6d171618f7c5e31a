// The course: exercises with their answers, and the datasets the notebooks read.
// It sits with the notebooks and is not published; the maths is `mlekit`, the notebook
// machinery is `notebook-kit`.
import { answerChecker } from "notebook-kit";
import { exerciseIds, findExercise } from "./exercises/registry";

export { allSets, exerciseIds, findExercise } from "./exercises/registry";
export * from "./datasets";

/**
 * Checks a student's answer to one of the course's exercises and prints one line (✓, ✗ with a
 * hint, or "no answer yet"). See notebook-kit's `answerChecker` for the behaviour.
 * @example
 * checkAnswer("01.1", 0.5); // prints "✓ 01.1 (p̂(3) with repeated values): correct."  => true
 */
export const checkAnswer = answerChecker({ find: findExercise, ids: exerciseIds });
