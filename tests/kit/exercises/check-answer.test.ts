import { test } from "uvu";
import * as assert from "uvu/assert";
import { answerChecker } from "../../../notebooks/kit/src/exercises/check-answer";
import { exerciseIds, findExercise } from "../../../notebooks/course/src/exercises/registry";

// The checker bound to the course's registry, as mle-course builds it.
const checkAnswer = answerChecker({ find: findExercise, ids: exerciseIds });

function capture(): { lines: string[]; print: (l: string) => void } {
  const lines: string[] = [];
  return { lines, print: (l) => lines.push(l) };
}

test("a right answer prints one ✓ line and returns true", () => {
  const c = capture();
  assert.is(checkAnswer("01.1", 0.5, c), true);
  assert.equal(c.lines, ["✓ 01.1 (p̂(3) with repeated values): correct."]);
});

test("a wrong answer prints one ✗ line with a hint, returns false and does not throw", () => {
  const c = capture();
  assert.is(checkAnswer("01.1", 1 / 3, c), false);
  assert.is(c.lines.length, 1);
  assert.match(c.lines[0], /^✗ 01\.1 \(.*\): not yet\. Hint: .*uniform over the support/);
});

test("the expected value never appears in the printed line", () => {
  const c = capture();
  checkAnswer("01.1", 0.9, c);
  assert.not.ok(c.lines[0].includes("0.5"));
});

test("null or undefined says there is no answer yet", () => {
  const c = capture();
  assert.is(checkAnswer("02.1", null, c), false);
  assert.is(checkAnswer("02.1", undefined, c), false);
  assert.match(c.lines[0], /^… 02\.1 .*no answer yet/);
});

test("an answer of the wrong type is a wrong answer, not an error", () => {
  const c = capture();
  assert.is(checkAnswer("03.1", "2.58", c), false);
  assert.match(c.lines[0], /expected a number, got a string/);
});

test("an unknown id throws an error that lists the known ids", () => {
  assert.throws(() => checkAnswer("9.9", 1), /checkAnswer: unknown exercise id "9\.9" \(known: 00\.1, .*01\.1/);
});

test("by default the line goes to console.log", () => {
  const original = console.log;
  const lines: unknown[] = [];
  console.log = (l: unknown) => lines.push(l);
  try {
    checkAnswer("00.2", Math.LN2);
  } finally {
    console.log = original;
  }
  assert.equal(lines, ["✓ 00.2 (one bit in nats): correct."]);
});

test.run();
