// notebooks/kit/src/display/describe-figure.ts: captions, descriptions and data tables generated
// from a figure's traces, in English and Chinese, on the kit's own figures.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  dataTablesHtml,
  describeFigure,
  figureDataTables,
  figureLanguage,
  figurePlainText,
  formatNumber,
  plainLabel,
  sliderValueText,
} from "../../../notebooks/kit/src/display/describe-figure";
import { sliderState } from "../../../notebooks/kit/src/plot/live-frame";
import { liveSliderSpec } from "../../../notebooks/kit/src/plot/live-slider";
import {
  bars,
  contour,
  curves,
  histogram,
  line,
  panels,
  plot,
  points,
  liveSlider,
  slider,
  vline,
} from "../../../notebooks/kit/src/plot";

const grid = [0, 0.5, 1];

test("the caption is the title; without one, what is plotted against what, per panel", () => {
  const fig = curves(
    grid,
    { "log L": [-3, -2, -1] },
    { x: "θ", y: "nats", title: "Log-<b>likelihood</b>" },
  );
  assert.is(describeFigure(fig, { lang: "en" }).caption, "Log-likelihood", "tags dropped");
  const untitled = curves(grid, { a: [1, 2, 3] }, { x: "θ", y: "nats" });
  assert.is(describeFigure(untitled, { lang: "en" }).caption, "nats against θ");
  assert.is(describeFigure(untitled, { lang: "zh" }).caption, "nats 随 θ 的变化");
  const two = panels([
    untitled,
    plot([line(grid, [0, 1, 0])], { x: "x", y: "density", title: "second" }),
  ]);
  assert.is(
    describeFigure(two, { lang: "en" }).caption,
    "nats against θ; second",
    "a panel's own title where it has one",
  );
});

test("the description names the chart kind, each axis with its range, and every series with its kind", () => {
  const fig = plot(
    [
      line(grid, [-3, -2, -1], { name: "log L" }),
      points([0.5], [-2], { name: "θ_ML" }),
      vline(0.5, [-3, -1]),
    ],
    { x: "θ", y: "nats" },
  );
  assert.is(
    describeFigure(fig, { lang: "en" }).description,
    "Line and scatter chart. x axis: θ, from 0 to 1. y axis: nats, from −3 to −1. 2 series: log L (line); θ_ML (scatter); 1 unnamed line.",
  );
  assert.is(
    describeFigure(fig, { lang: "zh" }).description,
    "折线与散点图。横轴：θ，从 0 到 1。纵轴：nats，从 −3 到 −1。2 个系列：log L（折线）；θ_ML（散点）；1 条未命名的折线。",
  );
});

test("categories, log axes, fixed ranges, a band's two edges and bars from zero are said as drawn", () => {
  const b = bars(
    ["0", "1", "5+"],
    { p̂: [0.5, 0.3, 0.2], model: [0.4, 0.4, 0.2] },
    { x: "deaths", y: "probability" },
  );
  assert.match(
    describeFigure(b, { lang: "en" }).description,
    /^Bar chart\. x axis: deaths, categories 0, 1, 5\+\. y axis: probability, from 0 to 0\.5\. 2 series: p̂ \(bar\); model \(bar\)\.$/,
  );
  const band = plot(
    [line([10, 1000], [1, 2], { name: "±2σ" }), line([10, 1000], [3, 4], { name: "±2σ" })],
    { x: "m", y: "λ̂", xLog: true, yRange: [0, 5] },
  );
  assert.is(
    describeFigure(band, { lang: "en" }).description,
    "Line chart. x axis: m, from 10 to 1000, log scale. y axis: λ̂, from 0 to 5. 1 series: ±2σ (line, 2 traces).",
  );
  const many = bars(
    Array.from({ length: 20 }, (_, i) => `c${i}`),
    { n: Array.from({ length: 20 }, () => 1) },
    { x: "k", y: "n" },
  );
  assert.match(
    describeFigure(many, { lang: "en" }).description,
    /x axis: k, 20 categories from c0 to c19\./,
  );
});

