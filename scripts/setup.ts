// Shared set-up for every project script: the project's Python environment (.venv/, from the
// pinned requirements-jupyter.txt), the repo-local tslab kernelspecs, and the few OS packages
// only the OS has (Chromium, poppler-utils, a CJK font; apt on Debian as root).
// Each step is idempotent and silent when there is nothing to do.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import {
  spawnSync,
  type SpawnSyncOptionsWithStringEncoding,
  type SpawnSyncReturns,
} from "child_process";
import { build } from "./build-lib";

/** The repository's root folder. */
export const ROOT = path.resolve(__dirname, "..");
/** Kernelspecs live here (gitignored, inside node_modules' cache) and reach Jupyter through JUPYTER_PATH. */
export const JUPYTER_DIR = path.join(ROOT, "node_modules", ".cache", "mlekit-jupyter");
/** The kernelspec's name, as the committed notebooks' `metadata.kernelspec.name` gives it. */
export const KERNEL_NAME = "tslab";
/**
 * The kernelspec's display name. It equals the `metadata.kernelspec.display_name` of the
 * committed notebooks (scripts/clean-notebooks.ts), because a front end writes the running
 * kernel's display name into the notebook when it saves it: any other name would show every
 * opened-and-saved notebook as modified in git.
 */
export const KERNEL_DISPLAY_NAME = "TypeScript";

/**
 * Front ends the kernel can serve; the kit's `show` reads MLEKIT_FRONTEND (see
 * notebooks/kit/src/display/show.ts).
 * - "run": nbclient runs for exports and tests, and a user-wide install. Plots embed plotly.js
 *   once per notebook, so an executed notebook opens offline anywhere.
 * - "lab": `npm run lab` (JupyterLab 4 / Notebook 7 from .venv, with plotly's renderer and the
 *   project's plotly.js served by the Jupyter server). Plots carry no plotly.js, so a notebook
 *   saved after Run All stays small.
 * - "own": `npm run kernel:install`, the student's own JupyterLab 4 / Notebook 7. Plots carry no
 *   plotly.js: the kit writes one copy beside the notebook (`_mlekit/`, gitignored) and the page's
 *   first plot loads it through the server's files/ URL, so saved notebooks stay small there too.
 */
export const FRONTENDS = ["run", "lab", "own"] as const;
/** One of {@link FRONTENDS}. */
export type Frontend = (typeof FRONTENDS)[number];

/** A Jupyter kernelspec (`kernel.json`). */
export interface Kernelspec {
  /** The command line; Jupyter replaces `{connection_file}`. */
  argv: string[];
  display_name: string;
  language: string;
  /** Extra environment for the kernel process. */
  env?: Record<string, string>;
}

/**
 * The kernelspec that runs this repo's tslab through scripts/tslab-kernel.ts (under ts-node,
 * transpile-only) for `frontend`.
 *
 * Its environment names the repo's tsconfig.json (TS_NODE_PROJECT): ts-node looks for a
 * tsconfig from the kernel's working directory, the notebook's folder, and for a notebook
 * outside the repo it found none, fell back to its built-in defaults, which TypeScript 5.9
 * rejects (TS5109: `module` NodeNext needs `moduleResolution` NodeNext), and the kernel died
 * before answering.
 * @param frontend "run" (nbclient), "lab" (sets MLEKIT_FRONTEND=lab) or "own" (the user-wide
 *   install of `npm run kernel:install`; sets MLEKIT_FRONTEND=own)
 * @returns the `kernel.json` content
 * @throws Error when node_modules has no tslab (`npm ci` not run)
 */
export function kernelJson(frontend: Frontend = "run"): Kernelspec {
  const wrapper = path.join(ROOT, "scripts", "tslab-kernel.ts");
  if (!fs.existsSync(path.join(ROOT, "node_modules", "tslab", "dist", "main.js"))) {
    throw new Error("The project's tslab is missing from node_modules. Run `npm ci` first.");
  }
  const spec: Kernelspec = {
    argv: [
      process.execPath,
      "-r",
      require.resolve("ts-node/register/transpile-only"),
      wrapper,
      "kernel",
      "--config-path",
      "{connection_file}",
    ],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
    env: {
      TS_NODE_PROJECT: path.join(ROOT, "tsconfig.json"),
      ...(frontend === "run" ? {} : { MLEKIT_FRONTEND: frontend }),
    },
  };
  return spec;
}

