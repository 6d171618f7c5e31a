import { test } from "uvu";
import * as assert from "uvu/assert";
import { LOGIT_ARGMAX, logitMax } from "../../lib/src/information/logit-max";

test("logitMax returns the largest logit, ignoring -Infinity", () => {
  assert.is(logitMax("f", [-Infinity, -3, 2, 1], 4), 2);
});

test("logitMax rejects NaN and +Infinity with index and value, and an all -Infinity input", () => {
  assert.throws(() => logitMax("f", [0, NaN], 2), /f: logits\[1\] = NaN is not a number/);
  assert.throws(
    () => logitMax("f", new Float64Array([0, Infinity]), 2),
    /f: logits\[1\] = Infinity/,
  );
  assert.throws(
    () => logitMax("f", [-Infinity, -Infinity], 2),
    (e: Error) => e instanceof RangeError && /every logit is -Infinity/.test(e.message),
  );
});

test("logitMax records the first index of the maximum in LOGIT_ARGMAX", () => {
  logitMax("f", [1, 3, 3, 2], 4);
  assert.is(LOGIT_ARGMAX, 1);
  logitMax("f", new Float64Array([5, 5]), 2);
  assert.is(LOGIT_ARGMAX, 0);
  logitMax("f", [-Infinity, -Infinity, 0], 3);
  assert.is(LOGIT_ARGMAX, 2);
});

test("logitMax reads only the first n entries", () => {
  assert.is(logitMax("f", [1, 9], 1), 1);
});

test("logitMax's errors are exact and name the function", () => {
  const throwsExactly = (f: () => unknown, kind: ErrorConstructor, message: string) =>
    assert.throws(f, (e: Error) => e instanceof kind && e.message === message);
  throwsExactly(
    () => logitMax("softmax", [-Infinity, -Infinity], 2),
    RangeError,
    "softmax: every logit is -Infinity, so the distribution is undefined (0/0)",
  );
  throwsExactly(() => logitMax("g", [0, NaN], 2), RangeError, "g: logits[1] = NaN is not a number");
  // a non-number is refused even where it would compare like a number ("3" > 1, null < Infinity)
  throwsExactly(
    () => logitMax("g", [1, "3" as unknown as number], 2),
    TypeError,
    'g: logits[1] = "3" is not a number',
  );
  throwsExactly(
    () => logitMax("g", [1, null as unknown as number], 2),
    TypeError,
    "g: logits[1] = null is not a number",
  );
});

test.run();
