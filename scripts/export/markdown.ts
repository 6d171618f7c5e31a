// @ts-nocheck
// Executed notebook -> Markdown for a blog or a README: prose as written (maths kept as
// `$…$` / `$$…$$`), code in ```ts fences, text outputs as fenced blocks, the library's tables
// as GFM tables, and every plot as an image file rendered by a real browser (see browser.js).
// Pure: the caller writes the Markdown and the attachments it returns.
"use strict";
const { protectCode } = require("./math");
const { htmlTableToMarkdown } = require("./table");
const { text, stripAnsi, isHidden, isPlotOutput, outputKey, retargetNotebookLinks } = require("./notebook");

/** A fenced block whose fence is longer than any run of backticks inside `body`. */
function fence(body, lang = "") {
  const longest = Math.max(2, ...(body.match(/`+/g) || []).map((r) => r.length));
  const f = "`".repeat(longest + 1);
  return `${f}${lang}\n${body.replace(/\n+$/, "")}\n${f}`;
}

/**
 * Maths in the forms Markdown renderers (GitHub, KaTeX/MathJax blog plug-ins) agree on:
 * `\[…\]` becomes a `$$` block on its own lines and `\(…\)` becomes `$…$`. Code is untouched.
 */
function normalizeMath(src) {
  return protectCode(src)
    .map((part) =>
      part.code
        ? part.text
        : part.text
            .replace(/[ \t]*\\\[([\s\S]+?)\\\][ \t]*/g, (_m, tex) => `\n\n$$\n${tex.trim()}\n$$\n\n`)
            .replace(/\\\(([\s\S]+?)\\\)/g, (_m, tex) => `$${tex.trim()}$`),
    )
    .join("")
    .replace(/\n{3,}/g, "\n\n");
}

/** Alt text for a plot image: its title, else "Plot n". */
function altText(plot) {
  return (plot.title || `Plot ${plot.n}`).replace(/[[\]\\]/g, " ").replace(/\s+/g, " ").trim();
}

const IMAGE_MIMES = [
  ["image/svg+xml", "svg", false],
  ["image/png", "png", true],
  ["image/jpeg", "jpg", true],
  ["image/gif", "gif", true],
];

/**
 * Renders an executed notebook as Markdown.
 * @param nb the notebook JSON
 * @param opts.filesDir the folder (relative to the .md) that holds images, e.g. "02-foo_files"
 * @param opts.plots the notebook's plots (`plotOutputs(nb)`) with `image`: the file name of
 *   each rendered plot inside filesDir (absent when it could not be rendered)
 * @returns `{ markdown, attachments }`: attachments are `{ file, data }` for images that the
 *   outputs themselves carry (PNG/SVG displays), to be written under filesDir
 */
function notebookToMarkdown(nb, { filesDir, plots = [] } = {}) {
  const byKey = new Map(plots.map((p) => [p.key, p]));
  const attachments = [];
  const blocks = [];
  const imageLink = (alt, file) => `![${alt}](${encodeURI(`${filesDir}/${file}`)})`;

  function renderOutput(out, key) {
    switch (out.output_type) {
      case "stream":
        return fence(stripAnsi(text(out.text)), "text");
      case "error":
        return fence(stripAnsi([`${out.ename}: ${out.evalue}`, ...(out.traceback || []).slice(1)].join("\n")), "text");
      case "display_data":
      case "execute_result": {
        const d = out.data || {};
        if (isPlotOutput(out)) {
          const plot = byKey.get(key);
          if (plot && plot.image) return imageLink(altText(plot), plot.image);
          const label = plot ? altText(plot) : "Plot";
          return `> *${label}: interactive plot, see the HTML export (no static image was rendered).*`;
        }
        if (d["text/markdown"] !== undefined) return normalizeMath(text(d["text/markdown"])).trim();
        if (d["text/latex"] !== undefined) return text(d["text/latex"]).trim();
        if (d["text/html"] !== undefined) {
          const table = htmlTableToMarkdown(text(d["text/html"]));
          if (table) return table;
        }
        for (const [mime, ext, base64] of IMAGE_MIMES) {
          if (d[mime] === undefined) continue;
          const file = `output-${attachments.length + 1}.${ext}`;
          const raw = text(d[mime]);
          attachments.push({ file, data: base64 ? Buffer.from(raw.replace(/\s+/g, ""), "base64") : Buffer.from(raw, "utf8") });
          return imageLink(`Output ${attachments.length}`, file);
        }
        if (d["text/plain"] !== undefined) return fence(stripAnsi(text(d["text/plain"])), "text");
        // HTML with no plain-text form: keep it, minus scripts, as raw HTML.
        if (d["text/html"] !== undefined) return text(d["text/html"]).replace(/<script\b[\s\S]*?<\/script>/gi, "").trim();
        return "";
      }
      default:
        return "";
    }
  }

  nb.cells.forEach((cell, c) => {
    const src = text(cell.source);
    if (cell.cell_type === "markdown") {
      if (src.trim()) blocks.push(retargetNotebookLinks(normalizeMath(src).trim(), ".md"));
      return;
    }
    if (cell.cell_type === "raw") return;
    if (cell.cell_type !== "code") return;
    const parts = [];
    if (src.trim()) parts.push(fence(src, "ts"));
    (cell.outputs || []).forEach((out, o) => {
      const md = renderOutput(out, outputKey(c, o));
      if (md) parts.push(md);
    });
    if (parts.length === 0) return;
    if (isHidden(cell)) {
      blocks.push(`<details>\n<summary>Show the worked solution</summary>\n\n${parts.join("\n\n")}\n\n</details>`);
    } else blocks.push(parts.join("\n\n"));
  });
  return { markdown: blocks.join("\n\n") + "\n", attachments };
}

/** The ATX headings of Markdown text (outside code fences): `{ level, text }`. */
function markdownHeadings(src) {
  const out = [];
  let inFence = null;
  for (const line of String(src).split("\n")) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!inFence) inFence = f[1];
      else if (f[1][0] === inFence[0] && f[1].length >= inFence.length) inFence = null;
      continue;
    }
    if (inFence) continue;
    const h = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) out.push({ level: h[1].length, text: h[2] });
  }
  return out;
}

module.exports = { notebookToMarkdown, normalizeMath, fence, markdownHeadings };
