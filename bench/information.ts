// Benchmark of issue 10 (information functions and fitGaussian) at n = 1e6, for each of the three
// input kinds, against a naive JS loop, TF.js (pure-JS CPU backend), numpy and scipy.
//
// Input kinds:
//   Float64Array  every vector a Float64Array
//   number[]      every vector a packed number[] (Array.from of the Float64Array)
//   mixed         two-vector functions: p a Float64Array and q a number[]; one-vector functions: a
//                 holey number[] (built with new Array(n) and filled), V8's third element kind
// Before anything is timed, every JS contender is called on all three kinds, so its loop has
// seen them all (as in a program that uses more than one); then the contenders of a row take
// turns within every repetition (rotating order) and the medians are reported, so a burst of
// load from other processes hits them alike.
//
// Contenders (median ms per call; inputs built before timing):
//   mlekit      the library call, validation included, default options
//   naive JS    the plain loop a user would write (no validation, one accumulator; fitGaussian:
//               mean, then Σ(x - mean)²)
//   TF.js       @tensorflow/tfjs-core + tfjs-backend-cpu (float32: tensors built beforehand,
//               ops inside tf.tidy, plus dataSync()); one figure per op, whatever the kind
//   numpy/scipy bench/scipy_information.py in a subprocess (its docstring lists the calls)
// Ratios are other / mlekit: above 1 means mlekit is faster.
//
// The loop-copies experiment (issue 10, "three copies of each hot loop"): klDivergence and
// entropy as the library has them (one generic loop) against the same loop body copied once per
// input kind the code can tell apart (KL: Float64Array pair, array pair, mix; entropy:
// Float64Array, array), both warmed on all three kinds first.
import { spawnSync } from "child_process";
import * as path from "path";
import { crossEntropy, entropy, klDivergence, logSumExp } from "../lib/src/information";
import { fitGaussian } from "../lib/src/estimators";

const N = 1e6;
type Kind = "Float64Array" | "number[]" | "mixed";
const KINDS: Kind[] = ["Float64Array", "number[]", "mixed"];
type Op = "klDivergence" | "entropy" | "crossEntropy" | "logSumExp" | "fitGaussian";
const OPS: Op[] = ["klDivergence", "entropy", "crossEntropy", "logSumExp", "fitGaussian"];
type Vec = Float64Array | number[];

let sink = 0; // keeps results alive so no loop is optimized away

function xorshift(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function distribution(n: number, seed: number): Float64Array {
  const r = xorshift(seed);
  const a = new Float64Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) t += a[i] = r() + 1e-3;
  for (let i = 0; i < n; i++) a[i] /= t;
  return a;
}

function normals(n: number, seed: number): Float64Array {
  const r = xorshift(seed);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++)
    a[i] = 10 * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return a;
}

function holey(a: Float64Array): number[] {
  const out = new Array<number>(a.length); // HOLEY_DOUBLE_ELEMENTS once filled
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}

/** The inputs of one kind: [first, second] vectors. */
function inputs(kind: Kind, a: Float64Array, b: Float64Array, twoVectors: boolean): [Vec, Vec] {
  if (kind === "Float64Array") return [a, b];
  if (kind === "number[]") return [Array.from(a), Array.from(b)];
  return twoVectors ? [a, Array.from(b)] : [holey(a), holey(b)];
}

// ----------------------------------------------------------------- naive loops
function naiveKl(p: Vec, q: Vec): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) d += p[i] * Math.log(p[i] / q[i]);
  return d;
}
function naiveEntropy(p: Vec): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(p[i]);
  return h;
}
function naiveCrossEntropy(p: Vec, q: Vec): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) h -= p[i] * Math.log(q[i]);
  return h;
}
function naiveLogSumExp(x: Vec): number {
  let m = -Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.exp(x[i] - m);
  return m + Math.log(s);
}
function naiveSigma(x: Vec): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let ss = 0;
  for (let i = 0; i < x.length; i++) ss += (x[i] - mean) ** 2;
  return Math.sqrt(ss / x.length);
}

