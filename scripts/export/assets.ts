// What an exported page needs besides its own text: plotly.js, KaTeX's stylesheet with its
// fonts, a code-highlighting palette and the page layout. A page either carries them inline
// (single file, opens anywhere offline; the default) or links one shared copy in
// `<out>/assets/` (`--shared-assets`, for a site).
//
// plotly.js: a page gets the smallest bundle plotly publishes that draws every trace type it
// has. The notes use bar, scatter, histogram and contour: plotly's cartesian bundle (1.5 MB)
// draws them all; the basic bundle (1.2 MB) has no histogram or contour; the full bundle
// (4.8 MB) is kept for a notebook with any other trace type (3D, maps, …). The bundle does
// not block the page: it sits in an inert holder at the end of <body> and the page script
// runs it after the first paint (page/figures.ts).
import * as fs from "fs";
import * as path from "path";
import { sitePageScript } from "./page-script";
import { LIVE_CSS } from "./live/css";

/** The folder, under an export folder, that `--shared-assets` writes. */
export const ASSETS_DIR = "assets";

/** One plotly.js bundle published on npm. */
export interface PlotlyBundle {
  name: "cartesian" | "full";
  /** The npm package and the file in it. */
  pkg: string;
  file: string;
  /** The trace types it draws; undefined: every one. */
  traces?: readonly string[];
}

/** The trace modules of plotly.js-cartesian-dist-min (its README; tests/browser checks them against the bundle). */
export const CARTESIAN_TRACES: readonly string[] = [
  "bar",
  "box",
  "contour",
  "heatmap",
  "histogram",
  "histogram2d",
  "histogram2dcontour",
  "image",
  "pie",
  "scatter",
  "scatterternary",
  "violin",
];

/** The bundles a page can get, smallest first. */
export const PLOTLY_BUNDLES: readonly PlotlyBundle[] = [
  {
    name: "cartesian",
    pkg: "plotly.js-cartesian-dist-min",
    file: "plotly-cartesian.min.js",
    traces: CARTESIAN_TRACES,
  },
  { name: "full", pkg: "plotly.js-dist-min", file: "plotly.min.js" },
];

/**
 * The smallest bundle that draws every one of `types` (a trace without a type is a scatter).
 * @example plotlyBundleFor(["scatter", "contour"]).name // => "cartesian"
 * @example plotlyBundleFor(["scatter3d"]).name // => "full"
 */
export function plotlyBundleFor(types: Iterable<string | undefined>): PlotlyBundle {
  const need = [...new Set([...types].map((t) => t ?? "scatter"))];
  return PLOTLY_BUNDLES.find((b) => !b.traces || need.every((t) => b.traces!.includes(t)))!;
}

const sources = new Map<string, string>();
/** A bundle's minified source, safe to inline in a `<script>` element. */
export function bundleSource(b: PlotlyBundle): string {
  let s = sources.get(b.pkg);
  if (s === undefined) {
    s = fs
      .readFileSync(require.resolve(`${b.pkg}/${b.file}`), "utf8")
      .replace(/<\/script/gi, "<\\/script");
    sources.set(b.pkg, s);
  }
  return s;
}

/** A bundle's version, as its package declares it. */
export function bundleVersion(b: PlotlyBundle): string {
  return (require(`${b.pkg}/package.json`) as { version: string }).version;
}

const FULL = PLOTLY_BUNDLES[PLOTLY_BUNDLES.length - 1];

/** The full plotly.js (`plotly.js-dist-min`), which the rasterising pass renders every figure with. */
export function plotlyJs(): string {
  return bundleSource(FULL);
}

/** The version of the full plotly.js. */
export function plotlyVersion(): string {
  return bundleVersion(FULL);
}

const katexDist = (): string => path.dirname(require.resolve("katex/dist/katex.min.css"));

/** KaTeX's stylesheet keeping only the woff2 fonts, each `url()` rewritten by `font(file)`. */
function katexCss(font: (file: string) => string): string {
  const css = fs.readFileSync(path.join(katexDist(), "katex.min.css"), "utf8");
  return css.replace(/src:([^;}]*)/g, (_all, list: string) => {
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(list);
    return woff2 ? `src:url(${font(woff2[1])}) format("woff2")` : `src:${list}`;
  });
}

let inlineCss: string | undefined;
/** KaTeX's stylesheet with every woff2 font inlined as a data: URL, so no request is made. */
export function inlineKatexCss(): string {
  inlineCss ??= katexCss(
    (file) =>
      `data:font/woff2;base64,${fs.readFileSync(path.join(katexDist(), file)).toString("base64")}`,
  );
  return inlineCss;
}

/** How a page gets plotly.js and KaTeX's stylesheet. */
export type AssetMode =
  | { kind: "inline" }
  | {
      kind: "shared";
      /** relative link from the page to the assets folder */
      href: string;
      /** the assets folder on disk, where a page that needs the full plotly.js writes it */
      dir?: string;
    };

