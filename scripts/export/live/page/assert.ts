// `node:assert/strict` (and `node:assert`) for notebook cells run in a page: the same
// functions with the same pass/fail rules as Node's (strict: Object.is and strict deep
// equality), an AssertionError with Node's `code`, `actual`, `expected` and `operator`, and
// messages that start as Node's do. Node reads a failing `assert.ok`'s source to quote it; a
// page cannot, so that message quotes the value instead. Checked against node:assert by
// tests/export/live-assert.test.ts.
import { inspect } from "./inspect";

/** The error every failed assertion throws (Node's `assert.AssertionError`). */
export class AssertionError extends Error {
  readonly code = "ERR_ASSERTION";
  readonly actual: unknown;
  readonly expected: unknown;
  readonly operator: string;
  readonly generatedMessage: boolean;
  constructor(options: {
    message?: string;
    actual?: unknown;
    expected?: unknown;
    operator?: string;
    generated?: boolean;
  }) {
    super(options.message ?? "Failed");
    this.name = "AssertionError";
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = options.operator ?? "fail";
    this.generatedMessage = options.generated ?? options.message === undefined;
  }
}

type Message = string | Error | undefined;

function fail(
  message: Message,
  generated: string,
  actual: unknown,
  expected: unknown,
  operator: string,
): never {
  if (message instanceof Error) throw message;
  throw new AssertionError({
    message: message ?? generated,
    actual,
    expected,
    operator,
    generated: message === undefined,
  });
}

const tag = (o: unknown) => Object.prototype.toString.call(o);

function ownKeys(o: object): (string | symbol)[] {
  return [
    ...Object.keys(o),
    ...Object.getOwnPropertySymbols(o).filter((s) =>
      Object.prototype.propertyIsEnumerable.call(o, s),
    ),
  ];
}

/**
 * Node's deep equality: `strict` compares primitives with Object.is and requires the same
 * prototypes; the loose form (legacy `assert.deepEqual`) compares primitives with `==`.
 */
export function deepEqual(
  a: unknown,
  b: unknown,
  strict: boolean,
  seen = new Map<object, object>(),
): boolean {
  if (a === b) return strict ? Object.is(a, b) : true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    if (strict) return Object.is(a, b);
    if (typeof a === "object" && a !== null) return false;
    if (typeof b === "object" && b !== null) return false;
    // eslint-disable-next-line eqeqeq
    return a == b || (Number.isNaN(a) && Number.isNaN(b));
  }
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (tag(a) !== tag(b)) return false;
  const prior = seen.get(a);
  if (prior !== undefined) return prior === b;
  seen.set(a, b);
  try {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (a instanceof Date && b instanceof Date) {
      if (a.getTime() !== b.getTime() && !(Number.isNaN(a.getTime()) && Number.isNaN(b.getTime())))
        return false;
    } else if (a instanceof RegExp && b instanceof RegExp) {
      if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (a instanceof Error && b instanceof Error) {
      if (a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBuffer.isView(a) && ArrayBuffer.isView(b)) {
      const x = a as unknown as ArrayLike<unknown>;
      const y = b as unknown as ArrayLike<unknown>;
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++)
        if (!(strict ? Object.is(x[i], y[i]) : x[i] == y[i])) return false; // eslint-disable-line eqeqeq
    } else if (a instanceof Number || a instanceof String || a instanceof Boolean) {
      if (!Object.is(a.valueOf(), (b as Number).valueOf())) return false;
    }
    if (a instanceof Map && b instanceof Map) {
      if (a.size !== b.size) return false;
      for (const [k, v] of a) {
        if (b.has(k)) {
          if (!deepEqual(v, b.get(k), strict, seen)) return false;
        } else if (!(
          typeof k === "object" &&
          k !== null &&
          [...b].some(
            ([k2, v2]) => deepEqual(k, k2, strict, seen) && deepEqual(v, v2, strict, seen),
          )
        ))
          return false;
      }
    } else if (a instanceof Set && b instanceof Set) {
      if (a.size !== b.size) return false;
      for (const v of a)
        if (
          !b.has(v) &&
          !(
            typeof v === "object" &&
            v !== null &&
            [...b].some((w) => deepEqual(v, w, strict, seen))
          )
        )
          return false;
    }
    const ka = ownKeys(a).filter(
      (k) => !(ArrayBuffer.isView(a) && typeof k === "string" && /^\d+$/.test(k)),
    );
    const kb = ownKeys(b).filter(
      (k) => !(ArrayBuffer.isView(b) && typeof k === "string" && /^\d+$/.test(k)),
    );
    if (ka.length !== kb.length) return false;
    if (Array.isArray(a) && (a as unknown[]).length !== (b as unknown[]).length) return false;
    const kbSet = new Set(kb);
    for (const k of ka) {
      if (!kbSet.has(k)) return false;
      if (
        !deepEqual(
          (a as Record<string | symbol, unknown>)[k],
          (b as Record<string | symbol, unknown>)[k],
          strict,
          seen,
        )
      )
        return false;
    }
    return true;
  } finally {
    seen.delete(a);
  }
}

