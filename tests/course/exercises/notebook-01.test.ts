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

test("01.1 accepts p̂(3) = 4/6 for [3, 1, 3, 3, 2, 3] and names the uniform-over-support mistake 1/3 and the bare count 4", () => {
  assert.ok(check("01.1")(4 / 6).ok);
  assert.ok(check("01.1")(0.667).ok);
  assert.match(hint(check("01.1")(1 / 3)), /uniform over the support/);
  assert.match(hint(check("01.1")(4)), /count/);
});

test("01.2 accepts (9+1+9+9+4+9)/6 = 41/6, names the mean over distinct values 14/3 and the squared mean (15/6)²", () => {
  assert.ok(check("01.2")(41 / 6).ok);
  assert.ok(check("01.2")(6.83).ok);
  assert.match(hint(check("01.2")(14 / 3)), /distinct values/);
  assert.match(hint(check("01.2")(6.25)), /square of the mean/);
});

test("01.3 accepts −ln 6 and catches the sign and the base", () => {
  assert.ok(check("01.3")(-Math.log(6)).ok);
  assert.match(hint(check("01.3")(Math.log(6))), /sign/);
  assert.match(hint(check("01.3")(-Math.log2(6))), /bits/);
});

// 01.4, a code exercise: p̂ of a sample of categories 0 … k − 1, as k masses c_j / m.
const byCounting = (xs: number[], k: number) => {
  const counts: number[] = Array(k).fill(0);
  for (const x of xs) counts[x] += 1;
  return counts.map((c) => c / xs.length);
};
/** Right whenever every category occurs: it lists only the values seen (the support), as p̂'s probs do. */
const seenOnly = (xs: number[]) => {
  const seen = [...new Set(xs)].sort((a, b) => a - b);
  return seen.map((v) => xs.filter((x) => x === v).length / xs.length);
};

test("01.4 accepts counting, and rejects a p̂ over the values seen only, naming the category that never occurs", () => {
  assert.ok(check("01.4")(byCounting).ok);
  const v = check("01.4")(seenOnly);
  assert.is(v.ok, false);
  assert.match(hint(v), /when categories 1 and 3 never occur/);
  assert.match(hint(v), /mass 0/);
});

test("01.4 names the first failing case, and the divisor, for counts not divided by m or divided by k", () => {
  const counts = (xs: number[], k: number) => byCounting(xs, k).map((p) => p * xs.length);
  const overK = (xs: number[], k: number) => byCounting(xs, k).map((p) => (p * xs.length) / k);
  for (const slip of [counts, overK]) {
    assert.match(hint(check("01.4")(slip)), /for xs = \[0, 2, 2, 1\] and k = 3/);
    assert.match(hint(check("01.4")(slip)), /divided by m, the sample size \(not by k\)/);
  }
});

test("01.4 gives a verdict, not a crash, for a throwing function and for the stub", () => {
  const threw = check("01.4")(() => {
    throw new RangeError("k is too small");
  });
  assert.is(threw.ok, false);
  assert.match(hint(threw), /threw `RangeError: k is too small`/);
  assert.match(hint(check("01.4")(() => [])), /returned `\[\]`/);
});

test.run();
