// The exercise checker: builders for checkers and `answerChecker`, which a course binds to
// its own registry of exercises (the answers live with the course, not here).
export { answerChecker } from "./check-answer";
export type { CheckAnswer, CheckAnswerOptions, ExerciseLookup } from "./check-answer";
export type { Checker, Exercise, ExerciseSet, Verdict } from "./exercise";
export { expectNumber, expectNumbers } from "./expect-number";
export type { ExpectNumberOptions, KnownMistake } from "./expect-number";
export { expectChoice } from "./expect-choice";
export type { ExpectChoiceOptions } from "./expect-choice";
