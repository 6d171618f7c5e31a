// Benchmark of the estimators group (issue 4): mlekit against numpy/scipy (a subprocess, when
// python3 with numpy and scipy is present) and against the obvious JS alternatives.
//
// What is timed, per call (medians after a warm-up; inputs built before timing):
// (fitGaussian is in bench/information.ts, at n = 1e6 for the three input kinds, issue 10.)
// - logLikelihood(gaussian(mu, s), xs), 1e6: the specialised sum (no log per element).
//   scipy: `stats.norm.logpdf(x, mu, s).sum()`. JS reference: Σ d.logProb(x) through the closure.
// - gaussian(mu, s).sample(1e6, rng): Marsaglia polar on pure-rand's xoroshiro128+.
//   numpy: `rng.normal(mu, s, 1e6)` (ziggurat on PCG64).
// - logLikelihood(poisson(4), ks), 1e6: log-factorial table. scipy: `stats.poisson.logpmf(k, 4).sum()`.
// Ratios are "other time / mlekit time": above 1 means mlekit is faster.
import { spawnSync } from "child_process";
import * as path from "path";
import { medianMs, useSink } from "./timing";
import { createRng, gaussian, poisson } from "../lib/src/distributions";
import { logLikelihood } from "../lib/src/estimators";

let pyVersions = "";
function runNumpy(): Record<string, number> | string {
  const script = path.join(__dirname, "numpy_estimators.py");
  const r = spawnSync("python3", [script], { encoding: "utf8", maxBuffer: 1 << 20 });
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

const fmt = (ms: number | undefined): string =>
  ms === undefined ? "—" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
const pad = (s: string, w: number): string => (s.length >= w ? s : " ".repeat(w - s.length) + s);

export async function runEstimatorsBench(): Promise<void> {
  console.log("\n## Estimators: median ms per call (Float64Array inputs)\n");
  const py = runNumpy();
  const numpy = typeof py === "string" ? undefined : py;

  const rng = createRng(2024);
  const x6 = gaussian(3, 2).sample(1e6, rng);
  const k6 = poisson(4).sample(1e6, rng);
  const model = gaussian(3, 2);
  const pois = poisson(4);

  const llMs = medianMs(() => logLikelihood(model, x6), 15);
  const closureMs = medianMs(() => {
    let s = 0;
    for (let i = 0; i < x6.length; i++) s += model.logProb(x6[i]);
    return s;
  }, 15);
  const sampleRng = createRng(7);
  const sampleMs = medianMs(() => gaussian(3, 2).sample(1e6, sampleRng)[0], 15);
  const poisMs = medianMs(() => logLikelihood(pois, k6), 15);

  interface Row {
    op: string;
    n: string;
    mine: number;
    ref: string;
    refMs?: number;
    target: string;
    met?: boolean;
  }
  const rows: Row[] = [
    {
      op: "logLikelihood(gaussian)",
      n: "1e6",
      mine: llMs,
      ref: "scipy norm.logpdf(x,mu,s).sum()",
      refMs: numpy?.logLikGaussian_1e6,
      target: "≤ 1× scipy",
    },
    {
      op: "logLikelihood(gaussian)",
      n: "1e6",
      mine: llMs,
      ref: "JS Σ d.logProb(x) (closure)",
      refMs: closureMs,
      target: "",
    },
    {
      op: "gaussian.sample",
      n: "1e6",
      mine: sampleMs,
      ref: "numpy rng.normal(mu,s,n)",
      refMs: numpy?.sampleGaussian_1e6,
      target: "< 100 ms",
    },
    {
      op: "logLikelihood(poisson)",
      n: "1e6",
      mine: poisMs,
      ref: "scipy poisson.logpmf(k,4).sum()",
      refMs: numpy?.logLikPoisson_1e6,
      target: "",
    },
  ];
  rows[0].met = rows[0].refMs === undefined ? undefined : llMs <= rows[0].refMs;
  rows[2].met = sampleMs < 100;

  const header = ["op", "n", "mlekit", "reference", "ref ms", "ratio", "target", "met"];
  const table = rows.map((r) => [
    r.op,
    r.n,
    fmt(r.mine),
    r.ref,
    fmt(r.refMs),
    r.refMs === undefined ? "—" : `${(r.refMs / r.mine).toFixed(1)}×`,
    r.target,
    r.met === undefined ? (r.target ? "—" : "") : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...table.map((row) => row[j].length)));
  const line = (cells: string[]): string =>
    "| " +
    cells
      .map((c, j) => (j === 0 || j === 3 || j === 6 ? c.padEnd(widths[j]) : pad(c, widths[j])))
      .join(" | ") +
    " |";
  console.log(line(header));
  console.log("| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |");
  for (const row of table) console.log(line(row));
  console.log("");
  console.log(
    typeof py === "string"
      ? `numpy/scipy column skipped: ${py}`
      : `numpy/scipy: ${pyVersions} (subprocess, same sizes)`,
  );
  console.log(
    `node ${process.version}; ratio = reference ms / mlekit ms (above 1: mlekit is faster)`,
  );
  useSink();
}
