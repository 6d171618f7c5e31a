// Precision figures of issue 10: relative error against 50-digit mpmath references, for mlekit,
// a naive JS loop and numpy/scipy. The references are the committed fixtures written by
// tests/fixtures/generate_information.py and generate_estimators.py; the tests assert the
// targets (<= 1e-12), this script prints the figures.
//
//   node -r ts-node/register/transpile-only bench/precision.ts     (also part of `npm run bench`)
import { readFileSync } from "fs";
import { join } from "path";
import { bernoulli, exponential, gaussian, klBetween, poisson } from "../lib/src/distributions";
import type { Distribution } from "../lib/src/distributions";
import { crossEntropy, entropy, klDivergence, logSumExp } from "../lib/src/information";
import { longSumInputs } from "../tests/information/helpers";

/** klBetween on a pair built at run time: its overloads only type-check statically known families. */
const klOf = klBetween as (a: Distribution, b: Distribution, opts?: { base?: number }) => number;

const fixtures = JSON.parse(
  readFileSync(join(__dirname, "../tests/fixtures/information.json"), "utf8"),
);
const estimators = JSON.parse(
  readFileSync(join(__dirname, "../tests/fixtures/estimators.json"), "utf8"),
);

const rel = (got: number, want: number): number =>
  got === want ? 0 : Math.abs(got - want) / Math.abs(want);
const e = (x: number): string => (x === 0 ? "0" : x.toExponential(1));

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) =>
    "| " +
    cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join(" | ") +
    " |";
  console.log(line(header));
  console.log("|" + widths.map((w) => "-".repeat(w + 2)).join("|") + "|");
  for (const r of rows) console.log(line(r));
}

export function runPrecision(): void {
  console.log("\n## Precision (issue 10): relative error against 50-digit mpmath\n");

  // ------------------------------------------------------------------ 1e7-element sums
  const L = fixtures.longSums;
  const { p, q, x } = longSumInputs(L.n);
  let ne = 0;
  let nc = 0;
  let nk = 0;
  for (let i = 0; i < L.n; i++) {
    ne -= p[i] * Math.log(p[i]);
    nc -= p[i] * Math.log(q[i]);
    nk += p[i] * Math.log(p[i] / q[i]);
  }
  let m = -Infinity;
  for (let i = 0; i < L.n; i++) if (x[i] > m) m = x[i];
  let s = 0;
  for (let i = 0; i < L.n; i++) s += Math.exp(x[i] - m);
  const nl = m + Math.log(s);
  console.log(
    `### Sums over n = ${L.n.toExponential(0)} elements (inputs: the "longSums" recipe; target <= 1e-12)\n`,
  );
  printTable(
    ["function", "mlekit", "naive JS loop", "numpy/scipy"],
    [
      [
        "entropy",
        e(rel(entropy(p), L.entropy)),
        e(rel(ne, L.entropy)),
        e(rel(L.numpy.entropy, L.entropy)),
      ],
      [
        "crossEntropy",
        e(rel(crossEntropy(p, q), L.crossEntropy)),
        e(rel(nc, L.crossEntropy)),
        e(rel(L.numpy.crossEntropy, L.crossEntropy)),
      ],
      [
        "klDivergence",
        e(rel(klDivergence(p, q), L.klDivergence)),
        e(rel(nk, L.klDivergence)),
        e(rel(L.numpy.klDivergence, L.klDivergence)),
      ],
      [
        "logSumExp",
        e(rel(logSumExp(x), L.logSumExp)),
        e(rel(nl, L.logSumExp)),
        e(rel(L.numpy.logSumExp, L.logSumExp)),
      ],
    ],
  );
  console.log(
    "\nnumpy/scipy: stats.entropy(p), -(p*log q).sum(), rel_entr(p, q).sum(), logsumexp(x) (pairwise sums).",
  );

  // ------------------------------------------------------------------ KL near equality
  console.log(
    "\n### klDivergence with q within 1e-7 of p (fixture klNearEquality; target <= 1e-12)\n",
  );
  const rows: string[][] = [];
  for (const f of fixtures.klNearEquality) {
    let naive = 0;
    for (let i = 0; i < f.p.length; i++)
      if (f.p[i] > 0) naive += f.p[i] * Math.log(f.p[i] / f.q[i]);
    const maxDiff = Math.max(...f.p.map((v: number, i: number) => Math.abs(v - f.q[i])));
    rows.push([
      `n = ${f.p.length}, max|p - q| = ${e(maxDiff)}`,
      e(f.expected),
      e(rel(klDivergence(f.p, f.q), f.expected)),
      e(rel(naive, f.expected)),
      e(rel(f.scipy, f.expected)),
    ]);
  }
  printTable(["case", "KL", "mlekit", "naive p log(p/q)", "scipy rel_entr sum"], rows);

  // ------------------------------------------------------------------ klBetween
  console.log(
    "\n### klBetween, nearly equal and extreme parameters (fixture klBetweenPrecise; target <= 1e-12)\n",
  );
  const build = (family: string, params: Record<string, number>): Distribution => {
    if (family === "gaussian") return gaussian(params.mu, params.sigma);
    if (family === "poisson") return poisson(params.lambda);
    if (family === "exponential") return exponential(params.rate);
    return bernoulli(params.p);
  };
  // the textbook closed forms, as the library had them before issue 10
  const textbook = (
    family: string,
    a: Record<string, number>,
    b: Record<string, number>,
  ): number => {
    if (family === "gaussian") {
      const r = a.sigma / b.sigma;
      const d = a.mu - b.mu;
      return -Math.log(r) + 0.5 * (r * r + (d * d) / (b.sigma * b.sigma)) - 0.5;
    }
    if (family === "poisson")
      return a.lambda === 0
        ? b.lambda
        : a.lambda * Math.log(a.lambda / b.lambda) + b.lambda - a.lambda;
    if (family === "exponential") {
      const r = a.rate / b.rate;
      return Math.log(r) + 1 / r - 1;
    }
    const t = a.p > 0 ? a.p * Math.log(a.p / b.p) : 0;
    return t + (a.p < 1 ? (1 - a.p) * Math.log((1 - a.p) / (1 - b.p)) : 0);
  };
  const kb: string[][] = [];
  for (const f of estimators.klBetweenPrecise) {
    const want = f.value === null ? Infinity : f.value;
    const got = klOf(build(f.family, f.a), build(f.family, f.b) as never);
    const old = textbook(f.family, f.a, f.b);
    const show = (v: number) => (Number.isNaN(v) ? "NaN" : e(rel(v, want)));
    kb.push([
      `${f.family} ${JSON.stringify(f.a)} ‖ ${JSON.stringify(f.b)}`,
      want === Infinity ? "Infinity" : e(want),
      show(got),
      show(old),
    ]);
  }
  printTable(["pair", "KL", "mlekit", "textbook closed form"], kb);
  console.log(
    "\n(a relative error of 1 is a result of 0, or Infinity/NaN where the value is finite)",
  );
}

if (require.main === module) runPrecision();
