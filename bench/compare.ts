// Before/after speed of two builds of mlekit, interleaved (issue 18: "no function more than 5%
// slower"). Usage:
//   npm run build
//   node -r ts-node/register/transpile-only bench/compare.ts --baseline <dir of an older lib/dist/cjs> [--reps 15] [--procs 1] [--clock wall|cpu] [--only <regexp of case names>] [--after <dir of another build>] [--warm-ms 300] [--round-ms 2]
// Each build runs in a child process of its own, which loads that build only: two builds in one
// process are not timed alike (the copy loaded second paid 8–10 ns more per `lib.fn` lookup, and a
// case's closure shared by both builds gets polymorphic inline caches that favour the build warmed
// first). The parent drives the children round by round over stdin/stdout: each round times every
// case once in each child (a round is one call, or as many calls as fill --round-ms, and gives ms
// per call), alternating which goes first, so a burst of load from other processes hits both
// alike; before its rounds each child runs the case for --warm-ms of CPU time. The table gives the
// median ms of each, the ratio after/before (above 1: slower
// now) and the spread (the interquartile range of the per-round ratios), and the fastest round of
// each (least disturbed by other load). A child process can run a case at one of two speeds (V8's
// tiering and inline-cache decisions differ from process to process, in either build), so
// `--procs N` repeats the whole run with N fresh pairs of children and pools their rounds; the
// last column gives each pair's median ratio. `--clock cpu` times by the process's CPU time
// (user + system, all its threads) instead of the wall clock: on a machine shared with other
// work, a round the scheduler interrupts costs wall time but not CPU time.
// Build the baseline from an older commit into a folder of
// its own, e.g.
//   git archive <commit> lib tsconfig.json | tar -x -C /tmp/old && cd /tmp/old && tsc -p lib
import { spawn, type ChildProcessWithoutNullStreams } from "child_process";
import * as path from "path";
import * as readline from "readline";

type Lib = typeof import("../lib/src");

const args = process.argv.slice(2);
const at = (flag: string, def: string): string =>
  args.includes(flag) ? args[args.indexOf(flag) + 1] : def;
const REPS = Number(at("--reps", "15"));
const PROCS = Number(at("--procs", "1"));
const CLOCK = at("--clock", "wall");
/** `--only <regexp>`: time only the cases whose name matches (the rest are skipped, not changed). */
const ONLY = new RegExp(at("--only", ""));
/** `--after <dir>`: the build timed as "after" (default: this checkout's lib/dist/cjs). */
const AFTER = path.resolve(at("--after", path.join(__dirname, "..", "lib", "dist", "cjs")));
/** In a child: the one build it times (set by the parent). */
const CHILD = process.env.MLEKIT_COMPARE_BUILD;

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
function normals(n: number, seed: number, scale = 10): Float64Array {
  const r = xorshift(seed);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++)
    a[i] = scale * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return a;
}

const N = 1e6;
const p = distribution(N, 1);
const q = distribution(N, 2);
const near = Float64Array.from(p, (v, i) => v * (1 + (i % 2 ? 1e-9 : -1e-9)));
const w = Float64Array.from(p, (v) => v * 1234.5);
const z = normals(N, 3);
const x = normals(N, 4, 2);
const counts = Float64Array.from(distribution(N, 5), (v) => Math.floor(v * N * 4));
const expo = Float64Array.from(distribution(N, 6), (v) => v * N);
const table = Array.from({ length: 1000 }, (_, i) =>
  distribution(1000, 100 + i).map((v) => v / 1000),
);
const scalars = distribution(1e5, 7);
const logisticX = Array.from({ length: 2000 }, (_, i) => [
  Math.sin(i),
  Math.cos(3 * i),
  (i % 7) / 7,
]);
const logisticY = logisticX.map((r, i) =>
  r[0] + r[1] - r[2] + 0.3 * Math.sin(17 * i) > 0 ? 1 : 0,
);

