import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng } from "../../lib/src/distributions/create-rng";
import { exponential } from "../../lib/src/distributions/exponential";
import { assertUlps, relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py, scipy).
interface Fx {
  logProb: { family: string; params: { rate: number }; x: number; value: number }[];
  entropy: { family: string; params: { rate: number }; value: number }[];
  moments: { family: string; params: { rate: number }; mean: number; variance: number }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, rel = 1e-12): boolean => relClose(a, b, rel);

test("logProb matches scipy stats.expon.logpdf(x, scale=1/rate)", () => {
  const cases = fx.logProb.filter((c) => c.family === "exponential");
  assert.ok(cases.length > 0);
  for (const c of cases) assert.ok(close(exponential(c.params.rate).logProb(c.x), c.value));
});

test("the density is 0 below 0 and exp(logProb) on the support", () => {
  const d = exponential(2);
  assert.is(d.logProb(-1e-9), -Infinity);
  assert.is(d.prob(-3), 0);
  assert.is(d.prob(0), 2);
  assert.ok(close(d.prob(0.7), Math.exp(d.logProb(0.7))));
  assert.is(d.prob(Infinity), 0);
});

test("entropy 1 − log rate, mean and variance match scipy", () => {
  for (const c of fx.entropy.filter((c) => c.family === "exponential"))
    assert.ok(close(exponential(c.params.rate).entropy(), c.value));
  for (const c of fx.moments.filter((c) => c.family === "exponential")) {
    const d = exponential(c.params.rate);
    assert.ok(close(d.mean(), c.mean));
    assert.ok(close(d.variance(), c.variance));
  }
  assert.ok(close(exponential(4).entropy({ base: 2 }), (1 - Math.log(4)) / Math.LN2));
});

test("variance 1/rate² stays within 1 ulp where rate² leaves the normal range (issue 18, overflow inside a finite answer)", () => {
  // mpmath (50 digits) of 1 / rate² on the exact doubles. 1 / (rate * rate) gave 3 ulps off at
  // 7.5e-155 (rate² subnormal) and 0 at 1e160 (rate² overflows).
  assertUlps(exponential(7.5e-155).variance(), 1.7777777777777775e308, 1, "rate 7.5e-155");
  assertUlps(exponential(1.2e-154).variance(), 6.944444444444445e307, 1, "rate 1.2e-154");
  assert.is(exponential(1e160).variance(), 1e-320);
  assert.is(exponential(4.2e161).variance(), 5e-324);
  assert.is(exponential(1e162).variance(), 0); // 1e-324 rounds to 0
  assert.is(exponential(5e-324).variance(), Infinity); // 4e646 overflows
});

test("sample moments are within 4 standard errors of 1/rate and 1/rate² (seeded)", () => {
  const rate = 0.5;
  const n = 100_000;
  const xs = exponential(rate).sample(n, createRng(12));
  let s = 0;
  for (const x of xs) {
    assert.ok(x >= 0);
    s += x;
  }
  const mean = s / n;
  let s2 = 0;
  for (const x of xs) s2 += (x - mean) ** 2;
  const variance = s2 / n;
  assert.ok(Math.abs(mean - 1 / rate) < 4 * Math.sqrt(1 / (rate * rate) / n));
  // μ4 of the exponential is 9/rate⁴, so Var(s²) ≈ (9 − 1)/rate⁴ / n
  assert.ok(Math.abs(variance - 1 / (rate * rate)) < 4 * Math.sqrt(8 / rate ** 4 / n));
});

test("the object names its family and frozen params", () => {
  const d = exponential(3);
  assert.is(d.family, "exponential");
  assert.equal(d.params, { rate: 3 });
  assert.ok(Object.isFrozen(d.params));
});

test("invalid rates throw RangeError naming the family and the value", () => {
  assert.throws(
    () => exponential(0),
    (e: Error) =>
      e instanceof RangeError && e.message === "exponential: rate = 0 must be finite and > 0",
  );
  assert.throws(() => exponential(-2), /exponential: rate = -2/);
  assert.throws(() => exponential(NaN), /exponential: rate = NaN/);
  assert.throws(() => exponential(Infinity), /exponential: rate = Infinity/);
});

test("NaN arguments, bad n, bad rng and bad base throw", () => {
  const d = exponential(1);
  assert.throws(() => d.logProb(NaN), /exponential.logProb: x = NaN/);
  assert.throws(() => d.prob(NaN), /exponential.prob: x = NaN/);
  assert.throws(() => d.sample(-3, createRng(1)), /exponential.sample: n = -3/);
  assert.throws(() => d.sample(3, null as never), TypeError);
  assert.throws(() => d.entropy({ base: 0 }), RangeError);
});

test("prob where rate·x > 708 is the density, not rate times an underflowed exp(−rate·x) (ref6 exp1)", () => {
  // mpmath at 50 digits on the exact doubles (/work/notes/ref6/exp1.py); before: 4.94e-24 (75 % off),
  // 0 and 0. Allowed: 4 ulps times the log density's scale |log rate| + rate·x (exp's condition number)
  const cases: [number, number, number][] = [
    [1e300, 7.45e-298, 2.8223507304717746e-24],
    [1e300, 7.4e-298, 4.1887398800480337e-22],
    [2.0038912864215874e277, 4.382532660576655e-275, 7.9303356267449174e-105],
    [1.237163100299996e30, 6.056476155705962e-28, 4.8099153425157231e-296],
  ];
  for (const [rate, x, exact] of cases) {
    const got = exponential(rate).prob(x);
    const scale = Math.abs(Math.log(rate)) + rate * x;
    assert.ok(
      Math.abs(got - exact) <= 4 * scale * 2 ** -52 * exact,
      `exponential(${rate}).prob(${x}) = ${got}, exact ${exact}`,
    );
  }
});

test("prob up to rate·x = 708 is rate·exp(−rate·x), within 2 ulps (not exp(log rate − rate·x), whose rounded log costs about 100 ulps there)", () => {
  // rate·x exact in each case; mpmath (50 digits): mpf(r)*exp(-mpf(r)*mpf(x))
  assertUlps(exponential(3).prob(200), 7.951189659012933e-261, 2, "rate·x = 600");
  assertUlps(exponential(0.5).prob(1000), 3.562288203370643e-218, 2, "rate·x = 500");
  assertUlps(
    exponential(2).prob(354),
    6.615106007276816e-308,
    2,
    "rate·x = 708 (the last point of this form)",
  );
});

test.run();
