// A text alternative for every plot, generated from the figure itself: a caption (its title, or
// what it plots against what), a description that names the chart kind, the axes with their
// ranges and the series, and the plotted data as tables. The kit knows the traces, so no plot
// is described by hand.
//
// Pure and browser-safe (no Node, nothing run at import): the kernel uses it in `show` (the
// output's text/plain and metadata), the exporter for pages, PDF and Markdown alt text, and the
// exported page bundles it to build "show the data" tables on demand and to follow a slider.
// Labels are read from the figure as drawn, so a translated figure is described in its own
// labels; the few words this module adds come from FIGURE_STRINGS, keyed by language.

/** A language the descriptions are written in. */
export type FigureLanguage = "en" | "zh";

/** The figure as the plotly MIME type carries it (plain JSON). */
export interface FigureJson {
  readonly data: readonly Record<string, unknown>[];
  readonly layout?: Record<string, unknown>;
}

/** A figure's caption and description, and the language they are written in. */
export interface FigureText {
  readonly caption: string;
  readonly description: string;
  readonly language: FigureLanguage;
}

/** One table of plotted data: a caption, column headers, rows (the first cell of a row is its header). */
export interface DataTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** Histogram bins as plotly drew them (`start`, `end`, `size`), by trace index. */
export type BinsByTrace = Readonly<
  Record<number, { readonly start: number; readonly end: number; readonly size: number }>
>;

type Kind = "line" | "scatter" | "bar" | "histogram" | "contour" | "other";

