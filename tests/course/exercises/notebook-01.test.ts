import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-01";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

test("the set belongs to 01-iid-and-the-empirical-distribution", () => {
  assert.is(exercises.notebook, "01-iid-and-the-empirical-distribution");
});

test("01.1 accepts p̂(3) = 3/6 and names the uniform-over-support mistake 1/3", () => {
  assert.ok(check("01.1")(0.5).ok);
  assert.match(hint(check("01.1")(1 / 3)), /uniform over the support/);
});

test("01.2 accepts (9+9+9+1+1+4)/6 = 5.5 and names the mean over distinct values 14/3", () => {
  assert.ok(check("01.2")(5.5).ok);
  assert.match(hint(check("01.2")(14 / 3)), /distinct values/);
});

test("01.3 accepts −ln 6 and catches the sign and the base", () => {
  assert.ok(check("01.3")(-Math.log(6)).ok);
  assert.match(hint(check("01.3")(Math.log(6))), /sign/);
  assert.match(hint(check("01.3")(-Math.log2(6))), /bits/);
});

test.run();
