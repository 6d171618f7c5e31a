// scripts/export/markdown.ts: executed notebook -> Markdown, each output in the first
// representation Markdown can hold, images as files.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  fence,
  markdownHeadings,
  normalizeMath,
  notebookToMarkdown,
  MARKDOWN_ORDER,
} from "../../scripts/export/markdown";
import { PLOT_SVG, TINY_PNG, fixtureNotebook } from "./fixture-notebook";
import { tableBundle } from "../../notebooks/kit/src/display/show-table";

const nb = fixtureNotebook();

test("prose is kept with its maths, \\[…\\] becomes a $$ block, and links to sibling notebooks point at .md", () => {
  const { markdown } = notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.ok(
    markdown.startsWith("# Title $x_1$\n\nSee [next](02-next.md#part) and\n\n$$\na_b\n$$\n\n."),
    markdown.slice(0, 120),
  );
});

test("code goes in ```ts fences; streams, results and errors in text fences longer than any backtick run inside", () => {
  const { markdown } = notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.ok(markdown.includes("```ts\nconsole.log(1)\n```"));
  assert.ok(
    markdown.includes("````text\n1\n```\n````"),
    "a fence that contains ``` gets four backticks",
  );
  assert.ok(markdown.includes("```text\n42\n```"));
  assert.ok(
    markdown.includes("```text\nError: boom\n    at x\n```"),
    "ANSI colours stripped, traceback kept",
  );
  assert.is(fence("a"), "```\na\n```");
});

test("a table that carries text/markdown is written as that Markdown, not as its HTML", () => {
  const { markdown } = notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.ok(markdown.includes("| a |\n| --: |\n| 1 |"), markdown);
  assert.not.ok(markdown.includes("<table>"));
});

test("a plot is written as its image/svg+xml file, named by its number, with its caption and description as alt text", () => {
  const { markdown, attachments } = notebookToMarkdown(nb, { filesDir: "my note_files" });
  assert.ok(
    markdown.includes(
      "![Squares demo: Line chart. x axis: x, from 0 to 1. y axis: y, from 1 to 2. 1 unnamed line.](my%20note_files/plot-01.svg)",
    ),
    markdown,
  );
  const svg = attachments.find((a) => a.file === "plot-01.svg");
  const braces = fixtureNotebook();
  const fig = (braces.cells[1] as { outputs: { data?: Record<string, unknown> }[] }).outputs[1]
    .data!["application/vnd.plotly.v1+json"] as { data: { name?: string }[] };
  fig.data[0].name = "E_{x~p} log $p$";
  assert.ok(
    notebookToMarkdown(braces, { filesDir: "x" }).markdown.includes(
      "1 series: E_x~p log p (line).](x/plot-01.svg)",
    ),
    "no TeX braces or $ in alt text",
  );
  assert.is(svg?.data.toString("utf8"), PLOT_SVG);
  assert.not.ok(markdown.includes("<script"), "the kit's HTML with its script is never used");
});

test("a plot without a static image says so instead of dropping a script into the Markdown", () => {
  const bare = fixtureNotebook();
  const out = (bare.cells[1] as { outputs: { data?: Record<string, unknown> }[] }).outputs[1];
  delete out.data!["image/svg+xml"];
  delete out.data!["image/png"];
  const { markdown } = notebookToMarkdown(bare, { filesDir: "x" });
  assert.ok(
    markdown.includes(
      "> *Squares demo: interactive plot, see the HTML export (no static image was rendered).*",
    ),
    markdown,
  );
  assert.not.ok(markdown.includes("<script"));
});

test("images carried by other outputs are returned as attachments, decoded, and linked", () => {
  const { markdown, attachments } = notebookToMarkdown(nb, { filesDir: "x_files" });
  const png = attachments.find((a) => a.file.endsWith(".png"))!;
  assert.is(png.file, "output-c1-o4.png");
  assert.equal(png.data, Buffer.from(TINY_PNG, "base64"));
  assert.ok(markdown.includes("![Output](x_files/output-c1-o4.png)"));
});

test("a hidden solution cell goes in a <details> block with blank lines around its Markdown", () => {
  const { markdown } = notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.ok(
    markdown.includes(
      "<details>\n<summary>Show the worked solution</summary>\n\n```ts\nanswer()\n```\n\n**yes** $y$\n\n</details>",
    ),
    markdown,
  );
});

test("Markdown prefers Markdown, then images (vector first), then LaTeX, HTML and plain text", () => {
  assert.equal(MARKDOWN_ORDER, [
    "text/markdown",
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "image/gif",
    "text/latex",
    "text/html",
    "text/plain",
  ]);
});

test("normalizeMath leaves code alone and rewrites \\( \\) as $ $", () => {
  assert.is(normalizeMath("`\\(x\\)` and \\(x\\)"), "`\\(x\\)` and $x$");
  assert.is(normalizeMath("```\n\\[a\\]\n```"), "```\n\\[a\\]\n```");
});

test("a kit table whose cells hold square brackets stays a table: \\[ in a row is an escaped bracket, not display maths", () => {
  const bundle = tableBundle([{ "interval [a, b]": "[0.2, 0.9]", "θ̂": 0.61 }]);
  const md = String(bundle["text/markdown"]);
  assert.ok(md.includes("\\[0.2, 0.9\\]"), `the kit escapes the brackets: ${md}`);
  const out = normalizeMath(md);
  assert.is(out, md, "every row kept as it was");
  assert.not.ok(out.includes("$$"), "no display maths");
  // Display maths around a table still converts, on both sides of it.
  assert.is(
    normalizeMath(`\\[a\\]\n${md.trim()}\n\\[b\\]`),
    `\n\n$$\na\n$$\n\n${md.trim()}\n\n$$\nb\n$$\n\n`,
  );
  // A notebook's table output goes through the same path in the Markdown export.
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "code",
        source: "showTable(rows)",
        metadata: {},
        execution_count: 1,
        outputs: [{ output_type: "display_data", data: bundle, metadata: {} }],
      },
    ],
  };
  const { markdown } = notebookToMarkdown(nb as never, { filesDir: "x_files" });
  assert.ok(markdown.includes("| \\[0.2, 0.9\\] |"), markdown);
  assert.not.ok(markdown.includes("$$"), markdown);
});

test("markdownHeadings finds ATX headings outside code fences", () => {
  assert.equal(markdownHeadings("# A\n```\n# not\n```\n## B ##\ntext #x"), [
    { level: 1, text: "A" },
    { level: 2, text: "B" },
  ]);
});

test.run();
