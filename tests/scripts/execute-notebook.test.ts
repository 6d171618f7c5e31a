// scripts/notebooks.ts + scripts/execute_notebook.py with the project's tslab kernel, on a
// notebook written to the OS temp folder (outside the repo, as a student's own notebook is):
// a failing cell stops the run unless errors are allowed; allowed, every cell runs and the
// result still names the first failing cell. Needs the project's .venv (created on first use).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { executeNotebook, text, type Notebook } from "../../scripts/notebooks";
import { ensureJupyter, jupyterEnv } from "../../scripts/setup";

const dir = mkdtempSync(join(tmpdir(), "mlekit-execute-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a notebook with one code cell per source and returns its path. */
function notebook(name: string, sources: string[]): string {
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" } },
    cells: sources.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      outputs: [],
      execution_count: null,
      source,
    })),
  };
  const file = join(dir, `${name}.ipynb`);
  writeFileSync(file, JSON.stringify(nb));
  return file;
}

/** Per code cell of an executed notebook: the text of its stdout and stderr streams. */
function streams(file: string): { stdout: string; stderr: string }[] {
  const nb = JSON.parse(readFileSync(file, "utf8")) as Notebook;
  return nb.cells.map((c) => {
    const outs = c.cell_type === "code" ? c.outputs : [];
    const of = (name: string) =>
      outs.map((o) => (o.output_type === "stream" && o.name === name ? text(o.text) : "")).join("");
    return { stdout: of("stdout"), stderr: of("stderr") };
  });
}

const BROKEN = [
  'console.log("before");',
  'const n: number = "not a number";',
  'throw new Error("second failure");',
  'console.log("after");',
];
const python = ensureJupyter();
const env = jupyterEnv();

test("without allowErrors the run stops at the type error: status error, cell 2 named, later cells not run", async () => {
  const out = join(dir, "stopped.ipynb");
  const r = await executeNotebook(notebook("broken", BROKEN), out, { python, env });
  assert.is(r.status, "error");
  assert.is(r.cells, 4);
  assert.is(r.error?.cell, 2);
  assert.is(r.error?.firstLine, BROKEN[1]);
  assert.match(r.error?.message ?? "", "not assignable to type 'number'");
  const s = streams(out);
  assert.is(s[0].stdout, "before\n");
  assert.equal(
    [s[2], s[3]],
    [
      { stdout: "", stderr: "" },
      { stdout: "", stderr: "" },
    ],
  );
});

test("with allowErrors every cell runs, the error outputs stay, and the result is errors-allowed naming the first failing cell", async () => {
  const out = join(dir, "allowed.ipynb");
  const r = await executeNotebook(notebook("broken", BROKEN), out, {
    python,
    env,
    allowErrors: true,
  });
  assert.is(r.status, "errors-allowed");
  assert.is(r.error?.cell, 2);
  assert.is(r.error?.firstLine, BROKEN[1]);
  assert.match(r.error?.message ?? "", "not assignable to type 'number'");
  const s = streams(out);
  assert.match(s[1].stderr, "not assignable to type 'number'");
  assert.match(s[2].stderr, "second failure");
  assert.is(s[3].stdout, "after\n");
});

test("with allowErrors a notebook without a failing cell is ok, with no error", async () => {
  const r = await executeNotebook(
    notebook("fine", ['console.log("one");', "const two: number = 2;"]),
    join(dir, "fine-out.ipynb"),
    { python, env, allowErrors: true },
  );
  assert.is(r.status, "ok");
  assert.is(r.error, null);
});

test.run();
