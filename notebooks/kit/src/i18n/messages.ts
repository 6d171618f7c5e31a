// The kit's own messages, in every language: verdicts and hints of the exercise checkers, the
// assert messages, the table and plot summaries. A message is built with `msg(key, params)`,
// which fills both languages at once, so a verdict can be shown later in whichever language is
// current. Code inside a message is written in `backticks` (the English-word check skips it).
import type { Language } from "./language";
import { localize, type Text, type Translated } from "./text";

/**
 * The values a message's `{placeholders}` take: numbers, strings (inserted as they are, in every
 * language: values, code, ids) or `{ en, zh }` pairs (a label: pass `labelled(text)`).
 */
export type MessageParams = Readonly<Record<string, string | number | Text>>;

type Template = string | ((p: Readonly<Record<string, string>>) => string);

const plural = (n: string, one: string, many: string): string => `${n} ${n === "1" ? one : many}`;

/** Plotly trace types in Chinese, for the one-line plot summary. */
const TRACE_TYPES_ZH: Readonly<Record<string, string>> = {
  scatter: "曲线/散点",
  bar: "条形",
  histogram: "直方图",
  contour: "等高线",
  heatmap: "热图",
  scattergl: "散点",
};

const MESSAGES = {
  // checkAnswer's lines
  "check.correct": { en: "✓ {id} ({title}): correct.", zh: "✓ {id} {title}：正确。" },
  "check.close": { en: "≈ {id} ({title}): close. {hint}", zh: "≈ {id} {title}：接近了。{hint}" },
  "check.wrong": {
    en: "✗ {id} ({title}): not yet. Hint: {hint}",
    zh: "✗ {id} {title}：还不对。提示：{hint}",
  },
  "check.empty": {
    en: "… {id} ({title}): no answer yet. Replace `{value}` with {expects}.",
    zh: "… {id} {title}：还没有答案。请把 `{value}` 换成{expects}。",
  },
  // what to enter
  "expects.number": {
    en: "a number, to at least {digits} significant digits (an expression such as `{example}` is fine)",
    zh: "一个数，至少 {digits} 位有效数字（也可以直接写表达式，如 `{example}`）",
  },
  "expects.numberUnit": {
    en: "a number in {unit}, to at least {digits} significant digits (an expression such as `{example}` is fine)",
    zh: "一个以{unit}为单位的数，至少 {digits} 位有效数字（也可以直接写表达式，如 `{example}`）",
  },
  "expects.numbers": {
    en: "an array of {count} numbers, each to at least {digits} significant digits",
    zh: "由 {count} 个数组成的数组，每个数至少 {digits} 位有效数字",
  },
  "expects.choice": { en: "one of {choices}", zh: "{choices} 之一" },
  "expects.choiceAny": { en: "your choice, as a string", zh: "你的选择（字符串）" },
  "expects.any": { en: "your answer", zh: "你的答案" },
  "expects.function": {
    en: "your function `{name}{signature}`",
    zh: "你写的函数 `{name}{signature}`",
  },
  // numbers
  "number.type": { en: "expected a number, got {got}.", zh: "应为一个数，得到的是{got}。" },
  "number.nan": {
    en: "got `NaN`: somewhere a 0/0, a log of a negative number or an undefined value crept in.",
    zh: "得到了 `NaN`：某处出现了 0/0、负数的对数或未定义的值。",
  },
  "number.infinite": {
    en: "got `{value}`: somewhere a log of 0 or a division by 0 crept in.",
    zh: "得到了 `{value}`：某处出现了 0 的对数或除以 0。",
  },
  "number.fewDigits": {
    en: (p) =>
      `${p.value} is right as far as its ${plural(p.n, "significant digit goes", "significant digits go")}; give at least ${p.digits}.`,
    zh: "{value} 的 {n} 位有效数字都对；请至少给出 {digits} 位。",
  },
  "number.trailingZero": {
    en: " (If you typed a final 0, JavaScript dropped it, and with it the value is not right to {digits} digits either.)",
    zh: "（若你输入了末尾的 0，JavaScript 会把它去掉；加上它，这个值也不是正确到 {digits} 位的。）",
  },
  "number.placeholderZero": {
    en: " (A final 0 of a whole number is read as a place holder, not as a digit.)",
    zh: "（整数末尾的 0 在这里被看作占位，而不是有效数字。）",
  },
  "number.lastDigit": {
    en: "the last digit is off. Compute at full precision (or type the expression itself) and round to {digits} significant digits.",
    zh: "最后一位不对。请用全精度计算（或直接写表达式），再四舍五入到 {digits} 位有效数字。",
  },
  "number.truncated": {
    en: "the digits are right but the last one was cut off, not rounded. Round to {digits} significant digits.",
    zh: "各位数字都对，但最后一位是截断而不是四舍五入得到的。请四舍五入到 {digits} 位有效数字。",
  },
  "number.sign": { en: "check the sign.", zh: "检查一下符号。" },
  "number.generic": {
    en: "re-read the definition in the notebook and recompute step by step.",
    zh: "重读笔记本中的定义，再一步一步重新计算。",
  },
  "numbers.type": {
    en: "expected an array of numbers, got {got}.",
    zh: "应为一个数的数组，得到的是{got}。",
  },
  "numbers.length": {
    en: "expected {want} numbers, got {got}.",
    zh: "应有 {want} 个数，得到的是 {got} 个。",
  },
  "numbers.element": {
    en: "element {i} is {got}, not a number.",
    zh: "第 {i} 个元素是{got}，不是数。",
  },
  "numbers.elementHint": { en: "element {i}: {hint}", zh: "第 {i} 个元素：{hint}" },
  // choices
  "choice.type": {
    en: "expected one of the choices, got {got}.",
    zh: "应为选项之一，得到的是{got}。",
  },
  "choice.typeAny": {
    en: "expected a string or a number, got {got}.",
    zh: "应为字符串或数，得到的是{got}。",
  },
  "choice.outside": { en: "choose one of {choices}.", zh: "请从 {choices} 中选一个。" },
  "choice.generic": {
    en: "not this one: re-read the notebook's argument for each option.",
    zh: "不是这个：重读笔记本中对每个选项的论证。",
  },
  // functions
  "function.type": { en: "expected a function, got {got}.", zh: "应为一个函数，得到的是{got}。" },
  "function.threw": {
    en: "`{name}` fails {when}: `{call}` threw `{error}`.",
    zh: "{when}，`{name}` 出错：`{call}` 抛出了 `{error}`。",
  },
  "function.returned": {
    en: "`{name}` fails {when}: `{call}` returned {got}.",
    zh: "{when}，`{name}` 的结果不对：`{call}` 返回了{got}。",
  },
  "function.noReturn": {
    en: "`{name}` fails {when}: `{call}` returned undefined (a missing `return`?).",
    zh: "{when}，`{name}` 的结果不对：`{call}` 返回了 `undefined`（是否漏了 `return`？）。",
  },
  "function.notShape": {
    en: "`{name}` fails {when}: `{call}` returned {got}, not {want}.",
    zh: "{when}，`{name}` 的结果不对：`{call}` 返回了{got}，应为{want}。",
  },
  "shape.number": { en: "a number", zh: "一个数" },
  "shape.array": {
    en: (p) => `an array of ${plural(p.n, "number", "numbers")}`,
    zh: "长度为 {n} 的数组",
  },
  "shape.record": { en: "a record {keys} of numbers", zh: "字段{keys} 均为数的对象" },
  "function.promise": {
    en: "`{name}` returned a `Promise`: write a plain function, not an `async` one.",
    zh: "`{name}` 返回了 `Promise`：请写普通函数，不要用 `async`。",
  },
  "function.passed": {
    en: (p) => ` It passes ${p.passed} of ${plural(p.total, "case", "cases")}.`,
    zh: "（{total} 个用例中通过了 {passed} 个。）",
  },
  // values, as hints describe them
  "value.string": { en: "a string ({text})", zh: "字符串 {text}" },
  "value.array": { en: "an array of length {n}", zh: "长度为 {n} 的数组" },
  "value.typedArray": { en: "a typed array", zh: "类型化数组" },
  "value.null": { en: "null", zh: " `null`" },
  "value.undefined": { en: "undefined", zh: " `undefined`" },
  "value.object": { en: "an object", zh: "一个对象" },
  "value.function": { en: "a function", zh: "一个函数" },
  "value.number": { en: "number {v}", zh: "数 {v}" },
  "value.boolean": { en: "boolean {v}", zh: "布尔值 {v}" },
  "value.other": { en: "{type} {v}", zh: " {type} {v}" },
  // assert
  "assert.ok": {
    en: "the assertion failed: the value is {actual}",
    zh: "断言不成立：值为 {actual}",
  },
  "assert.equal": {
    en: "expected {expected}, got {actual}",
    zh: "应为 {expected}，实际为 {actual}",
  },
  "assert.notEqual": { en: "expected a value other than {expected}", zh: "不应等于 {expected}" },
  "assert.deepEqual": {
    en: "the values differ at {path}: expected {expected}, got {actual}",
    zh: "两个值在 {path} 处不同：应为 {expected}，实际为 {actual}",
  },
  "assert.notDeepEqual": {
    en: "expected the values to differ, but they are deeply equal",
    zh: "两个值不应相同，但它们完全相等",
  },
  "assert.throws": { en: "expected the function to throw", zh: "函数应当抛出错误，但没有" },
  "assert.throwsMatch": {
    en: "the function threw `{error}`, which does not match `{expected}`",
    zh: "函数抛出的 `{error}` 与 `{expected}` 不符",
  },
  // displays
  "table.shape": {
    en: (p) => `${plural(p.rows, "row", "rows")} × ${plural(p.columns, "column", "columns")}`,
    zh: "{rows} 行 × {columns} 列",
  },
  "plot.summary": {
    en: (p) =>
      `Plot: ${plural(p.traces, "trace", "traces")} (${p.types})${p.title ? ` "${p.title}"` : ""}`,
    zh: (p) =>
      `图：${p.traces} 组数据（${p.types
        .split(", ")
        .map((t) => TRACE_TYPES_ZH[t] ?? t)
        .join("、")}）${p.title ? `“${p.title}”` : ""}`,
  },
  "plot.fallback": {
    en: "The interactive plot is drawn when the notebook is trusted: trust the notebook (File → Trust Notebook, or “Trust Notebook” in the command palette) or re-run the cell.",
    zh: "笔记本被信任后才会绘制交互式图：请信任该笔记本（File → Trust Notebook，或在命令面板中选 “Trust Notebook”），或重新运行该单元格。",
  },
} satisfies Record<string, Record<Language, Template>>;

