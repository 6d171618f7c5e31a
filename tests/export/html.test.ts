// scripts/export/html.ts: executed notebook -> one HTML page, outputs chosen by MIME type.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { codeLines, notebookToHtml, pagePlotlyBundle } from "../../scripts/export/html";
import { englishOn, markEnglish, visibleText } from "../../scripts/export/page-strings";
import { fixtureNotebook } from "./fixture-notebook";
import { notebookToMarkdown } from "../../scripts/export/markdown";
import type { Notebook } from "../../scripts/nbformat";

const nb = fixtureNotebook();
const count = (s: string, part: string | RegExp) =>
  typeof part === "string"
    ? s.split(part).length - 1
    : (s.match(new RegExp(part.source, "g")) ?? []).length;
/** The elements that hold plotly.js (inline or linked): what the page script loads. */
const HOLDER =
  /<script type="text\/plain" data-plotly-version="[\d.]+" data-plotly-bundle="(\w+)"( data-src="[^"]*")?>/;

test("the interactive page draws each plot from its plotly JSON with one plotly.js holder and never uses the kit's HTML", () => {
  const html = notebookToHtml(nb, { name: "n" });
  assert.is(count(html, HOLDER), 1, "plotly.js inline once");
  assert.is(HOLDER.exec(html)![1], "cartesian", "the smallest bundle that draws a scatter");
  assert.ok(
    html.indexOf("data-plotly-version") > html.indexOf("</main>"),
    "plotly.js comes after the content, not in <head>",
  );
  assert.not.ok(
    /<head>[\s\S]*<script[\s\S]*<\/head>/.test(html),
    "no script in <head>: nothing blocks the first paint",
  );
  assert.ok(
    html.includes('<div class="figure" id="figure-c1-o1" style="height:450px" aria-hidden="true">'),
  );
  assert.ok(
    html.includes(
      '<script type="application/json" class="figure-data" data-for="figure-c1-o1">{"data":[{"y":[1,2]}]',
    ),
  );
  assert.not.ok(html.includes("kit-private"), "the kit's plot HTML is not read");
});

test("a figure is a <figure> named by its caption and described by its axes and series, with its data on demand", () => {
  const html = notebookToHtml(nb, { name: "n" });
  assert.ok(
    html.includes(
      '<figure class="plot" aria-labelledby="figure-c1-o1-cap" aria-describedby="figure-c1-o1-desc">',
    ),
  );
  assert.ok(
    html.includes(
      '<figcaption id="figure-c1-o1-cap" class="plot-caption">Squares [demo]</figcaption>',
    ),
    "the title is the caption",
  );
  assert.ok(
    html.includes(
      '<p id="figure-c1-o1-desc" class="plot-desc">Line chart. x axis: x, from 0 to 1. y axis: y, from 1 to 2. 1 unnamed line.</p>',
    ),
  );
  assert.ok(
    html.includes(
      '<details class="plot-data" hidden><summary>Show the data</summary><div class="plot-data-body"></div></details>',
    ),
    "hidden until the script can fill it",
  );
  assert.not.ok(
    html.includes('role="img"'),
    "no image role around a drawing (plotly's controls would be nested in it)",
  );
});

test("the print flavour shows each plot as its SVG image in a figure with its caption and description, and carries no script", () => {
  const html = notebookToHtml(nb, { flavour: "print" });
  assert.is(count(html, "<script"), 0);
  assert.ok(
    html.includes(
      '<figcaption id="figure-c1-o1-cap" class="plot-caption">Squares [demo]</figcaption><img alt="" src="data:image/svg+xml;base64,',
    ),
  );
  assert.ok(html.includes('class="plot-desc">Line chart.'));
  assert.not.ok(html.includes('class="figure-data"'));
});

test("a page without plots carries no plotly.js (its page script still handles printing)", () => {
  const noPlot = fixtureNotebook();
  (noPlot.cells[1] as { outputs: unknown[] }).outputs.splice(1, 1);
  const html = notebookToHtml(noPlot);
  assert.is(count(html, HOLDER), 0);
  assert.is(pagePlotlyBundle(noPlot), undefined);
  assert.is(count(html, "<script>"), 1, "the page script");
});

