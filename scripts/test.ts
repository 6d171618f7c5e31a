#!/usr/bin/env node
// @ts-nocheck
// `npm test`: every check the project has, in one run, ending with one plain line
// `N passed, N failed`. Everything it writes goes to a temporary folder: a user's exports/
// is never read or overwritten.
//  1. build the library; type-check tests and benchmarks
//  2. unit tests (uvu under ts-node), one test file per lib file
//  3. notebook hygiene on the committed notebooks (scripts/clean-notebooks.js)
//  4. at the same time, each notebook is executed ONCE per front end:
//     a. through nbclient (the project's .venv and tslab kernel), exported in every format;
//        then the export fixture and the broken fixtures, which must fail naming the cell;
//     b. in JupyterLab 4 and Notebook 7 driven by Chromium (tests/browser/jupyter*.test.ts),
//        which keep the notebooks as saved after Run All;
//  5. determinism: the nbclient run and the JupyterLab run of every notebook give the same
//     outputs (with --skip-browser: a second nbclient run of the first notebook);
//  6. the browser tests on the fresh exports: offline HTML with the network blocked, index
//     links, Markdown images and headings, executed-notebook PNGs, PDF page 1 via pdftoppm.
// Options: --skip-browser, --only-unit (for quick local loops).
"use strict";
const fs = require("fs");
const os = require("os");
const { spawn } = require("child_process");
const path = require("path");
const setup = require("./setup");
const hygiene = require("./clean-notebooks");
const { listNotebooks, executeNotebook, describeFailure } = require("./notebooks");
// The exporter and the kit's format names load from the built kit: required after the build
// (a fresh clone has no notebooks/kit/dist yet).
let FORMAT, runNotebooks, exportNotebook, exportIndex, closeExports, stripPlotImages;
function loadBuilt() {
  FORMAT = require("notebook-kit/dist/format");
  ({ runNotebooks } = require("./notebooks"));
  ({ exportNotebook, exportIndex, closeExports } = require("./export"));
  ({ stripPlotImages } = require("./export/ipynb"));
}

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

/** Records uvu's counts from its report; uvu's own report stays visible. */
function recordUvu(label, out, status) {
  process.stdout.write(out.split("\n").filter((l) => !/^\s*$/.test(l)).slice(-60).join("\n") + "\n");
  const total = /Total:\s+(\d+)/.exec(out);
  const ok = /Passed:\s+(\d+)/.exec(out);
  const skipped = /Skipped:\s+(\d+)/.exec(out);
  if (!total) {
    record(`uvu ${label}`, false, `uvu did not report (exit ${status})`);
    return;
  }
  const t = +total[1] - (skipped ? +skipped[1] : 0);
  const p = +ok[1];
  passed += p;
  failed += t - p;
  if (t - p > 0) failures.push(`uvu ${label}: ${t - p} failing test(s)`);
  if (status !== 0 && t === p) record(`uvu ${label} exit code`, false, `exit ${status}`);
}

function uvuArgs(dir, pattern, extra) {
  return [path.join(ROOT, "node_modules", "uvu", "bin.js"), "-r", "ts-node/register/transpile-only", dir, pattern, ...extra];
}
const uvuEnv = (env = {}) => ({ ...process.env, TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"), FORCE_COLOR: "0", ...env });

/** Runs uvu on a folder (files matching `pattern`) and records its counts. */
function uvu(dir, extra = [], pattern = "\\.test\\.ts$", env = {}) {
  const r = setup.run(process.execPath, uvuArgs(dir, pattern, extra), { cwd: ROOT, env: uvuEnv(env), maxBuffer: 64 * 1024 * 1024 });
  recordUvu(dir, `${r.stdout}${r.stderr}`, r.status);
}

/** Starts uvu in the background; resolves `{ out, status }` when it ends (nothing recorded yet). */
function uvuAsync(dir, pattern, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, uvuArgs(dir, pattern, []), { cwd: ROOT, env: uvuEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ out, status }));
    child.on("error", (e) => resolve({ out: String(e), status: 1 }));
  });
}

const joinText = (t) => (Array.isArray(t) ? t.join("") : String(t ?? ""));
/** Text without ANSI colour codes (a kernel colours console.log output when its environment asks). */
// eslint-disable-next-line no-control-regex
const noAnsi = (t) => t.replace(/\u001b\[[0-9;]*m/g, "");

/**
 * What the kernel computed, comparable between two runs and two front ends: per code cell,
 * streams (consecutive ones merged, as JupyterLab shows them; colour codes dropped), text/plain, text/markdown and
 * the plot's traces. HTML (which differs by front end: plotly.js embedded or shared), images a
 * renderer or the export adds, ids and timings are left out.
 */
function comparableOutputs(nb) {
  stripPlotImages(nb);
  return nb.cells
    .filter((c) => c.cell_type === "code")
    .map((c) => {
      const outs = [];
      for (const o of c.outputs || []) {
        if (o.output_type === "stream") {
          const last = outs[outs.length - 1];
          if (last && last.stream === o.name) last.text += noAnsi(joinText(o.text));
          else outs.push({ stream: o.name, text: noAnsi(joinText(o.text)) });
        } else if (o.output_type === "error") outs.push({ error: `${o.ename}: ${o.evalue}` });
        else {
          const d = o.data || {};
          const plot = d[FORMAT.PLOTLY_MIME];
          outs.push({
            plain: noAnsi(joinText(d["text/plain"])),
            markdown: d["text/markdown"] === undefined ? undefined : joinText(d["text/markdown"]),
            traces: plot ? JSON.stringify(plot.data) : undefined,
          });
        }
      }
      return outs;
    });
}

/** The first cell whose outputs differ, for the failure message. */
function firstDifferentCell(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return `code cell ${i + 1}: ${JSON.stringify(a[i]).slice(0, 200)} vs ${JSON.stringify(b[i]).slice(0, 200)}`;
  }
  return "";
}