/** A key of the kit's message table. */
export type MessageKey = keyof typeof MESSAGES;

/** Every message key (for tests). */
export const MESSAGE_KEYS = Object.keys(MESSAGES) as MessageKey[];

function fill(key: string, template: Template, params: MessageParams, lang: Language): string {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(params))
    values[k] = typeof v === "number" || typeof v === "string" ? String(v) : localize(v, lang);
  if (typeof template === "function") return template(values);
  return template.replace(/\{(\w+)\}/g, (_all, name: string) => {
    if (!(name in values)) throw new Error(`msg: message "${key}" needs the parameter {${name}}`);
    return values[name];
  });
}

/**
 * One of the kit's messages, filled in every language.
 *
 * @param key the message, e.g. `"number.sign"`
 * @param params the values of its `{placeholders}`: numbers and strings as they are, `{ en, zh }` pairs per language
 * @returns `{ en, zh }`, ready to be kept in a verdict and shown later with `localize`
 * @throws {Error} when a placeholder has no value (a bug in the kit)
 * @example
 * msg("numbers.length", { want: 3, got: 2 }); // => { en: "expected 3 numbers, got 2.", zh: "应有 3 个数，得到的是 2 个。" }
 */
export function msg(key: MessageKey, params: MessageParams = {}): Translated {
  const m = MESSAGES[key] as Record<Language, Template>;
  return { en: fill(key, m.en, params, "en"), zh: fill(key, m.zh, params, "zh") };
}

/**
 * Joins texts, language by language: `concat(a, b)` is `{ en: a.en + b.en, zh: a.zh + b.zh }`.
 * @example
 * concat(msg("number.sign"), " ").en; // => "check the sign. "
 */
export function concat(...parts: Text[]): Translated {
  return {
    en: parts.map((p) => localize(p, "en")).join(""),
    zh: parts.map((p) => localize(p, "zh")).join(""),
  };
}
