// What an exported page needs besides its own text: plotly.js, KaTeX's stylesheet with its
// fonts, a code-highlighting palette and the page layout. A page either carries them inline
// (single file, opens anywhere offline; the default) or links one shared copy in
// `<out>/assets/` (`--shared-assets`, for a site: plotly.js once instead of 4.6 MB a page).
import * as fs from "fs";
import * as path from "path";

/** The folder, under an export folder, that `--shared-assets` writes. */
export const ASSETS_DIR = "assets";

let plotlySource: string | undefined;
/** The minified plotly.js of `plotly.js-dist-min`, safe to inline in a `<script>` element. */
export function plotlyJs(): string {
  if (plotlySource === undefined) {
    plotlySource = fs.readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"), "utf8").replace(/<\/script/gi, "<\\/script");
  }
  return plotlySource;
}

/** The version of that plotly.js. */
export function plotlyVersion(): string {
  return (require("plotly.js-dist-min/package.json") as { version: string }).version;
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
  inlineCss ??= katexCss((file) => `data:font/woff2;base64,${fs.readFileSync(path.join(katexDist(), file)).toString("base64")}`);
  return inlineCss;
}

/** How a page gets plotly.js and KaTeX's stylesheet. */
export type AssetMode = { kind: "inline" } | { kind: "shared"; /** relative link from the page to the assets folder */ href: string };

/**
 * Writes plotly.js and KaTeX's stylesheet with its woff2 fonts into `<outDir>/assets/` (once:
 * files already there with the same size are kept).
 * @returns the files of the folder
 */
export function writeSharedAssets(outDir: string): string[] {
  const dir = path.join(outDir, ASSETS_DIR);
  fs.mkdirSync(path.join(dir, "katex", "fonts"), { recursive: true });
  const written: string[] = [];
  const put = (rel: string, data: string | Buffer) => {
    const file = path.join(dir, rel);
    const size = typeof data === "string" ? Buffer.byteLength(data) : data.length;
    if (!fs.existsSync(file) || fs.statSync(file).size !== size) fs.writeFileSync(file, data);
    written.push(file);
  };
  put("plotly.min.js", plotlyJs());
  put(path.join("katex", "katex.min.css"), katexCss((file) => file));
  for (const f of fs.readdirSync(path.join(katexDist(), "fonts")).filter((f) => f.endsWith(".woff2"))) {
    put(path.join("katex", "fonts", f), fs.readFileSync(path.join(katexDist(), "fonts", f)));
  }
  return written;
}

/** The `<head>` elements that give a page KaTeX's stylesheet and, when it draws plots, plotly.js. */
export function headAssets(mode: AssetMode, withPlotly: boolean): string {
  if (mode.kind === "shared") {
    const base = mode.href.replace(/\/?$/, "/");
    return (
      `<link rel="stylesheet" href="${base}katex/katex.min.css">` +
      (withPlotly ? `\n<script src="${base}plotly.min.js" data-plotly-version="${plotlyVersion()}"></script>` : "")
    );
  }
  return `<style>${inlineKatexCss()}</style>` + (withPlotly ? `\n<script data-plotly-version="${plotlyVersion()}">${plotlyJs()}</script>` : "");
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

/** The page layout: a readable column, notebook cells, outputs, tables and print rules. */
export const PAGE_CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--rule:#e4e7eb;--code-bg:#f5f7fa;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK SC",sans-serif;color:var(--ink);background:#fff}
main{max-width:920px;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:2rem;line-height:1.25;margin:.5rem 0 .25rem}
h2{margin-top:2.2rem;border-bottom:1px solid var(--rule);padding-bottom:.2rem}
a{color:var(--accent)}
.cell{margin:1rem 0}
.cell.code .source{position:relative}
.cell.code .prompt{position:absolute;left:-3.2rem;top:.4rem;font:12px ui-monospace,monospace;color:var(--muted);width:3rem;text-align:right}
pre{background:var(--code-bg);border:1px solid var(--rule);border-radius:6px;padding:.6rem .8rem;overflow-x:auto;font:13.5px/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace;margin:.3rem 0}
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
.meta{color:var(--muted);font-size:14px}
nav.formats{display:flex;justify-content:space-between;gap:1rem;flex-wrap:wrap;font-size:14px;color:var(--muted);border-bottom:1px solid var(--rule);padding-bottom:.4rem;margin-bottom:1rem}
nav.formats a{text-decoration:none}
.output.plot{overflow:visible}
.output.plot .figure{width:100%}
.output img{max-width:100%;height:auto}
.on-paper{display:none}
@page{size:A4}
@media print{
body{font-size:11pt;line-height:1.45}
main{max-width:none;padding:0}
nav.formats{display:none}
h1,h2,h3{break-after:avoid-page}
.cell.code .source{break-inside:avoid-page}
.cell.code .source.tall{break-inside:auto}
.output.plot,.output table{break-inside:avoid-page}
pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:9.5pt}
.output{overflow:visible}
.katex-display{overflow:visible}
details.solution{border:1px dashed #cbd2d9}
details.solution>summary{list-style:none;font-weight:600}
.on-screen{display:none}.on-paper{display:inline}
details.solution>summary::-webkit-details-marker{display:none}
.cell.code .prompt{display:none}
.modebar-container{display:none!important}
}
`;


/** CSS selector of the element that gives a page plotly.js (inline or linked). */
export const PLOTLY_SCRIPT_SELECTOR = "script[data-plotly-version]";
