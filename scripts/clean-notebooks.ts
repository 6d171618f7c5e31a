// @ts-nocheck
// Notebook hygiene (nbdev style) for the committed notebooks: no outputs, execution_count null,
// no per-run cell metadata, and notebook metadata exactly as the project's kernel reports it,
// written byte for byte as Jupyter itself writes a notebook (nbformat: keys sorted, indent 1,
// multiline strings as lists of lines, non-ASCII kept, a final newline). So a student who opens
// a committed notebook in JupyterLab and saves it without running anything leaves git clean,
// and a notebook committed after a run fails `npm test`.
//
//   node scripts/clean-notebooks.js                 clean every notebooks/*.ipynb in place
//   node scripts/clean-notebooks.js FILE...         clean these
//   node scripts/clean-notebooks.js --check [FILE...]  report, exit 1 when one is not clean
"use strict";
const fs = require("fs");
const path = require("path");

/** What JupyterLab writes into `metadata.kernelspec` for the project's kernel (scripts/setup.js). */
const KERNELSPEC = { display_name: "TypeScript", language: "typescript", name: "tslab" };
/**
 * What JupyterLab writes into `metadata.language_info` as soon as the kernel connects: tslab
 * 1.0.22's kernel_info reply, verbatim (its `version` field is a constant in tslab).
 */
const LANGUAGE_INFO = {
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

/** Python's str.splitlines(keepends=True), which nbformat uses to store multiline strings. */
function splitLines(s) {
  if (s === "") return [];
  return s.match(/[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|$)/g).filter((l) => l !== "");
}

const joined = (s) => (Array.isArray(s) ? s.join("") : String(s ?? ""));

/** A value with every object's keys sorted (Python's json.dumps(sort_keys=True)). */
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

/** The notebook as nbformat writes it: sorted keys, indent 1, non-ASCII kept, final newline. */
function serialize(nb) {
  return JSON.stringify(sortKeys(nb), null, 1) + "\n";
}

const sameJson = (a, b) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));

/** Problems that make a notebook unclean, as strings; empty when it is clean. */
function problems(nb, text) {
  const out = [];
  if (nb.nbformat !== 4 || nb.nbformat_minor < 5) out.push(`nbformat ${nb.nbformat}.${nb.nbformat_minor}, expected 4.5 (cell ids, as JupyterLab 4 saves it)`);
  const md = nb.metadata || {};
  if (!sameJson(md.kernelspec, KERNELSPEC)) out.push(`metadata.kernelspec ${JSON.stringify(md.kernelspec)}, expected ${JSON.stringify(KERNELSPEC)}`);
  if (!sameJson(md.language_info, LANGUAGE_INFO)) out.push(`metadata.language_info is not what the tslab kernel reports (JupyterLab would rewrite it on save)`);
  const extra = Object.keys(md).filter((k) => !KEPT_METADATA.includes(k));
  if (extra.length) out.push(`notebook metadata ${extra.join(", ")}`);
  (nb.cells || []).forEach((c, i) => {
    if (c.cell_type === "code") {
      if (c.outputs && c.outputs.length) out.push(`cell ${i}: has ${c.outputs.length} output(s)`);
      if (c.execution_count !== null) out.push(`cell ${i}: execution_count ${c.execution_count}`);
    }
    if (c.id === undefined) out.push(`cell ${i}: no id`);
    for (const k of VOLATILE_CELL_METADATA) if (c.metadata && k in c.metadata) out.push(`cell ${i}: metadata.${k}`);
  });
  if (text !== undefined && out.length === 0 && text !== serialize(clean(JSON.parse(text)))) {
    out.push("not written as Jupyter writes it (sorted keys, indent 1, source as a list of lines, final newline)");
  }
  return out;
}

/** Cleans `nb` in place and returns it. */
function clean(nb) {
  const md = nb.metadata || {};
  nb.metadata = { ...Object.fromEntries(Object.entries(md).filter(([k]) => KEPT_METADATA.includes(k))), kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO };
  nb.nbformat = 4;
  if (!(nb.nbformat_minor >= 5)) nb.nbformat_minor = 5;
  nb.cells.forEach((c, i) => {
    if (c.cell_type === "code") {
      c.outputs = [];
      c.execution_count = null;
    }
    if (c.id === undefined) c.id = `cell-${String(i).padStart(2, "0")}`;
    c.metadata = c.metadata || {};
    for (const k of VOLATILE_CELL_METADATA) delete c.metadata[k];
    c.source = splitLines(joined(c.source));
  });
  return nb;
}

function listNotebooks(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f));
}

function main(argv) {
  const check = argv.includes("--check");
  let files = argv.filter((a) => !a.startsWith("--"));
  if (files.length === 0) files = listNotebooks(path.join(__dirname, "..", "notebooks"));
  let bad = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, "utf8");
    const nb = JSON.parse(text);
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
    console.log(`${bad} notebook(s) not clean; run: node scripts/clean-notebooks.js`);
    process.exit(1);
  }
}

module.exports = { problems, clean, serialize, splitLines, listNotebooks, KERNELSPEC, LANGUAGE_INFO };
if (require.main === module) main(process.argv.slice(2));