test("a contour's colour scale and markers coloured by value are described with their ranges", () => {
  const c = contour([0, 1], [0, 1, 2], (x, y) => x + y, {
    x: "μ",
    y: "σ",
    z: "log L",
    add: [points([0.5], [1], { name: "θ_ML" })],
  });
  assert.is(
    describeFigure(c, { lang: "en" }).description,
    "Contour and scatter chart. x axis: μ, from 0 to 1. y axis: σ, from 0 to 2. 1 series: θ_ML (scatter); 1 unnamed contour. colour: log L, from 0 to 3.",
  );
  const coloured = plot(
    [points([1, 2], [3, 4], { name: "pairs", color: [-1, 2], colorbar: "ΔH" })],
    { x: "a", y: "b" },
  );
  assert.match(describeFigure(coloured, { lang: "en" }).description, /colour: ΔH, from −1 to 2\.$/);
});

test("panels are described one by one, and a slider with its current value", () => {
  const left = bars([0, 1], { p: [0.5, 0.5] }, { x: "k", y: "P" });
  const right = curves(grid, { J: [2, 1, 2] }, { x: "θ", y: "nats" });
  const fig = slider(panels([left, right]), {
    values: [0.3, 0.6, 0.9],
    start: 1,
    label: "θ = ",
    frame: (t) => ({ title: `θ = ${t}`, traces: { 0: { y: [t, 1 - t] } } }),
  });
  const d = describeFigure(fig, { lang: "en" });
  assert.is(d.caption, "θ = 0.6");
  assert.is(
    d.description,
    "2 panels side by side. Panel 1: bar chart; x axis: k, from 0 to 1; y axis: P, from 0 to 0.6; 1 series: p (bar). " +
      "Panel 2: line chart; x axis: θ, from 0 to 1; y axis: nats, from 1 to 2; 1 series: J (line). A slider sets θ in 3 steps from 0.30 to 0.90; now 0.60.",
  );
  assert.match(
    describeFigure(fig, { lang: "zh" }).description,
    /^2 个并排的子图。子图 1：柱状图；横轴：k.*滑块设置 θ，共 3 档，从 0\.30 到 0\.90；当前为 0\.60。$/,
  );
});

test("a continuous slider beside the figure (a page's range input) ends the description with its range and the value text of the value shown", () => {
  const left = bars([0, 1], { p: [0.5, 0.5] }, { x: "k", y: "P" });
  const right = curves(grid, { J: [2, 1, 2] }, { x: "θ", y: "nats" });
  const live = liveSlider(panels([left, right]), {
    label: "θ",
    min: 0.3,
    max: 0.9,
    step: 0.01,
    start: 0.6,
    steps: [0.3, 0.6, 0.9],
    inputs: {},
    frame: (t) => ({ title: `θ = ${t.toFixed(2)}`, traces: { 0: { y: [t, 1 - t] } } }),
  });
  const spec = liveSliderSpec(live)!;
  // The page draws the figure without plotly's stepped slider; the range input replaces it.
  const drawn = { ...live, layout: { ...(live.layout as object), sliders: undefined } };
  const at = (v: number, lang: "en" | "zh") =>
    describeFigure(drawn as never, { lang, slider: sliderState(spec, v) }).description;
  const panelsText =
    "2 panels side by side. Panel 1: bar chart; x axis: k, from 0 to 1; y axis: P, from 0 to 0.6; 1 series: p (bar). " +
    "Panel 2: line chart; x axis: θ, from 0 to 1; y axis: nats, from 1 to 2; 1 series: J (line).";
  assert.is(
    at(0.6, "en"),
    `${panelsText} A slider sets θ from 0.30 to 0.90 in steps of 0.01; now θ = 0.60.`,
  );
  // The value text follows the value, to the slider's digits, and is the control's own text.
  assert.match(at(0.61, "en"), /; now θ = 0\.61\.$/);
  assert.ok(at(0.61, "en").endsWith(`now ${sliderValueText("θ", 0.61, spec.digits)}.`));
  assert.match(
    at(0.61, "zh"),
    /^2 个并排的子图。.*滑块设置 θ，从 0\.30 到 0\.90，步长 0\.01；当前为 θ = 0\.61。$/,
  );
  // Given a slider, it is the one described, not the layout's stepped slider.
  const both = describeFigure(live, { lang: "en", slider: sliderState(spec, 0.9) }).description;
  assert.match(both, /now θ = 0\.90\.$/);
  assert.not.match(both, /in 3 steps/);
  assert.throws(
    () => describeFigure(drawn as never, { slider: sliderState(spec, NaN) }),
    (e: Error) =>
      e instanceof RangeError &&
      e.message === "describeFigure: slider.value = NaN is not a finite number",
  );
});

