import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "fs";
import { join } from "path";
import { logFactorial } from "../../lib/src/special/log-factorial";

// mpmath loggamma(k + 1) at 50 digits, from tests/fixtures/generate_special.py.
const fixture = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "special.json"), "utf8")) as {
  logFactorial: { k: number; logFactorial: number }[];
};

/** Distance in units of the last place of the reference. */
function ulps(got: number, want: number): number {
  if (got === want) return 0;
  const ulp = Math.abs(want) === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(want))) - 52);
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

test("logFactorial is exactly the log of small factorials and is increasing across the table/series seam", () => {
  assert.is(logFactorial(0), 0);
  assert.is(logFactorial(1), 0);
  assert.is(logFactorial(5), Math.log(120));
  for (let k = 160; k < 190; k++) assert.ok(logFactorial(k + 1) - logFactorial(k) - Math.log(k + 1) < 1e-12, `k = ${k}`);
});

test("a k whose log-factorial exceeds the largest double gives Infinity, the IEEE value", () => {
  assert.is(logFactorial(Number.MAX_VALUE), Infinity);
});

test("negative, fractional and infinite k are RangeErrors, NaN a RangeError and a string a TypeError, naming the function and the value (shared validator)", () => {
  for (const bad of [-1, 2.5, Infinity]) {
    assert.throws(() => logFactorial(bad), (e: Error) => e instanceof RangeError && e.message === `logFactorial: k = ${bad} must be an integer >= 0`);
  }
  assert.throws(() => logFactorial(NaN), (e: Error) => e instanceof RangeError && e.message === "logFactorial: k = NaN is not a number");
  assert.throws(() => logFactorial("3" as never), (e: Error) => e instanceof TypeError && e.message === 'logFactorial: k = "3" is not a number');
});

test.run();
