import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-05";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

// The data [2, 0, 1, 2, 1, 2]: p̂ = (1/6, 2/6, 3/6) on {0, 1, 2}, mean 8/6.
const H_HAT = -((1 / 6) * Math.log(1 / 6) + (2 / 6) * Math.log(2 / 6) + (3 / 6) * Math.log(3 / 6));
const LAMBDA = 8 / 6;
// Poisson(λ) log pmf by hand: v log λ − λ − log v!
const logq = (v: number) => v * Math.log(LAMBDA) - LAMBDA - [0, 0, Math.log(2)][v];
const CROSS = -((1 / 6) * logq(0) + (2 / 6) * logq(1) + (3 / 6) * logq(2));

test("the set belongs to 05-mle-is-min-kl-is-min-cross-entropy", () => {
  assert.is(exercises.notebook, "05-mle-is-min-kl-is-min-cross-entropy");
});

test("05.1 accepts H(p̂) by hand and explains the 'uniform over the support' answer log 3", () => {
  assert.ok(check("05.1")(H_HAT).ok);
  assert.match(hint(check("05.1")(Math.log(3))), /uniform/);
});

test("05.2 accepts the sample mean 8/6 and explains the mode", () => {
  assert.ok(check("05.2")(LAMBDA).ok);
  assert.match(hint(check("05.2")(2)), /mode/);
});

test("05.3 accepts H(p̂, p_model) − H(p̂) by hand and explains the cross-entropy and H(p̂)", () => {
  assert.ok(check("05.3")(CROSS - H_HAT).ok);
  assert.match(hint(check("05.3")(CROSS)), /cross-entropy/);
  assert.match(hint(check("05.3")(H_HAT)), /offset/);
});

test.run();
