// @ts-nocheck
// Markdown with LaTeX maths -> HTML with the maths pre-rendered by KaTeX at export time.
// Maths is cut out before Markdown parsing (so `_` and `*` inside it stay maths), rendered,
// and put back. Code spans and fenced code keep their dollars.
"use strict";
const katex = require("katex");
const { marked } = require("marked");

const MATH_RE = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$\w])\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?![\w$])/g;

/** Splits text into code (left alone) and prose (searched for maths) segments. */
function protectCode(src) {
  const parts = [];
  const re = /(^|\n)(```|~~~)[^\n]*\n[\s\S]*?\n\2[^\n]*(?=\n|$)|`+[^`\n]*?`+/g;
  let last = 0;
  let m;
  while ((m = re.exec(src))) {
    parts.push({ code: false, text: src.slice(last, m.index) });
    parts.push({ code: true, text: m[0] });
    last = m.index + m[0].length;
  }
  parts.push({ code: false, text: src.slice(last) });
  return parts;
}

/**
 * Finds the maths in Markdown source. Returns the source with each formula replaced by a
 * placeholder, and the formulas: `{ tex, display }`.
 */
function extractMath(src) {
  const formulas = [];
  const out = protectCode(src)
    .map((part) =>
      part.code
        ? part.text
        : part.text.replace(MATH_RE, (_all, dd, br, pa, d) => {
            const display = dd !== undefined || br !== undefined;
            formulas.push({ tex: (dd ?? br ?? pa ?? d).trim(), display });
            return `MLEKITMATH${formulas.length - 1}X`;
          }),
    )
    .join("");
  return { text: out, formulas };
}

/** Renders one formula; a KaTeX error is reported through `onError` and shown in red. */
function renderTex(tex, display, onError) {
  try {
    return katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "htmlAndMathml", strict: "ignore" });
  } catch (err) {
    if (onError) onError(`KaTeX: ${err.message} in ${JSON.stringify(tex)}`);
    return katex.renderToString(tex, { displayMode: display, throwOnError: false });
  }
}

/** Markdown + maths -> HTML. */
function markdownToHtml(src, { onError, headingIds = true } = {}) {
  const { text, formulas } = extractMath(src);
  let html = marked.parse(text, { gfm: true, async: false });
  html = html.replace(/MLEKITMATH(\d+)X/g, (_m, i) => renderTex(formulas[+i].tex, formulas[+i].display, onError));
  if (headingIds) {
    html = html.replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_m, level, inner) => `<h${level} id="${slug(inner)}">${inner}</h${level}>`);
  }
  return html;
}

/** A URL fragment for a heading: lower case, words joined by dashes, markup and maths dropped. */
function slug(html) {
  return html
    .replace(/<annotation[\s\S]*?<\/annotation>/g, "")
    .replace(/<[^>]+>/g, "")
    .toLowerCase()
    .replace(/&[a-z]+;/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
}

module.exports = { extractMath, markdownToHtml, renderTex, slug, protectCode, MATH_RE };
