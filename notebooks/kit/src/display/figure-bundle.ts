import { PLOT_CLASS, PLOT_ID_PREFIX, PLOTLY_MIME, PLOTLY_SCRIPT_ATTRIBUTE, PLOTLY_SCRIPT_VALUE_PREFIX } from "../format";
import { readFileSync } from "fs";
import type { MimeBundle } from "./kernel";
import { escapeHtml, scriptJson } from "./escape";

/**
 * A plotly figure: what plotly-notebook-js's `createPlot(data, layout)` returns, or a plain
 * `{ data, layout }` object. `config` and `frames` are passed through to plotly.js.
 */
export interface FigureLike {
  readonly data: readonly object[];
  readonly layout?: object;
  readonly config?: object;
  readonly frames?: readonly object[];
}

/** Options for {@link figureBundle}. */
export interface FigureBundleOptions {
  /** Embed plotly.js itself in the `text/html` part. */
  readonly includePlotly: boolean;
  /** Element id of the plot's `<div>`; deterministic by default. */
  readonly id?: string;
}

let plotlySource: string | undefined;

/** The minified plotly.js bundle that ships with `plotly.js-dist-min`, read once. */
export function plotlyJs(): string {
  if (plotlySource === undefined) {
    const path = require.resolve("plotly.js-dist-min/plotly.min.js");
    plotlySource = readFileSync(path, "utf8").replace(/<\/script/gi, "<\\/script");
  }
  return plotlySource;
}

/** The version of the embedded plotly.js, as its package declares it. */
export function plotlyVersion(): string {
  return (require("plotly.js-dist-min/package.json") as { version: string }).version;
}

/** Copies typed arrays to plain arrays so the figure serialises as plotly expects. */
function plain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v !== "function") out[k] = plain(v);
    return out;
  }
  return value;
}

/** 32-bit FNV-1a hash, as 8 hex digits: a short deterministic id for a figure. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

function title(layout: Record<string, unknown>): string | undefined {
  const t = layout.title;
  if (typeof t === "string") return t;
  if (t && typeof t === "object" && typeof (t as { text?: unknown }).text === "string") {
    return (t as { text: string }).text;
  }
  return undefined;
}

/**
 * plotly.js 3+ reads titles only as `{ text }`; plotly-notebook-js users (and older examples)
 * write plain strings. Rewrites `title` strings on the layout and on every axis.
 */
function fixTitle(o: unknown): void {
  if (o && typeof o === "object" && typeof (o as { title?: unknown }).title === "string") {
    (o as { title: unknown }).title = { text: (o as { title: string }).title };
  }
}

function upgradeTitles(layout: Record<string, unknown>): Record<string, unknown> {
  const fix = fixTitle;
  fix(layout);
  for (const [k, v] of Object.entries(layout)) {
    if (/^(x|y|z)axis\d*$|^(scene|polar|ternary)\d*$/.test(k) && v && typeof v === "object") {
      fix(v as Record<string, unknown>);
      for (const inner of Object.values(v as Record<string, unknown>)) {
        if (inner && typeof inner === "object" && !Array.isArray(inner)) fix(inner as Record<string, unknown>);
      }
    }
  }
  return layout;
}

/** Checks the figure's shape and returns a JSON-ready copy: `{ data, layout, config?, frames? }`. */
export function normalizeFigure(figure: FigureLike, fn = "show"): {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
  frames?: Record<string, unknown>[];
} {
  if (figure === null || typeof figure !== "object" || !Array.isArray(figure.data)) {
    throw new TypeError(`${fn}: expected a figure with a data array, got ${String(figure)}`);
  }
  const out: ReturnType<typeof normalizeFigure> = {
    data: plain(figure.data) as Record<string, unknown>[],
    layout: upgradeTitles(plain(figure.layout ?? {}) as Record<string, unknown>),
  };
  if (figure.config !== undefined) out.config = plain(figure.config) as Record<string, unknown>;
  if (figure.frames !== undefined) out.frames = plain(figure.frames) as Record<string, unknown>[];
  return out;
}

/**
 * The MIME bundle of one plot: `application/vnd.plotly.v1+json` for JupyterLab's plotly
 * renderer, `text/html` that draws it with the bundled plotly.js for every other front end
 * and for exports, and a one-line `text/plain` summary.
 *
 * @param figure a plotly-notebook-js figure or a plain `{ data, layout }`
 * @param options `includePlotly` embeds plotly.js in the HTML (do it once per page)
 * @returns the bundle, keyed by MIME type
 * @throws {TypeError} when the figure has no `data` array
 * @example
 * const b = figureBundle({ data: [{ y: [1, 2] }] }, { includePlotly: false });
 * b["text/plain"] // => 'Plot: 1 trace (scatter)'
 */
export function figureBundle(figure: FigureLike, options: FigureBundleOptions): MimeBundle {
  const fig = normalizeFigure(figure, "figureBundle");
  const json = scriptJson(fig);
  const id = options.id ?? `${PLOT_ID_PREFIX}${fnv1a(json)}`;
  const height = typeof fig.layout.height === "number" ? fig.layout.height : 450;
  const config = { responsive: true, displaylogo: false, ...(fig.config ?? {}) };
  const types = [...new Set(fig.data.map((t) => String(t.type ?? "scatter")))];
  for (const t of fig.data) {
    fixTitle(t.colorbar);
    fixTitle((t.marker as { colorbar?: unknown } | undefined)?.colorbar);
  }
  const name = title(fig.layout);
  const plainText =
    `Plot: ${fig.data.length} trace${fig.data.length === 1 ? "" : "s"} (${types.join(", ")})` +
    (name ? ` "${name.replace(/<[^>]*>/g, "")}"` : "");
  const embed = options.includePlotly
    ? `<script type="text/javascript" ${PLOTLY_SCRIPT_ATTRIBUTE}="${PLOTLY_SCRIPT_VALUE_PREFIX} ${plotlyVersion()}">${plotlyJs()}</script>\n`
    : "";
  const draw =
    `<script type="text/javascript">(function () {` +
    `var fig = ${json}; var config = ${scriptJson(config)};` +
    `function draw() { var el = document.getElementById(${scriptJson(id)});` +
    ` if (!el) return; if (!window.Plotly) { setTimeout(draw, 25); return; }` +
    ` window.Plotly.newPlot(el, { data: fig.data, layout: fig.layout, frames: fig.frames, config: config }); }` +
    ` draw(); })();</script>`;
  const html =
    embed +
    `<div id="${escapeHtml(id)}" class="${PLOT_CLASS}" style="width:100%;height:${height}px" ` +
    `aria-label="${escapeHtml(plainText)}"></div>\n` +
    draw;
  return {
    [PLOTLY_MIME]: { ...fig, config },
    "text/html": html,
    "text/plain": plainText,
  };
}
