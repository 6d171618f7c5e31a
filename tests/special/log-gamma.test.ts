import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "fs";
import { join } from "path";
import { logGamma } from "../../lib/src/special/log-gamma";
import { logFactorial } from "../../lib/src/special/log-factorial";

// mpmath loggamma(x) at 50 digits on a fixed grid and 120 seeded points (tests/fixtures/generate_special.py).
const fixture = JSON.parse(
  readFileSync(join(__dirname, "..", "fixtures", "special.json"), "utf8"),
) as {
  logGamma: { x: number; logGamma: number }[];
};

function ulps(got: number, want: number): number {
  if (got === want) return 0;
  return Math.abs(got - want) / 2 ** (Math.floor(Math.log2(Math.abs(want))) - 52);
}

test("logGamma agrees with mpmath within 3 ulps from 5e-324 to 2e305, its zeros at 1 and 2 included", () => {
  assert.ok(fixture.logGamma.length > 150);
  for (const { x, logGamma: want } of fixture.logGamma) {
    if (want === 0) {
      assert.is(logGamma(x), 0, `x = ${x}`);
      continue;
    }
    const u = ulps(logGamma(x), want);
    assert.ok(u <= 3, `x = ${x}: ${logGamma(x)} vs ${want} (${u.toFixed(1)} ulps)`);
  }
});

test("logGamma keeps its relative accuracy right next to the zeros at 1 and 2, where cancellation would ruin it", () => {
  // ln Γ(1 + z) = −γz + O(z²) and ln Γ(2 + z) = (1 − γ)z + O(z²)
  const gamma = 0.5772156649015329;
  for (const dz of [1e-9, -1e-9, 1e-12]) {
    const z1 = 1 + dz - 1; // the offset the double 1 + dz really has (exact by Sterbenz)
    const z2 = 2 + dz - 2;
    assert.ok(Math.abs(logGamma(1 + dz) / (-gamma * z1) - 1) < 1e-8, `1 + ${dz}`);
    assert.ok(Math.abs(logGamma(2 + dz) / ((1 - gamma) * z2) - 1) < 1e-8, `2 + ${dz}`);
  }
});

test("logGamma(k + 1) equals logFactorial(k) at the integers, within one ulp", () => {
  for (const k of [0, 1, 2, 5, 10, 11, 12, 20, 100, 170, 171, 1000, 1e6]) {
    assert.ok(
      ulps(logGamma(k + 1), logFactorial(k)) <= 1 ||
        (logFactorial(k) === 0 && logGamma(k + 1) === 0),
      `k = ${k}`,
    );
  }
});

test("the limits are IEEE values: logGamma(0) = logGamma(Infinity) = Infinity, and overflow gives Infinity", () => {
  assert.is(logGamma(0), Infinity);
  assert.is(logGamma(Infinity), Infinity);
  assert.is(logGamma(Number.MAX_VALUE), Infinity);
  assert.ok(Number.isFinite(logGamma(2e305)));
});

test("negative numbers and NaN are RangeErrors, non-numbers TypeErrors, each naming the function and the value", () => {
  assert.throws(
    () => logGamma(-1),
    (e: Error) => e instanceof RangeError && e.message === "logGamma: x = -1 is not a number ≥ 0",
  );
  assert.throws(
    () => logGamma(NaN),
    (e: Error) => e instanceof RangeError && /logGamma: x = NaN/.test(e.message),
  );
  assert.throws(
    () => logGamma("2" as unknown as number),
    (e: Error) => e instanceof TypeError && e.message === 'logGamma: x = "2" is not a number',
  );
});

test.run();