let sink = 0;
const cases: [string, (l: Lib) => number][] = [
  ["klDivergence 1e6", (l) => l.klDivergence(p, q)],
  ["klDivergence 1e6, q = p(1 ± 1e-9)", (l) => l.klDivergence(p, near)],
  ["entropy 1e6", (l) => l.entropy(p)],
  ["entropy 1e6 normalize", (l) => l.entropy(w, { normalize: true })],
  ["crossEntropy 1e6", (l) => l.crossEntropy(p, q)],
  ["jsDivergence 1e6", (l) => l.jsDivergence(p, q)],
  ["logSumExp 1e6", (l) => l.logSumExp(z)],
  ["crossEntropyFromLogits 1e6", (l) => l.crossEntropyFromLogits(p, z)],
  ["softmax 1e6", (l) => l.softmax(z)[0]],
  ["logSoftmax 1e6", (l) => l.logSoftmax(z)[0]],
  ["jointEntropy 1000×1000", (l) => l.jointEntropy(table)],
  ["conditionalEntropy 1000×1000", (l) => l.conditionalEntropy(table)],
  ["mutualInformation 1000×1000", (l) => l.mutualInformation(table)],
  ["fitGaussian 1e6", (l) => l.fitGaussian(x).params.sigma],
  ["logLikelihood(gaussian) 1e6", (l) => l.logLikelihood(l.gaussian(0, 2), x)],
  ["logLikelihood(poisson(4)) 1e6", (l) => l.logLikelihood(l.poisson(4), counts)],
  ["logLikelihood(exponential) 1e6", (l) => l.logLikelihood(l.exponential(1), expo)],
  [
    "binaryCrossEntropyFromLogit ×1e5",
    (l) => {
      let s = 0;
      for (let i = 0; i < 1e5; i++) s += l.binaryCrossEntropyFromLogit(scalars[i], z[i]);
      return s;
    },
  ],
  [
    "binaryEntropy ×1e5",
    (l) => {
      let s = 0;
      for (let i = 0; i < 1e5; i++) s += l.binaryEntropy(scalars[i] * 1e3);
      return s;
    },
  ],
  [
    "logGamma ×1e5",
    (l) => {
      let s = 0;
      for (let i = 0; i < 1e5; i++) s += l.logGamma(scalars[i] * 1e7);
      return s;
    },
  ],
  [
    "gaussian.logProb ×1e5",
    (l) => {
      const d = l.gaussian(0, 2);
      let s = 0;
      for (let i = 0; i < 1e5; i++) s += d.logProb(x[i]);
      return s;
    },
  ],
  [
    "poisson.logProb ×1e5",
    (l) => {
      const d = l.poisson(4);
      let s = 0;
      for (let i = 0; i < 1e5; i++) s += d.logProb(counts[i] % 20);
      return s;
    },
  ],
  [
    "beta.logProb ×1e5",
    (l) => {
      const d = l.beta(2.5, 3.5);
      let s = 0;
      for (let i = 0; i < 1e5; i++) s += d.logProb(scalars[i] * 1e3);
      return s;
    },
  ],
  ["poisson(3).sample 1e5", (l) => l.poisson(3).sample(1e5, l.createRng(1))[0]],
  [
    "fitLogisticRegression 2000×3",
    (l) => l.fitLogisticRegression(logisticX, logisticY, { intercept: true }).loss,
  ],
  [
    "maximizeLikelihood gaussian (μ, log σ)",
    (l) =>
      l.maximizeLikelihood(
        (t) => l.logLikelihood(l.gaussian(t[0], Math.exp(t[1])), [1, 2, 3, 4]),
        [0, 0],
      ).value,
  ],
];

/**
 * ms per call of `fn`: one call, or as many as fill ROUND_MS when a call is shorter (a round of one
 * 0.1 ms call measured the scheduler more than the case: maximizeLikelihood's per-round ratios
 * spread from 0.87 to 2.51 between quartiles at load 22).
 */
function time(fn: () => number): number {
  const cpu = process.env.MLEKIT_COMPARE_CLOCK === "cpu";
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let calls = 0;
  let ms: number;
  do {
    sink += fn();
    calls++;
    if (cpu) {
      const c = process.cpuUsage(c0);
      ms = (c.user + c.system) / 1e3;
    } else ms = Number(process.hrtime.bigint() - t0) / 1e6;
  } while (ms < ROUND_MS);
  return ms / calls;
}
/** The least time a round of a case lasts (`--round-ms`; 0: one call a round). */
const ROUND_MS = Number(process.env.MLEKIT_COMPARE_ROUND ?? at("--round-ms", "2"));
const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
};
const quantile = (v: number[], q: number): number => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** CPU ms each child spends warming a case before it is timed (see `warm` in the child). */
const WARM_MS = Number(process.env.MLEKIT_COMPARE_WARM ?? at("--warm-ms", "300"));

/**
 * The child: loads its one build, then for each line "<case index>" times one round of that case
 * (see `time`) and prints the ms per call; for "w<case index>" runs the case at least 3 times and
 * until WARM_MS of CPU time have passed, and prints the number of calls. (A fixed 3 calls left a
 * case of 0.1 ms in V8's lower tiers while it was timed: maximizeLikelihood's first tens of calls
 * take 1 to 30 ms in either build, longer in the build whose code is larger; in a process of its
 * own, after 100 warm calls, the two builds ran at the same speed, 117–125 µs against 119–125.)
 */
