// What two runs of a notebook computed, and whether they agree: the determinism check (two
// front ends, one kernel: exact) and the kernel check (tslab against Deno: numbers to a relative
// 1e-12, since another V8 may round the last bit differently). Used by scripts/test.ts.
import { PLOTLY_MIME, text as joinText, type Notebook } from "./nbformat";

/** Text without ANSI colour codes (a kernel colours console.log output when its environment asks). */
// eslint-disable-next-line no-control-regex
export const noAnsi = (t: string): string => t.replace(/\u001b\[[0-9;]*m/g, "");

/** One output, reduced to what the kernel computed. */
export type Comparable = {
  stream?: string;
  text?: string;
  error?: string;
  plain?: string;
  markdown?: string;
  traces?: string;
};

/**
 * What the kernel computed, comparable between two runs and two front ends: per code cell,
 * streams (consecutive ones merged, as JupyterLab shows them; colour codes dropped), text/plain, text/markdown and
 * the plot's traces. HTML (which differs by front end: plotly.js embedded or shared), images a
 * renderer or the export adds, ids and timings are left out.
 */
export function comparableOutputs(nb: Notebook): Comparable[][] {
  return nb.cells
    .flatMap((c) => (c.cell_type === "code" ? [c] : []))
    .map((c) => {
      const outs: Comparable[] = [];
      for (const o of c.outputs) {
        if (o.output_type === "stream") {
          const last = outs[outs.length - 1];
          if (last && last.stream === o.name) last.text += noAnsi(joinText(o.text));
          else outs.push({ stream: o.name, text: noAnsi(joinText(o.text)) });
        } else if (o.output_type === "error") outs.push({ error: `${o.ename}: ${o.evalue}` });
        else {
          const d = o.data || {};
          const plot = d[PLOTLY_MIME] as { data?: unknown } | undefined;
          outs.push({
            plain: noAnsi(joinText(d["text/plain"])),
            markdown: d["text/markdown"] === undefined ? undefined : joinText(d["text/markdown"]),
            traces: plot ? JSON.stringify(plot.data) : undefined,
          });
        }
      }
      return outs;
    });
}

/** The first cell whose outputs differ, for the failure message. */
export function firstDifferentCell(a: unknown[], b: unknown[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i]))
      return `code cell ${i + 1}: ${JSON.stringify(a[i]).slice(0, 200)} vs ${JSON.stringify(b[i]).slice(0, 200)}`;
  }
  return "";
}

/** A decimal number as JavaScript prints it (sign, digits, fraction, exponent). */
const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/g;

/**
 * Whether two numbers agree to a relative tolerance: equal, or |x − y| ≤ rel · max(|x|, |y|).
 * @example closeRelative(0.1 + 0.2, 0.3, 1e-12) // => true
 * @example closeRelative(1, 1 + 1e-9, 1e-12) // => false
 */
export function closeRelative(x: number, y: number, rel: number): boolean {
  if (x === y) return true;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= rel * Math.max(Math.abs(x), Math.abs(y));
}

/**
 * Why two texts differ when every number in them may differ by `rel` relative, or undefined
 * when they agree: the text between numbers must be identical, the numbers (read as JavaScript
 * prints them) close. Numbers that print with different lengths (`0.30000000000000004` and
 * `0.3`) compare by value; so a ulp-level difference does not fail, a digit that moved does.
 * @param a the first text
 * @param b the second text
 * @param rel the relative tolerance (default 1e-12)
 * @returns a one-line description of the first difference, or undefined
 * @example textDifference("p = 0.30000000000000004", "p = 0.3") // => undefined
 * @example textDifference("p = 0.31", "p = 0.3") // => "0.31 vs 0.3"
 * @example textDifference("p = 0.3", "q = 0.3") // => 'text "p = " vs "q = "'
 */
export function textDifference(a: string, b: string, rel = 1e-12): string | undefined {
  const partsA = a.split(NUMBER);
  const partsB = b.split(NUMBER);
  const numsA = a.match(NUMBER) ?? [];
  const numsB = b.match(NUMBER) ?? [];
  if (partsA.length !== partsB.length || numsA.length !== numsB.length) {
    return `${numsA.length} vs ${numsB.length} numbers: ${JSON.stringify(a.slice(0, 160))} vs ${JSON.stringify(b.slice(0, 160))}`;
  }
  for (let i = 0; i < partsA.length; i++) {
    if (partsA[i] !== partsB[i])
      return `text ${JSON.stringify(partsA[i].slice(0, 160))} vs ${JSON.stringify(partsB[i].slice(0, 160))}`;
    if (i < numsA.length && !closeRelative(Number(numsA[i]), Number(numsB[i]), rel))
      return `${numsA[i]} vs ${numsB[i]}`;
  }
  return undefined;
}

/** One difference between two runs' outputs, located by code cell (1-based) and output. */
export interface OutputDifference {
  cell: number;
  output: number;
  field: keyof Comparable | "count";
  detail: string;
}

