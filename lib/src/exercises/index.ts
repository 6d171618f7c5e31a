// Re-exports of the exercises group: the answer checker the notebooks call, the registry,
// and the checker builders that notebook-NN.ts files use.
export { checkAnswer } from "./check-answer";
export type { CheckAnswerOptions } from "./check-answer";
export { exerciseIds, findExercise } from "./registry";
export type { Checker, Exercise, ExerciseSet, Verdict } from "./exercise";
export { expectNumber, expectNumbers } from "./expect-number";
export type { ExpectNumberOptions, KnownMistake } from "./expect-number";
export { expectChoice } from "./expect-choice";
export type { ExpectChoiceOptions } from "./expect-choice";
