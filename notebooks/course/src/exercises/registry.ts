// The registry of every notebook's exercises.
//
// Each notebook's answers live in `notebook-NN.ts` beside this file and are computed only when
// an exercise of that notebook is first checked (nothing runs when the course is imported).
//
// To register a new notebook's exercises:
//   1. write `notebook-NN.ts` beside this file, exporting
//        export const exercises: ExerciseSet = { notebook: "NN-file-name", exercises: [ { id: "NN.1", title, check }, … ] };
//      with ids "NN.1", "NN.2", … and checkers from notebook-kit's `expectNumber` / `expectNumbers` /
//      `expectChoice` (expected values computed with mlekit's own functions where possible);
//   2. add one line to LOADERS below.
// tests/course/exercises/registry.test.ts checks that ids are unique and carry their notebook's number.
import type { Exercise, ExerciseSet } from "notebook-kit";

type Loader = () => ExerciseSet;

/** Notebook number → its exercise set, loaded on first use. */
const LOADERS: ReadonlyArray<readonly [string, Loader]> = [
  ["00", () => (require("./notebook-00") as typeof import("./notebook-00")).exercises],
  ["01", () => (require("./notebook-01") as typeof import("./notebook-01")).exercises],
  ["02", () => (require("./notebook-02") as typeof import("./notebook-02")).exercises],
  ["03", () => (require("./notebook-03") as typeof import("./notebook-03")).exercises],
  ["04", () => (require("./notebook-04") as typeof import("./notebook-04")).exercises],
  ["05", () => (require("./notebook-05") as typeof import("./notebook-05")).exercises],
  ["06", () => (require("./notebook-06") as typeof import("./notebook-06")).exercises],
  ["07", () => (require("./notebook-07") as typeof import("./notebook-07")).exercises],
  ["08", () => (require("./notebook-08") as typeof import("./notebook-08")).exercises],
];

const loaded = new Map<string, ExerciseSet>();

function setOf(prefix: string): ExerciseSet | undefined {
  const entry = LOADERS.find(([p]) => p === prefix);
  if (!entry) return undefined;
  let set = loaded.get(prefix);
  if (!set) {
    set = entry[1]();
    loaded.set(prefix, set);
  }
  return set;
}

/**
 * Every notebook's exercise set, in notebook order (loads them all).
 * @returns the sets, one per notebook
 */
export function allSets(): ExerciseSet[] {
  return LOADERS.map(([p]) => setOf(p) as ExerciseSet);
}

/**
 * Every registered exercise id, in notebook order (loads every set).
 * @returns ids such as `"01.1"`
 * @throws {Error} when two exercises share an id
 * @example
 * exerciseIds().includes("01.1"); // => true
 */
export function exerciseIds(): string[] {
  const ids = allSets().flatMap((s) => s.exercises.map((e) => e.id));
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new Error(`exercises registry: id "${id}" is registered twice`);
    seen.add(id);
  }
  return ids;
}

/**
 * Looks an exercise up by id, loading only its notebook's set.
 * @param id e.g. `"02.3"`
 * @returns the exercise, or `undefined` when no exercise has that id
 * @example
 * findExercise("01.1")?.title; // => "p̂(3) with repeated values"
 * findExercise("99.9");        // => undefined
 */
export function findExercise(id: string): Exercise | undefined {
  const prefix = /^(\d\d)\./.exec(id)?.[1];
  if (prefix === undefined) return undefined;
  return setOf(prefix)?.exercises.find((e) => e.id === id);
}
