// Benchmark of the SIMD issue (WebAssembly SIMD kernels, lib/src/simd/): klDivergence, entropy,
// crossEntropy and logSumExp at n = 1e6 for
//   SIMD           the public functions as wired (lib/src/simd/passes.ts): the kernels, input
//                  copied in 32 KB chunks
//   mlekit JS      the same functions with the kernels switched off (setSimdDisabled): the JS
//                  path of an engine without WebAssembly SIMD, and of short inputs; the same
//                  terms summed in the same order as SIMD, each log/exp within an ulp of the
//                  kernels' (results agree to ~1e-16, see lib/wasm/README.md). Its loops are the pre-SIMD ones, summed in lane
//                  order (phase 1 measured that order at 0.9-1.1x the index-order loops' time)
//   TF.js cpu      @tensorflow/tfjs-backend-cpu (float32, pure JS)
//   TF.js wasm     @tensorflow/tfjs-backend-wasm (float32, WebAssembly SIMD, one thread),
//                  loaded from node_modules (setWasmPaths on its dist/ folder: no network)
//   numpy AVX-512  bench/numpy_simd.py (out= buffers, so no page faults are timed)
//   numpy AVX2     the same with NPY_DISABLE_CPU_FEATURES="X86_V4 AVX512_ICL AVX512_SPR"
//   scipy          stats.entropy(p, q), stats.entropy(p), -xlogy(p, q).sum(), logsumexp(x)
// all in one run: ROUNDS rounds of (numpy AVX-512, numpy AVX2, TF.js, the JS contenders taking
// turns in rotating order); medians over every repetition of every round, with the spread
// (min–max of the per-round medians). Then the break-even n of each kernel, the module's size
// and compile time, the browser-bundle sizes, and a headless Chromium run of the same kernels.
// The machine is shared with other jobs: figures move; ratios are taken side by side.
//
//   npm run build && node -r ts-node/register/transpile-only bench/simd.ts
//   (also part of `npm run bench`; BENCH_ROUNDS, BENCH_REPS, SIMD_BENCH_BROWSER=0 to skip Chromium,
//   BENCH_CLOCK=cpu to time every Node and Python contender by its process's CPU time instead of
//   the wall clock: on a loaded machine the wall clock also counts the time other jobs run)
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { buildSync } from "esbuild";
import { crossEntropy, entropy, klDivergence, logSumExp } from "../lib/src/information";
import { decodeBase64, kernels, setSimdDisabled } from "../lib/src/simd/instance";
import { KERNELS_BASE64 } from "../lib/src/simd/module";
import { breakEvenLengths, PASS, setBreakEven } from "../lib/src/simd/passes";
import { distribution, normals } from "./simd-inputs";

const ROOT = path.resolve(__dirname, "..");
const N = 1e6;
type Op = "klDivergence" | "entropy" | "crossEntropy" | "logSumExp";
const OPS: Op[] = ["klDivergence", "entropy", "crossEntropy", "logSumExp"];
type Vec = Float64Array | number[];
let sink = 0;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (ms: number | undefined): string =>
  ms === undefined ? "—" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);

const CPU_CLOCK = process.env.BENCH_CLOCK === "cpu";
/** ms now: process CPU time (user + system, µs resolution) with BENCH_CLOCK=cpu, else wall time */
const now = (): number => {
  if (!CPU_CLOCK) return Number(process.hrtime.bigint()) / 1e6;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e3;
};

/** Each contender once per repetition, rotating the order; raw ms samples per contender. */
function race(fns: (() => number)[], reps: number): number[][] {
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (k + r) % fns.length;
      const t0 = now();
      sink += fns[j]();
      samples[j].push(now() - t0);
    }
  }
  return samples;
}

