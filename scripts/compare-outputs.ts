// What two runs of a notebook computed, and whether they agree: the determinism check (two
// front ends, one kernel: exact) and the kernel check (tslab against Deno: numbers to a relative
// 1e-12, since another V8 may round the last bit differently). Used by scripts/test.ts.
import { PLOTLY_MIME, text as joinText, type Notebook } from "./nbformat";

/** Text without ANSI colour codes (a kernel colours console.log output when its environment asks). */
// eslint-disable-next-line no-control-regex
export const noAnsi = (t: string): string => t.replace(/\u001b\[[0-9;]*m/g, "");

/** One output, reduced to what the kernel computed. */
export type Comparable = { stream?: string; text?: string; error?: string; plain?: string; markdown?: string; traces?: string };

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
    if (JSON.stringify(a[i]) !== JSON.stringify(b[i])) return `code cell ${i + 1}: ${JSON.stringify(a[i]).slice(0, 200)} vs ${JSON.stringify(b[i]).slice(0, 200)}`;
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
    if (partsA[i] !== partsB[i]) return `text ${JSON.stringify(partsA[i].slice(0, 160))} vs ${JSON.stringify(partsB[i].slice(0, 160))}`;
    if (i < numsA.length && !closeRelative(Number(numsA[i]), Number(numsB[i]), rel)) return `${numsA[i]} vs ${numsB[i]}`;
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
export function outputDifferences(a: Comparable[][], b: Comparable[][], rel = 1e-12): OutputDifference[] {
  const diffs: OutputDifference[] = [];
  for (let c = 0; c < Math.max(a.length, b.length); c++) {
    const oa = a[c] ?? [];
    const ob = b[c] ?? [];
    if (oa.length !== ob.length) {
      diffs.push({ cell: c + 1, output: 0, field: "count", detail: `${oa.length} vs ${ob.length} outputs: ${JSON.stringify(oa).slice(0, 200)} vs ${JSON.stringify(ob).slice(0, 200)}` });
      continue;
    }
    for (let o = 0; o < oa.length; o++) {
      const fields = new Set([...Object.keys(oa[o]), ...Object.keys(ob[o])] as (keyof Comparable)[]);
      for (const f of fields) {
        const x = oa[o][f];
        const y = ob[o][f];
        if (x === y) continue;
        const d = x === undefined || y === undefined ? `${JSON.stringify(x)} vs ${JSON.stringify(y)}`.slice(0, 300) : textDifference(x, y, rel);
        if (d !== undefined) diffs.push({ cell: c + 1, output: o + 1, field: f, detail: d });
      }
    }
  }
  return diffs;
}
