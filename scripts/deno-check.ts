#!/usr/bin/env node
// Type-checks notebooks with `deno check`: Deno's kernel runs cells without checking their types
// (tslab checks each cell with its TypeScript 5.0), so the cells of each notebook are joined into
// one module, in order, as the kernel sees them, and checked with Deno's TypeScript.
//   node -r ts-node/register/transpile-only scripts/deno-check.ts [notebooks...]
// Called by `npm test`; prints each error as `<notebook> cell N, line L: TSxxxx ...`.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { denoBinary, run, ROOT } from "./setup";
import { listNotebooks } from "./notebooks";
import { parseNotebook, text as joinText, type Notebook } from "./nbformat";

/**
 * Where the joined files go (gitignored): inside the repo, so `import ... from "mlekit"` resolves
 * through its node_modules, and not under node_modules, where Deno treats files as package code
 * and reports none of their type errors.
 */
export const CHECK_DIR = path.join(ROOT, ".deno-check");

/** A notebook's code cells joined into one module, and where each of its lines came from. */
export interface JoinedCells {
  source: string;
  /** For each line of `source` (0-based), the code cell (1-based) and its line (1-based); 0 for a separator. */
  origin: { cell: number; line: number }[];
}

/**
 * The code cells of `nb` joined into one TypeScript module, in order, each after a comment
 * line naming it; a cell's IPython magics are none here (tslab has none), so the text is kept as is.
 * @example joinCells({ cells: [{ cell_type: "code", source: "const a = 1;" }] }).source // => "// cell 1\nconst a = 1;\n"
 */
export function joinCells(nb: Pick<Notebook, "cells">): JoinedCells {
  const lines: string[] = [];
  const origin: JoinedCells["origin"] = [];
  let n = 0;
  for (const c of nb.cells) {
    if (c.cell_type !== "code") continue;
    n++;
    lines.push(`// cell ${n}`);
    origin.push({ cell: n, line: 0 });
    joinText(c.source)
      .replace(/\n$/, "")
      .split("\n")
      .forEach((l, i) => {
        lines.push(l);
        origin.push({ cell: n, line: i + 1 });
      });
  }
  return { source: lines.join("\n") + "\n", origin };
}

/** One notebook's check. */
export interface NotebookCheck {
  /** The notebook's file name without `.ipynb`. */
  name: string;
  /** The joined module that was checked. */
  file: string;
  /** Each error, located by cell and line: `cell 3, line 2: TS2322 [ERROR]: ...`. */
  errors: string[];
}

/** What {@link denoCheck} returns. */
export interface DenoCheckRun {
  checks: NotebookCheck[];
  seconds: number;
  /** deno's exit code; nonzero with no error located means deno itself failed (see `output`). */
  status: number | null;
  output: string;
}

/** The joined modules of `notebooks`, written into `dir`. */
function writeJoined(notebooks: readonly string[], dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  return notebooks.map((f) => {
    const name = path.basename(f, ".ipynb");
    const j = joinCells(parseNotebook(fs.readFileSync(f, "utf8"), f));
    const file = path.join(dir, `${name}.ts`);
    fs.writeFileSync(file, j.source);
    return { name, file, origin: j.origin };
  });
}

/**
 * The command line of the check. `--sloppy-imports`: the packages' CommonJS declarations import
 * `./information` with no extension, as Node resolves it; without it Deno finds none of their
 * exports.
 */
function checkArgs(files: readonly string[]): string[] {
  return ["check", "--quiet", "--sloppy-imports", ...files];
}
const checkEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NO_COLOR: "1",
  DENO_NO_UPDATE_CHECK: "1",
});

/** deno's output as one check per notebook, each error located by cell and line. */
function located(joined: ReturnType<typeof writeJoined>, output: string): NotebookCheck[] {
  // Each diagnostic: "TS7053 [ERROR]: message ..." then "    at file:///…/name.ts:LINE:COL".
  const blocks = output.split(/\n(?=TS\d+ \[ERROR\]|error: )/);
  const checks: NotebookCheck[] = joined.map((j) => ({ name: j.name, file: j.file, errors: [] }));
  for (const block of blocks) {
    const at = /at (file:\/\/\S+?):(\d+):(\d+)/.exec(block);
    if (!at) continue;
    const file = decodeURIComponent(new URL(at[1]).pathname);
    const k = joined.findIndex((j) => path.resolve(j.file) === path.resolve(file));
    if (k < 0) continue;
    const o = joined[k].origin[Number(at[2]) - 1] ?? { cell: 0, line: 0 };
    checks[k].errors.push(`cell ${o.cell}, line ${o.line}: ${block.trim().split("\n")[0]}`);
  }
  return checks;
}

/**
 * Type-checks each notebook's cells, joined ({@link joinCells}), with one `deno check` run.
 * @param notebooks paths of .ipynb files
 * @param dir where the joined modules are written (default {@link CHECK_DIR}; it must lie
 *   under the repo, so that the packages resolve)
 * @returns one check per notebook, in order
 */
export function denoCheck(notebooks: readonly string[], dir: string = CHECK_DIR): DenoCheckRun {
  const t0 = Date.now();
  const joined = writeJoined(notebooks, dir);
  const r = run(denoBinary(), checkArgs(joined.map((j) => j.file)), {
    cwd: ROOT,
    env: checkEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  return {
    checks: located(joined, output),
    seconds: (Date.now() - t0) / 1000,
    status: r.status,
    output,
  };
}

/** {@link denoCheck} without blocking the event loop (npm test runs it beside other stages). */
export function denoCheckAsync(
  notebooks: readonly string[],
  dir: string = CHECK_DIR,
): Promise<DenoCheckRun> {
  const t0 = Date.now();
  const joined = writeJoined(notebooks, dir);
  return new Promise((resolve) => {
    const child = spawn(denoBinary(), checkArgs(joined.map((j) => j.file)), {
      cwd: ROOT,
      env: checkEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (e) =>
      resolve({
        checks: located(joined, ""),
        seconds: (Date.now() - t0) / 1000,
        status: 1,
        output: String(e),
      }),
    );
    child.on("close", (status) =>
      resolve({
        checks: located(joined, output),
        seconds: (Date.now() - t0) / 1000,
        status,
        output,
      }),
    );
  });
}

if (require.main === module) {
  const res = denoCheck(listNotebooks(process.argv.slice(2)));
  for (const c of res.checks)
    console.log(
      `${c.name}: ${c.errors.length === 0 ? "ok" : `${c.errors.length} error(s)\n  ${c.errors.join("\n  ")}`}`,
    );
  const located = res.checks.some((c) => c.errors.length > 0);
  if (res.status !== 0 && !located) console.log(res.output.trim());
  console.log(`(deno check, ${res.seconds.toFixed(1)} s)`);
  process.exitCode = res.status === 0 ? 0 : 1;
}
