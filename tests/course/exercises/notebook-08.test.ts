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
  assert.equal(
    exercises.exercises.map((e) => e.id),
    ["08.1", "08.2", "08.3", "08.4"],
  );
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

test("08.4 accepts the mode of Beta(h + α, m − h + β), edges included", () => {
  const mode = (h: number, m: number, alpha: number, beta: number) => {
    const [a, b] = [h + alpha, m - h + beta];
    return a < 1 ? 0 : b < 1 ? 1 : (a - 1) / (a + b - 2);
  };
  assert.ok(check("08.4")(mode).ok);
});

test("08.4 rejects the bare formula, right but where a shape is below 1, and names that case", () => {
  const formula = (h: number, m: number, alpha: number, beta: number) =>
    (h + alpha - 1) / (m + alpha + beta - 2);
  const v = check("08.4")(formula);
  assert.is(v.ok, false);
  assert.match(hint(v), /for no heads under Beta\(0.5, 2\)/);
  assert.match(hint(v), /the mode is the edge θ = 0/);
  assert.match(hint(v), /passes 3 of 6 cases/);
});

test("08.4 rejects the formula clipped to [0, 1], which answers 1 for one tail under Beta(0.3, 0.3) (the formula is 7/4, the mode 0)", () => {
  const clipped = (h: number, m: number, alpha: number, beta: number) =>
    Math.min(1, Math.max(0, (h + alpha - 1) / (m + alpha + beta - 2)));
  const v = check("08.4")(clipped);
  assert.is(v.ok, false);
  assert.match(hint(v), /for one tail under Beta\(0.3, 0.3\)/);
  assert.match(hint(v), /clipping it to \[0, 1\] is not enough/);
});

test("08.4 rejects a function that returns 0 whenever h = 0, at the no-heads case under Beta(2, 3)", () => {
  const zeroAtNoHeads = (h: number, m: number, alpha: number, beta: number) =>
    h === 0 ? 0 : (h + alpha - 1) / (m + alpha + beta - 2);
  const v = check("08.4")(zeroAtNoHeads);
  assert.is(v.ok, false);
  assert.match(hint(v), /for no heads in four tosses under Beta\(2, 3\)/);
});

test("08.4 reports a function that throws, naming the error", () => {
  const v = check("08.4")(() => {
    throw new Error("todo");
  });
  assert.is(v.ok, false);
  assert.match(hint(v), /Error: todo/);
});

test.run();
