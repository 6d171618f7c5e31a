#!/usr/bin/env node
// `npm test`: every check the project has, in one run, ending with one plain line
// `N passed, N failed`.
//  1. build the library; type-check tests and benchmarks
//  2. unit tests (uvu under ts-node), one test file per lib file
//  3. notebook hygiene on the committed notebooks
//  4. execute and export every notebook through real Jupyter (the main job, into exports/)
//  5. notebook determinism: a second run of the first notebook gives the same outputs
//  6. broken fixtures under tests/broken/ must fail, naming the cell and the error
//  7. every export format written without problems; the export fixture (tests/fixtures/export)
//     exported too, so maths, tables, hidden solutions and a slider are always covered
//  8. browser and front-end tests (tests/browser): offline HTML in Chromium with the network
//     blocked, index links, Markdown images and headings, executed-notebook PNGs, PDF page 1
//     through pdftoppm, and Restart & Run All of every notebook in Debian's classic Jupyter
//     Notebook driven by Chromium
// Options: --skip-browser, --only-unit (for quick local loops).
"use strict";
const FORMAT = require("notebook-kit/dist/format");
const fs = require("fs");
const os = require("os");
const path = require("path");
const setup = require("./setup");
const { listNotebooks, runNotebooks, executeNotebook, describeFailure } = require("./notebooks");
const { exportNotebook, exportIndex, closeExports } = require("./export");
const hygiene = require("./clean-notebooks");
const { stripPlotImages } = require("./export/ipynb");

const ROOT = setup.ROOT;
const args = new Set(process.argv.slice(2));
let passed = 0;
let failed = 0;
const failures = [];

function record(name, ok, detail = "") {
  if (ok) passed++;
  else {
    failed++;
    failures.push(`${name}${detail ? `: ${detail}` : ""}`);
  }
  console.log(`${ok ? "  ok  " : "  FAIL"} ${name}${!ok && detail ? `\n        ${detail.split("\n").join("\n        ")}` : ""}`);
}

function section(title) {
  console.log(`\n== ${title}`);
}

/** Runs uvu on a folder and records its counts; uvu's own report stays visible. */
function uvu(dir, extra = []) {
  const bin = path.join(ROOT, "node_modules", "uvu", "bin.js");
  const r = setup.run(process.execPath, [bin, "-r", "ts-node/register/transpile-only", dir, "\\.test\\.ts$", ...extra], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"), FORCE_COLOR: "0" },
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = `${r.stdout}${r.stderr}`;
  process.stdout.write(out.split("\n").filter((l) => !/^\s*$/.test(l)).slice(-40).join("\n") + "\n");
  const total = /Total:\s+(\d+)/.exec(out);
  const ok = /Passed:\s+(\d+)/.exec(out);
  const skipped = /Skipped:\s+(\d+)/.exec(out);
  if (!total) {
    record(`uvu ${dir}`, false, `uvu did not report (exit ${r.status})`);
    return;
  }
  const t = +total[1] - (skipped ? +skipped[1] : 0);
  const p = +ok[1];
  passed += p;
  failed += t - p;
  if (t - p > 0) failures.push(`uvu ${dir}: ${t - p} failing test(s)`);
  if (r.status !== 0 && t === p) record(`uvu ${dir} exit code`, false, `exit ${r.status}`);
}

function normalizeOutputs(nb) {
  stripPlotImages(nb); // the export adds each plot's PNG to exports/*.ipynb; compare what the kernel sent
  return JSON.stringify(
    nb.cells.filter((c) => c.cell_type === "code").map((c) => c.outputs),
  )
    .replace(new RegExp(`${FORMAT.PLOT_ID_PREFIX}[0-9a-f]+`, "g"), `${FORMAT.PLOT_ID_PREFIX}ID`)
    .replace(/"execution":\{[^}]*\}/g, "");
}

