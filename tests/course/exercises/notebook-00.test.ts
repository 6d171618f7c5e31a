import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-00";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

test("the set belongs to 00-start-here", () => {
  assert.is(exercises.notebook, "00-start-here");
});

test("00.1 accepts p̂(1) = 3/4 and explains 1/2 as uniform over the support", () => {
  assert.ok(check("00.1")(0.75).ok);
  assert.match(hint(check("00.1")(0.5)), /each \*sample\*/);
});

test("00.2 accepts ln 2 (one bit in nats) and explains its inverse and the guess that a bit is a nat", () => {
  assert.ok(check("00.2")(0.6931471805599453).ok); // ln 2 by hand
  assert.match(hint(check("00.2")(1.4426950408889634)), /bits in one nat/);
  assert.is(check("00.2")(1).ok, false);
  assert.match(hint(check("00.2")(1)), /different units/);
});

test("00.3 accepts (a) H(p̂_data) and explains each other choice", () => {
  assert.ok(check("00.3")("a").ok);
  assert.ok(check("00.3")("A").ok);
  for (const c of ["b", "c", "d"]) assert.is(check("00.3")(c).ok, false);
  assert.match(hint(check("00.3")("b")), /changes with θ/);
});

test.run();
