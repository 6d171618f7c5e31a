import { test } from "uvu";
import * as assert from "uvu/assert";
import { selfInformation } from "../../lib/src/information";
import { FIXTURES, baseOpt, close } from "./helpers";

test("selfInformation matches -xlogy(1, p) / log(base) on every fixture", () => {
  for (const f of FIXTURES.selfInformation) {
    close(selfInformation(f.p, { base: baseOpt(f.base) }), f.expected, 1e-14, f.call);
  }
});

test("a fair coin's outcome carries one bit", () => {
  assert.is(selfInformation(0.5, { base: 2 }), 1);
});

test("learning that a card from a 52-card deck is a heart gives 2 bits; a face card log2(52/12)", () => {
  assert.is(selfInformation(13 / 52, { base: 2 }), 2);
  close(selfInformation(12 / 52, { base: 2 }), Math.log2(52 / 12), 1e-15);
});

test("a certain event carries nothing and an impossible one carries Infinity", () => {
  assert.is(selfInformation(1), 0);
  assert.is(selfInformation(0), Infinity);
});

test("probabilities outside [0, 1] are rejected with the value in the message", () => {
  assert.throws(
    () => selfInformation(1.5),
    (e: Error) => e instanceof RangeError && /p = 1.5 is greater than 1/.test(e.message),
  );
});

test.run();