// ----------------------------------------------------------------- three-copies variants
// The library's KL (fast pass), entropy and logSumExp loop bodies (validation and sums included,
// without the rare normalize branches), once per input kind the code can tell apart.
const BLOCK = 256;
function klBody64(p: Float64Array, q: Float64Array): number {
  const n = p.length;
  let hHi = 0,
    hLo = 0,
    sp = 0,
    sq = 0,
    abs = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0,
      g = 0;
    for (let i = start; i < end; i++) {
      const x = p[i],
        y = q[i];
      if (!(x >= 0 && y >= 0)) throw new RangeError("bad");
      sp += x;
      sq += y;
      if (x > 0) {
        const r = x / y;
        const term =
          x *
          (r >= 2.2250738585072014e-308 && r <= Number.MAX_VALUE
            ? Math.log(r)
            : Math.log(x) - Math.log(y));
        h += term;
        g += Math.abs(term);
      }
    }
    abs += g;
    const t = hHi + h,
      z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  sink += sp + sq + abs;
  return hHi + hLo;
}
function klBodyArr(p: readonly number[], q: readonly number[]): number {
  const n = p.length;
  let hHi = 0,
    hLo = 0,
    sp = 0,
    sq = 0,
    abs = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0,
      g = 0;
    for (let i = start; i < end; i++) {
      const x = p[i],
        y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0))
        throw new RangeError("bad");
      sp += x;
      sq += y;
      if (x > 0) {
        const r = x / y;
        const term =
          x *
          (r >= 2.2250738585072014e-308 && r <= Number.MAX_VALUE
            ? Math.log(r)
            : Math.log(x) - Math.log(y));
        h += term;
        g += Math.abs(term);
      }
    }
    abs += g;
    const t = hHi + h,
      z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  sink += sp + sq + abs;
  return hHi + hLo;
}
function klBodyMixed(p: Vec, q: Vec): number {
  const n = p.length;
  let hHi = 0,
    hLo = 0,
    sp = 0,
    sq = 0,
    abs = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0,
      g = 0;
    for (let i = start; i < end; i++) {
      const x = p[i],
        y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0))
        throw new RangeError("bad");
      sp += x;
      sq += y;
      if (x > 0) {
        const r = x / y;
        const term =
          x *
          (r >= 2.2250738585072014e-308 && r <= Number.MAX_VALUE
            ? Math.log(r)
            : Math.log(x) - Math.log(y));
        h += term;
        g += Math.abs(term);
      }
    }
    abs += g;
    const t = hHi + h,
      z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  sink += sp + sq + abs;
  return hHi + hLo;
}
function klCopies(p: Vec, q: Vec): number {
  if (p instanceof Float64Array && q instanceof Float64Array) return klBody64(p, q);
  if (Array.isArray(p) && Array.isArray(q)) return klBodyArr(p, q);
  return klBodyMixed(p, q);
}
function entBody64(p: Float64Array): number {
  const n = p.length;
  let hHi = 0,
    hLo = 0,
    sHi = 0,
    sLo = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0,
      s = 0;
    for (let i = start; i < end; i++) {
      const x = p[i];
      if (!(x >= 0)) throw new RangeError("bad");
      s += x;
      if (x > 0) h -= x * Math.log(x);
    }
    let t = hHi + h,
      z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
    t = sHi + s;
    z = t - sHi;
    sLo += sHi - (t - z) + (s - z);
    sHi = t;
  }
  sink += sHi + sLo;
  return hHi + hLo;
}
// The same bodies as ONE generic function each (what the library has), so that the experiment
// compares code that differs only in being split by input kind.
function entGeneric(p: Vec): number {
  const n = p.length;
  let hHi = 0,
    hLo = 0,
    sHi = 0,
    sLo = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0,
      s = 0;
    for (let i = start; i < end; i++) {
      const x = p[i];
      if (typeof x !== "number" || !(x >= 0)) throw new RangeError("bad");
      s += x;
      if (x > 0) h -= x * Math.log(x);
    }
    let t = hHi + h,
      z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
    t = sHi + s;
    z = t - sHi;
    sLo += sHi - (t - z) + (s - z);
    sHi = t;
  }
  sink += sHi + sLo;
  return hHi + hLo;
}
function lseGeneric(xs: Vec): number {
  const n = xs.length;
  let m = -Infinity,
    k = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (typeof x !== "number" || x !== x) throw new RangeError("bad");
    if (x > m) {
      m = x;
      k = i;
    }
  }
  let s = 1,
    c = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  for (let i = k + 1; i < n; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  return m + Math.log(s + c);
}

