// expectFunction's rules that its other tests left unchecked (issue 22's mutation run of the
// answer checker found each of them changeable without a failing test): the copies of the
// arguments, the check of the reference's results, the comparison of arrays and records, the
// cut of a long error, the tolerances' bounds. Expected texts follow the doc comment of
// expectFunction and the message table (notebooks/kit/src/i18n/messages.ts, "function.*").
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  expectFunction,
  type FunctionCase,
} from "../../../notebooks/kit/src/exercises/expect-function";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { localize } from "../../../notebooks/kit/src/i18n/text";

const en = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));
const zhOf = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "zh"));
/** One edge case with these arguments. */
function one<A extends readonly unknown[]>(...args: A): FunctionCase<A>[] {
  return [{ args, when: "in the case", edge: true }];
}

test("each call gets its own copy of a typed array or a plain object: mutating it harms no later check", () => {
  const sum = expectFunction((p: Float64Array) => p.reduce((a, b) => a + b, 0), {
    name: "sum",
    cases: one(Float64Array.of(1, 2, 3)),
  });
  const zeroing = (p: Float64Array) => {
    const s = p.reduce((a, b) => a + b, 0);
    p.fill(0);
    return s;
  };
  assert.ok(sum(zeroing).ok);
  assert.ok(sum(zeroing).ok, "the second check saw the zeros the first one wrote");
  const mu = expectFunction((o: { mu: number }) => o.mu, {
    name: "mu",
    cases: one({ mu: 2 }),
  });
  const clearing = (o: { mu: number }) => {
    const m = o.mu;
    o.mu = 0;
    return m;
  };
  assert.ok(mu(clearing).ok);
  assert.ok(mu(clearing).ok, "the second check saw the mu the first one cleared");
});

test("an argument that is not plain data (a class instance) is passed as it is, its methods kept", () => {
  class Coin {
    constructor(readonly p: number) {}
    odds(): number {
      return this.p / (1 - this.p);
    }
  }
  const odds = expectFunction((c: Coin) => c.odds(), {
    name: "odds",
    cases: one(new Coin(0.75)),
  });
  assert.equal(
    odds((c: Coin) => c.odds()),
    { ok: true, kind: "correct" },
  );
});

test("the reference runs once per case, at the first check, not at every check", () => {
  let runs = 0;
  const check = expectFunction(
    (x: number) => {
      runs++;
      return 2 * x;
    },
    {
      name: "twice",
      cases: [
        { args: [1], when: "a" },
        { args: [2], when: "b", edge: true },
      ],
    },
  );
  assert.is(runs, 0);
  check((x: number) => 2 * x);
  assert.is(runs, 2);
  check((x: number) => x + x);
  check(() => 0);
  assert.is(runs, 2);
});

test("a reference whose result is not numbers fails at the first check, naming the case and where in the result", () => {
  const fails = (ref: () => unknown) => () =>
    expectFunction(ref, { name: "f", cases: one() })(() => 1);
  assert.throws(
    fails(() => [1, NaN]),
    (e: Error) =>
      e.message === "expectFunction(f): the reference's result for case 0[1] is NaN, not a number",
  );
  assert.throws(
    fails(() => ["a"]),
    (e: Error) =>
      e.message === "expectFunction(f): the reference's result for case 0[0] is a, not a number",
  );
  assert.throws(
    fails(() => Float64Array.of(0.5, NaN)),
    (e: Error) =>
      e.message === "expectFunction(f): the reference's result for case 0[1] is NaN, not a number",
  );
  assert.throws(
    fails(() => ({ mu: NaN })),
    (e: Error) => e.message === "expectFunction(f): the reference's result for case 0.mu is NaN",
  );
  assert.throws(
    fails(() => ({ a: { b: NaN } })),
    (e: Error) => e.message === "expectFunction(f): the reference's result for case 0.a.b is NaN",
  );
  assert.throws(
    fails(() => "0.5"),
    (e: Error) =>
      e.message ===
      "expectFunction(f): the reference's result for case 0 is 0.5: a reference returns numbers, arrays of numbers or records of them",
  );
  // and numbers, arrays, typed arrays and records of them are accepted
  for (const r of [1, [1, 2], Float64Array.of(1, 2), { mu: 1, sd: [1, 2] }])
    expectFunction(() => r, { name: "f", cases: one() })(() => r);
});

test("an array answer matches only with the reference's length and a number in every place", () => {
  const pair = expectFunction(() => [1, 2], { name: "pair", cases: one() });
  assert.ok(pair(() => [1, 2]).ok);
  assert.ok(pair(() => Float64Array.of(1, 2)).ok);
  assert.is(
    en(pair(() => [1, 2, 3])),
    "`pair` fails in the case: `pair()` returned `[1, 2, 3]`, not an array of 2 numbers. It passes 0 of 1 case.",
  );
  assert.is(
    en(pair(() => [1])),
    "`pair` fails in the case: `pair()` returned `[1]`, not an array of 2 numbers. It passes 0 of 1 case.",
  );
  assert.is(
    en(pair(() => [1, "2"])),
    '`pair` fails in the case: `pair()` returned `[1, "2"]`, not an array of 2 numbers. It passes 0 of 1 case.',
  );
  assert.not.ok(
    pair(() => ({ 0: 1, 1: 2 })).ok,
    "an object with the indices as keys is not an array",
  );
  const typed = expectFunction(() => Float64Array.of(1, 2), { name: "typed", cases: one() });
  assert.ok(typed(() => [1, 2]).ok);
  assert.not.ok(typed(() => [1, 2, 3]).ok);
});