interface Strings {
  kinds: Record<Kind, string>;
  /** The chart noun for one or more kinds. */
  chart(kinds: string[]): string;
  against(y: string, x: string): string;
  axis(which: "x" | "y", title: string, detail: string): string;
  range(lo: string, hi: string): string;
  log: string;
  categories(list: string[], n: number): string;
  series(n: number, list: string[]): string;
  unnamed(n: number, kind: string): string;
  copies(n: number): string;
  colour(title: string, range: string): string;
  panels(n: number): string;
  panel(k: number, title: string, body: string): string;
  slider(label: string, n: number, first: string, last: string, now: string): string;
  /** A continuous slider: its range, its step and its value text now. */
  sliderRange(label: string, min: string, max: string, step: string, now: string): string;
  sentence(s: string): string;
  join(parts: string[]): string;
  /** Between sentences. */
  between: string;
  /** A note in brackets after a name. */
  paren(x: string): string;
  /** Between the items of a short list (categories, series names in a caption). */
  list: string;
  /** Between the details of one axis (its range, log scale). */
  detail: string;
  tableOf(caption: string): string;
  binFrom: string;
  binTo: string;
  count: string;
  colourColumn: string;
  showData: string;
  plot: string;
  untitled: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The words this module adds to a description, per language. Everything else comes from the figure. */
export const FIGURE_STRINGS: Readonly<Record<FigureLanguage, Strings>> = {
  en: {
    kinds: {
      line: "line",
      scatter: "scatter",
      bar: "bar",
      histogram: "histogram",
      contour: "contour",
      other: "other",
    },
    chart: (kinds) =>
      kinds.length === 1 && kinds[0] === "histogram"
        ? "Histogram"
        : `${cap(kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} and ${kinds[kinds.length - 1]}` : kinds[0])} chart`,
    against: (y, x) => `${y} against ${x}`,
    axis: (which, title, detail) => `${which} axis: ${title}${detail ? `, ${detail}` : ""}`,
    range: (lo, hi) => `from ${lo} to ${hi}`,
    log: "log scale",
    categories: (list, n) =>
      list.length < n
        ? `${n} categories from ${list[0]} to ${list[list.length - 1]}`
        : `categories ${list.join(", ")}`,
    series: (n, list) => `${n} series: ${list.join("; ")}`,
    unnamed: (n, kind) => `${n} unnamed ${kind}${n === 1 ? "" : "s"}`,
    copies: (n) => `${n} traces`,
    colour: (title, range) => `colour: ${title}${range ? `, ${range}` : ""}`,
    panels: (n) => `${n} panels side by side`,
    panel: (k, title, body) => `Panel ${k}${title ? `, “${title}”` : ""}: ${body}`,
    slider: (label, n, first, last, now) =>
      `A slider sets ${label} in ${n} steps from ${first} to ${last}; now ${now}`,
    sliderRange: (label, min, max, step, now) =>
      `A slider sets ${label} from ${min} to ${max} in steps of ${step}; now ${now}`,
    sentence: (s) => (/[.!?]$/.test(s) ? s : `${s}.`),
    join: (parts) => parts.join("; "),
    between: " ",
    paren: (x) => ` (${x})`,
    list: ", ",
    detail: ", ",
    tableOf: (c) => `Data: ${c}`,
    binFrom: "from",
    binTo: "to",
    count: "count",
    colourColumn: "colour",
    showData: "Show the data",
    plot: "Plot",
    untitled: "plot",
  },
  zh: {
    kinds: {
      line: "折线",
      scatter: "散点",
      bar: "柱状",
      histogram: "直方",
      contour: "等高线",
      other: "其他",
    },
    chart: (kinds) =>
      `${kinds.length > 1 ? `${kinds.slice(0, -1).join("、")}与${kinds[kinds.length - 1]}` : kinds[0]}图`,
    against: (y, x) => `${y} 随 ${x} 的变化`,
    axis: (which, title, detail) =>
      `${which === "x" ? "横轴" : "纵轴"}：${title}${detail ? `，${detail}` : ""}`,
    range: (lo, hi) => `从 ${lo} 到 ${hi}`,
    log: "对数刻度",
    categories: (list, n) =>
      list.length < n
        ? `${n} 个类别，从 ${list[0]} 到 ${list[list.length - 1]}`
        : `类别 ${list.join("、")}`,
    series: (n, list) => `${n} 个系列：${list.join("；")}`,
    unnamed: (n, kind) => `${n} 条未命名的${kind}`,
    copies: (n) => `${n} 条`,
    colour: (title, range) => `颜色：${title}${range ? `，${range}` : ""}`,
    panels: (n) => `${n} 个并排的子图`,
    panel: (k, title, body) => `子图 ${k}${title ? `「${title}」` : ""}：${body}`,
    slider: (label, n, first, last, now) =>
      `滑块设置 ${label}，共 ${n} 档，从 ${first} 到 ${last}；当前为 ${now}`,
    sliderRange: (label, min, max, step, now) =>
      `滑块设置 ${label}，从 ${min} 到 ${max}，步长 ${step}；当前为 ${now}`,
    sentence: (s) => (/[。！？]$/.test(s) ? s : `${s}。`),
    join: (parts) => parts.join("；"),
    between: "",
    paren: (x) => `（${x}）`,
    list: "、",
    detail: "，",
    tableOf: (c) => `数据：${c}`,
    binFrom: "起",
    binTo: "止",
    count: "计数",
    colourColumn: "颜色",
    showData: "显示数据",
    plot: "图",
    untitled: "图",
  },
};

const STATE_KEY = "notebook-kit.i18n";

/**
 * The language of a description: `lang` when given ("zh-CN" counts as "zh"), else the kit's
 * current language (set by `setLanguage` in a Chinese notebook's import cell), else English.
 * @example figureLanguage("zh-CN") // => "zh"
 * @example figureLanguage("fr") // => "en"
 */
export function figureLanguage(lang?: string): FigureLanguage {
  const tag =
    lang ??
    (globalThis as unknown as Record<symbol, { language?: string } | undefined>)[
      Symbol.for(STATE_KEY)
    ]?.language ??
    "en";
  return /^zh\b/i.test(tag) ? "zh" : "en";
}

/** Plotly label text as plain text: tags dropped (`<br>` as a space), entities decoded, spaces collapsed. */
export function plainLabel(s: unknown): string {
  if (typeof s !== "string") return "";
  return s
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** A title object or string's text. */
function titleText(t: unknown): string {
  if (typeof t === "string") return plainLabel(t);
  if (t && typeof t === "object") return plainLabel((t as { text?: unknown }).text);
  return "";
}

/**
 * A number for reading: 3 significant digits (`digits`), trailing zeros dropped, an exponent
 * below 0.001 or from 100 000 on, and a true minus sign (screen readers say "minus").
 * @example formatNumber(0.6100001) // => "0.61"
 * @example formatNumber(-2.5e-7) // => "−2.5e-7"
 */
export function formatNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const r = Number(v.toPrecision(digits));
  const a = Math.abs(r);
  const s =
    a < 1e-3 || a >= 1e5
      ? r
          .toExponential(digits - 1)
          .replace(/\.?0+e/, "e")
          .replace("e+", "e")
      : String(r);
  return s.replace(/^-/, "−");
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The values of a trace's `x`/`y`, as an array (plotly also takes a scalar `x0`/`dx` grid: rare here). */
function values(t: Record<string, unknown>, key: "x" | "y" | "z"): unknown[] {
  const v = t[key];
  if (Array.isArray(v)) return v;
  // plotly draws y against 0, 1, 2, … when a scatter or bar has no x
  if (key === "x" && t.type !== "histogram" && t.type !== "contour" && Array.isArray(t.y))
    return t.y.map((_, i) => i);
  return [];
}

function kindOf(t: Record<string, unknown>): Kind {
  const type = String(t.type ?? "scatter");
  if (type === "scatter" || type === "scattergl") {
    const mode = String(t.mode ?? (values(t, "x").length > 20 ? "lines" : "lines+markers"));
    return mode.includes("lines") ? "line" : "scatter";
  }
  if (type === "bar") return "bar";
  if (type === "histogram") return "histogram";
  if (type === "contour" || type === "heatmap") return "contour";
  return "other";
}

/** The axis ids a trace is drawn on: "x"/"y", "x2"/"y2", … */
const axesOf = (t: Record<string, unknown>): [string, string] => [
  String(t.xaxis ?? "x"),
  String(t.yaxis ?? "y"),
];
const layoutKey = (id: string) => `${id.charAt(0)}axis${id.slice(1)}`;

interface Panel {
  x: string;
  y: string;
  traces: number[];
}

/** The panels of a figure: one per pair of axes the traces are drawn on, in order of first use. */
function panelsOf(fig: FigureJson): Panel[] {
  const panels: Panel[] = [];
  fig.data.forEach((t, i) => {
    const [x, y] = axesOf(t);
    let p = panels.find((q) => q.x === x && q.y === y);
    if (!p) panels.push((p = { x, y, traces: [] }));
    p.traces.push(i);
  });
  return panels;
}

/** A panel's own title: the annotation centred over its x domain near the top (what `panels` writes). */
function panelTitle(fig: FigureJson, p: Panel): string {
  const layout = fig.layout ?? {};
  const axis = (layout[layoutKey(p.x)] ?? {}) as { domain?: number[] };
  const [d0, d1] = Array.isArray(axis.domain) ? axis.domain : [0, 1];
  const notes = Array.isArray(layout.annotations)
    ? (layout.annotations as Record<string, unknown>[])
    : [];
  const a = notes.find(
    (n) =>
      n.xref === "paper" &&
      n.yref === "paper" &&
      isNum(n.x) &&
      n.x > d0 &&
      n.x < d1 &&
      isNum(n.y) &&
      n.y >= 1,
  );
  return a ? plainLabel(a.text) : "";
}

/** The range shown on an axis: the layout's fixed range (log axes in powers of 10), else the data's. */
function axisRange(fig: FigureJson, id: string, traces: number[]): [number, number] | undefined {
  const axis = ((fig.layout ?? {})[layoutKey(id)] ?? {}) as {
    range?: unknown[];
    type?: string;
    autorange?: unknown;
  };
  const log = axis.type === "log";
  if (
    Array.isArray(axis.range) &&
    isNum(axis.range[0]) &&
    isNum(axis.range[1]) &&
    axis.autorange !== true
  ) {
    const [a, b] = axis.range as number[];
    return log ? [10 ** a, 10 ** b] : [a, b];
  }
  const key = id.charAt(0) as "x" | "y";
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of traces) {
    const t = fig.data[i];
    const kind = kindOf(t);
    if (kind === "histogram" && key === "y") return undefined; // heights plotly computes
    const vs = kind === "histogram" ? values(t, "x") : values(t, key);
    for (const v of vs) {
      if (!isNum(v) || (log && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (kind === "bar" && key === "y" && t.base === undefined) lo = Math.min(lo, 0);
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** The categories on a category axis (string values, or the layout says category), else undefined. */
function categoriesOf(fig: FigureJson, id: string, traces: number[]): string[] | undefined {
  const axis = ((fig.layout ?? {})[layoutKey(id)] ?? {}) as { type?: string };
  const key = id.charAt(0) as "x" | "y";
  const seen: string[] = [];
  let strings = false;
  for (const i of traces) {
    for (const v of values(fig.data[i], key)) {
      if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) continue;
      if (typeof v === "string") strings = true;
      const s = typeof v === "number" ? formatNumber(v, 6) : String(v);
      if (!seen.includes(s)) seen.push(s);
    }
  }
  return axis.type === "category" || strings ? seen : undefined;
}

function axisDetail(fig: FigureJson, id: string, traces: number[], s: Strings): string {
  const axis = ((fig.layout ?? {})[layoutKey(id)] ?? {}) as { type?: string };
  const cats = categoriesOf(fig, id, traces);
  if (cats)
    return s.categories(cats.length > 12 ? [cats[0], cats[cats.length - 1]] : cats, cats.length);
  const r = axisRange(fig, id, traces);
  const parts: string[] = [];
  if (r) parts.push(s.range(formatNumber(r[0]), formatNumber(r[1])));
  if (axis.type === "log") parts.push(s.log);
  return parts.join(s.detail);
}

function axisTitle(fig: FigureJson, id: string): string {
  return (
    titleText((((fig.layout ?? {})[layoutKey(id)] ?? {}) as { title?: unknown }).title) ||
    id.charAt(0)
  );
}

/** The series of a panel: "N series: name (kind); …", same-named traces counted once, then the unnamed ones by kind. */
function seriesSentence(fig: FigureJson, p: Panel, s: Strings): string {
  const named = new Map<string, { kinds: Kind[]; n: number }>();
  const unnamed = new Map<Kind, number>();
  for (const i of p.traces) {
    const t = fig.data[i];
    const kind = kindOf(t);
    const name = plainLabel(t.name);
    if (!name) {
      unnamed.set(kind, (unnamed.get(kind) ?? 0) + 1);
      continue;
    }
    const e = named.get(name) ?? { kinds: [], n: 0 };
    if (!e.kinds.includes(kind)) e.kinds.push(kind);
    e.n++;
    named.set(name, e);
  }
  const items = [...named].map(
    ([name, e]) =>
      `${name}${s.paren(`${e.kinds.map((k) => s.kinds[k]).join(s.list)}${e.n > 1 ? `${s.detail}${s.copies(e.n)}` : ""}`)}`,
  );
  const rest = [...unnamed].map(([kind, n]) => s.unnamed(n, s.kinds[kind]));
  return s.join([...(items.length ? [s.series(items.length, items)] : []), ...rest]);
}

/** The colour scale of a panel (a contour's z, or markers coloured by value), as "colour: title, range". */
function colourOf(fig: FigureJson, p: Panel, s: Strings): string {
  for (const i of p.traces) {
    const t = fig.data[i];
    const marker = (t.marker ?? {}) as { color?: unknown; colorbar?: { title?: unknown } };
    if (kindOf(t) === "contour") {
      const zs = values(t, "z")
        .flatMap((row) => (Array.isArray(row) ? row : []))
        .filter(isNum) as number[];
      const title = titleText((t.colorbar as { title?: unknown } | undefined)?.title) || "z";
      const range = zs.length
        ? s.range(formatNumber(Math.min(...zs)), formatNumber(Math.max(...zs)))
        : "";
      return s.colour(title, range);
    }
    if (Array.isArray(marker.color)) {
      const cs = marker.color.filter(isNum) as number[];
      const title = titleText(marker.colorbar?.title) || s.colourColumn;
      return s.colour(
        title,
        cs.length ? s.range(formatNumber(Math.min(...cs)), formatNumber(Math.max(...cs))) : "",
      );
    }
  }
  return "";
}

function panelKinds(fig: FigureJson, p: Panel, s: Strings): string {
  const kinds: Kind[] = [];
  for (const i of p.traces) {
    const k = kindOf(fig.data[i]);
    if (!kinds.includes(k)) kinds.push(k);
  }
  // The main kind first: areas (contour, histogram, bar) before the lines and points drawn over them.
  const order: Kind[] = ["contour", "histogram", "bar", "line", "scatter", "other"];
  kinds.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return s.chart(kinds.map((k) => s.kinds[k]));
}

function panelCaption(fig: FigureJson, p: Panel, s: Strings): string {
  return s.against(axisTitle(fig, p.y), axisTitle(fig, p.x));
}

/** The slider of a figure (plotly's `layout.sliders[0]`) as one sentence, or "". */
function sliderSentence(fig: FigureJson, s: Strings): string {
  const sl = (
    Array.isArray(fig.layout?.sliders)
      ? (fig.layout!.sliders as Record<string, unknown>[])[0]
      : undefined
  ) as
    | { steps?: { label?: unknown }[]; active?: unknown; currentvalue?: { prefix?: unknown } }
    | undefined;
  if (!sl || !Array.isArray(sl.steps) || sl.steps.length === 0) return "";
  const labels = sl.steps.map((st) => plainLabel(String(st.label ?? "")));
  const active = isNum(sl.active) ? sl.active : 0;
  const label =
    plainLabel(String(sl.currentvalue?.prefix ?? ""))
      .replace(/[=:：]\s*$/, "")
      .trim() || "?";
  return s.slider(
    label,
    labels.length,
    labels[0],
    labels[labels.length - 1],
    labels[active] ?? labels[0],
  );
}

/**
 * A continuous slider drawn beside a figure (an exported page's range input, which replaces
 * plotly's stepped slider), at the value the figure's traces were computed for.
 */
export interface SliderState {
  /** The parameter's name, e.g. "θ". */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Decimals shown for a value. */
  readonly digits: number;
  /** The value the figure shows now. */
  readonly value: number;
}

/**
 * The value text of a slider, as its control and the figure's description say it:
 * `label = value` with `digits` decimals.
 * @param label the parameter's name
 * @param value the slider's value
 * @param digits decimals shown (0–20)
 * @returns the text, e.g. "θ = 0.61"
 * @throws {RangeError} when `value` is not finite or `digits` is not an integer in [0, 20]
 * @example sliderValueText("θ", 0.6100001, 2) // => "θ = 0.61"
 * @example sliderValueText("α", 3, 0) // => "α = 3"
 * @example sliderValueText("θ", NaN, 2) // => throws RangeError: sliderValueText: value = NaN is not a finite number
 */
export function sliderValueText(label: string, value: number, digits: number): string {
  if (!Number.isFinite(value))
    throw new RangeError(`sliderValueText: value = ${value} is not a finite number`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20)
    throw new RangeError(`sliderValueText: digits = ${digits} is not an integer from 0 to 20`);
  return `${label} = ${value.toFixed(digits)}`;
}

/** A continuous slider as one sentence: its range, its step and its value now. */
function rangeSentence(sl: SliderState, s: Strings): string {
  for (const k of ["min", "max", "step", "value"] as const)
    if (!isNum(sl[k]))
      throw new RangeError(`describeFigure: slider.${k} = ${sl[k]} is not a finite number`);
  return s.sliderRange(
    sl.label,
    sl.min.toFixed(sl.digits),
    sl.max.toFixed(sl.digits),
    formatNumber(sl.step, 6),
    sliderValueText(sl.label, sl.value, sl.digits),
  );
}

/**
 * The caption and description of a plotly figure, in the figure's own labels.
 *
 * - caption: the figure's title; without one, "y against x" per panel (joined by "; ").
 * - description: the chart kind, each axis with its title and range (or categories, or log
 *   scale), the series by legend name with their kind, the colour scale, panels one by one,
 *   and the slider with its current value: `slider` when given (a continuous slider drawn
 *   beside the figure, whose value text "θ = 0.61" the sentence ends with), else plotly's
 *   stepped slider in the layout.
 *
 * @param fig the figure as JSON (`{ data, layout }`)
 * @param options `lang`: "en", "zh" or a BCP 47 tag such as "zh-CN"; default: the kit's language.
 *   `slider`: a continuous slider beside the figure and the value its traces show; default none
 * @returns `{ caption, description, language }`
 * @example
 * describeFigure({ data: [{ type: "scatter", mode: "lines", name: "log L", x: [0, 1], y: [-3, -1] }],
 *   layout: { xaxis: { title: { text: "θ" } }, yaxis: { title: { text: "nats" } } } }, { lang: "en" });
 * // => { caption: "nats against θ",
 * //      description: "Line chart. x axis: θ, from 0 to 1. y axis: nats, from −3 to −1. 1 series: log L (line).", language: "en" }
 * describeFigure({ data: [] }, { lang: "en" }).description // => "Empty chart."
 * describeFigure({ data: [{ x: [0, 1], y: [1, 2] }] }, { lang: "en",
 *   slider: { label: "θ", min: 0.3, max: 1.5, step: 0.01, digits: 2, value: 0.62 } }).description
 * // => "Line chart. x axis: x, from 0 to 1. y axis: y, from 1 to 2. 1 unnamed line. A slider sets θ from 0.30 to 1.50 in steps of 0.01; now θ = 0.62."
 * describeFigure(fig, { slider: { label: "θ", min: 0, max: 1, step: 0.1, digits: 1, value: NaN } })
 * // => throws RangeError: describeFigure: slider.value = NaN is not a finite number
 */
export function describeFigure(
  fig: FigureJson,
  { lang, slider }: { lang?: string; slider?: SliderState } = {},
): FigureText {
  const language = figureLanguage(lang);
  const s = FIGURE_STRINGS[language];
  const panels = panelsOf(fig);
  const title = titleText(fig.layout?.title);
  if (panels.length === 0)
    return {
      caption: title || s.untitled,
      description: s.sentence(language === "en" ? "Empty chart" : "空图"),
      language,
    };
  const body = (p: Panel, lead: boolean) => {
    const parts = [
      s.axis("x", axisTitle(fig, p.x), axisDetail(fig, p.x, p.traces, s)),
      s.axis("y", axisTitle(fig, p.y), axisDetail(fig, p.y, p.traces, s)),
    ];
    const series = seriesSentence(fig, p, s);
    if (series) parts.push(series);
    const colour = colourOf(fig, p, s);
    if (colour) parts.push(colour);
    return lead ? parts : [panelKinds(fig, p, s).toLowerCase(), ...parts];
  };
  let description: string;
  if (panels.length === 1) {
    description = [panelKinds(fig, panels[0], s), ...body(panels[0], true)]
      .map((x) => s.sentence(x))
      .join(s.between);
  } else {
    description = [
      s.sentence(s.panels(panels.length)),
      ...panels.map((p, k) =>
        s.sentence(s.panel(k + 1, panelTitle(fig, p), s.join(body(p, false)))),
      ),
    ].join(s.between);
  }
  const sliderText = slider ? rangeSentence(slider, s) : sliderSentence(fig, s);
  if (sliderText) description += `${s.between}${s.sentence(sliderText)}`;
  const caption = title || s.join(panels.map((p) => panelTitle(fig, p) || panelCaption(fig, p, s)));
  return { caption, description, language };
}

/** The one-line text/plain of a plot output: "Plot: caption" and the description on the next line. */
export function figurePlainText(text: FigureText): string {
  return `${FIGURE_STRINGS[text.language].plot}${text.language === "zh" ? "：" : ": "}${text.caption}\n${text.description}`;
}

/** Equal-width bins over the sample (plotly's own choice of bins is used where the page knows it). */
function binsFor(
  xs: number[],
  t: Record<string, unknown>,
  given?: { start: number; end: number; size: number },
): { start: number; size: number; n: number } {
  const xb = (given ?? t.xbins) as { start?: unknown; end?: unknown; size?: unknown } | undefined;
  if (xb && isNum(xb.start) && isNum(xb.end) && isNum(xb.size) && xb.size > 0) {
    return {
      start: xb.start,
      size: xb.size,
      n: Math.max(1, Math.ceil((xb.end - xb.start) / xb.size - 1e-9)),
    };
  }
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const n =
    isNum(t.nbinsx) && t.nbinsx > 0 ? t.nbinsx : Math.max(1, Math.ceil(Math.log2(xs.length) + 1));
  const size = hi > lo ? (hi - lo) / n : 1;
  return { start: lo, size, n };
}

/** The histogram of one trace as rows (from, to, value), normalised as the trace says (`histnorm`). */
function histogramRows(
  t: Record<string, unknown>,
  given?: { start: number; end: number; size: number },
): (number | null)[][] {
  const xs = values(t, "x").filter(isNum) as number[];
  if (!xs.length) return [];
  const { start, size, n } = binsFor(xs, t, given);
  const counts = new Array<number>(n).fill(0);
  for (const x of xs) {
    let k = Math.floor((x - start) / size);
    if (k === n && x <= start + n * size + size * 1e-9) k = n - 1; // the last edge belongs to the last bin
    if (k >= 0 && k < n) counts[k]++;
  }
  const norm = String(t.histnorm ?? "");
  const total = xs.length;
  return counts.map((c, k) => {
    const v =
      norm === "probability density"
        ? c / (total * size)
        : norm === "probability"
          ? c / total
          : norm === "percent"
            ? (100 * c) / total
            : norm === "density"
              ? c / size
              : c;
    return [start + k * size, start + (k + 1) * size, v];
  });
}

/**
 * The plotted data of a figure as tables: per panel, the traces that share an x grid as one
 * table (x, then one column per series), a histogram as its bins, a contour as its z grid (y
 * down, x across). Bars keep their categories.
 *
 * @param fig the figure as JSON, as currently drawn (a slider's step applied)
 * @param options `lang` as for {@link describeFigure}; `bins`: the histogram bins plotly chose,
 *   by trace index (the page passes them; otherwise equal-width bins over the sample)
 * @returns the tables, in panel order
 * @example
 * figureDataTables({ data: [{ type: "bar", name: "p", x: ["H", "T"], y: [0.5, 0.5] }],
 *   layout: { xaxis: { title: { text: "side" } }, yaxis: { title: { text: "P" } } } }, { lang: "en" });
 * // => [{ caption: "Data: P against side", columns: ["side", "p"], rows: [["H", 0.5], ["T", 0.5]] }]
 */
export function figureDataTables(
  fig: FigureJson,
  { lang, bins = {} }: { lang?: string; bins?: BinsByTrace } = {},
): DataTable[] {
  const s = FIGURE_STRINGS[figureLanguage(lang)];
  const tables: DataTable[] = [];
  const panels = panelsOf(fig);
  for (const p of panels) {
    const pCaption = panelTitle(fig, p) || panelCaption(fig, p, s);
    const caption = s.tableOf(
      panels.length === 1 ? titleText(fig.layout?.title) || pCaption : pCaption,
    );
    const xTitle = axisTitle(fig, p.x);
    const yTitle = axisTitle(fig, p.y);
    const groups = new Map<string, number[]>();
    const usedNames = new Map<string, number>();
    const columnName = (i: number) => {
      const base = plainLabel(fig.data[i].name) || `${s.kinds[kindOf(fig.data[i])]} ${i + 1}`;
      const n = (usedNames.get(base) ?? 0) + 1;
      usedNames.set(base, n);
      return n === 1 ? base : `${base} (${n})`;
    };
    for (const i of p.traces) {
      const t = fig.data[i];
      const kind = kindOf(t);
      if (kind === "histogram") {
        const rows = histogramRows(t, bins[i]);
        const norm = String(t.histnorm ?? "");
        tables.push({
          caption: `${caption}${s.paren(columnName(i))}`,
          columns: [`${xTitle} ${s.binFrom}`, `${xTitle} ${s.binTo}`, norm ? yTitle : s.count],
          rows,
        });
        continue;
      }
      if (kind === "contour") {
        const xs = values(t, "x");
        const ys = values(t, "y");
        const zs = values(t, "z");
        const zTitle = titleText((t.colorbar as { title?: unknown } | undefined)?.title) || "z";
        tables.push({
          caption: `${caption}${s.paren(zTitle)}`,
          columns: [
            `${yTitle} \\ ${xTitle}`,
            ...xs.map((x) => (isNum(x) ? x : String(x)) as string | number),
          ].map((c) => (typeof c === "number" ? formatNumber(c, 6) : c)),
          rows: zs.map((row, j) => [
            (isNum(ys[j]) ? ys[j] : String(ys[j] ?? j)) as number | string,
            ...(Array.isArray(row) ? row : []).map((z) => (isNum(z) ? z : null)),
          ]),
        });
        continue;
      }
      const key = JSON.stringify(values(t, "x"));
      const g = groups.get(key) ?? [];
      g.push(i);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const xs = values(fig.data[g[0]], "x");
      const columns = [xTitle];
      const cols: unknown[][] = [];
      for (const i of g) {
        const t = fig.data[i];
        columns.push(columnName(i));
        cols.push(values(t, "y"));
        const colour = (t.marker ?? {}) as { color?: unknown; colorbar?: { title?: unknown } };
        if (Array.isArray(colour.color)) {
          columns.push(titleText(colour.colorbar?.title) || s.colourColumn);
          cols.push(colour.color);
        }
      }
      const rows = xs.map((x, r) => [
        (isNum(x) ? x : String(x)) as number | string,
        ...cols.map((c) =>
          isNum(c[r]) ? (c[r] as number) : typeof c[r] === "string" ? (c[r] as string) : null,
        ),
      ]);
      tables.push({
        caption: groups.size > 1 ? `${caption}${s.paren(columns.slice(1).join(s.list))}` : caption,
        columns,
        rows,
      });
    }
  }
  return tables;
}

const esc = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const cell = (v: string | number | null) =>
  v === null ? "" : typeof v === "number" ? formatNumber(v, 6) : esc(v);

/** ` lang="en"` for English text (a word of Latin letters, some lower-case; no CJK) in a table of a non-English page, else "". */
function englishIn(lang: FigureLanguage, text: string): string {
  const word = (text.match(/[A-Za-z]{2,}/g) ?? []).some((w) => /[a-z]/.test(w));
  return lang !== "en" && word && !/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(text)
    ? ' lang="en"'
    : "";
}

/**
 * Tables as HTML: each a `<table>` with its caption, column headers (`scope="col"`) and row
 * headers (`scope="row"`), inside a focusable region named by the caption, so a wide table can be
 * scrolled from the keyboard. On a page in another language, English labels (a series name
 * left untranslated) are marked `lang="en"`.
 * @param tables from {@link figureDataTables}
 * @param options `lang`: the page's language (default English)
 * @example dataTablesHtml([{ caption: "c", columns: ["x", "y"], rows: [[1, 2]] }])
 * // => '<div class="plot-table" role="region" tabindex="0" aria-label="c"><table><caption>c</caption><thead><tr><th scope="col">x</th><th scope="col">y</th></tr></thead><tbody><tr><th scope="row">1</th><td>2</td></tr></tbody></table></div>'
 */
export function dataTablesHtml(
  tables: readonly DataTable[],
  { lang }: { lang?: string } = {},
): string {
  const language = figureLanguage(lang ?? "en");
  const en = (t: string) => englishIn(language, t);
  return tables
    .map(
      (t) =>
        `<div class="plot-table" role="region" tabindex="0" aria-label="${esc(t.caption)}"${en(t.caption)}><table><caption>${esc(t.caption)}</caption>` +
        `<thead><tr>${t.columns.map((c) => `<th scope="col"${en(c)}>${esc(c)}</th>`).join("")}</tr></thead>` +
        `<tbody>${t.rows
          .map(
            (r) =>
              `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row"${typeof v === "string" ? en(v) : ""}>${cell(v)}</th>` : `<td>${cell(v)}</td>`)).join("")}</tr>`,
          )
          .join("")}</tbody></table></div>`,
    )
    .join("");
}
