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
  assert.match(hint(check("00.1")(0.5)), /1\/m on each of the m examples/);
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

// 00.4, a code exercise: the average NLL of coin flips under Bernoulli(θ).
const flipByFlip = (theta: number, flips: number[]) =>
  -flips.reduce((s, x) => s + Math.log(x === 1 ? theta : 1 - theta), 0) / flips.length;
/** The count form h log θ + (m − h) log(1 − θ): right inside (0, 1), NaN at θ ∈ {0, 1} (0 · −∞). */
const countForm = (theta: number, flips: number[]) => {
  const h = flips.filter((x) => x === 1).length;
  return -(h * Math.log(theta) + (flips.length - h) * Math.log(1 - theta)) / flips.length;
};

test("00.4 accepts a flip-by-flip average NLL", () => {
  assert.ok(check("00.4")(flipByFlip).ok);
});

test("00.4 rejects the count form, right everywhere but at θ = 1 with all heads, and names that case", () => {
  const v = check("00.4")(countForm);
  assert.is(v.ok, false);
  assert.match(hint(v), /when θ = 1 and every flip is a head/);
  assert.match(hint(v), /returned `NaN`/);
  assert.match(hint(v), /It passes 2 of 4 cases/);
});

test("00.4 rejects the log-likelihood (the sign), the sum (no 1/m) and bits, naming a case and the slip", () => {
  const sum = (theta: number, flips: number[]) => flipByFlip(theta, flips) * flips.length;
  const bits = (theta: number, flips: number[]) => flipByFlip(theta, flips) / Math.LN2;
  for (const slip of [(t: number, f: number[]) => -flipByFlip(t, f), sum, bits]) {
    assert.match(hint(check("00.4")(slip)), /for θ = 0.5 and four flips/);
    assert.match(
      hint(check("00.4")(slip)),
      /natural log \(nats\), divide the sum by m, and mind the sign/,
    );
  }
});

test("00.4 rejects a head and a tail swapped, which passes at θ = 0.5, with the hint that says which is which", () => {
  const swapped = (theta: number, flips: number[]) => flipByFlip(1 - theta, flips);
  const v = check("00.4")(swapped);
  assert.match(hint(v), /for θ = 0.7 and ten flips/);
  assert.match(hint(v), /a head \(x = 1\) has probability θ/);
});

test("00.4 gives a verdict, not a crash, for a function that throws and for the stub that returns NaN", () => {
  const threw = check("00.4")(() => {
    throw new Error("not yet");
  });
  assert.is(threw.ok, false);
  assert.match(hint(threw), /threw `Error: not yet`/);
  assert.match(hint(check("00.4")(() => NaN)), /returned `NaN`/);
});

test.run();
