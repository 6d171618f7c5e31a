import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  concat,
  MESSAGE_KEYS,
  msg,
  type MessageKey,
} from "../../../notebooks/kit/src/i18n/messages";
import { CJK, englishWords } from "../../../notebooks/kit/src/i18n/english";

/** Sample values for every placeholder the messages use. */
const PARAMS = {
  id: "03.1",
  title: { en: "t", zh: "题" },
  hint: { en: "h", zh: "提示" },
  value: "0.69",
  expects: { en: "e", zh: "某个数" },
  digits: 3,
  unit: { en: "nats", zh: "奈特" },
  count: 3,
  choices: '`"a"`',
  name: "f",
  signature: "(x: number) => number",
  got: { en: "g", zh: "某值" },
  n: 2,
  want: 3,
  i: 1,
  when: { en: "when x = 0", zh: "当 x = 0 时" },
  call: "f(0)",
  keys: "`{ mu, sigma }`",
  error: "Error: x",
  passed: 1,
  total: 2,
  text: '"x"',
  v: "1",
  type: "bigint",
  actual: "1",
  expected: "2",
  path: "[0]",
  rows: 2,
  columns: 1,
  traces: 2,
  types: "scatter, bar",
  title2: "",
  example: "Math.log(…)",
};

test("every kit message fills in both languages, English in English and Chinese in Chinese", () => {
  for (const key of MESSAGE_KEYS) {
    const m = msg(key as MessageKey, PARAMS);
    assert.ok(m.en.trim() !== "" && m.zh.trim() !== "", key);
    assert.not.ok(/\{\w+\}/.test(m.en) || /\{\w+\}/.test(m.zh), `${key}: an unfilled placeholder`);
    assert.not.ok(CJK.test(m.en.replace(/`[^`]*`/g, "")), `${key} (en): ${m.en}`);
    if (key === "value.null" || key === "value.undefined" || key === "value.other") continue; // code values only
    assert.ok(CJK.test(m.zh), `${key} (zh) has no Chinese: ${m.zh}`);
    if (key === "plot.fallback") continue; // names JupyterLab's English menu items, as the reader's JupyterLab shows them
    assert.equal(englishWords(m.zh, { context: "output" }), [], `${key} (zh): ${m.zh}`);
  }
});

test("placeholders take texts per language, numbers as written, and plurals in English", () => {
  assert.equal(msg("numbers.length", { want: 3, got: 2 }), {
    en: "expected 3 numbers, got 2.",
    zh: "应有 3 个数，得到的是 2 个。",
  });
  assert.equal(msg("table.shape", { rows: 1, columns: 2 }), {
    en: "1 row × 2 columns",
    zh: "1 行 × 2 列",
  });
  assert.is(
    msg("plot.summary", { traces: 1, types: "bar", title: "x" }).zh,
    "图：1 组数据（条形）“x”",
  );
  assert.is(
    msg("plot.summary", { traces: 2, types: "scatter", title: "" }).en,
    "Plot: 2 traces (scatter)",
  );
});

test("a missing placeholder is a bug in the kit, and says which", () => {
  assert.throws(
    () => msg("numbers.length", { want: 3 }),
    /msg: message "numbers.length" needs the parameter \{got\}/,
  );
});

test("concat joins texts language by language", () => {
  assert.equal(concat({ en: "a", zh: "甲" }, " ", { en: "b", zh: "乙" }), {
    en: "a b",
    zh: "甲 乙",
  });
});

test.run();
