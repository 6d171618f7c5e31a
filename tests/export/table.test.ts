// scripts/export/table.js: the library's simple HTML tables -> GFM Markdown tables.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as FORMAT from "../../notebooks/kit/src/format";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { htmlTableToMarkdown, parseHtmlTable, decodeEntities } = require("../../scripts/export/table") as {
  htmlTableToMarkdown: (html: string) => string | undefined;
  parseHtmlTable: (html: string) => { caption: string; header: string[]; rows: string[][]; numeric: boolean[]; note: string } | undefined;
  decodeEntities: (s: string) => string;
};

// What showTable emits (tests/display/show-table.test.ts pins the library side).
const SHOWTABLE =
  `<table class="${FORMAT.TABLE_CLASS}"><caption>p and q</caption><thead><tr><th>outcome</th><th>p</th></tr></thead>\n` +
  '<tbody>\n<tr><td>a</td><td class="num">0.5</td></tr>\n<tr><td>c | d</td><td class="num">0.25</td></tr>\n</tbody></table>';

test("a showTable table becomes a GFM table with its caption above and numbers right-aligned", () => {
  assert.is(
    htmlTableToMarkdown(SHOWTABLE),
    ["*p and q*", "", "| outcome | p |", "| --- | --: |", "| a | 0.5 |", "| c \\| d | 0.25 |"].join("\n"),
  );
});

test("entities are decoded and pipes escaped, so cell text survives the round trip", () => {
  const html = '<table><thead><tr><th>x &amp; y</th></tr></thead><tbody><tr><td>&lt;a|b&gt; &#39;q&#39; &#x3b8;</td></tr></tbody></table>';
  assert.is(htmlTableToMarkdown(html), "| x & y |\n| --- |\n| <a\\|b> 'q' θ |");
  assert.is(decodeEntities("&quot;&nbsp;&unknown;"), '"\u00a0&unknown;');
});

test("a truncated table keeps its ellipsis row and the shape note below", () => {
  const html =
    `<table class="${FORMAT.TABLE_CLASS}"><thead><tr><th>i</th></tr></thead><tbody><tr><td class="num">1</td></tr>` +
    `<tr><td class="num">…</td></tr><tr><td class="num">99</td></tr></tbody></table><p class="${FORMAT.TABLE_SHAPE_CLASS}">99 rows × 1 column</p>`;
  const md = htmlTableToMarkdown(html)!;
  assert.ok(md.includes("| … |"), md);
  assert.ok(md.endsWith("*99 rows × 1 column*"), md);
  assert.equal(parseHtmlTable(html)!.numeric, [true]);
});

test("a DataFrame's blank index header stays a valid header cell", () => {
  const html = '<table><thead><tr><th></th><th>a</th></tr></thead><tbody><tr><td>0</td><td class="num">1</td></tr></tbody></table>';
  assert.is(htmlTableToMarkdown(html), "|   | a |\n| --- | --: |\n| 0 | 1 |");
});

test("HTML that is not one simple table is refused (the caller falls back to text/plain)", () => {
  assert.is(htmlTableToMarkdown("<div>no table</div>"), undefined);
  assert.is(htmlTableToMarkdown('<table><tr><td colspan="2">x</td></tr></table>'), undefined);
  assert.is(htmlTableToMarkdown("<table><tr><td>no header</td></tr></table>"), undefined);
  assert.is(htmlTableToMarkdown("<table><tr><th>a</th></tr><tr><td>1</td><td>2</td></tr></table>"), undefined);
  assert.is(htmlTableToMarkdown("<table><tr><th>a</th></tr></table><table><tr><th>b</th></tr></table>"), undefined);
});

test.run();
