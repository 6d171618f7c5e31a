// Display strings enter a figure or a table in the reader's language: the figure a helper builds
// and the table showTable writes, shown in Chinese with a label table.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { setLanguage } from "../../../notebooks/kit/src/i18n/language";
import { registerLabels, missingLabels } from "../../../notebooks/kit/src/i18n/labels";
import { localizeFigure, localizeCell } from "../../../notebooks/kit/src/i18n/display";
import { bars, curves, panels, slider } from "../../../notebooks/kit/src/plot/builders";
import { points } from "../../../notebooks/kit/src/plot/traces";
import { show } from "../../../notebooks/kit/src/display/show";
import { tableBundle } from "../../../notebooks/kit/src/display/show-table";
import { figureBundle } from "../../../notebooks/kit/src/display/figure-bundle";
import { PLOTLY_MIME } from "../../../notebooks/kit/src/format";
import { englishWords } from "../../../notebooks/kit/src/i18n/english";

const TABLE = {
  phrases: {
    "average NLL": "平均 NLL",
    "θ = {0}: KL = {1} nats": "θ = {0}：KL = {1} 奈特",
    "θ = ": "θ = ",
    "deaths": "死亡人数",
    "Three curves, one minimiser": "三条曲线，同一个最小值点",
    "5+": "5+",
    "sun": "晴",
    "weather": "天气",
    "two thresholds": "两个阈值",
  },
  terms: [
    { en: "nats", zh: "奈特" },
    { en: "probability", zh: "概率" },
    { en: "nats per example", zh: "每个样本的奈特数" },
    { en: "days", zh: "天数" },
  ],
};

function inChinese<T>(f: () => T): T {
  registerLabels("zh", TABLE);
  setLanguage("zh");
  try {
    return f();
  } finally {
    setLanguage("en");
  }
}

/** Every text a reader sees in a figure (titles, names, prefixes, step titles), for a check that nothing English is left. */
function texts(x: unknown, key = ""): string[] {
  if (typeof x === "string")
    return ["text", "name", "prefix", "title.text"].includes(key) ? [x] : [];
  if (Array.isArray(x)) return x.flatMap((v) => texts(v, key));
  if (x && typeof x === "object") return Object.entries(x).flatMap(([k, v]) => texts(v, k));
  return [];
}

const grid = [0.5, 1, 1.5];
const base = () =>
  panels([
    bars(["0", "5+"], { probability: [0.6, 0.4] }, { x: "deaths", y: "probability" }),
    curves(
      grid,
      { "average NLL": [1, 2, 3] },
      {
        x: "θ",
        y: "nats per example",
        title: "Three curves, one minimiser",
        add: [points([1], [2], { name: "θ" })],
      },
    ),
  ]);
const fig = () =>
  slider(base(), {
    values: [0.5, 1],
    label: "θ = ",
    frame: (t) => ({ title: `θ = ${t}: KL = ${t / 10} nats`, traces: { 2: { x: [t], y: [t] } } }),
  });

test("in English the figure is shown as built, the same object", () => {
  const f = fig();
  assert.is(localizeFigure(f), f);
});

test("in Chinese, titles, axes, legend names, annotations, slider prefix and every step's title are translated", () => {
  const f = inChinese(() => localizeFigure(fig()));
  const layout = f.layout as Record<string, any>;
  assert.is(layout.xaxis.title.text, "死亡人数");
  assert.is(layout.yaxis.title.text, "概率");
  assert.is(layout.yaxis2.title.text, "每个样本的奈特数");
  assert.is(layout.annotations[0].text, "三条曲线，同一个最小值点");
  assert.is(f.data[0].name, "概率");
  assert.is(f.data[1].name, "平均 NLL");
  assert.is(layout.title.text, "θ = 0.5：KL = 0.05 奈特");
  assert.is(layout.sliders[0].currentvalue.prefix, "θ = ");
  assert.equal(
    layout.sliders[0].steps.map((s: any) => s.args[1]["title.text"]),
    ["θ = 0.5：KL = 0.05 奈特", "θ = 1：KL = 0.1 奈特"],
  );
  assert.equal(
    layout.sliders[0].steps[1].args[0],
    fig().layout.sliders && (fig().layout.sliders as any)[0].steps[1].args[0],
    "the data a step restyles is unchanged",
  );
  assert.equal(f.data[0].x, ["0", "5+"]);
  assert.equal(missingLabels(), []);
});

