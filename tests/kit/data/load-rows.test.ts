import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { loadRows } from "../../../notebooks/kit/src/data/load-rows";

const dir = mkdtempSync(join(tmpdir(), "kit-load-rows-"));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test("a CSV loads as rows with numbers parsed, empty or NA cells as null, quoted commas kept", () => {
  const rows = loadRows(file("a.csv", 'name,x,y\r\n"Smith, J.",1.5,\nB,NA,-2e3\n'));
  assert.equal(rows, [
    { name: "Smith, J.", x: 1.5, y: null },
    { name: "B", x: null, y: -2000 },
  ]);
});

test("a JSON array of rows loads as is, with missing columns filled as null", () => {
  const rows = loadRows(file("a.json", '[{"a": 1, "b": "x"}, {"a": 2}]'));
  assert.equal(rows, [
    { a: 1, b: "x" },
    { a: 2, b: null },
  ]);
});

test("malformed files are errors that name the file and the line", () => {
  assert.throws(
    () => loadRows(file("bad.csv", "a,b\n1,2,3\n")),
    /loadRows: .*bad\.csv line 2 has 3 fields, the header has 2/,
  );
  assert.throws(() => loadRows(file("obj.json", '{"a": 1}')), /does not hold a JSON array/);
  assert.throws(() => loadRows(file("x.txt", "")), /neither \.csv nor \.json/);
});

test("the shipped horse-kick table loads with its two numeric columns", () => {
  const rows = loadRows<{ deaths: number; corps_years: number }>(
    join(__dirname, "..", "..", "..", "notebooks", "data", "horse-kicks.csv"),
  );
  assert.equal(rows[0], { deaths: 0, corps_years: 109 });
  assert.is(
    rows.reduce((s, r) => s + r.corps_years, 0),
    200,
  );
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
