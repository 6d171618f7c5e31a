import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { binaryEntropy, entropy } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close } from "./helpers";

test("binaryEntropy matches scipy.stats.bernoulli(theta).entropy() on every fixture", () => {
  for (const f of FIXTURES.binaryEntropy) {
    close(binaryEntropy(f.theta, { base: baseOpt(f.base) }), f.expected, 1e-13, f.call);
  }
});

test("a fair coin has one bit of entropy, the most any coin has", () => {
  assert.is(binaryEntropy(0.5, { base: 2 }), 1);
  assert.ok(binaryEntropy(0.49, { base: 2 }) < 1);
});

test("a certain coin has no entropy", () => {
  assert.is(binaryEntropy(0), 0);
  assert.is(binaryEntropy(1), 0);
});

test("binaryEntropy(θ) equals entropy([θ, 1 - θ]) and is symmetric in θ (property)", () => {
  fc.assert(
    fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (t) => {
      const h = binaryEntropy(t);
      return (
        Math.abs(h - entropy([t, 1 - t])) <= 1e-14 &&
        Math.abs(h - binaryEntropy(1 - t)) <= 1e-14
      );
    }),
    { seed: SEED },
  );
});

test("tiny θ keeps full relative precision (log1p, not log(1 - θ))", () => {
  // H(θ) ≈ θ(1 - log θ) for small θ; the -(1-θ)log(1-θ) part is θ - θ²/2 + ...
  const t = 1e-12;
  close(binaryEntropy(t), t * (1 - Math.log(t)) - t * t / 2, 1e-13);
});

test.run();
