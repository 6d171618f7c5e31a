// scripts/export/html.js: executed notebook -> one offline HTML page.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as FORMAT from "../../notebooks/kit/src/format";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { notebookToHtml } = require("../../scripts/export/html") as {
  notebookToHtml: (nb: unknown, o?: { name?: string; title?: string; plotlyJs?: string }) => string;
};

const embed = `<script type="text/javascript" ${FORMAT.PLOTLY_SCRIPT_ATTRIBUTE}="plotly.js 3.0.0">window.Plotly={}</script>\n`;
const plot = (id: string, withPlotly: boolean) => ({
  output_type: "display_data",
  data: {
    "application/vnd.plotly.v1+json": { data: [] },
    "text/html": `${withPlotly ? embed : ""}<div id="${id}" class="${FORMAT.PLOT_CLASS}"></div>\n<script>var el = document.getElementById(${JSON.stringify(id)});</script>`,
    "text/plain": "Plot",
  },
});
const nb = {
  cells: [
    { cell_type: "markdown", source: "# Note $x$\n\nSee [next](01-next.ipynb)." },
    { cell_type: "code", execution_count: 1, source: "const a: number = 1;", outputs: [plot(`${FORMAT.PLOT_ID_PREFIX}aa`, true), plot(`${FORMAT.PLOT_ID_PREFIX}aa`, false)] },
    { cell_type: "code", execution_count: 2, metadata: { jupyter: { source_hidden: true } }, source: "show(b)", outputs: [plot(`${FORMAT.PLOT_ID_PREFIX}bb`, true)] },
  ],
};

test("plotly.js is embedded exactly once, in <head>, whatever the outputs embedded", () => {
  const html = notebookToHtml(nb, { name: "00-note", plotlyJs: "/*PLOTLY*/" });
  assert.is(html.split(`${FORMAT.PLOTLY_SCRIPT_ATTRIBUTE}="plotly.js`).length - 1, 1);
  assert.ok(html.indexOf("/*PLOTLY*/") < html.indexOf("</head>"));
  assert.not.ok(html.includes("window.Plotly={}"), "the outputs' own copies are gone");
});

test("the same figure shown twice gets two ids, each drawn by its own script", () => {
  const html = notebookToHtml(nb, { plotlyJs: "" });
  assert.ok(html.includes(`id="${FORMAT.PLOT_ID_PREFIX}aa"`));
  assert.ok(html.includes(`id="${FORMAT.PLOT_ID_PREFIX}aa-c1-o1"`));
  assert.ok(html.includes(`getElementById("${FORMAT.PLOT_ID_PREFIX}aa-c1-o1")`));
  assert.ok(html.includes('data-output="c1-o0"') && html.includes('data-output="c2-o0"'));
});

test("maths pre-rendered, code highlighted, a hidden solution folded, sibling links and formats linked", () => {
  const html = notebookToHtml(nb, { name: "00-note", plotlyJs: "" });
  assert.ok(html.includes('class="katex"'));
  assert.ok(html.includes('<span class="hljs-keyword">const</span>'));
  assert.ok(/<details class="cell code solution"[^>]*><summary>/.test(html));
  assert.ok(html.includes('href="01-next.html"'));
  for (const f of ["index.html", "00-note.pdf", "00-note.md", "00-note.ipynb"]) assert.ok(html.includes(`href="${f}"`), f);
  assert.ok(html.includes("<title>Note x</title>"));
  assert.not.ok(/\b(src|href)="https?:/.test(html), "no remote resource");
});

test.run();
