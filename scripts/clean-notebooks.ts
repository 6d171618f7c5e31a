// Notebook hygiene (nbdev style) for the committed notebooks: no outputs, execution_count null,
// no per-run cell metadata, and notebook metadata exactly as the project's kernel reports it,
// written byte for byte as Jupyter itself writes a notebook (nbformat: keys sorted, indent 1,
// multiline strings as lists of lines, non-ASCII kept, a final newline). So a student who opens
// a committed notebook in JupyterLab and saves it without running anything leaves git clean,
// and a notebook committed after a run fails `npm test`.
//
//   npm run clean-notebooks                          clean every notebooks/*.ipynb in place
//   npm run clean-notebooks -- FILE...               clean these
//   npm run clean-notebooks -- --check [FILE...]     report, exit 1 when one is not clean
import * as fs from "fs";
import { listNotebooks, splitLines, text, type Notebook } from "./notebooks";
import { KERNEL_DISPLAY_NAME, KERNEL_NAME } from "./setup";

/** Re-exported: callers imported it from here before it moved to notebooks.ts. */
export { splitLines };

/** What JupyterLab writes into `metadata.kernelspec` for the project's kernel (scripts/setup.ts). */
export const KERNELSPEC = {
  display_name: KERNEL_DISPLAY_NAME,
  language: "typescript",
  name: KERNEL_NAME,
};
/**
 * What JupyterLab writes into `metadata.language_info` as soon as the kernel connects: tslab
 * 1.0.22's kernel_info reply, verbatim (its `version` field is a constant in tslab).
 */
export const LANGUAGE_INFO = {
  codemirror_mode: { mode: "typescript", name: "javascript", typescript: true },
  file_extension: ".ts",
  mimetype: "text/typescript",
  name: "typescript",
  version: "3.7.2",
};
/** Cell metadata that only records a run or a view, never content. */
const VOLATILE_CELL_METADATA = ["execution", "collapsed", "scrolled", "ExecuteTime", "trusted"];
/** Notebook metadata the project keeps; anything else (widgets state, signatures, ...) goes. */
const KEPT_METADATA = ["kernelspec", "language_info"];

/** A value with every object's keys sorted (Python's json.dumps(sort_keys=True)). */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    const obj = v as Record<string, unknown>;
    for (const k of Object.keys(obj).sort()) out[k] = sortKeys(obj[k]);
    return out;
  }
  return v;
}

/** The notebook as nbformat writes it: sorted keys, indent 1, non-ASCII kept, final newline. */
export function serialize(nb: Notebook): string {
  return JSON.stringify(sortKeys(nb), null, 1) + "\n";
}

const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/**
 * Problems that make a notebook unclean, as strings; empty when it is clean.
 * @param nb the parsed notebook
 * @param text the file's text, to also check that it is written as Jupyter writes it
 */
export function problems(nb: Notebook, text?: string): string[] {
  const out: string[] = [];
  if (nb.nbformat !== 4 || nb.nbformat_minor < 5)
    out.push(
      `nbformat ${nb.nbformat}.${nb.nbformat_minor}, expected 4.5 (cell ids, as JupyterLab 4 saves it)`,
    );
  const md = nb.metadata || {};
  if (!sameJson(md.kernelspec, KERNELSPEC))
    out.push(
      `metadata.kernelspec ${JSON.stringify(md.kernelspec)}, expected ${JSON.stringify(KERNELSPEC)}`,
    );
  if (!sameJson(md.language_info, LANGUAGE_INFO))
    out.push(
      `metadata.language_info is not what the tslab kernel reports (JupyterLab would rewrite it on save)`,
    );
  const extra = Object.keys(md).filter((k) => !KEPT_METADATA.includes(k));
  if (extra.length) out.push(`notebook metadata ${extra.join(", ")}`);
  (nb.cells || []).forEach((c, i) => {
    if (c.cell_type === "code") {
      if (c.outputs && c.outputs.length) out.push(`cell ${i}: has ${c.outputs.length} output(s)`);
      if (c.execution_count !== null) out.push(`cell ${i}: execution_count ${c.execution_count}`);
    }
    if (c.id === undefined) out.push(`cell ${i}: no id`);
    for (const k of VOLATILE_CELL_METADATA)
      if (c.metadata && k in c.metadata) out.push(`cell ${i}: metadata.${k}`);
  });
  if (text !== undefined && out.length === 0 && text !== serialize(clean(JSON.parse(text)))) {
    out.push(
      "not written as Jupyter writes it (sorted keys, indent 1, source as a list of lines, final newline)",
    );
  }
  return out;
}

/** Cleans `nb` in place and returns it. */
export function clean(nb: Notebook): Notebook {
  const md = nb.metadata || {};
  nb.metadata = {
    ...Object.fromEntries(Object.entries(md).filter(([k]) => KEPT_METADATA.includes(k))),
    kernelspec: KERNELSPEC,
    language_info: LANGUAGE_INFO,
  };
  nb.nbformat = 4;
  if (!(nb.nbformat_minor >= 5)) nb.nbformat_minor = 5;
  nb.cells.forEach((c, i) => {
    if (c.cell_type === "code") {
      c.outputs = [];
      c.execution_count = null;
    }
    if (c.id === undefined) c.id = `cell-${String(i).padStart(2, "0")}`;
    c.metadata = c.metadata || {};
    const meta = c.metadata;
    for (const k of VOLATILE_CELL_METADATA) delete meta[k];
    c.source = splitLines(text(c.source));
  });
  return nb;
}

/** The command line: cleans (or with --check, reports) the files named, or every notebook in notebooks/. */
function main(argv: readonly string[]): void {
  const check = argv.includes("--check");
  let files = argv.filter((a) => !a.startsWith("--"));
  if (files.length === 0) files = listNotebooks();
  let bad = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    const nb = JSON.parse(text) as Notebook;
    const p = problems(nb, text);
    if (check) {
      if (p.length) {
        bad++;
        console.log(`${f}: ${p.join("; ")}`);
      }
    } else {
      const cleaned = serialize(clean(nb));
      if (cleaned !== text) {
        fs.writeFileSync(f, cleaned);
        console.log(`cleaned ${f}`);
      }
    }
  }
  if (check && bad) {
    console.log(`${bad} notebook(s) not clean; run: npm run clean-notebooks`);
    process.exit(1);
  }
}

if (require.main === module) main(process.argv.slice(2));
