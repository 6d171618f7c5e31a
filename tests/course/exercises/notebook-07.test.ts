import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-07";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

test("the set belongs to 07-properties-of-the-mle", () => {
  assert.is(exercises.notebook, "07-properties-of-the-mle");
});

test("07.1 accepts (3/4)·9 and explains the unbiased value and the inverted factor", () => {
  assert.ok(check("07.1")(6.75).ok);
  assert.match(hint(check("07.1")(9)), /biased/);
  assert.match(hint(check("07.1")(12)), /other way round/);
});

test("07.2 accepts p(1 − p)/m = 0.0016 and explains the missing m and the reciprocal", () => {
  assert.ok(check("07.2")(0.0016).ok);
  assert.match(hint(check("07.2")(0.16)), /one observation/);
  assert.match(hint(check("07.2")(625)), /reciprocal/);
});

test("07.3 accepts 32/7 and explains the MLE (divides by m) and the standard deviation", () => {
  assert.ok(check("07.3")(32 / 7).ok);
  assert.match(hint(check("07.3")(4)), /divides by m/);
  assert.match(hint(check("07.3")(Math.sqrt(32 / 7))), /standard deviation/);
});

test.run();
