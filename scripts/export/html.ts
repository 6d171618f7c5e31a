// Executed notebook -> one HTML page. Maths pre-rendered by KaTeX, code highlighted by
// highlight.js at export time, each output shown in the representation a Jupyter front end
// would choose (FRONTEND_ORDER). Two flavours:
//  - "interactive" (the .html export): plots drawn by plotly.js from the plotly MIME type after
//    the page has painted (page/figures.ts), the smallest plotly.js bundle the page needs,
//    inline or linked (AssetMode);
//  - "print" (the page the PDF is printed from): plots as their image/svg+xml, no script.
// Every figure is a <figure> with a caption (its title, or what it plots), a description that
// names the axes and series, and its data on demand, all generated from the traces by the kit
// (describe-figure.ts) in the page's language. Code cells are named, focusable regions whose
// lines wrap with a hanging indent. The page's own words come from page-strings.ts; English left
// on a page in another language is marked `lang="en"`.
//
// Each part of the page is built by its own function below (codeBlock, figureBlock,
// solutionBlock, formatNav, pageScripts), so other page features hook in at one place.
import {
  CODE_CSS,
  PAGE_CSS,
  headAssets,
  plotlyBundleFor,
  sharedHref,
  SITE_SCRIPT,
  plotlyHolder,
  type AssetMode,
  type PlotlyBundle,
} from "./assets";
import { markdownToHtml } from "./math";
import { highlightTs } from "./page/code-lines";
export { codeLines } from "./page/code-lines";
import { pageScript } from "./page-script";
import { compactPage } from "./compact";
import { englishOn, markEnglish, pageStrings, visibleText, type PageStrings } from "./page-strings";
import {
  FRONTEND_ORDER,
  PLOTLY_MIME,
  isDisplay,
  outputKey,
  pickMime,
  text,
  type MimeBundle,
  type Notebook,
  type Output,
  type PlotlyFigure,
} from "../nbformat";
import {
  escapeHtml,
  htmlDocument,
  isHidden,
  isPredictThenCheck,
  notebookLanguage,
  noteTitle,
  plainTitle,
  plotOutputs,
  retargetNotebookLinks,
  stripAnsi,
} from "./notebook";
import {
  FIGURE_STRINGS,
  describeFigure,
  type FigureText,
  type SliderState,
} from "../../notebooks/kit/src/display/describe-figure";
import {
  liveFigure,
  livePageParts,
  liveSliderControl,
  liveSliderState,
  withLiveBar,
  type LiveAssets,
} from "./live";

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
  /** The page's language, e.g. "en", "zh" (default: the notebook's `mlekit_translation.language`, else "en"). */
  lang?: string;
  /** Receives maths errors. */
  onWarning?: (message: string) => void;
  /** Make the page live ("Run in browser", live sliders): the scripts from `prepareLive` (live/). */
  live?: LiveAssets;
}

/** What one page is being built with. */
export interface PageContext {
  flavour: HtmlFlavour;
  lang: string;
  strings: PageStrings;
  /** The page runs (live/): a live slider's figure gets its range input. */
  live: boolean;
  onWarning?: (message: string) => void;
}

/** The context a page's parts are built in (the live runtime builds new outputs with it too). */
export function pageContext({
  flavour = "interactive",
  lang = "en",
  live = false,
  onWarning,
}: {
  flavour?: HtmlFlavour;
  lang?: string;
  live?: boolean;
  onWarning?: (message: string) => void;
} = {}): PageContext {
  return { flavour, lang, strings: pageStrings(lang), live, onWarning };
}

/** JSON that is safe inside an inline `<script>`: no `</script>`, `<!--` or line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const dataUrl = (mime: string, base64: string) =>
  `data:${mime};base64,${base64.replace(/\s+/g, "")}`;

/** An `<img>` of an image type of a bundle. */
function imageTag(data: MimeBundle, mime: string, alt: string): string {
  const raw = text(data[mime]);
  const b64 = mime === "image/svg+xml" ? Buffer.from(raw, "utf8").toString("base64") : raw;
  return `<img alt="${escapeHtml(alt)}" src="${dataUrl(mime, b64)}">`;
}

