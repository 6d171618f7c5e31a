import {
  PLOT_CLASS,
  PLOT_ID_PREFIX,
  PLOTLY_MIME,
  PLOTLY_SCRIPT_ATTRIBUTE,
  PLOTLY_SCRIPT_VALUE_PREFIX,
} from "../format";
import { readFileSync } from "fs";
import type { MimeBundle } from "./kernel";
import { escapeHtml, scriptJson } from "./escape";
import { describeFigure, figurePlainText } from "./describe-figure";
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
 * - `"own"`: the student's own Jupyter, with the kernelspec of `npm run kernel:install`. The
 *   HTML carries no plotly.js: the kit keeps one copy in the notebook's folder
 *   ({@link NOTEBOOK_PLOTLY_DIR}, see `ensureNotebookPlotly`), and the first plot drawn on a page
 *   loads it through the Jupyter server's `files/` URL, which JupyterLab and Notebook 7 resolve
 *   for a relative `src` in an output. A notebook saved after Run All stays small, and reopened
 *   (trusted) it draws again without a kernel. The bundle carries no plotly JSON, so plotly's
 *   renderer, installed or not, never takes over: the figure is saved once, as HTML, and no
 *   PNG is added.
 */
export type Frontend = "run" | "lab" | "own";

/**
 * The folder, beside the notebook, where the kit keeps plotly.js for front end `"own"`: not
 * hidden (Jupyter's `files/` handler refuses hidden paths), gitignored.
 */
export const NOTEBOOK_PLOTLY_DIR = "_mlekit";

/** The file name of plotly.js in {@link NOTEBOOK_PLOTLY_DIR}: versioned, so an upgrade never reuses an old copy. */
export function notebookPlotlyFile(): string {
  return `plotly-${plotlyVersion()}.min.js`;
}

/** Path, under the Jupyter server's base URL, where `npm run lab` serves plotly.js. */
export const SHARED_PLOTLY_PATH = "static/mlekit/plotly.min.js";

/** The `class` of the visible text inside a plot `<div>` until plotly.js draws over it. */
export const PLOT_FALLBACK_CLASS = "mlekit-plot-fallback";

/** Inline style that hides text from the eye but not from a screen reader (no stylesheet in a notebook output). */
const VISUALLY_HIDDEN =
  "position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";

/** Options for {@link figureBundle}. */
export interface FigureBundleOptions {
  /** Embed plotly.js itself in the `text/html` part (front end `"run"` only). */
  readonly includePlotly: boolean;
  /** Element id of the plot's `<div>`; deterministic by default. */
  readonly id?: string;
  /** Which front end the HTML is for; default `"run"`. See {@link Frontend}. */
  readonly frontend?: Frontend;
  /**
   * Front end `"own"`: plotly.js's path relative to the notebook's folder; default
   * `_mlekit/plotly-<version>.min.js` ({@link NOTEBOOK_PLOTLY_DIR}).
   */
  readonly plotlySrc?: string;
}

/** The front end named by `MLEKIT_FRONTEND` in this process's environment (`"run"` unless `"lab"` or `"own"`). */
export function currentFrontend(): Frontend {
  const v = typeof process !== "undefined" ? process.env?.MLEKIT_FRONTEND : undefined;
  return v === "lab" || v === "own" ? v : "run";
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

/**
 * Makes sure `<dir>/_mlekit/plotly-<version>.min.js` holds the kit's plotly.js, for front end
 * `"own"`; writes it (through a temporary file and a rename, so two kernels in one folder never
 * read half a file) only when it is missing or differs in size. The same idea as plotly.py's
 * `write_html(include_plotlyjs="directory")`: one plotly.js beside the documents that use it.
 * @param dir the notebook's folder; default the kernel's working directory, which Jupyter sets
 *   to the notebook's folder
 * @returns the path to use in the HTML, relative to `dir` (`_mlekit/plotly-4.1.2.min.js`)
 * @throws Error when the folder cannot be written (the message names it)
 * @example
 * ensureNotebookPlotly("/home/me/notebooks") // => "_mlekit/plotly-4.1.2.min.js"
 */
export function ensureNotebookPlotly(dir: string = process.cwd()): string {
  // Required here, not imported: the live notes bundle this file for a page whose `fs` shim
  // only reads (scripts/export/live/page/shims/fs.ts); a page never calls this function.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { existsSync, mkdirSync, renameSync, statSync, writeFileSync } =
    require("fs") as typeof import("fs");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { join } = require("path") as typeof import("path");
  const rel = `${NOTEBOOK_PLOTLY_DIR}/${notebookPlotlyFile()}`;
  const dest = join(dir, NOTEBOOK_PLOTLY_DIR, notebookPlotlyFile());
  const src = require.resolve("plotly.js-dist-min/plotly.min.js");
  if (existsSync(dest) && statSync(dest).size === statSync(src).size) return rel;
  try {
    mkdirSync(join(dir, NOTEBOOK_PLOTLY_DIR), { recursive: true });
    const tmp = `${dest}.${process.pid}.tmp`;
    writeFileSync(tmp, readFileSync(src));
    renameSync(tmp, dest);
  } catch (err) {
    throw new Error(
      `ensureNotebookPlotly: cannot write plotly.js to ${dest} (${(err as Error).message})`,
    );
  }
  return rel;
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
      throw new TypeError(
        `${fn}: ${path}.title = ${JSON.stringify(v)} is a string; plotly.js 3+ draws only { text: ${JSON.stringify(v)} }`,
      );
    }
    if (v !== null && typeof v === "object" && k !== "data" && k !== "x" && k !== "y" && k !== "z")
      rejectStringTitles(fn, v, `${path}.${k}`);
  }
}

