// Shared set-up for every project script: the repo-local tslab kernelspec, a Python that can
// import Jupyter's nbclient/nbconvert, and Debian packages that the browser tests need.
// Each step is idempotent and silent when there is nothing to do.
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
/** Kernelspecs live here (gitignored, inside node_modules' cache) and reach Jupyter through JUPYTER_PATH. */
const JUPYTER_DIR = path.join(ROOT, "node_modules", ".cache", "mlekit-jupyter");
const KERNEL_NAME = "tslab";

function kernelJson() {
  const tslab = path.join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "tslab.cmd" : "tslab");
  if (!fs.existsSync(tslab)) {
    throw new Error(`The project's tslab is missing at ${tslab}. Run \`npm ci\` first.`);
  }
  return {
    argv: [tslab, "kernel", "--config-path", "{connection_file}"],
    display_name: "TypeScript (tslab, this project)",
    language: "typescript",
  };
}

/** Writes `<JUPYTER_DIR>/kernels/tslab/kernel.json` pointing at this repo's own tslab. */
function writeKernelspec(dir = JUPYTER_DIR) {
  const kdir = path.join(dir, "kernels", KERNEL_NAME);
  fs.mkdirSync(kdir, { recursive: true });
  const file = path.join(kdir, "kernel.json");
  const text = JSON.stringify(kernelJson(), null, 2) + "\n";
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  return kdir;
}

/** The environment for any Jupyter process a project script starts. */
function jupyterEnv(extra = {}) {
  writeKernelspec();
  const prior = process.env.JUPYTER_PATH;
  return {
    ...process.env,
    JUPYTER_PATH: prior ? `${JUPYTER_DIR}${path.delimiter}${prior}` : JUPYTER_DIR,
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
    ...extra,
  };
}

function run(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: "utf8", ...opts });
}

function canImport(python, modules) {
  const r = run(python, ["-c", `import ${modules.join(", ")}`]);
  return r.status === 0;
}

const PY_CANDIDATES = () =>
  [process.env.PYTHON, "python3", "/usr/bin/python3", "python"].filter(Boolean);

/** The first Python that imports every module, or undefined. */
function findPython(modules) {
  for (const py of PY_CANDIDATES()) if (canImport(py, modules)) return py;
  return undefined;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const isDebian = () => fs.existsSync("/etc/debian_version") && fs.existsSync("/usr/bin/apt-get");

let aptUpdated = false;
function aptInstall(packages, why) {
  console.log(`[setup] installing ${packages.join(" ")} with apt-get (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    const u = run("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    if (u.status !== 0) throw new Error("apt-get update failed");
    aptUpdated = true;
  }
  const r = run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], { stdio: "inherit", env });
  if (r.status !== 0) throw new Error(`apt-get install ${packages.join(" ")} failed`);
}

// What each Python module is called in Debian and on PyPI.
const JUPYTER_PACKAGES = {
  nbclient: { apt: ["python3-nbclient", "jupyter-client"], pip: "nbclient" },
  nbconvert: { apt: ["jupyter-nbconvert"], pip: "nbconvert" },
  nbformat: { apt: ["python3-nbformat"], pip: "nbformat" },
  notebook: { apt: ["jupyter-notebook"], pip: "notebook" },
};

/**
 * Makes sure some Python can import `modules` (default nbclient, nbconvert) and returns it.
 * Debian/Ubuntu as root: apt-get. Elsewhere: `pip install --user`. Otherwise throws with the
 * exact command to run.
 */
function ensureJupyter(modules = ["nbclient", "nbconvert", "nbformat"]) {
  const found = findPython(modules);
  if (found) return found;
  const missing = modules;
  if (isDebian() && isRoot()) {
    aptInstall([...new Set(missing.flatMap((m) => JUPYTER_PACKAGES[m].apt))], `Jupyter: ${missing.join(", ")}`);
  } else {
    const pip = missing.map((m) => JUPYTER_PACKAGES[m].pip);
    const py = PY_CANDIDATES().find((p) => run(p, ["-m", "pip", "--version"]).status === 0);
    if (py) {
      console.log(`[setup] installing ${pip.join(" ")} with pip --user`);
      run(py, ["-m", "pip", "install", "--user", ...pip], { stdio: "inherit" });
    }
  }
  const after = findPython(modules);
  if (after) return after;
  const cmd = isDebian()
    ? `sudo apt-get install -y ${[...new Set(missing.flatMap((m) => JUPYTER_PACKAGES[m].apt))].join(" ")}`
    : `python3 -m pip install --user ${missing.map((m) => JUPYTER_PACKAGES[m].pip).join(" ")}`;
  throw new Error(`Jupyter (${missing.join(", ")}) is not importable from any Python here. Run:\n  ${cmd}`);
}

/** Makes sure each `[binary, debianPackage]` exists; installs with apt on Debian as root. */
function ensureCommands(pairs) {
  const missing = pairs.filter(([bin]) => run("sh", ["-c", `command -v ${bin}`]).status !== 0);
  if (missing.length === 0) return;
  if (isDebian() && isRoot()) {
    aptInstall(missing.map(([, pkg]) => pkg), `needed: ${missing.map(([b]) => b).join(", ")}`);
    return;
  }
  throw new Error(
    `Missing ${missing.map(([b]) => b).join(", ")}. Install them, e.g.:\n  sudo apt-get install -y ${missing.map(([, p]) => p).join(" ")}`,
  );
}

/** Makes sure Debian packages are installed (checked with dpkg); installs with apt as root. */
function ensureDebianPackages(packages) {
  if (!isDebian()) return;
  const missing = packages.filter((p) => run("dpkg-query", ["-W", "-f=${Status}", p]).stdout !== "install ok installed");
  if (missing.length === 0) return;
  if (isRoot()) aptInstall(missing, `needed: ${missing.join(", ")}`);
  else console.warn(`[setup] missing Debian packages ${missing.join(" ")}: sudo apt-get install -y ${missing.join(" ")}`);
}

/** Builds the library with the project's TypeScript (never tslab's bundled tsc). */
/** Builds mlekit (CJS + ESM), notebook-kit and mle-course; see scripts/build-lib.js. */
function buildLib() {
  require("./build-lib").build();
}

module.exports = {
  ROOT,
  JUPYTER_DIR,
  KERNEL_NAME,
  kernelJson,
  writeKernelspec,
  jupyterEnv,
  findPython,
  ensureJupyter,
  ensureCommands,
  ensureDebianPackages,
  buildLib,
  run,
};
