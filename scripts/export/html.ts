// Executed notebook -> one HTML page. Maths pre-rendered by KaTeX, code highlighted by
// highlight.js at export time, each output shown in the representation a Jupyter front end
// would choose (FRONTEND_ORDER). Two flavours:
//  - "interactive" (the .html export): plots drawn by plotly.js from the plotly MIME type, one
//    plotly.js per page, inline or linked (AssetMode);
//  - "print" (the page the PDF is printed from): plots as their image/svg+xml, no script.
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";
import { CODE_CSS, PAGE_CSS, headAssets, type AssetMode } from "./assets";
import { markdownToHtml } from "./math";
import { FRONTEND_ORDER, PLOTLY_MIME, isDisplay, outputKey, pickMime, text, type MimeBundle, type Notebook, type Output, type PlotlyFigure } from "../nbformat";
import { altText, escapeHtml, figureTitle, htmlDocument, isHidden, noteTitle, plainTitle, retargetNotebookLinks, stripAnsi } from "./notebook";
import { hasLiveSlider, liveFigure, livePageParts, liveSliderControl, withLiveBar, type LiveAssets } from "./live";

hljs.registerLanguage("typescript", typescript);

/** The element a plot is drawn into (the exporter's own markup; the kit's HTML is never read). */
export const FIGURE_CLASS = "figure";
export const FIGURE_SELECTOR = `.output.plot .${FIGURE_CLASS}`;
/** The JSON block next to each figure that holds its plotly figure. */
const FIGURE_DATA_CLASS = "figure-data";

export type HtmlFlavour = "interactive" | "print";

export interface HtmlOptions {
  /** The note's file stem; when given (and interactive), the page links its other formats. */
  name?: string;
  /** The page title (default: the first H1, maths dropped). */
  title?: string;
  /** Default "interactive". */
  flavour?: HtmlFlavour;
  /** Inline plotly.js and KaTeX (default) or link a shared copy. */
  assets?: AssetMode;
  /** The page's language, e.g. "en", "zh". */
  lang?: string;
  /** Receives maths errors. */
  onWarning?: (message: string) => void;
  /** Make the page live ("Run in browser", live sliders): the scripts from `prepareLive` (live/). */
  live?: LiveAssets;
}

/** JSON that is safe inside an inline `<script>`: no `</script>`, `<!--` or line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

const dataUrl = (mime: string, base64: string) => `data:${mime};base64,${base64.replace(/\s+/g, "")}`;

/** An `<img>` of an image type of a bundle. */
function imageTag(data: MimeBundle, mime: string, alt: string): string {
  const raw = text(data[mime]);
  const b64 = mime === "image/svg+xml" ? Buffer.from(raw, "utf8").toString("base64") : raw;
  return `<img alt="${escapeHtml(alt)}" src="${dataUrl(mime, b64)}">`;
}

/** The drawing of one plotly figure: its `<div>` and its JSON; the page's one script draws them all. */
function interactiveFigure(fig: PlotlyFigure, id: string): string {
  const height = typeof fig.layout?.height === "number" ? fig.layout.height : 450;
  const title = figureTitle(fig);
  return (
    `<div class="${FIGURE_CLASS}" id="${id}" style="height:${height}px" role="img" aria-label="${escapeHtml(title || "plot")}">` +
    `<noscript>${escapeHtml(title || "Plot")}: the interactive plot needs JavaScript.</noscript></div>\n` +
    `<script type="application/json" class="${FIGURE_DATA_CLASS}" data-for="${id}">${scriptJson(fig)}</script>`
  );
}

/** Draws every figure of the page with plotly.js (present in <head>). */
const DRAW_SCRIPT =
  `<script>(function () {` +
  ` var blocks = document.querySelectorAll("script.${FIGURE_DATA_CLASS}");` +
  ` for (var i = 0; i < blocks.length; i++) { var b = blocks[i]; var el = document.getElementById(b.getAttribute("data-for")); var f = JSON.parse(b.textContent);` +
  ` var config = Object.assign({ displaylogo: false, responsive: true }, f.config || {});` +
  ` window.Plotly.newPlot(el, { data: f.data, layout: f.layout || {}, frames: f.frames, config: config }); }` +
  ` })();</script>`;

