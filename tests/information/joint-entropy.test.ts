import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { entropy, jointEntropy } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, relErr, table } from "./helpers";

test("jointEntropy matches scipy.stats.entropy(pxy.ravel()) on every fixture", () => {
  for (const f of FIXTURES.jointEntropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(jointEntropy(f.pxy, opts), f.expected, 1e-14, f.call);
    close(
      jointEntropy(
        f.pxy.map((r: number[]) => Float64Array.from(r)),
        opts,
      ),
      f.expected,
      1e-14,
      f.call,
    );
  }
});

test("suit and rank of a card from a fair deck have joint entropy log2 52 bits", () => {
  const deck = Array.from({ length: 4 }, () => new Array<number>(13).fill(1 / 52));
  close(jointEntropy(deck, { base: 2 }), Math.log2(52), 1e-15);
});

test("H(X, Y) equals the entropy of the flattened table (property)", () => {
  fc.assert(
    fc.property(table(), (t) => Math.abs(jointEntropy(t) - entropy(t.flat())) <= 1e-13),
    { seed: SEED },
  );
});

test("a ragged table is rejected", () => {
  assert.throws(
    () => jointEntropy([[0.5, 0.25], [0.25]]),
    /pxy\[1\] has 1 entries but pxy\[0\] has 2/,
  );
});

// Reference: the "normalizeExtremes" fixture, the exact normalized value in 50-digit mpmath
// (tests/fixtures/generate_information.py). Before issue 10, [1e308, 1e308] threw an internal
// "invalid input" error and subnormal masses lost their digits.
test("jointEntropy with normalize: true matches the exact value for cells from 5e-324 to 1.7e308", () => {
  for (const f of FIXTURES.normalizeExtremes) {
    // the vector p as a one-row table and as a column: H(X, Y) is the entropy of the cells
    const row = jointEntropy([f.p], { normalize: true });
    const col = jointEntropy(
      f.p.map((v: number) => [v]),
      { normalize: true },
    );
    for (const got of [row, col]) {
      assert.ok(
        relErr(got, f.entropy) <= 3e-15 || Math.abs(got - f.entropy) < 1e-320,
        `jointEntropy(${f.p}) = ${got}, want ${f.entropy}`,
      );
    }
  }
});

test("jointEntropy's errors name the function: a ragged table, and a total off 1 without normalize", () => {
  assert.throws(
    () => jointEntropy([[0.5, 0.25], [0.25]]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "jointEntropy: pxy[1] has 1 entries but pxy[0] has 2",
  );
  // normalize defaults to false: a table summing to 1.1 is refused, not rescaled
  assert.throws(
    () => jointEntropy([[0.5, 0.6]]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "jointEntropy: pxy sums to 1.1, not 1 within tolerance 1e-9 (pass { normalize: true } to rescale)",
  );
});

test("without normalize the cells are taken as given: -Σ p log p of a table summing to 1 + 1e-10", () => {
  // mpmath (50 digits) of -Σ p log p over the doubles 0.5 and 0.5 + 1e-10: 0.69314718052926;
  // rescaled by the total it would be log 2 = 0.6931471805599453 (4e-11 away)
  close(jointEntropy([[0.5, 0.5 + 1e-10]]), 0.69314718052926, 1e-15);
});

test("with normalize, a small H(X, Y) keeps its digits whatever the total: (1/S) Σ p log(S/p), not log S + (1/S)(-Σ p log p)", () => {
  // mpmath (50 digits): H of the cells [1, 1e-12] rescaled by their sum, 2.8631021115900415e-11;
  // the same value for [1e300, 1e288] and [2^90, 2^90·1e-12] (the ratios are the same doubles to
  // 16 digits). log S + cells/S loses about ε·(1 + |log S|) absolute: 2e-6 relative at S ≈ 1 and
  // 1e-3 at S = 1e300.
  const want = 2.8631021115900415e-11;
  close(jointEntropy([[1, 1e-12]], { normalize: true }), want, 1e-14);
  close(jointEntropy([[1e300], [1e288]], { normalize: true }), want, 1e-14);
  close(jointEntropy([[2 ** 90, 2 ** 90 * 1e-12]], { normalize: true }), want, 1e-14);
});

test("with normalize, a table of equal huge cells has the uniform entropy log k: the log S of 690 does not cancel against -Σ p log p / S", () => {
  // k equal cells give p = 1/k exactly, so H = log k; log S + cells/S cancels two terms of about
  // 690 (S ≈ 1e300) and was 5e-14 relative off at k = 3, 3e-14 at k = 5, 4e-14 for 7 cells of 1e200
  for (const [v, k] of [
    [1e300, 3],
    [1e300, 5],
    [1e200, 7],
  ])
    close(
      jointEntropy([new Array<number>(k).fill(v)], { normalize: true }),
      Math.log(k),
      1e-15,
      `${k} × ${v}`,
    );
});

test.run();
