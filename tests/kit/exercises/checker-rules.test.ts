// Rules of the number and choice checkers, the precision rule and makeChecker that their other
// tests left unchecked (issue 22's mutation run of the answer checker changed each of them
// without a failing test). Expected values follow the doc comments of expectNumber,
// expectNumbers, agrees, closeness, makeChecker and brief, and the message table
// (notebooks/kit/src/i18n/messages.ts); the boundary cases are exact in binary floating point
// (checked in each test where it matters).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { expectNumber, expectNumbers } from "../../../notebooks/kit/src/exercises/expect-number";
import { expectChoice } from "../../../notebooks/kit/src/exercises/expect-choice";
import { agrees, closeness, EXACT } from "../../../notebooks/kit/src/exercises/precision";
import { ANSWER_KEY, type Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { brief } from "../../../notebooks/kit/src/exercises/describe-value";
import { localize } from "../../../notebooks/kit/src/i18n/text";

const en = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));
const kind = (v: Verdict): string => (v.ok ? "correct" : v.kind);

test("digits may be 1 to 15, and atol any finite value >= 0; the error names the function", () => {
  for (const digits of [1, 15]) {
    assert.ok(expectNumber(0.5, { digits })(0.5).ok, `expectNumber digits ${digits}`);
    assert.ok(expectNumbers([0.5], { digits })([0.5]).ok, `expectNumbers digits ${digits}`);
  }
  assert.throws(
    () => expectNumber(1, { digits: 16 }),
    /expectNumber: digits = 16 must be an integer in \[1, 15\]/,
  );
  assert.throws(() => expectNumber(1, { digits: 0 }), /expectNumber: digits = 0/);
  assert.throws(
    () => expectNumbers([1], { digits: 0 }),
    /^expectNumbers: digits = 0 must be an integer/,
  );
  assert.throws(
    () => expectNumbers([1], { atol: -1 }),
    /^expectNumbers: atol = -1 must be finite and >= 0/,
  );
  assert.throws(
    () => expectNumber(1, { atol: Infinity }),
    /expectNumber: atol = Infinity must be finite and >= 0/,
  );
  assert.ok(expectNumber(1, { atol: 0 })(1).ok);
});

test("expectNumber refuses an expected value that is not a number, also a numeric string", () => {
  assert.throws(
    () => expectNumber("0.5" as unknown as number),
    (e: Error) =>
      e instanceof RangeError && e.message === "expectNumber: expected = 0.5 is not a number",
  );
});

test("NaN is an invalid answer with its own hint, not an infinite one", () => {
  const v = expectNumber(0.5)(NaN);
  assert.is(kind(v), "invalid");
  assert.is(
    en(v),
    "got `NaN`: somewhere a 0/0, a log of a negative number or an undefined value crept in.",
  );
});

test("a close integer with too few digits gets no note about a dropped final 0 (there is no decimal point to drop it after)", () => {
  const v = expectNumber(7.3)(7);
  assert.is(kind(v), "close");
  assert.is(en(v), "7 is right as far as its 1 significant digit goes; give at least 3.");
  // with a decimal point, the note is there
  assert.match(
    en(expectNumber(0.6903, { digits: 4 })(0.69)),
    /If you typed a final 0, JavaScript dropped it/,
  );
});

test("expectNumbers names the first WRONG element and its own hint, past a close one before it", () => {
  const v = expectNumbers([1.234, 2])([1.2, -2]);
  assert.is(kind(v), "wrong");
  assert.is(en(v), "element 1: check the sign.");
});

test("an array mistake matches only an answer of its own length", () => {
  const check = expectNumbers([1, 2], { mistakes: [{ value: [5, 6, 7], hint: "three" }] });
  assert.is(kind(check([5, 6])), "wrong");
  assert.is(
    en(check([5, 6])),
    "re-read the definition in the notebook and recompute step by step.",
  );
});

test("the answer key of expectNumbers holds the expected values (a copy)", () => {
  const expected = [1, 2];
  const check = expectNumbers(expected);
  expected[0] = 9;
  assert.equal((check[ANSWER_KEY] as { value: readonly number[] } | undefined)?.value, [1, 2]);
});

test("the answer key is not enumerable; the what-to-enter phrase is an enumerable own property", () => {
  const check = expectNumber(1);
  assert.is(Object.getOwnPropertyDescriptor(check, ANSWER_KEY)?.enumerable, false);
  assert.equal(
    Object.getOwnPropertySymbols(check).filter((s) => check.propertyIsEnumerable(s)),
    [],
  );
  assert.ok(check.propertyIsEnumerable("expects"));
  const fixed = expectChoice("a", { expects: "a letter" });
  assert.ok(fixed.propertyIsEnumerable("expects"));
  assert.is(fixed.expects, "a letter");
});

test("agrees: |x − target| <= atol and <= EXACT·|target| agree at the bound itself", () => {
  // 0.5 − 0.25 = 0.25 exactly; 0.5 is not 0.25 to any digits
  assert.is(agrees(0.5, 0.25, 3, 0.25), true);
  assert.is(agrees(0.5, 0.25, 3, 0.2499), false);
  // 1e12 + 1 − 1e12 = 1 = EXACT · 1e12 exactly, while 13 digits of 1000000000001 do not round to 1e12
  assert.is(EXACT * 1e12, 1);
  assert.is(agrees(1e12 + 1, 1e12, 3), true);
  assert.is(agrees(1e12 + 2, 1e12, 3), false);
});

test("closeness: an integer's place-holding zeros make it 'last', not 'digits'; a value with more digits than asked is not 'truncated'; 1.5 units is not close", () => {
  // 1200 has 4 digits (2 without its final zeros, as many as asked): one off in the 2nd digit
  assert.is(closeness(1200, 1234, 2), "last");
  // 0.6047 cuts 0.60477 off, but gives 4 digits where 3 were asked: within 1.5 units of the 3rd
  assert.is(closeness(0.6047, 0.60477, 3), "last");
  assert.is(closeness(0.604, 0.6047, 3), "truncated");
  // |0.5 − 0.65| = 0.15000000000000002 = 1.5 · 0.1 exactly: the bound is strict
  assert.is(Math.abs(0.5 - 0.65), 1.5 * 0.1);
  assert.is(closeness(0.5, 0.65, 1), undefined);
  assert.is(closeness(0.5, 0.6499, 1), "last");
  // the same at 10^5 (integers, exact): 350000 is 1.5 units of the 1st digit from 200000
  assert.is(closeness(200000, 350000, 1), undefined);
  assert.is(closeness(200000, 349999, 1), "last");
  // 0 is never close (it has no digits), also to 0
  assert.is(closeness(0, 0, 3), undefined);
  assert.is(closeness(0, 1e-300, 3), undefined);
});

test("the Chinese list of choices is separated by the enumeration comma 、", () => {
  const check = expectChoice("a", { choices: ["a", "b", "c"] });
  const v = check("d");
  assert.is(kind(v), "invalid");
  assert.is(v.ok ? "" : localize(v.hint, "zh"), '请从 `"a"`、`"b"`、`"c"` 中选一个。');
  assert.is(en(v), 'choose one of `"a"`, `"b"`, `"c"`.');
});

test("brief opens two levels of objects, counted also through arrays", () => {
  assert.is(brief([{ a: { b: 1 } }]), "[{ a: [object Object] }]");
  assert.is(brief([[{ a: 1 }]]), "[[[object Object]]]");
  assert.is(brief({ a: [{ b: 1 }] }), "{ a: [[object Object]] }");
});

test.run();
