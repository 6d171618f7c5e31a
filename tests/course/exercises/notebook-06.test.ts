import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-06";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

test("the set belongs to 06-conditional-likelihood-and-loss-functions", () => {
  assert.is(exercises.notebook, "06-conditional-likelihood-and-loss-functions");
});

test("06.1 accepts √2.5 and explains σ² and the m − 1 divisor", () => {
  assert.ok(check("06.1")(Math.sqrt(2.5)).ok);
  assert.match(hint(check("06.1")(2.5)), /σ²/);
  assert.match(hint(check("06.1")(Math.sqrt(10 / 3))), /m − 1/);
});

test("06.2 accepts log(1 + e³) and explains the label-0 loss", () => {
  assert.ok(check("06.2")(Math.log(1 + Math.exp(3))).ok);
  assert.match(hint(check("06.2")(Math.log(1 + Math.exp(-3)))), /label 0/);
});

test("06.3 accepts log(e² + e + 1) and explains class 0 and the sign", () => {
  const lse = Math.log(Math.exp(2) + Math.exp(1) + 1);
  assert.ok(check("06.3")(lse).ok);
  assert.match(hint(check("06.3")(lse - 2)), /class 0/);
  assert.match(hint(check("06.3")(-lse)), /negative/);
});

test.run();