function errorMatches(err: unknown, expected: unknown): boolean {
  if (expected === undefined) return true;
  if (expected instanceof RegExp) return expected.test(String(err));
  if (typeof expected === "function") {
    if (expected.prototype !== undefined && err instanceof (expected as new () => unknown))
      return true;
    if (Error.isPrototypeOf(expected) || expected === Error) return false;
    return (expected as (e: unknown) => unknown)(err) === true;
  }
  if (typeof expected === "object" && expected !== null) {
    if (typeof err !== "object" || err === null) return false;
    for (const k of ownKeys(expected)) {
      const want = (expected as Record<string | symbol, unknown>)[k];
      const got = (err as Record<string | symbol, unknown>)[k];
      if (want instanceof RegExp && typeof got === "string") {
        if (!want.test(got)) return false;
      } else if (!deepEqual(got, want, true)) return false;
    }
    return true;
  }
  return false;
}

/** The assert module: strict (`node:assert/strict`) or legacy (`node:assert`). */
export function makeAssert(strict: boolean) {
  const ok = (...args: unknown[]): void => {
    if (args.length === 0)
      fail(undefined, "No value argument passed to `assert.ok()`", undefined, true, "==");
    const [value, message] = args as [unknown, Message];
    if (!value)
      fail(
        message,
        `The expression evaluated to a falsy value:\n\n  assert.ok(${inspect(value)})\n`,
        value,
        true,
        "==",
      );
  };
  const same = (a: unknown, b: unknown) =>
    strict ? Object.is(a, b) : a == b || (Number.isNaN(a) && Number.isNaN(b)); // eslint-disable-line eqeqeq
  const assert = Object.assign(ok, {
    ok,
    AssertionError,
    fail(message: Message = "Failed"): never {
      return fail(message, "Failed", undefined, undefined, "fail");
    },
    equal(actual: unknown, expected: unknown, message?: Message) {
      if (!same(actual, expected))
        fail(
          message,
          strict
            ? `Expected values to be strictly equal:\n\n${inspect(actual)} !== ${inspect(expected)}\n`
            : `${inspect(actual)} == ${inspect(expected)}`,
          actual,
          expected,
          strict ? "strictEqual" : "==",
        );
    },
    notEqual(actual: unknown, expected: unknown, message?: Message) {
      if (same(actual, expected))
        fail(
          message,
          strict
            ? `Expected "actual" to be strictly unequal to: ${inspect(expected)}`
            : `${inspect(actual)} != ${inspect(expected)}`,
          actual,
          expected,
          strict ? "notStrictEqual" : "!=",
        );
    },
    strictEqual(actual: unknown, expected: unknown, message?: Message) {
      if (!Object.is(actual, expected))
        fail(
          message,
          `Expected values to be strictly equal:\n\n${inspect(actual)} !== ${inspect(expected)}\n`,
          actual,
          expected,
          "strictEqual",
        );
    },
    notStrictEqual(actual: unknown, expected: unknown, message?: Message) {
      if (Object.is(actual, expected))
        fail(
          message,
          `Expected "actual" to be strictly unequal to: ${inspect(expected)}`,
          actual,
          expected,
          "notStrictEqual",
        );
    },
    deepEqual(actual: unknown, expected: unknown, message?: Message) {
      if (!deepEqual(actual, expected, strict))
        fail(
          message,
          `Expected values to be ${strict ? "strictly " : "loosely "}deep-equal:\n\n${inspect(actual)}\n\nshould equal\n\n${inspect(expected)}`,
          actual,
          expected,
          strict ? "deepStrictEqual" : "deepEqual",
        );
    },
    notDeepEqual(actual: unknown, expected: unknown, message?: Message) {
      if (deepEqual(actual, expected, strict))
        fail(
          message,
          `Expected "actual" not to be ${strict ? "strictly " : "loosely "}deep-equal to: ${inspect(expected)}`,
          actual,
          expected,
          strict ? "notDeepStrictEqual" : "notDeepEqual",
        );
    },
    deepStrictEqual(actual: unknown, expected: unknown, message?: Message) {
      if (!deepEqual(actual, expected, true))
        fail(
          message,
          `Expected values to be strictly deep-equal:\n\n${inspect(actual)}\n\nshould equal\n\n${inspect(expected)}`,
          actual,
          expected,
          "deepStrictEqual",
        );
    },
    notDeepStrictEqual(actual: unknown, expected: unknown, message?: Message) {
      if (deepEqual(actual, expected, true))
        fail(
          message,
          `Expected "actual" not to be strictly deep-equal to: ${inspect(expected)}`,
          actual,
          expected,
          "notDeepStrictEqual",
        );
    },
    throws(fn: () => unknown, expected?: unknown, message?: Message) {
      if (typeof fn !== "function")
        throw new TypeError(`The "fn" argument must be of type function. Received ${inspect(fn)}`);
      if (typeof expected === "string") [message, expected] = [expected, undefined];
      try {
        fn();
      } catch (err) {
        if (!errorMatches(err, expected)) {
          if (
            typeof expected === "function" &&
            !(expected instanceof RegExp) &&
            (expected.prototype === undefined ||
              !(Error.isPrototypeOf(expected) || expected === Error))
          )
            throw err;
          fail(
            message,
            `The error is expected to be an instance or match of ${inspect(expected)}. Received ${inspect(err)}`,
            err,
            expected,
            "throws",
          );
        }
        return;
      }
      fail(
        message,
        `Missing expected exception${message === undefined ? "." : `: ${String(message)}`}`,
        undefined,
        expected,
        "throws",
      );
    },
    doesNotThrow(fn: () => unknown, expected?: unknown, message?: Message) {
      if (typeof expected === "string") [message, expected] = [expected, undefined];
      try {
        fn();
      } catch (err) {
        fail(
          message,
          `Got unwanted exception.\nActual message: "${(err as Error)?.message ?? String(err)}"`,
          err,
          expected,
          "doesNotThrow",
        );
      }
    },
    async rejects(
      promiseOrFn: Promise<unknown> | (() => Promise<unknown>),
      expected?: unknown,
      message?: Message,
    ) {
      try {
        await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn);
      } catch (err) {
        if (!errorMatches(err, expected))
          fail(
            message,
            `The error is expected to match ${inspect(expected)}. Received ${inspect(err)}`,
            err,
            expected,
            "rejects",
          );
        return;
      }
      fail(message, "Missing expected rejection.", undefined, expected, "rejects");
    },
    async doesNotReject(
      promiseOrFn: Promise<unknown> | (() => Promise<unknown>),
      message?: Message,
    ) {
      try {
        await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn);
      } catch (err) {
        fail(
          message,
          `Got unwanted rejection.\nActual message: "${(err as Error)?.message ?? String(err)}"`,
          err,
          undefined,
          "doesNotReject",
        );
      }
    },
    match(text: string, re: RegExp, message?: Message) {
      if (typeof text !== "string" || !re.test(text))
        fail(
          message,
          `The input did not match the regular expression ${String(re)}. Input:\n\n${inspect(text)}\n`,
          text,
          re,
          "match",
        );
    },
    doesNotMatch(text: string, re: RegExp, message?: Message) {
      if (typeof text !== "string" || re.test(text))
        fail(
          message,
          `The input was expected to not match the regular expression ${String(re)}. Input:\n\n${inspect(text)}\n`,
          text,
          re,
          "doesNotMatch",
        );
    },
    ifError(value: unknown) {
      if (value !== null && value !== undefined) {
        if (value instanceof Error) throw value;
        fail(
          undefined,
          `ifError got unwanted exception: ${inspect(value)}`,
          value,
          null,
          "ifError",
        );
      }
    },
  });
  return assert;
}

/** The module's type: the functions, and `strict`, the strict module. */
export type AssertModule = ReturnType<typeof makeAssert> & { strict: AssertModule };

/** `node:assert/strict`. */
export const strictAssert = makeAssert(true) as AssertModule;
strictAssert.strict = strictAssert;
/** `node:assert` (legacy: `equal` is `==`, `deepEqual` loose); its `strict` is the strict module. */
export const legacyAssert = Object.assign(makeAssert(false), {
  strict: strictAssert,
}) as AssertModule;
