import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { softmax } from "../../lib/src/information";
import { FIXTURES, SEED } from "./helpers";
import { assertUlps } from "../helpers/numeric";

test("softmax is within 4 ulps of the 50-digit mpmath softmax on every fixture", () => {
  for (const f of FIXTURES.softmax) {
    const out = softmax(f.logits);
    assert.ok(out instanceof Float64Array);
    f.expected.forEach((e: number, i: number) => assertUlps(out[i], e, 4, `${f.call}[${i}]`));
  }
});

test("softmax of huge equal logits is uniform, and -Infinity gets probability 0", () => {
  assert.equal(Array.from(softmax([1000, 1000])), [0.5, 0.5]);
  assert.equal(Array.from(softmax(new Float64Array([0, -Infinity]))), [1, 0]);
});

test("softmax sums to 1 with entries in [0, 1] (property)", () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -800, max: 800, noNaN: true }), { minLength: 1, maxLength: 60 }),
      (z) => {
        const s = softmax(z);
        let t = 0;
        for (const v of s) {
          if (!(v >= 0 && v <= 1)) return false;
          t += v;
        }
        return Math.abs(t - 1) <= 1e-14 * z.length;
      },
    ),
    { seed: SEED },
  );
});

test.run();
