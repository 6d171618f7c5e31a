// The code-exercise checker: a student's function run on hidden cases against a reference.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { entropy, binaryCrossEntropyFromLogit, fitGaussian } from "../../../lib/src";
import { brief, expectFunction } from "../../../notebooks/kit/src/exercises/expect-function";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import { setLanguage } from "../../../notebooks/kit/src/i18n/language";
import { missingLabels, registerLabels } from "../../../notebooks/kit/src/i18n/labels";
import { expectNumber } from "../../../notebooks/kit/src/exercises/expect-number";

const en = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));
const zh = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "zh"));
const kind = (v: Verdict): string => (v.ok ? "correct" : v.kind);

const ZERO = { en: "when p has a zero entry", zh: "当 p 含有 0 时" };
const entropyBits = expectFunction((p: number[]) => entropy(p, { base: 2 }), {
  name: "entropyBits",
  signature: "(p: number[]) => number",
  cases: [
    { args: [[0.5, 0.5]], when: { en: "for a fair coin", zh: "对公平硬币" } },
    {
      args: [[0.7, 0.2, 0.1]],
      when: { en: "for p = (0.7, 0.2, 0.1)", zh: "对 p = (0.7, 0.2, 0.1)" },
    },
    {
      args: [[0.5, 0, 0.5]],
      when: ZERO,
      edge: true,
      hint: { en: "0 · log 0 counts as 0.", zh: "0 · log 0 按 0 计。" },
    },
  ],
});
const careful = (p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log2(x) : 0), 0);
const naive = (p: number[]) => -p.reduce((s, x) => s + x * Math.log2(x), 0);

test("a right function is accepted, written another way than the reference (within rtol 1e-9)", () => {
  assert.equal(entropyBits(careful), { ok: true, kind: "correct" });
  assert.is(kind(entropyBits((p: number[]) => entropy(p) / Math.LN2)), "correct");
});

test("a function wrong in the edge case gets a hint naming the case, the call and what it returned", () => {
  const v = entropyBits(naive);
  assert.is(kind(v), "wrong");
  assert.is(
    en(v),
    "`entropyBits` fails when p has a zero entry: `entropyBits([0.5, 0, 0.5])` returned `NaN`. 0 · log 0 counts as 0. It passes 2 of 3 cases.",
  );
  assert.is(
    zh(v),
    "当 p 含有 0 时，`entropyBits` 的结果不对：`entropyBits([0.5, 0, 0.5])` 返回了 `NaN`。0 · log 0 按 0 计。（3 个用例中通过了 2 个。）",
  );
});

