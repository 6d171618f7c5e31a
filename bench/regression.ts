// Benchmark of fitLinearRegression (issue 10): mlekit against numpy's `lstsq` (a python3 subprocess,
// when numpy is present), at m = 1e5 rows and p = 11 design columns (an intercept and 10 features).
//
// What is timed, per call (medians after a warm-up; inputs built before timing):
// - fitLinearRegression(X, y, { intercept: true }) on rows X (number[][]), i.e. including reading the rows.
//   numpy: `np.linalg.lstsq(X1, y, rcond=None)` on a ready float64 matrix X1 with the ones column.
// - two designs: Gaussian features (well conditioned), and the monomials t, …, t^10 on (0, 1)
//   (cond ≈ 2.3e7, the ill-conditioned case).
// Target: mlekit within 3× of numpy (ratio = mlekit ms / numpy ms ≤ 3), numpy with its default BLAS threads;
// numpy pinned to one thread is shown beside it (mlekit runs on one). On a loaded machine a multi-threaded
// BLAS can slow down far more than one thread: repeat the run and compare medians.
import { spawnSync } from "child_process";
import * as path from "path";
import { medianMs, useSink } from "./timing";
import { createRng, gaussian } from "../lib/src/distributions";
import { fitLinearRegression } from "../lib/src/estimators";

let pyVersions = "";
/** Runs the numpy side; `oneThread` pins its BLAS to one thread (mlekit runs on one). */
function runNumpy(oneThread: boolean): Record<string, number> | string {
  const script = path.join(__dirname, "numpy_regression.py");
  const env = oneThread
    ? { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" }
    : process.env;
  const r = spawnSync("python3", [script], { encoding: "utf8", maxBuffer: 1 << 20, env });
  if (r.error) return `python3 not available (${r.error.message})`;
  if (r.status !== 0) return `python3 failed: ${r.stderr.trim().split("\n").pop()}`;
  try {
    const out = JSON.parse(r.stdout);
    if (out.skipped) return out.skipped;
    pyVersions = `python ${out.versions.python}, numpy ${out.versions.numpy}`;
    return out.results;
  } catch {
    return `unreadable output from ${script}`;
  }
}

const M = 100_000;

export async function runRegressionBench(): Promise<void> {
  console.log("\n## fitLinearRegression vs numpy lstsq: median ms per call, m = 1e5, p = 11\n");
  const py = runNumpy(false);
  const numpy = typeof py === "string" ? undefined : py;
  const py1 = runNumpy(true);
  const numpy1 = typeof py1 === "string" ? undefined : py1;

  const rng = createRng(2024);
  const noise = gaussian(0, 1).sample(M, rng);
  const Xg: number[][] = [];
  const yg: number[] = [];
  for (let i = 0; i < M; i++) {
    const row = Array.from(gaussian(0, 1).sample(10, rng));
    Xg.push(row);
    yg.push(-1 + row.reduce((s, v, j) => s + v * (-0.8 + 0.2 * j), 0) + noise[i]);
  }
  const Xv: number[][] = [];
  const yv: number[] = [];
  for (let i = 0; i < M; i++) {
    const t = (i + 0.5) / M;
    const row: number[] = [];
    let v = 1;
    for (let k = 1; k <= 10; k++) row.push((v *= t));
    Xv.push(row);
    yv.push(1 / (1 + t * t));
  }

  const rows = [
    {
      design: "Gaussian features",
      mine: medianMs(() => fitLinearRegression(Xg, yg, { intercept: true }).sigma, 15),
      ref: numpy?.lstsq_gaussian,
      ref1: numpy1?.lstsq_gaussian,
    },
    {
      design: "monomials t..t^10, cond 2.3e7",
      mine: medianMs(() => fitLinearRegression(Xv, yv, { intercept: true }).sigma, 15),
      ref: numpy?.lstsq_monomials,
      ref1: numpy1?.lstsq_monomials,
    },
  ];
  const header = [
    "design",
    "mlekit ms",
    "numpy lstsq ms",
    "ratio (mlekit/numpy)",
    "target ≤ 3×",
    "numpy 1-thread ms",
    "ratio",
  ];
  const ratio = (mine: number, ref: number | undefined): string =>
    ref === undefined ? "—" : `${(mine / ref).toFixed(2)}×`;
  const table = rows.map((r) => [
    r.design,
    r.mine.toFixed(1),
    r.ref === undefined ? "—" : r.ref.toFixed(1),
    ratio(r.mine, r.ref),
    r.ref === undefined ? "—" : r.mine <= 3 * r.ref ? "met" : "not met",
    r.ref1 === undefined ? "—" : r.ref1.toFixed(1),
    ratio(r.mine, r.ref1),
  ]);
  const widths = header.map((h, j) => Math.max(h.length, ...table.map((row) => row[j].length)));
  const line = (cells: string[]): string =>
    "| " +
    cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join(" | ") +
    " |";
  console.log(line(header));
  console.log("| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |");
  for (const row of table) console.log(line(row));
  console.log("");
  console.log(
    typeof py === "string"
      ? `numpy column skipped: ${py}`
      : `numpy: ${pyVersions} (subprocess, same shapes; its time excludes building the matrix)`,
  );
  console.log(
    "target judged against numpy as installed (its BLAS threads); the 1-thread column pins OPENBLAS/OMP/MKL_NUM_THREADS=1",
  );
  console.log(`node ${process.version}; mlekit's time includes reading the rows of X`);
  useSink();
}
