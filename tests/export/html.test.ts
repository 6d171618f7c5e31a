// scripts/export/html.ts: executed notebook -> one HTML page, outputs chosen by MIME type.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { notebookToHtml } from "../../scripts/export/html";
import { fixtureNotebook } from "./fixture-notebook";

const nb = fixtureNotebook();
const count = (s: string, part: string) => s.split(part).length - 1;

test("the interactive page draws each plot from its plotly JSON with one plotly.js and never uses the kit's HTML", () => {
  const html = notebookToHtml(nb, { name: "n" });
  assert.is(count(html, "<script data-plotly-version="), 1, "plotly.js inline once");
  assert.ok(html.includes('<div class="figure" id="figure-c1-o1"'));
  assert.ok(html.includes('<script type="application/json" class="figure-data" data-for="figure-c1-o1">{"data":[{"y":[1,2]}]'));
  assert.not.ok(html.includes("kit-private"), "the kit's plot HTML is not read");
});

test("two plots of one figure get two ids, so both draw", () => {
  const twice = fixtureNotebook();
  const outs = (twice.cells[1] as { outputs: unknown[] }).outputs;
  outs.push(JSON.parse(JSON.stringify(outs[1])));
  const html = notebookToHtml(twice);
  assert.ok(html.includes('id="figure-c1-o1"') && html.includes('id="figure-c1-o6"'));
});

test("the print flavour shows each plot as its SVG image and carries no plotly.js", () => {
  const html = notebookToHtml(nb, { flavour: "print" });
  assert.is(count(html, "data-plotly-version"), 0);
  assert.ok(html.includes('<img alt="Squares demo" src="data:image/svg+xml;base64,'));
  assert.not.ok(html.includes('class="figure-data"'));
});

test("a page without plots carries no plotly.js", () => {
  const noPlot = fixtureNotebook();
  (noPlot.cells[1] as { outputs: unknown[] }).outputs.splice(1, 1);
  assert.is(count(notebookToHtml(noPlot), "data-plotly-version"), 0);
});

test("other outputs follow the front end's order: HTML before Markdown, images as data URLs, plain text escaped", () => {
  const html = notebookToHtml(nb);
  assert.ok(html.includes("<table><thead><tr><th>a</th></tr></thead>"), "the table's text/html, as JupyterLab shows it");
  assert.ok(html.includes('<img alt="output" src="data:image/png;base64,'));
  assert.ok(html.includes("<pre>42</pre>"));
  assert.ok(html.includes("<strong>yes</strong>"), "text/markdown rendered");
  assert.ok(html.includes('class="output error"') && html.includes("Error: boom"));
  assert.not.ok(html.includes("\u001b["), "ANSI codes stripped");
});

test("a hidden solution is a closed <details>; shared assets are linked instead of inlined", () => {
  const html = notebookToHtml(nb, { assets: { kind: "shared", href: "../assets" } });
  assert.ok(/<details class="cell code solution" data-cell="2">/.test(html));
  assert.ok(html.includes('<link rel="stylesheet" href="../assets/katex/katex.min.css">'));
  assert.ok(html.includes('<script src="../assets/plotly.min.js" data-plotly-version='));
  assert.ok(html.length < 200_000, `a page with shared assets is small (${html.length} B)`);
});

test.run();
