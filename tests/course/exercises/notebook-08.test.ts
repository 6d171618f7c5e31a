import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-08";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

test("the set belongs to 08-map-and-regularisation", () => {
  assert.is(exercises.notebook, "08-map-and-regularisation");
  assert.equal(exercises.exercises.map((e) => e.id), ["08.1", "08.2", "08.3"]);
});

test("08.1 accepts 8/9 and explains the MLE and the posterior mean", () => {
  assert.ok(check("08.1")(8 / 9).ok);
  assert.not.ok(check("08.1")(0.88).ok);
  assert.match(hint(check("08.1")(1)), /θ_ML/);
  assert.match(hint(check("08.1")(9 / 11)), /posterior mean/);
});

test("08.2 accepts 13/18 and explains the MLE and the posterior mean", () => {
  assert.ok(check("08.2")(13 / 18).ok);
  assert.match(hint(check("08.2")(0.9)), /θ_ML/);
  assert.match(hint(check("08.2")(14 / 20)), /posterior mean/);
});

test("08.3 accepts 2·100/125 = 1.6 and explains σ/τ, τ²/σ² and a forgotten m", () => {
  assert.ok(check("08.3")(1.6).ok);
  assert.match(hint(check("08.3")(200 / 105)), /variances/);
  assert.match(hint(check("08.3")(200 / 100.04)), /tight prior/);
  assert.match(hint(check("08.3")(2 / 26)), /m = 100/);
});

test.run();
