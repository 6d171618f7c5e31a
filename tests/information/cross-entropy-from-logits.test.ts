import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { crossEntropy, crossEntropyFromLogits, softmax } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, dist } from "./helpers";

test("crossEntropyFromLogits matches -(p * scipy.special.log_softmax(z)).sum() on every fixture", () => {
  for (const f of FIXTURES.crossEntropyFromLogits) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(crossEntropyFromLogits(f.p, f.logits, opts), f.expected, 1e-12, f.call);
    close(crossEntropyFromLogits(Float64Array.from(f.p), Float64Array.from(f.logits), opts), f.expected, 1e-12, f.call);
    close(crossEntropyFromLogits(Float64Array.from(f.p), f.logits, opts), f.expected, 1e-12, f.call);
  }
});

test("equal logits cost one bit for a two-class target", () => {
  assert.is(crossEntropyFromLogits([0, 1], [0, 0], { base: 2 }), 1);
});

test("a logit far below the others gives a finite loss where softmax underflows", () => {
  assert.is(crossEntropyFromLogits([1, 0], [0, 2000]), 2000);
  assert.is(crossEntropy([1, 0], softmax([0, 2000])), Infinity);
});

test("crossEntropyFromLogits(p, z) = crossEntropy(p, softmax(z)) for moderate logits (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }).chain((n) =>
        fc.tuple(dist(n), fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: n, maxLength: n })),
      ),
      ([p, z]) => {
        const a = crossEntropyFromLogits(p, z);
        const b = crossEntropy(p, softmax(z), { tolerance: 1e-9 });
        return Math.abs(a - b) <= 1e-11 * Math.max(1, b);
      },
    ),
    { seed: SEED },
  );
});

test.run();