/**
 * Writes the smallest plotly.js bundle, KaTeX's stylesheet with its woff2 fonts, and the site
 * page's script and stylesheet ({@link SITE_SCRIPT}, {@link SITE_CSS}) into
 * `<outDir>/assets/` (once: files already there with the same size are kept). A page that needs
 * a larger bundle writes it there itself ({@link writeSharedBundle}).
 * @returns the files of the folder
 */
export function writeSharedAssets(outDir: string): string[] {
  const dir = path.join(outDir, ASSETS_DIR);
  fs.mkdirSync(path.join(dir, "katex", "fonts"), { recursive: true });
  const written: string[] = [writeSharedBundle(dir, PLOTLY_BUNDLES[0])];
  const put = (rel: string, data: string | Buffer) =>
    written.push(writeIfChanged(path.join(dir, rel), data));
  put(SITE_SCRIPT, sitePageScript());
  put(SITE_CSS, `${CODE_CSS}${PAGE_CSS}${LIVE_CSS}${SITE_PAGE_CSS}`);
  put(
    path.join("katex", "katex.min.css"),
    katexCss((file) => file),
  );
  for (const f of fs
    .readdirSync(path.join(katexDist(), "fonts"))
    .filter((f) => f.endsWith(".woff2"))) {
    put(path.join("katex", "fonts", f), fs.readFileSync(path.join(katexDist(), "fonts", f)));
  }
  return written;
}

function writeIfChanged(file: string, data: string | Buffer): string {
  const size = typeof data === "string" ? Buffer.byteLength(data) : data.length;
  if (!fs.existsSync(file) || fs.statSync(file).size !== size) fs.writeFileSync(file, data);
  return file;
}

/** Writes one plotly.js bundle into a shared assets folder (kept when already there); returns its path. */
export function writeSharedBundle(assetsDir: string, b: PlotlyBundle): string {
  fs.mkdirSync(assetsDir, { recursive: true });
  return writeIfChanged(path.join(assetsDir, b.file), bundleSource(b));
}

/** A site page's shared script (page-script.ts: maths, code, figures) in the assets folder. */
export const SITE_SCRIPT = "page.js";
/** A site page's shared stylesheet: the code palette, the page layout and the live controls. */
export const SITE_CSS = "page.css";

/**
 * A site page's own rules: a formula still in TeX (page/expand.ts renders it at load) is not
 * shown while the page script is on its way, so the reader never sees raw TeX flash before the
 * maths; it is shown without script (see {@link headAssets}), or when the script cannot load or
 * cannot render it (`tex-failed`).
 */
export const SITE_PAGE_CSS = `
.tex{visibility:hidden}
.tex-failed .tex,.tex.tex-failed{visibility:visible;font-family:ui-monospace,monospace}
`;

/** The link from a page to a file of the shared assets folder. */
export function sharedHref(mode: { href: string }, file: string): string {
  return `${mode.href.replace(/\/?$/, "/")}${file}`;
}

/**
 * The `<head>` elements that give a page KaTeX's stylesheet (inline with its fonts, or linked)
 * and, for a site page, the shared page stylesheet.
 */
export function headAssets(mode: AssetMode): string {
  if (mode.kind === "shared")
    return (
      `<link rel="stylesheet" href="${sharedHref(mode, "katex/katex.min.css")}">` +
      `<link rel="stylesheet" href="${sharedHref(mode, SITE_CSS)}">` +
      `<noscript><style>.tex{visibility:visible;font-family:ui-monospace,monospace}</style></noscript>`
    );
  return `<style>${inlineKatexCss()}</style>`;
}

/**
 * The inert holder of a page's plotly.js, for the end of `<body>`: a `type="text/plain"` script
 * (the browser neither blocks on it nor runs it) with the source inline, or with `data-src`
 * naming the shared copy. The page script runs it after the first paint.
 */
export function plotlyHolder(mode: AssetMode, b: PlotlyBundle): string {
  const attrs = `type="text/plain" data-plotly-version="${bundleVersion(b)}" data-plotly-bundle="${b.name}"`;
  if (mode.kind === "shared")
    return `<script ${attrs} data-src="${mode.href.replace(/\/?$/, "/")}${b.file}"></script>`;
  return `<script ${attrs}>${bundleSource(b)}</script>`;
}

/** Colours for highlight.js token classes (our own palette, light background). */
export const CODE_CSS = `
.hljs-keyword,.hljs-built_in,.hljs-type{color:#7c3aed}
.hljs-string,.hljs-regexp{color:#0f766e}
.hljs-number,.hljs-literal{color:#b45309}
.hljs-comment{color:#6b7280;font-style:italic}
.hljs-title,.hljs-title.function_{color:#1d4ed8}
.hljs-attr,.hljs-property{color:#be185d}
.hljs-params{color:#111827}
`;

