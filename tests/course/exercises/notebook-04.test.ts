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

test("04.2's hint for σ² = 1 no longer calls it the reverse-KL answer: it gives the reverse fit μ = 1, σ² ≈ 4.19", () => {
  // The notebook's check cell of exercise 04.2 fits argmin_q KL(q‖p) from μ₀ = −1, 1, 3 and asserts μ = 1, σ² = 4.19 ± 0.01.
  const h = hint(check("04.2")(1));
  assert.not.match(h, /what reverse KL .*would pick/);
  assert.match(h, /μ = 1, σ² ≈ 4\.19/);
});

test("04.3 accepts 'reverse' in any case and explains 'forward'", () => {
  assert.ok(check("04.3")(" Reverse ").ok);
  assert.match(hint(check("04.3")("forward")), /forward KL/);
  assert.match(hint(check("04.3")("sideways")), /choose one of/);
});

test.run();
