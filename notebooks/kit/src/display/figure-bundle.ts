import { PLOT_CLASS, PLOT_ID_PREFIX, PLOTLY_MIME, PLOTLY_SCRIPT_ATTRIBUTE, PLOTLY_SCRIPT_VALUE_PREFIX } from "../format";
import { readFileSync } from "fs";
import type { MimeBundle } from "./kernel";
import { escapeHtml, scriptJson } from "./escape";
import { msg } from "../i18n/messages";
import { localize } from "../i18n/text";

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

/**
 * The front end a kernel serves, from the kernelspec's `MLEKIT_FRONTEND` variable:
 * - `"run"` (default): nbclient runs, exports, any Jupyter. The HTML draws the plot with a
 *   plotly.js embedded in the notebook (once per kernel session), so an executed notebook and
 *   its exports work offline, anywhere.
 * - `"lab"`: the project's own JupyterLab 4 / Notebook 7 (`npm run lab`). The HTML carries no
 *   plotly.js: it loads the one copy the project's Jupyter server serves
 *   ({@link SHARED_PLOTLY_PATH}), so a notebook saved after Run All stays small (no 5 MB per
 *   save). Where plotly's renderer is installed, the front end draws the plotly JSON instead.
 */
export type Frontend = "run" | "lab";

/** Path, under the Jupyter server's base URL, where `npm run lab` serves plotly.js. */
export const SHARED_PLOTLY_PATH = "static/mlekit/plotly.min.js";

/** The `class` of the visible text inside a plot `<div>` until plotly.js draws over it. */
export const PLOT_FALLBACK_CLASS = "mlekit-plot-fallback";

/** Options for {@link figureBundle}. */
export interface FigureBundleOptions {
  /** Embed plotly.js itself in the `text/html` part (front end `"run"` only). */
  readonly includePlotly: boolean;
  /** Element id of the plot's `<div>`; deterministic by default. */
  readonly id?: string;
  /** Which front end the HTML is for; default `"run"`. See {@link Frontend}. */
  readonly frontend?: Frontend;
}

/** The front end named by `MLEKIT_FRONTEND` in this process's environment (`"run"` unless `"lab"`). */
export function currentFrontend(): Frontend {
  return typeof process !== "undefined" && process.env?.MLEKIT_FRONTEND === "lab" ? "lab" : "run";
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
 * plotly.js 3+ reads a title only as `{ text }`; a plain string is silently not drawn. Rather
 * than rewrite the figure, `show` refuses it and says how to write it (the kit's helpers always
 * write `{ text }`).
 * @throws {TypeError} naming the path of the first string title
 */
function rejectStringTitles(fn: string, o: unknown, path: string): void {
  if (o === null || typeof o !== "object") return;
  if (Array.isArray(o)) {
    o.forEach((v, i) => rejectStringTitles(fn, v, `${path}[${i}]`));
    return;
  }
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    if (k === "title" && typeof v === "string") {
      throw new TypeError(`${fn}: ${path}.title = ${JSON.stringify(v)} is a string; plotly.js 3+ draws only { text: ${JSON.stringify(v)} }`);
    }
    if (v !== null && typeof v === "object" && k !== "data" && k !== "x" && k !== "y" && k !== "z") rejectStringTitles(fn, v, `${path}.${k}`);
  }
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
    layout: plain(figure.layout ?? {}) as Record<string, unknown>,
  };
  rejectStringTitles(fn, out.layout, "layout");
  out.data.forEach((t, i) => rejectStringTitles(fn, t, `data[${i}]`));
  if (figure.config !== undefined) out.config = plain(figure.config) as Record<string, unknown>;
  if (figure.frames !== undefined) out.frames = plain(figure.frames) as Record<string, unknown>[];
  return out;
}

