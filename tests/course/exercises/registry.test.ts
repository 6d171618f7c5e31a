import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  allSets,
  exerciseIds,
  findExercise,
} from "../../../notebooks/course/src/exercises/registry";

const SETS = allSets();

test("every exercise id is unique and registered", () => {
  const ids = SETS.flatMap((s) => s.exercises.map((e) => e.id));
  assert.is(new Set(ids).size, ids.length, "no duplicates");
  assert.equal(exerciseIds(), ids);
});

test("every id is NN.k, NN being its notebook's number, k counting from 1", () => {
  for (const set of SETS) {
    const nn = /^(\d\d)-[a-z0-9-]+$/.exec(set.notebook);
    assert.ok(nn, `notebook name ${set.notebook}`);
    set.exercises.forEach((e, i) =>
      assert.is(e.id, `${nn![1]}.${i + 1}`, `${set.notebook} exercise ${i + 1}`),
    );
  }
});

test("each notebook has 2 to 4 exercises, each with a title in both languages, a checker and what to enter", () => {
  for (const set of SETS) {
    assert.ok(
      set.exercises.length >= 2 && set.exercises.length <= 4,
      `${set.notebook}: ${set.exercises.length} exercises`,
    );
    for (const e of set.exercises) {
      assert.ok(
        typeof e.title === "object" && e.title.en.length > 0 && e.title.zh.length > 0,
        `${e.id} title`,
      );
      assert.type(e.check, "function");
      assert.ok(e.expects ?? e.check.expects, `${e.id}: what to enter`);
    }
  }
});

test("findExercise loads only the asked notebook's answers, and nothing is computed at import", () => {
  const fresh = require.resolve("../../../notebooks/course/src/exercises/registry");
  delete require.cache[fresh];
  for (const k of Object.keys(require.cache))
    if (/notebook-0\d\.ts$/.test(k)) delete require.cache[k];
  const reg = require(fresh) as typeof import("../../../notebooks/course/src/exercises/registry");
  const loadedSets = () =>
    Object.keys(require.cache).filter((k) =>
      /course[\\/]src[\\/]exercises[\\/]notebook-0\d\.ts$/.test(k),
    );
  assert.equal(loadedSets(), [], "importing the registry loads no answers");
  reg.findExercise("03.1");
  assert.equal(
    loadedSets().map((k) => k.replace(/^.*[\\/]/, "")),
    ["notebook-03.ts"],
  );
});

test("findExercise returns the exercise for a known id and undefined otherwise", () => {
  assert.is(findExercise("01.1")?.id, "01.1");
  assert.is(findExercise("99.9"), undefined);
});

test.run();
