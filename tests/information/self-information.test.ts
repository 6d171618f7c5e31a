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

test("selfInformation's range errors are exact: the function, the value, and which side of [0, 1]", () => {
  assert.throws(
    () => selfInformation(-0.5),
    (e: Error) => e instanceof RangeError && e.message === "selfInformation: p = -0.5 is negative",
  );
  assert.throws(
    () => selfInformation(-5e-324),
    (e: Error) =>
      e instanceof RangeError && e.message === "selfInformation: p = -5e-324 is negative",
  );
  assert.throws(
    () => selfInformation(1.5),
    (e: Error) =>
      e instanceof RangeError && e.message === "selfInformation: p = 1.5 is greater than 1",
  );
  assert.throws(
    () => selfInformation(1 + 2 ** -52),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === `selfInformation: p = ${1 + 2 ** -52} is greater than 1`,
  );
});

test("bits and hartleys come from log2 and log10 directly: p = 2^-k is exactly k bits, p = 10^-k exactly k hartleys", () => {
  // -log2(2^-k) = k and -log10(1e-k) = k are representable, and log2/log10 return them; the
  // three-rounding form -ln(p) / ln(base) misses k for 221 of these k in base 2 and 11 in base 10.
  for (let k = 1; k <= 1074; k++) assert.is(selfInformation(2 ** -k, { base: 2 }), k, `2^-${k}`);
  for (let k = 1; k <= 22; k++)
    assert.is(selfInformation(Number(`1e-${k}`), { base: 10 }), k, `1e-${k}`);
});

test("selfInformation names itself and p when p is not a number", () => {
  assert.throws(
    () => selfInformation("0.5" as unknown as number),
    (e: Error) =>
      e instanceof TypeError && e.message === 'selfInformation: p = "0.5" is not a number',
  );
  assert.throws(
    () => selfInformation(NaN),
    (e: Error) =>
      e instanceof RangeError && e.message === "selfInformation: p = NaN is not a number",
  );
});

test("a certain event carries +0 in every base (not -0 = -log 1)", () => {
  for (const base of [Math.E, 2, 3, 10])
    assert.ok(Object.is(selfInformation(1, { base }), 0), `base ${base}`);
});

test("in a base other than e, 2 and 10 the result is nats / ln(base): 1/27 is 3 trits, 1/4 is 1 in base 4", () => {
  // 1/27 is rounded to a double (relative error < 2^-53), which moves -log3 by < 1e-16 / ln 3
  close(selfInformation(1 / 27, { base: 3 }), 3, 1e-15);
  close(selfInformation(0.25, { base: 4 }), 1, 1e-15);
  close(selfInformation(Math.exp(-1), { base: 7 }), 1 / Math.log(7), 1e-15);
});

test.run();