test("the hint names the FIRST failing case, never the reference's value or code", () => {
  const nats = (p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log(x) : 0), 0);
  const v = entropyBits(nats);
  assert.match(
    en(v),
    /^`entropyBits` fails for a fair coin: `entropyBits\(\[0\.5, 0\.5\]\)` returned `0\.69314718/,
  );
  assert.match(en(v), /It passes 0 of 3 cases\.$/);
  assert.not.match(
    en(v),
    /(^|[^\d.])1(?![\d.])/,
    "the reference's value for a fair coin, 1 bit, is not shown",
  );
});

test("a thrown error, a missing return, a Promise and a non-function are verdicts, not crashes", () => {
  const threw = entropyBits(() => {
    throw new TypeError("p.reduce is not a function");
  });
  assert.is(kind(threw), "wrong");
  assert.match(
    en(threw),
    /^`entropyBits` fails for a fair coin: `entropyBits\(\[0\.5, 0\.5\]\)` threw `TypeError: p\.reduce is not a function`\./,
  );
  assert.match(en(entropyBits(() => undefined)), /returned undefined \(a missing `return`\?\)\./);
  assert.match(zh(entropyBits(() => undefined)), /返回了 `undefined`（是否漏了 `return`？）/);
  assert.match(zh(entropyBits(() => "1")), /返回了字符串 "1"，应为一个数/);
  assert.is(kind(entropyBits(async () => 1)), "invalid");
  assert.match(en(entropyBits(async () => 1)), /returned a `Promise`/);
  for (const v of [1, "f", null, [1]]) assert.is(kind(entropyBits(v)), "invalid", String(v));
  assert.match(en(entropyBits(1)), /^expected a function, got number 1\.$/);
});

test("each call gets its own copy of the arguments: a function that mutates them harms no later case", () => {
  const check = expectFunction((p: number[]) => p.length, {
    name: "len",
    cases: [
      { args: [[1, 2, 3]], when: "a" },
      { args: [[1, 2, 3]], when: "b", edge: true },
    ],
  });
  assert.ok(check((p: number[]) => p.splice(0).length).ok);
});

test("stable BCE: the naive formula fails the extreme logits, named as such; a stable one passes", () => {
  const check = expectFunction((y: number, z: number) => binaryCrossEntropyFromLogit(y, z), {
    name: "bce",
    cases: [
      { args: [1, 0.5], when: "for y = 1, z = 0.5" },
      {
        args: [1, -800],
        when: { en: "for a very negative logit", zh: "当分对数是很大的负数时" },
        edge: true,
      },
    ],
  });
  const naiveBce = (y: number, z: number) =>
    -(y * Math.log(1 / (1 + Math.exp(-z))) + (1 - y) * Math.log(1 - 1 / (1 + Math.exp(-z))));
  const stable = (y: number, z: number) =>
    Math.max(z, 0) - y * z + Math.log1p(Math.exp(-Math.abs(z)));
  assert.match(
    en(check(naiveBce)),
    /fails for a very negative logit: `bce\(1, -800\)` returned `Infinity`/,
  );
  assert.ok(check(stable).ok);
});

test("results may be arrays, typed arrays or records (an estimator), compared within atol + rtol·|reference|", () => {
  const data = [2, 4, 4, 4, 5, 5, 7, 9];
  const fit = expectFunction((xs: number[]) => fitGaussian(xs).params, {
    name: "fitNormal",
    cases: [
      { args: [data], when: "for eight values" },
      { args: [[3, 5]], when: "for two values", edge: true },
    ],
  });
  const mine = (xs: number[]) => {
    const mu = xs.reduce((a, b) => a + b, 0) / xs.length;
    return { mu: mu, sigma: Math.sqrt(xs.reduce((a, x) => a + (x - mu) ** 2, 0) / xs.length) };
  };
  assert.ok(fit(mine).ok, en(fit(mine)));
  const bessel = (xs: number[]) => ({
    ...mine(xs),
    sigma: Math.sqrt(xs.reduce((a, x) => a + (x - mine(xs).mu) ** 2, 0) / (xs.length - 1)),
  });
  assert.match(
    en(fit(bessel)),
    /fails for eight values: `fitNormal\(\[2, 4, 4, 4, 5, 5, …\] \(8\)\)` returned `\{ mu: 5, sigma: 2\.13/,
  );
  const arrays = expectFunction((p: number[]) => p.map((x) => 2 * x), {
    name: "twice",
    cases: [{ args: [[1, 2]], when: "x", edge: true }],
  });
  assert.ok(arrays((p: number[]) => Float64Array.from(p, (x) => x + x)).ok);
  assert.match(en(arrays((p: number[]) => [2 * p[0]])), /returned `\[2\]`/);
  const tiny = expectFunction(() => 4e-18, {
    name: "tiny",
    cases: [{ args: [], when: "x", edge: true }],
  });
  assert.ok(tiny(() => 0).ok, "within atol 1e-12");
  const infinite = expectFunction(() => Infinity, {
    name: "inf",
    cases: [{ args: [], when: "x", edge: true }],
  });
  assert.ok(infinite(() => Infinity).ok);
  assert.not.ok(infinite(() => 1e308).ok);
});

test("in strict Chinese, a hint's code (names, calls, values) is never looked up as a label; a plain-string label is", () => {
  registerLabels("zh", { terms: [{ en: "nats", zh: "奈特" }] });
  setLanguage("zh", { strict: true });
  try {
    const v = entropyBits(naive);
    assert.match(zh(v), /`entropyBits\(\[0\.5, 0, 0\.5\]\)` 返回了 `NaN`/);
    assert.equal(missingLabels(), []);
    assert.match(localize(expectNumber(1, { unit: "nats" }).expects!), /^一个以奈特为单位的数/);
    const plain = expectFunction(() => 1, {
      name: "one",
      cases: [{ args: [], when: "a case with no translation", edge: true }],
    });
    assert.throws(
      () => localize((plain(() => 2) as { hint: string }).hint),
      /no zh translation for "a case with no translation"/,
    );
  } finally {
    setLanguage("en");
  }
});

test("expectFunction refuses an exercise without cases or without an edge case, and a reference that gives NaN", () => {
  assert.throws(
    () => expectFunction(() => 1, { name: "f", cases: [] }),
    /expectFunction\(f\): no cases/,
  );
  assert.throws(
    () => expectFunction(() => 1, { name: "f", cases: [{ args: [], when: "x" }] }),
    /no edge case \(mark one case edge: true\)/,
  );
  assert.throws(
    () =>
      expectFunction(() => 1, {
        name: "f",
        rtol: -1,
        cases: [{ args: [], when: "x", edge: true }],
      }),
    /rtol = -1/,
  );
  const bad = expectFunction(() => NaN, {
    name: "f",
    cases: [{ args: [], when: "x", edge: true }],
  });
  assert.throws(
    () => bad(() => 1),
    /expectFunction\(f\): the reference's result for case 0 is NaN/,
  );
});

test("expectFunction says what to enter; brief shortens long values", () => {
  assert.is(
    localize(entropyBits.expects!, "en"),
    "your function `entropyBits(p: number[]) => number`",
  );
  assert.is(brief([1, 2, 3, 4, 5, 6, 7]), "[1, 2, 3, 4, 5, 6, …] (7)");
  assert.is(brief(-0), "-0");
  assert.is(brief({ a: 1, b: [1] }), "{ a: 1, b: [1] }");
});

test.run();
