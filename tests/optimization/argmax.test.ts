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

test("empty input is a RangeError and NaN or a string is a TypeError naming the entry", () => {
  assert.throws(() => argmax([]), (e: Error) => e instanceof RangeError && /^argmax: values is empty/.test(e.message));
  assert.throws(() => argmin([1, NaN]), (e: Error) => e instanceof TypeError && e.message === "argmin: values[1] = NaN is not a number");
  assert.throws(() => argmax([1, "2" as unknown as number]), (e: Error) => e instanceof TypeError && /values\[1\] = 2/.test(e.message));
  assert.throws(() => argmax(null as unknown as number[]), (e: Error) => e instanceof TypeError && /argmax: values = null/.test(e.message));
});

test.run();
