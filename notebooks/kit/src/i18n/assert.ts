// Assertions whose messages a reader sees in the notebook's language: the three checks the
// notebooks make (ok, equal, deepEqual) and a few more, with `node:assert/strict`'s semantics,
// no Node built-in (so a notebook runs the same in a page), and messages through the label table.
import { brief } from "../exercises/describe-value";
import { label } from "./labels";
import { msg, type MessageKey, type MessageParams } from "./messages";
import { localize, type Text } from "./text";

/** What a failed assertion throws: the message in the current language, and the values compared. */
export class AssertionError extends Error {
  override readonly name = "AssertionError";
  /** The value the check was given. */
  readonly actual: unknown;
  /** The value it was compared with. */
  readonly expected: unknown;
  /** Which check failed: `"ok"`, `"equal"`, … */
  readonly operator: string;
  constructor(message: string, actual: unknown, expected: unknown, operator: string) {
    super(message);
    this.actual = actual;
    this.expected = expected;
    this.operator = operator;
  }
}

function fail(
  message: Text | undefined,
  key: MessageKey,
  params: MessageParams,
  actual: unknown,
  expected: unknown,
  operator: string,
): never {
  const text =
    message === undefined
      ? localize(msg(key, params))
      : typeof message === "string"
        ? label(message)
        : localize(message);
  throw new AssertionError(text, actual, expected, operator);
}

/** Where two values first differ (a path such as `[2].mu`), or `undefined` when they are deeply equal. */
function firstDifference(
  a: unknown,
  b: unknown,
  path: string,
  seen: Map<object, object>,
): { path: string; actual: unknown; expected: unknown } | undefined {
  if (Object.is(a, b)) return undefined;
  const here = { path: path || "(top)", actual: a, expected: b };
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return here;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return here;
  if (seen.get(a) === b) return undefined;
  seen.set(a, b);
  if (a instanceof Date) return a.getTime() === (b as Date).getTime() ? undefined : here;
  if (a instanceof Map || a instanceof Set) {
    const x = [...a.entries()];
    const y = [...(b as Map<unknown, unknown> | Set<unknown>).entries()];
    if (x.length !== y.length) return here;
    return firstDifference(x, y, path, seen);
  }
  const isList = Array.isArray(a) || ArrayBuffer.isView(a);
  const ka = isList
    ? [...Array((a as ArrayLike<unknown>).length).keys()].map(String)
    : Object.keys(a);
  const kb = isList
    ? [...Array((b as ArrayLike<unknown>).length).keys()].map(String)
    : Object.keys(b);
  if (isList && ka.length !== kb.length)
    return { path: `${path}.length`, actual: ka.length, expected: kb.length };
  for (const k of new Set([...ka, ...kb])) {
    if (!isList && !(k in (b as object)))
      return {
        path: `${path}.${k}`,
        actual: (a as Record<string, unknown>)[k],
        expected: undefined,
      };
    if (!isList && !(k in (a as object)))
      return {
        path: `${path}.${k}`,
        actual: undefined,
        expected: (b as Record<string, unknown>)[k],
      };
    const d = firstDifference(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      isList ? `${path}[${k}]` : `${path}.${k}`,
      seen,
    );
    if (d) return d;
  }
  return undefined;
}

/**
 * The kit's assert: `assert(value, message?)` and `assert.ok`, `equal`, `notEqual`, `deepEqual`,
 * `notDeepEqual`, `throws`, with the semantics of `node:assert/strict` (`equal` is `Object.is`,
 * so NaN equals NaN and 0 is not −0; `deepEqual` compares prototypes, own keys, array and typed
 * array elements, Dates, Maps and Sets). A failure throws {@link AssertionError}; its message is
 * the one given, translated through the course's label table (numbers may vary: `{0}`), or the
 * kit's own in the current language, naming the values and, for `deepEqual`, where they differ.
 */
export interface Assert {
  /** Throws unless `value` is truthy. */
  (value: unknown, message?: Text): asserts value;
  /** Throws unless `value` is truthy. */
  ok(value: unknown, message?: Text): asserts value;
  /** Throws unless `Object.is(actual, expected)`. */
  equal<T>(actual: unknown, expected: T, message?: Text): asserts actual is T;
  /** Throws when `Object.is(actual, expected)`. */
  notEqual(actual: unknown, expected: unknown, message?: Text): void;
  /** Throws unless `actual` and `expected` are deeply and strictly equal. */
  deepEqual<T>(actual: unknown, expected: T, message?: Text): asserts actual is T;
  /** Throws when `actual` and `expected` are deeply and strictly equal. */
  notDeepEqual(actual: unknown, expected: unknown, message?: Text): void;
  /** Throws unless `fn()` throws; with `expected`, an error whose message matches it (RegExp) or that is an instance of it. */
  throws(
    fn: () => unknown,
    expected?: RegExp | (new (...args: never[]) => Error),
    message?: Text,
  ): void;
}

function ok(value: unknown, message?: Text): asserts value {
  if (!value) fail(message, "assert.ok", { actual: brief(value) }, value, true, "ok");
}

/**
 * Assertions for notebooks, with messages in the reader's language (see {@link Assert}).
 * @example
 * import { assert } from "notebook-kit";
 * assert.ok(kl >= 0, "KL is never negative");       // passes, or throws AssertionError("KL 散度从不为负") in Chinese
 * assert.equal(selfInformation(1), 0);               // passes
 * assert.equal(1 + 1, 3);                            // throws AssertionError: expected 3, got 2
 * assert.deepEqual([1, { a: 2 }], [1, { a: 3 }]);    // throws AssertionError: the values differ at [1].a: expected 3, got 2
 */
export const assert: Assert = Object.assign(
  (value: unknown, message?: Text): void => ok(value, message),
  {
    ok,
    equal<T>(actual: unknown, expected: T, message?: Text): asserts actual is T {
      if (!Object.is(actual, expected))
        fail(
          message,
          "assert.equal",
          { actual: brief(actual), expected: brief(expected) },
          actual,
          expected,
          "equal",
        );
    },
    notEqual(actual: unknown, expected: unknown, message?: Text): void {
      if (Object.is(actual, expected))
        fail(
          message,
          "assert.notEqual",
          { expected: brief(expected) },
          actual,
          expected,
          "notEqual",
        );
    },
    deepEqual<T>(actual: unknown, expected: T, message?: Text): asserts actual is T {
      const d = firstDifference(actual, expected, "", new Map());
      if (d)
        fail(
          message,
          "assert.deepEqual",
          { path: d.path, actual: brief(d.actual), expected: brief(d.expected) },
          actual,
          expected,
          "deepEqual",
        );
    },
    notDeepEqual(actual: unknown, expected: unknown, message?: Text): void {
      if (!firstDifference(actual, expected, "", new Map()))
        fail(message, "assert.notDeepEqual", {}, actual, expected, "notDeepEqual");
    },
    throws(
      fn: () => unknown,
      expected?: RegExp | (new (...args: never[]) => Error),
      message?: Text,
    ): void {
      try {
        fn();
      } catch (e) {
        if (expected === undefined) return;
        const matches =
          expected instanceof RegExp
            ? expected.test(e instanceof Error ? e.message : String(e))
            : e instanceof expected;
        if (matches) return;
        fail(
          message,
          "assert.throwsMatch",
          {
            error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
            expected: String(expected instanceof RegExp ? expected : expected.name),
          },
          e,
          expected,
          "throws",
        );
      }
      fail(message, "assert.throws", {}, undefined, expected, "throws");
    },
  },
) as Assert;
