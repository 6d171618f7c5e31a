import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng } from "../../lib/src/distributions/create-rng";
import {
  checkDraws,
  entropyBase,
  frozen,
  inBase,
  paramError,
} from "../../lib/src/distributions/internal";

test("checkDraws accepts non-negative integers with an Rng", () => {
  checkDraws("f", 0, createRng(1));
  checkDraws("f", 10, createRng(1));
});

test("checkDraws rejects a bad n with RangeError and a missing rng with TypeError", () => {
  assert.throws(
    () => checkDraws("f", -1, createRng(1)),
    (e: Error) =>
      e instanceof RangeError && e.message === "f: n = -1 must be a non-negative integer",
  );
  assert.throws(() => checkDraws("f", 2 ** 53, createRng(1)), RangeError);
  assert.throws(
    () => checkDraws("f", 1, null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "f: rng = null is not an Rng (it needs next(), normal() and int(k); use createRng(seed))",
  );
});

test("paramError throws RangeError 'family: name = value must be rule'", () => {
  assert.throws(
    () => paramError("fam", "x", 3, "< 2"),
    (e: Error) => e instanceof RangeError && e.message === "fam: x = 3 must be < 2",
  );
});

test("entropyBase validates base like the information API and inBase converts nats keeping the sign", () => {
  assert.is(entropyBase("f", undefined), 1);
  assert.is(inBase(-2, entropyBase("f", { base: Math.E })), -2);
  assert.is(inBase(Math.LN2, entropyBase("f", { base: 2 })), 1);
  assert.ok(Math.abs(inBase(-Math.LN10, entropyBase("f", { base: 10 })) + 1) < 1e-15);
  for (const b of [1, 0, -2, Infinity, NaN])
    assert.throws(
      () => entropyBase("f", { base: b }),
      (e: Error) => e instanceof RangeError && e.message.startsWith("f: base"),
    );
  assert.throws(
    () => entropyBase("f", { base: "2" } as never),
    (e: Error) => e instanceof TypeError && e.message === 'f: base = "2" is not a number',
  );
  assert.throws(
    () => entropyBase("f", { bas: 2 } as never),
    (e: Error) =>
      e instanceof TypeError && e.message === "f: options.bas = 2 is not an option (known: base)",
  );
});

test("frozen freezes and returns the same object", () => {
  const o = { a: 1 };
  assert.is(frozen(o), o);
  assert.ok(Object.isFrozen(o));
});

test.run();
