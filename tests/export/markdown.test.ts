// scripts/export/markdown.js: executed notebook -> Markdown with images.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as FORMAT from "../../notebooks/kit/src/format";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const md = require("../../scripts/export/markdown") as {
  notebookToMarkdown: (nb: unknown, opts: { filesDir: string; plots?: unknown[] }) => { markdown: string; attachments: { file: string; data: Buffer }[] };
  normalizeMath: (s: string) => string;
  fence: (body: string, lang?: string) => string;
  markdownHeadings: (s: string) => { level: number; text: string }[];
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { plotOutputs } = require("../../scripts/export/notebook") as { plotOutputs: (nb: unknown) => { key: string; n: number; title: string }[] };

const PLOT = {
  output_type: "display_data",
  metadata: {},
  data: {
    "application/vnd.plotly.v1+json": { data: [{ y: [1, 2] }], layout: { title: { text: "Squares [demo]" } } },
    "text/html": `<div id="${FORMAT.PLOT_ID_PREFIX}1" class="${FORMAT.PLOT_CLASS}"></div><script>draw()</script>`,
    "text/plain": 'Plot: 1 trace (scatter) "Squares [demo]"',
  },
};
const nb = {
  cells: [
    { cell_type: "markdown", source: ["# Title $x_1$\n", "\n", "See [next](02-next.ipynb#part) and \\[ a_b \\]."] },
    {
      cell_type: "code",
      source: "console.log(1)",
      outputs: [
        { output_type: "stream", name: "stdout", text: ["1\n", "```\n"] },
        PLOT,
        { output_type: "execute_result", data: { "text/plain": "42" } },
        { output_type: "display_data", data: { "text/html": "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>", "text/plain": "a\n1" } },
        { output_type: "display_data", data: { "image/png": "iVBORw0KGgo=", "text/plain": "<img>" } },
        { output_type: "error", ename: "Error", evalue: "boom", traceback: ["Error: boom", "\u001b[31m    at x\u001b[0m"] },
      ],
    },
    { cell_type: "code", metadata: { jupyter: { source_hidden: true } }, source: "answer()", outputs: [{ output_type: "display_data", data: { "text/markdown": "**yes** \\(y\\)" } }] },
  ],
};

test("prose is kept with its maths, \\[…\\] becomes a $$ block, and links to sibling notebooks point at .md", () => {
  const { markdown } = md.notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.ok(markdown.startsWith("# Title $x_1$\n\nSee [next](02-next.md#part) and\n\n$$\na_b\n$$\n\n."), markdown.slice(0, 120));
});

test("code goes in ```ts fences; text outputs, results and errors in text fences longer than any backtick run inside", () => {
  const { markdown } = md.notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.ok(markdown.includes("```ts\nconsole.log(1)\n```"));
  assert.ok(markdown.includes("````text\n1\n```\n````"), "a fence that contains ``` gets four backticks");
  assert.ok(markdown.includes("```text\n42\n```"));
  assert.ok(markdown.includes("```text\nError: boom\n    at x\n```"), "ANSI colours stripped, traceback kept");
  assert.ok(markdown.includes("| a |\n| --- |\n| 1 |"), "an HTML table becomes a Markdown table");
});

test("a rendered plot becomes an image link under filesDir; a plot without an image says so", () => {
  const plots = plotOutputs(nb).map((p) => ({ ...p, image: `plot-0${p.n}.svg` }));
  assert.is(plots[0].title, "Squares [demo]");
  const { markdown } = md.notebookToMarkdown(nb, { filesDir: "my note_files", plots });
  assert.ok(markdown.includes("![Squares demo](my%20note_files/plot-01.svg)"), markdown);
  const bare = md.notebookToMarkdown(nb, { filesDir: "x_files", plots: plotOutputs(nb) }).markdown;
  assert.ok(bare.includes("interactive plot, see the HTML export"));
  assert.not.ok(bare.includes("<script"));
});

test("images carried by outputs are returned as attachments and linked", () => {
  const { markdown, attachments } = md.notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.is(attachments.length, 1);
  assert.is(attachments[0].file, "output-1.png");
  assert.equal([...attachments[0].data.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  assert.ok(markdown.includes("![Output 1](x_files/output-1.png)"));
});

test("a hidden solution cell goes in a <details> block with blank lines around its Markdown", () => {
  const { markdown } = md.notebookToMarkdown(nb, { filesDir: "x_files" });
  assert.ok(markdown.includes("<details>\n<summary>Show the worked solution</summary>\n\n```ts\nanswer()\n```\n\n**yes** $y$\n\n</details>"), markdown);
});

test("normalizeMath leaves code alone and rewrites \\( \\) as $ $", () => {
  assert.is(md.normalizeMath("`\\(x\\)` and \\(x\\)"), "`\\(x\\)` and $x$");
  assert.is(md.normalizeMath("```\n\\[a\\]\n```"), "```\n\\[a\\]\n```");
});

test("markdownHeadings finds ATX headings outside code fences", () => {
  assert.equal(md.markdownHeadings("# A\n```\n# not\n```\n## B ##\ntext #x"), [{ level: 1, text: "A" }, { level: 2, text: "B" }]);
});

test.run();
