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

test("softmax gives a term whose zᵢ − max is −Infinity probability 0, not NaN, beside finite terms", () => {
  // the hot loop leaves out expShifted's guard for a 0 term (its r is NaN there) and redoes the
  // terms when the sum comes out NaN; reference: mpmath, 1/(1 + e^-1) and e^-1/(1 + e^-1)
  const out = softmax([0, -Infinity, -1]);
  assertUlps(out[0], 0.7310585786300049, 1, "softmax([0, -Infinity, -1])[0]");
  assert.is(out[1], 0);
  assertUlps(out[2], 0.2689414213699951, 1, "softmax([0, -Infinity, -1])[2]");
  // zᵢ − max overflows to −Infinity: exp(−2e308) is 0, and exp(−5e307) too
  assert.equal(Array.from(softmax([-1e308, 1e308, 5e307])), [0, 1, 0]);
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