/**
 * The caption and description of a plot output, in the page's language, generated from its
 * figure by the kit (the same text the kit put in the output's text/plain when it ran in that
 * language). A figure drawn with a live slider beside it (`slider`, at the value it shows) ends
 * its description with that slider and its value text.
 */
export function figureText(fig: PlotlyFigure, lang: string, slider?: SliderState): FigureText {
  return describeFigure(fig, { lang, slider });
}

/** The figure of one plot: caption, the drawing (interactive) or its SVG (print), description, data on demand. */
function figureBlock(
  fig: PlotlyFigure,
  data: MimeBundle,
  key: string,
  ctx: PageContext,
  slider?: SliderState,
): string {
  const t = figureText(fig, ctx.lang, slider);
  const id = `figure-${key}`;
  const tagged = (s: string) => englishOn(ctx.lang, s);
  const caption = `<figcaption id="${id}-cap" class="plot-caption"${tagged(t.caption)}>${escapeHtml(t.caption)}</figcaption>`;
  const desc = `<p id="${id}-desc" class="plot-desc"${tagged(t.description)}>${escapeHtml(t.description)}</p>`;
  const open = `<figure class="plot" aria-labelledby="${id}-cap" aria-describedby="${id}-desc">`;
  if (ctx.flavour === "print") {
    const mime = pickMime(data, ["image/svg+xml", "image/png"]);
    // The image's own title is drawn in it; the caption and description say it in text.
    const img = mime
      ? imageTag(data, mime, "")
      : `<p><em>${escapeHtml(t.caption)}: no static image was rendered.</em></p>`;
    return `${open}${caption}${img}${desc}</figure>`;
  }
  const height = typeof fig.layout?.height === "number" ? fig.layout.height : 450;
  const showData = FIGURE_STRINGS[t.language].showData;
  return (
    open +
    caption +
    // The drawing is for the eye: the caption, description and data table say what it shows.
    `<div class="${FIGURE_CLASS}" id="${id}" style="height:${height}px" aria-hidden="true"><noscript>${escapeHtml(ctx.strings.plotNeedsScript)}</noscript></div>` +
    desc +
    `<details class="plot-data" hidden><summary>${escapeHtml(showData)}</summary><div class="plot-data-body"></div></details>` +
    `</figure>\n<script type="application/json" class="${FIGURE_DATA_CLASS}" data-for="${id}">${scriptJson(fig)}</script>`
  );
}

/** One rich output as HTML, in the representation a front end would choose. */
function displayHtml(
  data: MimeBundle,
  key: string,
  n: number,
  ctx: PageContext,
): { html: string; plot: boolean } {
  const fig = data[PLOTLY_MIME] as PlotlyFigure | undefined;
  if (fig && Array.isArray(fig.data)) {
    // A live slider's figure is drawn without plotly's stepped slider, its range input under it.
    const live = ctx.live && ctx.flavour === "interactive";
    const html = live
      ? figureBlock(liveFigure(fig, data), data, key, ctx, liveSliderState(data)) +
        liveSliderControl(data, `figure-${key}`)
      : figureBlock(fig, data, key, ctx);
    return { html, plot: true };
  }
  const mime = pickMime(data, FRONTEND_ORDER);
  const tableRegion = (html: string) =>
    /<table[\s>]/i.test(html)
      ? `<div class="table-region" role="region" tabindex="0" aria-label="${escapeHtml(ctx.strings.tableOutput(n))}">${html}</div>`
      : html;
  switch (mime) {
    case undefined:
      return { html: "", plot: false };
    case "text/html":
      return { html: tableRegion(markEnglish(text(data[mime]), ctx.lang)), plot: false };
    case "text/markdown":
    case "text/latex":
      return {
        html: tableRegion(
          markEnglish(markdownToHtml(text(data[mime]), { onError: ctx.onWarning }), ctx.lang),
        ),
        plot: false,
      };
    case "text/plain":
      return { html: `<pre>${escapeHtml(stripAnsi(text(data[mime])))}</pre>`, plot: false };
    default:
      return { html: mime.startsWith("image/") ? imageTag(data, mime, "output") : "", plot: false };
  }
}

