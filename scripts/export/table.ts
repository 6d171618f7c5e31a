// @ts-nocheck
// The simple HTML tables that `showTable` emits (notebook-kit's TABLE_CLASS) -> Markdown (GFM) tables.
// The library's table HTML is regular: an optional <caption>, one header row in <thead>, body
// rows of <td> (numeric cells carry class="num"), and an optional shape note <p> (TABLE_SHAPE_CLASS)
// after a truncated table. Anything else is refused (returns undefined) so the caller can fall
// back to the output's text/plain.
"use strict";

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the HTML entities an escaper produces (named, decimal and hex). */
function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e) => {
    if (e[0] === "#") {
      const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : all;
    }
    return ENTITIES[e.toLowerCase()] ?? all;
  });
}

/** The text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
function htmlText(s) {
  return decodeEntities(s.replace(/<br\s*\/?>/gi, " ").replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

/** A cell's text made safe for a GFM table: pipes and backslashes escaped, never empty-looking. */
function mdCell(s) {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

/** Cells of one <tr>: `{ text, num, header }`. */
function rowCells(tr) {
  const cells = [];
  const re = /<(td|th)(\s[^>]*)?>([\s\S]*?)<\/\1>/gi;
  let m;
  while ((m = re.exec(tr))) {
    cells.push({ text: htmlText(m[3]), num: /class="[^"]*\bnum\b/.test(m[2] || ""), header: m[1].toLowerCase() === "th" });
  }
  return cells;
}

/**
 * Parses one simple HTML table into `{ caption, header, rows, numeric, note }`, or undefined
 * when the HTML is not a single simple table (nested tables, colspan/rowspan, no header).
 */
function parseHtmlTable(html) {
  const src = String(html);
  const tables = src.match(/<table\b/gi) || [];
  if (tables.length !== 1 || /\b(colspan|rowspan)=/i.test(src)) return undefined;
  const table = /<table\b[^>]*>([\s\S]*?)<\/table>/i.exec(src);
  if (!table) return undefined;
  const body = table[1];
  const cap = /<caption[^>]*>([\s\S]*?)<\/caption>/i.exec(body);
  const trs = [...body.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((m) => rowCells(m[1]));
  if (trs.length === 0) return undefined;
  const first = trs[0];
  const hasHeader = first.length > 0 && first.every((c) => c.header);
  if (!hasHeader) return undefined;
  const header = first.map((c) => c.text);
  const rows = trs.slice(1).map((r) => r.map((c) => c.text));
  if (rows.some((r) => r.length !== header.length)) return undefined;
  const numeric = header.map((_, i) => rows.length > 0 && trs.slice(1).every((r) => r[i].num || r[i].text === "…" || r[i].text === ""));
  const after = src.slice(table.index + table[0].length);
  const note = /<p\b[^>]*>([\s\S]*?)<\/p>/i.exec(after);
  return { caption: cap ? htmlText(cap[1]) : "", header, rows, numeric, note: note ? htmlText(note[1]) : "" };
}

/**
 * An HTML table (as `showTable` emits it) as a GFM Markdown table: caption in italics above,
 * numeric columns right-aligned, the shape note of a truncated table below. Undefined when the
 * HTML is not a simple table.
 * @example
 * htmlTableToMarkdown('<table><thead><tr><th>x</th></tr></thead><tbody><tr><td class="num">1</td></tr></tbody></table>')
 * // => '| x |\n| --: |\n| 1 |'
 */
function htmlTableToMarkdown(html) {
  const t = parseHtmlTable(html);
  if (!t) return undefined;
  const line = (cells) => `| ${cells.map((c) => (c === "" ? " " : mdCell(c))).join(" | ")} |`;
  const header = t.header.map((h, i) => (h === "" && i === 0 ? " " : h));
  const rule = `| ${t.numeric.map((n) => (n ? "--:" : "---")).join(" | ")} |`;
  const lines = [];
  if (t.caption) lines.push(`*${mdCell(t.caption).replace(/\*/g, "\\*")}*`, "");
  lines.push(line(header), rule, ...t.rows.map(line));
  if (t.note) lines.push("", `*${t.note.replace(/\*/g, "\\*")}*`);
  return lines.join("\n");
}

module.exports = { htmlTableToMarkdown, parseHtmlTable, decodeEntities, htmlText };