test("a trace type outside plotly's cartesian bundle gets the full bundle", () => {
  const three = fixtureNotebook();
  const fig = (three.cells[1] as { outputs: { data?: Record<string, unknown> }[] }).outputs[1]
    .data!["application/vnd.plotly.v1+json"] as { data: { type?: string }[] };
  fig.data.push({ type: "scatter3d" });
  assert.is(pagePlotlyBundle(three)!.name, "full");
  assert.is(HOLDER.exec(notebookToHtml(three))![1], "full");
});

test("other outputs follow the front end's order: HTML before Markdown, images as data URLs, plain text escaped", () => {
  const html = notebookToHtml(nb);
  assert.ok(
    html.includes("<table><thead><tr><th>a</th></tr></thead>"),
    "the table's text/html, as JupyterLab shows it",
  );
  assert.ok(
    html.includes(
      '<div class="table-region" role="region" tabindex="0" aria-label="Table, output of code cell 1"><table>',
    ),
    "a table scrolls in a named, focusable region",
  );
  assert.ok(html.includes('<img alt="output" src="data:image/png;base64,'));
  assert.ok(html.includes("<pre>42</pre>"));
  assert.ok(html.includes("<strong>yes</strong>"), "text/markdown rendered");
  assert.ok(html.includes('class="output error"') && html.includes("Error: boom"));
  assert.not.ok(html.includes("\u001b["), "ANSI codes stripped");
});

test("a code cell is a named, focusable region whose text is the source, line by line", () => {
  const html = notebookToHtml(nb);
  assert.ok(
    html.includes(
      '<pre class="code" role="region" tabindex="0" aria-label="Code cell 1" translate="no"><code class="hljs language-typescript"><span class="line">',
    ),
  );
  assert.ok(html.includes('<span class="prompt" aria-hidden="true">[1]</span>'));
});

test("codeLines keeps the code's text exactly, closes and reopens a token across lines, and records each line's indent", () => {
  const src =
    '<span class="hljs-comment">/* a\n   b */</span>\nif (x) {\n\n    <span class="hljs-keyword">return</span> 1;\n}';
  const out = codeLines(src);
  const textOf = (h: string) => h.replace(/<[^>]*>/g, "");
  assert.is(textOf(out), textOf(src), "the same characters, newlines included");
  assert.is(count(out, '<span class="line"'), 6, "one span per line, the empty one too");
  assert.ok(
    out.startsWith(
      '<span class="line"><span class="hljs-comment">/* a\n</span></span><span class="line" style="--i:3ch"><span class="hljs-comment">   b */</span>',
    ),
  );
  assert.ok(
    out.includes(
      '<span class="line" style="--i:4ch">    <span class="hljs-keyword">return</span> 1;\n</span>',
    ),
  );
  assert.is(count(out, "<span"), count(out, "</span>"), "every span closed");
  assert.is(codeLines(""), "");
});

test("a hidden solution is a closed <details>; shared assets are linked instead of inlined, plotly.js loaded after the page paints", () => {
  const html = notebookToHtml(nb, { assets: { kind: "shared", href: "../assets" } });
  assert.ok(
    /<details class="cell code solution" data-cell="2"><summary><span class="on-screen">Show the worked solution<\/span><span class="on-paper">Worked solution<\/span><\/summary>/.test(
      html,
    ),
  );
  assert.ok(html.includes('<link rel="stylesheet" href="../assets/katex/katex.min.css">'));
  assert.ok(
    html.includes(
      'data-plotly-bundle="cartesian" data-src="../assets/plotly-cartesian.min.js"></script>',
    ),
  );
  assert.ok(html.length < 200_000, `a page with shared assets is small (${html.length} B)`);
});

/** The fixture as a Chinese notebook: its language in the metadata, one Chinese Markdown cell. */
function chinese(): Notebook {
  const zh = fixtureNotebook();
  zh.metadata = { mlekit_translation: { language: "zh-CN" } };
  zh.cells.push(
    { cell_type: "markdown", source: "中文的段落，含 $x$。" },
    { cell_type: "markdown", source: "An English paragraph left untranslated." },
  );
  return zh;
}

