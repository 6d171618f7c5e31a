// The notebook formatter: Prettier per code cell at width 100, written as Jupyter writes a
// notebook, and the line check of npm test.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as path from "path";
import {
  checkNotebooks,
  formatCell,
  formatNotebook,
  longLines,
  MAX_LINE,
} from "../../scripts/format-notebooks";
import { problems, serialize } from "../../scripts/clean-notebooks";
import type { Notebook } from "../../scripts/nbformat";

const ROOT = path.join(__dirname, "..", "..");

test("a cell is formatted at width 100 with the repository's .prettierrc, without a final newline", async () => {
  assert.is(await formatCell("const a={b:1,c:[1,2]}"), "const a = { b: 1, c: [1, 2] };");
  const long = `const xs = [${Array.from({ length: 40 }, (_, i) => i).join(", ")}];`;
  const out = await formatCell(long);
  assert.ok(out.split("\n").length > 1 && out.split("\n").every((l) => l.length <= MAX_LINE), out);
  assert.is(await formatCell(""), "");
  assert.is(await formatCell("// a comment\nx"), "// a comment\nx;");
});

test("Prettier never writes a shorthand property: { y: y } stays, which tslab needs across cells", async () => {
  assert.is(await formatCell("const rec = { y: y, z: z };"), "const rec = { y: y, z: z };");
  assert.is(
    await formatCell('show(plot([line(x, y)], { x: "θ", y: "nats" }), { start: start })'),
    'show(plot([line(x, y)], { x: "θ", y: "nats" }), { start: start });',
  );
});

test("label-keyed objects keep their quotes (quoteProps: consistent), so p̂_data stays a label", async () => {
  assert.is(
    await formatCell('const o = { "p̂_data": a, "p_model(·; θ)": b }'),
    'const o = { "p̂_data": a, "p_model(·; θ)": b };',
  );
  assert.is(await formatCell('const o = { "a": 1, b: 2 }'), "const o = { a: 1, b: 2 };");
});

test("a cell's last expression keeps its meaning: an object literal stays in parentheses", async () => {
  assert.is(
    await formatCell('({ "min KL": kl, thetaML: t })'),
    '({ "min KL": kl, "thetaML": t });',
  );
  assert.is(
    await formatCell('const ok = checkAnswer("03.1", null)'),
    'const ok = checkAnswer("03.1", null);',
  );
});

test("a cell that is not TypeScript is an error naming the problem", async () => {
  await formatCell("const = ;").then(
    () => assert.unreachable("should throw"),
    (e: Error) => assert.match(e.message, /expected|Expression/i),
  );
});

test("longLines counts characters (code points), code cells only", () => {
  const nb = {
    cells: [
      { cell_type: "markdown", id: "m", metadata: {}, source: "x".repeat(200) },
      {
        cell_type: "code",
        id: "c",
        metadata: {},
        outputs: [],
        execution_count: null,
        source: `a\n${"θ".repeat(100)}\n${"b".repeat(101)}`,
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  } as unknown as Notebook;
  assert.equal(longLines(nb), [{ cell: 2, cellId: "c", line: 3, length: 101 }]);
});

test("a formatted course notebook is still clean (hygiene), and formatting it again changes nothing", async () => {
  const file = path.join(ROOT, "notebooks", "05-mle-is-min-kl-is-min-cross-entropy.ipynb");
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
  const once = await formatNotebook(nb);
  assert.equal(once.failed, []);
  const body = serialize(once.notebook);
  assert.equal(problems(JSON.parse(body) as Notebook, body), []);
  const twice = await formatNotebook(JSON.parse(body) as Notebook);
  assert.equal(twice.changed, []);
  const codeCells = (n: Notebook) => n.cells.filter((c) => c.cell_type === "code").length;
  assert.is(codeCells(once.notebook), codeCells(nb));
  // 05 is committed formatted now (no long line left), so formatting can only keep or lower the count
  assert.ok(
    longLines(once.notebook).length <= longLines(nb).length,
    "formatting never adds long lines",
  );
});

test("checkNotebooks reports unformatted cells and long lines, and passes a formatted notebook with short lines", async () => {
  const dir = fs.mkdtempSync(path.join(require("os").tmpdir(), "format-notebooks-"));
  try {
    const mk = (source: string) => ({
      cells: [
        { cell_type: "code", id: "c1", metadata: {}, outputs: [], execution_count: null, source },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    fs.writeFileSync(path.join(dir, "good.ipynb"), JSON.stringify(mk("const a = { y: y };")));
    fs.writeFileSync(
      path.join(dir, "bad.ipynb"),
      JSON.stringify(mk(`const a={y:y}\n// ${"x".repeat(120)}`)),
    );
    const [bad, good] = await checkNotebooks([
      path.join(dir, "bad.ipynb"),
      path.join(dir, "good.ipynb"),
    ]);
    assert.equal(good.problems, []);
    assert.is(bad.unformatted.length, 1);
    assert.equal(
      bad.long.map((l) => [l.line, l.length]),
      [[2, 123]],
    );
    assert.match(
      bad.problems.join("\n"),
      /not formatted: cell 1 \(c1\) line 1: "const a=\{y:y\}"[\s\S]*cell 1 \(c1\) line 2: 123 characters \(> 100\)/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
