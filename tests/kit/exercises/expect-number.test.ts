import { test } from "uvu";
import * as assert from "uvu/assert";
import { closeTo, describeValue, expectNumber, expectNumbers } from "../../../notebooks/kit/src/exercises/expect-number";

test("expectNumber accepts the expected value and values within tolerance · max(1, |expected|)", () => {
  const check = expectNumber(0.75);
  assert.equal(check(0.75), { ok: true });
  assert.equal(check(0.75 + 5e-7), { ok: true });
  assert.is(check(0.75 + 2e-6).ok, false);
  const big = expectNumber(-206.1, { tolerance: 1e-6 });
  assert.equal(big(-206.1 + 1e-4), { ok: true }, "relative for large values");
});

test("expectNumber gives a known mistake its own hint and any other wrong value the generic hint", () => {
  const check = expectNumber(2, { hint: "divide by m", mistakes: [{ value: 2.138, hint: "that is Bessel's correction" }] });
  assert.equal(check(2.138), { ok: false, hint: "that is Bessel's correction" });
  assert.equal(check(3), { ok: false, hint: "divide by m" });
});

test("expectNumber rejects non-numbers and NaN with a hint instead of throwing", () => {
  const check = expectNumber(1);
  const s = check("1");
  assert.is(s.ok, false);
  assert.match((s as { hint: string }).hint, /expected a number, got a string \("1"\)/);
  assert.match((check(NaN) as { hint: string }).hint, /NaN/);
  assert.match((check([1]) as { hint: string }).hint, /an array of length 1/);
  assert.match((check({}) as { hint: string }).hint, /an object/);
});

test("expectNumber handles an infinite expected value exactly", () => {
  assert.equal(expectNumber(Infinity)(Infinity), { ok: true });
  assert.is(expectNumber(Infinity)(1e308).ok, false);
});

test("expectNumber throws for a NaN expected value or a bad tolerance", () => {
  assert.throws(() => expectNumber(NaN), /expectNumber: expected = NaN/);
  assert.throws(() => expectNumber(1, { tolerance: -1 }), /expectNumber: tolerance = -1/);
});

test("expectNumbers compares arrays element by element, plain or typed", () => {
  const check = expectNumbers([1 / 3, 1 / 6, 1 / 2], { mistakes: [{ value: [1 / 3, 1 / 3, 1 / 3], hint: "uniform" }] });
  assert.equal(check([1 / 3, 1 / 6, 1 / 2]), { ok: true });
  assert.equal(check(Float64Array.of(1 / 3, 1 / 6, 1 / 2)), { ok: true });
  assert.equal(check([1 / 3, 1 / 3, 1 / 3]), { ok: false, hint: "uniform" });
  assert.equal(check([0.5, 0.5]), { ok: false, hint: "expected 3 numbers, got 2." });
  assert.match((check(0.5) as { hint: string }).hint, /expected an array of numbers/);
  assert.match((check([1, "x", 2]) as { hint: string }).hint, /element 1 is a string/);
});

test("expectNumbers throws for an empty or NaN expected array", () => {
  assert.throws(() => expectNumbers([]), /expected is empty/);
  assert.throws(() => expectNumbers([1, NaN]), /holds NaN/);
});

test("closeTo and describeValue behave as documented", () => {
  assert.ok(closeTo(1, 1 + 1e-7, 1e-6));
  assert.not.ok(closeTo(0, 1e-5, 1e-6));
  assert.is(describeValue(null), "null");
  assert.is(describeValue(true), "boolean true");
});

test.run();
