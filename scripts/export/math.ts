// Markdown with LaTeX maths -> HTML with the maths pre-rendered by KaTeX at export time.
// Maths is cut out before Markdown parsing (so `_` and `*` inside it stay maths), rendered,
// and put back. Code spans and fenced code keep their dollars.
import { marked } from "marked";
import { texErrorHtml, texHtml } from "./page/tex";

/** `$$…$$`, `\[…\]`, `\(…\)` and `$…$` (not `\$`, not a price like `$5 and $6`, not `$ x $`). */
export const MATH_RE =
  /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<![\\$\w])\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?![\w$])/g;

/** One formula found in Markdown. */
export interface Formula {
  tex: string;
  display: boolean;
}

/** A piece of Markdown source: code (left alone) or prose (searched for maths). */
export interface SourcePart {
  code: boolean;
  text: string;
}

/**
 * Splits Markdown into code (fenced blocks, closed by a fence at least as long as the opening
 * one, and code spans) and prose segments, in order.
 */
export function protectCode(src: string): SourcePart[] {
  const parts: SourcePart[] = [];
  const re = /(^|\n)(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\2[^\n]*(?=\n|$)|`+[^`\n]*?`+/g;
  let last = 0;
  for (const m of src.matchAll(re)) {
    parts.push({ code: false, text: src.slice(last, m.index) });
    parts.push({ code: true, text: m[0] });
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push({ code: false, text: src.slice(last) });
  return parts;
}

/** The formula of one {@link MATH_RE} match. */
export function formulaOf(m: RegExpMatchArray): Formula {
  const [, dd, br, pa, d] = m;
  return { tex: (dd ?? br ?? pa ?? d).trim(), display: dd !== undefined || br !== undefined };
}

/**
 * Finds the maths in Markdown source. Returns the source with each formula replaced by the
 * placeholder `MLEKITMATH<i>X`, and the formulas in order.
 */
export function extractMath(src: string): { text: string; formulas: Formula[] } {
  const formulas: Formula[] = [];
  const out = protectCode(src)
    .map((part) =>
      part.code
        ? part.text
        : part.text.replace(MATH_RE, (...args: string[]) => {
            formulas.push(formulaOf(args as unknown as RegExpMatchArray));
            return `MLEKITMATH${formulas.length - 1}X`;
          }),
    )
    .join("");
  return { text: out, formulas };
}

/** Renders one formula; a KaTeX error is reported through `onError` and shown in red. */
export function renderTex(
  tex: string,
  display: boolean,
  onError?: (message: string) => void,
): string {
  try {
    return texHtml(tex, display);
  } catch (err) {
    if (onError) onError(`KaTeX: ${(err as Error).message} in ${JSON.stringify(tex)}`);
    return texErrorHtml(tex, display);
  }
}

/**
 * Markdown + maths -> HTML. Headings get ids (see {@link slug}), made before the maths is
 * rendered, from the heading's text with each formula read as its TeX source, so
 * `## The $\theta$ slider` gets `id="the-theta-slider"`. A heading with no letter or digit
 * gets no id.
 */
export function markdownToHtml(
  src: string,
  {
    onError,
    headingIds = true,
  }: { onError?: (message: string) => void; headingIds?: boolean } = {},
): string {
  const { text, formulas } = extractMath(src);
  let html = marked.parse(text, { gfm: true, async: false }) as string;
  if (headingIds) {
    html = html.replace(/<h([1-6])>([\s\S]*?)<\/h\1>/g, (_m, level: string, inner: string) => {
      const id = slug(
        inner.replace(/MLEKITMATH(\d+)X/g, (_p, i: string) => ` ${formulas[+i].tex} `),
      );
      return id ? `<h${level} id="${id}">${inner}</h${level}>` : `<h${level}>${inner}</h${level}>`;
    });
  }
  return html.replace(/MLEKITMATH(\d+)X/g, (_m, i: string) =>
    renderTex(formulas[+i].tex, formulas[+i].display, onError),
  );
}

/**
 * A URL fragment for a heading: its HTML with tags dropped and character references (`&amp;`,
 * `&#39;`) read as separators, in lower case, each run of characters other than letters (with their
 * combining marks: `p̂` stays `p̂`) and digits, of any script, turned into one dash; at most 80
 * characters, no dash at either end.
 *
 * @param html The heading's inner HTML (`Step 1: <em>maximise</em>`).
 * @returns The fragment, or "" when the heading has no letter or digit.
 * @example
 * slug("Step 1: <em>maximise</em> the likelihood"); // => "step-1-maximise-the-likelihood"
 * slug("Gibbs&#39; inequality"); // => "gibbs-inequality"
 * slug("最大似然估计"); // => "最大似然估计"
 * slug("?!"); // => ""
 */
export function slug(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/gi, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .slice(0, 80)
    .replace(/^-+|-+$/g, "");
}