/** One rich output as HTML, in the representation a front end would choose. */
function displayHtml(data: MimeBundle, key: string, flavour: HtmlFlavour, onWarning?: (m: string) => void, live = false): { html: string; plot: boolean } {
  const fig = data[PLOTLY_MIME] as PlotlyFigure | undefined;
  if (fig && flavour === "interactive" && live) return { html: interactiveFigure(liveFigure(fig, data), `figure-${key}`) + liveSliderControl(data, `figure-${key}`), plot: true };
  if (fig && flavour === "interactive") return { html: interactiveFigure(fig, `figure-${key}`), plot: true };
  if (fig) {
    const mime = pickMime(data, ["image/svg+xml", "image/png"]);
    const title = figureTitle(fig);
    return { html: mime ? imageTag(data, mime, altText(title, "plot")) : `<p><em>${escapeHtml(title || "Plot")}: no static image was rendered.</em></p>`, plot: true };
  }
  const mime = pickMime(data, FRONTEND_ORDER);
  switch (mime) {
    case undefined:
      return { html: "", plot: false };
    case "text/html":
      return { html: text(data[mime]), plot: false };
    case "text/markdown":
    case "text/latex":
      return { html: markdownToHtml(text(data[mime]), { onError: onWarning }), plot: false };
    case "text/plain":
      return { html: `<pre>${escapeHtml(stripAnsi(text(data[mime])))}</pre>`, plot: false };
    default:
      return { html: mime.startsWith("image/") ? imageTag(data, mime, "output") : "", plot: false };
  }
}

/**
 * One output as the page shows it (also what a live page renders a new output with); `live`:
 * the page runs (a live slider's figure gets its range input instead of plotly's steps).
 */
export function outputHtml(out: Output, key: string, flavour: HtmlFlavour, onWarning?: (m: string) => void, live = false): { html: string; plot: boolean } {
  if (out.output_type === "stream") {
    return { html: `<div class="output ${out.name === "stderr" ? "stderr" : "stdout"}"><pre>${escapeHtml(stripAnsi(text(out.text)))}</pre></div>`, plot: false };
  }
  if (out.output_type === "error") {
    const body = stripAnsi([`${out.ename}: ${out.evalue}`, ...(out.traceback ?? [])].join("\n"));
    return { html: `<div class="output error"><pre>${escapeHtml(body)}</pre></div>`, plot: false };
  }
  if (!isDisplay(out)) return { html: "", plot: false };
  const r = displayHtml(out.data ?? {}, key, flavour, onWarning, live);
  return { html: `<div class="output${r.plot ? " plot" : ""}" data-output="${key}">${r.html}</div>`, plot: r.plot };
}

/** The formats a note comes in, linked from the top of its page. */
function formatNav(name: string): string {
  const e = encodeURIComponent(name);
  return (
    `<nav class="formats" aria-label="This note in other formats"><a href="index.html">All notes</a>` +
    `<span>this note as <a href="${e}.pdf">PDF</a> · <a href="${e}.md">Markdown</a> · <a href="${e}.ipynb">notebook</a></span></nav>`
  );
}

/**
 * Renders an executed notebook as a complete HTML page.
 * @param nb the notebook JSON
 * @param options see {@link HtmlOptions}
 * @returns the page
 */
export function notebookToHtml(nb: Notebook, options: HtmlOptions = {}): string {
  const { name, flavour = "interactive", assets = { kind: "inline" }, onWarning } = options;
  const cells: string[] = [];
  let n = 0;
  let plots = 0;
  nb.cells.forEach((cell, c) => {
    const src = text(cell.source);
    if (cell.cell_type === "markdown") {
      cells.push(`<section class="cell markdown">${retargetNotebookLinks(markdownToHtml(src, { onError: onWarning }), ".html", { html: true })}</section>`);
      return;
    }
    if (cell.cell_type !== "code") return;
    n++;
    const outs = cell.outputs.map((out, o) => outputHtml(out, outputKey(c, o), flavour, onWarning, Boolean(options.live)));
    plots += outs.filter((o) => o.plot).length;
    const outputs = outs.map((o) => o.html).filter(Boolean).join("\n");
    const code = hljs.highlight(src, { language: "typescript" }).value;
    const count = cell.execution_count == null ? " " : cell.execution_count;
    const body =
      `<div class="source"><span class="prompt">[${count}]</span><pre><code class="hljs language-typescript">${code}</code></pre></div>` +
      (outputs ? `\n${outputs}` : "");
    cells.push(
      isHidden(cell)
        ? `<details class="cell code solution" data-cell="${n}"><summary><span class="on-screen">Show the worked solution</span><span class="on-paper">Worked solution</span></summary>${body}</details>`
        : `<section class="cell code" data-cell="${n}">${body}</section>`,
    );
  });
  const translation = nb.metadata.mlekit_translation as { language?: string } | undefined;
  const lang = options.lang ?? translation?.language ?? "en";
  const pageTitle = options.title || plainTitle(noteTitle(nb).title) || name || "Notebook";
  const interactive = flavour === "interactive" && plots > 0;
  const live = flavour === "interactive" && options.live ? livePageParts(options.live, { lang, sliders: hasLiveSlider(nb) }) : { head: "", bar: "", scripts: "" };
  return htmlDocument({
    lang,
    title: pageTitle,
    head: `${headAssets(assets, interactive)}\n<style>${CODE_CSS}${PAGE_CSS}</style>${live.head}`,
    body: `<main>\n${name && flavour === "interactive" ? formatNav(name) : ""}\n${withLiveBar(cells, live.bar).join("\n")}\n</main>\n${interactive ? DRAW_SCRIPT : ""}${live.scripts}`,
  });


}
