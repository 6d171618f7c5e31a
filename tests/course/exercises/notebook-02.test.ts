import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-02";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

// Poisson log-likelihood of Bortkiewicz's counts at λ = 122/200 = 0.61, by hand:
// Σ x log λ − m λ − Σ log x!, with Σ x = 65 + 44 + 9 + 4 = 122 and Σ log x! = 22 log 2 + 3 log 6 + log 24.
const HAND = 122 * Math.log(0.61) - 200 * 0.61 - (22 * Math.log(2) + 3 * Math.log(6) + Math.log(24));

test("the set belongs to 02-maximum-likelihood", () => {
  assert.is(exercises.notebook, "02-maximum-likelihood");
});

test("02.1 accepts 6/8 heads and explains the tails fraction", () => {
  assert.ok(check("02.1")(0.75).ok);
  assert.match(hint(check("02.1")(0.25)), /tails/);
});

test("02.2 accepts the hand-computed log-likelihood and explains average, sign and λ = 1", () => {
  assert.ok(check("02.2")(HAND).ok);
  assert.match(hint(check("02.2")(HAND / 200)), /average/);
  assert.match(hint(check("02.2")(-HAND)), /negative log-likelihood/);
});

test("02.3 accepts σ = 2 and explains Bessel's correction and σ²", () => {
  assert.ok(check("02.3")(2).ok);
  assert.match(hint(check("02.3")(Math.sqrt(32 / 7))), /m − 1/);
  assert.match(hint(check("02.3")(4)), /σ²/);
});

test.run();
