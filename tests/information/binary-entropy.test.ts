import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { binaryEntropy, entropy } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt } from "./helpers";
import { assertUlps } from "../helpers/numeric";

test("binaryEntropy is within 4 ulps of 50-digit mpmath on every fixture (scipy's own value at θ = 1e-12 is 7.7e-7 off)", () => {
  for (const f of FIXTURES.binaryEntropy) {
    assertUlps(binaryEntropy(f.theta, { base: baseOpt(f.base) }), f.expected, 4, f.call);
  }
  const tiny = FIXTURES.binaryEntropy.find(
    (f: { theta: number; base: null }) => f.theta === 1e-12 && f.base === null,
  );
  assert.ok(
    Math.abs(tiny.scipy - tiny.expected) > 1e-7 * tiny.expected,
    "scipy is not the referee here: it forms 1 − θ before the log",
  );
});

test("a fair coin has one bit of entropy, the most any coin has", () => {
  assert.is(binaryEntropy(0.5, { base: 2 }), 1);
  assert.ok(binaryEntropy(0.49, { base: 2 }) < 1);
});

test("a certain coin has no entropy", () => {
  assert.is(binaryEntropy(0), 0);
  assert.is(binaryEntropy(1), 0);
});

test("binaryEntropy(θ) equals entropy([θ, 1 - θ]) and binaryEntropy(1 − θ) to 1e-14 absolute (property: 1 − θ is rounded before either sees it)", () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => {
      const h = binaryEntropy(t);
      // absolute on purpose: the rounding of 1 − θ moves both sides by up to ε·|log θ|·θ-ish amounts
      return (
        Math.abs(h - entropy([t, 1 - t])) <= 1e-14 && Math.abs(h - binaryEntropy(1 - t)) <= 1e-14
      );
    }),
    { seed: SEED },
  );
});

test("tiny θ keeps full relative precision (log1p, not log(1 - θ)): within 2 ulps of mpmath at θ = 1e-12, 1e-200 and 2^-1074", () => {
  // log(1 − θ) of a rounded 1 − θ is off by 9e-5 relative at θ = 1e-12, and by 100% below 1e-16
  for (const [t, exact] of [
    [1e-12, 2.8631021115928048e-11], // mpmath: -t log t - (1 - t) log1p(-t), 50 digits
    [1e-200, 4.6151701859880915e-198],
    [5e-324, 3.68e-321], // subnormal: ulps of 5e-324
  ])
    assertUlps(binaryEntropy(t), exact, 2, `θ = ${t}`);
});

test.run();