function klGeneric(p: Vec, q: Vec): number {
  const n = p.length;
  let hHi = 0,
    hLo = 0,
    sp = 0,
    sq = 0,
    abs = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0,
      g = 0;
    for (let i = start; i < end; i++) {
      const x = p[i],
        y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0))
        throw new RangeError("bad");
      sp += x;
      sq += y;
      if (x > 0) {
        const r = x / y;
        const term =
          x *
          (r >= 2.2250738585072014e-308 && r <= Number.MAX_VALUE
            ? Math.log(r)
            : Math.log(x) - Math.log(y));
        h += term;
        g += Math.abs(term);
      }
    }
    abs += g;
    const t = hHi + h,
      z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  sink += sp + sq + abs;
  return hHi + hLo;
}
function entBodyArr(p: readonly number[]): number {
  const n = p.length;
  let hHi = 0,
    hLo = 0,
    sHi = 0,
    sLo = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h = 0,
      s = 0;
    for (let i = start; i < end; i++) {
      const x = p[i];
      if (typeof x !== "number" || !(x >= 0)) throw new RangeError("bad");
      s += x;
      if (x > 0) h -= x * Math.log(x);
    }
    let t = hHi + h,
      z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
    t = sHi + s;
    z = t - sHi;
    sLo += sHi - (t - z) + (s - z);
    sHi = t;
  }
  sink += sHi + sLo;
  return hHi + hLo;
}
function entCopies(p: Vec): number {
  return p instanceof Float64Array ? entBody64(p) : entBodyArr(p);
}
function lse64(xs: Float64Array): number {
  const n = xs.length;
  let m = -Infinity,
    k = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (x !== x) throw new RangeError("bad");
    if (x > m) {
      m = x;
      k = i;
    }
  }
  let s = 1,
    c = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  for (let i = k + 1; i < n; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  return m + Math.log(s + c);
}
function lseArr(xs: readonly number[]): number {
  const n = xs.length;
  let m = -Infinity,
    k = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (typeof x !== "number" || x !== x) throw new RangeError("bad");
    if (x > m) {
      m = x;
      k = i;
    }
  }
  let s = 1,
    c = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  for (let i = k + 1; i < n; i++) {
    const e = Math.exp(xs[i] - m);
    const t = s + e;
    c += s - t + e;
    s = t;
  }
  return m + Math.log(s + c);
}
function lseCopies(xs: Vec): number {
  return xs instanceof Float64Array ? lse64(xs) : lseArr(xs);
}

// The same entropy loop with one plain accumulator instead of the blocked, compensated sum: the
// price of the summation that keeps 1e7-element sums within 1e-12 (target: at most 20% extra).
function entPlain64(p: Float64Array): number {
  const n = p.length;
  let h = 0,
    s = 0;
  for (let i = 0; i < n; i++) {
    const x = p[i];
    if (!(x >= 0)) throw new RangeError("bad");
    s += x;
    if (x > 0) h -= x * Math.log(x);
  }
  sink += s;
  return h;
}

// ----------------------------------------------------------------- timing
/**
 * Median ms per call of each contender, taking turns within every repetition (rotating order).
 */
