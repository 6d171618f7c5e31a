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

/**
 * A formula KaTeX cannot read, as KaTeX shows it: its TeX in red, the error in its title.
 * @example texErrorHtml("\\frac{", false).includes("katex-error") // => true
 */
export function texErrorHtml(tex: string, display: boolean): string {
  return katex.renderToString(tex, { displayMode: display, throwOnError: false });
}