async function main() {
  const t0 = Date.now();
  const skipBrowser = args.has("--skip-browser");
  section("build and type-check");
  try {
    setup.buildLib();
    loadBuilt();
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

  section("notebook hygiene (committed notebooks; fix with: node scripts/clean-notebooks.js)");
  const notebooks = listNotebooks();
  record("notebooks/ holds at least one notebook", notebooks.length > 0);
  for (const f of notebooks) {
    const text = fs.readFileSync(f, "utf8");
    const p = hygiene.problems(JSON.parse(text), text);
    record(`${path.basename(f)} is clean (no outputs, execution_count null, kernel metadata as saved by JupyterLab)`, p.length === 0, p.join("; "));
  }

  // Everything below writes into one temporary folder, never into exports/.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mlekit-test-"));
  const outDir = path.join(tmp, "exports");
  const fixtureOut = path.join(tmp, "export-fixture");
  const frontendOut = path.join(tmp, "frontend");
  const screens = path.join(tmp, "screens");
  const python = setup.ensureJupyter();
  let frontends;
  if (!skipBrowser) {
    setup.ensureCommands([["chromium", "chromium"], ["pdftoppm", "poppler-utils"]]);
    // The front ends run their own kernels meanwhile: JupyterLab 4 and Notebook 7.
    frontends = uvuAsync("tests/browser", "jupyter(lab|-frontends)\\.test\\.ts$", { MLEKIT_FRONTEND_OUT: frontendOut, MLEKIT_SCREENS: screens });
  }

  section("execute (nbclient, once per notebook) and export every notebook");
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

  section("export fixture (maths, table, plots, slider, hidden solution)");
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

  section("broken fixtures must fail, naming the cell and the error");
  const broken = [
    { file: "tests/broken/type-error.ipynb", cell: 2, first: 'const n: number = "not a number";', message: /not assignable to type 'number'/ },
    { file: "tests/broken/failing-assertion.ipynb", cell: 3, first: "assert.equal(half + half, 3", message: /AssertionError|one half plus one half is not three/ },
  ];
  for (const b of broken) {
    const r = await executeNotebook(path.join(ROOT, b.file), path.join(tmp, "broken", path.basename(b.file)), { python, env: setup.jupyterEnv() });
    r.name = path.basename(b.file, ".ipynb");
    const report = r.error ? describeFailure(r) : "";
    const ok = r.status === "error" && r.error.cell === b.cell && r.error.firstLine.startsWith(b.first) && b.message.test(r.error.message);
    record(`${b.file} fails at cell ${b.cell} and the report names the cell, its first line and the error`, ok, ok ? "" : `got: ${JSON.stringify(r.error)}`);
    if (ok) console.log(`        report: ${report.split("\n").join("\n                ")}`);
  }

  if (frontends) {
    section("front ends: JupyterLab 4 (every notebook) and Notebook 7, driven by Chromium");
    const fe = await frontends;
    recordUvu("tests/browser/jupyter*.test.ts", fe.out, fe.status);
  }

  section("determinism: two runs of each notebook give the same outputs (ids, timings and HTML aside)");
  const ran = results.filter((r) => r.status === "ok");
  const pairs = ran.filter((r) => fs.existsSync(path.join(frontendOut, `${r.name}.ipynb`)));
  if (pairs.length > 0) {
    for (const r of pairs) {
      const a = comparableOutputs(JSON.parse(fs.readFileSync(r.executed, "utf8")));
      const b = comparableOutputs(JSON.parse(fs.readFileSync(path.join(frontendOut, `${r.name}.ipynb`), "utf8")));
      const same = JSON.stringify(a) === JSON.stringify(b);
      record(`${r.name}.ipynb: the JupyterLab run reproduces every output of the nbclient run`, same, same ? "" : firstDifferentCell(a, b));
    }
  } else if (ran.length > 0) {
    const first = ran[0];
    const againFile = path.join(tmp, "again", `${first.name}.ipynb`);
    const again = await executeNotebook(first.file, againFile, { python, env: setup.jupyterEnv() });
    const a = comparableOutputs(JSON.parse(fs.readFileSync(first.executed, "utf8")));
    const b = again.status === "ok" ? comparableOutputs(JSON.parse(fs.readFileSync(againFile, "utf8"))) : [];
    const same = JSON.stringify(a) === JSON.stringify(b);
    record(`${first.name}.ipynb: a second run reproduces every output`, same, same ? "" : firstDifferentCell(a, b));
  } else record("determinism check", false, "no notebook ran");

  if (!skipBrowser) {
    section("browser tests on the fresh exports (Debian Chromium, poppler-utils)");
    uvu("tests/browser", [], "(offline-html|index-page|static-exports|pdf)\\.test\\.ts$", {
      MLEKIT_EXPORT_DIRS: [outDir, fixtureOut].join(path.delimiter),
      MLEKIT_SCREENS: screens,
    });
    console.log(`\nscreenshots: ${screens}`);
  }
  // Keep the screenshots; the rest of the temporary folder goes.
  for (const f of fs.readdirSync(tmp)) if (f !== "screens") fs.rmSync(path.join(tmp, f), { recursive: true, force: true });
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main()
  .catch((err) => record("test runner", false, err && err.stack ? err.stack : String(err)))
  .finally(() => {
    if (failures.length) console.log(`\nFailures:\n- ${failures.join("\n- ")}`);
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
  });