function child(dir: string): void {
  const lib = require(dir) as Lib;
  const lines = readline.createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    if (line.startsWith("w")) {
      const fn = cases[Number(line.slice(1))][1];
      const c0 = process.cpuUsage();
      const spent = (): number => {
        const c = process.cpuUsage(c0);
        return (c.user + c.system) / 1e3;
      };
      let calls = 0;
      while (calls < 3 || spent() < WARM_MS) {
        sink += fn(lib);
        calls++;
      }
      process.stdout.write(`${calls}\n`);
      return;
    }
    const ms = time(() => cases[Number(line)][1](lib));
    process.stdout.write(`${ms}\n`);
  });
  lines.on("close", () => {
    if (!Number.isFinite(sink)) process.stdout.write("\n");
  });
}

/** A child process timing one build: `run(i)` times case i there once; `end()` lets it exit. */
function spawnBuild(dir: string): {
  run(i: number): Promise<number>;
  warm(i: number): Promise<number>;
  end(): void;
} {
  const proc: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [...process.execArgv, __filename],
    {
      env: {
        ...process.env,
        MLEKIT_COMPARE_BUILD: dir,
        MLEKIT_COMPARE_CLOCK: CLOCK,
        MLEKIT_COMPARE_WARM: String(WARM_MS),
        MLEKIT_COMPARE_ROUND: String(ROUND_MS),
      },
    },
  );
  proc.stderr.pipe(process.stderr);
  const replies = readline.createInterface({ input: proc.stdout });
  const waiting: ((ms: number) => void)[] = [];
  replies.on("line", (line) => waiting.shift()?.(Number(line)));
  proc.on("exit", (code) => {
    if (waiting.length) {
      console.error(`bench/compare: the child timing ${dir} exited (code ${code})`);
      process.exit(1);
    }
  });
  return {
    run: (i) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        proc.stdin.write(`${i}\n`);
      }),
    warm: (i) =>
      new Promise((resolve) => {
        waiting.push(resolve);
        proc.stdin.write(`w${i}\n`);
      }),
    end: () => proc.stdin.end(),
  };
}

async function parent(): Promise<void> {
  const baseline = at("--baseline", "");
  if (!baseline)
    throw new Error("bench/compare: --baseline <dir of an older lib/dist/cjs> is required");
  if (!(PROCS >= 1 && Number.isInteger(PROCS)) || !(REPS >= 1 && Number.isInteger(REPS)))
    throw new Error(`bench/compare: --procs and --reps take a positive integer`);
  if (!(WARM_MS >= 0 && ROUND_MS >= 0))
    throw new Error(`bench/compare: --warm-ms and --round-ms take a number >= 0`);
  if (CLOCK !== "wall" && CLOCK !== "cpu")
    throw new Error(`bench/compare: --clock is wall or cpu, not ${CLOCK}`);
  // rounds[i] = every round of case i over all the pairs: [before, after] ms
  const rounds: [number, number][][] = cases.map(() => []);
  const perPair: number[][] = cases.map(() => []); // each pair's median ratio
  for (let p = 0; p < PROCS; p++) {
    const before = spawnBuild(path.resolve(baseline));
    const after = spawnBuild(AFTER);
    for (const i of cases.keys()) {
      if (!ONLY.test(cases[i][0])) continue;
      // warm both on the case (and let V8 optimise) before timing: WARM_MS of calls each
      await before.warm(i);
      await after.warm(i);
      const ratios: number[] = [];
      for (let r = 0; r < REPS; r++) {
        let b: number;
        let a: number;
        if ((r + p) % 2 === 0) {
          b = await before.run(i);
          a = await after.run(i);
        } else {
          a = await after.run(i);
          b = await before.run(i);
        }
        rounds[i].push([b, a]);
        ratios.push(a / b);
      }
      perPair[i].push(median(ratios));
    }
    before.end();
    after.end();
  }
  console.log(
    `mlekit before/after, ${REPS} interleaved rounds in each of ${PROCS} pair(s) of child processes (one per build), ${CLOCK} clock, medians in ms (node ${process.version}; the machine may be shared)`,
  );
  console.log(
    "| case | before | after | after/before | IQR of the ratio | fastest before | fastest after | fastest ratio | each pair's median ratio |",
  );
  console.log("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |");
  for (const [i, [name]] of cases.entries()) {
    if (!ONLY.test(name)) continue;
    const tb = rounds[i].map((r) => r[0]);
    const ta = rounds[i].map((r) => r[1]);
    const ratios = rounds[i].map((r) => r[1] / r[0]);
    const mb = median(tb);
    const ma = median(ta);
    const fb = Math.min(...tb);
    const fa = Math.min(...ta);
    console.log(
      `| ${name} | ${mb.toFixed(2)} | ${ma.toFixed(2)} | ${(ma / mb).toFixed(3)} | ${quantile(ratios, 0.25).toFixed(2)} – ${quantile(ratios, 0.75).toFixed(2)} | ${fb.toFixed(2)} | ${fa.toFixed(2)} | ${(fa / fb).toFixed(3)} | ${perPair[i].map((x) => x.toFixed(2)).join(" ")} |`,
    );
  }
}

if (CHILD) child(CHILD);
else
  parent().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
