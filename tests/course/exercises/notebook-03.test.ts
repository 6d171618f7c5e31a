import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-03";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

test("the set belongs to 03-self-information-and-entropy", () => {
  assert.is(exercises.notebook, "03-self-information-and-entropy");
});

test("03.1 accepts log₂ 6 bits and explains nats and the sign", () => {
  assert.ok(check("03.1")(Math.log2(6)).ok);
  assert.match(hint(check("03.1")(Math.log(6))), /nats/);
  assert.match(hint(check("03.1")(-Math.log2(6))), /sign/);
});

test("03.2 accepts 2.25 bits (3·¼·2 + 2·⅛·3), rejects the coding section's 1.75, and explains nats and the uniform maximum", () => {
  assert.ok(check("03.2")(2.25).ok);
  assert.not.ok(check("03.2")(1.75).ok);
  assert.match(hint(check("03.2")(2.25 * Math.LN2)), /nats/);
  assert.match(hint(check("03.2")(Math.log2(5))), /uniform/);
});

test("03.3 accepts ½ ln(2πe·4) and explains σ versus σ²", () => {
  assert.ok(check("03.3")(0.5 * Math.log(2 * Math.PI * Math.E * 4)).ok);
  assert.match(hint(check("03.3")(0.5 * Math.log(2 * Math.PI * Math.E * 2))), /σ²/);
});

test("03.4 accepts an entropy in bits that skips zero entries", () => {
  const right = (p: number[]) => p.reduce((s, x) => (x > 0 ? s - x * Math.log2(x) : s), 0);
  assert.ok(check("03.4")(right).ok);
});

test("03.4 rejects p log p without the zero case, and its hint names that edge case", () => {
  const naive = (p: number[]) => -p.reduce((s, x) => s + x * Math.log2(x), 0); // 0 · log 0 = NaN
  const v = check("03.4")(naive);
  assert.is(v.ok, false);
  assert.match(hint(v), /when p has a zero entry/);
  assert.match(hint(v), /0 · log 0 counts as 0/);
  assert.match(hint(v), /passes 3 of 4 cases/);
});

test("03.4 rejects an entropy in nats at the first case, with the hint about bits", () => {
  const nats = (p: number[]) => p.reduce((s, x) => (x > 0 ? s - x * Math.log(x) : s), 0);
  const v = check("03.4")(nats);
  assert.match(hint(v), /for a fair coin/);
  assert.match(hint(v), /bits/);
});

test("03.4 reports a function that throws, naming the error", () => {
  const v = check("03.4")(() => {
    throw new Error("todo");
  });
  assert.is(v.ok, false);
  assert.match(hint(v), /Error: todo/);
});

test("03.4 is registered as the fourth exercise of notebook 03", () => {
  assert.equal(
    exercises.exercises.map((e) => e.id),
    ["03.1", "03.2", "03.3", "03.4"],
  );
});

test.run();