/**
 * Every difference between two runs' comparable outputs ({@link comparableOutputs}), with the
 * numbers in streams, text/plain, text/markdown, errors and plot traces compared to `rel`
 * relative ({@link textDifference}).
 * @returns an empty list when the runs agree
 */
export function outputDifferences(
  a: Comparable[][],
  b: Comparable[][],
  rel = 1e-12,
): OutputDifference[] {
  const diffs: OutputDifference[] = [];
  for (let c = 0; c < Math.max(a.length, b.length); c++) {
    const oa = a[c] ?? [];
    const ob = b[c] ?? [];
    if (oa.length !== ob.length) {
      diffs.push({
        cell: c + 1,
        output: 0,
        field: "count",
        detail: `${oa.length} vs ${ob.length} outputs: ${JSON.stringify(oa).slice(0, 200)} vs ${JSON.stringify(ob).slice(0, 200)}`,
      });
      continue;
    }
    for (let o = 0; o < oa.length; o++) {
      const fields = new Set([
        ...Object.keys(oa[o]),
        ...Object.keys(ob[o]),
      ] as (keyof Comparable)[]);
      for (const f of fields) {
        const x = oa[o][f];
        const y = ob[o][f];
        if (x === y) continue;
        const d =
          x === undefined || y === undefined
            ? `${JSON.stringify(x)} vs ${JSON.stringify(y)}`.slice(0, 300)
            : textDifference(x, y, rel);
        if (d !== undefined) diffs.push({ cell: c + 1, output: o + 1, field: f, detail: d });
      }
    }
  }
  return diffs;
}

