// scripts/notebooks.ts without a kernel: which notebooks a run picks, and how results are printed.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  describeFailure,
  formatTable,
  isCourseNotebook,
  listNotebooks,
  progressPrinter,
} from "../../scripts/notebooks";

const dir = mkdtempSync(join(tmpdir(), "mlekit-list-"));
for (const f of ["b.ipynb", "10-tenth.ipynb", "a.ipynb", "notes.txt", "02-second.ipynb"])
  writeFileSync(join(dir, f), "{}");
const elsewhere = mkdtempSync(join(tmpdir(), "mlekit-elsewhere-"));
writeFileSync(join(elsewhere, "a.ipynb"), "{}");
test.after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(elsewhere, { recursive: true, force: true });
});

test("listNotebooks lists every .ipynb of the folder, sorted by name, as full paths, and nothing else", () => {
  assert.equal(
    listNotebooks([], dir),
    ["02-second.ipynb", "10-tenth.ipynb", "a.ipynb", "b.ipynb"].map((f) => join(dir, f)),
  );
});

test("listNotebooks picks by stem, by name or by name prefix, in the order asked", () => {
  assert.equal(
    listNotebooks(["b", "02", "a.ipynb", "10-tenth"], dir),
    ["b.ipynb", "02-second.ipynb", "a.ipynb", "10-tenth.ipynb"].map((f) => join(dir, f)),
  );
});

test("listNotebooks takes a path to a notebook outside the folder as that file, not as its namesake in the folder", () => {
  assert.equal(listNotebooks([join(elsewhere, "a.ipynb")], dir), [join(elsewhere, "a.ipynb")]);
});

test("listNotebooks throws naming itself and the entry that matches no notebook", () => {
  assert.throws(
    () => listNotebooks(["99"], dir),
    (e: Error) => e.message.includes("listNotebooks") && e.message.includes('"99"'),
  );
});

test("isCourseNotebook accepts numbered notebooks only", () => {
  assert.equal(
    ["02-second.ipynb", "dir/10-tenth.ipynb", "a.ipynb", "02-second.json", "2-x.ipynb"].map(
      isCourseNotebook,
    ),
    [true, true, false, false, false],
  );
});

test("formatTable pads each column to its widest cell, rules the header and trims trailing spaces", () => {
  const table = formatTable(
    ["name", "s"],
    [
      ["00", 1.5],
      ["long-name", 12],
    ],
  );
  assert.is(
    table,
    ["name       s", "---------  ---", "00         1.5", "long-name  12"].join("\n"),
  );
});

test("describeFailure names the notebook, the cell and its first line, and keeps six lines of the message", () => {
  const message = ["line 1", "line 2", "line 3", "line 4", "line 5", "line 6", "line 7"].join("\n");
  const text = describeFailure({ name: "02-x", error: { cell: 3, firstLine: "fit(x)", message } });
  assert.ok(text.startsWith("02-x.ipynb: cell 3 (`fit(x)`) failed:\n    line 1\n"), text);
  assert.ok(text.includes("line 6") && !text.includes("line 7"), text);
});

/** A stream that records what is written to it. */
function recorder(isTTY: boolean): { isTTY: boolean; text: string; write(s: string): void } {
  return {
    isTTY,
    text: "",
    write(s: string) {
      this.text += s;
    },
  };
}

const PROGRESS: [title: string, isTTY: boolean, expected: string][] = [
  [
    "progressPrinter writes one line per update to a log, and the result after them",
    false,
    "cell 1/2\ncell 2/2\nok\n",
  ],
  [
    "progressPrinter rewrites one line on a terminal and clears it before the result",
    true,
    "\r\x1b[2Kcell 1/2\r\x1b[2Kcell 2/2\r\x1b[2Kok\n",
  ],
];
for (const [title, isTTY, expected] of PROGRESS) {
  test(title, () => {
    const out = recorder(isTTY);
    const p = progressPrinter(out);
    p.update("cell 1/2");
    p.update("cell 2/2");
    p.done("ok");
    assert.is(out.text, expected);
  });
}

test.run();
