// @ts-nocheck
// Small pure helpers over notebook JSON that every export format shares: cell text, hidden
// (solution) cells, which outputs are plots and how each is keyed, and a note's title/subtitle.
"use strict";
const FORMAT = require("notebook-kit/dist/format");

const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A notebook multiline string (string or list of lines) as one string. */
const text = (v) => (Array.isArray(v) ? v.join("") : v == null ? "" : String(v));

/** Text escaped for HTML content or a double-quoted attribute. */
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

// eslint-disable-next-line no-control-regex
const stripAnsi = (s) => s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");

/** A code cell whose source is collapsed in Jupyter: exports show it as a worked solution. */
function isHidden(cell) {
  const j = (cell.metadata && cell.metadata.jupyter) || {};
  return Boolean(j.source_hidden);
}

/** True for a display output that draws a plot (the library's bundle, or its HTML-only form). */
function isPlotOutput(out) {
  if (out.output_type !== "display_data" && out.output_type !== "execute_result") return false;
  const d = out.data || {};
  return d[PLOTLY_MIME] !== undefined || FORMAT.isPlotHtml(text(d["text/html"]));
}

/** The key of output `o` of cell `c` (notebook indices): what the HTML tags and images use. */
const outputKey = (c, o) => `c${c}-o${o}`;

/** The title of a plotly figure's layout, as plain text, or "". */
function figureTitle(fig) {
  const t = fig && fig.layout && fig.layout.title;
  const s = typeof t === "string" ? t : t && typeof t.text === "string" ? t.text : "";
  return s.replace(/<[^>]*>/g, "").trim();
}

/**
 * Every plot output in notebook order: `{ key, cell, output, n, title, figure }`, `n` counting
 * from 1. `figure` is the plotly JSON when the output carries it.
 */
function plotOutputs(nb) {
  const plots = [];
  nb.cells.forEach((cell, c) => {
    if (cell.cell_type !== "code") return;
    (cell.outputs || []).forEach((out, o) => {
      if (!isPlotOutput(out)) return;
      const figure = (out.data || {})[PLOTLY_MIME];
      let title = figure ? figureTitle(figure) : "";
      if (!title) {
        const m = /"([^"]+)"\s*$/.exec(text((out.data || {})["text/plain"]));
        if (m) title = m[1];
      }
      plots.push({ key: outputKey(c, o), cell: c, output: o, n: plots.length + 1, title, figure });
    });
  });
  return plots;
}

/** Markdown inline syntax reduced to plain text (emphasis, code, links); maths kept. */
function plainInline(s) {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w$\\])[*_]([^*_\n]+)[*_](?![\w])/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .trim();
}

/**
 * A note's title (the first H1) and subtitle (the first paragraph line after it), from the
 * notebook's markdown cells; maths stays as `$…$`.
 */
function noteTitle(nb) {
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "markdown") continue;
    const src = text(cell.source);
    const m = /^#\s+(.+?)\s*#*\s*$/m.exec(src);
    if (!m) continue;
    let rest = src.slice(m.index + m[0].length);
    // The subtitle may sit in the next markdown cell.
    if (!rest.trim()) {
      const next = nb.cells.slice(i + 1).find((c) => c.cell_type === "markdown");
      rest = next ? text(next.source) : "";
    }
    const para = rest
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !/^(#|```|\$\$|>|[-*] |\d+\. |\|)/.test(p));
    return { title: plainInline(m[1]), subtitle: para ? plainInline(para.split("\n").join(" ")) : "" };
  }
  return { title: "", subtitle: "" };
}

/**
 * Rewrites relative links to sibling notebooks (`02-foo.ipynb`, `./02-foo.ipynb#part`) so
 * they point at the same note in another format (`.html`, `.md`). Only bare file names: a
 * link with a folder or a scheme is left alone.
 */
function retargetNotebookLinks(s, ext, { html = false } = {}) {
  if (html) return s.replace(/(href=")(?:\.\/)?([\w.-]+)\.ipynb((?:#[^"]*)?")/g, `$1$2${ext}$3`);
  return s.replace(/(\]\()(?:\.\/)?([\w.-]+)\.ipynb((?:#[^)\s]*)?(?:\s+"[^"]*")?\))/g, `$1$2${ext}$3`);
}

module.exports = {
  PLOTLY_MIME,
  text,
  esc,
  stripAnsi,
  isHidden,
  isPlotOutput,
  outputKey,
  figureTitle,
  plotOutputs,
  noteTitle,
  plainInline,
  retargetNotebookLinks,
};