test("a record answer matches only with a number under every key of the reference's record", () => {
  const fit = expectFunction(() => ({ mu: 1, sigma: 2 }), { name: "fit", cases: one() });
  assert.ok(fit(() => ({ mu: 1, sigma: 2, extra: "ignored" })).ok);
  assert.is(
    en(fit(() => ({ mu: 1, sigma: "2" }))),
    '`fit` fails in the case: `fit()` returned `{ mu: 1, sigma: "2" }`, not a record `{ mu, sigma }` of numbers. It passes 0 of 1 case.',
  );
  assert.is(
    en(fit(() => null)),
    "`fit` fails in the case: `fit()` returned null, not a record `{ mu, sigma }` of numbers. It passes 0 of 1 case.",
  );
  assert.not.ok(fit(() => 1).ok);
  // a number or a string is not a record, even where the reference's record is empty
  const empty = expectFunction(() => ({}), { name: "none", cases: one() });
  assert.ok(empty(() => ({})).ok);
  assert.not.ok(empty(() => 1).ok);
  assert.not.ok(empty(() => "{}").ok);
});

// null is named in words (describeValue), not as code, and gets no "missing return" note:
// only undefined does (expect-function.test.ts). A result of the wrong shape is told what the
// reference's shape is, never "not a number" where a number is not what is wanted.
test("null, an array where a number belongs, and numbers at exactly atol + rtol·|reference| are judged as the doc comment says", () => {
  const num = expectFunction(() => 1, { name: "g", cases: one() });
  assert.is(
    en(num(() => null)),
    "`g` fails in the case: `g()` returned null, not a number. It passes 0 of 1 case.",
  );
  assert.is(
    en(num(() => [1])),
    "`g` fails in the case: `g()` returned `[1]`, not a number. It passes 0 of 1 case.",
  );
  // |got − want| <= atol + rtol·|want|, the bound included (exact binary fractions)
  const tol = expectFunction(() => 1, { name: "h", rtol: 0.25, atol: 0.25, cases: one() });
  assert.ok(tol(() => 1.5).ok);
  assert.ok(tol(() => 0.5).ok);
  assert.not.ok(tol(() => 1.5000000000000002).ok);
});

test("a result of the wrong shape is told the reference's shape, in both languages: a number where an array belongs is not called 'not a number'", () => {
  const pair = expectFunction(() => [0.5, 0.5], { name: "split", cases: one() });
  assert.is(
    en(pair(() => 3)),
    "`split` fails in the case: `split()` returned `3`, not an array of 2 numbers. It passes 0 of 1 case.",
  );
  assert.is(
    zhOf(pair(() => [1])),
    "in the case，`split` 的结果不对：`split()` 返回了 `[1]`，应为长度为 2 的数组。（1 个用例中通过了 0 个。）",
  );
  assert.is(
    en(pair(() => [1, "2"])),
    '`split` fails in the case: `split()` returned `[1, "2"]`, not an array of 2 numbers. It passes 0 of 1 case.',
  );
  // the right shape with a wrong value says only what was returned
  assert.is(
    en(pair(() => [0.5, 0.6])),
    "`split` fails in the case: `split()` returned `[0.5, 0.6]`. It passes 0 of 1 case.",
  );
  const single = expectFunction(() => [1], { name: "s", cases: one() });
  assert.match(en(single(() => [1, 2])), /returned `\[1, 2\]`, not an array of 1 number\./);
});

test("rtol and atol may be 0 (an exact comparison), not negative, and no signature leaves the name alone", () => {
  const exact = expectFunction(() => 0.1 + 0.2, { name: "e", rtol: 0, atol: 0, cases: one() });
  assert.ok(exact(() => 0.1 + 0.2).ok);
  assert.not.ok(exact(() => 0.3).ok);
  assert.throws(
    () => expectFunction(() => 1, { name: "e", atol: -1e-12, cases: one() }),
    /expectFunction\(e\): rtol = 1e-9 and atol = -1e-12 must be >= 0/,
  );
  assert.is(localize(exact.expects!, "en"), "your function `e`");
  assert.throws(
    () => expectFunction(1 as unknown as () => number, { name: "e", cases: one() }),
    (e: Error) =>
      e instanceof TypeError && e.message === "expectFunction(e): reference is not a function",
  );
});

test("an error message is shown whole up to 120 characters, cut to 120 and … beyond; a case without its own hint adds none", () => {
  const check = expectFunction(() => 1, { name: "f", cases: one() });
  const thrower = (length: number) => () => {
    throw new Error("x".repeat(length - "Error: ".length));
  };
  const full = `Error: ${"x".repeat(113)}`; // 120 characters
  assert.is(
    en(check(thrower(120))),
    `\`f\` fails in the case: \`f()\` threw \`${full}\`. It passes 0 of 1 case.`,
  );
  assert.is(
    en(check(thrower(121))),
    `\`f\` fails in the case: \`f()\` threw \`${full}…\`. It passes 0 of 1 case.`,
  );
});

test.run();
