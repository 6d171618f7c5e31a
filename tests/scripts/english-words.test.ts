// The English-word count on executed Chinese notebooks: what it reads in each kind of cell and
// output, and what it leaves out.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  findEnglish,
  htmlText,
  markdownParts,
  scanFolder,
  summary,
} from "../../scripts/english-words";
import type { Notebook } from "../../scripts/nbformat";

const md = (source: string) => ({ cell_type: "markdown" as const, id: "m", metadata: {}, source });
const code = (outputs: unknown[]) => ({
  cell_type: "code" as const,
  id: "c",
  metadata: {},
  source: "const secretEnglishName = 1;",
  outputs,
  execution_count: 1,
});
const nb = (cells: unknown[]): Notebook =>
  ({ cells, metadata: {}, nbformat: 4, nbformat_minor: 5 }) as Notebook;
const words = (n: Notebook) =>
  findEnglish(n, "x").map((f) => `${f.where}:${f.word}${f.counted ? "" : "*"}`);

test("prose: English words count; code, link targets, URLs and tags do not; link text does", () => {
  const n = nb([
    md(
      "这是 `someCode()` 与 [笔记本 01](01-iid.ipynb) 的 the end。见 https://example.com/page 和 <b>粗体</b>。\n```ts\nconst x = likelihood;\n```\n[a link](x.ipynb)",
    ),
  ]);
  assert.equal(words(n), ["prose:the", "prose:end", "prose:link"]);
});

test("maths: words in \\text count, notation and commands do not", () => {
  const n = nb([
    md(
      "偏差 $\\text{bias}(\\hat\\theta)$ 与 $p_\\text{model}$，以及 $$\\begin{aligned} H &= 1.75\\ \\text{bits} \\end{aligned}$$",
    ),
  ]);
  assert.equal(words(n), ["maths:bits", "maths:bias"]);
});

test("outputs: stream text and the plot's texts count; the code cell's source does not", () => {
  const plot = {
    output_type: "display_data",
    data: {
      "application/vnd.plotly.v1+json": {
        data: [{ type: "bar", name: "density", x: ["sun", "雨"], y: [1, 2] }],
        layout: {
          title: { text: "θ = 0.61" },
          xaxis: { title: { text: "weather" }, type: "category" },
        },
      },
      "text/html": "<div>Plot: …</div><script>var englishInScript = 1</script>",
      "text/plain": "Plot: 1 trace (bar)",
    },
  };
  const n = nb([
    code([
      {
        output_type: "stream",
        name: "stdout",
        text: ["✓ 00.2 正确。\n", "{ thetaML: 0.61, ok: true }\n"],
      },
      plot,
    ]),
  ]);
  assert.equal(words(n), [
    "stream:thetaML",
    "stream:ok",
    "plot:density",
    "plot:sun",
    "plot:weather",
    "text/plain:Plot*",
    "text/plain:trace*",
    "text/plain:bar*",
  ]);
});

test("code comments: their English words count, as their own kind; the code, strings holding //, and code in backticks do not", () => {
  const cell = (source: string) => ({
    cell_type: "code" as const,
    id: "c",
    metadata: {},
    source,
    outputs: [],
    execution_count: null,
  });
  const n = nb([
    cell(
      'const url = "https://example.org/step"; // step 0.005\n// 步长与 `linspace` 的 slope\nconst s = `// not ${url} a comment`; // θ_ML',
    ),
  ]);
  assert.equal(words(n), ["comment:step", "comment:slope"]);
  assert.equal(
    findEnglish(n, "x").map((f) => f.counted),
    [true, true],
  );
  const terms = findEnglish(nb([cell("x; // 种子笔记")]), "x")
    .filter((f) => f.where === "term")
    .map((f) => f.word);
  assert.equal(terms, ["种子笔记"], "a comment is read for the terms too");
});

test("a table is read from its HTML; its Markdown and plain text are checked for anything else, not counted twice", () => {
  const table = {
    output_type: "display_data",
    data: {
      "text/html":
        "<table><thead><tr><th>weather</th><th>天数</th></tr></thead><tbody><tr><td>sun</td><td>640</td></tr></tbody></table>",
      "text/markdown": "| weather | 天数 |\n| --- | --: |\n| sun | 640 |",
      "text/plain": "weather  天数\nsun       640\n(1 row)",
    },
  };
  assert.equal(words(nb([code([table])])), [
    "text/html:weather",
    "text/html:sun",
    "text/plain:row*",
  ]);
});

test("terms: an avoided rendering and a rendering given more than once are findings", () => {
  const n = nb([md("种子笔记里说：对数几率。"), md("再说一次对数几率。")]);
  const terms = findEnglish(n, "x")
    .filter((f) => f.where === "term")
    .map((f) => f.word);
  assert.equal(terms, ["种子笔记", "对数几率"]);
});

test("htmlText and markdownParts read what a reader sees", () => {
  assert.is(htmlText("<p>a &amp; b</p><script>x</script>").trim(), "a & b");
  assert.equal(markdownParts("文字 $x$ 和 $$y$$\n\n第二行").maths, ["y", "x"]);
});

test("scanFolder counts per notebook, knows an unexecuted notebook, and refuses a missing or empty folder", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "english-words-"));
  try {
    assert.throws(() => scanFolder(dir), /holds no \.ipynb file/);
    assert.throws(() => scanFolder(path.join(dir, "nope")), /does not exist/);
    fs.writeFileSync(
      path.join(dir, "01-a.ipynb"),
      JSON.stringify(
        nb([md("the 概率"), code([{ output_type: "stream", name: "stdout", text: "nats\n" }])]),
      ),
    );
    fs.writeFileSync(path.join(dir, "02-b.ipynb"), JSON.stringify(nb([md("概率")])));
    const scans = scanFolder(dir);
    assert.equal(
      scans.map((s) => [s.name, s.count, s.executedCells]),
      [
        ["01-a", 2, 1],
        ["02-b", 0, 0],
      ],
    );
    // prose, maths, code comments, stream, plot, tables, text/markdown, text/plain, a reader sees, also
    assert.match(summary(scans), /total\s+1\s+0\s+0\s+1\s+0\s+0\s+0\s+0\s+2\s+0/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
