// In a site's runtime.js, in place of page/tex.ts and page/code-lines.ts: the KaTeX and
// highlight.js calls of the site's page script (assets/page.js, page/site.ts), which every site
// page has run before the runtime loads, so the site does not ship them twice.
// (A single-file page's runtime carries its own.)
type Render = {
  texHtml(tex: string, display: boolean): string;
  texErrorHtml(tex: string, display: boolean): string;
  highlightTs(src: string): string;
  codeLines(highlighted: string): string;
};

function render(): Render {
  const r = (globalThis as Record<symbol, unknown>)[Symbol.for("mlekit.pageRender")];
  if (!r) throw new Error("the site's page script (assets/page.js) has not run on this page");
  return r as Render;
}

export const texHtml: Render["texHtml"] = (tex, display) => render().texHtml(tex, display);
export const texErrorHtml: Render["texErrorHtml"] = (tex, display) =>
  render().texErrorHtml(tex, display);
export const highlightTs: Render["highlightTs"] = (src) => render().highlightTs(src);
export const codeLines: Render["codeLines"] = (h) => render().codeLines(h);
