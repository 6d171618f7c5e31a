// What a site page (shared assets) does first, before it paints its plots: the maths and code
// that the exporter left as source (compact.ts, to keep the page's own bytes small) are
// rendered as the exporter renders them in a single-file page:
//  - `<span class="tex">` (inline) and `<span class="tex tex-display">` hold a formula's TeX:
//    replaced by KaTeX's HTML with its MathML (page/tex.ts, the exporter's call);
//  - `<code data-highlight>` holds a code cell's text: highlighted by highlight.js, one span
//    per line (page/code-lines.ts, the exporter's call).
// Without script the reader sees the TeX and the plain code; with it, the page stylesheet hides
// the TeX until it is rendered (assets.ts, SITE_PAGE_CSS).
import { highlightTs } from "./code-lines";
import { texHtml } from "./tex";

/**
 * Renders the maths and highlights the code under `root` that the exporter left as source.
 * @returns how many formulas and code blocks it rendered
 */
export function expandPage(root: ParentNode = document): { formulas: number; code: number } {
  let formulas = 0;
  let code = 0;
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("span.tex"))) {
    try {
      el.outerHTML = texHtml(el.textContent ?? "", el.classList.contains("tex-display"));
      formulas++;
    } catch (e) {
      el.classList.add("tex-failed"); // shown as TeX (the page stylesheet hides TeX until rendered)
      console.error(`maths: ${(e as Error).message}`);
    }
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("code[data-highlight]"))) {
    el.innerHTML = highlightTs(el.textContent ?? "");
    el.removeAttribute("data-highlight");
    code++;
  }
  return { formulas, code };
}
