import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "fs";
import { join } from "path";
import { logFactorial } from "../../lib/src/special/log-factorial";
import { ulp } from "../helpers/numeric";

// mpmath loggamma(k + 1) at 50 digits, from tests/fixtures/generate_special.py.
const fixture = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "special.json"), "utf8"),
) as {
  logFactorial: { k: number; logFactorial: number }[];
};

/** Distance in units of the last place of the reference. */
function ulps(got: number, want: number): number {
  if (got === want) return 0;
  const ulp =
    Math.abs(want) === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(want))) - 52);
  return Math.abs(got - want) / ulp;
}

test("logFactorial agrees with mpmath's loggamma(k + 1) within 1 ulp, from 0 to 1e300", () => {
  for (const { k, logFactorial: want } of fixture.logFactorial) {
    if (want === 0) {
      assert.is(logFactorial(k), 0, `k = ${k}`);
      continue;
    }
    const u = ulps(logFactorial(k), want);
    assert.ok(u <= 1, `k = ${k}: ${logFactorial(k)} vs ${want} (${u.toFixed(2)} ulps)`);
  }
  assert.ok(fixture.logFactorial.length > 60);
});

test("logFactorial is exactly the log of small factorials, and across the table/series seam at 170 each step ln(k+1)! − ln k! is ln(k+1) to 3 ulps", () => {
  assert.is(logFactorial(0), 0);
  assert.is(logFactorial(1), 0);
  assert.is(logFactorial(5), Math.log(120));
  // each side is within 1 ulp (previous test), so their difference is within 2 ulps of ln(k+1)!
  // plus ln's own rounding: a jump at the seam of more than that fails in either direction
  for (let k = 160; k < 190; k++) {
    const step = logFactorial(k + 1) - logFactorial(k);
    assert.ok(step > 0, `k = ${k}: not increasing`);
    assert.ok(
      Math.abs(step - Math.log(k + 1)) <= 3 * ulp(logFactorial(k + 1)),
      `k = ${k}: step ${step} vs ln(k + 1) = ${Math.log(k + 1)}`,
    );
  }
});

test("a k whose log-factorial exceeds the largest double gives Infinity, the IEEE value", () => {
  assert.is(logFactorial(Number.MAX_VALUE), Infinity);
});

test("negative, fractional and infinite k are RangeErrors, NaN a RangeError and a string a TypeError, naming the function and the value (shared validator)", () => {
  for (const bad of [-1, 2.5, Infinity]) {
    assert.throws(
      () => logFactorial(bad),
      (e: Error) =>
        e instanceof RangeError && e.message === `logFactorial: k = ${bad} must be an integer >= 0`,
    );
  }
  assert.throws(
    () => logFactorial(NaN),
    (e: Error) => e instanceof RangeError && e.message === "logFactorial: k = NaN is not a number",
  );
  assert.throws(
    () => logFactorial("3" as never),
    (e: Error) => e instanceof TypeError && e.message === 'logFactorial: k = "3" is not a number',
  );
});

test.run();
