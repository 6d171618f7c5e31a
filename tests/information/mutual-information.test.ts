import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import {
  conditionalEntropy,
  entropy,
  jointEntropy,
  mutualInformation,
} from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, table } from "./helpers";
import { assertRelClose } from "../helpers/numeric";

test("mutualInformation matches scipy KL(pxy || px ⊗ py) on every fixture", () => {
  for (const f of FIXTURES.mutualInformation) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(mutualInformation(f.pxy, opts), f.expected, 1e-14, f.call);
  }
});

test("suit and rank of a fair card are independent: no mutual information", () => {
  const deck = Array.from({ length: 4 }, () => new Array<number>(13).fill(1 / 52));
  close(mutualInformation(deck), 0, 1e-15);
});

test("colour and suit of a fair card share exactly 1 bit", () => {
  close(
    mutualInformation(
      [
        [0.25, 0.25, 0, 0],
        [0, 0, 0.25, 0.25],
      ],
      { base: 2 },
    ),
    1,
    1e-15,
  );
});

test("MI >= 0 and MI = H(X) + H(Y) - H(X,Y) = H(Y) - H(Y|X) (property)", () => {
  fc.assert(
    fc.property(table(), (t) => {
      const mi = mutualInformation(t);
      const hx = entropy(t.map((r) => r.reduce((a, b) => a + b, 0)));
      const hy = entropy(t[0].map((_, j) => t.reduce((a, r) => a + r[j], 0)));
      const hxy = jointEntropy(t);
      const tol = 1e-12;
      return (
        mi >= 0 &&
        Math.abs(mi - Math.max(0, hx + hy - hxy)) <= tol &&
        Math.abs(mi - Math.max(0, hy - conditionalEntropy(t))) <= tol
      );
    }),
    { seed: SEED },
  );
});

test("a table with one row carries no information about Y", () => {
  assert.is(mutualInformation([[0.2, 0.3, 0.5]]), 0);
});

test("near independence (cells within 2^-40 of r·c) MI is computed as a KL, keeping full precision where H(X) + H(Y) − H(X, Y) cancels", () => {
  const k = 2 ** -40;
  const t = [
    [0.125 * (1 + k), 0.375 * (1 - k)],
    [0.125 * (1 - k), 0.375 * (1 + k)],
  ];
  // mpmath (60 digits), normalized: 3.101927297073854e-25
  assertRelClose(mutualInformation(t, { normalize: true }), 3.101927297073854e-25, 1e-14);
});

test.run();
