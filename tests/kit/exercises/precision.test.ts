// The precision rule of expectNumber, function by function: how many digits String(x) gives,
// when a typed value agrees with the true one, and why one that does not is still close.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  agrees,
  closeness,
  decimalOf,
  EXACT,
} from "../../../notebooks/kit/src/exercises/precision";

test("decimalOf reads the significant digits String(x) gives, an integer's trailing zeros included", () => {
  assert.equal(decimalOf(0.693), { digits: "693", lead: -1, stripped: 3 });
  assert.equal(decimalOf(0.0693), { digits: "693", lead: -2, stripped: 3 });
  assert.equal(
    decimalOf(-2.585),
    { digits: "2585", lead: 0, stripped: 4 },
    "the sign is not a digit",
  );
  assert.equal(decimalOf(1200), { digits: "1200", lead: 3, stripped: 2 });
  assert.equal(decimalOf(1.5e-7), { digits: "15", lead: -7, stripped: 2 }, "exponent form");
  assert.equal(decimalOf(1e21), { digits: "1", lead: 21, stripped: 1 });
  assert.equal(
    decimalOf(0.69),
    { digits: "69", lead: -1, stripped: 2 },
    "0.690 is the number 0.69",
  );
  assert.is(decimalOf(Math.LN2).digits.length, 16);
});

test("decimalOf refuses 0 and non-finite numbers", () => {
  assert.throws(() => decimalOf(0), /decimalOf: x = 0 must be finite and non-zero/);
  assert.throws(() => decimalOf(Infinity), /x = Infinity/);
});

test("agrees: the true value rounded to the digits given, at least minDigits of them", () => {
  assert.ok(agrees(0.693, Math.LN2, 3));
  assert.ok(agrees(0.6931, Math.LN2, 3));
  assert.ok(agrees(Math.LN2, Math.LN2, 3));
  assert.not.ok(agrees(0.69, Math.LN2, 3), "0.69 (= 0.690) is not ln 2 to 3 digits");
  assert.not.ok(agrees(0.692, Math.LN2, 3));
  assert.not.ok(agrees(0.694, Math.LN2, 3));
});

test("agrees: every digit typed counts, beyond the digits asked too (issue 17: rounded to the digits given)", () => {
  // 0.6934 agrees with ln 2 in its first three digits but its 4th is wrong (ln 2 = 0.6931…).
  assert.not.ok(agrees(0.6934, Math.LN2, 3));
  assert.is(closeness(0.6934, Math.LN2, 3), "last");
  assert.not.ok(agrees(-205.6, -206.107, 3), "a wrong 3rd and 4th digit");
  assert.not.ok(agrees(2.5849, Math.log2(6), 3), "log2 6 = 2.58496… rounds to 2.585 at 4 digits");
  assert.ok(agrees(2.585, Math.log2(6), 3));
  assert.ok(agrees(0.69315, Math.LN2, 3), "5 digits, all right");
  assert.not.ok(agrees(0.6939, Math.LN2, 3), "0.6939 rounds to 0.694");
});

test("agrees: fewer digits than asked are read as padded with zeros (JavaScript drops them)", () => {
  assert.ok(agrees(0.69, 0.6903, 3), "typed 0.690");
  assert.not.ok(agrees(0.69, 0.6912, 3));
  assert.ok(agrees(0.5, 0.5, 3), "exact");
  assert.ok(agrees(2, 1.9992, 3), "typed 2.00");
});

test("agrees: integers are right to the units; signs must match; ties either way", () => {
  assert.ok(agrees(100, 100.4, 3));
  assert.not.ok(agrees(100, 100.6, 3));
  assert.ok(agrees(-206, -206.1067, 3));
  assert.not.ok(agrees(206, -206.1067, 3));
  assert.ok(agrees(0.13, 0.125, 2) && agrees(0.12, 0.125, 2), "0.125 at 2 digits: both neighbours");
  assert.ok(agrees(1.23e-7, 1.2345e-7, 3) && !agrees(1.24e-7, 1.2345e-7, 3), "exponent form");
});

test("agrees: floating-point noise is exact; atol decides near 0; infinities only equal themselves", () => {
  assert.ok(
    agrees(0.0016, 1 / (100 * (1 / (0.2 * 0.8))), 3),
    "0.0016 typed for a computed 0.0015999…",
  );
  assert.ok(agrees(1 + 1e-13, 1, 15), `within EXACT = ${EXACT}`);
  assert.not.ok(agrees(1 + 1e-11, 1, 15));
  assert.ok(agrees(1e-17, 0, 3, 1e-12) && !agrees(1e-17, 0, 3), "atol for 0");
  assert.not.ok(agrees(0.001, 0, 3, 1e-12));
  assert.ok(
    agrees(Infinity, Infinity, 3) && !agrees(1e308, Infinity, 3) && !agrees(Infinity, 1e308, 3),
  );
  assert.not.ok(agrees(-Infinity, Infinity, 3));
});

test("closeness: too few digits that agree as far as they go", () => {
  assert.is(closeness(0.7, Math.LN2, 3), "digits");
  assert.is(closeness(0.69, Math.LN2, 3), "digits");
  assert.is(closeness(1200, 1234, 3), "digits", "a whole number's final zeros as place holders");
  assert.is(closeness(0.8, Math.LN2, 3), undefined);
});

test("closeness: a last digit cut off instead of rounded", () => {
  assert.is(closeness(0.603, 0.6037, 3), "truncated");
  assert.is(closeness(-0.603, -0.6037, 3), "truncated");
  assert.is(closeness(0.49, 0.5, 3), undefined, "one whole unit below is not a truncation");
});

test("closeness: one off in the last digit asked for, only when enough digits are given", () => {
  assert.is(closeness(0.692, Math.LN2, 3), "last");
  assert.is(closeness(0.694, Math.LN2, 3), "last");
  assert.is(closeness(0.6939, Math.LN2, 3), "last");
  assert.is(closeness(0.695, Math.LN2, 3), undefined, "two off");
  assert.is(closeness(0.51, 0.5, 3), undefined, "2 digits, 2% off: not close");
  assert.is(closeness(-0.692, Math.LN2, 3), undefined, "the sign differs");
  assert.is(closeness(0, Math.LN2, 3), undefined);
});

test.run();
