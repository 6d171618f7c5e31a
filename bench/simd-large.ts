// Where the time of the SIMD path goes at large n (issue 20's n = 1e6), measured in one process with
// the rows interleaved: the public function on the JS path and on the kernels, the pass alone
// (lib/src/simd/passes.ts, i.e. without what the public function does before and after it), the
// chunked copies alone, and the kernel alone on one chunk kept in cache (as many calls as the pass
// makes). Each row reports the median and the minimum over the repetitions, with both clocks:
// process CPU time (user + system, what a loaded machine disturbs least) and wall time.
//
//   node -r ts-node/register/transpile-only bench/simd-large.ts [n] [reps] [op,op,...]
import { crossEntropy, entropy, klDivergence, logSumExp } from "../lib/src/information";
import { kernels, setSimdDisabled } from "../lib/src/simd/instance";
import {
  crossEntropyPass,
  klFastPass,
  entropyPass,
  logSumExpMaxPass,
  logSumExpSumPass,
} from "../lib/src/simd/passes";
import { distribution, normals } from "./simd-inputs";
import { cpuNow, median } from "./timing";

const N = Number(process.argv[2] ?? 1e6);
const REPS = Number(process.argv[3] ?? 21);
const ONLY = process.argv[4]?.split(",");
let sink = 0;

const kr = kernels();
if (kr === undefined) throw new Error("no kernels");
const ex = kr.exports;
const { mem, in0, in1, chunk } = kr;
const P = distribution(N, 7);
const Q = distribution(N, 11);
const X = normals(N, 13);

const off = (g: () => number) => (): number => {
  setSimdDisabled(true);
  try {
    return g();
  } finally {
    setSimdDisabled(false);
  }
};
const copies = (both: boolean) => (): number => {
  for (let s = 0; s < N; s += chunk) {
    const len = s + chunk < N ? chunk : N - s;
    mem.set(P.subarray(s, s + len), in0);
    if (both) mem.set(Q.subarray(s, s + len), in1);
  }
  return mem[in0];
};
/** the kernel alone, as many calls as the pass makes, on chunk-sized inputs already in memory */
const kernelOnly =
  (begin: () => void, chunkFn: (n: number, b: number) => number, end: () => void) => (): number => {
    begin();
    let r = 0;
    for (let s = 0; s < N; s += chunk) r += chunkFn(s + chunk < N ? chunk : N - s, s);
    end();
    return r + mem[kr.out];
  };
const prime = (a: Float64Array, b?: Float64Array) => (): void => {
  mem.set(a.subarray(0, chunk), in0);
  if (b) mem.set(b.subarray(0, chunk), in1);
};

const withChunk = (c: number, g: () => number) => (): number => {
  const saved = kr.chunk;
  kr.chunk = c;
  try {
    return g();
  } finally {
    kr.chunk = saved;
  }
};

type Row = [string, () => number, (() => void)?];
const groups: Record<string, Row[]> = {
  klDivergence: [
    ["KL js", off(() => klDivergence(P, Q))],
    ["KL simd", () => klDivergence(P, Q)],
    ["KL pass", () => klFastPass("klDivergence", P, Q, N, 1, 1)],
    ["KL pass c2048", withChunk(2048, () => klFastPass("klDivergence", P, Q, N, 1, 1))],
    ["KL pass c1024", withChunk(1024, () => klFastPass("klDivergence", P, Q, N, 1, 1))],
    ["copy p,q", copies(true)],
    ["KL kernel", kernelOnly(() => ex.kl_begin(1, 1), ex.kl_chunk, ex.kl_end), prime(P, Q)],
  ],
  entropy: [
    ["H js", off(() => entropy(P))],
    ["H simd", () => entropy(P)],
    ["H pass", () => entropyPass("entropy", P, N, 1)],
    ["H pass c2048", withChunk(2048, () => entropyPass("entropy", P, N, 1))],
    ["H pass c1024", withChunk(1024, () => entropyPass("entropy", P, N, 1))],
    ["copy p", copies(false)],
    ["H kernel", kernelOnly(() => ex.entropy_begin(1), ex.entropy_chunk, ex.entropy_end), prime(P)],
  ],
  crossEntropy: [
    ["CE js", off(() => crossEntropy(P, Q))],
    ["CE simd", () => crossEntropy(P, Q)],
    ["CE pass", () => crossEntropyPass("crossEntropy", P, Q, N, 1, 1, false)],
    [
      "CE pass c2048",
      withChunk(2048, () => crossEntropyPass("crossEntropy", P, Q, N, 1, 1, false)),
    ],
    [
      "CE pass c1024",
      withChunk(1024, () => crossEntropyPass("crossEntropy", P, Q, N, 1, 1, false)),
    ],
    ["copy p,q", copies(true)],
    [
      "CE kernel",
      kernelOnly(() => ex.cross_begin(1, 1), ex.cross_chunk, ex.cross_end),
      prime(P, Q),
    ],
  ],
  logSumExp: [
    ["LSE js", off(() => logSumExp(X))],
    ["LSE simd", () => logSumExp(X)],
    ["LSE max pass", () => logSumExpMaxPass("logSumExp", X, N)],
    ["LSE sum pass", () => logSumExpSumPass(X, N, 36.5, -1)],
    [
      "LSE max kernel",
      kernelOnly(() => ex.lse_max_begin(), ex.lse_max_chunk, ex.lse_max_end),
      prime(X),
    ],
    [
      "LSE sum kernel",
      kernelOnly(
        () => ex.lse_sum_begin(50),
        (n) => (ex.lse_sum_chunk(n), 0),
        ex.lse_sum_end,
      ),
      prime(X),
    ],
  ],
};

for (const [name, rows] of Object.entries(groups)) {
  if (ONLY && !ONLY.includes(name)) continue;
  for (const [, f, pre] of rows) for (let w = 0; w < 3; w++) (pre?.(), (sink += f()));
  const cpu: number[][] = rows.map(() => []);
  const wall: number[][] = rows.map(() => []);
  for (let r = 0; r < REPS; r++) {
    for (let k = 0; k < rows.length; k++) {
      const j = (k + r) % rows.length;
      rows[j][2]?.();
      const c0 = cpuNow();
      const t0 = process.hrtime.bigint();
      sink += rows[j][1]();
      const t1 = process.hrtime.bigint();
      const c1 = cpuNow();
      cpu[j].push((c1 - c0) / 1e3);
      wall[j].push(Number(t1 - t0) / 1e6);
    }
  }
  console.log(
    `\n${name}, n = ${N}, ${REPS} interleaved reps: ms per call, cpu median (min) / wall median (min)`,
  );
  rows.forEach(([label], j) =>
    console.log(
      `  ${label.padEnd(16)} cpu ${median(cpu[j]).toFixed(2).padStart(6)} (${Math.min(...cpu[j])
        .toFixed(2)
        .padStart(6)})   wall ${median(wall[j]).toFixed(2).padStart(6)} (${Math.min(...wall[j])
        .toFixed(2)
        .padStart(6)})`,
    ),
  );
  const m = (j: number): number => median(cpu[j]);
  const w = (j: number): number => median(wall[j]);
  console.log(`  js/simd: cpu ${(m(0) / m(1)).toFixed(2)}× wall ${(w(0) / w(1)).toFixed(2)}×`);
}
if (!Number.isFinite(sink)) console.log("");