/** Text with quotes dropped, runs of white space and of table-rule dashes collapsed. */
const flat = (t: string): string =>
  t
    .replace(/['"]/g, "")
    .replace(/(^|\s)-+(?=\s|$)/g, "$1--")
    .replace(/\s+/g, " ")
    .trim();

/**
 * The outputs as both kernels would show the same values, for the tslab–Deno comparison. A
 * cell's value reaches the notebook differently: tslab prints it to stdout with Node's
 * `util.inspect` (strings bare, keys and strings in single quotes), Deno sends an
 * `execute_result` with `Deno.inspect` (strings in double quotes, its own line breaks). So in
 * each cell, stdout and every text-only result are joined, in order, into one stdout text; in
 * every text, quotes are dropped and runs of white space and of table-rule dashes collapsed
 * (a table's column width follows its widest number, and a number may print one digit longer).
 * @example kernelNeutral([[{ stream: "stdout", text: "{ 'a b': 1 }\n" }]]) // => [[{ stream: "stdout", text: "{ a b: 1 }" }]]
 * @example kernelNeutral([[{ plain: '{ "a b": 1 }' }]]) // => [[{ stream: "stdout", text: "{ a b: 1 }" }]]
 */
export function kernelNeutral(cells: Comparable[][]): Comparable[][] {
  return cells.map((outs) => {
    const res: Comparable[] = [];
    let pending: string[] | undefined;
    const flush = () => {
      if (pending) res.push({ stream: "stdout", text: flat(pending.join("\n")) });
      pending = undefined;
    };
    for (const o of outs) {
      const textOnly = o.plain !== undefined && o.markdown === undefined && o.traces === undefined;
      if (o.stream === "stdout" || textOnly)
        (pending ??= []).push(o.stream === "stdout" ? (o.text ?? "") : (o.plain ?? ""));
      else {
        flush();
        const n: Comparable = { ...o };
        for (const k of ["text", "plain", "markdown"] as const)
          if (n[k] !== undefined) n[k] = flat(n[k] as string);
        res.push(n);
      }
    }
    flush();
    return res;
  });
}

/** A difference between the kernels that is expected, with the reason; see {@link KNOWN_KERNEL_DIFFERENCES}. */
export interface KnownDifference {
  /** The notebook's file name without `.ipynb`. */
  notebook: string;
  /** The code cell (1-based). */
  cell: number;
  /** The relative tolerance for this cell's numbers. */
  rel: number;
  /** Numbers below this magnitude in both runs count as equal in this cell (0: none). */
  floor: number;
  why: string;
}

const OPTIMISER =
  "a Nelder–Mead optimum (maximizeLikelihood): its path turns last-ulp differences of Math.exp/log into answers that differ within its tolerance";
/**
 * The cells whose numbers differ between tslab (Node 20's V8) and Deno 2.9 (V8 15) beyond 1e-12
 * relative, each with its tolerance and reason; nothing else is excused. Underneath: the two
 * V8s' Math.exp, log, pow, sin, atan, cbrt, log10 differ in the last bit for 4–10 % of
 * arguments (20,000 seeded arguments each; sqrt and hypot agree), so sums of many logs differ
 * by about 1e-12 and iterative optima by up to their convergence tolerance. Each notebook
 * asserts its claims with margins far wider than these.
 */
export const KNOWN_KERNEL_DIFFERENCES: readonly KnownDifference[] = [
  {
    notebook: "02-maximum-likelihood",
    cell: 18,
    rel: 1e-12,
    floor: 1e-9,
    why:
      "the 'relative difference' column is the optimiser's error against the closed form (1e-11 to 1e-15), " +
      OPTIMISER,
  },
  {
    notebook: "03-self-information-and-entropy",
    cell: 24,
    rel: 1e-10,
    floor: 0,
    why: "Monte Carlo means of 20,000 log-densities; the logs differ in the last bit",
  },
  {
    notebook: "04-kl-divergence-and-cross-entropy",
    cell: 6,
    rel: 1e-10,
    floor: 0,
    why: "KL divergences of random pairs, sums of logs",
  },
  {
    notebook: "04-kl-divergence-and-cross-entropy",
    cell: 9,
    rel: 1e-9,
    floor: 1e-9,
    why: "a grid mean that is 0 up to rounding (-2e-10 vs 5e-10), and the variance about it (6e-11 relative apart)",
  },
  {
    notebook: "04-kl-divergence-and-cross-entropy",
    cell: 15,
    rel: 1,
    floor: 1e-12,
    why: "the cell shows the largest rounding gap of H(P, Q) − H(P) − KL(P ‖ Q) over random pairs (about 1e-15): a rounding error itself, so each libm gives its own; the cell asserts it is below 1e-12",
  },
  {
    notebook: "04-kl-divergence-and-cross-entropy",
    cell: 10,
    rel: 1e-8,
    floor: 1e-8,
    why: OPTIMISER + "; a reverse KL that is 0 at the optimum prints as ±1e-9",
  },
  {
    notebook: "04-kl-divergence-and-cross-entropy",
    cell: 14,
    rel: 1e-8,
    floor: 1e-30,
    why: "densities at the optimiser's parameters (cell 10); far in a tail (1e-41) a parameter's 1e-10 moves the value by 1e-8 relative, invisible in the plot",
  },
  {
    notebook: "05-mle-is-min-kl-is-min-cross-entropy",
    cell: 16,
    rel: 1e-8,
    floor: 0,
    why: OPTIMISER,
  },
  {
    notebook: "05-mle-is-min-kl-is-min-cross-entropy",
    cell: 24,
    rel: 1e-8,
    floor: 0,
    why: "σ_Δ = argmin KL per bin width, " + OPTIMISER,
  },
  {
    notebook: "06-conditional-likelihood-and-loss-functions",
    cell: 10,
    rel: 1e-6,
    floor: 1e-10,
    why: "the excess loss h_k − L of each Newton step is a difference of two mean losses near 0.3, so the two runs agree to about 1e-17 absolute (a last-bit difference of one log in them), not relatively: 6.366910638641587e-7 vs 6.36691063850281e-7 and 6.152963555328128e-11 vs 6.152962861438738e-11 (clean clones of 83362b9 and bac1fa9); 1e-6 relative above 1e-10, and below it the excess is rounding itself",
  },
  { notebook: "08-map-and-regularisation", cell: 4, rel: 1e-8, floor: 0, why: OPTIMISER },
];

/**
 * Every difference between a tslab run and a Deno run of one notebook, after
 * {@link kernelNeutral}, numbers to `rel` relative; a cell of {@link KNOWN_KERNEL_DIFFERENCES}
 * is compared with its own tolerance and floor instead.
 * @returns the unexpected differences, and the known ones that occurred (each within its tolerance)
 */
export function kernelDifferences(
  notebook: string,
  tslab: Comparable[][],
  deno: Comparable[][],
  rel = 1e-12,
): { unexpected: OutputDifference[]; known: OutputDifference[] } {
  const a = kernelNeutral(tslab);
  const b = kernelNeutral(deno);
  const unexpected: OutputDifference[] = [];
  const known: OutputDifference[] = [];
  for (const d of outputDifferences(a, b, rel)) {
    const k = KNOWN_KERNEL_DIFFERENCES.find((x) => x.notebook === notebook && x.cell === d.cell);
    const x = a[d.cell - 1]?.[d.output - 1]?.[d.field as keyof Comparable];
    const y = b[d.cell - 1]?.[d.output - 1]?.[d.field as keyof Comparable];
    if (!k || typeof x !== "string" || typeof y !== "string") {
      unexpected.push(d);
      continue;
    }
    const floored = (t: string) =>
      t.replace(NUMBER, (n) => (Math.abs(Number(n)) < k.floor ? "0" : n));
    const again = textDifference(floored(x), floored(y), k.rel);
    if (again === undefined) known.push(d);
    else
      unexpected.push({
        ...d,
        detail: `${again} (beyond this cell's known tolerance ${k.rel} relative, floor ${k.floor})`,
      });
  }
  return { unexpected, known };
}
