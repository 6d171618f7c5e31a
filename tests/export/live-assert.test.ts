// The page's node:assert against Node's: the same values pass and fail.
import { test } from "uvu";
import * as assert from "uvu/assert";
import nodeStrict from "assert/strict";
import nodeLegacy from "assert";
import fc from "fast-check";
import { AssertionError, legacyAssert, strictAssert } from "../../scripts/export/live/page/assert";

const outcome = (f: () => unknown): string => {
  try {
    f();
    return "pass";
  } catch (e) {
    return (e as { code?: string }).code === "ERR_ASSERTION"
      ? "assertion"
      : `other: ${(e as Error).name}`;
  }
};

class Point {
  constructor(public x: number) {}
}
const VALUES: unknown[] = [
  0,
  -0,
  1,
  NaN,
  Infinity,
  "1",
  "",
  null,
  undefined,
  true,
  false,
  1n,
  [],
  [0],
  [-0],
  [1, 2],
  [1, [2, 3]],
  {},
  { a: 1 },
  { a: 1, b: undefined },
  { a: [1, { b: NaN }] },
  new Float64Array([1, 2]),
  new Float32Array([1, 2]),
  [1, 2, 3].map(Number),
  new Map([["a", 1]]),
  new Map([["a", 2]]),
  new Set([1, 2]),
  new Set([2, 1]),
  new Set([{ a: 1 }]),
  new Set([{ a: 1 }]),
  new Date(0),
  new Date(1),
  /a/g,
  /a/i,
  new Point(1),
  { x: 1 },
  Object.create(null),
  new Number(1),
  new String("1"),
  [undefined],
  [,], // eslint-disable-line no-sparse-arrays
];

const STRICT = [
  "equal",
  "notEqual",
  "deepEqual",
  "notDeepEqual",
  "strictEqual",
  "notStrictEqual",
  "deepStrictEqual",
  "notDeepStrictEqual",
] as const;
const LEGACY = [
  "equal",
  "notEqual",
  "strictEqual",
  "notStrictEqual",
  "deepStrictEqual",
  "notDeepStrictEqual",
] as const;

test("every pair of the corpus passes or fails the page's strict assertions exactly as under node:assert/strict", () => {
  const bad: string[] = [];
  for (const a of VALUES)
    for (const b of VALUES)
      for (const fn of STRICT) {
        const want = outcome(() =>
          (nodeStrict as unknown as Record<string, (x: unknown, y: unknown) => void>)[fn](a, b),
        );
        const got = outcome(() =>
          (strictAssert as unknown as Record<string, (x: unknown, y: unknown) => void>)[fn](a, b),
        );
        if (want !== got) bad.push(`${fn}(${String(a)}, ${String(b)}): node ${want}, page ${got}`);
      }
  assert.equal(bad.slice(0, 10), [], `${bad.length} disagreements`);
});

test("the legacy module (node:assert) agrees too where its rules are not loose-deep", () => {
  const bad: string[] = [];
  for (const a of VALUES)
    for (const b of VALUES)
      for (const fn of LEGACY) {
        const want = outcome(() =>
          (nodeLegacy as unknown as Record<string, (x: unknown, y: unknown) => void>)[fn](a, b),
        );
        const got = outcome(() =>
          (legacyAssert as unknown as Record<string, (x: unknown, y: unknown) => void>)[fn](a, b),
        );
        if (want !== got) bad.push(`${fn}(${String(a)}, ${String(b)}): node ${want}, page ${got}`);
      }
  assert.equal(bad.slice(0, 10), [], `${bad.length} disagreements`);
});

test("random JSON-like pairs (and a value against its own copy) agree on deepStrictEqual (seeded)", () => {
  const v = fc.jsonValue({ maxDepth: 3 });
  fc.assert(
    fc.property(v, v, (a, b) => {
      const copy = JSON.parse(JSON.stringify(a) ?? "null");
      return (
        outcome(() => nodeStrict.deepStrictEqual(a, b)) ===
          outcome(() => strictAssert.deepStrictEqual(a, b)) &&
        outcome(() => nodeStrict.deepStrictEqual(a, copy)) ===
          outcome(() => strictAssert.deepStrictEqual(a, copy))
      );
    }),
    { seed: 23, numRuns: 2000 },
  );
});

test("ok, the callable module, throws, match and fail behave as Node's", () => {
  const cases: [string, (m: typeof strictAssert) => unknown][] = [
    ["ok(0)", (m) => m.ok(0)],
    ["ok(1)", (m) => m.ok(1)],
    ["module(false)", (m) => m(false)],
    ["module('x')", (m) => m("x")],
    ["throws no error", (m) => m.throws(() => 1)],
    [
      "throws any",
      (m) =>
        m.throws(() => {
          throw new Error("x");
        }),
    ],
    [
      "throws regexp hit",
      (m) =>
        m.throws(() => {
          throw new RangeError("bad 3");
        }, /RangeError: bad/),
    ],
    [
      "throws regexp miss",
      (m) =>
        m.throws(() => {
          throw new Error("x");
        }, /y/),
    ],
    [
      "throws class hit",
      (m) =>
        m.throws(() => {
          throw new RangeError("x");
        }, RangeError),
    ],
    [
      "throws class miss",
      (m) =>
        m.throws(() => {
          throw new Error("x");
        }, RangeError),
    ],
    [
      "throws object",
      (m) =>
        m.throws(
          () => {
            throw new Error("bad 7");
          },
          { message: /bad \d/ },
        ),
    ],
    [
      "throws object miss",
      (m) =>
        m.throws(
          () => {
            throw new Error("bad");
          },
          { message: "good" },
        ),
    ],
    [
      "throws validator",
      (m) =>
        m.throws(
          () => {
            throw new Error("x");
          },
          (e: unknown) => e instanceof Error,
        ),
    ],
    [
      "doesNotThrow",
      (m) =>
        m.doesNotThrow(() => {
          throw new Error("x");
        }),
    ],
    ["match", (m) => m.match("abc", /b/)],
    ["match miss", (m) => m.match("abc", /d/)],
    ["doesNotMatch", (m) => m.doesNotMatch("abc", /b/)],
    ["fail", (m) => m.fail("boom")],
    ["ifError(null)", (m) => m.ifError(null)],
  ];
  for (const [name, f] of cases)
    assert.is(
      outcome(() => f(strictAssert)),
      outcome(() => f(nodeStrict as unknown as typeof strictAssert)),
      name,
    );
});

test("a failed assertion is an AssertionError with Node's code, operator, and the message the notebook gave", () => {
  try {
    strictAssert.ok(false, "argmax at θ = 0.62");
    assert.unreachable();
  } catch (e) {
    assert.instance(e, AssertionError);
    assert.is((e as AssertionError).code, "ERR_ASSERTION");
    assert.is((e as Error).message, "argmax at θ = 0.62");
  }
  try {
    strictAssert.equal(1, 2);
  } catch (e) {
    assert.is((e as Error).message.split("\n")[0], "Expected values to be strictly equal:");
    assert.is((e as AssertionError).operator, "strictEqual");
  }
  assert.is(strictAssert.strict, strictAssert);
  assert.is(legacyAssert.strict, strictAssert);
});

test.run();
