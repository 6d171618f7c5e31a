// The registry of every notebook's exercises.
//
// To register a notebook's exercises (one line in each of two places):
//   1. write `notebook-NN.ts` beside this file, exporting
//        export const exercises: ExerciseSet = { notebook: "NN-file-name", exercises: [ { id: "NN.1", title, check }, … ] };
//      with ids "NN.1", "NN.2", … and checkers from `expectNumber` / `expectNumbers` / `expectChoice`
//      (expected values computed with the library's own functions where possible);
//   2. add its import below and its name to SETS.
// tests/exercises/registry.test.ts checks that ids are unique and carry their notebook's number.
import type { Exercise, ExerciseSet } from "./exercise";
import { exercises as notebook00 } from "./notebook-00";
import { exercises as notebook01 } from "./notebook-01";
import { exercises as notebook02 } from "./notebook-02";
import { exercises as notebook03 } from "./notebook-03";
import { exercises as notebook04 } from "./notebook-04";
import { exercises as notebook05 } from "./notebook-05";
import { exercises as notebook06 } from "./notebook-06";
import { exercises as notebook07 } from "./notebook-07";

/** Every notebook's exercises, in notebook order. Add a new notebook's set here. */
export const SETS: readonly ExerciseSet[] = [
  notebook00,
  notebook01,
  notebook02,
  notebook03,
  notebook04,
  notebook05,
  notebook06,
  notebook07,
];

let index: Map<string, Exercise> | undefined;

/** The id → exercise map, built on first use; throws if two exercises share an id. */
function byId(): Map<string, Exercise> {
  if (index) return index;
  const map = new Map<string, Exercise>();
  for (const set of SETS) {
    for (const ex of set.exercises) {
      if (map.has(ex.id)) throw new Error(`exercises registry: id "${ex.id}" is registered twice`);
      map.set(ex.id, ex);
    }
  }
  index = map;
  return map;
}

/**
 * Every registered exercise id, in notebook order.
 * @returns ids such as `"01.1"`
 * @example
 * exerciseIds().includes("01.1"); // => true
 */
export function exerciseIds(): string[] {
  return [...byId().keys()];
}

/**
 * Looks an exercise up by id.
 * @param id e.g. `"02.3"`
 * @returns the exercise, or `undefined` when no exercise has that id
 * @example
 * findExercise("01.1")?.title; // => "p̂(3) with repeated values"
 * findExercise("99.9");        // => undefined
 */
export function findExercise(id: string): Exercise | undefined {
  return byId().get(id);
}