/**
 * One output as the page shows it (also what a live page renders a new output with, see
 * live/page/runtime.ts): `n` is the code cell's number, `ctx` from {@link pageContext}.
 */
export function outputHtml(
  out: Output,
  key: string,
  n: number,
  ctx: PageContext,
): { html: string; plot: boolean } {
  const lang = (s: string) => englishOn(ctx.lang, s);
  if (out.output_type === "stream") {
    const body = stripAnsi(text(out.text));
    return {
      html: `<div class="output ${out.name === "stderr" ? "stderr" : "stdout"}"${lang(body)}><pre>${escapeHtml(body)}</pre></div>`,
      plot: false,
    };
  }
  if (out.output_type === "error") {
    const body = stripAnsi([`${out.ename}: ${out.evalue}`, ...(out.traceback ?? [])].join("\n"));
    return {
      html: `<div class="output error"${lang(body)}><pre>${escapeHtml(body)}</pre></div>`,
      plot: false,
    };
  }
  if (!isDisplay(out)) return { html: "", plot: false };
  const r = displayHtml(out.data ?? {}, key, n, ctx);
  const tag = r.plot ? "" : lang(visibleText(r.html));
  return {
    html: `<div class="output${r.plot ? " plot" : ""}" data-output="${key}"${tag}>${r.html}</div>`,
    plot: r.plot,
  };
}

/** A code cell's source: a focusable region named "Code cell n", its lines wrapped with a hanging indent. */
function codeBlock(src: string, n: number, count: number | null, ctx: PageContext): string {
  const code = highlightTs(src);
  return (
    `<div class="source"><span class="prompt" aria-hidden="true">[${count == null ? " " : count}]</span>` +
    `<pre class="code" role="region" tabindex="0" aria-label="${escapeHtml(ctx.strings.codeCell(n))}" translate="no"${englishOn(ctx.lang, src)}>` +
    `<code class="hljs language-typescript">${code}</code></pre></div>`
  );
}

/** A hidden cell as a worked solution: folded on screen, open on paper. */
function solutionBlock(body: string, n: number, ctx: PageContext): string {
  return (
    `<details class="cell code solution" data-cell="${n}"><summary><span class="on-screen">${escapeHtml(ctx.strings.showSolution)}</span>` +
    `<span class="on-paper">${escapeHtml(ctx.strings.solution)}</span></summary>${body}</details>`
  );
}

/**
 * What a predict-then-check cell reveals (its outputs, or a prose cell that gives the result),
 * folded behind "Show the result" on screen, so the reader predicts first; open on paper (the
 * print flavour writes it open, and print CSS opens it on any page).
 */
function revealBlock(inner: string, kind: "outputs" | "prose", ctx: PageContext): string {
  return (
    `<details class="reveal reveal-${kind}"${ctx.flavour === "print" ? " open" : ""}><summary><span class="on-screen">${escapeHtml(ctx.strings.showResult)}</span>` +
    `<span class="on-paper">${escapeHtml(ctx.strings.result)}</span></summary>${inner}</details>`
  );
}

/** The formats a note comes in, linked from the top of its page. */
function formatNav(name: string, s: PageStrings): string {
  const e = encodeURIComponent(name);
  return (
    `<nav class="formats" aria-label="${escapeHtml(s.otherFormats)}"><a href="index.html">${escapeHtml(s.allNotes)}</a>` +
    `<span>${s.thisNoteAs(`<a href="${e}.pdf">PDF</a>`, `<a href="${e}.md">Markdown</a>`, `<a href="${e}.ipynb">${escapeHtml(s.notebook)}</a>`)}</span></nav>`
  );
}

