// scripts/export/notebook.js: the helpers every export format shares.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as FORMAT from "../../notebooks/kit/src/format";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const nbh = require("../../scripts/export/notebook") as {
  noteTitle: (nb: unknown) => { title: string; subtitle: string };
  plotOutputs: (nb: unknown) => { key: string; n: number; title: string }[];
  isPlotOutput: (o: unknown) => boolean;
  retargetNotebookLinks: (s: string, ext: string, o?: { html?: boolean }) => string;
};

test("noteTitle reads the H1 and the first paragraph after it, in the same or the next cell", () => {
  const same = { cells: [{ cell_type: "markdown", source: "# 02 · Maximum *likelihood*\n\nChoose $\\theta$ to make the\ndata probable.\n\nMore." }] };
  assert.equal(nbh.noteTitle(same), { title: "02 · Maximum likelihood", subtitle: "Choose $\\theta$ to make the data probable." });
  const next = { cells: [{ cell_type: "code", source: "" }, { cell_type: "markdown", source: "# T" }, { cell_type: "markdown", source: "Sub with `code`." }] };
  assert.equal(nbh.noteTitle(next), { title: "T", subtitle: "Sub with code." });
  assert.equal(nbh.noteTitle({ cells: [] }), { title: "", subtitle: "" });
});

test("plotOutputs keys each plot by cell and output index and reads its title", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", source: "x" },
      {
        cell_type: "code",
        outputs: [
          { output_type: "stream", text: "" },
          { output_type: "display_data", data: { "application/vnd.plotly.v1+json": { layout: { title: "plain string" } } } },
          { output_type: "display_data", data: { "text/html": `<div class="${FORMAT.PLOT_CLASS}"></div>`, "text/plain": 'Plot: 1 trace (bar) "From the summary"' } },
          { output_type: "display_data", data: { "text/html": "<table></table>" } },
        ],
      },
    ],
  };
  assert.equal(
    nbh.plotOutputs(nb).map(({ key, n, title }) => ({ key, n, title })),
    [{ key: "c1-o1", n: 1, title: "plain string" }, { key: "c1-o2", n: 2, title: "From the summary" }],
  );
  assert.not.ok(nbh.isPlotOutput({ output_type: "stream", data: {} }));
});

test("links to sibling notebooks are retargeted; links with folders or schemes are not", () => {
  assert.is(nbh.retargetNotebookLinks("[a](01-a.ipynb) [b](./02-b.ipynb#x) [c](../c.ipynb) [d](https://x/y.ipynb)", ".md"), "[a](01-a.md) [b](02-b.md#x) [c](../c.ipynb) [d](https://x/y.ipynb)");
  assert.is(nbh.retargetNotebookLinks('<a href="01-a.ipynb#s">', ".html", { html: true }), '<a href="01-a.html#s">');
});

test.run();
