// @ts-nocheck
// Stylesheets that an offline export embeds: KaTeX's CSS with its fonts inlined as data: URLs,
// a code-highlighting theme, and the page's own layout.
"use strict";
const fs = require("fs");
const FORMAT = require("notebook-kit/dist/format");
const path = require("path");

let katexCss;
/** KaTeX's stylesheet with every woff2 font inlined (other formats dropped), so no request is made. */
function inlineKatexCss() {
  if (katexCss) return katexCss;
  const dist = path.dirname(require.resolve("katex/dist/katex.min.css"));
  const css = fs.readFileSync(path.join(dist, "katex.min.css"), "utf8");
  katexCss = css.replace(/src:([^;}]*)/g, (_all, list) => {
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(list);
    if (!woff2) return `src:${list}`;
    const data = fs.readFileSync(path.join(dist, woff2[1])).toString("base64");
    return `src:url(data:font/woff2;base64,${data}) format("woff2")`;
  });
  return katexCss;
}

/** Colours for highlight.js token classes (our own palette, light background). */
const CODE_CSS = `
.hljs-keyword,.hljs-built_in,.hljs-type{color:#7c3aed}
.hljs-string,.hljs-regexp{color:#0f766e}
.hljs-number,.hljs-literal{color:#b45309}
.hljs-comment{color:#6b7280;font-style:italic}
.hljs-title,.hljs-title.function_{color:#1d4ed8}
.hljs-attr,.hljs-property{color:#be185d}
.hljs-params{color:#111827}
`;

/** The page layout: a readable column, notebook cells, outputs, tables and print rules. */
const PAGE_CSS = `
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
table.${FORMAT.TABLE_CLASS},.output table{border-collapse:collapse;font-size:14px;margin:.4rem 0}
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
.on-paper{display:none}
@page{size:A4}
@media print{
body{font-size:11pt;line-height:1.45}
main{max-width:none;padding:0}
nav.formats{display:none}
h1,h2,h3{break-after:avoid-page}
.cell.code .source{break-inside:avoid-page}
.cell.code .source.tall{break-inside:auto}
.output.plot,${FORMAT.PLOT_SELECTOR},table.${FORMAT.TABLE_CLASS}{break-inside:avoid-page}
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

module.exports = { inlineKatexCss, CODE_CSS, PAGE_CSS };
