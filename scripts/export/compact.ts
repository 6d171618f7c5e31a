// A site page's own bytes (issue 19: at most 150 kB a note page). A page written with shared
// assets carries, in place of what its shared script (assets/page.js) rebuilds as the exporter
// builds it:
//  - each formula as its TeX (`<span class="tex">`), not KaTeX's HTML + MathML (about 30 times
//    the TeX); rendered in the page by page/expand.ts with the exporter's own call;
//  - each code cell as its text (`<code data-highlight>`), not highlight.js's spans;
//  - each figure's numeric arrays packed (page/figure-codec.ts: grids as their ends, values as
//    float32 where a reader cannot tell, the rest exact), unpacked before anything reads them.
// Each formula and code block is replaced only when the page's call gives back exactly the
// markup it replaces (checked here, one by one); anything else is left as it was.
import { escapeHtml } from "./notebook";
import { highlightTs } from "./page/code-lines";
import { packFigure } from "./page/figure-codec";
import { texHtml } from "./page/tex";

/** What {@link compactPage} did. */
export interface Compacted {
  html: string;
  formulas: number;
  code: number;
  figures: number;
  /** Formulas or code left rendered because the page's call would not give them back. */
  kept: number;
}

/** The end (exclusive) of the element whose `<span` opens at `start`. */
function spanEnd(html: string, start: number): number {
  const re = /<span\b|<\/span>/g;
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0] === "</span>" ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** JSON that is safe inside an inline `<script>` (as html.ts writes it). */
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/**
 * A page's HTML with its rendered maths and highlighted code as source, and its figures'
 * arrays packed, for a page whose shared script renders them back.
 * @param html a page (or part of one) as html.ts writes it
 */
export function compactPage(html: string): Compacted {
  let formulas = 0;
  let code = 0;
  let figures = 0;
  let kept = 0;
  // Maths: a display formula is <span class="katex-display"><span class="katex">…; an inline one <span class="katex">….
  let out = "";
  let at = 0;
  const open = /<span class="katex(-display)?">/g;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const end = spanEnd(html, m.index);
    if (end < 0) break;
    const whole = html.slice(m.index, end);
    const display = m[1] !== undefined;
    const tex = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/.exec(whole);
    let replacement: string | undefined;
    if (tex) {
      const source = unescapeHtml(tex[1]);
      try {
        if (texHtml(source, display) === whole)
          replacement = `<span class="tex${display ? " tex-display" : ""}">${escapeHtml(source)}</span>`;
      } catch {
        // left as rendered
      }
    }
    if (replacement === undefined) kept++;
    else formulas++;
    out += html.slice(at, m.index) + (replacement ?? whole);
    at = end;
    open.lastIndex = end;
  }
  out += html.slice(at);
  // Code cells.
  out = out.replace(
    /<code class="hljs language-typescript">([\s\S]*?)<\/code>/g,
    (whole, inner: string) => {
      const text = unescapeHtml(inner.replace(/<[^>]*>/g, ""));
      if (highlightTs(text) !== inner) {
        kept++;
        return whole;
      }
      code++;
      return `<code class="hljs language-typescript" data-highlight>${escapeHtml(text)}</code>`;
    },
  );
  // Figures.
  out = out.replace(
    /(<script type="application\/json" class="figure-data" data-for="[^"]*">)([\s\S]*?)(<\/script>)/g,
    (_whole, a: string, json: string, b: string) => {
      figures++;
      return a + scriptJson(packFigure(JSON.parse(json) as { data?: unknown[] })) + b;
    },
  );
  return { html: out, formulas, code, figures, kept };
}
