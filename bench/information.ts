// Benchmark of the information group (issue 3): mlekit vs an unvalidated loop, idiomatic
// map/reduce, TF.js on its pure-JS CPU backend, and scipy/numpy in a subprocess.
//
// What is timed, per call (medians after a warm-up; inputs built before timing):
// - mlekit:        entropy(p) / crossEntropy(p, q) / klDivergence(p, q) on Float64Array inputs,
//                  validation included (default options).
// - unvalidated:   the same loop with no checks and no sums: the floor for "validation overhead".
// - map/reduce:    number[] inputs, `p.map((pi, i) => ...).reduce((a, b) => a + b, 0)`.
// - TF.js:         @tensorflow/tfjs-core + tfjs-backend-cpu (float32; Float64Array is not
//                  accepted), ops on tensors built beforehand, inside tf.tidy, plus dataSync().
//                  KL as sum(p * (log p - log q)), its fastest form here.
// - scipy/numpy:   stats.entropy(p), stats.entropy(p, q), -(p * np.log(q)).sum().
// Ratios are "other time / mlekit time": above 1 means mlekit is faster.
import { spawnSync } from "child_process";
import * as path from "path";
import { crossEntropy, entropy, klDivergence } from "../lib/src/information";

type Op = "entropy" | "crossEntropy" | "klDivergence";
const OPS: Op[] = ["entropy", "crossEntropy", "klDivergence"];
const SIZES = [1e3, 1e6, 1e7];

let sink = 0; // keeps results alive so no loop is optimized away

function distribution(n: number, seed: number): Float64Array {
  // xorshift32, strictly positive masses, normalized
  let s = seed >>> 0 || 1;
  const a = new Float64Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    a[i] = (s >>> 0) / 4294967296 + 1e-3;
    t += a[i];
  }
  for (let i = 0; i < n; i++) a[i] /= t;
  return a;
}

/**
 * Median milliseconds per call of each contender. The contenders take turns within every
 * repetition (in rotating order), so a burst of load from other processes hits all of them
 * alike and the ratios stay meaningful on a shared machine. `inner` calls make one sample
 * (for tiny inputs).
 */
function race(fns: (() => number)[], reps: number, inners: number[]): number[] {
  fns.forEach((fn, j) => {
    for (let w = 0; w < Math.max(2, Math.min(20, inners[j])); w++) sink += fn();
  });
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (k + r) % fns.length;
      const fn = fns[j];
      const inner = inners[j];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < inner; i++) sink += fn();
      samples[j].push(Number(process.hrtime.bigint() - t0) / 1e6 / inner);
    }
  }
  return samples.map((xs) => xs.sort((a, b) => a - b)[xs.length >> 1]);
}

// Unvalidated floors: the mlekit loops minus validation and sums.
function rawEntropy(p: Float64Array): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i];
    if (pi > 0) h -= pi * Math.log(pi);
  }
  return h;
}
function rawCrossEntropy(p: Float64Array, q: Float64Array): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i];
    if (pi > 0) h -= pi * Math.log(q[i]);
  }
  return h;
}
function rawKl(p: Float64Array, q: Float64Array): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i];
    if (pi > 0) d += pi * Math.log(pi / q[i]);
  }
  return d;
}

function runScipy(sizes: number[]): Record<string, Record<Op, number>> | string {
  const script = path.join(__dirname, "scipy_information.py");
  const r = spawnSync("python3", [script, ...sizes.map(String)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.error) return `python3 not available (${r.error.message})`;
  if (r.status !== 0) return `python3 failed: ${r.stderr.trim().split("\n").pop()}`;
  try {
    const out = JSON.parse(r.stdout);
    if (out.skipped) return out.skipped;
    scipyVersions = `python ${out.versions.python}, numpy ${out.versions.numpy}, scipy ${out.versions.scipy}`;
    return out.results;
  } catch {
    return `unreadable output from ${script}`;
  }
}
let scipyVersions = "";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function loadTf(): Promise<any | string> {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tf = require("@tensorflow/tfjs-core");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require("@tensorflow/tfjs-backend-cpu");
    await tf.setBackend("cpu");
    await tf.ready();
    return tf;
  } catch (e) {
    return `TF.js unavailable (${(e as Error).message})`;
  }
}

const fmt = (ms: number | undefined): string =>
  ms === undefined ? "—" : ms < 0.1 ? ms.toFixed(4) : ms < 10 ? ms.toFixed(3) : ms.toFixed(1);
const ratio = (other: number | undefined, mine: number): string =>
  other === undefined ? "—" : `${(other / mine).toFixed(1)}×`;
const pad = (s: string, w: number): string => (s.length >= w ? s : " ".repeat(w - s.length) + s);

export async function runInformationBench(): Promise<void> {
  const warn = console.warn;
  console.warn = () => undefined; // TF.js prints an "install tfjs-node" banner on first use
  try {
    await bench();
  } finally {
    console.warn = warn;
  }
}