/**
 * The JUPYTER_PATH entry that holds the kernelspec for `frontend`, one per Node version: the
 * kernelspec names the Node that wrote it (`process.execPath`), and npm test runs project scripts
 * under two Nodes at once (scripts/second-node.ts), which must not rewrite each other's.
 */
export const kernelDir = (frontend: Frontend = "run"): string =>
  path.join(JUPYTER_DIR, `${frontend}-node${process.versions.node}`);

/**
 * Writes `<dir>/kernels/tslab/kernel.json` running this repo's own tslab (through
 * scripts/tslab-kernel.ts); leaves the file alone when it already says the same.
 * @returns the kernelspec's folder
 */
export function writeKernelspec(
  dir: string = kernelDir("run"),
  frontend: Frontend = "run",
): string {
  const kdir = path.join(dir, "kernels", KERNEL_NAME);
  fs.mkdirSync(kdir, { recursive: true });
  const file = path.join(kdir, "kernel.json");
  const text = JSON.stringify(kernelJson(frontend), null, 2) + "\n";
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  return kdir;
}

// ---- The second kernel: Deno ------------------------------------------------------------
// `deno` is a pinned devDependency: npm installs the binary from the registry (the optional
// dependency @deno/<platform>), with no download at install time. Its kernelspec is written by
// hand beside tslab's (`deno jupyter --install` ignores JUPYTER_DATA_DIR).

/** The kernels the project's scripts can run notebooks with; tslab is the default. */
export const KERNELS = ["tslab", "deno"] as const;
/** One of {@link KERNELS}. */
export type KernelName = (typeof KERNELS)[number];
/** The Deno kernelspec's name and display name. */
export const DENO_KERNEL_NAME = "deno";
export const DENO_KERNEL_DISPLAY_NAME = "TypeScript (Deno)";

/**
 * The path of the project's Deno binary, through the npm package's own resolver (it links the
 * platform package's binary into node_modules/deno when npm skipped the postinstall script).
 * @returns an absolute path
 * @throws Error when node_modules has no deno (`npm ci` not run)
 */
export function denoBinary(): string {
  const api = path.join(ROOT, "node_modules", "deno", "install_api.cjs");
  if (!fs.existsSync(api))
    throw new Error("The project's deno is missing from node_modules. Run `npm ci` first.");
  return (require(api) as { runInstall(): string }).runInstall();
}

/**
 * The kernelspec that runs this repo's Deno as a Jupyter kernel for `frontend`: `NO_COLOR=1` and
 * an empty `FORCE_COLOR` (else its text output carries ANSI colours) and no update check (no
 * network).
 * @param frontend "run" (nbclient) or "lab" (also sets MLEKIT_FRONTEND=lab)
 * @returns the `kernel.json` content
 * @example denoKernelJson().display_name // => "TypeScript (Deno)"
 */
export function denoKernelJson(frontend: Frontend = "run"): Kernelspec {
  return {
    argv: [denoBinary(), "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: DENO_KERNEL_DISPLAY_NAME,
    language: "typescript",
    // FORCE_COLOR set to anything but "" (even "0", as test runners set it) turns Deno's colours back on.
    env: {
      NO_COLOR: "1",
      FORCE_COLOR: "",
      DENO_NO_UPDATE_CHECK: "1",
      ...(frontend === "lab" ? { MLEKIT_FRONTEND: "lab" } : {}),
    },
  };
}

/**
 * Writes `<dir>/kernels/deno/kernel.json` (see {@link denoKernelJson}); leaves the file alone
 * when it already says the same.
 * @returns the kernelspec's folder
 */
export function writeDenoKernelspec(
  dir: string = kernelDir("run"),
  frontend: Frontend = "run",
): string {
  const kdir = path.join(dir, "kernels", DENO_KERNEL_NAME);
  fs.mkdirSync(kdir, { recursive: true });
  const file = path.join(kdir, "kernel.json");
  const text = JSON.stringify(denoKernelJson(frontend), null, 2) + "\n";
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) fs.writeFileSync(file, text);
  return kdir;
}

/**
 * The environment for any Jupyter process a project script starts: the venv first on PATH,
 * and the kernelspec for `frontend` ("run" for nbclient, "lab" for JupyterLab/Notebook 7).
 */
