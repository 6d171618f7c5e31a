import { test } from "uvu";
import * as assert from "uvu/assert";
import { showTable, tableBundle } from "../../../notebooks/kit/src/display/show-table";
import { globalKernel, noKernel, ownKernel } from "./fake-kernel";

test.after.each(noKernel);

const rows = [
  { outcome: "heads", count: 7, p: 0.7 },
  { outcome: "tails", count: 3, p: 0.3 },
];

test("rows of objects become an HTML table and an aligned plain-text table", () => {
  const b = tableBundle(rows);
  assert.ok(String(b["text/html"]).includes("<th>outcome</th><th>count</th><th>p</th>"));
  assert.ok(String(b["text/html"]).includes('<td class="num">0.7</td>'));
  assert.is(b["text/plain"], ["outcome  count    p", "-------  -----  ---", "heads        7  0.7", "tails        3  0.3"].join("\n"));
});

test("a DataFrame-like object shows its index, columns and values", () => {
  const df = { columns: ["x", "p"], values: [[0, 1 / 3], [1, 2 / 3]], index: [0, 1] };
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
  assert.ok(String(b["text/html"]).includes("<td class=\"num\">99</td>"));
  assert.not.ok(String(b["text/html"]).includes("<td class=\"num\">50</td>"));
});

test("bad input and options name the function and the value", () => {
  assert.throws(() => tableBundle(42 as never), /showTable: expected a DataFrame or an array of row objects, got 42/);
  assert.throws(() => tableBundle([1] as never), /showTable: rows\[0\] = 1 is not an object/);
  assert.throws(() => tableBundle(rows, { digits: 0 }), /showTable: digits = 0/);
  assert.throws(() => tableBundle(rows, { maxRows: 1 }), /showTable: maxRows = 1/);
});

test("showTable returns HTML in plain Node, sends html+text under the own tslab, html only under another", () => {
  assert.ok(String(showTable(rows)).startsWith("<table"));
  const sent = ownKernel();
  assert.is(showTable(rows), undefined);
  assert.equal(Object.keys(sent[0].data).sort(), ["text/html", "text/plain"]);
  noKernel();
  const html = globalKernel();
  showTable(rows);
  assert.ok(html[0].startsWith("<table"));
});

test.run();
