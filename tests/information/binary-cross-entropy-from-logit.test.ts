import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { binaryCrossEntropyFromLogit, crossEntropyFromLogits } from "../../lib/src/information";
import { FIXTURES, SEED, close } from "./helpers";
import { assertUlps } from "../helpers/numeric";

test("binaryCrossEntropyFromLogit matches scipy's log_expit form on every fixture (|z| up to 1e4)", () => {
  for (const f of FIXTURES.binaryCrossEntropyFromLogit) {
    close(binaryCrossEntropyFromLogit(f.y, f.z), f.expected, 1e-14, f.call);
  }
});

test("at |z| = 1e4 the loss is finite and exact: 0 when right, |z| when wrong", () => {
  assert.is(binaryCrossEntropyFromLogit(1, 1e4), 0);
  assert.is(binaryCrossEntropyFromLogit(0, -1e4), 0);
  assert.is(binaryCrossEntropyFromLogit(0, 1e4), 1e4);
  assert.is(binaryCrossEntropyFromLogit(1, -1e4), 1e4);
});

test("a zero logit costs log 2 whatever the label", () => {
  assert.is(binaryCrossEntropyFromLogit(1, 0), Math.LN2);
  assert.is(binaryCrossEntropyFromLogit(0.3, 0), Math.LN2);
});

test("it equals the two-class crossEntropyFromLogits with logits [0, z] (property)", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: -50, max: 50, noNaN: true }),
      (y, z) => {
        const a = binaryCrossEntropyFromLogit(y, z);
        const b = crossEntropyFromLogits([1 - y, y], [0, z]);
        return Math.abs(a - b) <= 1e-14 * Math.abs(b); // relative at every magnitude (b can be 1e-22)
      },
    ),
    { seed: SEED },
  );
});

test("a soft label near 1 at a large logit costs (1 − y)·z exactly: max(z, 0) − y·z would cancel (issue 18)", () => {
  // y = 1 − 2^-53, z = 1e160: mpmath gives 2^-53 · 1e160 = 1.1102230246251565e+144 (the old form: 1.4e+144)
  assertUlps(binaryCrossEntropyFromLogit(1 - 2 ** -53, 1e160), 1.1102230246251565e144, 1);
  assertUlps(binaryCrossEntropyFromLogit(2 ** -53, -1e160), 1.1102230246251565e144, 1);
});

test("a soft label at an infinite logit it disagrees with costs Infinity (z = −∞ with y > 0 is not 0)", () => {
  assert.is(binaryCrossEntropyFromLogit(0.3, -Infinity), Infinity);
  assert.is(binaryCrossEntropyFromLogit(0.3, Infinity), Infinity);
  assert.is(binaryCrossEntropyFromLogit(1e-300, -Infinity), Infinity);
  assert.is(binaryCrossEntropyFromLogit(0, -Infinity), 0);
});

test.run();
