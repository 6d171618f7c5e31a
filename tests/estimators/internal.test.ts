import { test } from "uvu";
import * as assert from "uvu/assert";
import { requireSample, throwFirstNonFinite } from "../../lib/src/estimators/internal";

test("requireSample accepts arrays and Float64Arrays with at least one entry", () => {
  assert.not.throws(() => requireSample("f", [1]));
  assert.not.throws(() => requireSample("f", new Float64Array(2)));
});

test("requireSample throws RangeError for an empty sample and TypeError for a non-array", () => {
  assert.throws(
    () => requireSample("f", []),
    (e: Error) => e instanceof RangeError && e.message === "f: xs is empty",
  );
  assert.throws(
    () => requireSample("f", null as never),
    (e: Error) =>
      e instanceof TypeError && e.message === "f: xs = null is not a number[] or Float64Array",
  );
  assert.throws(() => requireSample("f", 3 as never), TypeError);
});

test("throwFirstNonFinite names the first NaN or infinite entry and is silent otherwise", () => {
  throwFirstNonFinite("f", [1, 2, 3]);
  assert.throws(
    () => throwFirstNonFinite("f", [1, Infinity, NaN]),
    (e: Error) => e instanceof RangeError && e.message === "f: xs[1] = Infinity is not finite",
  );
});

test.run();