export function jupyterEnv(
  extra: NodeJS.ProcessEnv = {},
  frontend: Frontend = "run",
): NodeJS.ProcessEnv {
  const dir = kernelDir(frontend);
  writeKernelspec(dir, frontend);
  writeDenoKernelspec(dir, frontend);
  const prior = process.env.JUPYTER_PATH;
  const bin = path.dirname(venvBin("python"));
  return {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH || ""}`,
    VIRTUAL_ENV: VENV,
    JUPYTER_PATH: prior ? `${dir}${path.delimiter}${prior}` : dir,
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
    ...extra,
  };
}

/** Options of {@link run}: those of `spawnSync`, the output always decoded as UTF-8. */
export type RunOptions = Omit<SpawnSyncOptionsWithStringEncoding, "encoding">;

/**
 * Runs a command to completion, its output decoded as UTF-8 (`stdout`/`stderr` are null for
 * an inherited stream).
 * @example run("python3", ["--version"]).status // => 0
 */
export function run(
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {},
): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { encoding: "utf8", ...opts });
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const isDebian = () => fs.existsSync("/etc/debian_version") && fs.existsSync("/usr/bin/apt-get");

let aptUpdated = false;
function aptInstall(packages: readonly string[], why: string): void {
  console.log(`[setup] installing ${packages.join(" ")} with apt-get (${why})`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    const u = run("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    if (u.status !== 0) throw new Error("apt-get update failed");
    aptUpdated = true;
  }
  const r = run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env,
  });
  if (r.status !== 0) throw new Error(`apt-get install ${packages.join(" ")} failed`);
}

// ---- The project's Python environment -------------------------------------------------
// Jupyter (JupyterLab, Notebook 7, nbclient, nbconvert, plotly's renderer) lives in `.venv/`
// inside the repo, created with `python3 -m venv` and filled from the pinned
// requirements-jupyter.txt. No root, no system Jupyter: every notebook run, export, test and
// `npm run lab` uses this environment's Python.

/** The project's virtual environment (gitignored). */
export const VENV = path.join(ROOT, ".venv");
/** The pinned Python requirements of the project's Jupyter. */
export const REQUIREMENTS = path.join(ROOT, "requirements-jupyter.txt");
/** Written after a successful install: the hash of the requirements it installed. */
const VENV_STAMP = path.join(VENV, ".mlekit-requirements.sha256");
const MIN_PYTHON: PythonVersion = [3, 9];
/** A Python version as [major, minor]. */
type PythonVersion = [number, number];

/** The venv's executable `name` (python, jupyter, ...) on this OS. */
export function venvBin(name: string): string {
  return process.platform === "win32"
    ? path.join(VENV, "Scripts", name === "python" ? "python.exe" : `${name}.exe`)
    : path.join(VENV, "bin", name);
}

/** [major, minor] of a Python executable, or undefined when it does not run. */
function pythonVersion(python: string): PythonVersion | undefined {
  const r = run(python, ["-c", "import sys; print('%d.%d' % sys.version_info[:2])"]);
  if (r.status !== 0 || r.error) return undefined;
  const m = /^(\d+)\.(\d+)/.exec(r.stdout.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

const newEnough = (v: PythonVersion | undefined): boolean =>
  v !== undefined && (v[0] > MIN_PYTHON[0] || (v[0] === MIN_PYTHON[0] && v[1] >= MIN_PYTHON[1]));

/** The first python3 >= 3.9 on PATH (or $PYTHON); throws naming what to install when none. */
function basePython(): string {
  const candidates = [process.env.PYTHON, "python3", "python"].filter((p): p is string =>
    Boolean(p),
  );
  const seen: string[] = [];
  for (const py of candidates) {
    const v = pythonVersion(py);
    if (newEnough(v)) return py;
    if (v) seen.push(`${py} is ${v.join(".")}`);
  }
  throw new Error(
    `No Python ${MIN_PYTHON.join(".")} or newer found${seen.length ? ` (${seen.join(", ")})` : ""}. ` +
      "The project's Jupyter needs it. Install Python 3 with its venv module, e.g. " +
      "`sudo apt-get install python3 python3-venv` (Debian/Ubuntu), `brew install python` (macOS), " +
      "or from python.org, then run the command again (or set PYTHON=/path/to/python3).",
  );
}

function requirementsHash(): string {
  return crypto.createHash("sha256").update(fs.readFileSync(REQUIREMENTS)).digest("hex");
}

/**
 * Makes sure `.venv/` exists and holds exactly the pinned requirements; returns its Python.
 * Silent and fast (two stat calls and one hash) when the stamp matches the requirements.
 */
export function ensureVenv(): string {
  const python = venvBin("python");
  const want = requirementsHash();
  const stamp = fs.existsSync(VENV_STAMP) ? fs.readFileSync(VENV_STAMP, "utf8").trim() : "";
  if (stamp === want && fs.existsSync(python)) return python;

  const t0 = Date.now();
  if (!fs.existsSync(python) || !newEnough(pythonVersion(python))) {
    const base = basePython();
    fs.rmSync(VENV, { recursive: true, force: true });
    console.log(`[setup] creating .venv/ with ${base} -m venv`);
    let r = run(base, ["-m", "venv", VENV]);
    if (
      r.status !== 0 &&
      isDebian() &&
      isRoot() &&
      /ensurepip|venv/.test(`${r.stdout}${r.stderr}`)
    ) {
      fs.rmSync(VENV, { recursive: true, force: true });
      aptInstall(["python3-venv"], "python3 -m venv needs it");
      r = run(base, ["-m", "venv", VENV]);
    }
    if (r.status !== 0) {
      fs.rmSync(VENV, { recursive: true, force: true });
      throw new Error(
        `\`${base} -m venv .venv\` failed:\n${`${r.stdout}${r.stderr}`.trim()}\n` +
          "Install Python's venv module (Debian/Ubuntu: `sudo apt-get install python3-venv`) and run the command again.",
      );
    }
  }
  console.log(
    `[setup] installing the project's Jupyter into .venv/ from ${path.basename(REQUIREMENTS)}`,
  );
  // --retries 0: where only some indexes answer, pip's default retries spend minutes per package.
  const r = run(
    python,
    [
      "-m",
      "pip",
      "install",
      "--retries",
      "0",
      "--disable-pip-version-check",
      "--no-input",
      "-q",
      "-r",
      REQUIREMENTS,
    ],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) {
    const tail = `${r.stdout}${r.stderr}`
      .trim()
      .split("\n")
      .filter((l) => !/^WARNING: Location .* is ignored/.test(l))
      .slice(-20)
      .join("\n");
    throw new Error(`pip could not install ${path.basename(REQUIREMENTS)} into .venv/:\n${tail}`);
  }
  fs.writeFileSync(VENV_STAMP, want + "\n");
  console.log(`[setup] .venv/ ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return python;
}

/**
 * The Python that runs the project's Jupyter (nbclient, nbconvert, JupyterLab, Notebook 7):
 * the venv's, created or updated first. `modules` is kept for callers that name what they
 * need; the pinned requirements hold all of them.
 */
export function ensureJupyter(
  modules: readonly string[] = ["nbclient", "nbconvert", "nbformat"],
): string {
  void modules;
  return ensureVenv();
}

/** The venv's `jupyter` command (after {@link ensureVenv}). */
export function jupyterBin(): string {
  ensureVenv();
  return venvBin("jupyter");
}

/** Makes sure each `[binary, debianPackage]` exists; installs with apt on Debian as root. */
export function ensureCommands(
  pairs: ReadonlyArray<readonly [binary: string, debianPackage: string]>,
): void {
  const missing = pairs.filter(([bin]) => run("sh", ["-c", `command -v ${bin}`]).status !== 0);
  if (missing.length === 0) return;
  if (isDebian() && isRoot()) {
    aptInstall(
      missing.map(([, pkg]) => pkg),
      `needed: ${missing.map(([b]) => b).join(", ")}`,
    );
    return;
  }
  throw new Error(
    `Missing ${missing.map(([b]) => b).join(", ")}. Install them, e.g.:\n  sudo apt-get install -y ${missing.map(([, p]) => p).join(" ")}`,
  );
}

/** Makes sure Debian packages are installed (checked with dpkg); installs with apt as root. */
export function ensureDebianPackages(packages: readonly string[]): void {
  if (!isDebian()) return;
  const missing = packages.filter(
    (p) => run("dpkg-query", ["-W", "-f=${Status}", p]).stdout !== "install ok installed",
  );
  if (missing.length === 0) return;
  if (isRoot()) aptInstall(missing, `needed: ${missing.join(", ")}`);
  else
    console.warn(
      `[setup] missing Debian packages ${missing.join(" ")}: sudo apt-get install -y ${missing.join(" ")}`,
    );
}

/**
 * Builds mlekit (CJS + ESM), notebook-kit and mle-course with the project's TypeScript (never
 * tslab's bundled tsc); see scripts/build-lib.ts.
 * @throws Error naming the package that failed
 */
export function buildLib(): void {
  build();
}
