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

test("07.4 accepts the two-pass variance, mean first then squares (0 for one value)", () => {
  const twoPass = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  };
  assert.ok(check("07.4")(twoPass).ok);
});

test("07.4 rejects the one-pass (1/m) Σ x² − x̄², right but for values far from 0, and names that case", () => {
  const onePass = (xs: number[]) => {
    const m = xs.length;
    return xs.reduce((s, x) => s + x * x, 0) / m - (xs.reduce((a, b) => a + b, 0) / m) ** 2;
  };
  const v = check("07.4")(onePass);
  assert.is(v.ok, false);
  assert.match(hint(v), /for values far from 0/);
  assert.match(hint(v), /subtract the mean first/);
  assert.match(hint(v), /passes 3 of 4 cases/);
});

test("07.4 rejects Bessel's m − 1 at the first case, with the hint to divide by m", () => {
  const bessel = (xs: number[]) => {
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  };
  const v = check("07.4")(bessel);
  assert.is(v.ok, false);
  assert.match(hint(v), /dividing by m \(not m − 1\)/);
});

test("07.4 reports a function that throws, naming the error", () => {
  const v = check("07.4")(() => {
    throw new Error("todo");
  });
  assert.is(v.ok, false);
  assert.match(hint(v), /Error: todo/);
});

test("07.4 is registered as the fourth exercise of notebook 07", () => {
  assert.equal(
    exercises.exercises.map((e) => e.id),
    ["07.1", "07.2", "07.3", "07.4"],
  );
});

test.run();
