import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { crossEntropy, entropy, klDivergence } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, distPair, longSumInputs, relErr } from "./helpers";

test("crossEntropy matches scipy (-xlogy(p, q).sum(), entropy + KL when normalized)", () => {
  for (const f of FIXTURES.crossEntropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(crossEntropy(f.p, f.q, opts), f.expected, 1e-14, f.call);
    close(
      crossEntropy(Float64Array.from(f.p), Float64Array.from(f.q), opts),
      f.expected,
      1e-14,
      f.call,
    );
    close(crossEntropy(Float64Array.from(f.p), f.q, opts), f.expected, 1e-14, f.call);
  }
});

test("coding a fair coin with its own code costs one bit per flip", () => {
  assert.is(crossEntropy([0.5, 0.5], [0.5, 0.5], { base: 2 }), 1);
});

test("coding a fair coin with a 3:1 code costs 1 + KL bits", () => {
  // By hand: -(0.5 log2 0.75 + 0.5 log2 0.25) = 1 + 0.5 log2(4/3) = 1.2075187496394219...
  close(crossEntropy([0.5, 0.5], [0.75, 0.25], { base: 2 }), 2 - 0.5 * Math.log2(3), 1e-15);
});

test("H(P, Q) = H(P) + KL(P || Q) (property)", () => {
  fc.assert(
    fc.property(distPair(), ([p, q]) => {
      const lhs = crossEntropy(p, q);
      const rhs = entropy(p) + klDivergence(p, q);
      if (lhs === Infinity) return rhs === Infinity;
      return Math.abs(lhs - rhs) <= 1e-11 * Math.max(1, lhs);
    }),
    { seed: SEED },
  );
});

test("crossEntropy is at least the entropy of p (Gibbs' inequality, property)", () => {
  fc.assert(
    fc.property(distPair(), ([p, q]) => crossEntropy(p, q) >= entropy(p) - 1e-12),
    { seed: SEED },
  );
});

// Reference: the "normalizeExtremes" fixture, the exact normalized value in 50-digit mpmath
// (tests/fixtures/generate_information.py). Before issue 10, [1e308, 1e308] threw an internal
// "invalid input" error and subnormal masses lost their digits.
test("crossEntropy with normalize: true matches the exact value for masses from 5e-324 to 1.7e308", () => {
  for (const f of FIXTURES.normalizeExtremes) {
    const got = crossEntropy(f.p, f.q, { normalize: true });
    assert.ok(
      relErr(got, f.crossEntropy) <= 3e-15,
      `crossEntropy(${f.p}, ${f.q}) = ${got}, want ${f.crossEntropy}`,
    );
  }
});

test("crossEntropy over 1e7 masses is within 1e-15 relative of the 50-digit mpmath value, a bound a plain loop misses", () => {
  // The bound is tighter than a plain loop's error on the same input (measured here, not assumed):
  // so the blocked, compensated sum is what passes, and dropping its compensation fails.
  const L = FIXTURES.longSums;
  const { p, q } = longSumInputs(L.n);
  const got = crossEntropy(p, q);
  assert.ok(
    relErr(got, L.crossEntropy) <= 1e-15,
    `crossEntropy ${got} vs ${L.crossEntropy50}: ${relErr(got, L.crossEntropy)}`,
  );
  let naive = 0;
  for (let i = 0; i < p.length; i++) naive -= p[i] * Math.log(q[i]);
  assert.ok(
    relErr(naive, L.crossEntropy) > 1e-15,
    `a plain loop is within the bound (${relErr(naive, L.crossEntropy)}): the test would not tell the sums apart`,
  );
});

test("normalize divides by blocked sums, not the pass's plain ones: 1e6 entries 0.1 give ln 1e6 within 1e-15", () => {
  // mpmath: log(10**6) = 13.8155105579642741041…; plain Σp, Σq gave 13.81551055797592 (8.4e-13)
  const p = new Float64Array(1e6).fill(0.1);
  const q = new Float64Array(1e6).fill(0.3);
  const ref = 13.815510557964274104107948728106;
  assert.ok(relErr(crossEntropy(p, p, { normalize: true }), ref) < 1e-15);
  assert.ok(relErr(crossEntropy(p, q, { normalize: true }), ref) < 1e-15);
  assert.ok(relErr(crossEntropy(Array.from(p), Array.from(q), { normalize: true }), ref) < 1e-15);
});

test("crossEntropy with normalize is Infinity where a pᵢ > 0 the precise pass's scale flushes meets qᵢ = 0", () => {
  // Exactly: p₂ = 5e-324 > 0 with q₂ = 0 makes the normalized cross-entropy Infinity (-p₂/Sp · log 0).
  // The precise pass scales p by sumSafeScale(1.7e308, 2) = 1/8, which flushes p₂ to 0; on 5237b10
  // the term was then skipped and the result was 0.
  assert.is(crossEntropy([1.7e308, 5e-324], [1, 0], { normalize: true }), Infinity);
  assert.is(
    crossEntropy(Float64Array.of(1.7e308, 5e-324), Float64Array.of(1, 0), { normalize: true }),
    Infinity,
  );
});

test.run();
