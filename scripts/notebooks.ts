// @ts-nocheck
// Executes notebooks through real Jupyter (nbclient + the project's tslab kernel), one fresh
// kernel per notebook, in order, with progress; then exports each one.
"use strict";
const fs = require("fs");
const path = require("path");
const readline = require("readline");
const { spawn } = require("child_process");
const setup = require("./setup");

const NOTEBOOK_DIR = path.join(setup.ROOT, "notebooks");

/** The notebooks in `notebooks/`, sorted by name; `only` (names or stems) filters them. */
function listNotebooks(only = [], dir = NOTEBOOK_DIR) {
  const all = fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort().map((f) => path.join(dir, f));
  if (only.length === 0) return all;
  const picked = only.map((o) => {
    if (/[\\/]/.test(o) && fs.existsSync(o)) return path.resolve(o); // a path names that file, not a namesake in dir
    const stem = path.basename(o).replace(/\.ipynb$/, "");
    const hit = all.find((f) => path.basename(f, ".ipynb") === stem) || all.find((f) => path.basename(f).startsWith(stem));
    if (hit) return hit;
    if (fs.existsSync(o)) return path.resolve(o);
    throw new Error(`no notebook matches "${o}" in ${dir}`);
  });
  return picked;
}

/** A progress printer: one rewritten line on a terminal, one line per cell in a log. */
function progressPrinter(stream = process.stdout) {
  const tty = Boolean(stream.isTTY);
  let pending = false;
  return {
    update(line) {
      if (tty) {
        stream.write(`\r\x1b[2K${line}`);
        pending = true;
      } else stream.write(line + "\n");
    },
    done(line) {
      if (tty && pending) stream.write("\r\x1b[2K");
      pending = false;
      stream.write(line + "\n");
    },
  };
}

/**
 * Executes one notebook into `outIpynb`. Resolves `{ name, status, seconds, cells, error }`.
 * `error` names the cell (1-based among code cells), its first line and the message.
 */
function executeNotebook(file, outIpynb, { python, env, timeout = 120, onCell } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      python,
      [path.join(__dirname, "execute_notebook.py"), file, outIpynb, "--timeout", String(timeout), "--kernel", setup.KERNEL_NAME],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let result;
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      let ev;
      try {
        ev = JSON.parse(line);
      } catch {
        return;
      }
      if (ev.event === "cell" && onCell) onCell(ev.n, ev.cells);
      if (ev.event === "done") result = ev;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const name = path.basename(file, ".ipynb");
      if (!result) {
        const tail = stderr.trim().split("\n").slice(-8).join("\n");
        resolve({ name, status: "error", seconds: 0, cells: 0, error: { cell: 0, firstLine: "", message: `runner exited ${code}: ${tail}` } });
        return;
      }
      resolve({ name, status: result.status, seconds: result.seconds, cells: result.cells, error: result.error });
    });
  });
}

/** One line that names the notebook, the cell, its first line and the error. */
function describeFailure(r) {
  const e = r.error || {};
  const msg = String(e.message || "").split("\n").slice(0, 6).join("\n    ");
  return `${r.name}.ipynb: cell ${e.cell} (\`${e.firstLine}\`) failed:\n    ${msg}`;
}

/** A plain table: the header, a rule, and one row per item. */
function formatTable(headers, rows) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((v, i) => String(v).padEnd(w[i])).join("  ").trimEnd();
  return [line(headers), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * Runs each notebook in order and calls `afterEach(result, executedPath)` (e.g. to export).
 * Returns the results.
 */
async function runNotebooks(files, { outDir, timeout, afterEach, quiet = false } = {}) {
  const python = setup.ensureJupyter();
  const env = setup.jupyterEnv();
  fs.mkdirSync(outDir, { recursive: true });
  const progress = progressPrinter();
  const results = [];
  for (const [i, file] of files.entries()) {
    const name = path.basename(file, ".ipynb");
    const tag = `[${i + 1}/${files.length}] ${name}`;
    const out = path.join(outDir, `${name}.ipynb`);
    const t0 = Date.now();
    if (!quiet) progress.update(`${tag}  starting kernel`);
    const r = await executeNotebook(file, out, {
      python,
      env,
      timeout,
      onCell: (n, total) => !quiet && progress.update(`${tag}  cell ${n}/${total}  ${((Date.now() - t0) / 1000).toFixed(1)} s`),
    });
    r.file = file;
    r.executed = out;
    if (!quiet) progress.done(`${tag}  ${r.status === "ok" ? "ok" : "FAILED"}  ${r.cells} cells  ${r.seconds.toFixed(1)} s`);
    if (afterEach) await afterEach(r, out);
    results.push(r);
  }
  return results;
}

module.exports = { NOTEBOOK_DIR, listNotebooks, executeNotebook, runNotebooks, describeFailure, formatTable, progressPrinter };
