// Where the time of a SIMD pass goes, per entry, on one 4096-entry input kept in cache: the copy
// into the module's memory, the vector log and exp alone, entropy's pass without its log
// (validation, scaling, blocked sums), each whole kernel, and V8's Math.log / Math.exp loops for
// scale. Builds lib/wasm/profile.c (kernels.c plus timing-only exports) with the library's clang
// flags into a temporary module; `--source <file>` profiles another kernels.c (an older
// revision: `git show <rev>:lib/wasm/kernels.c > /tmp/k.c`). Best of 40 batches of 50 calls,
// the rows interleaved, on a shared machine: compare rows of one run.
//
//   node -r ts-node/register/transpile-only bench/simd-profile.ts [--source file]
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLANG_FLAGS, ensureToolchain } from "../scripts/build-wasm";

const ROOT = path.resolve(__dirname, "..");
const at = process.argv.indexOf("--source");
const source = path.resolve(at > 0 ? process.argv[at + 1] : path.join(ROOT, "lib/wasm/kernels.c"));

function build(): Buffer {
  ensureToolchain();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mlekit-prof-"));
  try {
    const out = path.join(dir, "p.wasm");
    const flags = CLANG_FLAGS.filter((f) => f !== "-Werror");
    const r = spawnSync(
      "clang-14",
      [...flags, `-DKERNELS="${source}"`, "-o", out, path.join(ROOT, "lib/wasm/profile.c")],
      { encoding: "utf8" },
    );
    if (r.status !== 0) throw new Error(r.stderr);
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Fn = (n: number, b?: number) => number;
const ex = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(build())), {})
  .exports as unknown as Record<string, Fn> & { memory: WebAssembly.Memory };
const mem = new Float64Array(ex.memory.buffer);
const in0 = ex.in0(0) / 8;
const in1 = ex.in1(0) / 8;
const n = 4096;
let s = 12345;
const rnd = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
const p = Float64Array.from({ length: n }, () => rnd() + 1e-3);
const q = Float64Array.from({ length: n }, () => rnd() + 1e-3);
const sp = p.reduce((a, b) => a + b);
const sq = q.reduce((a, b) => a + b);
p.forEach((v, i) => (p[i] = v / sp));
q.forEach((v, i) => (q[i] = v / sq));
const x = Float64Array.from({ length: n }, () => -6 * rnd());
let sink = 0;

const rows: [string, () => void][] = [
  ["copy one input (Float64Array.set)", () => mem.set(p, in0)],
  ["vector log alone", () => (mem.set(p, in0), (sink += ex.prof_log(n)))],
  ["vector exp alone", () => (mem.set(x, in0), (sink += ex.prof_exp(n)))],
  [
    "entropy pass without its log",
    () => (mem.set(p, in0), ex.entropy_begin(1), ex.prof_entropy_nolog(n)),
  ],
  [
    "entropy kernel",
    () => (mem.set(p, in0), ex.entropy_begin(1), ex.entropy_chunk(n), ex.entropy_end(0)),
  ],
  [
    "crossEntropy kernel",
    () => (
      mem.set(p, in0),
      mem.set(q, in1),
      ex.cross_begin(1, 1),
      ex.cross_chunk(n),
      ex.cross_end(0)
    ),
  ],
  [
    "klDivergence kernel",
    () => (mem.set(p, in0), mem.set(q, in1), ex.kl_begin(1, 1), ex.kl_chunk(n), ex.kl_end(0)),
  ],
  [
    "logSumExp max kernel",
    () => (mem.set(x, in0), ex.lse_max_begin(0), ex.lse_max_chunk(n, 0), ex.lse_max_end(0)),
  ],
  [
    "logSumExp sum kernel",
    () => (mem.set(x, in0), ex.lse_sum_begin(0, 0), ex.lse_sum_chunk(n, 0), ex.lse_sum_end(0)),
  ],
  [
    "JS: Σ Math.log(p)",
    () => {
      let t = 0;
      for (let i = 0; i < n; i++) t += Math.log(p[i]);
      sink += t;
    },
  ],
  [
    "JS: Σ Math.exp(x)",
    () => {
      let t = 0;
      for (let i = 0; i < n; i++) t += Math.exp(x[i]);
      sink += t;
    },
  ],
];
const best = rows.map(() => Infinity);
for (const [, f] of rows) for (let w = 0; w < 300; w++) f();
for (let b = 0; b < 40; b++)
  rows.forEach(([, f], r) => {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < 50; k++) f();
    best[r] = Math.min(best[r], Number(process.hrtime.bigint() - t0) / (50 * n));
  });
console.log(
  `kernels: ${path.relative(ROOT, source)}; ns per entry, best of 40 batches of 50 calls (copies included where a row copies)`,
);
console.log("| part | ns/entry |\n|---|---|");
rows.forEach(([name], r) => console.log(`| ${name} | ${best[r].toFixed(2)} |`));
if (sink === 42) console.log("");