/** Checks the figure's shape and returns a JSON-ready copy: `{ data, layout, config?, frames? }`. */
export function normalizeFigure(
  figure: FigureLike,
  fn = "show",
): {
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
 * and a `text/plain` text alternative: "Plot: caption" and, on the next line, the description
 * {@link describeFigure} generates from the traces, in the kit's language. The HTML names the
 * plot `<div>` (role figure) by the caption and describes it by the description.
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
 * b["text/plain"] // => 'Plot: y against x\nLine chart. x axis: x, from 0 to 1. y axis: y, from 1 to 2. 1 unnamed line.'
 */
export function figureBundle(figure: FigureLike, options: FigureBundleOptions): MimeBundle {
  const fig = normalizeFigure(figure, "figureBundle");
  const json = scriptJson(fig);
  const id = options.id ?? `${PLOT_ID_PREFIX}${fnv1a(json)}`;
  const height = typeof fig.layout.height === "number" ? fig.layout.height : 450;
  const config = { displaylogo: false, ...(fig.config ?? {}) };
  const text = describeFigure(fig);
  const plainText = figurePlainText(text);
  const lab = options.frontend === "lab";
  const own = options.frontend === "own";
  const embed =
    options.includePlotly && !lab && !own
      ? `<script type="text/javascript" ${PLOTLY_SCRIPT_ATTRIBUTE}="${PLOTLY_SCRIPT_VALUE_PREFIX} ${plotlyVersion()}">${plotlyJs()}</script>\n`
      : "";
  const plot =
    `function draw() { var el = document.getElementById(${scriptJson(id)}); if (!el) return;` +
    ` var fb = el.querySelector(".${PLOT_FALLBACK_CLASS}"); if (fb) fb.parentNode.removeChild(fb);` +
    ` window.Plotly.newPlot(el, { data: fig.data, layout: fig.layout, frames: fig.frames, config: config }); }`;
  // "run": plotly.js is on the page (this output or an earlier one); poll briefly for it.
  // "lab": load the server's one copy once per page, then draw every queued plot.
  // "own": the same, from the copy beside the notebook (see ownStart).
  const start = own
    ? ownStart(id)
    : lab
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
    `${escapeHtml(plainText).replace("\n", "<br>")}<br>${escapeHtml(localize(msg("plot.fallback")))}</div>`;
  // "own": a script element of a type browsers never fetch nor run, whose relative `src` the
  // front end rewrites into the server's files/ URL of plotly.js (see ownStart).
  const marker = own
    ? `<script type="${OWN_MARKER_TYPE}" id="${escapeHtml(id)}-plotly-src" src="${escapeHtml(options.plotlySrc ?? `${NOTEBOOK_PLOTLY_DIR}/${notebookPlotlyFile()}`)}"></script>\n`
    : "";
  const html =
    embed +
    `<div id="${escapeHtml(id)}" class="${PLOT_CLASS}" style="width:100%;height:${height}px" role="figure" ` +
    `aria-label="${escapeHtml(text.caption)}" aria-describedby="${escapeHtml(id)}-about">${fallback}</div>\n` +
    `<p id="${escapeHtml(id)}-about" lang="${text.language}" style="${VISUALLY_HIDDEN}">${escapeHtml(text.description)}</p>\n` +
    marker +
    script;
  // "own": the figure travels once, in the HTML. With the plotly JSON beside it the figure
  // would be saved twice, and plotly's renderer (when installed) would also save a PNG of every
  // plot: 02 and 05 then saved at 1.15 and 1.17 MB. Without it both front ends draw the HTML.
  if (own) return { "text/html": html, "text/plain": plainText };
  return {
    [PLOTLY_MIME]: { ...fig, config },
    "text/html": html,
    "text/plain": plainText,
  };
}

/** The `type` of the marker element that carries plotly.js's relative path (front end `"own"`). */
const OWN_MARKER_TYPE = "text/x-mlekit-plotly-src";

/**
 * The start of a plot's script for front end `"own"`: draw at once when plotly.js is on the
 * page; otherwise queue the plot and, once per page, load plotly.js from the URL the front end
 * gave the marker element. JupyterLab and Notebook 7 resolve every relative `src` in an HTML
 * output against the notebook's folder and rewrite it, shortly after the output's scripts ran,
 * into `<base>files/<folder>/_mlekit/plotly-<v>.min.js?<cache-buster>`; the script waits up to
 * 3 s for that, drops the cache-buster (so the browser may cache the file) and loads it. A front
 * end that rewrites nothing gets the relative path as it is. If the load fails, the plot keeps
 * its visible fallback.
 */
function ownStart(id: string): string {
  return (
    ` if (window.Plotly) { draw(); return; }` +
    ` var q = window.__mlekitPlotlyQueue; if (q) { q.push(draw); return; }` +
    ` q = window.__mlekitPlotlyQueue = [draw];` +
    ` var m = document.getElementById(${scriptJson(`${id}-plotly-src`)}); var raw = m ? m.getAttribute("src") : ""; var tries = 0;` +
    ` function load(src) { var s = document.createElement("script"); s.src = src;` +
    ` s.onload = function () { var all = window.__mlekitPlotlyQueue || []; window.__mlekitPlotlyQueue = undefined; all.forEach(function (f) { f(); }); };` +
    ` s.onerror = function () { window.__mlekitPlotlyQueue = undefined; };` +
    ` document.head.appendChild(s); }` +
    ` (function resolved() { var now = m ? m.getAttribute("src") : "";` +
    ` if (now && now !== raw) { load(now.replace(/([?&])\\d{10,}$/, "").replace(/[?&]$/, "")); return; }` +
    ` if (++tries < 120) { setTimeout(resolved, 25); return; }` +
    ` if (raw) load(raw); else window.__mlekitPlotlyQueue = undefined; })();`
  );
}