/** The end of an interactive page: plotly.js's inert holder, then the page script (page/figures.ts). */
function pageScripts(assets: AssetMode, bundle: PlotlyBundle | undefined): string {
  const script =
    assets.kind === "shared"
      ? // Should the script not load, the maths it would render shows as TeX (SITE_PAGE_CSS).
        `<script src="${sharedHref(assets, SITE_SCRIPT)}" onerror="document.documentElement.classList.add('tex-failed')"></script>`
      : `<script>${pageScript()}</script>`;
  return `${bundle ? `${plotlyHolder(assets, bundle)}\n` : ""}${script}`;
}

/** The plotly.js bundle a notebook's page needs (the smallest that draws all its traces), or undefined without plots. */
export function pagePlotlyBundle(nb: Notebook): PlotlyBundle | undefined {
  const plots = plotOutputs(nb);
  if (!plots.length) return undefined;
  return plotlyBundleFor(
    plots.flatMap((p) =>
      p.figure.data.map((t) => (typeof t.type === "string" ? t.type : undefined)),
    ),
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
  const lang = options.lang ?? notebookLanguage(nb);
  const ctx = pageContext({ flavour, lang, live: Boolean(options.live), onWarning });
  const cells: string[] = [];
  let n = 0;
  let plots = 0;
  nb.cells.forEach((cell, c) => {
    const src = text(cell.source);
    if (cell.cell_type === "markdown") {
      // A table in the prose scrolls sideways in a named, focusable region (a phone is narrower than most tables).
      const html = retargetNotebookLinks(markdownToHtml(src, { onError: onWarning }), ".html", {
        html: true,
      }).replace(
        /<table[\s>][\s\S]*?<\/table>/g,
        (t) =>
          `<div class="table-region" role="region" tabindex="0" aria-label="${escapeHtml(ctx.strings.proseTable)}">${t}</div>`,
      );
      const english = englishOn(lang, visibleText(html));
      const section = `<section class="cell markdown"${english}>${english ? html : markEnglish(html, lang)}</section>`;
      cells.push(isPredictThenCheck(cell) ? revealBlock(section, "prose", ctx) : section);
      return;
    }
    if (cell.cell_type !== "code") return;
    n++;
    const outs = cell.outputs.map((out, o) => outputHtml(out, outputKey(c, o), n, ctx));
    plots += outs.filter((o) => o.plot).length;
    const shown = outs
      .map((o) => o.html)
      .filter(Boolean)
      .join("\n");
    const outputs = shown && isPredictThenCheck(cell) ? revealBlock(shown, "outputs", ctx) : shown;
    const body = codeBlock(src, n, cell.execution_count, ctx) + (outputs ? `\n${outputs}` : "");
    cells.push(
      isHidden(cell)
        ? solutionBlock(body, n, ctx)
        : `<section class="cell code" data-cell="${n}">${body}</section>`,
    );
  });
  const pageTitle = options.title || plainTitle(noteTitle(nb).title) || name || "Notebook";
  const interactive = flavour === "interactive";
  const bundle = interactive && plots > 0 ? pagePlotlyBundle(nb) : undefined;
  const shared = interactive && assets.kind === "shared";
  const live =
    interactive && options.live
      ? livePageParts(options.live, { lang })
      : { head: "", bar: "", scripts: "" };
  const main = withLiveBar(cells, live.bar).join("\n");
  return htmlDocument({
    lang,
    title: pageTitle,
    // A site page links the page stylesheet and script (with the live controls' rules) and
    // carries its maths, code and figures compactly (compact.ts); a single-file page has it all inline.
    head: shared
      ? headAssets(assets)
      : `${headAssets(assets)}\n<style>${CODE_CSS}${PAGE_CSS}</style>${live.head}`,
    body: `<main>\n${name && interactive ? formatNav(name, ctx.strings) : ""}\n${shared ? compactPage(main).html : main}\n</main>\n${interactive ? pageScripts(assets, bundle) : ""}${live.scripts}`,
  });
}
