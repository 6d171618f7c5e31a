// The runner with Deno's kernel (scripts/setup.ts's "TypeScript (Deno)" kernelspec): every
// printed line and display of a notebook lands in its own cell, whether Deno published it before
// or after the cell's idle, and the run reports its kernel start-up and late-output count.
// Needs the project's .venv and node_modules/deno; the notebook is written under tests/.out/ so
// that Deno resolves the kit through the repo's node_modules.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import {
  executeNotebook,
  isDenoFlake,
  DENO_FLAKE_RERUNS,
  text,
  type Notebook,
} from "../../scripts/notebooks";
import {
  ensureJupyter,
  jupyterEnv,
  ROOT,
  denoKernelJson,
  DENO_KERNEL_DISPLAY_NAME,
} from "../../scripts/setup";

mkdirSync(join(ROOT, "tests", ".out"), { recursive: true });
const dir = mkdtempSync(join(ROOT, "tests", ".out", "deno-"));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const SOURCES = [
  'for (let i = 0; i < 40; i++) console.log("line " + i);',
  'import { showTable } from "notebook-kit";\nshowTable([{ a: 1 }]);\nconsole.log("after the table");',
  'console.log("last");\n1 + 1',
];

test("the Deno kernelspec: the project's deno binary, NO_COLOR=1, display name 'TypeScript (Deno)'", () => {
  const spec = denoKernelJson();
  assert.match(spec.argv[0], /node_modules[\\/](deno|@deno[\\/][^\\/]+)[\\/]deno(\.exe)?$/);
  assert.equal(spec.argv.slice(1), ["jupyter", "--kernel", "--conn", "{connection_file}"]);
  assert.is(spec.env?.NO_COLOR, "1");
  assert.is(
    spec.env?.FORCE_COLOR,
    "",
    "FORCE_COLOR=0 from a test runner would turn Deno's colours on",
  );
  assert.is(spec.display_name, DENO_KERNEL_DISPLAY_NAME);
  assert.is(denoKernelJson("lab").env?.MLEKIT_FRONTEND, "lab");
});

test("every line, the table and the value land in their own cells, in order; start-up and late outputs are reported", async () => {
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { display_name: "TypeScript", language: "typescript", name: "tslab" } },
    cells: SOURCES.map((source, i) => ({
      cell_type: "code",
      id: `c${i}`,
      metadata: {},
      outputs: [],
      execution_count: null,
      source,
    })),
  };
  const file = join(dir, "late.ipynb");
  writeFileSync(file, JSON.stringify(nb));
  const out = join(dir, "late.out.ipynb");
  const runOnce = () =>
    executeNotebook(file, out, { python: ensureJupyter(), env: jupyterEnv(), kernel: "deno" });
  // Cell 2 ends while its table's display is on its way: Deno's own intermittent failure
  // (isDenoFlake) is run again, as the Deno stage of npm test does, and said.
  let r = await runOnce();
  for (let k = 0; k < DENO_FLAKE_RERUNS && isDenoFlake(r); k++) {
    console.log(`  Deno's traceback-less "Execution failed" at cell ${r.error?.cell}: run again`);
    r = await runOnce();
  }
  assert.is(r.status, "ok", JSON.stringify(r.error));
  assert.ok(r.kernelSeconds !== undefined && r.kernelSeconds > 0, "kernel start-up reported");
  assert.ok(
    r.late !== undefined && Number.isInteger(r.late.rescued) && r.late.unrouted === 0,
    JSON.stringify(r.late),
  );
  const ran = JSON.parse(readFileSync(out, "utf8")) as Notebook;
  const outs = ran.cells.map((c) => (c.cell_type === "code" ? c.outputs : []));
  const stdout = (k: number) =>
    outs[k]
      .map((o) => (o.output_type === "stream" && o.name === "stdout" ? text(o.text) : ""))
      .join("");
  assert.is(stdout(0), Array.from({ length: 40 }, (_, i) => `line ${i}\n`).join(""));
  assert.is(stdout(1), "after the table\n");
  const table = outs[1].find((o) => o.output_type === "display_data");
  assert.ok(
    table && "data" in table && String(text(table.data["text/html"] as string)).includes("<table"),
    "the table's display, in cell 2",
  );
  assert.is(stdout(2), "last\n");
  const value = outs[2].find((o) => o.output_type === "execute_result");
  assert.is(value && "data" in value ? text(value.data["text/plain"] as string) : undefined, "2");
});

test.run();
