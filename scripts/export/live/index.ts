// Live notes: what the exporter adds to a note page so that it runs in the browser.
//  - liveFigure / liveSliderControl: a plot output that carries a live-slider spec
//    (application/vnd.mlekit.live-slider.v1+json) is drawn without plotly's stepped slider and
//    gets an <input type="range"> under it, recomputed by mlekit in the page;
//  - livePageParts: the "Run in browser" bar, its small stylesheet, the loader, and (for a
//    single-file page) the slider and runtime scripts as inert text, or (for a site) a link
//    to the shared copies in <out>/assets/live/;
//  - prepareLive / writeLiveAssets: build those scripts (bundle.ts) and write the shared copies.
// Everything here is used by html.ts through these few functions; the page code is in page/.
import * as fs from "fs";
import * as path from "path";
import { LIVE_SLIDER_MIME } from "../../../notebooks/kit/src/format";
import { sliderState, type LiveSliderSpec } from "../../../notebooks/kit/src/plot/live-frame";
import {
  sliderValueText,
  type SliderState,
} from "../../../notebooks/kit/src/display/describe-figure";
import { isDisplay, type MimeBundle, type Notebook, type PlotlyFigure } from "../../nbformat";
import { liveStrings } from "./strings";
import { LIVE_CSS } from "./css";
import type { LiveBundles } from "./bundle";

/** The builder, loaded on first use: a page's bundle of this module never runs it. */
const bundler = (): typeof import("./bundle") => require("./bundle") as typeof import("./bundle");

export { LIVE_SLIDER_MIME };

/** The folder, under a site's shared assets folder, that holds the live scripts. */
export const LIVE_ASSETS_DIR = "live";

/** How a page gets the live scripts: inside itself, or from a site's shared folder. */
export type LiveAssets =
  | { kind: "inline"; bundles: LiveBundles }
  | {
      kind: "shared";
      /** relative link from the page to the shared assets folder */ href: string;
      bundles: LiveBundles;
    };

const escapeAttr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const scriptJson = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** The live-slider spec of an output's bundle, if it has one. */
export function liveSpec(data: MimeBundle): LiveSliderSpec | undefined {
  const s = data[LIVE_SLIDER_MIME] as LiveSliderSpec | undefined;
  return s && typeof s === "object" && typeof s.frame === "string" ? s : undefined;
}

/** Whether any output of the notebook carries a live-slider spec. */
export function hasLiveSlider(nb: Notebook): boolean {
  return nb.cells.some(
    (c) =>
      c.cell_type === "code" &&
      c.outputs.some((o) => isDisplay(o) && liveSpec(o.data ?? {}) !== undefined),
  );
}

/**
 * The figure a page draws for an output: for a live slider, without plotly's stepped slider
 * (the page's range input replaces it) and without the 150 px the kit added for it; any other
 * figure as it is.
 */
export function liveFigure(fig: PlotlyFigure, data: MimeBundle): PlotlyFigure {
  if (!liveSpec(data)) return fig;
  const layout = { ...(fig.layout ?? {}) } as Record<string, unknown>;
  delete layout.sliders;
  if (typeof layout.height === "number") layout.height = layout.height - 150;
  return { ...fig, layout };
}

/**
 * A live slider's state for the description of its figure (the kit's `describeFigure`): its
 * range and step, at its start value, which the exported figure shows; undefined without one.
 */
export function liveSliderState(data: MimeBundle): SliderState | undefined {
  const spec = liveSpec(data);
  return spec && sliderState(spec, spec.start);
}

/**
 * The range control under a live slider's figure, hidden until the page's slider script runs.
 * Named by its label (`θ`), stepping by the spec's step, starting at its start value.
 */
