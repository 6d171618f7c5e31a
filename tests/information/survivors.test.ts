// Tests written for mutants that survived `npm run mutation -- information` (issue 22): the
// limits and the errors that binaryEntropy, binaryCrossEntropyFromLogit and logSumExp document
// in their doc comments (@throws, @example, "Edge cases"), checked as documented. Each function
// is imported from its own file, so the mutation run's plan ties this file to those three only.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { binaryEntropy } from "../../lib/src/information/binary-entropy";
import { binaryCrossEntropyFromLogit } from "../../lib/src/information/binary-cross-entropy-from-logit";
import { logSumExp } from "../../lib/src/information/log-sum-exp";
import { assertUlps, throwsExactly } from "../helpers/numeric";

test("binaryEntropy rejects θ outside [0, 1] with an error naming the function and the value, and accepts both ends", () => {
  throwsExactly(
    () => binaryEntropy(-0.1),
    RangeError,
    "binaryEntropy: theta = -0.1 is outside [0, 1]",
  );
  throwsExactly(
    () => binaryEntropy(1.5),
    RangeError,
    "binaryEntropy: theta = 1.5 is outside [0, 1]",
  );
  throwsExactly(
    () => binaryEntropy(1 + 2 ** -52),
    RangeError,
    `binaryEntropy: theta = ${1 + 2 ** -52} is outside [0, 1]`,
  );
  throwsExactly(
    () => binaryEntropy(-5e-324),
    RangeError,
    "binaryEntropy: theta = -5e-324 is outside [0, 1]",
  );
  throwsExactly(() => binaryEntropy(NaN), RangeError, "binaryEntropy: theta = NaN is not a number");
  // θ = 0 and θ = 1 are certain coins: 0 · log 0 = 0, in any base.
  assert.is(binaryEntropy(0, { base: 2 }), 0);
  assert.is(binaryEntropy(1, { base: 2 }), 0);
});

test("binaryCrossEntropyFromLogit at infinite logits returns the limits: 0 when the label agrees, Infinity otherwise", () => {
  // σ(+∞) = 1: only y = 1 agrees.
  assert.is(binaryCrossEntropyFromLogit(1, Infinity), 0);
  assert.is(binaryCrossEntropyFromLogit(0, Infinity), Infinity);
  assert.is(binaryCrossEntropyFromLogit(1 - 2 ** -53, Infinity), Infinity);
  // σ(−∞) = 0: only y = 0 agrees.
  assert.is(binaryCrossEntropyFromLogit(0, -Infinity), 0);
  assert.is(binaryCrossEntropyFromLogit(1, -Infinity), Infinity);
  assert.is(binaryCrossEntropyFromLogit(2 ** -1074, -Infinity), Infinity);
});

test("binaryCrossEntropyFromLogit rejects a label outside [0, 1] and a NaN logit, naming the function and the value; y = 0 and y = 1 are labels", () => {
  throwsExactly(
    () => binaryCrossEntropyFromLogit(2, 0),
    RangeError,
    "binaryCrossEntropyFromLogit: y = 2 is outside [0, 1]",
  );
  throwsExactly(
    () => binaryCrossEntropyFromLogit(-0.5, 0),
    RangeError,
    "binaryCrossEntropyFromLogit: y = -0.5 is outside [0, 1]",
  );
  throwsExactly(
    () => binaryCrossEntropyFromLogit(1 + 2 ** -52, 1),
    RangeError,
    `binaryCrossEntropyFromLogit: y = ${1 + 2 ** -52} is outside [0, 1]`,
  );
  throwsExactly(
    () => binaryCrossEntropyFromLogit(-5e-324, 1),
    RangeError,
    "binaryCrossEntropyFromLogit: y = -5e-324 is outside [0, 1]",
  );
  throwsExactly(
    () => binaryCrossEntropyFromLogit(0.5, NaN),
    RangeError,
    "binaryCrossEntropyFromLogit: z = NaN is not a number",
  );
  throwsExactly(
    () => binaryCrossEntropyFromLogit(NaN, 0),
    RangeError,
    "binaryCrossEntropyFromLogit: y = NaN is not a number",
  );
  // At z = 0, σ = ½ and the loss is log 2 for every label (the doc's first example).
  assert.is(binaryCrossEntropyFromLogit(0, 0), Math.LN2);
  assert.is(binaryCrossEntropyFromLogit(1, 0), Math.LN2);
});

test("logSumExp rejects NaN, a non-number and an empty vector, naming the function and the entry", () => {
  throwsExactly(() => logSumExp([1, NaN]), RangeError, "logSumExp: xs[1] = NaN is not a number");
  throwsExactly(() => logSumExp([NaN, 1]), RangeError, "logSumExp: xs[0] = NaN is not a number");
  // NaN after an infinite entry is still found (the doc: "every entry is still checked for NaN").
  throwsExactly(
    () => logSumExp([Infinity, NaN]),
    RangeError,
    "logSumExp: xs[1] = NaN is not a number",
  );
  throwsExactly(
    () => logSumExp(new Float64Array([0, 0, NaN])),
    RangeError,
    "logSumExp: xs[2] = NaN is not a number",
  );
  throwsExactly(
    () => logSumExp([1, "a"] as never),
    TypeError,
    'logSumExp: xs[1] = "a" is not a number',
  );
  throwsExactly(() => logSumExp([]), RangeError, "logSumExp: xs is empty");
});

test("logSumExp of one entry is that entry, and -Infinity entries add nothing", () => {
  // log exp(x) = x exactly: the sum of the other terms is empty (0), and log1p(0) = 0.
  for (const x of [0, -1e300, 1e300, 3.5, -745.2]) assert.is(logSumExp([x]), x);
  assert.is(logSumExp([-Infinity]), -Infinity);
  assert.is(logSumExp([-Infinity, 7, -Infinity]), 7);
  assert.is(logSumExp(new Float64Array([-Infinity, -Infinity, -3])), -3);
});

test("logSumExp does not depend on where the maximum is: max first or max last of 1e5 entries agree to 1 ulp (the compensated sum is accurate to about one ulp)", () => {
  // Entries in (-1, 0) from the golden-ratio sequence (deterministic, no seed needed), and one 0.
  // A sum compensated only on one side of the maximum loses about sqrt(n)·ε there: 3 ulps here.
  const xs = Array.from({ length: 100000 }, (_, i) => -(((i + 1) * 0.6180339887498949) % 1) - 1e-3);
  const first = logSumExp([0, ...xs]);
  const last = logSumExp([...xs, 0]);
  assertUlps(last, first, 1, "max last vs max first");
});

test.run();
