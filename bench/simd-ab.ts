// In-process A/B of the SIMD path: the public functions of this checkout's lib/src against those of
// another copy of lib/src (a baseline commit, e.g. `git archive <rev> lib/src | tar -x -C /tmp/base`),
// each with its own kernel instance, and this checkout's JS path for the ratio, all interleaved
// in one process (rotating order). CPU time (process user + system) and wall time per call,
// medians and minima over the repetitions; the machine is shared, so compare the CPU columns.
//
//   node -r ts-node/register/transpile-only bench/simd-ab.ts <baseline lib/src> [n] [reps] [op,...]
import * as path from "path";
import * as cur from "../lib/src/information";
import { setSimdDisabled } from "../lib/src/simd/instance";
import { distribution, normals } from "./simd-inputs";
import { cpuNow, median } from "./timing";

type Lib = typeof cur;
const baseDir = path.resolve(process.argv[2] ?? "");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const base: Lib = require(path.join(baseDir, "information"));
const N = Number(process.argv[3] ?? 1e6);
const REPS = Number(process.argv[4] ?? 21);
const ONLY = process.argv[5]?.split(",");
let sink = 0;

const P = distribution(N, 7);
const Q = distribution(N, 11);
const X = normals(N, 13);
const calls = (lib: Lib): Record<string, () => number> => ({
  klDivergence: () => lib.klDivergence(P, Q),
  entropy: () => lib.entropy(P),
  crossEntropy: () => lib.crossEntropy(P, Q),
  logSumExp: () => lib.logSumExp(X),
});
const js = (g: () => number) => (): number => {
  setSimdDisabled(true);
  try {
    return g();
  } finally {
    setSimdDisabled(false);
  }
};
const A = calls(base);
const B = calls(cur);
for (const op of Object.keys(B)) {
  if (ONLY && !ONLY.includes(op)) continue;
  const rows: [string, () => number][] = [
    ["JS path", js(B[op])],
    ["baseline SIMD", A[op]],
    ["this SIMD", B[op]],
  ];
  const vs = rows.map(([, f]) => f());
  const inner = Math.max(1, Math.round(2e5 / N));
  for (const [, f] of rows) for (let w = 0; w < 3 * inner; w++) sink += f();
  const cpu: number[][] = rows.map(() => []);
  const wall: number[][] = rows.map(() => []);
  for (let r = 0; r < REPS; r++) {
    for (let k = 0; k < rows.length; k++) {
      const j = (k + r) % rows.length;
      const f = rows[j][1];
      const c0 = cpuNow();
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < inner; i++) sink += f();
      const t1 = process.hrtime.bigint();
      cpu[j].push((cpuNow() - c0) / 1e3 / inner);
      wall[j].push(Number(t1 - t0) / 1e6 / inner);
    }
  }
  console.log(
    `\n${op}, n = ${N}, ${REPS} interleaved reps × ${inner} calls: ms per call, cpu median (min) / wall median (min)`,
  );
  rows.forEach(([label], j) =>
    console.log(
      `  ${label.padEnd(14)} cpu ${median(cpu[j]).toPrecision(4).padStart(7)} (${Math.min(...cpu[j])
        .toPrecision(4)
        .padStart(7)})   wall ${median(wall[j]).toPrecision(4).padStart(7)} (${Math.min(...wall[j])
        .toPrecision(4)
        .padStart(7)})`,
    ),
  );
  const r = (j: number, c: number[][]): string => (median(c[0]) / median(c[j])).toFixed(2) + "×";
  const rm = (j: number): string => (Math.min(...cpu[0]) / Math.min(...cpu[j])).toFixed(2) + "×";
  console.log(
    `  JS path / SIMD, cpu medians: baseline ${r(1, cpu)}, this ${r(2, cpu)}; cpu minima: baseline ${rm(1)}, this ${rm(2)}; wall medians: baseline ${r(1, wall)}, this ${r(2, wall)}`,
  );
  if (!Object.is(vs[1], vs[2])) console.log(`  (results differ: baseline ${vs[1]}, this ${vs[2]})`);
}
if (!Number.isFinite(sink)) console.log("");