test("a slider's value text: the label, ' = ', the value to its digits; bad input is named", () => {
  assert.is(sliderValueText("θ", 0.6100001, 2), "θ = 0.61");
  assert.is(sliderValueText("θ", 0.605, 1), "θ = 0.6");
  assert.is(sliderValueText("α", 3, 0), "α = 3");
  assert.is(sliderValueText("θ", -0.5, 2), "θ = -0.50");
  assert.throws(
    () => sliderValueText("θ", Infinity, 2),
    /sliderValueText: value = Infinity is not a finite number/,
  );
  assert.throws(
    () => sliderValueText("θ", 1, 1.5),
    /sliderValueText: digits = 1\.5 is not an integer from 0 to 20/,
  );
  assert.throws(() => sliderValueText("θ", 1, -1), /digits = -1/);
});

test("the language: an explicit tag (zh-CN counts as zh), else the kit's language as setLanguage stores it, else English", () => {
  assert.is(figureLanguage("zh-CN"), "zh");
  assert.is(figureLanguage("en"), "en");
  assert.is(figureLanguage("fr"), "en", "a language without a table gets English");
  const key = Symbol.for("notebook-kit.i18n");
  const g = globalThis as unknown as Record<symbol, unknown>;
  const before = g[key];
  try {
    g[key] = { language: "zh" };
    assert.is(figureLanguage(), "zh");
    assert.is(describeFigure({ data: [{ y: [1] }] }).language, "zh");
    assert.is(figureLanguage("en"), "en", "an explicit language wins");
  } finally {
    g[key] = before;
  }
  assert.is(figureLanguage(), "en");
});

test("the text/plain form: 'Plot: caption' and the description on the next line", () => {
  const t = describeFigure(curves(grid, { a: [1, 2, 3] }, { x: "θ", y: "nats" }), { lang: "zh" });
  assert.is(figurePlainText(t), `图：nats 随 θ 的变化\n${t.description}`);
});

test("data tables: traces on one x grid share a table; others get their own; names stay unique", () => {
  const fig = plot(
    [
      line(grid, [1, 2, 3], { name: "a" }),
      line(grid, [4, 5, 6], { name: "a" }),
      points([0.5], [2], { name: "θ_ML" }),
    ],
    { x: "θ", y: "nats", title: "T" },
  );
  const [shared, single] = figureDataTables(fig, { lang: "en" });
  assert.equal(shared, {
    caption: "Data: T (a, a (2))",
    columns: ["θ", "a", "a (2)"],
    rows: [
      [0, 1, 4],
      [0.5, 2, 5],
      [1, 3, 6],
    ],
  });
  assert.equal(single, { caption: "Data: T (θ_ML)", columns: ["θ", "θ_ML"], rows: [[0.5, 2]] });
  const b = figureDataTables(
    bars(["H", "T"], { p: [0.5, 0.5], q: [0.2, 0.8] }, { x: "side", y: "P" }),
    { lang: "zh" },
  );
  assert.equal(b, [
    {
      caption: "数据：P 随 side 的变化",
      columns: ["side", "p", "q"],
      rows: [
        ["H", 0.5, 0.2],
        ["T", 0.5, 0.8],
      ],
    },
  ]);
  const gap = figureDataTables(
    plot([line([0, 1], [1, Infinity], { name: "f" })], { x: "x", y: "y" }),
    { lang: "en" },
  );
  assert.equal(
    gap[0].rows,
    [
      [0, 1],
      [1, null],
    ],
    "a gap in the curve is an empty cell",
  );
});

test("a histogram's table is its bins, normalised as drawn (a density integrates to 1); the page can pass plotly's own bins", () => {
  const sample = [0, 0.1, 0.2, 1.5, 1.6, 3.9, 4];
  const fig = histogram(sample, { x: "x", y: "density", bins: 4 });
  const [t] = figureDataTables(fig, { lang: "en" });
  assert.equal(t.columns, ["x from", "x to", "density"]);
  assert.is(t.rows.length, 4);
  const width = (t.rows[0][1] as number) - (t.rows[0][0] as number);
  assert.is(width, 1);
  const area = t.rows.reduce((s, r) => s + (r[2] as number) * width, 0);
  assert.ok(Math.abs(area - 1) < 1e-12, `area ${area}`);
  assert.equal(
    t.rows.map((r) => r[2]),
    [3 / 7, 2 / 7, 0, 2 / 7],
    "the last edge (4) belongs to the last bin",
  );
  const [given] = figureDataTables(fig, { lang: "en", bins: { 0: { start: 0, end: 4, size: 2 } } });
  assert.equal(given.rows, [
    [0, 2, 5 / 14],
    [2, 4, 2 / 14],
  ]);
});

