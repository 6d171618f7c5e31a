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

test("06.4 accepts the stable form max(z, 0) − y·z + log1p(e^−|z|)", () => {
  const right = (y: number, z: number) =>
    Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
  assert.ok(check("06.4")(right).ok);
});

test("06.4 rejects log(1 + e^z) − y·z, right but for the overflow at a very negative logit with y = 1", () => {
  const naive = (y: number, z: number) => Math.log(1 + Math.exp(z)) - y * z; // e^800 = Infinity
  const v = check("06.4")(naive);
  assert.is(v.ok, false);
  assert.match(hint(v), /for a very positive logit and y = 0/); // log(1 + e^800) is Infinity
  assert.match(hint(v), /e\^800 overflows/); // the cause here, not 1 − σ(800)
});

test("06.4 rejects −log σ(z) written with σ, which overflows at z = −800, and names that case", () => {
  const viaSigma = (y: number, z: number) => {
    const p = 1 / (1 + Math.exp(-z)); // e^800 = Infinity at z = −800, so p = 0 and −log p = Infinity
    return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
  };
  const v = check("06.4")(viaSigma);
  assert.is(v.ok, false);
  assert.match(hint(v), /for a very negative logit/);
  assert.match(hint(v), /passes 3 of 5 cases/);
});

test("06.4 reports a function that throws, naming the error", () => {
  const v = check("06.4")(() => {
    throw new Error("todo");
  });
  assert.is(v.ok, false);
  assert.match(hint(v), /Error: todo/);
});

test("06.4 is registered as the fourth exercise of notebook 06", () => {
  assert.equal(
    exercises.exercises.map((e) => e.id),
    ["06.1", "06.2", "06.3", "06.4"],
  );
});

test.run();
