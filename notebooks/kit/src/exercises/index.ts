// The exercise checker: builders for checkers and `answerChecker`, which a course binds to
// its own registry of exercises (the answers live with the course, not here).
export { answerChecker, answerFormat } from "./check-answer";
export type { CheckAnswer, CheckAnswerOptions, ExerciseLookup } from "./check-answer";
export { ANSWER_KEY } from "./exercise";
export type { AnswerKey, Checker, Exercise, ExerciseSet, Verdict } from "./exercise";
export { expectNumber, expectNumbers } from "./expect-number";
export type { ExpectNumberOptions, ExpectNumbersOptions, KnownMistake } from "./expect-number";
export { expectChoice } from "./expect-choice";
export type { ExpectChoiceOptions } from "./expect-choice";
export { expectFunction } from "./expect-function";
export type { ExpectFunctionOptions, FunctionCase } from "./expect-function";
export { agrees, closeness, decimalOf } from "./precision";
