#!/usr/bin/env node
// The main job (`npm start`): build the library, execute every notebook through real Jupyter
// with the project's tslab kernel, and export the worked notes to exports/: for each note an
// offline HTML page, Markdown with images, a PDF and the executed notebook; then index.html.
//   npm start                      every notebook
//   npm run export -- 02           one notebook (name, stem, prefix or a path to an .ipynb)
//   options: --timeout SECONDS (per cell, default 120), --out DIR (default exports),
//            --no-build (use lib/dist as it is)
"use strict";
const fs = require("fs");
const path = require("path");
const setup = require("./setup");
const { listNotebooks, runNotebooks, describeFailure, formatTable, progressPrinter } = require("./notebooks");
// The exporter loads the built kit's format names: required after the build (a fresh clone has
// no notebooks/kit/dist yet).
let exportNotebook, exportIndex, closeExports, pruneStale, formatBytes;
function loadExport() {
  ({ exportNotebook, exportIndex, closeExports, pruneStale, formatBytes } = require("./export"));
}

function parseArgs(argv) {
  const opts = { only: [], timeout: 120, out: path.join(setup.ROOT, "exports"), build: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") continue;
    else if (a === "--timeout") opts.timeout = Number(argv[++i]);
    else if (a === "--out") opts.out = path.resolve(argv[++i]);
    else if (a === "--no-build") opts.build = false;
    else opts.only.push(a);
  }
  return opts;
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function rel(p) {
  const r = path.relative(process.cwd(), p);
  return !r || r.startsWith("..") ? p : r;
}

/** The files written, one line each with its size, then the total of each kind. */
function filesReport(files, outDir) {
  const rows = files.map((f) => [rel(f.path), formatBytes(f.bytes)]);
  const byKind = new Map();
  for (const f of files) {
    const k = byKind.get(f.kind) || { n: 0, bytes: 0 };
    k.n++;
    k.bytes += f.bytes;
    byKind.set(f.kind, k);
  }
  const label = { html: "HTML", md: "Markdown + images", pdf: "PDF", ipynb: "executed notebooks", index: "index + run.json" };
  const kinds = [...byKind].map(([k, v]) => `${label[k] || k} ${formatBytes(v.bytes)} (${v.n} file${v.n === 1 ? "" : "s"})`);
  const total = files.reduce((s, f) => s + f.bytes, 0);
  return `${formatTable(["file", "size"], rows)}\n\nby kind: ${kinds.join(", ")}; ${formatBytes(total)} in all under ${rel(outDir)}/`;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  if (opts.build) {
    console.log("[start] building lib (tsc -p lib)");
    setup.buildLib();
  }
  loadExport();
  const files = listNotebooks(opts.only);
  console.log(`[start] executing ${files.length} notebook(s) with the project's tslab kernel -> ${rel(opts.out)}/`);
  if (opts.only.length === 0) {
    const removed = pruneStale(opts.out, files.map((f) => path.basename(f, ".ipynb")));
    if (removed.length) console.log(`[start] removed the exports of notes that no longer exist: ${removed.join(", ")}`);
  }
  const progress = progressPrinter();
  const exports = [];
  let exportSeconds = 0;
  let i = 0;
  let results;
  try {
    results = await runNotebooks(files, {
      outDir: opts.out,
      timeout: opts.timeout,
      afterEach: async (r, executed) => {
        const tag = `[${++i}/${files.length}] ${r.name}`;
        const ex = await exportNotebook(r, executed, opts.out, { onProgress: (step) => progress.update(`${tag}  exporting: ${step}`) });
        exportSeconds += ex.seconds;
        exports.push(ex);
        const kinds = [...new Set(ex.files.map((f) => f.kind))].join(", ");
        progress.done(`${tag}  exported ${kinds} (${ex.plots} plot${ex.plots === 1 ? "" : "s"})  ${ex.seconds.toFixed(1)} s`);
        for (const p of ex.problems) console.warn(`    problem: ${p}`);
      },
    });
  } finally {
    await closeExports();
  }
  const indexFiles = exportIndex(results, opts.out, { title: "Worked notes", lede: require("../package.json").description });

  console.log("\n" + formatTable(
    ["notebook", "cells", "run s", "export s", "result"],
    results.map((r) => {
      const ex = exports.find((e) => e.name === r.name);
      const bad = ex && ex.problems.length ? `, ${ex.problems.length} export problem(s)` : "";
      return [r.name, r.cells, r.seconds.toFixed(1), ex ? ex.seconds.toFixed(1) : "-", (r.status === "ok" ? "ok" : `FAILED at cell ${r.error && r.error.cell}`) + bad];
    }),
  ));
  console.log(`\n[start] files written:\n${filesReport([...exports.flatMap((e) => e.files), ...indexFiles], opts.out)}`);

  const failed = results.filter((r) => r.status !== "ok");
  const problems = exports.flatMap((e) => e.problems.map((p) => `${e.name}: ${p}`));
  const wall = (Date.now() - t0) / 1000;
  console.log(
    `\n[start] ${results.length - failed.length}/${results.length} notebooks ok; export ${exportSeconds.toFixed(1)} s ` +
      `(html, md, pdf, ipynb with one Chromium) of ${wall.toFixed(1)} s in all; open ${rel(path.join(opts.out, "index.html"))}`,
  );
  if (failed.length || problems.length) {
    for (const r of failed) console.error(describeFailure(r));
    for (const p of problems) console.error(`export problem: ${p}`);
    process.exit(1);
  }
}

main().catch(async (err) => {
  if (closeExports) await closeExports();
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
