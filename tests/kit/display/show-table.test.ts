import { test } from "uvu";
import * as assert from "uvu/assert";
import { showTable, tableBundle } from "../../../notebooks/kit/src/display/show-table";
import { globalKernel, noKernel, ownKernel } from "./fake-kernel";
import { marked } from "marked";

/** The text of every <th>/<td> of an HTML table, row by row (tags dropped, the few entities decoded). */
function cellTexts(html: string): string[][] {
  const decode = (s: string) =>
    s
      .replace(/<[^>]*>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&")
      .trim();
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((tr) =>
    [...tr[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => decode(m[1])),
  );
}

test.after.each(noKernel);

const rows = [
  { outcome: "heads", count: 7, p: 0.7 },
  { outcome: "tails", count: 3, p: 0.3 },
];

test("rows of objects become an HTML table and an aligned plain-text table", () => {
  const b = tableBundle(rows);
  assert.ok(String(b["text/html"]).includes("<th>outcome</th><th>count</th><th>p</th>"));
  assert.ok(String(b["text/html"]).includes('<td class="num">0.7</td>'));
  assert.is(
    b["text/plain"],
    [
      "outcome  count    p",
      "-------  -----  ---",
      "heads        7  0.7",
      "tails        3  0.3",
    ].join("\n"),
  );
});

test("a DataFrame-like object shows its index, columns and values", () => {
  const df = {
    columns: ["x", "p"],
    values: [
      [0, 1 / 3],
      [1, 2 / 3],
    ],
    index: [0, 1],
  };
  const text = String(tableBundle(df)["text/plain"]);
  assert.ok(text.includes("0.333333"), text);
  assert.ok(text.split("\n")[0].startsWith("   x"), text);
});

test("values are escaped in HTML", () => {
  assert.ok(String(tableBundle([{ a: "<b>&" }])["text/html"]).includes("&lt;b&gt;&amp;"));
});

test("long tables show the head and tail around an ellipsis and state the shape", () => {
  const many = Array.from({ length: 100 }, (_, i) => ({ i }));
  const b = tableBundle(many, { maxRows: 10 });
  assert.ok(String(b["text/plain"]).includes("…"));
  assert.ok(String(b["text/plain"]).endsWith("(100 rows × 1 column)"));
  assert.ok(String(b["text/html"]).includes('<td class="num">99</td>'));
  assert.not.ok(String(b["text/html"]).includes('<td class="num">50</td>'));
});

test("the text/markdown table reads back, through a GFM parser, as the same cells as the HTML table", () => {
  const awkward = [
    { term: "a | b", tex: "p_{data} * 2", code: "`x`", html: "<b>&amp;</b>", p: 0.25 },
    { term: "back\\slash", tex: "[link](x)", code: "~~no~~", html: "", p: 1 / 3 },
  ];
  const b = tableBundle(awkward, { caption: "p_model | q" });
  const fromMarkdown = cellTexts(
    marked.parse(String(b["text/markdown"]), { gfm: true, async: false }) as string,
  );
  assert.equal(fromMarkdown, cellTexts(String(b["text/html"])));
  assert.ok(
    String(b["text/markdown"]).startsWith("*p\\_model \\| q*\n\n"),
    "the caption stands in italics above the table",
  );
});

test("numeric columns are right-aligned in Markdown and a shortened table states its shape below", () => {
  const md = String(
    tableBundle(
      Array.from({ length: 100 }, (_, i) => ({ name: `r${i}`, i })),
      { maxRows: 10 },
    )["text/markdown"],
  ).split("\n");
  assert.is(md[1], "| --- | --: |");
  assert.ok(md.includes("| … | … |"), md.join("\n"));
  assert.is(md[md.length - 1], "*100 rows × 2 columns*");
});

test("bad input and options name the function and the value", () => {
  assert.throws(
    () => tableBundle(42 as never),
    /showTable: expected a DataFrame or an array of row objects, got 42/,
  );
  assert.throws(() => tableBundle([1] as never), /showTable: rows\[0\] = 1 is not an object/);
  assert.throws(() => tableBundle(rows, { digits: 0 }), /showTable: digits = 0/);
  assert.throws(() => tableBundle(rows, { maxRows: 1 }), /showTable: maxRows = 1/);
});

test("showTable returns HTML in plain Node, sends html, markdown and text under the own tslab, html only under another", () => {
  assert.ok(String(showTable(rows)).startsWith("<table"));
  const sent = ownKernel();
  assert.is(showTable(rows), undefined);
  assert.equal(Object.keys(sent[0].data).sort(), ["text/html", "text/markdown", "text/plain"]);
  noKernel();
  const html = globalKernel();
  showTable(rows);
  assert.ok(html[0].startsWith("<table"));
});

test.run();
