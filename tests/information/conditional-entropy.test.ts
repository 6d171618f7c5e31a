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

test("conditionalEntropy's errors name the function and the cell; normalize is off by default", () => {
  assert.throws(
    () =>
      conditionalEntropy([
        [0.5, -0.5],
        [0.5, 0.5],
      ]),
    (e: Error) =>
      e instanceof RangeError && e.message === "conditionalEntropy: pxy[0][1] = -0.5 is negative",
  );
  assert.throws(
    () => conditionalEntropy([[0.5, 0.6]]),
    (e: Error) =>
      e instanceof RangeError &&
      e.message ===
        "conditionalEntropy: pxy sums to 1.1, not 1 within tolerance 1e-9 (pass { normalize: true } to rescale)",
  );
});

test("without normalize the cells are taken as given (Σ p log(r/p) of a table summing to 1 + 1e-10); with it, divided by the total", () => {
  // mpmath (50 digits) over the doubles of [[0.5, 0.25], [0.25, 1e-10]]: 0.47738562848506527 as
  // given, 0.4773856284373267 rescaled by the total 1 + 1e-10
  const t = [
    [0.5, 0.25],
    [0.25, 1e-10],
  ];
  close(conditionalEntropy(t), 0.47738562848506527, 1e-15);
  close(conditionalEntropy(t, { normalize: true }), 0.4773856284373267, 1e-15);
});

test("with normalize, H(Y | X) keeps its digits at totals far from 1: a small one, and uniform rows of huge or tiny cells", () => {
  // mpmath (50 digits): 2.8631021115900415e-11 for [[1e300, 1e288], [1e288, 1e300]] rescaled (the
  // cells of the test above, times 1e300)
  close(
    conditionalEntropy(
      [
        [1e300, 1e288],
        [1e288, 1e300],
      ],
      { normalize: true },
    ),
    2.8631021115900415e-11,
    1e-14,
  );
  // rows of k equal cells: Y is uniform given X, H(Y | X) = log k exactly; H(X, Y) − H(X) cancels
  // terms of about 690·S there and was 4e-14 to 9e-14 relative off
  for (const [v, k] of [
    [1e300, 3],
    [1e200, 5],
    [1e-300, 3],
  ]) {
    const row = new Array<number>(k).fill(v);
    close(conditionalEntropy([row, row], { normalize: true }), Math.log(k), 1e-15, `${k} × ${v}`);
  }
});

test.run();
