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

test.run();