async function bench(): Promise<void> {
  console.log("\n## Information theory: median ms per call (Float64Array inputs, natural log)\n");
  const scipy = runScipy(SIZES);
  const tf = await loadTf();
  const rows: string[][] = [];
  const header = [
    "n", "op", "mlekit", "unvalidated", "validation cost",
    "map/reduce", "(ratio)", "TF.js cpu", "(ratio)", "scipy/numpy", "(ratio)",
  ];
  let kl1e6: { mine: number; idiom: number; tf?: number; scipy?: number } | undefined;

  for (const n of SIZES) {
    const p = distribution(n, 7);
    const q = distribution(n, 11);
    const pa = Array.from(p);
    const qa = Array.from(q);
    const reps = n <= 1e3 ? 21 : n <= 1e6 ? 11 : 5;
    const inner = n <= 1e3 ? 2000 : 1;
    const slowInner = n <= 1e3 ? 200 : 1;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let tp: any;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let tq: any;
    if (typeof tf !== "string") {
      tp = tf.tensor1d(Float32Array.from(p));
      tq = tf.tensor1d(Float32Array.from(q));
    }
    for (const op of OPS) {
      // [mlekit, unvalidated, map/reduce, TF.js?]
      let fns: (() => number)[];
      if (op === "entropy") {
        fns = [
          () => entropy(p),
          () => rawEntropy(p),
          () => -pa.map((pi) => (pi > 0 ? pi * Math.log(pi) : 0)).reduce((a, b) => a + b, 0),
          () => -tf.tidy(() => tf.sum(tf.mul(tp, tf.log(tp)))).dataSync()[0],
        ];
      } else if (op === "crossEntropy") {
        fns = [
          () => crossEntropy(p, q),
          () => rawCrossEntropy(p, q),
          () => -pa.map((pi, i) => (pi > 0 ? pi * Math.log(qa[i]) : 0)).reduce((a, b) => a + b, 0),
          () => -tf.tidy(() => tf.sum(tf.mul(tp, tf.log(tq)))).dataSync()[0],
        ];
      } else {
        fns = [
          () => klDivergence(p, q),
          () => rawKl(p, q),
          () => pa.map((pi, i) => (pi > 0 ? pi * Math.log(pi / qa[i]) : 0)).reduce((a, b) => a + b, 0),
          () => tf.tidy(() => tf.sum(tf.mul(tp, tf.sub(tf.log(tp), tf.log(tq))))).dataSync()[0],
        ];
      }
      if (!tp) fns.pop();
      const check = fns.map((f) => f());
      const [mine, raw, idiom, tfMs] = race(fns, reps, fns.map((_, j) => (j < 2 ? inner : slowInner)));
      // The contenders must agree (TF.js only to float32 precision) or the timings mean nothing.
      const off = (a: number, b: number, rel: number) => !(Math.abs(a - b) <= rel * Math.max(1, Math.abs(a)));
      if (off(check[0], check[1], 1e-9) || off(check[0], check[2], 1e-9)) {
        console.log(`  ! ${op} n=${n}: mlekit ${check[0]}, unvalidated ${check[1]}, map/reduce ${check[2]}`);
      }
      if (tp && off(check[0], check[3], 1e-3)) {
        console.log(`  ! ${op} n=${n}: mlekit ${check[0]} vs TF.js ${check[3]} (float32)`);
      }
      const sp = typeof scipy === "string" ? undefined : scipy[String(n)]?.[op];
      rows.push([
        n.toExponential(0).replace("e+", "e"), op, fmt(mine), fmt(raw),
        `${(((mine - raw) / raw) * 100).toFixed(0)}%`,
        fmt(idiom), ratio(idiom, mine), fmt(tfMs), ratio(tfMs, mine), fmt(sp), ratio(sp, mine),
      ]);
      if (op === "klDivergence" && n === 1e6) kl1e6 = { mine, idiom, tf: tfMs, scipy: sp };
    }
    if (tp) {
      tp.dispose();
      tq.dispose();
    }
  }

  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => "| " + cells.map((c, j) => pad(c, widths[j])).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
  console.log(
    "\nratio = other / mlekit (higher: mlekit faster). validation cost = mlekit / unvalidated - 1.",
  );
  if (typeof tf === "string") console.log(`note: ${tf}; TF.js columns left empty.`);
  if (typeof scipy === "string") console.log(`note: scipy skipped: ${scipy}.`);
  else console.log(`scipy side: ${scipyVersions}; TF.js ${typeof tf === "string" ? "—" : tf.version_core} (float32).`);
  if (kl1e6) {
    const k = kl1e6;
    const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log("\nTargets at n = 1e6 (klDivergence):");
    console.log(`  map/reduce / mlekit = ${(k.idiom / k.mine).toFixed(1)}×  (target >= 10×: ${verdict(k.idiom / k.mine >= 10)})`);
    if (k.tf !== undefined) console.log(`  TF.js / mlekit      = ${(k.tf / k.mine).toFixed(1)}×  (target >= 5×: ${verdict(k.tf / k.mine >= 5)})`);
    if (k.scipy !== undefined) console.log(`  mlekit / scipy      = ${(k.mine / k.scipy).toFixed(2)}  (target <= 0.5: ${verdict(k.mine / k.scipy <= 0.5)})`);
  }
  if (sink === 42) console.log(""); // use the sink
}
