import { test } from "uvu";
import * as assert from "uvu/assert";
import { entropy, type InfoOptions, type Probabilities } from "../../lib/src/information";
import { DEFAULT_TOLERANCE } from "../../lib/src/information/types";

test("the default tolerance is 1e-9 and scales with max(1, n)", () => {
  assert.is(DEFAULT_TOLERANCE, 1e-9);
  const opts: InfoOptions = {};
  assert.is(entropy([1 + 0.9e-9], opts), 0);
  assert.throws(() => entropy([1 + 1.1e-9], opts), /sums to/);
  // n = 4: the bound is 4e-9
  const p: Probabilities = new Float64Array([0.25, 0.25, 0.25, 0.25 + 3e-9]);
  assert.ok(entropy(p) > 0);
});

test.run();
