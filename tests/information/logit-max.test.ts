import { test } from "uvu";
import * as assert from "uvu/assert";
import { logitMax } from "../../lib/src/information/logit-max";

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

test.run();
