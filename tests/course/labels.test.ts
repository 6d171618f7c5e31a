// The course's label table: one rendering per term, every translation Chinese, placeholders kept,
// and importing the course registers it for the kit.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ALLOW, PHRASES, TERMS } from "../../notebooks/course/src/labels";
import { englishWords, CJK } from "../../notebooks/kit/src/i18n/english";

test("each English term has one rendering, and each rendering is Chinese", () => {
  const seen = new Map<string, string>();
  for (const t of TERMS) {
    assert.not.ok(seen.has(t.en.toLowerCase()), `term "${t.en}" is listed twice`);
    seen.set(t.en.toLowerCase(), t.zh);
    assert.ok(CJK.test(t.zh), `term "${t.en}" → "${t.zh}" has no Chinese`);
    assert.equal(englishWords(t.zh, { allow: ALLOW }), [], `term "${t.en}" → "${t.zh}"`);
    for (const a of t.avoid ?? [])
      assert.not.ok(t.zh.includes(a), `term "${t.en}" uses its own avoided rendering ${a}`);
  }
});

test("no translation in the table uses a rendering a term avoids", () => {
  const avoided = TERMS.flatMap((t) => (t.avoid ?? []).map((a) => ({ a, t })));
  for (const zh of [...Object.values(PHRASES), ...TERMS.map((t) => t.zh)]) {
    for (const { a, t } of avoided)
      assert.not.ok(zh.includes(a), `"${zh}" uses ${a}; write ${t.zh} (${t.en})`);
  }
});

test("every phrase: Chinese, no English word left, the same {n} placeholders on both sides", () => {
  for (const [en, zh] of Object.entries(PHRASES)) {
    assert.ok(CJK.test(zh) || englishWords(en).length === 0, `"${en}" → "${zh}" has no Chinese`);
    assert.equal(englishWords(zh, { allow: ALLOW, glossary: TERMS }), [], `"${en}" → "${zh}"`);
    const slots = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
    assert.equal(slots(zh), slots(en), `"${en}" → "${zh}": placeholders`);
  }
});

test("importing the course registers its table: the kit then translates its labels", () => {
  const kit = require("notebook-kit") as typeof import("../../notebooks/kit/src");
  require("../../notebooks/course/src/index");
  kit.setLanguage("zh");
  try {
    assert.is(kit.label("nats"), "奈特");
    assert.is(kit.label("θ = 0.61: KL = 0.0123 nats"), "θ = 0.61：KL = 0.0123 奈特");
  } finally {
    kit.setLanguage("en");
  }
});

test.run();
