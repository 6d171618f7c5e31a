import { test } from "uvu";
import * as assert from "uvu/assert";
import { sigmoid } from "../../lib/src/optimization/sigmoid";

test("sigmoid(0) is one half and sigmoid(−z) = 1 − sigmoid(z)", () => {
  assert.is(sigmoid(0), 0.5);
  for (const z of [0.1, 1, 3.5, 20])
    assert.ok(Math.abs(sigmoid(-z) - (1 - sigmoid(z))) < 1e-16, String(z));
});

test("sigmoid matches scipy.special.expit", () => {
  // scipy 1.17: expit([-30, -2, 0.5, 7]) = [9.357622968839299e-14, 0.11920292202211755, 0.6224593312018546, 0.9990889488055994]
  const ref: [number, number][] = [
    [-30, 9.357622968839299e-14],
    [-2, 0.11920292202211755],
    [0.5, 0.6224593312018546],
    [7, 0.9990889488055994],
  ];
  for (const [z, p] of ref)
    assert.ok(Math.abs(sigmoid(z) - p) <= 2e-16 * p, `${z}: ${sigmoid(z)} vs ${p}`);
});

test("sigmoid never overflows: it reaches its IEEE limits 0 and 1, never NaN", () => {
  assert.is(sigmoid(-800), 0);
  assert.is(sigmoid(800), 1);
  assert.is(sigmoid(-Infinity), 0);
  assert.is(sigmoid(Infinity), 1);
  assert.ok(sigmoid(-700) > 0, "e^-700 is still a normal double");
});

test("NaN is a RangeError and a non-number a TypeError, naming the function (the shared validator's rule)", () => {
  assert.throws(
    () => sigmoid(NaN),
    (e: Error) => e instanceof RangeError && e.message === "sigmoid: z = NaN is not a number",
  );
  assert.throws(
    () => sigmoid("1" as unknown as number),
    (e: Error) => e instanceof TypeError && e.message === 'sigmoid: z = "1" is not a number',
  );
});

test.run();