test("a contour's table is its z grid: y down, x across", () => {
  const [t] = figureDataTables(
    contour([0, 1], [0, 1, 2], (x, y) => 10 * y + x, { x: "μ", y: "σ", z: "log L" }),
    { lang: "en" },
  );
  assert.equal(t.columns, ["σ \\ μ", "0", "1"]);
  assert.equal(t.rows, [
    [0, 0, 1],
    [1, 10, 11],
    [2, 20, 21],
  ]);
  assert.is(t.caption, "Data: σ against μ (log L)");
});

test("tables as HTML: a named focusable region, column and row headers, escaped text, numbers to 6 digits", () => {
  const html = dataTablesHtml([
    {
      caption: "a <b>",
      columns: ["x", "y&z"],
      rows: [
        [1 / 3, null],
        ["c", -2e-9],
      ],
    },
  ]);
  assert.is(
    html,
    '<div class="plot-table" role="region" tabindex="0" aria-label="a &lt;b&gt;"><table><caption>a &lt;b&gt;</caption><thead><tr><th scope="col">x</th><th scope="col">y&amp;z</th></tr></thead>' +
      '<tbody><tr><th scope="row">0.333333</th><td></td></tr><tr><th scope="row">c</th><td>−2e-9</td></tr></tbody></table></div>',
  );
});

test("on a Chinese page, English labels in a data table are marked lang=en; Chinese ones and numbers are not", () => {
  const html = dataTablesHtml(
    [
      {
        caption: "数据：log L 随 θ 的变化",
        columns: ["θ", "log L", "对数似然"],
        rows: [["rain", 1]],
      },
    ],
    { lang: "zh-CN" },
  );
  assert.ok(
    html.includes('aria-label="数据：log L 随 θ 的变化"><table>'),
    "a mixed caption keeps the page's language",
  );
  assert.ok(
    html.includes(
      '<th scope="col">θ</th><th scope="col" lang="en">log L</th><th scope="col">对数似然</th>',
    ),
  );
  assert.ok(html.includes('<th scope="row" lang="en">rain</th><td>1</td>'));
  assert.not.ok(
    dataTablesHtml([{ caption: "c", columns: ["log L"], rows: [] }]).includes("lang="),
    "an English page marks nothing",
  );
});

test("numbers read well: 3 significant digits, exponents outside [0.001, 100000), a true minus sign", () => {
  assert.is(formatNumber(0.6100001), "0.61");
  assert.is(formatNumber(-2.5e-7), "−2.5e-7");
  assert.is(formatNumber(123456), "1.23e5");
  assert.is(formatNumber(99999), "1e5", "rounded first");
  assert.is(formatNumber(0), "0");
  assert.is(formatNumber(-Infinity), "−∞");
  assert.is(formatNumber(1 / 3, 6), "0.333333");
});

test("labels as text: <br> a space, tags dropped, entities decoded", () => {
  assert.is(plainLabel("a<br>b <sub>2</sub> &amp; c"), "a b 2 & c");
  assert.is(plainLabel(undefined), "");
});

test("every trace, whatever its shape, is described without throwing", () => {
  assert.is(describeFigure({ data: [] }, { lang: "en" }).description, "Empty chart.");
  const odd = {
    data: [{ type: "pie", values: [1, 2] }, { y: [null, 5] }, { type: "heatmap", z: [] }],
    layout: { xaxis: {}, yaxis: { type: "log", range: [0, 2] } },
  };
  const d = describeFigure(odd, { lang: "en" });
  assert.match(d.description, /y axis: y, from 1 to 100, log scale/);
  const cats = describeFigure(
    { data: [{ type: "bar", x: ["a", null, "b"], y: [1, 2, 3] }] },
    { lang: "en" },
  );
  assert.match(cats.description, /x axis: x, categories a, b\./, "a missing category is not one");
  assert.ok(Array.isArray(figureDataTables(odd)));
});

test.run();
