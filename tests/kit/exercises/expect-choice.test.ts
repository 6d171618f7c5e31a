import { test } from "uvu";
import * as assert from "uvu/assert";
import { expectChoice } from "../../../notebooks/kit/src/exercises/expect-choice";

test("expectChoice ignores case, surrounding spaces and number/string form", () => {
  const check = expectChoice("b");
  assert.equal(check(" B "), { ok: true });
  assert.equal(expectChoice(6)("6"), { ok: true });
  assert.equal(expectChoice("6")(6), { ok: true });
});

test("expectChoice gives a wrong choice its mistake hint, else the generic hint", () => {
  const check = expectChoice("a", { choices: ["a", "b", "c"], hint: "think again", mistakes: { B: "b changes with θ" } });
  assert.equal(check("b"), { ok: false, hint: "b changes with θ" });
  assert.equal(check("c"), { ok: false, hint: "think again" });
});

test("expectChoice lists the allowed choices for an answer outside them", () => {
  const check = expectChoice("a", { choices: ["a", "b"] });
  assert.equal(check("z"), { ok: false, hint: 'choose one of "a", "b".' });
  assert.match((check(undefined) as { hint: string }).hint, /expected one of the choices, got undefined/);
});

test("expectChoice throws when the choices do not contain the expected answer", () => {
  assert.throws(() => expectChoice("d", { choices: ["a", "b"] }), /choices do not contain the expected answer "d"/);
});

test.run();
