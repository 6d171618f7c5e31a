import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-04";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

// KL(P‖Q) by hand, P = [1/2, 1/4, 1/4], Q = [1/8, 1/2, 3/8]:
// ½ log₂ 4 + ¼ log₂ ½ + ¼ log₂ (2/3) = 1 − ¼ − ¼ log₂ 1.5 bits.
const HAND_BITS = 1 - 0.25 - 0.25 * Math.log2(1.5);
// KL(Q‖P) by hand: ⅛ log₂ ¼ + ½ log₂ 2 + ⅜ log₂ 1.5.
const HAND_REVERSE_BITS = -0.25 + 0.5 + 0.375 * Math.log2(1.5);

test("the set belongs to 04-kl-divergence-and-cross-entropy", () => {
  assert.is(exercises.notebook, "04-kl-divergence-and-cross-entropy");
});

test("04.1 accepts the hand-computed KL in bits and explains nats and the swapped direction", () => {
  assert.ok(check("04.1")(HAND_BITS).ok);
  assert.match(hint(check("04.1")(HAND_BITS * Math.LN2)), /nats/);
  assert.match(hint(check("04.1")(HAND_REVERSE_BITS)), /KL\(Q‖P\)/);
});

test("04.2 accepts σ² = 1 + 4 = 5 and explains one component's variance and σ", () => {
  assert.ok(check("04.2")(5).ok);
  assert.match(hint(check("04.2")(1)), /one component's variance/);
  assert.match(hint(check("04.2")(Math.sqrt(5))), /σ²/);
});

test("04.2's hint for σ² = 1 explains forward KL without answering the second prediction (the reverse-KL fit)", () => {
  // The exercise asks the student to predict whether reverse KL picks one mode; the check cell answers it.
  const h = hint(check("04.2")(1));
  assert.match(h, /cover both modes/);
  assert.not.match(h, /reverse|4\.19/i);
});

test("04.3 accepts 'reverse' in any case and explains 'forward'", () => {
  assert.ok(check("04.3")(" Reverse ").ok);
  assert.match(hint(check("04.3")("forward")), /forward KL/);
  assert.match(hint(check("04.3")("sideways")), /choose one of/);
});

// KL(p‖q) in nats by hand, with 0 · log(0/q) = 0 and p > 0 = q giving Infinity.
const klRight = (p: number[], q: number[]) =>
  p.reduce((s, pi, i) => (pi > 0 ? s + pi * Math.log(pi / q[i]) : s), 0);

test("04.4 accepts KL in nats that skips p = 0 and lets p > 0 = q give Infinity", () => {
  assert.ok(check("04.4")(klRight).ok);
  // the hidden cases include the three edge cases of the definition
  assert.is(klRight([1, 0], [0.5, 0.5]), Math.log(2));
  assert.is(klRight([0.5, 0.5], [1, 0]), Infinity);
});

test("04.4 rejects the naive sum, which gives NaN at p = 0, and names that edge case", () => {
  const naive = (p: number[], q: number[]) =>
    p.reduce((s, pi, i) => s + pi * Math.log(pi / q[i]), 0);
  const v = check("04.4")(naive);
  assert.is(v.ok, false);
  assert.match(hint(v), /when p has a zero entry/);
  assert.match(hint(v), /passes 4 of 6 cases/);
});

test("04.4 rejects a function that skips q = 0 (finite instead of Infinity), naming that edge case only", () => {
  const skipsZeroQ = (p: number[], q: number[]) =>
    p.reduce((s, pi, i) => (pi > 0 && q[i] > 0 ? s + pi * Math.log(pi / q[i]) : s), 0);
  const v = check("04.4")(skipsZeroQ);
  assert.is(v.ok, false);
  assert.match(hint(v), /when q is 0 where p is not/);
  assert.match(hint(v), /passes 5 of 6 cases/);
});

test("04.4 rejects the swapped direction KL(q‖p) at the first asymmetric case, and the divergence in bits at the first case", () => {
  const swapped = (p: number[], q: number[]) => klRight(q, p);
  assert.match(hint(check("04.4")(swapped)), /p sits on top of the ratio/);
  const bits = (p: number[], q: number[]) => klRight(p, q) / Math.LN2;
  assert.match(hint(check("04.4")(bits)), /nats/);
});

test("04.4 reports a function that throws, naming the error", () => {
  const v = check("04.4")(() => {
    throw new RangeError("not written");
  });
  assert.is(v.ok, false);
  assert.match(hint(v), /RangeError: not written/);
});

test("the exercises of notebook 04 are 04.1 to 04.4, in order", () => {
  assert.equal(
    exercises.exercises.map((e) => e.id),
    ["04.1", "04.2", "04.3", "04.4"],
  );
});

test.run();
