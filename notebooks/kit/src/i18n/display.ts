// Display strings at the point they enter a figure or a table: plot titles, axis titles, legend
// names, slider labels and frame titles, annotations, colour-bar titles, category labels; table
// columns, string cells and captions. Each goes through `label`, the course's label table.
import { label } from "./labels";
import { language } from "./language";

/** Keys whose string value a reader sees as text. */
const TEXT_KEYS = new Set([
  "text",
  "name",
  "prefix",
  "suffix",
  "label",
  "title.text",
  "hovertemplate",
  "texttemplate",
]);
/** Keys whose array of strings a reader sees as labels (bar categories, tick texts, pie labels). */
const LABEL_ARRAYS = new Set(["x", "y", "text", "labels", "ticktext", "hovertext"]);

function walk(v: unknown, key: string | undefined): unknown {
  if (typeof v === "string") return key !== undefined && TEXT_KEYS.has(key) ? label(v) : v;
  if (Array.isArray(v)) {
    const labels = key !== undefined && LABEL_ARRAYS.has(key);
    return v.map((x) =>
      typeof x === "string" ? (labels ? label(x) : x) : walk(x, labels ? key : undefined),
    );
  }
  if (v === null || typeof v !== "object" || ArrayBuffer.isView(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = typeof x === "function" ? x : walk(x, k);
  return out;
}

function collect(v: unknown, key: string | undefined, out: string[]): void {
  if (typeof v === "string") {
    if (key !== undefined && TEXT_KEYS.has(key)) out.push(v);
    return;
  }
  if (Array.isArray(v)) {
    const labels = key !== undefined && LABEL_ARRAYS.has(key);
    for (const x of v) {
      if (typeof x === "string") {
        if (labels) out.push(x);
      } else collect(x, labels ? key : undefined, out);
    }
    return;
  }
  if (v === null || typeof v !== "object" || ArrayBuffer.isView(v)) return;
  for (const [k, x] of Object.entries(v)) collect(x, k, out);
}

/**
 * Every text a reader sees in a plotly figure, the ones {@link localizeFigure} translates:
 * titles, axis and colour-bar titles, legend names, annotations, slider prefixes, step labels
 * and step titles, string categories.
 * @example
 * figureTexts({ data: [{ name: "density", x: ["a", "b"], y: [1, 2] }], layout: { title: { text: "T" } } });
 * // => ["density", "a", "b", "T"]
 */
export function figureTexts(figure: {
  data?: unknown;
  layout?: unknown;
  frames?: unknown;
}): string[] {
  const out: string[] = [];
  collect(figure?.data, undefined, out);
  collect(figure?.layout, undefined, out);
  collect(figure?.frames, undefined, out);
  return out;
}

/** The parts of a plotly figure {@link localizeFigure} reads. */
export interface FigureParts {
  readonly data: readonly object[];
  readonly layout?: object;
  readonly config?: object;
  readonly frames?: readonly object[];
}

/**
 * A plotly figure with every text a reader sees in the current language: the figure itself in
 * English, a translated copy otherwise (titles, axis and colour-bar titles, legend names,
 * annotations, slider prefixes, step labels and the titles each step sets, string categories).
 *
 * @param figure `{ data, layout, config?, frames? }`
 * @returns the figure to show
 * @example
 * setLanguage("zh");
 * localizeFigure({ data: [{ name: "density" }], layout: { xaxis: { title: { text: "nats" } } } });
 * // => { data: [{ name: "密度" }], layout: { xaxis: { title: { text: "奈特" } } } }
 */
export function localizeFigure<F extends FigureParts>(figure: F): F {
  if (language() === "en" || figure === null || typeof figure !== "object") return figure;
  const out: Record<string, unknown> = {
    data: walk(figure.data, undefined),
    layout: walk(figure.layout ?? {}, undefined),
  };
  if (figure.config !== undefined) out.config = figure.config;
  if (figure.frames !== undefined) out.frames = walk(figure.frames, undefined);
  return out as unknown as F;
}

/**
 * A table cell, column name or caption in the current language: strings go through `label`,
 * anything else is returned as it is.
 * @example
 * localizeCell("heads"); // => "heads" in English, "正面" in Chinese with the course's table
 * localizeCell(0.5);     // => 0.5
 */
export function localizeCell<T>(value: T): T {
  return (typeof value === "string" && language() !== "en" ? label(value) : value) as T;
}
