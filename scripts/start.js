#!/usr/bin/env node
// The main job (`npm start`): build the library, execute every notebook through real Jupyter
// with the project's tslab kernel, and export the worked notes to exports/.
//   npm start                      every notebook
//   npm run export -- 02           one notebook (name, stem or prefix)
//   options: --timeout SECONDS (per cell, default 120), --out DIR (default exports)
"use strict";
const fs = require("fs");
const path = require("path");
const setup = require("./setup");
const { listNotebooks, runNotebooks, describeFailure, formatTable } = require("./notebooks");
const { exportNotebook } = require("./export");

function parseArgs(argv) {
  const opts = { only: [], timeout: 120, out: path.join(setup.ROOT, "exports") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") continue;
    else if (a === "--timeout") opts.timeout = Number(argv[++i]);
    else if (a === "--out") opts.out = path.resolve(argv[++i]);
    else opts.only.push(a);
  }
  return opts;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  console.log("[start] building lib (tsc -p lib)");
  setup.buildLib();
  const files = listNotebooks(opts.only);
  console.log(`[start] executing ${files.length} notebook(s) with the project's tslab kernel -> ${path.relative(process.cwd(), opts.out) || "."}/`);
  const results = await runNotebooks(files, {
    outDir: opts.out,
    timeout: opts.timeout,
    afterEach: (r, executed) => exportNotebook(r, executed, opts.out),
  });
  console.log("\n" + formatTable(
    ["notebook", "cells", "seconds", "result"],
    results.map((r) => [r.name, r.cells, r.seconds.toFixed(1), r.status === "ok" ? "ok" : `FAILED at cell ${r.error && r.error.cell}`]),
  ));
  fs.writeFileSync(path.join(opts.out, "run.json"), JSON.stringify(results.map(({ name, status, seconds, cells, error }) => ({ name, status, seconds, cells, error })), null, 2) + "\n");
  const failed = results.filter((r) => r.status !== "ok");
  console.log(`\n[start] ${results.length - failed.length}/${results.length} notebooks ok in ${((Date.now() - t0) / 1000).toFixed(1)} s; exports in ${opts.out}`);
  if (failed.length) {
    for (const r of failed) console.error(describeFailure(r));
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