function printTable(header: string[], rows: string[][], left: number[] = [0]): void {
  const w = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (c: string[]): string =>
    "| " +
    c.map((x, j) => (left.includes(j) ? x.padEnd(w[j]) : x.padStart(w[j]))).join(" | ") +
    " |";
  console.log(line(header));
  console.log("|" + w.map((x) => "-".repeat(x + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
}

// ------------------------------------------------------------------ numpy / scipy
type PyOut = {
  versions: Record<string, string>;
  features: string[];
  results: Record<Op, { numpy: number[]; scipy: number[] }>;
};
const AVX2_ENV = "X86_V4 AVX512_ICL AVX512_SPR";
function runPython(reps: number, avx2: boolean): PyOut | string {
  const env = { ...process.env, ...(avx2 ? { NPY_DISABLE_CPU_FEATURES: AVX2_ENV } : {}) };
  const args = [path.join(__dirname, "numpy_simd.py"), String(N), String(reps)];
  const r = spawnSync("python3", CPU_CLOCK ? [...args, "cpu"] : args, {
    encoding: "utf8",
    env,
    maxBuffer: 1 << 22,
  });
  if (r.error) return `python3 not available (${r.error.message})`;
  if (r.status !== 0) return `python3 failed: ${r.stderr.trim().split("\n").pop()}`;
  const out = JSON.parse(r.stdout);
  return out.skipped ? String(out.skipped) : (out as PyOut);
}

// ------------------------------------------------------------------ TF.js
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tf = any;
async function loadTf(): Promise<{ tf: Tf; backends: string[] } | string> {
  try {
    const tf = require("@tensorflow/tfjs-core");
    require("@tensorflow/tfjs-backend-cpu");
    const wasm = require("@tensorflow/tfjs-backend-wasm");
    wasm.setWasmPaths(
      path.join(
        path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")),
        "dist",
      ) + path.sep,
    );
    tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
    const backends = ["cpu"];
    if (await tf.setBackend("wasm")) backends.push("wasm");
    return { tf, backends };
  } catch (e) {
    return `TF.js unavailable (${(e as Error).message})`;
  }
}

// ------------------------------------------------------------------ break-even
/** Per op, the ms per call of the kernels and of the JS path at small n, and the break-even. */
function breakEven(): { rows: string[][]; found: Record<Op, number> } {
  const sizes = [8, 16, 24, 32, 48, 64, 96, 128, 192, 256, 512, 1024];
  const saved = breakEvenLengths();
  const rows: string[][] = [];
  const found = {} as Record<Op, number>;
  setBreakEven(1);
  try {
    for (const op of OPS) {
      let be = Infinity;
      const ratios: string[] = [];
      for (const n of sizes) {
        const p = distribution(n, 3);
        const q = distribution(n, 5);
        const x = normals(n, 9);
        const f: () => number =
          op === "klDivergence"
            ? () => klDivergence(p, q)
            : op === "entropy"
              ? () => entropy(p)
              : op === "crossEntropy"
                ? () => crossEntropy(p, q)
                : () => logSumExp(x);
        const inner = Math.max(20, Math.round(20000 / n));
        const batch = (g: () => number) => () => {
          let s = 0;
          for (let i = 0; i < inner; i++) s += g();
          return s;
        };
        const simd = batch(() => (setSimdDisabled(false), f()));
        const js = batch(() => {
          setSimdDisabled(true);
          const v = f();
          setSimdDisabled(false);
          return v;
        });
        const [ts, tj] = race([simd, js], 31).map(median);
        const r = tj / ts;
        ratios.push(`${r.toFixed(2)}×`);
        if (r >= 1 && be === Infinity) be = n;
        if (r < 1) be = Infinity;
      }
      found[op] = be;
      rows.push([op, ...ratios, be === Infinity ? "> 1024" : String(be), String(saved[op])]);
    }
  } finally {
    setBreakEven(saved);
    setSimdDisabled(false);
  }
  return { rows: rows.map((r) => r), found };
}

// ------------------------------------------------------------------ bundles
function bundleSize(contents: string): { min: number; gz: number; noKernels: number } {
  const r = buildSync({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  const code = r.outputFiles[0].text;
  const gz = (t: string): number => zlib.gzipSync(t, { level: 9 }).length;
  return { min: code.length, gz: gz(code), noKernels: gz(code.replace(KERNELS_BASE64, "")) };
}

// ------------------------------------------------------------------ Chromium
async function chromiumRun(reps: number): Promise<string> {
  if (process.env.SIMD_BENCH_BROWSER === "0") return "skipped (SIMD_BENCH_BROWSER=0)";
  if (!fs.existsSync("/usr/bin/chromium")) return "skipped: /usr/bin/chromium not found";
  const code = buildSync({
    entryPoints: [path.join(__dirname, "simd-browser.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    minify: true,
    write: false,
    logLevel: "silent",
  }).outputFiles[0].text;
  const { chromium } = require("playwright-core") as typeof import("playwright-core");
  const extra = (process.env.SIMD_BENCH_CHROMIUM_FLAGS ?? "").split(" ").filter(Boolean); // e.g. --js-flags=--no-liftoff
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", ...extra],
  });
  try {
    const page = await browser.newPage();
    await page.setContent("<!doctype html><title>mlekit SIMD</title>");
    await page.addScriptTag({ content: code });
    const out = (await page.evaluate(
      ([n, r]) =>
        (
          globalThis as unknown as { mlekitSimdBench(n: number, r: number): unknown }
        ).mlekitSimdBench(n, r),
      [N, reps],
    )) as {
      simd: boolean;
      firstUseMs: number;
      userAgent: string;
      results: Record<
        Op,
        { js: number; simd: number; jsBest: number; simdBest: number; diff: number }
      >;
    };
    const lines = [
      `${out.userAgent.replace(/^.*(Chrome\/[0-9.]+).*$/, "$1")}, main thread; kernels loaded: ${out.simd}; first use (decode + synchronous compile + instantiate): ${out.firstUseMs.toFixed(1)} ms`,
      "",
    ];
    const rows = OPS.map((op) => {
      const r = out.results[op];
      return [
        op,
        fmt(r.js),
        fmt(r.simd),
        `${(r.js / r.simd).toFixed(2)}×`,
        fmt(r.jsBest),
        fmt(r.simdBest),
        `${(r.jsBest / r.simdBest).toFixed(2)}×`,
        r.diff === 0 ? "0" : r.diff.toExponential(1),
      ];
    });
    const w = [
      "op",
      "mlekit JS median",
      "SIMD median",
      "speed-up",
      "JS fastest",
      "SIMD fastest",
      "speed-up",
      "rel. difference",
    ];
    const widths = w.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    lines.push(
      "| " + w.map((h, j) => h.padEnd(widths[j])).join(" | ") + " |",
      "|" + widths.map((x) => "-".repeat(x + 2)).join("|") + "|",
    );
    for (const r of rows)
      lines.push(
        "| " +
          r.map((c, j) => (j ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join(" | ") +
          " |",
      );
    return lines.join("\n");
  } finally {
    await browser.close();
  }
}

/** Median over fresh Node processes of the first kernels() call (the built lib/dist module). */
function freshFirstUse(): string {
  const dist = path.join(ROOT, "lib", "dist", "cjs", "simd", "instance.js");
  if (!fs.existsSync(dist)) return "lib/dist not built (npm run build)";
  const script = `const m = require(${JSON.stringify(dist)}); const t0 = process.hrtime.bigint(); const k = m.kernels(); const t1 = process.hrtime.bigint();
    console.log(JSON.stringify({ first: Number(t1 - t0) / 1e6, ok: !!k }));`;
  const firsts: number[] = [];
  for (let i = 0; i < 7; i++) {
    const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    if (r.status !== 0) return `failed: ${r.stderr.trim().split("\n").pop()}`;
    firsts.push(JSON.parse(r.stdout).first);
  }
  return `${median(firsts).toFixed(2)} ms (range ${Math.min(...firsts).toFixed(2)}–${Math.max(...firsts).toFixed(2)})`;
}

// ------------------------------------------------------------------ per element, one chunk
/**
 * ns per element on one 4096-entry input that stays in cache: each function with the kernels
 * (copy included) against the same function with them off, on the same array; the best of 40 batches of 50 calls,
 * interleaved. On a loaded machine the best batch is the least disturbed one, so this is the
 * most reproducible comparison of the arithmetic itself (the n = 1e6 table adds memory traffic
 * and the load's noise).
 */
function chunkThroughput(): string[][] {
  const n = 4096;
  const p = distribution(n, 21);
  const q = distribution(n, 23);
  const x = normals(n, 25);
  const rows: string[][] = [];
  const off = (g: () => number) => () => {
    setSimdDisabled(true);
    try {
      return g();
    } finally {
      setSimdDisabled(false);
    }
  };
  // sparse p: 90% zeros (seeded), where the JS loops skip the log
  let z = 31;
  const sparse = p.map((v) => ((z = (z * 16807) % 2147483647) / 2147483647 < 0.9 ? 0 : v));
  const pairs: [string, () => number][] = [
    ["klDivergence", () => klDivergence(p, q)],
    ["entropy", () => entropy(p)],
    ["crossEntropy", () => crossEntropy(p, q)],
    ["logSumExp", () => logSumExp(x)],
    ["klDivergence, p 90% zeros", () => klDivergence(sparse, q, { normalize: true })],
    ["entropy, p 90% zeros", () => entropy(sparse, { normalize: true })],
    ["crossEntropy, p 90% zeros", () => crossEntropy(sparse, q, { normalize: true })],
  ];
  for (const [op, simd] of pairs) {
    const js = off(simd);
    const batch = (g: () => number) => () => {
      let s = 0;
      for (let i = 0; i < 50; i++) s += g();
      return s;
    };
    for (let w = 0; w < 200; w++) sink += js() + simd();
    const [tj, ts] = race([batch(js), batch(simd)], 40).map(
      (t) => (Math.min(...t) * 1e6) / (50 * n),
    );
    rows.push([op, tj.toFixed(2), ts.toFixed(2), `${(tj / ts).toFixed(2)}×`]);
  }
  return rows;
}

// ------------------------------------------------------------------ main
export async function runSimdBench(): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const reps = Math.max(3, Math.ceil(Number(process.env.BENCH_REPS ?? 15) / rounds));
  const warn = console.warn;
  console.warn = () => undefined; // TF.js banners
  try {
    console.log(
      `\n## SIMD kernels (issue 20): median ms per call at n = 1e6 (${CPU_CLOCK ? "process CPU time, BENCH_CLOCK=cpu" : "wall clock"}); ${rounds} rounds × ${reps} interleaved repetitions; spread = min–max of the round medians\n`,
    );
    // first use: decode + validate the SIMD probe + compile + instantiate, once per process
    const t0 = process.hrtime.bigint();
    const kr = kernels();
    const firstUse = Number(process.hrtime.bigint() - t0) / 1e6;
    const bytes = decodeBase64(KERNELS_BASE64);
    console.log(
      `module: ${bytes.length} bytes, ${zlib.gzipSync(bytes, { level: 9 }).length} gzipped; base64 in the bundle ${KERNELS_BASE64.length} characters`,
    );
    console.log(
      `first use in this process (decode, SIMD probe, synchronous compile, instantiate): ${firstUse.toFixed(2)} ms; kernels loaded: ${kr !== undefined}`,
    );
    console.log(
      `first use in fresh Node processes (built lib/dist), median of 7: ${freshFirstUse()}\n`,
    );

    const P = distribution(N, 7);
    const Q = distribution(N, 11);
    const X = normals(N, 13);
    const tfl = await loadTf();
    const kinds: [string, Vec, Vec, Vec][] = [
      ["Float64Array", P, Q, X],
      ["number[]", Array.from(P), Array.from(Q), Array.from(X)],
    ];
    type Fns = Record<string, () => number>;
    const contenders = (op: Op, p: Vec, q: Vec, x: Vec): Fns => {
      const off = (g: () => number) => () => {
        setSimdDisabled(true);
        try {
          return g();
        } finally {
          setSimdDisabled(false);
        }
      };
      const f: () => number =
        op === "klDivergence"
          ? () => klDivergence(p, q)
          : op === "entropy"
            ? () => entropy(p)
            : op === "crossEntropy"
              ? () => crossEntropy(p, q)
              : () => logSumExp(x);
      return { js: off(f), simd: f };
    };
    // warm every JS contender on both kinds
    for (let w = 0; w < 3; w++)
      for (const op of OPS)
        for (const [, p, q, x] of kinds)
          for (const f of Object.values(contenders(op, p, q, x))) sink += f();
    for (const op of OPS) {
      const c = contenders(op, P, Q, X);
      const v = [c.js(), c.simd()];
      if (PASS.path !== "simd") console.log("  ! the SIMD contender did not run the kernels");
      if (!Object.is(v[0], v[1])) console.log(`  ! ${op}: SIMD ${v[1]} and JS ${v[0]} differ`);
    }

    const samples = new Map<string, number[][]>(); // key -> per round samples
    const add = (key: string, s: number[]) => samples.set(key, [...(samples.get(key) ?? []), s]);
    let py: PyOut | string = "not run";
    let py2: PyOut | string = "not run";
    for (let round = 0; round < rounds; round++) {
      py = runPython(reps, false);
      if (typeof py !== "string")
        for (const op of OPS)
          (["numpy", "scipy"] as const).forEach((k) =>
            add(`${op}/${k}`, (py as PyOut).results[op][k]),
          );
      py2 = runPython(reps, true);
      if (typeof py2 !== "string")
        for (const op of OPS) add(`${op}/numpy-avx2`, py2.results[op].numpy);
      if (typeof tfl !== "string") {
        const { tf } = tfl;
        for (const backend of tfl.backends) {
          await tf.setBackend(backend);
          const tp = tf.tensor1d(Float32Array.from(P));
          const tq = tf.tensor1d(Float32Array.from(Q));
          const tx = tf.tensor1d(Float32Array.from(X));
          const tfOps: Record<Op, () => number> = {
            klDivergence: () =>
              tf.tidy(() => tf.sum(tf.mul(tp, tf.sub(tf.log(tp), tf.log(tq))))).dataSync()[0],
            entropy: () => -tf.tidy(() => tf.sum(tf.mul(tp, tf.log(tp)))).dataSync()[0],
            crossEntropy: () => -tf.tidy(() => tf.sum(tf.mul(tp, tf.log(tq)))).dataSync()[0],
            logSumExp: () => tf.tidy(() => tf.logSumExp(tx)).dataSync()[0],
          };
          for (const op of OPS) {
            tfOps[op]();
            add(`${op}/tf-${backend}`, race([tfOps[op]], reps)[0]);
          }
          tp.dispose();
          tq.dispose();
          tx.dispose();
        }
      }
      for (const op of OPS) {
        for (const [kind, p, q, x] of kinds) {
          const c = contenders(op, p, q, x);
          const [js, simd] = race([c.js, c.simd], reps);
          add(`${op}/${kind}/js`, js);
          add(`${op}/${kind}/simd`, simd);
        }
      }
    }
    const med = (key: string): number | undefined =>
      samples.has(key) ? median(samples.get(key)!.flat()) : undefined;
    const spread = (key: string): string => {
      const r = samples.get(key);
      if (!r) return "";
      const m = r.map(median);
      return `${fmt(Math.min(...m))}–${fmt(Math.max(...m))}`;
    };
    const ratio = (other: number | undefined, mine: number | undefined): string =>
      other === undefined || mine === undefined ? "—" : `${(other / mine).toFixed(2)}×`;
    const rows: string[][] = [];
    const bestRows: string[][] = [];
    const goals: string[] = [];
    for (const op of OPS) {
      for (const [kind] of kinds) {
        const s = med(`${op}/${kind}/simd`);
        const j = med(`${op}/${kind}/js`);
        const best = (key: string): number | undefined =>
          samples.has(key) ? Math.min(...samples.get(key)!.flat()) : undefined;
        const bs = best(`${op}/${kind}/simd`);
        const bj = best(`${op}/${kind}/js`);
        bestRows.push([
          op,
          kind,
          fmt(bs),
          fmt(bj),
          ratio(bj, bs),
          ...["tf-cpu", "tf-wasm", "numpy", "numpy-avx2", "scipy"].flatMap((k) => [
            fmt(best(`${op}/${k}`)),
            ratio(best(`${op}/${k}`), bs),
          ]),
        ]);
        const row = [
          op,
          kind,
          `${fmt(s)} (${spread(`${op}/${kind}/simd`)})`,
          `${fmt(j)} (${spread(`${op}/${kind}/js`)})`,
          ratio(j, s),
        ];
        const others = ["tf-cpu", "tf-wasm", "numpy", "numpy-avx2", "scipy"].map((k) =>
          med(`${op}/${k}`),
        );
        for (const o of others) row.push(fmt(o), ratio(o, s));
        rows.push(row);
        if (kind === "Float64Array" && s !== undefined && j !== undefined) {
          const [tfc, tfw, np, np2, sp] = others;
          const v = (ok: boolean): string => (ok ? "met" : "NOT met");
          goals.push(
            `  ${op.padEnd(12)} SIMD vs JS path ${(j / s).toFixed(2)}× (goal >= 3×: ${v(j / s >= 3)})` +
              (sp !== undefined
                ? `; scipy ${(sp / s).toFixed(2)}× (goal >= 2×: ${v(sp / s >= 2)})`
                : "") +
              (tfw !== undefined
                ? `; TF.js wasm ${(tfw / s).toFixed(2)}× (goal >= 2×: ${v(tfw / s >= 2)})`
                : "") +
              (np !== undefined
                ? `; numpy AVX-512 ${(np / s).toFixed(2)}× (goal >= 0.5×, within 2×: ${v(np / s >= 0.5)})`
                : "") +
              (np2 !== undefined ? `; numpy AVX2 ${(np2 / s).toFixed(2)}×` : "") +
              (tfc !== undefined ? `; TF.js cpu ${(tfc / s).toFixed(2)}×` : ""),
          );
        }
      }
    }
    printTable(
      [
        "op",
        "input",
        "SIMD (spread)",
        "mlekit JS (spread)",
        "(ratio)",
        "TF.js cpu",
        "(ratio)",
        "TF.js wasm",
        "(ratio)",
        "numpy AVX-512",
        "(ratio)",
        "numpy AVX2",
        "(ratio)",
        "scipy",
        "(ratio)",
      ],
      rows,
      [0, 1],
    );
    console.log(
      "\nratio = other ms / SIMD ms (above 1: the SIMD path is faster). TF.js is float32, one figure per op whatever the input kind; numpy/scipy take float64 arrays.",
    );
    console.log(
      "\nThe fastest repetition of each (on a loaded machine the least disturbed run; compare with the medians above):\n",
    );
    printTable(
      [
        "op",
        "input",
        "SIMD",
        "mlekit JS",
        "(ratio)",
        "TF.js cpu",
        "(ratio)",
        "TF.js wasm",
        "(ratio)",
        "numpy AVX-512",
        "(ratio)",
        "numpy AVX2",
        "(ratio)",
        "scipy",
        "(ratio)",
      ],
      bestRows,
      [0, 1],
    );
    if (typeof py !== "string")
      console.log(
        `numpy/scipy: python ${py.versions.python}, numpy ${py.versions.numpy}, scipy ${py.versions.scipy}; AVX-512 run features ${py.features.filter((f) => f.startsWith("X86_V") || f === "AVX512_ICL").join(" ")}`,
      );
    else console.log(`numpy/scipy skipped: ${py}`);
    if (typeof py2 !== "string")
      console.log(
        `numpy AVX2: NPY_DISABLE_CPU_FEATURES="${AVX2_ENV}" (features left: ${py2.features.filter((f) => f.startsWith("X86_V")).join(" ")})`,
      );
    if (typeof tfl === "string") console.log(tfl);
    else
      console.log(
        `TF.js ${tfl.tf.version_core}: backends ${tfl.backends.join(", ")} (wasm: SIMD, one thread)`,
      );
    console.log(
      `node ${process.version}; the machine is shared with other jobs (load average ${require("os")
        .loadavg()
        .map((x: number) => x.toFixed(1))
        .join(" ")} at the end)`,
    );
    console.log("\nGoals (issue 20), Float64Array:");
    for (const g of goals) console.log(g);

    console.log(
      "\n### Per element on one 4096-entry input kept in cache (best of 40 interleaved batches of 50 calls)\n",
    );
    printTable(["op", "mlekit JS ns/entry", "SIMD ns/entry", "speed-up"], chunkThroughput());

    console.log(
      "\n### Break-even n (kernels vs the JS path, both lane order; ms ratio JS/SIMD per n, median of 31 interleaved batches)\n",
    );
    const be = breakEven();
    printTable(
      [
        "op",
        "8",
        "16",
        "24",
        "32",
        "48",
        "64",
        "96",
        "128",
        "192",
        "256",
        "512",
        "1024",
        "break-even",
        "in passes.ts",
      ],
      be.rows,
    );

    console.log("\n### Browser bundle (esbuild, minified; gzip -9)\n");
    const s = bundleSize(
      'import { entropy, klDivergence } from "./lib/src/information"; globalThis.r = [entropy, klDivergence];',
    );
    printTable(
      ["bundle", "minified bytes", "gzipped"],
      [
        ["{ entropy, klDivergence }, kernels embedded", String(s.min), String(s.gz)],
        [
          "the same without the kernels' base64",
          String(s.min - KERNELS_BASE64.length),
          String(s.noKernels),
        ],
      ],
    );

    console.log(
      "\n### Headless Chromium (/usr/bin/chromium, playwright-core), the same kernels from the same bundle\n",
    );
    console.log(await chromiumRun(reps * rounds));
  } finally {
    console.warn = warn;
  }
  if (sink === 42) console.log("");
}

if (require.main === module && process.argv.includes("--chromium")) {
  chromiumRun(Number(process.env.BENCH_REPS ?? 15)).then(console.log, (e) => {
    console.error(e);
    process.exit(1);
  });
} else if (require.main === module && process.argv.includes("--chunk")) {
  console.log("kernels loaded:", kernels() !== undefined);
  printTable(["op", "mlekit JS ns/entry", "SIMD ns/entry", "speed-up"], chunkThroughput());
} else if (require.main === module) {
  runSimdBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