test("category labels are translated, numbers and plotly's own words are not", () => {
  const f = inChinese(() =>
    localizeFigure(bars(["sun", "rain"], { days: [1, 2] }, { x: "weather", y: "days" })),
  );
  assert.equal(f.data[0].x, ["晴", "rain"]);
  assert.is(f.data[0].type, "bar");
  assert.is((f.layout as any).legend.orientation, "h");
  assert.equal(
    inChinese(() => missingLabels()),
    [],
    "setLanguage cleared the list",
  );
});

test("show draws the translated figure: its plotly JSON, its Chinese caption and description, and its fallback", () => {
  const html = inChinese(() =>
    show(
      curves(grid, { "average NLL": [1, 2, 3] }, { x: "θ", y: "nats", title: "two thresholds" }),
      { includePlotly: false },
    ),
  )!;
  assert.match(html, /平均 NLL/);
  assert.match(html, /aria-label="两个阈值"/, "named by its translated title");
  assert.match(
    html,
    /图：两个阈值<br>折线图。/,
    "the fallback's caption and description, in Chinese",
  );
  assert.match(html, /笔记本被信任后才会绘制交互式图/);
  assert.not.match(html, /average NLL|Plot: /);
  const bundle = inChinese(() =>
    figureBundle(
      localizeFigure(curves(grid, { "average NLL": [1, 2, 3] }, { x: "θ", y: "nats" })),
      { includePlotly: false },
    ),
  );
  assert.is((bundle[PLOTLY_MIME] as any).data[0].name, "平均 NLL");
  const plain = String(bundle["text/plain"]);
  assert.match(plain, /^图：/, "text/plain: 图： then the caption");
  assert.match(plain, /平均 NLL/, "the description names the translated series");
  assert.is(
    englishWords(plain.replace(/NLL/g, "")).length,
    0,
    `no English word but the term NLL: ${plain}`,
  );
});

test("a table's columns, string cells and caption are translated; numbers are not", () => {
  const rows = [{ weather: "sun", days: 640, probability: 0.44 }];
  const b = inChinese(() => tableBundle(rows, { caption: "weather" }));
  assert.match(
    b["text/html"] as string,
    /<caption>天气<\/caption><thead><tr><th>天气<\/th><th>天数<\/th><th>概率<\/th><\/tr><\/thead>/,
  );
  assert.match(
    b["text/html"] as string,
    /<td>晴<\/td><td class="num">640<\/td><td class="num">0\.44<\/td>/,
  );
  assert.match(b["text/markdown"] as string, /^\*天气\*\n\n\| 天气 \| 天数 \| 概率 \|/);
  assert.match(b["text/plain"] as string, /^天气\n天气/);
  const long = inChinese(() =>
    tableBundle(
      Array.from({ length: 50 }, (_, i) => ({ x: i })),
      { maxRows: 10 },
    ),
  );
  assert.match(long["text/plain"] as string, /\(50 行 × 1 列\)$/);
  assert.match(
    tableBundle(
      Array.from({ length: 50 }, (_, i) => ({ x: i })),
      { maxRows: 10 },
    )["text/plain"] as string,
    /\(50 rows × 1 column\)$/,
  );
});

test("nothing English is left in a translated figure whose labels are all in the table", () => {
  const f = inChinese(() => localizeFigure(fig()));
  const shown = texts(f);
  assert.ok(shown.length >= 10, `${shown.length} texts`);
  assert.equal(
    shown.filter((s) => englishWords(s).length > 0),
    [],
  );
  assert.ok(
    texts(fig()).some((s) => englishWords(s).length > 0),
    "the English figure had English to translate",
  );
  assert.is(localizeCell(3), 3);
});

test.run();
