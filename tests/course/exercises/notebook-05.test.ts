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

test("05.3 explains the difference of the two terms rounded to 3 digits first (1.30 − 1.01)", () => {
  assert.is(Number(CROSS.toPrecision(3)), 1.3);
  assert.is(Number(H_HAT.toPrecision(3)), 1.01);
  assert.match(hint(check("05.3")(1.3 - 1.01)), /round only at the end/);
  assert.ok(check("05.3")(0.285).ok);
});

// The average NLL by hand: one term per example.
const nllRight = (xs: number[], q: number[]) =>
  -xs.reduce((s, x) => s + Math.log(q[x]), 0) / xs.length;

test("05.4 accepts the average of −log q over the examples, and the same via p̂ with 0 · log 0 = 0", () => {
  assert.ok(check("05.4")(nllRight).ok);
  const viaPHat = (xs: number[], q: number[]) =>
    -q.reduce((s, qv, v) => {
      const p = xs.filter((x) => x === v).length / xs.length;
      return p > 0 ? s + p * Math.log(qv) : s;
    }, 0);
  assert.ok(check("05.4")(viaPHat).ok);
  // by hand on the exercise data: H(p̂, Poisson(4/3)) = CROSS above
  assert.ok(
    Math.abs(
      nllRight(
        [2, 0, 1, 2, 1, 2],
        [0, 1, 2].map((v) => Math.exp(logq(v))),
      ) - CROSS,
    ) < 1e-12,
  );
});

test("05.4 rejects an average over the distinct values (p̂ read as uniform), naming the repeated-values case", () => {
  const distinct = (xs: number[], q: number[]) => nllRight([...new Set(xs)], q);
  const v = check("05.4")(distinct);
  assert.is(v.ok, false);
  assert.match(hint(v), /when values repeat/);
  assert.match(hint(v), /c\/m/);
});

test("05.4 rejects the p̂ form without the zero case (0 · log 0 = NaN) at the edge case only", () => {
  const naivePHat = (xs: number[], q: number[]) =>
    -q.reduce((s, qv, v) => s + (xs.filter((x) => x === v).length / xs.length) * Math.log(qv), 0);
  const v = check("05.4")(naivePHat);
  assert.is(v.ok, false);
  assert.match(hint(v), /when q is 0 at a value nobody observed/);
  assert.match(hint(v), /passes 4 of 5 cases/);
});

test("05.4 rejects a function that drops the examples the model calls impossible, naming that edge case", () => {
  const dropsImpossible = (xs: number[], q: number[]) =>
    nllRight(
      xs.filter((x) => q[x] > 0),
      q,
    );
  const v = check("05.4")(dropsImpossible);
  assert.match(hint(v), /when q is 0 at an observed value/);
  assert.match(hint(v), /passes 4 of 5 cases/);
});

test("05.4 reports a function that throws, naming the error", () => {
  const v = check("05.4")(() => {
    throw new TypeError("xs is not iterable");
  });
  assert.is(v.ok, false);
  assert.match(hint(v), /TypeError: xs is not iterable/);
});

test("the exercises of notebook 05 are 05.1 to 05.4, in order", () => {
  assert.equal(
    exercises.exercises.map((e) => e.id),
    ["05.1", "05.2", "05.3", "05.4"],
  );
});

test.run();
