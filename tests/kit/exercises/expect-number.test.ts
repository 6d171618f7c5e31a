import { test } from "uvu";
import * as assert from "uvu/assert";
import { expectNumber, expectNumbers } from "../../../notebooks/kit/src/exercises/expect-number";
import { ANSWER_KEY, type Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { localize } from "../../../notebooks/kit/src/i18n/text";

const en = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));
const zh = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "zh"));
const kind = (v: Verdict): string => (v.ok ? "correct" : v.kind);

const LN2 = expectNumber(Math.LN2, {
  unit: { en: "nats", zh: "奈特" },
  mistakes: [{ value: 1 / Math.LN2, hint: { en: "inverted", zh: "取反了" } }],
});

test("expectNumber accepts the true value as typed to 3 or more digits, or computed in full", () => {
  for (const v of [0.693, 0.6931, 0.69315, Math.log(2), -Math.log(0.5)])
    assert.is(kind(LN2(v)), "correct", String(v));
});

test("expectNumber says close, with the digits asked for, to an answer right as far as it goes", () => {
  const v = LN2(0.69);
  assert.is(kind(v), "close");
  assert.match(
    en(v),
    /^0\.69 is right as far as its 2 significant digits go; give at least 3\. \(If you typed a final 0/,
  );
  assert.match(zh(v), /^0\.69 的 2 位有效数字都对；请至少给出 3 位。/);
  assert.match(en(LN2(0.7)), /its 1 significant digit goes/);
  assert.match(en(LN2(0.692)), /^the last digit is off/);
  assert.match(en(LN2(0.694)), /^the last digit is off/);
  assert.match(en(expectNumber(0.6037)(0.603)), /cut off, not rounded/);
  assert.match(
    en(expectNumber(1234)(1200)),
    /2 significant digits go; give at least 3\. \(A final 0 of a whole number/,
  );
});

test("expectNumber rejects a value off by more than one in the last digit asked for, with the generic hint", () => {
  for (const v of [0.695, 0.691, 0.8, 0.75, 0]) {
    assert.is(kind(LN2(v)), "wrong", String(v));
    assert.match(en(LN2(v)), /re-read the definition/);
  }
});

test("expectNumber gives a known mistake its hint at the precision typed, in both languages", () => {
  for (const v of [1 / Math.LN2, 1.443, 1.4427, 1.44]) {
    assert.is(kind(LN2(v)), "mistake", String(v));
    assert.is(en(LN2(v)), "inverted");
    assert.is(zh(LN2(v)), "取反了");
  }
  assert.is(kind(LN2(1.4)), "mistake", "a mistake matches with 2 digits too");
});

test("a close answer wins over a mistake that agrees only at the same few digits", () => {
  const check = expectNumber(0.6931, { mistakes: [{ value: 0.69, hint: "m" }] });
  assert.is(kind(check(0.69)), "mistake", "the mistake agrees at 3 digits (0.690)");
  const amb = expectNumber(2.25, { mistakes: [{ value: 2.32, hint: "log2 5" }] });
  assert.is(kind(amb(2.3)), "close", "2.3 could be either: ask for more digits");
});

test("expectNumber tells a sign slip, and how infinities arise, without giving the answer", () => {
  assert.match(en(LN2(-0.693)), /^check the sign\.$/);
  assert.match(en(LN2(Infinity)), /^got `Infinity`: somewhere a log of 0/);
  assert.match(en(LN2(-Infinity)), /^got `-Infinity`/);
  for (const v of [0.5, -0.693, 0.69, 7, Infinity]) {
    assert.not.ok(en(LN2(v)).includes("0.693") || zh(LN2(v)).includes("0.693"), String(v));
  }
});

test("expectNumber: ±Infinity as the answer is right only as itself; 0 is judged by atol", () => {
  assert.is(kind(expectNumber(Infinity)(Infinity)), "correct");
  assert.is(kind(expectNumber(Infinity)(1e308)), "wrong");
  assert.is(kind(expectNumber(-Infinity)(Infinity)), "wrong");
  assert.is(kind(expectNumber(0)(0)), "correct");
  assert.is(kind(expectNumber(0)(-1e-17)), "correct", "a computed 0");
  assert.is(kind(expectNumber(0, { atol: 0 })(1e-17)), "wrong");
  assert.is(kind(expectNumber(0)(0.001)), "wrong");
});

test("expectNumber: negative answers, exponent form and integers", () => {
  const neg = expectNumber(-206.1067);
  assert.is(kind(neg(-206)), "correct");
  assert.is(kind(neg(-206.1)), "correct");
  assert.is(kind(neg(206.1)), "wrong");
  assert.match(en(neg(206.1)), /sign/);
  const small = expectNumber(1.2345e-7);
  assert.is(kind(small(1.23e-7)), "correct");
  assert.is(kind(small(1.2e-7)), "close");
  assert.is(kind(small(1.25e-7)), "wrong");
  const five = expectNumber(5);
  assert.is(kind(five(5)), "correct");
  assert.is(kind(five(4.99)), "close");
  assert.is(kind(five(5.1)), "wrong", "2% off, 2 digits");
});

test("expectNumber({ digits }) asks for that many digits", () => {
  const two = expectNumber(Math.LN2, { digits: 2 });
  assert.is(kind(two(0.69)), "correct");
  assert.is(kind(two(0.7)), "close");
  const five = expectNumber(Math.LN2, { digits: 5 });
  assert.is(kind(five(0.6931)), "close");
  assert.match(en(five(0.6931)), /give at least 5/);
  assert.is(kind(five(0.69315)), "correct");
});

test("expectNumber rejects what is not a number as invalid, and never throws for an answer", () => {
  assert.is(kind(LN2("0.693")), "invalid");
  assert.match(en(LN2("0.693")), /^expected a number, got a string \("0\.693"\)\.$/);
  assert.match(zh(LN2("0.693")), /^应为一个数，得到的是字符串 "0\.693"。$/);
  assert.match(en(LN2(NaN)), /`NaN`/);
  assert.match(en(LN2([1])), /an array of length 1/);
  assert.match(en(LN2({})), /an object/);
  assert.match(en(LN2(() => 1)), /a function/);
});

test("expectNumber says what to enter, with the unit, in both languages; its answer key is not enumerable", () => {
  assert.match(
    localize(LN2.expects!, "en"),
    /^a number in nats, to at least 3 significant digits \(an expression such as `Math\.log\(…\)` is fine\)$/,
  );
  assert.match(localize(LN2.expects!, "zh"), /^一个以奈特为单位的数，至少 3 位有效数字/);
  assert.match(localize(expectNumber(1).expects!, "en"), /^a number, to at least 3/);
  assert.is(
    localize(expectNumber(1, { expects: { en: "a count", zh: "一个计数" } }).expects!, "zh"),
    "一个计数",
  );
  assert.is(LN2[ANSWER_KEY]!.kind, "number");
  assert.not.ok(Object.keys(LN2).includes(String(ANSWER_KEY)));
  assert.not.ok(JSON.stringify(Object.entries(LN2)).includes("0.693"));
});

test("expectNumber throws for a bad expected value or options", () => {
  assert.throws(() => expectNumber(NaN), /expectNumber: expected = NaN is not a number/);
  assert.throws(
    () => expectNumber(1, { digits: 0 }),
    /expectNumber: digits = 0 must be an integer in \[1, 15\]/,
  );
  assert.throws(() => expectNumber(1, { digits: 2.5 }), /digits = 2\.5/);
  assert.throws(() => expectNumber(1, { atol: -1 }), /expectNumber: atol = -1/);
  assert.throws(
    () => expectNumber(1, { mistakes: [{ value: NaN, hint: "x" }] }),
    /a mistake's value is NaN/,
  );
});

test("expectNumbers judges each element at the precision typed, plain or typed arrays", () => {
  const check = expectNumbers([1 / 3, 1 / 6, 1 / 2], {
    mistakes: [{ value: [1 / 3, 1 / 3, 1 / 3], hint: "uniform" }],
  });
  assert.is(kind(check([0.333, 0.167, 0.5])), "correct");
  assert.is(kind(check(Float64Array.of(1 / 3, 1 / 6, 1 / 2))), "correct");
  assert.is(kind(check([0.333, 0.333, 0.333])), "mistake");
  assert.is(en(check([0.333, 0.333, 0.333])), "uniform");
  assert.is(kind(check([0.33, 0.167, 0.5])), "close");
  assert.match(en(check([0.33, 0.167, 0.5])), /^element 0: 0\.33 is right/);
  assert.is(kind(check([0.333, 0.25, 0.5])), "wrong");
  assert.is(
    en(check([0.333, 0.25, 0.5])),
    "re-read the definition in the notebook and recompute step by step.",
  );
  assert.equal(en(check([0.5, 0.5])), "expected 3 numbers, got 2.");
  assert.match(en(check(0.5)), /expected an array of numbers/);
  assert.match(en(check([1, "x", 2])), /element 1 is a string/);
  assert.match(
    localize(check.expects!, "en"),
    /^an array of 3 numbers, each to at least 3 significant digits$/,
  );
});

test("expectNumbers throws for an empty or NaN expected array", () => {
  assert.throws(() => expectNumbers([]), /expected is empty/);
  assert.throws(() => expectNumbers([1, NaN]), /holds NaN/);
});

test.run();
