import { test } from "uvu";
import * as assert from "uvu/assert";
import { argmax, argmin } from "../../lib/src/optimization/argmax";

test("argmax and argmin return the index of the first extreme value", () => {
  assert.is(argmax([0.1, 0.7, 0.2]), 1);
  assert.is(argmin([0.1, 0.7, 0.2]), 0);
  assert.is(argmax([3, 5, 5]), 1);
  assert.is(argmin([2, 1, 1]), 1);
  assert.is(argmax(new Float64Array([-Infinity, -1])), 1);
  assert.is(argmin([Infinity, 4, -Infinity]), 2);
});

test("a one-element array has its extreme at 0", () => {
  assert.is(argmax([42]), 0);
  assert.is(argmin([42]), 0);
});

test("empty input and NaN are RangeErrors, a string entry or a non-vector a TypeError, naming the value (shared validator)", () => {
  assert.throws(
    () => argmax([]),
    (e: Error) => e instanceof RangeError && e.message === "argmax: values is empty",
  );
  assert.throws(
    () => argmin([1, NaN]),
    (e: Error) =>
      e instanceof RangeError && e.message === "argmin: values[1] = NaN is not a number",
  );
  assert.throws(
    () => argmax([1, "2" as unknown as number]),
    (e: Error) => e instanceof TypeError && e.message === 'argmax: values[1] = "2" is not a number',
  );
  assert.throws(
    () => argmax(null as unknown as number[]),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "argmax: values = null is not a number[] or Float64Array",
  );
});

test("an array-like or another typed array is refused, as everywhere in mlekit; a Float64Array is taken", () => {
  const arrayLike = { length: 2, 0: 1, 1: 3 } as unknown as number[];
  assert.throws(
    () => argmax(arrayLike),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === "argmax: values = [object] is not a number[] or Float64Array",
  );
  assert.throws(
    () => argmin(new Float32Array([1, 2]) as unknown as number[]),
    (e: Error) => e instanceof TypeError && /argmin: values = Float32Array\(2\)/.test(e.message),
  );
  assert.is(argmax(new Float64Array([1, 3, 2])), 1);
});

test.run();
