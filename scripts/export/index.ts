// @ts-nocheck
// Export of one executed notebook to every format the worked notes come in, and the index page.
//   exportNotebook(result, executedPath, outDir)  per note, right after it ran:
//     <name>.html        offline page (KaTeX maths, highlighted code, plotly.js once)
//     <name>.md + <name>_files/   Markdown with every plot as an SVG drawn by Chromium
//     <name>.pdf         printed by Chromium from the HTML (A4)
//     <name>.ipynb       the executed notebook, each plot also as image/png
//   exportIndex(results, outDir)   run.json (merged with earlier runs) and index.html
//   closeExports()                 closes the one Chromium all notes share
"use strict";
const fs = require("fs");
const path = require("path");
const { notebookToHtml } = require("./html");
const { notebookToMarkdown } = require("./markdown");
const { addPlotImages } = require("./ipynb");
const { indexHtml, formatBytes } = require("./index-page");
const { plotOutputs, noteTitle } = require("./notebook");
const browser = require("./browser");

let plotly;
function plotlyJs() {
  if (plotly === undefined) plotly = require("notebook-kit").plotlyJs();
  return plotly;
}

const KINDS = ["html", "md", "pdf", "ipynb"];

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
function writeAtomic(file, data) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

function fileInfo(kind, file) {
  return { kind, path: file, bytes: fs.statSync(file).size };
}

/** Every file under `dir` (recursively) with its size. */
function filesUnder(kind, dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(kind, p) : [fileInfo(kind, p)];
  });
}

/**
 * Writes every format of one executed notebook. Never throws for a problem in one format:
 * each problem is returned (and the caller decides); the other formats are still written.
 * @param result the run result (`name`, `status`, …)
 * @param executedPath the executed .ipynb (rewritten in place with the plot PNGs when it lies in outDir)
 * @param outDir the export folder
 * @param opts.onProgress receives a short label for each step
 * @returns `{ name, files: [{ kind, path, bytes }], problems: string[], seconds, plots }`
 */
async function exportNotebook(result, executedPath, outDir, { onProgress = () => {} } = {}) {
  const t0 = Date.now();
  const name = result.name;
  const problems = [];
  const files = [];
  fs.mkdirSync(outDir, { recursive: true });
  const nb = JSON.parse(fs.readFileSync(executedPath, "utf8"));
  const { title } = noteTitle(nb);
  const plainTitle = title.replace(/\$([^$]*)\$/g, "$1") || name;
  const plots = plotOutputs(nb);

  onProgress("html");
  const htmlPath = path.join(outDir, `${name}.html`);
  const warnings = [];
  writeAtomic(htmlPath, notebookToHtml(nb, { name, title: plainTitle, plotlyJs: plotlyJs(), onWarning: (w) => warnings.push(w) }));
  files.push(fileInfo("html", htmlPath));
  for (const w of warnings) problems.push(`maths: ${w}`);

  onProgress(`chromium: ${plots.length} plot${plots.length === 1 ? "" : "s"} + pdf`);
  const pdfPath = path.join(outDir, `${name}.pdf`);
  let images = new Map();
  try {
    const r = await browser.renderPage(htmlPath, { pdfPath, title: plainTitle });
    images = r.images;
    if (r.drawn < r.plots) problems.push(`only ${r.drawn} of ${r.plots} plots drew in Chromium`);
    if (r.blocked.length) problems.push(`the HTML tried the network: ${r.blocked.slice(0, 3).join(", ")}`);
    if (r.errors.length) problems.push(`console errors in the HTML: ${r.errors.slice(0, 3).join(" | ")}`);
    if (fs.existsSync(pdfPath)) files.push(fileInfo("pdf", pdfPath));
  } catch (err) {
    fs.rmSync(pdfPath, { force: true });
    problems.push(`Chromium could not render the plots and the PDF: ${String((err && err.message) || err).split("\n")[0]}`);
  }
  const missing = plots.filter((p) => !images.has(p.key));
  if (missing.length && images.size) problems.push(`no image for plot(s) ${missing.map((p) => p.n).join(", ")}`);

  onProgress("md");
  const filesDirName = `${name}_files`;
  const filesDir = path.join(outDir, filesDirName);
  fs.rmSync(filesDir, { recursive: true, force: true });
  const withImages = plots.map((p) => {
    const img = images.get(p.key);
    if (!img) return p;
    const image = `plot-${String(p.n).padStart(2, "0")}.svg`;
    fs.mkdirSync(filesDir, { recursive: true });
    fs.writeFileSync(path.join(filesDir, image), img.svg);
    return { ...p, image };
  });
  const { markdown, attachments } = notebookToMarkdown(nb, { filesDir: filesDirName, plots: withImages });
  for (const a of attachments) {
    fs.mkdirSync(filesDir, { recursive: true });
    fs.writeFileSync(path.join(filesDir, a.file), a.data);
  }
  const mdPath = path.join(outDir, `${name}.md`);
  writeAtomic(mdPath, markdown);
  files.push(fileInfo("md", mdPath), ...filesUnder("md", filesDir));

  onProgress("ipynb");
  const ipynbPath = path.join(outDir, `${name}.ipynb`);
  const alt = new Map(plots.map((p) => [p.key, p.title || `Plot ${p.n}`]));
  const pngs = new Map([...images].map(([k, v]) => [k, { ...v, alt: alt.get(k) }]));
  addPlotImages(nb, pngs);
  writeAtomic(ipynbPath, JSON.stringify(nb, null, 1) + "\n");
  files.push(fileInfo("ipynb", ipynbPath));

  return { name, files, problems, plots: plots.length, seconds: (Date.now() - t0) / 1000 };
}

