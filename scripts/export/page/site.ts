// The script of a site page (a page written with shared assets, as `assets/page.js`): it
// renders the maths and code the page carries as source (expand.ts), then does what every
// page's script does (figures.ts). It also lends its KaTeX and highlight.js calls to the site's
// live runtime (live/page/shims/page-render.ts), which then need not carry them.
import { codeLines, highlightTs } from "./code-lines";
import { expandPage } from "./expand";
import { texErrorHtml, texHtml } from "./tex";

(globalThis as Record<symbol, unknown>)[Symbol.for("mlekit.pageRender")] = {
  texHtml,
  texErrorHtml,
  highlightTs,
  codeLines,
};
expandPage();
// figures.ts runs on import; required after the expansion so that it measures the page as drawn.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require("./figures");