/**
 * The MIME bundle of one plot: `application/vnd.plotly.v1+json` for plotly's JupyterLab
 * renderer, `text/html` that draws it with plotly.js for every other front end and for exports,
 * and a one-line `text/plain` summary.
 *
 * The plot `<div>` holds a visible fallback (the summary and how to get the plot drawn) that the
 * drawing script removes. A front end that sanitises the HTML (an untrusted notebook: scripts
 * never run) therefore shows that text, never an empty gap. The config never sets
 * `responsive: true`: under plotly's renderer a responsive figure collapsed to 0 px height when
 * its slider moved.
 *
 * @param figure a plotly-notebook-js figure or a plain `{ data, layout }`
 * @param options `includePlotly` embeds plotly.js in the HTML (do it once per page);
 *   `frontend` picks the HTML flavour (see {@link Frontend})
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
  const config = { displaylogo: false, ...(fig.config ?? {}) };
  const types = [...new Set(fig.data.map((t) => String(t.type ?? "scatter")))];
  const name = title(fig.layout);
  const plainText = localize(msg("plot.summary", { traces: fig.data.length, types: types.join(", "), title: name ? name.replace(/<[^>]*>/g, "") : "" }));
  const lab = options.frontend === "lab";
  const embed =
    options.includePlotly && !lab
      ? `<script type="text/javascript" ${PLOTLY_SCRIPT_ATTRIBUTE}="${PLOTLY_SCRIPT_VALUE_PREFIX} ${plotlyVersion()}">${plotlyJs()}</script>\n`
      : "";
  const plot =
    `function draw() { var el = document.getElementById(${scriptJson(id)}); if (!el) return;` +
    ` var fb = el.querySelector(".${PLOT_FALLBACK_CLASS}"); if (fb) fb.parentNode.removeChild(fb);` +
    ` window.Plotly.newPlot(el, { data: fig.data, layout: fig.layout, frames: fig.frames, config: config }); }`;
  // "run": plotly.js is on the page (this output or an earlier one); poll briefly for it.
  // "lab": load the server's one copy once per page, then draw every queued plot.
  const start = lab
    ? ` if (window.Plotly) { draw(); return; }` +
      ` var q = window.__mlekitPlotlyQueue; if (q) { q.push(draw); return; }` +
      ` q = window.__mlekitPlotlyQueue = [draw]; var base = "/";` +
      ` try { base = JSON.parse(document.getElementById("jupyter-config-data").textContent).baseUrl || "/"; } catch (e) {}` +
      ` var s = document.createElement("script"); s.src = base.replace(/\\/?$/, "/") + ${scriptJson(SHARED_PLOTLY_PATH)} + "?v=" + ${scriptJson(plotlyVersion())};` +
      ` s.onload = function () { var all = window.__mlekitPlotlyQueue || []; window.__mlekitPlotlyQueue = undefined; all.forEach(function (f) { f(); }); };` +
      ` s.onerror = function () { window.__mlekitPlotlyQueue = undefined; };` +
      ` document.head.appendChild(s);`
    : ` var tries = 0; (function wait() { if (window.Plotly) { draw(); return; } if (++tries < 2400) setTimeout(wait, 25); })();`;
  const script =
    `<script type="text/javascript">(function () {` +
    `var fig = ${json}; var config = ${scriptJson(config)};` +
    plot +
    start +
    ` })();</script>`;
  const fallback =
    `<div class="${PLOT_FALLBACK_CLASS}" style="box-sizing:border-box;height:100%;padding:12px;border:1px dashed #b0b0b0;color:#444;font:14px sans-serif">` +
    `${escapeHtml(plainText)}<br>${escapeHtml(localize(msg("plot.fallback")))}</div>`;
  const html =
    embed +
    `<div id="${escapeHtml(id)}" class="${PLOT_CLASS}" style="width:100%;height:${height}px" ` +
    `aria-label="${escapeHtml(plainText)}">${fallback}</div>\n` +
    script;
  return {
    [PLOTLY_MIME]: { ...fig, config },
    "text/html": html,
    "text/plain": plainText,
  };
}
