// Runs a notebook through the page's own runtime (the same cell rewrite and the same worker
// bundle the exported page uses) inside Node's V8, the kernel's: a worker thread stands in for
// the Web Worker (importScripts, postMessage, Blob URLs).
//  - Unperturbed, it must reproduce the kernel's outputs bit for bit: what the page runtime
//    adds (the rewrite, the bundle built from source, the shims, the printing) changes nothing.
//  - With `perturb`, every transcendental Math function of the context returns its result
//    moved by one ulp (up or down, from a seeded generator): a stand-in for another V8's
//    libm (Chromium's V8 and Node 20's differ in the last ulp of exp, log, pow, sin, … for
//    about one argument in ten). How far each number then moves is its sensitivity to the
//    last ulp, which bounds how far an honest page may differ from the kernel.
import { Worker } from "worker_threads";
import { cellsToScripts } from "../../scripts/export/live/page/transform";
import type { Output, WorkerCell } from "../../scripts/export/live/page/protocol";
import { text, type Notebook } from "../../scripts/nbformat";
import { KNOWN_KERNEL_DIFFERENCES, type KnownDifference } from "../../scripts/compare-outputs";

/** The transcendental functions whose last ulp differs between V8 versions. */
export const LIBM = [
  "exp",
  "expm1",
  "log",
  "log1p",
  "log2",
  "log10",
  "pow",
  "sin",
  "cos",
  "tan",
  "atan",
  "atan2",
  "asin",
  "acos",
  "sinh",
  "cosh",
  "tanh",
  "cbrt",
] as const;

/**
 * A script that makes the {@link LIBM} functions another libm, as a different V8 has: for one
 * argument in eight the result moves by one ulp, up or down, by a hash of the arguments and a
 * seed (Chromium 156's V8 and Node 20's differ for 3–17 % of arguments, depending on the
 * function, measured on 20,000 arguments each), so the function
 * stays a function (the same arguments give the same result). Exact cases stay exact, as in a
 * real libm: integer results, infinities, NaN, and logarithms of powers of two.
 * @param seed the seed of the hash
 */
export function perturbMath(seed: number): string {
  return `(() => {
  const seed = ${seed >>> 0};
  const f64 = new Float64Array(1), u32 = new Uint32Array(f64.buffer);
  const bits = (x) => { f64[0] = x; return (Math.imul(u32[0] ^ seed, 0x9e3779b1) ^ Math.imul(u32[1], 0x85ebca6b)) >>> 0; };
  const powerOfTwo = (x) => { f64[0] = x; return u32[0] === 0 && (u32[1] & 0xfffff) === 0; };
  const step = (r, h) => {
    if (Number.isInteger(r) || !Number.isFinite(r)) return r;
    h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d) >>> 0; h ^= h >>> 12;
    if ((h & 7) > 1) return r; // one argument in eight moves, as between Node 20's and Chromium's V8
    f64[0] = r;
    if ((h & 1) === 1) { if (u32[0] === 0xffffffff) { u32[0] = 0; u32[1]++; } else u32[0]++; }
    else { if (u32[0] === 0) { u32[0] = 0xffffffff; u32[1]--; } else u32[0]--; }
    return f64[0];
  };
  const logs = new Set(["log", "log2", "log10", "log1p"]);
  for (const f of ${JSON.stringify(LIBM)}) {
    const g = Math[f];
    Math[f] = g.length === 2
      ? function (x, y) { return step(g(x, y), bits(x) ^ Math.imul(bits(y), 31)); }
      : function (x) { const r = g(x); return logs.has(f) && powerOfTwo(f === "log1p" ? x + 1 : x) ? r : step(r, bits(x)); };
  }
})();`;
}

/** What a Node thread runs: the worker bundle in its own global scope, as a page's worker would. */
const THREAD = `
const { parentPort, workerData } = require("worker_threads");
const vm = require("vm");
const blobs = new Map(); let n = 0;
globalThis.Blob = class { constructor(parts) { this.parts = parts; } };
globalThis.URL.createObjectURL = (b) => { const u = "blob:node/" + (++n); blobs.set(u, b.parts.join("")); return u; };
globalThis.URL.revokeObjectURL = (u) => blobs.delete(u);
globalThis.importScripts = (u) => vm.runInThisContext(blobs.get(u) || "", { filename: u });
const outputs = [];
let ok = false;
globalThis.postMessage = (m) => { if (m.type === "cell") outputs[m.index] = JSON.parse(JSON.stringify(m.outputs)); if (m.type === "done") ok = m.ok; };
if (workerData.perturb) vm.runInThisContext(workerData.perturb);
vm.runInThisContext(workerData.worker, { filename: "worker.js" });
globalThis.onmessage({ data: { type: "run", cells: workerData.cells } });
parentPort.postMessage({ outputs, ok });
`;

