import { test } from "uvu";
import * as assert from "uvu/assert";
import { assert as check, AssertionError } from "../../../notebooks/kit/src/i18n/assert";
import { setLanguage } from "../../../notebooks/kit/src/i18n/language";
import { registerLabels } from "../../../notebooks/kit/src/i18n/labels";

/** The error `f` throws. */
function thrown(f: () => void): AssertionError {
  try {
    f();
  } catch (e) {
    return e as AssertionError;
  }
  throw new Error("did not throw");
}

function inChinese<T>(f: () => T): T {
  registerLabels("zh", {
    phrases: { "KL is never negative": "KL 散度从不为负", "average {0}": "平均值 {0}" },
  });
  setLanguage("zh");
  try {
    return f();
  } finally {
    setLanguage("en");
  }
}

test("passing checks return nothing and throw nothing", () => {
  check(1);
  check.ok(true);
  check.equal(0.1 + 0.2, 0.30000000000000004);
  check.equal(NaN, NaN, "Object.is: NaN equals NaN");
  check.notEqual(0, -0, "Object.is: 0 is not −0");
  check.deepEqual(
    [1, { a: [2, 3] }, new Float64Array([1, 2])],
    [1, { a: [2, 3] }, new Float64Array([1, 2])],
  );
  check.deepEqual(new Map([["a", 1]]), new Map([["a", 1]]));
  check.notDeepEqual([1, 2], [1, 3]);
  check.throws(() => {
    throw new RangeError("bad p");
  }, /bad p/);
  check.throws(() => {
    throw new RangeError("bad p");
  }, RangeError);
});

test("a failed check throws AssertionError with its own message, or the kit's naming the values", () => {
  const e = thrown(() => check.ok(false, "KL is never negative"));
  assert.ok(e instanceof AssertionError && e instanceof Error);
  assert.is(e.name, "AssertionError");
  assert.is(e.message, "KL is never negative");
  assert.is(thrown(() => check.equal(1 + 1, 3)).message, "expected 3, got 2");
  assert.is(thrown(() => check(0)).message, "the assertion failed: the value is 0");
  assert.is(
    thrown(() => check.deepEqual([1, { a: 2 }], [1, { a: 3 }])).message,
    "the values differ at [1].a: expected 3, got 2",
  );
  assert.is(
    thrown(() => check.deepEqual([1, 2], [1, 2, 3])).message,
    "the values differ at .length: expected 3, got 2",
  );
  assert.is(
    thrown(() => check.deepEqual({ a: 1 }, { a: 1, b: 2 })).message,
    "the values differ at .b: expected 2, got undefined",
  );
  assert.match(
    thrown(() => check.deepEqual([1], new Float64Array([1]))).message,
    /differ at \(top\)/,
    "prototypes differ",
  );
  assert.match(thrown(() => check.notEqual(2, 2)).message, /expected a value other than 2/);
  assert.match(thrown(() => check.throws(() => 1)).message, /expected the function to throw/);
  assert.match(
    thrown(() =>
      check.throws(() => {
        throw new Error("x");
      }, /y/),
    ).message,
    /threw `Error: x`, which does not match `\/y\/`/,
  );
  const eq = thrown(() => check.equal(1, 2));
  assert.equal([eq.actual, eq.expected, eq.operator], [1, 2, "equal"]);
});

test("in Chinese, messages pass through the label table (numbers may vary) and the kit's own are Chinese", () => {
  assert.is(
    inChinese(() => thrown(() => check.ok(false, "KL is never negative")).message),
    "KL 散度从不为负",
  );
  assert.is(
    inChinese(() => thrown(() => check.ok(false, "average 0.25")).message),
    "平均值 0.25",
  );
  assert.is(
    inChinese(() => thrown(() => check.equal(1 + 1, 3)).message),
    "应为 3，实际为 2",
  );
  assert.is(
    inChinese(() => thrown(() => check.ok(false, { en: "no", zh: "不对" })).message),
    "不对",
  );
});

test.run();