/** The runs recorded in `outDir/run.json`, by name. */
function readRuns(outDir) {
  try {
    const runs = JSON.parse(fs.readFileSync(path.join(outDir, "run.json"), "utf8"));
    return new Map(runs.map((r) => [r.name, r]));
  } catch {
    return new Map();
  }
}

/**
 * Writes `run.json` (this run's results merged over earlier ones, so exporting one note keeps
 * the others) and `index.html`. Notes whose executed notebook is gone are dropped.
 * @param results run results of this run (`name`, `status`, `seconds`, `cells`, `error`, `file`)
 * @param outDir the export folder
 * @param opts.title, opts.lede the index page's heading and first line
 * @returns the files written, with sizes
 */
/** The run records of `outDir`, merged with `results`, written back to `outDir/run.json`, as index cards. */
function indexCards(results, outDir, prefix = "") {
  const runs = readRuns(outDir);
  for (const r of results) {
    const { name, status, seconds, cells, error } = r;
    const source = r.file ? path.relative(path.resolve(__dirname, "..", ".."), r.file) : runs.get(name)?.source;
    runs.set(name, { name, source, status, seconds, cells, error: error || null });
  }
  const notes = [...runs.values()]
    .filter((r) => fs.existsSync(path.join(outDir, `${r.name}.ipynb`)))
    .sort((a, b) => a.name.localeCompare(b.name));
  fs.mkdirSync(outDir, { recursive: true });
  writeAtomic(path.join(outDir, "run.json"), JSON.stringify(notes, null, 2) + "\n");
  return notes.map((r) => {
    const nb = JSON.parse(fs.readFileSync(path.join(outDir, `${r.name}.ipynb`), "utf8"));
    const t = noteTitle(nb);
    const files = {};
    for (const kind of KINDS) {
      const file = `${r.name}.${kind}`;
      const p = path.join(outDir, file);
      if (fs.existsSync(p)) files[kind] = { file: `${prefix}${file}`, bytes: fs.statSync(p).size };
    }
    return { ...r, title: t.title || r.name, subtitle: t.subtitle, files };
  });
}

/**
 * Writes `outDir/index.html` (and `run.json`): one card a note, in reading order.
 * `translations` lists other editions exported into subfolders, e.g.
 * `[{ dir: "zh", label: "中文", title: "…", lede: "…", results }]`: each card then links the note in
 * every language, and each subfolder gets its own index page too.
 */
function exportIndex(results, outDir, { title = "Worked notes", lede = "", translations = [] } = {}) {
  const cards = indexCards(results, outDir);
  const written = [];
  for (const tr of translations) {
    const dir = path.join(outDir, tr.dir);
    const trCards = indexCards(tr.results || [], dir, `${tr.dir}/`);
    for (const card of cards) {
      const match = trCards.find((c) => c.name === card.name);
      if (match) (card.translations = card.translations || []).push({ label: tr.label, lang: tr.dir, ...match });
    }
    const local = trCards.map((c) => ({ ...c, files: Object.fromEntries(Object.entries(c.files).map(([k, f]) => [k, { ...f, file: f.file.slice(tr.dir.length + 1) }])) }));
    const trIndex = path.join(dir, "index.html");
    writeAtomic(trIndex, indexHtml({ title: tr.title || title, lede: tr.lede || "", notes: local, lang: tr.dir, home: { href: "../index.html", label: "English" } }));
    written.push(fileInfo("index", trIndex), fileInfo("index", path.join(dir, "run.json")));
  }
  const indexPath = path.join(outDir, "index.html");
  writeAtomic(indexPath, indexHtml({ title, lede, notes: cards }));
  return [fileInfo("index", indexPath), fileInfo("index", path.join(outDir, "run.json")), ...written];
}

/** Removes the exports of notes that no longer exist (for a full run). Returns what it removed. */
function pruneStale(outDir, keepNames) {
  if (!fs.existsSync(outDir)) return [];
  const keep = new Set(keepNames);
  const removed = [];
  for (const e of fs.readdirSync(outDir, { withFileTypes: true })) {
    const m = e.isDirectory() ? /^(.+)_files$/.exec(e.name) : /^(.+)\.(html|md|pdf|ipynb)$/.exec(e.name);
    if (!m || m[1] === "index" || keep.has(m[1])) continue;
    fs.rmSync(path.join(outDir, e.name), { recursive: true, force: true });
    removed.push(e.name);
  }
  return removed;
}

/** Closes the shared Chromium. Call once after the last exportNotebook. */
function closeExports() {
  return browser.closeBrowser();
}

module.exports = { exportNotebook, exportIndex, closeExports, pruneStale, formatBytes, KINDS };