async function main() {
  const t0 = Date.now();
  section("build and type-check");
  try {
    setup.buildLib();
    record("lib builds with tsc (declarations in lib/dist)", true);
  } catch (e) {
    record("lib builds with tsc", false, e.message);
    return;
  }
  const tc = setup.run(process.execPath, [path.join(ROOT, "node_modules/typescript/bin/tsc"), "-p", ROOT, "--noEmit"], { cwd: ROOT });
  record("tests and benchmarks type-check (tsc -p . --noEmit)", tc.status === 0, `${tc.stdout}${tc.stderr}`.trim());

  section("unit tests (uvu + ts-node)");
  uvu("tests", ["-i", "browser"]);
  if (args.has("--only-unit")) return;

  section("notebook hygiene (committed notebooks)");
  const notebooks = listNotebooks();
  record("notebooks/ holds at least one notebook", notebooks.length > 0);
  for (const f of notebooks) {
    const p = hygiene.problems(JSON.parse(fs.readFileSync(f, "utf8")));
    record(`${path.basename(f)} is clean (no outputs, execution_count null, kernel tslab)`, p.length === 0, p.join("; "));
  }

  section("execute and export every notebook through Jupyter (tslab kernel)");
  const outDir = path.join(ROOT, "exports");
  const exported = [];
  const exportAll = (r, executed) => exportNotebook(r, executed, outDir).then((e) => exported.push(e));
  let results;
  try {
    results = await runNotebooks(notebooks, { outDir, timeout: 120, afterEach: exportAll });
  } finally {
    await closeExports();
  }
  exportIndex(results, outDir, { title: "Worked notes", lede: require("../package.json").description });
  for (const r of results) record(`${r.name}.ipynb runs top to bottom (${r.cells} cells, ${r.seconds.toFixed(1)} s)`, r.status === "ok", r.status === "ok" ? "" : describeFailure(r));
  for (const e of exported) {
    const kinds = [...new Set(e.files.map((f) => f.kind))];
    const ok = e.problems.length === 0 && ["html", "md", "pdf", "ipynb"].every((k) => kinds.includes(k));
    record(`${e.name}: exported as html, md, pdf and ipynb in ${e.seconds.toFixed(1)} s with no export problem`, ok, [`formats: ${kinds.join(", ")}`, ...e.problems].join("\n"));
  }

  section("export fixture (maths, table, plots, slider, hidden solution) -> tests/.out/export");
  const fixtureOut = path.join(ROOT, "tests", ".out", "export");
  fs.rmSync(fixtureOut, { recursive: true, force: true });
  const fixtures = fs.readdirSync(path.join(ROOT, "tests", "fixtures", "export")).filter((f) => f.endsWith(".ipynb")).map((f) => path.join(ROOT, "tests", "fixtures", "export", f));
  const fixtureExports = [];
  let fixtureResults;
  try {
    fixtureResults = await runNotebooks(fixtures, {
      outDir: fixtureOut,
      timeout: 120,
      afterEach: (r, executed) => exportNotebook(r, executed, fixtureOut).then((e) => fixtureExports.push(e)),
    });
  } finally {
    await closeExports();
  }
  exportIndex(fixtureResults, fixtureOut, { title: "Export fixtures" });
  for (const r of fixtureResults) record(`fixture ${r.name}.ipynb runs`, r.status === "ok", r.status === "ok" ? "" : describeFailure(r));
  for (const e of fixtureExports) record(`fixture ${e.name}: exported in every format with no export problem`, e.problems.length === 0, e.problems.join("\n"));

  section("determinism: the same notebook twice gives the same outputs");
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mlekit-nb-"));
  const first = results.find((r) => r.status === "ok");
  if (first) {
    const again = await executeNotebook(first.file, path.join(tmp, "again.ipynb"), { python: setup.ensureJupyter(), env: setup.jupyterEnv() });
    const a = normalizeOutputs(JSON.parse(fs.readFileSync(first.executed, "utf8")));
    const b = again.status === "ok" ? normalizeOutputs(JSON.parse(fs.readFileSync(path.join(tmp, "again.ipynb"), "utf8"))) : "";
    record(`${first.name}.ipynb: a second run reproduces every output (ids and timings aside)`, a === b, a === b ? "" : "outputs differ");
  } else record("determinism check", false, "no notebook ran");

  section("broken fixtures must fail, naming the cell and the error");
  const broken = [
    { file: "tests/broken/type-error.ipynb", cell: 2, first: 'const n: number = "not a number";', message: /not assignable to type 'number'/ },
    { file: "tests/broken/failing-assertion.ipynb", cell: 3, first: "assert.equal(half + half, 3", message: /AssertionError|one half plus one half is not three/ },
  ];
  for (const b of broken) {
    const r = await executeNotebook(path.join(ROOT, b.file), path.join(tmp, path.basename(b.file)), { python: setup.ensureJupyter(), env: setup.jupyterEnv() });
    r.name = path.basename(b.file, ".ipynb");
    const report = r.error ? describeFailure(r) : "";
    const ok = r.status === "error" && r.error.cell === b.cell && r.error.firstLine.startsWith(b.first) && b.message.test(r.error.message);
    record(`${b.file} fails at cell ${b.cell} and the report names the cell, its first line and the error`, ok, ok ? "" : `got: ${JSON.stringify(r.error)}`);
    if (ok) console.log(`        report: ${report.split("\n").join("\n                ")}`);
  }
  fs.rmSync(tmp, { recursive: true, force: true });

  if (!args.has("--skip-browser")) {
    section("browser and front-end tests (Debian Chromium, poppler-utils, classic Jupyter Notebook)");
    setup.ensureCommands([["chromium", "chromium"], ["pdftoppm", "poppler-utils"]]);
    setup.ensureJupyter(["notebook"]);
    uvu("tests/browser");
  }
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main()
  .catch((err) => record("test runner", false, err && err.stack ? err.stack : String(err)))
  .finally(() => {
    if (failures.length) console.log(`\nFailures:\n- ${failures.join("\n- ")}`);
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
  });
