// expectChoice's comparison rule, as its doc comment states it: "compared after trimming,
// lower-casing and collapsing spaces". Issue 22's audit broke the inner-space rule and no test
// noticed; these tests check each part of the rule from its statement.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { expectChoice } from "../../../notebooks/kit/src/exercises/expect-choice";

const CORRECT = { ok: true, kind: "correct" };

test("expectChoice collapses every run of white space inside an answer to one space", () => {
  const check = expectChoice("maximum likelihood");
  assert.equal(check("maximum  likelihood"), CORRECT);
  assert.equal(check("maximum\tlikelihood"), CORRECT);
  assert.equal(check("maximum \n\t likelihood"), CORRECT);
  assert.equal(check("  Maximum   Likelihood  "), CORRECT);
  // Collapsing is not removing: the words stay apart.
  assert.is(check("maximumlikelihood").ok, false);
  // The rule applies to the expected answer, the choices, aliases and mistakes' keys as well.
  const spaced = expectChoice("forward  KL", {
    choices: ["forward KL", "reverse\tKL"],
    mistakes: { "REVERSE KL": "mode-seeking" },
    aliases: { "正向  KL": "forward kl" },
  });
  assert.equal(spaced("forward kl"), CORRECT);
  assert.equal(spaced("正向 kl"), CORRECT);
  assert.equal(spaced("reverse   kl"), { ok: false, kind: "mistake", hint: "mode-seeking" });
});

test("expectChoice lower-cases (not upper-cases): the comparison follows toLowerCase where the two differ", () => {
  // U+212A KELVIN SIGN lower-cases to "k" but upper-cases to itself, not to "K".
  assert.equal(expectChoice("k")("\u212A"), CORRECT);
  // "ß" lower-cases to itself and upper-cases to "SS": under lower-casing it is not "ss".
  assert.is(expectChoice("ss")("ß").ok, false);
});

test.run();
