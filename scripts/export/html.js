// Executed notebook (.ipynb JSON) -> one self-contained HTML file that opens offline:
// maths pre-rendered by KaTeX (fonts inlined), code highlighted by highlight.js at export
// time, outputs in place, plotly.js embedded exactly once.
"use strict";
const hljs = require("highlight.js/lib/core");
hljs.registerLanguage("typescript", require("highlight.js/lib/languages/typescript"));
const { markdownToHtml } = require("./math");
const { inlineKatexCss, CODE_CSS, PAGE_CSS } = require("./assets");

const PLOTLY_MARK = 'data-mlekit="plotly.js';

const text = (v) => (Array.isArray(v) ? v.join("") : v == null ? "" : String(v));
const esc = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");

/** The richest representation of a display output that a static page can show. */
function renderData(data) {
  if (data["text/html"] !== undefined) return text(data["text/html"]);
  if (data["image/svg+xml"] !== undefined) return text(data["image/svg+xml"]);
  if (data["image/png"] !== undefined) return `<img alt="plot" src="data:image/png;base64,${text(data["image/png"]).trim()}">`;
  if (data["image/jpeg"] !== undefined) return `<img alt="image" src="data:image/jpeg;base64,${text(data["image/jpeg"]).trim()}">`;
  if (data["text/markdown"] !== undefined) return markdownToHtml(text(data["text/markdown"]));
  if (data["text/latex"] !== undefined) return markdownToHtml(text(data["text/latex"]));
  if (data["text/plain"] !== undefined) return `<pre>${esc(text(data["text/plain"]))}</pre>`;
  return "";
}

function renderOutput(out) {
  switch (out.output_type) {
    case "stream":
      return `<div class="output ${out.name === "stderr" ? "stderr" : "stdout"}"><pre>${esc(stripAnsi(text(out.text)))}</pre></div>`;
    case "error":
      return `<div class="output error"><pre>${esc(stripAnsi([`${out.ename}: ${out.evalue}`, ...(out.traceback || [])].join("\n")))}</pre></div>`;
    case "display_data":
    case "execute_result":
      return `<div class="output">${renderData(out.data || {})}</div>`;
    default:
      return "";
  }
}

function isHidden(cell) {
  const j = (cell.metadata && cell.metadata.jupyter) || {};
  return Boolean(j.source_hidden);
}

/**
 * Renders an executed notebook as a complete HTML page.
 * @param nb the notebook JSON
 * @param opts.title the page title (default: the first H1)
 * @param opts.plotlyJs the plotly.js source, embedded in <head> when an output draws a plot
 *   and none of the outputs embeds plotly.js already
 * @param opts.onWarning receives maths errors
 */
function notebookToHtml(nb, { title, plotlyJs, onWarning, footer = "" } = {}) {
  const cells = [];
  let n = 0;
  let hasPlot = false;
  let hasPlotly = false;
  for (const cell of nb.cells) {
    const src = text(cell.source);
    if (cell.cell_type === "markdown") {
      cells.push(`<section class="cell markdown">${markdownToHtml(src, { onError: onWarning })}</section>`);
      continue;
    }
    if (cell.cell_type !== "code") continue;
    n++;
    const code = hljs.highlight(src, { language: "typescript" }).value;
    const outputs = (cell.outputs || []).map(renderOutput).join("\n");
    if (outputs.includes("mlekit-plot")) hasPlot = true;
    if (outputs.includes(PLOTLY_MARK)) hasPlotly = true;
    const count = cell.execution_count == null ? " " : cell.execution_count;
    const body =
      `<div class="source"><span class="prompt">[${count}]</span><pre><code class="hljs language-typescript">${code}</code></pre></div>` +
      (outputs ? `\n${outputs}` : "");
    cells.push(
      isHidden(cell)
        ? `<details class="cell code solution"><summary>Show the worked solution</summary>${body}</details>`
        : `<section class="cell code" data-cell="${n}">${body}</section>`,
    );
  }
  const h1 = nb.cells.map((c) => /^#\s+(.+)$/m.exec(c.cell_type === "markdown" ? text(c.source) : ""))
    .find(Boolean);
  const pageTitle = title || (h1 ? h1[1].replace(/\$[^$]*\$/g, "").trim() : "Notebook");
  const plotlyHead = hasPlot && !hasPlotly && plotlyJs ? `<script ${PLOTLY_MARK} (export)">${plotlyJs}</script>` : "";
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mlekit notebook export">
<title>${esc(pageTitle)}</title>
<style>${inlineKatexCss()}</style>
<style>${CODE_CSS}${PAGE_CSS}</style>
${plotlyHead}
</head>
<body>
<main>
${cells.join("\n")}
${footer}
</main>
</body>
</html>
`;
}

module.exports = { notebookToHtml, renderData, PLOTLY_MARK };