export function liveSliderControl(data: MimeBundle, figureId: string): string {
  const spec = liveSpec(data);
  if (!spec) return "";
  const id = `${figureId}-slider`;
  const value = sliderValueText(spec.label, spec.start, spec.digits);
  return (
    `<div class="live-slider" data-live-for="${escapeAttr(figureId)}" hidden>` +
    `<label for="${escapeAttr(id)}">${escapeAttr(spec.label)}</label>` +
    `<input type="range" id="${escapeAttr(id)}" min="${spec.min}" max="${spec.max}" step="${spec.step}" value="${spec.start}" aria-valuetext="${escapeAttr(value)}">` +
    `<output for="${escapeAttr(id)}" aria-live="polite">${escapeAttr(value)}</output></div>\n` +
    `<script type="application/json" class="live-slider-spec" data-for="${escapeAttr(figureId)}">${scriptJson(spec)}</script>`
  );
}

export { LIVE_CSS };

/** What a page gets: a stylesheet for `<head>`, the bar for the top of `<main>`, scripts for the end of `<body>`. */
export interface LivePageParts {
  head: string;
  bar: string;
  scripts: string;
}

/**
 * The live parts of one note page.
 * @param live the scripts and how the page gets them
 * @param options the page's language
 *
 * A single-file page carries the slider script whether or not it has a live slider: the
 * runtime loads it for a live slider that a run (an edited cell) adds; the loader runs it at
 * once only on a page with one.
 */
export function livePageParts(
  live: LiveAssets,
  { lang = "en" }: { lang?: string } = {},
): LivePageParts {
  const t = liveStrings(lang);
  const bar =
    `<div id="mlekit-live-bar" role="region" aria-label="${escapeAttr(t.toolbar)}" data-loading="${escapeAttr(t.loading)}" hidden>` +
    `<button type="button" data-live="run">${escapeAttr(t.run)}</button>` +
    `<button type="button" data-live="reset" disabled>${escapeAttr(t.reset)}</button>` +
    `<span data-live="status" role="status" aria-live="polite"></span>` +
    // Key names stay as printed on the keys: marked English on a page in another language.
    `<p class="live-note">${escapeAttr(t.note).replace(/Shift\+Enter/g, `<kbd${/^en\b/i.test(lang) ? "" : ' lang="en"'}>Shift+Enter</kbd>`)}</p></div>`;
  const inert = (name: "slider" | "runtime") =>
    `<script type="text/mlekit-live" data-live-asset="${name}">${live.bundles[name]}</script>`;
  const scripts =
    live.kind === "inline"
      ? `${inert("slider")}${inert("runtime")}<script>${live.bundles.loader}</script>`
      : `<script src="${escapeAttr(live.href.replace(/\/?$/, "/"))}${LIVE_ASSETS_DIR}/loader.js" data-live-base="${escapeAttr(live.href.replace(/\/?$/, "/"))}${LIVE_ASSETS_DIR}/" defer></script>`;
  return { head: `<style>${LIVE_CSS}</style>`, bar, scripts };
}

/** The page's cells with the "Run in browser" bar after the title cell (the first, when it is prose). */
export function withLiveBar(cells: readonly string[], bar: string): string[] {
  if (!bar) return [...cells];
  const at = cells.length && cells[0].startsWith('<section class="cell markdown"') ? 1 : 0;
  return [...cells.slice(0, at), bar, ...cells.slice(at)];
}

/** Builds the live scripts (once per process) for pages written with `assets`. */
export async function prepareLive(
  assets: { kind: "inline" } | { kind: "shared"; href: string },
): Promise<LiveAssets> {
  const bundles = await bundler().liveBundles();
  return assets.kind === "inline"
    ? { kind: "inline", bundles }
    : { kind: "shared", href: assets.href, bundles };
}

/**
 * Writes loader.js, slider.js and runtime.js into `<assetsDir>/live/` (files already there
 * with the same size are kept).
 * @returns the files of the folder
 */
export async function writeLiveAssets(assetsDir: string): Promise<string[]> {
  const b = await bundler().liveBundles();
  const dir = path.join(assetsDir, LIVE_ASSETS_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const name of ["loader", "slider", "runtime"] as const) {
    const file = path.join(dir, `${name}.js`);
    // A site's pages have run the page script, whose KaTeX and highlight.js the runtime borrows.
    const text = name === "runtime" ? b.siteRuntime : b[name];
    if (!fs.existsSync(file) || fs.statSync(file).size !== Buffer.byteLength(text))
      fs.writeFileSync(file, text);
    written.push(file);
  }
  return written;
}