test("a Chinese page says its own words in Chinese and marks the English left on it with lang=en", () => {
  const html = notebookToHtml(chinese(), { name: "n" });
  assert.ok(html.includes('<html lang="zh-CN">'));
  assert.ok(
    html.includes('<a href="index.html">全部笔记</a>') &&
      html.includes("显示解答过程") &&
      html.includes('aria-label="代码单元 1"'),
  );
  assert.ok(html.includes("<summary>显示数据</summary>"), "the figure's words come in Chinese");
  assert.ok(
    html.includes('class="plot-desc">折线图。横轴：x，从 0 到 1。'),
    "the description is written in Chinese",
  );
  assert.ok(
    html.includes(
      '<figcaption id="figure-c1-o1-cap" class="plot-caption" lang="en">Squares [demo]</figcaption>',
    ),
    "an English title is marked English",
  );
  assert.ok(
    html.includes('<section class="cell markdown" lang="en"><p>An English paragraph'),
    "an untranslated paragraph is marked English",
  );
  assert.ok(
    /<section class="cell markdown"><p>中文的段落/.test(html),
    "a Chinese paragraph is not",
  );
  assert.ok(
    html.includes('translate="no" lang="en"><code'),
    "code (all English) is marked English",
  );
  assert.ok(html.includes("<th>a</th>"), "a one-letter header is no English word");
  const markup = html.replace(/<script[\s\S]*?<\/script>/g, "");
  assert.not.ok(
    /Show the worked solution|All notes|Code cell|Show the data/.test(markup),
    "no English words of the page's own",
  );
});

/** A notebook with a prediction prompt, the check cell (tagged) and a prose cell that gives the result (tagged). */
function predictThenCheck(lang?: string): Notebook {
  const nb = fixtureNotebook();
  if (lang) nb.metadata = { ...nb.metadata, mlekit_translation: { language: lang } };
  nb.cells = [
    { cell_type: "markdown", metadata: {}, source: "Predict $H$ before running." },
    {
      cell_type: "code",
      execution_count: 3,
      metadata: { tags: ["predict-then-check"] },
      source: "entropy(p)",
      outputs: [
        { output_type: "stream", name: "stdout", text: "1.011\n" },
        { output_type: "display_data", data: { "text/markdown": "so \\(H \\approx 1.011\\)" } },
      ],
    },
    {
      cell_type: "markdown",
      metadata: { tags: ["predict-then-check"] },
      source: "The entropy is $1.011$ nats, below $\\log 3$.",
    },
    {
      cell_type: "code",
      execution_count: 4,
      metadata: {},
      source: "next()",
      outputs: [{ output_type: "stream", name: "stdout", text: "shown\n" }],
    },
  ] as Notebook["cells"];
  return nb;
}

test("a predict-then-check cell's outputs, and a tagged prose cell, fold behind 'Show the result' (open in the print flavour); other cells do not", () => {
  const html = notebookToHtml(predictThenCheck(), { name: "n" });
  const folds = html.match(/<details class="reveal reveal-(outputs|prose)"[^>]*>/g) ?? [];
  assert.equal(
    folds,
    ['<details class="reveal reveal-outputs">', '<details class="reveal reveal-prose">'],
    "two folds, both closed",
  );
  assert.match(
    html,
    /<\/code><\/pre><\/div>\n<details class="reveal reveal-outputs"><summary><span class="on-screen">Show the result<\/span><span class="on-paper">Result<\/span><\/summary><div class="output stdout"><pre>1.011\n<\/pre><\/div>/,
    "the code shows, its outputs fold",
  );
  assert.match(
    html,
    /<details class="reveal reveal-prose"><summary>[^]*?<\/summary><section class="cell markdown"><p>The entropy is/,
  );
  assert.match(
    html,
    /<div class="output stdout"><pre>shown\n<\/pre><\/div><\/section>/,
    "an untagged cell's output is not folded",
  );
  const print = notebookToHtml(predictThenCheck(), { name: "n", flavour: "print" });
  assert.is(
    count(print, '<details class="reveal reveal-outputs" open>') +
      count(print, '<details class="reveal reveal-prose" open>'),
    2,
    "printed open",
  );
  const zh = notebookToHtml(predictThenCheck("zh-CN"), { name: "n" });
  assert.is(
    count(zh, '<span class="on-screen">显示结果</span><span class="on-paper">结果</span>'),
    2,
    "in Chinese",
  );
});