/**
 * The outputs of every code cell, run by the page's runtime in a Node worker thread (a fresh
 * global scope, Node's V8, the kernel's).
 * @param workerSource the page's worker bundle (bundle.ts `worker`)
 * @param nb the notebook (its code cells are run)
 * @param perturb a seed: make Math another libm ({@link perturbMath})
 */
export function runInNode(
  workerSource: string,
  nb: Notebook,
  perturb?: number,
): Promise<{ outputs: (Output[] | null)[]; ok: boolean }> {
  const sources = nb.cells.filter((c) => c.cell_type === "code").map((c) => text(c.source));
  const cells: WorkerCell[] = cellsToScripts(sources).map((s, i) => ({
    index: i,
    source: sources[i],
    code: s.code,
    error: s.error,
  }));
  return new Promise((resolve, reject) => {
    const w = new Worker(THREAD, {
      eval: true,
      workerData: {
        worker: workerSource,
        cells,
        perturb: perturb === undefined ? undefined : perturbMath(perturb),
      },
    });
    w.once("message", (m: { outputs: (Output[] | null)[]; ok: boolean }) => {
      resolve({ outputs: cells.map((_, i) => m.outputs[i] ?? null), ok: m.ok });
      void w.terminate();
    });
    w.once("error", reject);
  });
}

// ---------------------------------------------------------------------------------------------
// Comparing a run with the kernel's executed notebook.

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?|NaN|Infinity/gi;

/** The relative tolerance of the issue: two V8s may differ in the last ulp, not more. */
export const REL = 1e-12;
/**
 * How many times its measured last-ulp sensitivity a number may differ by. A number that
 * another libm does not move (most of them) gets REL alone; an optimiser's result, which the
 * last ulp moves by up to its stopping tolerance, gets this many times the largest move seen
 * in three runs with another libm. The page's own difference is one more draw of the same
 * kind; measured here, it reached 11 times the largest of three (04's Nelder–Mead fit), so
 * 100 leaves room for the tail and still flags a number off by 1e-8 relative where another
 * libm moves it by 1e-12.
 */
export const SENSITIVITY_FACTOR = 100;

/** Agreement of a run with the kernel, number by number; `problems` lists every miss. */
export class Agreement {
  numbers = 0;
  identical = 0;
  /** Numbers that another libm moved by more than REL (their tolerance came from that move). */
  sensitive = 0;
  worst = 0;
  problems: string[] = [];
  /** The current cell's known difference between two V8s (its tolerance), if it has one. */
  known: KnownDifference | undefined = undefined;
  /**
   * @param a the kernel's number
   * @param b the run's
   * @param moved the kernel's number as runs with another libm gave it (its sensitivity)
   */
  num(a: number, b: number, where: string, moved: readonly unknown[] = []): void {
    this.numbers++;
    if (Object.is(a, b)) {
      this.identical++;
      return;
    }
    const scale = Math.max(Math.abs(a), Math.abs(b));
    const k = this.known;
    if (k && (scale < k.floor || Math.abs(a - b) <= k.rel * scale)) {
      this.sensitive++;
      return;
    }
    const shake = Math.max(
      0,
      ...moved.map((m) => (typeof m === "number" && Number.isFinite(m) ? Math.abs(m - a) : 0)),
    );
    const rel = Math.abs(a - b) / scale;
    if (shake > REL * scale) this.sensitive++;
    if (rel <= REL) this.worst = Math.max(this.worst, rel);
    else if (!(shake > 0 && Math.abs(a - b) <= SENSITIVITY_FACTOR * shake))
      this.problems.push(
        `${where}: kernel ${a}, page ${b}${shake ? ` (another libm moves it by ${shake.toExponential(1)})` : ""}`,
      );
  }
  text(a: string, b: string, where: string, moved: readonly unknown[] = []): void {
    // Numbers aside, the same words; a table's rule and padding follow its numbers' widths.
    const skel = (s: string) =>
      s.replace(NUMBER, "#").replace(/-{3,}/g, "---").replace(/\s+/g, " ");
    const sa = skel(a);
    const sb = skel(b);
    if (sa !== sb) {
      let i = 0;
      while (i < sa.length && sa[i] === sb[i]) i++;
      this.problems.push(
        `${where}: the words differ at "${sa.slice(Math.max(0, i - 40), i + 40)}" (kernel) vs "${sb.slice(Math.max(0, i - 40), i + 40)}" (page)`,
      );
      return;
    }
    const na = a.match(NUMBER) ?? [];
    const nb = b.match(NUMBER) ?? [];
    const nm = moved.map((m) =>
      typeof m === "string" && skel(m) === sa ? (m.match(NUMBER) ?? []) : [],
    );
    na.forEach((x, i) =>
      this.num(
        Number(x),
        Number(nb[i]),
        where,
        nm.map((m) => (m[i] === undefined ? undefined : Number(m[i]))),
      ),
    );
  }
  /** Walks kernel, page (and the runs with another libm, for tolerances) in step. */
  value(a: unknown, b: unknown, where: string, moved: readonly unknown[] = []): void {
    if (typeof a === "number" && typeof b === "number") return this.num(a, b, where, moved);
    if (typeof a === "string" && typeof b === "string") return this.text(a, b, where, moved);
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length)
        return void this.problems.push(`${where}: kernel ${a.length} items, page ${b.length}`);
      a.forEach((x, i) =>
        this.value(
          x,
          b[i],
          `${where}[${i}]`,
          moved.map((m) => (Array.isArray(m) && m.length === a.length ? m[i] : undefined)),
        ),
      );
      return;
    }
    if (a && b && typeof a === "object" && typeof b === "object") {
      const ka = Object.keys(a).sort();
      const kb = Object.keys(b).sort();
      if (ka.join() !== kb.join())
        return void this.problems.push(`${where}: kernel keys ${ka}, page keys ${kb}`);
      for (const k of ka) {
        const mk = moved.map((m) =>
          m && typeof m === "object" ? (m as Record<string, unknown>)[k] : undefined,
        );
        this.value(
          (a as Record<string, unknown>)[k],
          (b as Record<string, unknown>)[k],
          `${where}.${k}`,
          mk,
        );
      }
      return;
    }
    if (!Object.is(a, b))
      this.problems.push(`${where}: kernel ${JSON.stringify(a)}, page ${JSON.stringify(b)}`);
  }
}

