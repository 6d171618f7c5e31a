// scripts/export/notebook.ts: the helpers every export format shares.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { ampersandsAreReferences, decodeReferences, trickyText } from "./html-text";
import {
  escapeHtml,
  noteTitle,
  plainInline,
  plotOutputs,
  retargetNotebookLinks,
} from "../../scripts/export/notebook";
import type { Notebook } from "../../scripts/nbformat";

const nbOf = (cells: unknown[]): Notebook =>
  ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }) as Notebook;

test("noteTitle reads the H1 and the first paragraph after it, in the same or the next cell", () => {
  const same = nbOf([
    {
      cell_type: "markdown",
      source:
        "# 02 · Maximum *likelihood*\n\nChoose $\\theta$ to make the\ndata probable.\n\nMore.",
    },
  ]);
  assert.equal(noteTitle(same), {
    title: "02 · Maximum likelihood",
    subtitle: "Choose $\\theta$ to make the data probable.",
  });
  const next = nbOf([
    { cell_type: "code", source: "", outputs: [] },
    { cell_type: "markdown", source: "# T" },
    { cell_type: "markdown", source: "Sub with `code`." },
  ]);
  assert.equal(noteTitle(next), { title: "T", subtitle: "Sub with code." });
  assert.equal(noteTitle(nbOf([])), { title: "", subtitle: "" });
});

test("plainInline drops Markdown escapes, so an escaped p̂\\_data heading reads p̂_data", () => {
  assert.is(plainInline("Sampling from p̂\\_data"), "Sampling from p̂_data");
});

test("plotOutputs finds plots by the plotly MIME type alone, keyed by cell and output index", () => {
  const nb = nbOf([
    { cell_type: "markdown", source: "x" },
    {
      cell_type: "code",
      source: "",
      outputs: [
        { output_type: "stream", name: "stdout", text: "" },
        {
          output_type: "display_data",
          data: {
            "application/vnd.plotly.v1+json": { data: [], layout: { title: "plain string" } },
          },
        },
        {
          output_type: "display_data",
          data: {
            "text/html": '<div class="mlekit-plot"></div>',
            "text/plain": 'Plot: 1 trace (bar) "From the summary"',
          },
        },
        {
          output_type: "execute_result",
          data: {
            "application/vnd.plotly.v1+json": {
              data: [{ y: [1] }],
              layout: { title: { text: "<b>bold</b> title" } },
            },
          },
        },
      ],
    },
  ]);
  assert.equal(
    plotOutputs(nb).map(({ key, n, title }) => ({ key, n, title })),
    [
      { key: "c1-o1", n: 1, title: "plain string" },
      { key: "c1-o3", n: 2, title: "bold title" },
    ],
  );
});

test("links to sibling notebooks are retargeted; links with folders or schemes are not", () => {
  assert.is(
    retargetNotebookLinks(
      "[a](01-a.ipynb) [b](./02-b.ipynb#x) [c](../c.ipynb) [d](https://x/y.ipynb)",
      ".md",
    ),
    "[a](01-a.md) [b](02-b.md#x) [c](../c.ipynb) [d](https://x/y.ipynb)",
  );
  assert.is(
    retargetNotebookLinks('<a href="01-a.ipynb#s">', ".html", { html: true }),
    '<a href="01-a.html#s">',
  );
});

test("escapeHtml escapes the four characters that matter in content and quoted attributes", () => {
  assert.is(escapeHtml(`<a href="x">&</a>`), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
});

test('for any text, escapeHtml leaves no <, > or " and no bare &, and an HTML parser reads the input back', () => {
  fc.assert(
    fc.property(trickyText, (s) => {
      const html = escapeHtml(s);
      assert.not.match(html, /[<>"]/);
      assert.ok(ampersandsAreReferences(html), html);
      assert.is(decodeReferences(html), s);
    }),
    { seed: 22, numRuns: 300 },
  );
});

test("escapeHtml writes a value that is not a string as its String() form, escaped", () => {
  assert.is(escapeHtml(42), "42");
  assert.is(escapeHtml(null), "null");
  assert.is(escapeHtml({ toString: () => "<b>" }), "&lt;b&gt;");
});

test.run();
