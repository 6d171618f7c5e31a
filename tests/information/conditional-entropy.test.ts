import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { conditionalEntropy, entropy, jointEntropy } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, table } from "./helpers";
import { assertRelClose } from "../helpers/numeric";

test("conditionalEntropy matches scipy H(X,Y) - H(X) on every fixture", () => {
  for (const f of FIXTURES.conditionalEntropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(conditionalEntropy(f.pxy, opts), f.expected, 1e-14, f.call);
  }
});

test("knowing the suit leaves log2 13 bits about the rank of a fair card", () => {
  const deck = Array.from({ length: 4 }, () => new Array<number>(13).fill(1 / 52));
  close(conditionalEntropy(deck, { base: 2 }), Math.log2(13), 1e-15);
});

test("knowing the colour leaves exactly 1 bit about the suit (by hand)", () => {
  // rows: red, black; columns: hearts, diamonds, clubs, spades
  const colourSuit = [
    [0.25, 0.25, 0, 0],
    [0, 0, 0.25, 0.25],
  ];
  assert.is(conditionalEntropy(colourSuit, { base: 2 }), 1);
  // and the suit determines the colour: H(colour | suit) = 0
  const suitColour = [
    [0.25, 0],
    [0.25, 0],
    [0, 0.25],
    [0, 0.25],
  ];
  assert.is(conditionalEntropy(suitColour), 0);
});

test("H(Y | X) = H(X, Y) - H(X) and lies in [0, H(Y)] (property)", () => {
  fc.assert(
    fc.property(table(), (t) => {
      const c = conditionalEntropy(t);
      const hx = entropy(
        t.map((r) => r.reduce((a, b) => a + b, 0)),
        { tolerance: 1e-9 },
      );
      const hy = entropy(t[0].map((_, j) => t.reduce((a, r) => a + r[j], 0)));
      return c >= 0 && c <= hy + 1e-12 && Math.abs(c - (jointEntropy(t) - hx)) <= 1e-12;
    }),
    { seed: SEED },
  );
});

test("when Y is nearly a function of X, H(Y|X) is summed as p log(r/p) (terms >= 0) instead of the cancelling H(X,Y) − H(X)", () => {
  // mpmath (60 digits): 2.8631021115900415e-11 for [[1, 1e-12], [1e-12, 1]] normalized
  assertRelClose(
    conditionalEntropy(
      [
        [1, 1e-12],
        [1e-12, 1],
      ],
      { normalize: true },
    ),
    2.8631021115900415e-11,
    1e-14,
  );
});

test.run();