type AnyOutput = {
  output_type: string;
  name?: string;
  text?: string | string[];
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
};

/** A cell's outputs in comparable form: streams merged by name in order, displays by MIME type. */
export function comparable(outs: readonly AnyOutput[]): { kind: string; value: unknown }[] {
  const list: { kind: string; value: unknown }[] = [];
  for (const o of outs) {
    if (o.output_type === "stream") {
      const last = list[list.length - 1];
      if (last && last.kind === `stream:${o.name}`)
        last.value = String(last.value) + text(o.text ?? "");
      else list.push({ kind: `stream:${o.name}`, value: text(o.text ?? "") });
    } else if (o.output_type === "error")
      list.push({ kind: "error", value: `${o.ename}: ${o.evalue}` });
    else {
      const d = o.data ?? {};
      const keep: Record<string, unknown> = {};
      if (d["application/vnd.plotly.v1+json"]) keep.plotly = d["application/vnd.plotly.v1+json"];
      else
        for (const m of ["text/plain", "text/markdown", "text/html", "text/latex"])
          if (d[m] !== undefined) keep[m] = text(d[m] as string);
      const live = d["application/vnd.mlekit.live-slider.v1+json"] as
        Record<string, unknown> | undefined;
      if (live) {
        // The frame's source differs by compiler (tslab's TypeScript, the page's sucrase); the rest must not.
        const { frame: _f, ...spec } = live;
        keep.liveSlider = spec;
      }
      list.push({ kind: "display", value: keep });
    }
  }
  return list;
}

/**
 * Compares a run's outputs, cell by cell, with the kernel's executed notebook; `moved` (runs
 * with another libm, see {@link runInNode}) give each number its last-ulp sensitivity.
 */
export function compareRun(
  nb: Notebook,
  outputs: readonly (readonly AnyOutput[] | null)[],
  agree: Agreement,
  moved: readonly (readonly (readonly AnyOutput[] | null)[])[] = [],
  name?: string,
): void {
  const code = nb.cells.filter((c) => c.cell_type === "code");
  if (outputs.length !== code.length) {
    agree.problems.push(`${code.length} code cells in the notebook, ${outputs.length} in the run`);
    return;
  }
  code.forEach((c, i) => {
    const kernel = comparable(c.cell_type === "code" ? (c.outputs as AnyOutput[]) : []);
    const page = comparable(outputs[i] ?? []);
    const shaken = moved.map((m) => comparable(m[i] ?? []));
    const where = `cell ${i + 1}`;
    // Another V8 than the kernel's: the cells listed with their reason in scripts/compare-outputs.ts
    // (Deno's V8 measured them) keep their own tolerance here too. Unset for a run in Node's V8.
    agree.known = name
      ? KNOWN_KERNEL_DIFFERENCES.find((k) => k.notebook === name && k.cell === i + 1)
      : undefined;
    if (kernel.map((o) => o.kind).join() !== page.map((o) => o.kind).join()) {
      agree.problems.push(
        `${where}: kernel outputs [${kernel.map((o) => o.kind)}], run [${page.map((o) => o.kind)}]`,
      );
      return;
    }
    kernel.forEach((k, j) =>
      agree.value(
        k.value,
        page[j].value,
        `${where} output ${j + 1}`,
        shaken.map((sh) => sh[j]?.value),
      ),
    );
  });
}
