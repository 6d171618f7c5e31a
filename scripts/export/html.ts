// @ts-nocheck
// Executed notebook (.ipynb JSON) -> one self-contained HTML file that opens offline:
// maths pre-rendered by KaTeX (fonts inlined), code highlighted by highlight.js at export
// time, outputs in place, plotly.js embedded exactly once.
"use strict";
const FORMAT = require("notebook-kit/dist/format");
const hljs = require("highlight.js/lib/core");
hljs.registerLanguage("typescript", require("highlight.js/lib/languages/typescript"));
const { markdownToHtml } = require("./math");
const { inlineKatexCss, CODE_CSS, PAGE_CSS } = require("./assets");
const { text, esc, stripAnsi, isHidden, isPlotOutput, outputKey, noteTitle, retargetNotebookLinks } = require("./notebook");

const PLOTLY_MARK = `${FORMAT.PLOTLY_SCRIPT_ATTRIBUTE}="${FORMAT.PLOTLY_SCRIPT_VALUE_PREFIX}`;

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

/**
 * The plot ids of the library are a hash of the figure, so the same figure shown twice gives
 * two <div>s with one id, and the second would never draw. Gives every repeat its own id.
 */
function uniquePlotIds(html, seen, key) {
  const m = new RegExp(`\\bid="(${FORMAT.PLOT_ID_PREFIX}[\\w-]+)"`).exec(html);
  if (!m) return html;
  const id = m[1];
  if (!seen.has(id)) {
    seen.add(id);
    return html;
  }
  const fresh = `${id}-${key}`;
  seen.add(fresh);
  // The id appears as an attribute and, JSON-quoted, in the drawing script.
  return html.split(`id="${id}"`).join(`id="${fresh}"`).split(JSON.stringify(id)).join(JSON.stringify(fresh));
}

function renderOutput(out, key, seenIds) {
  switch (out.output_type) {
    case "stream":
      return `<div class="output ${out.name === "stderr" ? "stderr" : "stdout"}"><pre>${esc(stripAnsi(text(out.text)))}</pre></div>`;
    case "error":
      return `<div class="output error"><pre>${esc(stripAnsi([`${out.ename}: ${out.evalue}`, ...(out.traceback || [])].join("\n")))}</pre></div>`;
    case "display_data":
    case "execute_result": {
      if (isPlotOutput(out)) {
        const html = uniquePlotIds(renderData(out.data || {}), seenIds, key);
        return `<div class="output plot" data-output="${key}">${html}</div>`;
      }
      return `<div class="output" data-output="${key}">${renderData(out.data || {})}</div>`;
    }
    default:
      return "";
  }
}

// A plotly.js embed as the library writes it: `<script … data-mlekit="plotly.js 3.x">…</script>`.
// plotly.js's own source never contains "</script" (the library escapes it), so the first
// closing tag ends the embed.
const PLOTLY_EMBED_RE = new RegExp(`<script\\b[^>]*${FORMAT.PLOTLY_SCRIPT_ATTRIBUTE}="plotly\\.js[^"]*"[^>]*>[\\s\\S]*?<\\/script>\\n?`, "g");

/** The formats a note comes in, linked from the top of its HTML page. */
function formatNav(name) {
  const e = encodeURIComponent(name);
  return (
    `<nav class="formats" aria-label="This note in other formats"><a href="index.html">All notes</a>` +
    `<span>this note as <a href="${e}.pdf">PDF</a> · <a href="${e}.md">Markdown</a> · <a href="${e}.ipynb">notebook</a></span></nav>`
  );
}

/**
 * Renders an executed notebook as a complete HTML page.
 * @param nb the notebook JSON
 * @param opts.name the note's file stem; when given, the page links its other formats
 * @param opts.title the page title (default: the first H1, maths dropped)
 * @param opts.plotlyJs the plotly.js source. When an output draws a plot, every plotly.js
 *   embed in the outputs is removed and this one copy goes in <head>, so the page carries
 *   plotly.js exactly once whatever the outputs did.
 * @param opts.onWarning receives maths errors
 */
function notebookToHtml(nb, { name, title, plotlyJs, onWarning, footer = "" } = {}) {
  const cells = [];
  const seenIds = new Set();
  let n = 0;
  let hasPlot = false;
  let embedded = "";
  nb.cells.forEach((cell, c) => {
    const src = text(cell.source);
    if (cell.cell_type === "markdown") {
      const html = retargetNotebookLinks(markdownToHtml(src, { onError: onWarning }), ".html", { html: true });
      cells.push(`<section class="cell markdown">${html}</section>`);
      return;
    }
    if (cell.cell_type !== "code") return;
    n++;
    const code = hljs.highlight(src, { language: "typescript" }).value;
    let outputs = (cell.outputs || []).map((out, o) => renderOutput(out, outputKey(c, o), seenIds)).join("\n");
    if ((cell.outputs || []).some(isPlotOutput)) hasPlot = true;
    outputs = outputs.replace(PLOTLY_EMBED_RE, (embed) => {
      if (!embedded) embedded = embed;
      return "";
    });
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
  const pageTitle = title || noteTitle(nb).title.replace(/\$([^$]*)\$/g, "$1").trim() || name || "Notebook";
  let plotlyHead = "";
  if (hasPlot && plotlyJs) plotlyHead = `<script ${PLOTLY_MARK} (export)">${plotlyJs}</script>`;
  else if (hasPlot && embedded) plotlyHead = embedded;
  return `<!DOCTYPE html>
<html lang="${esc((nb.metadata && nb.metadata.mlekit_translation && nb.metadata.mlekit_translation.language) || "en")}">
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
${name ? formatNav(name) : ""}
${cells.join("\n")}
${footer}
</main>
</body>
</html>
`;
}

module.exports = { notebookToHtml, renderData, PLOTLY_MARK, PLOTLY_EMBED_RE };
