// The Chinese edition, executed: a reader sees no English outside code and proper names, in the
// prose, the maths, the outputs, and the code cells' comments (the code itself stays English).
//
// Not a unit test (its name does not end in .test.ts, so `uvu tests` skips it): it reads a folder
// of EXECUTED Chinese notebooks, which only a notebook run produces. scripts/test.ts runs it after
// executing the Chinese notebooks:
//
//   MLEKIT_ZH_EXECUTED=<folder of executed zh .ipynb> \
//     node node_modules/uvu/bin.js -r ts-node/register/transpile-only tests/notebooks 'zh-edition\.executed\.ts$'
//
// It fails loudly when the variable is not set, the folder is missing, empty, lacks a notebook,
// or holds one that was not executed or raised an error. Each notebook's test lists the first
// English words by cell; MLEKIT_ZH_REPORT=1 prints every one (as `npm run count:english -- DIR
// --report` does). What counts as English: scripts/english-words.ts and notebook-kit's
// src/i18n/english.ts.
import * as fs from "fs";
import * as path from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { report, scanFolder, type NotebookScan } from "../../scripts/english-words";
import { englishNotebooks, languageStatement } from "../../scripts/i18n";
import { parseNotebook, text } from "../../scripts/nbformat";

const dir = process.env.MLEKIT_ZH_EXECUTED;
const expected = englishNotebooks().map((f) => path.basename(f, ".ipynb"));
let scans: NotebookScan[] = [];
let problem = "";
if (!dir) problem = "MLEKIT_ZH_EXECUTED is not set: give the folder of executed Chinese notebooks";
else if (!fs.existsSync(dir)) problem = `MLEKIT_ZH_EXECUTED=${dir} does not exist`;
else {
  try {
    scans = scanFolder(dir);
  } catch (e) {
    problem = (e as Error).message;
  }
}

test("the folder of executed Chinese notebooks is given and holds every notebook, executed, without error", () => {
  assert.is(problem, "", problem);
  const names = scans.map((s) => s.name);
  const missing = expected.filter((n) => !names.includes(n));
  assert.equal(missing, [], `${dir} lacks ${missing.join(", ")}`);
  for (const s of scans) {
    assert.ok(s.executedCells > 0, `${s.name}: no code cell has an output; was it executed?`);
    assert.is(s.errors, 0, `${s.name}: ${s.errors} error output(s)`);
    const nb = parseNotebook(fs.readFileSync(s.file, "utf8"), s.file);
    const sources = nb.cells.filter((c) => c.cell_type === "code").map((c) => text(c.source));
    assert.ok(
      sources.some((src) => src.includes(languageStatement("zh")[2])),
      `${s.name}: not a Chinese notebook (no ${languageStatement("zh")[2]})`,
    );
  }
});

for (const name of expected) {
  test(`${name} (zh, executed): a reader sees no English outside code and proper names`, () => {
    const s = scans.find((x) => x.name === name);
    if (!s) return assert.unreachable(problem || `${name}.ipynb is not in ${dir}`);
    if (process.env.MLEKIT_ZH_REPORT) console.log(report([s]));
    const first = s.findings
      .slice(0, 15)
      .map((f) => `cell ${f.cell} ${f.where}: ${f.word} — ${f.context}`)
      .join("\n  ");
    assert.is(
      s.findings.length,
      0,
      `${s.count} English words a reader sees (${s.findings.length} findings), first:\n  ${first}\n(all of them: npm run count:english -- ${dir} --report)`,
    );
  });
}

test.run();
