#!/usr/bin/env node
// `npm run test:cpu`: runs `npm test` (with any options after `--`) and says where its CPU went.
// Every 0.5 s it reads /proc: each process below the run, its own user + system time (children
// it reaped excluded, so nothing counts twice) and the command lines of its ancestors. At the end
// it charges each process to the stage of `scripts/test.ts` that started it (the uvu run of a
// browser-test pattern, an nbclient run and the kernel below it, Deno, the second Node, …) and
// prints a Markdown table: CPU-seconds per stage, its share, and the run's wall time and average
// cores in use. The test's own output goes to test-cpu.log in the OS temp folder; its exit status
// is this script's.
//
//   npm run test:cpu -- [npm test options]     e.g. npm run test:cpu -- --skip-deno
//
// Linux only (/proc). A process that starts and ends between two samples is missed; the run's
// short-lived ones (git, pdftotext) add up to well under 1 % here. Measure on a quiet machine:
// CPU-seconds move less than wall time with load, but not nothing (caches, frequency).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn } from "child_process";
import { ROOT } from "./setup";

const TICK = 100; // USER_HZ: clock ticks per second in /proc/<pid>/stat on Linux

interface Proc {
  ppid: number;
  cpu: number;
}

/** Every process's parent and own CPU-seconds (utime + stime), from /proc. */
function snapshot(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const s = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
      out.set(Number(d), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / TICK });
    } catch {
      // the process ended between readdir and read
    }
  }
  return out;
}

function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

/**
 * The stage a process belongs to: what the child of `scripts/test.ts` it descends from (the last
 * of `chain`, its ancestors' command lines, nearest first) does. An nbclient run is named by the
 * folder it writes; Deno's notebooks by theirs.
 */
export function stageOf(chain: string[]): string {
  const top = chain[chain.length - 1] ?? "";
  const nb = /execute_notebook\.py \S+ (\S+)/.exec(top);
  if (nb) {
    const out = nb[1];
    if (/\/deno\//.test(out)) return "Deno: notebooks";
    if (/fixture|foreign|broken/.test(out)) return "notes: fixtures (export, broken)";
    return /\/zh\//.test(out)
      ? "notes: Chinese (nbclient + tslab)"
      : "notes: English (nbclient + tslab)";
  }
  // The second Node's npm renames its process "npm test --only-unit …" / "npm run export …".
  if (/mlekit-node\/|--only-unit|^npm run export /.test(top))
    return /run export /.test(top) ? "second Node: one export" : "second Node: unit tests";
  if (/deno\S*\s+check/.test(top)) return "Deno: deno check";
  const uvu = /uvu\/bin\.js \S+ \S+ (\S+) (\S+)/.exec(top);
  if (uvu) {
    const [, dir, pattern] = uvu;
    if (/jupyter\(lab/.test(pattern)) return "front ends: JupyterLab 4, Notebook 7";
    if (/own-jupyterlab/.test(pattern)) return "the student's own JupyterLab";
    if (/readers|live-notes|offline-html/.test(pattern)) return "browser checks on the exports";
    if (dir === "tests") return "unit tests";
    return `uvu ${dir} ${pattern}`;
  }
  if (/typescript\/bin\/tsc .*--noEmit/.test(top)) return "type-check";
  if (/build-lib|build-wasm|typescript\/bin\/tsc|esbuild|clang/.test(top)) return "build";
  if (/prettier/.test(top)) return "Prettier";
  if (/pip install|-m venv/.test(top)) return "set-up (pip, venv)";
  if (/chromium/.test(top)) return "Chromium of the export (PDF, PNG)";
  return chain.length === 0 ? "scripts/test.ts itself" : `other: ${top.slice(0, 60)}`;
}

async function main(): Promise<void> {
  const log = path.join(os.tmpdir(), "test-cpu.log");
  const out = fs.openSync(log, "w");
  const t0 = Date.now();
  const child = spawn(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      path.join(ROOT, "scripts", "test.ts"),
      ...process.argv.slice(2),
    ],
    { cwd: ROOT, stdio: ["ignore", out, out] },
  );
  const root = child.pid!;
  const seen = new Map<number, { cpu: number; chain: string[] }>();
  const chains = new Map<number, string[]>();
  let done = false;
  const ended = new Promise<number>((resolve) =>
    child.on("close", (code) => {
      done = true;
      resolve(code ?? 1);
    }),
  );
  while (!done) {
    const procs = snapshot();
    for (const [pid, p] of procs) {
      let chain = chains.get(pid);
      if (!chain) {
        const ancestors: number[] = [];
        let q: number | undefined = pid;
        while (q && q !== root && procs.has(q)) {
          ancestors.push(q);
          q = procs.get(q)!.ppid;
        }
        if (q !== root) continue; // not below the run
        chain = ancestors.map(commandLine);
        chains.set(pid, chain);
      }
      seen.set(pid, { cpu: p.cpu, chain });
    }
    const own = procs.get(root);
    if (own) seen.set(root, { cpu: own.cpu, chain: [] });
    await new Promise((r) => setTimeout(r, 500));
  }
  const status = await ended;
  const wall = (Date.now() - t0) / 1000;
  const byStage = new Map<string, number>();
  for (const { cpu, chain } of seen.values()) {
    const stage = stageOf(chain);
    byStage.set(stage, (byStage.get(stage) ?? 0) + cpu);
  }
  const total = [...byStage.values()].reduce((a, b) => a + b, 0);
  const tail = fs.readFileSync(log, "utf8").trim().split("\n").slice(-1)[0];
  console.log(`npm test: ${tail} (log: ${log})`);
  console.log(
    `wall ${wall.toFixed(0)} s, CPU ${total.toFixed(0)} s = ${(total / wall).toFixed(2)} of ${os.cpus().length} cores on average; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}\n`,
  );
  console.log("| stage | CPU s | share |\n| --- | ---: | ---: |");
  for (const [stage, cpu] of [...byStage].sort((a, b) => b[1] - a[1]))
    console.log(`| ${stage} | ${cpu.toFixed(0)} | ${((100 * cpu) / total).toFixed(0)} % |`);
  process.exitCode = status;
}

if (require.main === module) void main();
