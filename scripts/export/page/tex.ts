// One formula as KaTeX renders it on a note page, shared by the exporter (math.ts) and a site
// page's script (page/expand.ts), so maths rendered in the browser is the exporter's markup.
import katex from "katex";

/**
 * A formula as KaTeX HTML with its MathML (for screen readers), display or inline.
 * @throws KaTeX's ParseError for TeX it cannot read
 * @example texHtml("x", false).startsWith('<span class="katex">') // => true
 */
export function texHtml(tex: string, display: boolean): string {
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: true,
    output: "htmlAndMathml",
    strict: "ignore",
  });
}