function race(fns: (() => number)[], reps: number): number[] {
  return raceSamples(fns, reps).map(median);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The raw ms samples of each contender (see race). */
function raceSamples(fns: (() => number)[], reps: number): number[][] {
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < fns.length; k++) {
      const j = (k + r) % fns.length;
      const t0 = process.hrtime.bigint();
      sink += fns[j]();
      samples[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  return samples;
}

let pyVersions = "";
function runScipy(n: number, reps: number): Record<Op, { numpy: number; scipy: number }> | string {
  const script = path.join(__dirname, "scipy_information.py");
  const r = spawnSync("python3", [script, String(n), String(reps)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (r.error) return `python3 not available (${r.error.message})`;
  if (r.status !== 0) return `python3 failed: ${r.stderr.trim().split("\n").pop()}`;
  try {
    const out = JSON.parse(r.stdout);
    if (out.skipped) return out.skipped;
    pyVersions = `python ${out.versions.python}, numpy ${out.versions.numpy}, scipy ${out.versions.scipy}`;
    return out.results;
  } catch {
    return `unreadable output from ${script}`;
  }
}

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
  ms === undefined ? "—" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
const ratio = (other: number | undefined, mine: number): string =>
  other === undefined ? "—" : `${(other / mine).toFixed(2)}×`;
const pad = (s: string, w: number, left = false): string => (left ? s.padEnd(w) : s.padStart(w));

function printTable(header: string[], rows: string[][], leftCols: number[] = []): void {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    "| " + cells.map((c, j) => pad(c, widths[j], leftCols.includes(j))).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
}

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
  const reps = Number(process.env.BENCH_REPS ?? 15);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const perRound = Math.max(3, Math.ceil(reps / rounds));
  console.log(
    `\n## Issue 10 benchmark: median ms per call at n = 1e6; ${rounds} rounds of (numpy/scipy, then JS), ` +
      `${perRound} interleaved repetitions each\n`,
  );
  const tf = await loadTf();
  const P = distribution(N, 7);
  const Q = distribution(N, 11);
  const X = normals(N, 13);
  const X2 = normals(N, 17);

  const lib: Record<Op, (a: Vec, b: Vec) => number> = {
    klDivergence: (a, b) => klDivergence(a, b),
    entropy: (a) => entropy(a),
    crossEntropy: (a, b) => crossEntropy(a, b),
    logSumExp: (a) => logSumExp(a),
    fitGaussian: (a) => fitGaussian(a).params.sigma,
  };
  const naive: Record<Op, (a: Vec, b: Vec) => number> = {
    klDivergence: naiveKl,
    entropy: (a) => naiveEntropy(a),
    crossEntropy: naiveCrossEntropy,
    logSumExp: (a) => naiveLogSumExp(a),
    fitGaussian: (a) => naiveSigma(a),
  };
  const twoVectors = (op: Op) => op === "klDivergence" || op === "crossEntropy";
  const data = (op: Op, kind: Kind) =>
    op === "logSumExp" || op === "fitGaussian"
      ? inputs(kind, X, X2, false)
      : inputs(kind, P, Q, twoVectors(op));
  const byKind = new Map<string, [Vec, Vec]>();
  for (const op of OPS) for (const kind of KINDS) byKind.set(`${op}/${kind}`, data(op, kind));

  // warm every JS contender on all three kinds before timing anything
  for (let w = 0; w < 3; w++) {
    for (const op of OPS) {
      for (const kind of KINDS) {
        const [a, b] = byKind.get(`${op}/${kind}`)!;
        sink += lib[op](a, b) + naive[op](a, b);
        if (op === "klDivergence") sink += klCopies(a, b);
        if (op === "klDivergence") sink += klGeneric(a, b);
        if (op === "entropy") sink += entGeneric(a) + entCopies(a);
        if (op === "logSumExp") sink += lseGeneric(a) + lseCopies(a);
        if (op === "entropy" && a instanceof Float64Array) sink += entPlain64(a);
      }
    }
  }

  // TF.js, one figure per op (float32 tensors built beforehand)
  const tfMs: Partial<Record<Op, number>> = {};
  if (typeof tf !== "string") {
    const tp = tf.tensor1d(Float32Array.from(P));
    const tq = tf.tensor1d(Float32Array.from(Q));
    const tx = tf.tensor1d(Float32Array.from(X));
    const tfOps: Record<Op, () => number> = {
      klDivergence: () =>
        tf.tidy(() => tf.sum(tf.mul(tp, tf.sub(tf.log(tp), tf.log(tq))))).dataSync()[0],
      entropy: () => -tf.tidy(() => tf.sum(tf.mul(tp, tf.log(tp)))).dataSync()[0],
      crossEntropy: () => -tf.tidy(() => tf.sum(tf.mul(tp, tf.log(tq)))).dataSync()[0],
      logSumExp: () => tf.tidy(() => tf.logSumExp(tx)).dataSync()[0],
      fitGaussian: () => Math.sqrt(tf.tidy(() => tf.moments(tx).variance).dataSync()[0]),
    };
    for (const op of OPS) {
      tfOps[op]();
      const [ms] = race([tfOps[op]], Math.max(5, Math.floor(reps / 2)));
      tfMs[op] = ms;
    }
    tp.dispose();
    tq.dispose();
    tx.dispose();
  }

  // Rounds: the Python side, then every JS row, so that both see the same stretches of load.
  const jsSamples = new Map<string, { mine: number[]; naive: number[] }>();
  const pySamples = new Map<string, number[]>();
  let py: Record<Op, { numpy: number; scipy: number }> | string = "not run";
  for (let round = 0; round < rounds; round++) {
    py = runScipy(N, perRound);
    if (typeof py !== "string") {
      for (const op of OPS) {
        for (const side of ["numpy", "scipy"] as const) {
          const key = `${op}/${side}`;
          pySamples.set(key, [...(pySamples.get(key) ?? []), py[op][side]]);
        }
      }
    }
    for (const op of OPS) {
      for (const kind of KINDS) {
        const [a, b] = byKind.get(`${op}/${kind}`)!;
        const [mine, nv] = raceSamples([() => lib[op](a, b), () => naive[op](a, b)], perRound);
        const key = `${op}/${kind}`;
        const acc = jsSamples.get(key) ?? { mine: [], naive: [] };
        acc.mine.push(...mine);
        acc.naive.push(...nv);
        jsSamples.set(key, acc);
      }
    }
  }
  const rows: string[][] = [];
  const targets: string[] = [];
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  for (const op of OPS) {
    for (const kind of KINDS) {
      const [a, b] = byKind.get(`${op}/${kind}`)!;
      const mineCheck = lib[op](a, b);
      const naiveCheck = naive[op](a, b);
      if (!(Math.abs(mineCheck - naiveCheck) <= 1e-9 * Math.max(1, Math.abs(naiveCheck)))) {
        console.log(`  ! ${op} ${kind}: mlekit ${mineCheck} vs naive ${naiveCheck}`);
      }
      const js = jsSamples.get(`${op}/${kind}`)!;
      const mine = median(js.mine);
      const nv = median(js.naive);
      const np = pySamples.has(`${op}/numpy`) ? median(pySamples.get(`${op}/numpy`)!) : undefined;
      const sp = pySamples.has(`${op}/scipy`) ? median(pySamples.get(`${op}/scipy`)!) : undefined;
      rows.push([
        op,
        kind,
        fmt(mine),
        fmt(nv),
        ratio(nv, mine),
        fmt(tfMs[op]),
        ratio(tfMs[op], mine),
        fmt(np),
        ratio(np, mine),
        fmt(sp),
        ratio(sp, mine),
      ]);
      const t = `${op.padEnd(12)} ${kind.padEnd(12)}`;
      targets.push(
        `  ${t} naive/mlekit = ${(nv / mine).toFixed(2)}×  (target >= 0.87×, i.e. at most 15% slower than the naive loop: ${verdict(nv / mine >= 1 / 1.15)})`,
      );
      if (op === "klDivergence" && sp !== undefined)
        targets.push(
          `  ${t} scipy.stats.entropy(p, q)/mlekit = ${(sp / mine).toFixed(2)}×  (target >= 2.5×: ${verdict(sp / mine >= 2.5)})`,
        );
      if (op === "logSumExp" && sp !== undefined)
        targets.push(
          `  ${t} scipy.special.logsumexp/mlekit = ${(sp / mine).toFixed(2)}×  (target >= 2.5×: ${verdict(sp / mine >= 2.5)})`,
        );
      if (op === "fitGaussian" && np !== undefined)
        targets.push(
          `  ${t} numpy mean+std/mlekit = ${(np / mine).toFixed(2)}×  (target >= 8×: ${verdict(np / mine >= 8)})`,
        );
    }
  }
  printTable(
    [
      "op",
      "input kind",
      "mlekit",
      "naive JS",
      "(ratio)",
      "TF.js cpu",
      "(ratio)",
      "numpy",
      "(ratio)",
      "scipy",
      "(ratio)",
    ],
    rows,
    [0, 1],
  );
  console.log(
    "\nratio = other ms / mlekit ms (above 1: mlekit is faster). TF.js is float32 and kind-independent.",
  );
  console.log(
    typeof py === "string"
      ? `numpy/scipy skipped: ${py}`
      : `numpy/scipy: ${pyVersions} (subprocess, same n; calls in bench/scipy_information.py)`,
  );
  if (typeof tf === "string") console.log(`note: ${tf}`);
  console.log(
    `node ${process.version}. On a shared machine the absolute figures move; the ratios are taken side by side.`,
  );
  console.log("\nTargets (issue 10), per input kind:");
  for (const t of targets) console.log(t);

  // ------------------------------------------------------------- one loop or three copies?
  console.log(
    "\n### One generic loop vs copies per input kind (KL: 3, entropy and logSumExp: 2), all warmed on all three kinds\n",
  );
  const loopRows: string[][] = [];
  const decisions: string[] = [];
  for (const op of ["klDivergence", "entropy", "logSumExp"] as const) {
    const costs: number[] = [];
    for (const kind of KINDS) {
      const [a, b] = byKind.get(`${op}/${kind}`)!;
      // [generic, copies, library]: identical bodies, split by input kind or not; the library
      // call (one generic loop, plus its options and error paths) for reference
      const trio: (() => number)[] =
        op === "klDivergence"
          ? [() => klGeneric(a, b), () => klCopies(a, b), () => klDivergence(a, b)]
          : op === "entropy"
            ? [() => entGeneric(a), () => entCopies(a), () => entropy(a)]
            : [() => lseGeneric(a), () => lseCopies(a), () => logSumExp(a)];
      const [g, c, l] = race(trio, reps);
      costs.push(g / c - 1);
      loopRows.push([op, kind, fmt(g), fmt(c), `${(((g - c) / c) * 100).toFixed(1)}%`, fmt(l)]);
    }
    const worst = Math.max(...costs);
    const med = median(costs);
    decisions.push(
      `  ${op.padEnd(12)} generic loop costs ${(med * 100).toFixed(1)}% (median over the kinds), up to ${(worst * 100).toFixed(1)}%: ` +
        (worst > 0.2
          ? "over 20% on some kind: copies justified"
          : "within 20% on every kind: one loop is enough"),
    );
  }
  printTable(
    ["op", "input kind", "one generic loop", "copies", "generic costs", "mlekit (generic)"],
    loopRows,
    [0, 1],
  );
  console.log("\nRule (issue 10): keep copies only where one generic loop loses more than 20%.");
  for (const d of decisions) console.log(d);

  console.log("\n### Price of the blocked, compensated sum (entropy, Float64Array)\n");
  const [blocked, plain] = race([() => entBody64(P), () => entPlain64(P)], reps);
  printTable(
    ["loop", "ms"],
    [
      ["blocked + TwoSum (mlekit)", fmt(blocked)],
      ["one plain accumulator", fmt(plain)],
    ],
    [0],
  );
  console.log(
    `\nextra time: ${(((blocked - plain) / plain) * 100).toFixed(1)}% (target: at most 20%: ${verdict(blocked <= 1.2 * plain)})`,
  );
  if (sink === 42) console.log("");
}

if (require.main === module) {
  runInformationBench().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
