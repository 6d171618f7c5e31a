// Normalises committed notebooks (nbdev-style hygiene): no outputs, execution_count null,
// kernelspec tslab, no per-run metadata. `--check` reports instead of writing and exits 1
// when a notebook is not clean.  usage: node scripts/clean-notebooks.js [--check] [files...]
"use strict";
const fs = require("fs");
const path = require("path");

const KERNELSPEC = { display_name: "TypeScript", language: "typescript", name: "tslab" };
const LANGUAGE_INFO = { file_extension: ".ts", mimetype: "text/typescript", name: "typescript" };
const VOLATILE_CELL_METADATA = ["execution", "collapsed", "scrolled", "ExecuteTime"];

/** Problems that make a notebook unclean, as strings; empty when it is clean. */
function problems(nb) {
  const out = [];
  if (nb.nbformat !== 4) out.push(`nbformat ${nb.nbformat}, expected 4`);
  const ks = nb.metadata && nb.metadata.kernelspec;
  if (!ks || ks.name !== "tslab") out.push(`kernelspec ${ks ? ks.name : "missing"}, expected tslab`);
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    if (c.outputs && c.outputs.length) out.push(`cell ${i}: has ${c.outputs.length} output(s)`);
    if (c.execution_count !== null) out.push(`cell ${i}: execution_count ${c.execution_count}`);
    for (const k of VOLATILE_CELL_METADATA) if (c.metadata && k in c.metadata) out.push(`cell ${i}: metadata.${k}`);
  });
  return out;
}

function clean(nb) {
  nb.metadata = { ...nb.metadata, kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO };
  for (const c of nb.cells) {
    if (c.cell_type === "code") {
      c.outputs = [];
      c.execution_count = null;
    }
    if (c.metadata) for (const k of VOLATILE_CELL_METADATA) delete c.metadata[k];
  }
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
    const nb = JSON.parse(fs.readFileSync(f, "utf8"));
    const p = problems(nb);
    if (check) {
      if (p.length) {
        bad++;
        console.log(`${f}: ${p.join("; ")}`);
      }
    } else {
      fs.writeFileSync(f, JSON.stringify(clean(nb), null, 1) + "\n");
    }
  }
  if (check && bad) process.exit(1);
}

module.exports = { problems, clean, listNotebooks };
if (require.main === module) main(process.argv.slice(2));