test("a table in the prose sits in a named, focusable region that scrolls sideways (in the page's language)", () => {
  const nb = predictThenCheck();
  nb.cells.unshift({
    cell_type: "markdown",
    metadata: {},
    source: "| # | what you will check with numbers |\n| --- | --- |\n| 00 | the whole chain |",
  } as Notebook["cells"][number]);
  const html = notebookToHtml(nb, { name: "n" });
  assert.match(
    html,
    /<section class="cell markdown"><div class="table-region" role="region" tabindex="0" aria-label="Table"><table>/,
  );
  assert.is(count(html, 'class="table-region"'), 1, "prose without a table gets no region");
  const zh = predictThenCheck("zh-CN");
  zh.cells.unshift({
    cell_type: "markdown",
    metadata: {},
    source: "| 列 |\n| --- |\n| 1 |",
  } as Notebook["cells"][number]);
  assert.match(notebookToHtml(zh, { name: "n" }), /aria-label="表格"><table>/);
});

test("in the Markdown, the same folds are <details> blocks with blank lines around, so maths still renders; the Chinese summaries are Chinese", () => {
  const { markdown } = notebookToMarkdown(predictThenCheck(), { filesDir: "n_files" });
  assert.ok(
    markdown.includes(
      "```ts\nentropy(p)\n```\n\n<details>\n<summary>Show the result</summary>\n\n```text\n1.011\n```\n\nso $H \\approx 1.011$\n\n</details>",
    ),
    markdown,
  );
  assert.ok(
    markdown.includes(
      "<details>\n<summary>Show the result</summary>\n\nThe entropy is $1.011$ nats, below $\\log 3$.\n\n</details>",
    ),
    markdown,
  );
  assert.ok(
    markdown.includes("```ts\nnext()\n```\n\n```text\nshown\n```"),
    "an untagged cell is not folded",
  );
  const zh = notebookToMarkdown(predictThenCheck("zh-CN"), { filesDir: "n_files" }).markdown;
  assert.is(count(zh, "<summary>显示结果</summary>"), 2);
  const solution = notebookToMarkdown(fixtureNotebook(), { filesDir: "n_files" }).markdown;
  const zhFixture = fixtureNotebook();
  zhFixture.metadata = { ...zhFixture.metadata, mlekit_translation: { language: "zh-CN" } };
  assert.ok(solution.includes("<summary>Show the worked solution</summary>"));
  assert.ok(
    notebookToMarkdown(zhFixture, { filesDir: "n_files" }).markdown.includes(
      "<summary>显示解答过程</summary>",
    ),
    "the Chinese Markdown's solution summary",
  );
});

test("markEnglish marks the innermost English blocks of a Chinese fragment, skipping maths, and leaves English pages alone", () => {
  assert.is(
    markEnglish("<table><tr><td>rain</td><td>雨</td></tr></table>", "zh"),
    '<table><tr><td lang="en">rain</td><td>雨</td></tr></table>',
  );
  assert.is(
    markEnglish('<p>式子 <span class="katex"><span>log</span></span></p>', "zh"),
    '<p>式子 <span class="katex"><span>log</span></span></p>',
  );
  assert.is(
    markEnglish('<p><span class="katex"><span>max</span></span> = 1</p>', "zh"),
    '<p><span class="katex"><span>max</span></span> = 1</p>',
    "a formula is no English",
  );
  assert.is(markEnglish("<p>plain English</p>", "en"), "<p>plain English</p>");
  assert.is(
    markEnglish('<p lang="fr">déjà</p>', "zh"),
    '<p lang="fr">déjà</p>',
    "a block with a language keeps it",
  );
  assert.is(
    visibleText(
      'a<math><mi>x</mi></math><span class="katex"><span class="katex-html"><span>log</span></span></span> b',
    ),
    "a b",
  );
});

test("englishOn marks text with Latin words and no CJK, only on a page in another language", () => {
  assert.is(englishOn("zh-CN", "log-likelihood (nats)"), ' lang="en"');
  assert.is(englishOn("zh", "对数似然 (nats)"), "");
  assert.is(englishOn("zh", "θ = 0.61"), "", "no word, no language");
  assert.is(englishOn("en", "log-likelihood"), "");
});

test.run();
