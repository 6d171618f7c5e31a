#!/usr/bin/env node
// @ts-nocheck
// The main job (`npm start`): build the library, execute every notebook through real Jupyter
// with the project's tslab kernel, and export the worked notes to exports/: for each note an
// offline HTML page, Markdown with images, a PDF and the executed notebook; then index.html.
//   npm start                      every notebook
//   npm run export -- 02           one notebook (name, stem, prefix or a path to an .ipynb)
//   options: --timeout SECONDS (per cell, default 120), --out DIR (default exports),
//            --no-build (use lib/dist as it is), --lang en|zh|all (default: all for a full run,
//            en when notebooks are named): the Chinese edition is built from notebooks/i18n/zh
//            by scripts/i18n.js, run like the English one and exported to DIR/zh/
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
const i18n = require("./i18n");

function parseArgs(argv) {
  const opts = { only: [], timeout: 120, out: path.join(setup.ROOT, "exports"), build: true, lang: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") continue;
    else if (a === "--timeout") opts.timeout = Number(argv[++i]);
    else if (a === "--out") opts.out = path.resolve(argv[++i]);
    else if (a === "--no-build") opts.build = false;
    else if (a === "--lang") opts.lang = argv[++i];
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

/** Executes `files` and exports each into `outDir`; returns the run results and the exports. */
async function runAndExport(files, outDir, opts, progress, label = "") {
  const exports = [];
  let i = 0;
  const results = await runNotebooks(files, {
    outDir,
    timeout: opts.timeout,
    afterEach: async (r, executed) => {
      const tag = `[${++i}/${files.length}]${label} ${r.name}`;
      const ex = await exportNotebook(r, executed, outDir, { onProgress: (step) => progress.update(`${tag}  exporting: ${step}`) });
      exports.push(ex);
      const kinds = [...new Set(ex.files.map((f) => f.kind))].join(", ");
      progress.done(`${tag}  exported ${kinds} (${ex.plots} plot${ex.plots === 1 ? "" : "s"})  ${ex.seconds.toFixed(1)} s`);
      for (const p of ex.problems) console.warn(`    problem: ${p}`);
    },
  });
  return { results, exports };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const lang = opts.lang ?? (opts.only.length === 0 ? "all" : "en");
  if (!["en", "zh", "all"].includes(lang)) throw new Error(`--lang ${lang}: expected en, zh or all`);
  const t0 = Date.now();
  if (opts.build) {
    console.log("[start] building lib, kit and course (scripts/build-lib.js)");
    setup.buildLib();
  }
  loadExport();
  const files = lang === "zh" ? [] : listNotebooks(opts.only);
  const progress = progressPrinter();
  const runs = [];
  try {
    if (files.length) {
      console.log(`[start] executing ${files.length} notebook(s) with the project's tslab kernel -> ${rel(opts.out)}/`);
      if (opts.only.length === 0) {
        const removed = pruneStale(opts.out, files.map((f) => path.basename(f, ".ipynb")));
        if (removed.length) console.log(`[start] removed the exports of notes that no longer exist: ${removed.join(", ")}`);
      }
      runs.push({ lang: "en", outDir: opts.out, ...(await runAndExport(files, opts.out, opts, progress)) });
    }
    if (lang !== "en") {
      const zhDir = path.join(setup.ROOT, "notebooks", "zh");
      const { written, problems } = i18n.buildTranslations({ quiet: true });
      for (const p of problems) console.warn(`[start] 中文: ${p}`);
      const stems = opts.only.length ? listNotebooks(opts.only).map((f) => path.basename(f)) : undefined;
      const zhFiles = written.filter((f) => !stems || stems.includes(path.basename(f)));
      const zhOut = path.join(opts.out, "zh");
      console.log(`[start] executing ${zhFiles.length} Chinese notebook(s) (notebooks/zh/, built from notebooks/i18n/zh) -> ${rel(zhOut)}/`);
      if (opts.only.length === 0) pruneStale(zhOut, zhFiles.map((f) => path.basename(f, ".ipynb")));
      runs.push({ lang: "zh", outDir: zhOut, ...(await runAndExport(zhFiles.map((f) => path.join(zhDir, path.basename(f))), zhOut, opts, progress, " 中文")) });
    }
  } finally {
    await closeExports();
  }
  const en = runs.find((r) => r.lang === "en");
  const zh = runs.find((r) => r.lang === "zh");
  const indexFiles = exportIndex(en ? en.results : [], opts.out, {
    title: "Worked notes",
    lede: require("../package.json").description,
    translations: zh || fs.existsSync(path.join(opts.out, "zh", "run.json"))
      ? [{ dir: "zh", label: "中文", title: "学习笔记", lede: "最大似然、KL 散度与交叉熵，逐步推导并用代码验证。", results: zh ? zh.results : [] }]
      : [],
  });

  const all = runs.flatMap((r) => r.results.map((res) => ({ res, lang: r.lang, ex: r.exports.find((e) => e.name === res.name) })));
  console.log("\n" + formatTable(
    ["notebook", "lang", "cells", "run s", "export s", "result"],
    all.map(({ res: r, lang: l, ex }) => {
      const bad = ex && ex.problems.length ? `, ${ex.problems.length} export problem(s)` : "";
      return [r.name, l, r.cells, r.seconds.toFixed(1), ex ? ex.seconds.toFixed(1) : "-", (r.status === "ok" ? "ok" : `FAILED at cell ${r.error && r.error.cell}`) + bad];
    }),
  ));
  const exported = runs.flatMap((r) => r.exports);
  console.log(`\n[start] files written:\n${filesReport([...exported.flatMap((e) => e.files), ...indexFiles], opts.out)}`);

  const failed = all.filter(({ res }) => res.status !== "ok");
  const problems = exported.flatMap((e) => e.problems.map((p) => `${e.name}: ${p}`));
  const exportSeconds = exported.reduce((s, e) => s + e.seconds, 0);
  const wall = (Date.now() - t0) / 1000;
  console.log(
    `\n[start] ${all.length - failed.length}/${all.length} notebooks ok (${runs.map((r) => `${r.results.length} ${r.lang}`).join(", ")}); ` +
      `export ${exportSeconds.toFixed(1)} s (html, md, pdf, ipynb with one Chromium) of ${wall.toFixed(1)} s in all; open ${rel(path.join(opts.out, "index.html"))}`,
  );
  if (failed.length || problems.length) {
    for (const { res } of failed) console.error(describeFailure(res));
    for (const p of problems) console.error(`export problem: ${p}`);
    process.exit(1);
  }
}

main().catch(async (err) => {
  if (closeExports) await closeExports();
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