/** The page layout: a readable column, notebook cells, outputs, figures, tables, phones and print. */
export const PAGE_CSS = `
:root{--ink:#1f2933;--muted:#52606d;--rule:#e4e7eb;--code-bg:#f5f7fa;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:var(--ink);background:#fff}
main{max-width:920px;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{margin-top:2.2rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
a{color:var(--accent)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.cell{margin:1rem 0}
.cell.code .source{position:relative}
.cell.code .prompt{position:absolute;left:-3.2rem;top:.4rem;font:12px ui-monospace,monospace;color:var(--muted);width:3rem;text-align:right}
pre{background:var(--code-bg);border:1px solid var(--rule);border-radius:6px;padding:.6rem .8rem;font:13.5px/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;margin:.3rem 0;white-space:pre-wrap;overflow-wrap:anywhere}
pre.code .line{display:block;padding-left:calc(var(--i,0ch) + 2ch);text-indent:calc(-1 * (var(--i,0ch) + 2ch))}
code{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;font-size:.92em}
.output{margin:.3rem 0 .3rem 0;overflow-x:auto}
.output pre{background:#fff;border-color:transparent;padding:.2rem .8rem}
.output.error pre{background:#fef2f2;border-color:#fecaca;color:#991b1b}
.output.stderr pre{background:#fffbeb}
.output table{border-collapse:collapse;font-size:14px;margin:.4rem 0}
.output th,.output td{border-bottom:1px solid var(--rule);padding:.25rem .6rem;text-align:left}
.output td.num{text-align:right;font-variant-numeric:tabular-nums}
.output thead th{border-bottom:2px solid #cbd2d9}
.katex-display{overflow-x:auto;overflow-y:hidden;padding:.2rem 0}
details.solution{border:1px dashed #cbd2d9;border-radius:6px;padding:.3rem .8rem;margin:.8rem 0}
details.solution>summary{cursor:pointer;color:var(--muted)}
details.reveal{margin:.4rem 0}
details.reveal>summary{cursor:pointer;color:var(--accent);font-size:15px;width:max-content}
details.reveal[open]>summary{margin-bottom:.3rem}
.meta{color:var(--muted);font-size:14px}
nav.formats{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;font-size:14px;color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:.4rem;margin-bottom:1rem}
nav.formats a{text-decoration:none}
.output.plot{overflow:visible}
figure.plot{margin:.6rem 0}
.plot-caption{font-weight:600;font-size:15px;line-height:1.4;margin:.2rem 0 .1rem}
.output.plot .figure{width:100%}
.figure noscript{display:block;padding:1rem;border:1px dashed #cbd2d9;color:var(--muted)}
.plot-desc{font-size:13px;line-height:1.45;color:var(--muted);margin:.2rem 0}
details.plot-data>summary{cursor:pointer;color:var(--accent);font-size:14px;width:max-content}
.plot-table{overflow:auto;max-height:24rem;margin:.3rem 0;border:1px solid var(--rule);border-radius:6px}
.plot-table table{border-collapse:collapse;font-size:13px;font-variant-numeric:tabular-nums}
.plot-table caption{text-align:left;font-weight:600;padding:.3rem .6rem}
.plot-table th,.plot-table td{padding:.15rem .6rem;border-bottom:1px solid var(--rule);text-align:right;white-space:nowrap}
.plot-table thead th{position:sticky;top:0;background:#fff;border-bottom:2px solid #cbd2d9}
.output img{max-width:100%;height:auto}
.table-region{overflow-x:auto}
.on-paper{display:none}
@media (max-width:1000px){.cell.code .prompt{display:none}}
@media (max-width:600px){
main{padding:1rem .75rem 3rem}
h1{font-size:1.6rem}
pre{font-size:12.5px;padding:.5rem .6rem}
.output pre{padding:.2rem .4rem}
}
@page{size:A4}
@media print{
body{font-size:11pt;line-height:1.45}
main{max-width:none;padding:0}
nav.formats{display:none}
h1,h2,h3{break-after:avoid-page}
.cell.code .source{break-inside:avoid-page}
.cell.code .source.tall{break-inside:auto}
figure.plot,.output table{break-inside:avoid-page}
pre{font-size:9.5pt}
.output{overflow:visible}
.katex-display{overflow:visible}
details.solution{border:1px dashed #cbd2d9}
details.solution>summary{list-style:none;font-weight:600}
details.solution::details-content{content-visibility:visible;display:block}
details.reveal::details-content{content-visibility:visible;display:block}
details.reveal>summary{list-style:none;font-weight:600;color:inherit}
details.reveal>summary::-webkit-details-marker{display:none}
.on-screen{display:none}.on-paper{display:inline}
details.solution>summary::-webkit-details-marker{display:none}
.cell.code .prompt{display:none}
details.plot-data{display:none}
.modebar-container{display:none!important}
.output.plot .figure{height:auto!important;max-width:100%}
.output.plot .figure .svg-container{width:100%!important;height:auto!important;aspect-ratio:var(--plot-ratio,auto)}
.output.plot .figure svg.main-svg{width:100%;height:100%}
}
`;

/** CSS selector of the element that gives a page plotly.js (inline or linked). */
export const PLOTLY_SCRIPT_SELECTOR = "script[data-plotly-version]";
