// Executes notebooks through real Jupyter (nbclient + the project's tslab kernel), one fresh
// kernel per notebook, in order, with progress; then exports each one.
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as readline from "readline";
import {
  DENO_KERNEL_NAME,
  KERNEL_NAME,
  ROOT,
  ensureJupyter,
  jupyterEnv,
  type KernelName,
} from "./setup";

/** The folder of the course notebooks. */
export const NOTEBOOK_DIR = path.join(ROOT, "notebooks");

export { splitLines, text, type Cell as NotebookCell, type Notebook } from "./nbformat";

/**
 * The notebooks (`*.ipynb`) in `dir`, sorted by name; `only` narrows them.
 * Each entry of `only` is a path (that file, even outside `dir`), a stem (`05-mle-is-...`) or a
 * name prefix (`05`: the first notebook whose name starts with it).
 * @param only the notebooks to pick, in the order given; empty for all
 * @param dir the folder to list (default notebooks/)
 * @returns absolute paths
 * @throws Error when an entry of `only` matches no notebook
 * @example listNotebooks(["05"]) // => [".../notebooks/05-mle-is-min-kl-is-min-cross-entropy.ipynb"]
 */
export function listNotebooks(only: readonly string[] = [], dir: string = NOTEBOOK_DIR): string[] {
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort()
    .map((f) => path.join(dir, f));
  if (only.length === 0) return all;
  return only.map((o) => {
    if (/[\\/]/.test(o) && fs.existsSync(o)) return path.resolve(o); // a path names that file, not a namesake in dir
    const stem = path.basename(o).replace(/\.ipynb$/, "");
    const hit =
      all.find((f) => path.basename(f, ".ipynb") === stem) ||
      all.find((f) => path.basename(f).startsWith(stem));
    if (hit) return hit;
    if (fs.existsSync(o)) return path.resolve(o);
    throw new Error(`listNotebooks: no notebook matches "${o}" in ${dir}`);
  });
}

/**
 * Whether `file` is a numbered course notebook (`NN-title.ipynb`), as opposed to a scratch
 * notebook a student saved next to them.
 * @example isCourseNotebook("notebooks/05-mle.ipynb") // => true
 * @example isCourseNotebook("notebooks/Untitled.ipynb") // => false
 */
export function isCourseNotebook(file: string): boolean {
  return /^\d\d-.*\.ipynb$/.test(path.basename(file));
}

/** Where progress goes: a stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Prints progress: {@link ProgressPrinter.update} for the running step, `done` for its result. */
export interface ProgressPrinter {
  update(line: string): void;
  done(line: string): void;
}

/** A progress printer: one rewritten line on a terminal, one line per cell in a log. */
export function progressPrinter(stream: ProgressStream = process.stdout): ProgressPrinter {
  const tty = Boolean(stream.isTTY);
  let pending = false;
  return {
    update(line: string) {
      if (tty) {
        stream.write(`\r\x1b[2K${line}`);
        pending = true;
      } else stream.write(line + "\n");
    },
    done(line: string) {
      if (tty && pending) stream.write("\r\x1b[2K");
      pending = false;
      stream.write(line + "\n");
    },
  };
}

/**
 * How a notebook run ended:
 * - "ok": every code cell ran without error;
 * - "error": a cell failed (error, timeout, dead kernel) and the run stopped there;
 * - "errors-allowed": run with `allowErrors`, every cell ran and at least one failed (its error
 *   output stays in the executed notebook).
 */
export type RunStatus = "ok" | "error" | "errors-allowed";

/** The first failing cell of a run. */
export interface CellFailure {
  /** The Python exception class: CellExecutionError, CellTimeoutError, DeadKernelError. */
  kind?: string;
  /** 1-based among code cells; 0 when no cell was running. */
  cell: number;
  /** The index among all cells (null when no cell was running). */
  index?: number | null;
  /** The cell's first non-blank line. */
  firstLine: string;
  /** The error output, or what the cell wrote to stderr, or what went wrong with the kernel. */
  message: string;
  /** Whether the kernel published an error output for the cell (absent: not reported). */
  errorOutput?: boolean;
}

/** What {@link executeNotebook} resolves. */
export interface RunResult {
  /** The notebook's file name without `.ipynb`. */
  name: string;
  status: RunStatus;
  /** Execution time, kernel start included. */
  seconds: number;
  /** The number of code cells. */
  cells: number;
  /** The first failing cell; null when status is "ok". */
  error: CellFailure | null;
  /** Seconds until the kernel answered (its start-up); undefined when it never did. */
  kernelSeconds?: number;
  /** Output the kernel published after its cell's idle, routed back to that cell (see execute_notebook.py). */
  late?: LateOutputs;
}

/** What the runner did with output that came after its cell's `idle`. */
export interface LateOutputs {
  /** Output messages routed back to their own cell. */
  rescued: number;
  /** The number of cells that received one. */
  cells: number;
  /** Output messages whose request was none of the run's cells (kept out of the notebook). */
  unrouted: number;
}

/** What {@link runNotebooks} resolves per notebook. */
export interface NotebookRun extends RunResult {
  /** The source notebook. */
  file: string;
  /** The executed copy. */
  executed: string;
  /** Deno only: the failures that made {@link runNotebooks} run it again (see {@link isDenoFlake}). */
  reruns?: CellFailure[];
}

/** Options of {@link executeNotebook}. */
export interface ExecuteOptions {
  /** The Python that has nbclient (from {@link ensureJupyter}). */
  python: string;
  /** The environment of the runner (from {@link jupyterEnv}: it finds the kernelspec). */
  env?: NodeJS.ProcessEnv;
  /** Seconds allowed per cell (default 120). */
  timeout?: number;
  /** Called before code cell `n` (1-based) of `total` runs. */
  onCell?: (n: number, total: number) => void;
  /** Run every cell even after one fails (nbclient's allow_errors); default false. */
  allowErrors?: boolean;
  /** The kernel: "tslab" (default) or "deno" (see scripts/setup.ts). */
  kernel?: KernelName;
}

/** One line of execute_notebook.py's "done" event. */
interface DoneEvent {
  event: "done";
  status: RunStatus;
  seconds: number;
  cells: number;
  error: CellFailure | null;
  late?: LateOutputs;
}

type RunnerEvent =
  | { event: "start"; cells: number }
  | { event: "ready"; seconds: number }
  | { event: "cell"; n: number; cells: number; index: number }
  | DoneEvent;

/** The runner's JSON line as an event, or undefined for any other line. */
function parseEvent(line: string): RunnerEvent | undefined {
  let ev: unknown;
  try {
    ev = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof ev !== "object" || ev === null || !("event" in ev)) return undefined;
  return ev as RunnerEvent;
}

/**
 * The handshake the runner sends Deno's kernel after every cell (see execute_notebook.py): it
 * prints a one-off token that the runner puts in place of `{token}`.
 */
export const DENO_FLUSH_CODE = 'console.log("{token}")';

/**
 * Executes one notebook into `outIpynb` through scripts/execute_notebook.py (nbclient, the
 * project's tslab kernel, the notebook's folder as working directory).
 * The executed notebook is written also when a cell fails, so the error can be read in place.
 * @param file the notebook to run
 * @param outIpynb where to write the executed notebook
 * @returns the run's result; a runner that could not report gives status "error", cell 0
 * @example await executeNotebook("notebooks/00-start-here.ipynb", "/tmp/00.ipynb", { python: ensureJupyter(), env: jupyterEnv() })
 */
export function executeNotebook(
  file: string,
  outIpynb: string,
  { python, env, timeout = 120, onCell, allowErrors = false, kernel = "tslab" }: ExecuteOptions,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const args = [
      path.join(__dirname, "execute_notebook.py"),
      file,
      outIpynb,
      "--timeout",
      String(timeout),
      "--kernel",
      kernel === "deno" ? DENO_KERNEL_NAME : KERNEL_NAME,
    ];
    if (allowErrors) args.push("--allow-errors");
    // Deno publishes a cell's last stdout under the next request: a handshake after each cell
    // (execute_notebook.py's --flush-code) gives every line to its own cell.
    if (kernel === "deno") args.push("--flush-code", DENO_FLUSH_CODE);
    const child = spawn(python, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let result: DoneEvent | undefined;
    let kernelSeconds: number | undefined;
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      const ev = parseEvent(line);
      if (ev?.event === "cell" && onCell) onCell(ev.n, ev.cells);
      if (ev?.event === "ready") kernelSeconds = ev.seconds;
      if (ev?.event === "done") result = ev;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const name = path.basename(file, ".ipynb");
      if (!result) {
        const tail = stderr.trim().split("\n").slice(-8).join("\n");
        resolve({
          name,
          status: "error",
          seconds: 0,
          cells: 0,
          kernelSeconds,
          error: { cell: 0, firstLine: "", message: `runner exited ${code}: ${tail}` },
        });
        return;
      }
      resolve({
        name,
        status: result.status,
        seconds: result.seconds,
        cells: result.cells,
        error: result.error,
        kernelSeconds,
        late: result.late,
      });
    });
  });
}

/**
 * The failure of a run as text: the notebook, the cell, its first line and the start of the
 * error message (at most six lines).
 * @example describeFailure({ name: "02", error: { cell: 3, firstLine: "x()", message: "boom" } })
 * // => "02.ipynb: cell 3 (`x()`) failed:\n    boom"
 */
export function describeFailure(r: Pick<RunResult, "name" | "error">): string {
  const e: Partial<CellFailure> = r.error || {};
  const msg = String(e.message || "")
    .split("\n")
    .slice(0, 6)
    .join("\n    ");
  return `${r.name}.ipynb: cell ${e.cell} (\`${e.firstLine}\`) failed:\n    ${msg}`;
}

/**
 * A plain-text table: the header, a rule, and one row per item, columns padded to their
 * widest cell, trailing spaces trimmed.
 * @example formatTable(["a", "bb"], [[1, 2]]) // => "a  bb\n-  --\n1  2"
 */
export function formatTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: ReadonlyArray<string | number>) =>
    r
      .map((v, i) => String(v).padEnd(w[i]))
      .join("  ")
      .trimEnd();
  return [line(headers), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

/** Options of {@link runNotebooks}. */
export interface RunNotebooksOptions {
  /** Where the executed notebooks go (`<outDir>/<name>.ipynb`). */
  outDir: string;
  /** Seconds allowed per cell (default 120). */
  timeout?: number;
  /** Called after each run, e.g. to export it; awaited before the next notebook starts. */
  afterEach?: (result: NotebookRun, executedPath: string) => void | Promise<void>;
  /** No progress lines. */
  quiet?: boolean;
  /** Run every cell even after one fails; see {@link ExecuteOptions.allowErrors}. */
  allowErrors?: boolean;
  /**
   * How many notebooks run at once, each in its own kernel (default 1). `afterEach` may then run
   * for one notebook while others execute; results keep the order of `files`.
   */
  jobs?: number;
  /** Where each notebook's executed copy goes (default `outDir`). */
  outDirOf?: (file: string) => string;
  /** A tag printed before the notebook's name in progress lines (default none). */
  labelOf?: (file: string) => string;
  /** The kernel every notebook runs in (default "tslab"). */
  kernel?: KernelName;
}

/** The number of notebooks `npm start` runs at once by default: one per core, at most 2. */
export function defaultJobs(): number {
  const cores =
    typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(2, cores));
}

/** The word the progress line gives a finished run. */
const STATUS_WORD: Record<RunStatus, string> = {
  "ok": "ok",
  "error": "FAILED",
  "errors-allowed": "ran with errors (allowed)",
};

/**
 * Runs the notebooks, one fresh kernel each and `jobs` at a time, with progress lines, and calls
 * `afterEach(result, executedPath)` as each one finishes.
 * @returns one result per notebook, in the order of `files`
 */
export async function runNotebooks(
  files: readonly string[],
  {
    outDir,
    timeout,
    afterEach,
    quiet = false,
    allowErrors = false,
    jobs = 1,
    outDirOf = () => outDir,
    labelOf = () => "",
    kernel = "tslab",
  }: RunNotebooksOptions,
): Promise<NotebookRun[]> {
  if (!(Number.isInteger(jobs) && jobs >= 1))
    throw new RangeError(`runNotebooks: jobs = ${jobs}; expected an integer >= 1`);
  const python = ensureJupyter();
  const env = jupyterEnv();
  // With several kernels at once a rewritten progress line would mix notebooks: one line per event.
  const progress = progressPrinter(
    jobs > 1 ? { write: (t: string) => process.stdout.write(t) } : process.stdout,
  );
  const results: NotebookRun[] = new Array(files.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const i = next++;
      const file = files[i];
      const name = path.basename(file, ".ipynb");
      const tag = `[${i + 1}/${files.length}]${labelOf(file)} ${name}`;
      const dir = outDirOf(file);
      fs.mkdirSync(dir, { recursive: true });
      const out = path.join(dir, `${name}.ipynb`);
      const t0 = Date.now();
      if (!quiet) progress.update(`${tag}  starting kernel`);
      const once = () =>
        executeNotebook(file, out, {
          python,
          env,
          timeout,
          allowErrors,
          kernel,
          onCell: (n, total) =>
            !quiet &&
            jobs === 1 &&
            progress.update(
              `${tag}  cell ${n}/${total}  ${((Date.now() - t0) / 1000).toFixed(1)} s`,
            ),
        });
      let ran = await once();
      // Deno's own intermittent failure (isDenoFlake): the notebook again, with a fresh kernel.
      const reruns: CellFailure[] = [];
      while (kernel === "deno" && isDenoFlake(ran) && reruns.length < DENO_FLAKE_RERUNS) {
        reruns.push(ran.error!);
        if (!quiet)
          progress.done(
            `${tag}  Deno's traceback-less "Execution failed" at cell ${ran.error!.cell}: run again`,
          );
        ran = await once();
      }
      const r: NotebookRun = { ...ran, file, executed: out, ...(reruns.length ? { reruns } : {}) };
      const late =
        r.late && r.late.rescued > 0
          ? `  (${r.late.rescued} late output${r.late.rescued === 1 ? "" : "s"} routed back to ${r.late.cells} cell${r.late.cells === 1 ? "" : "s"})`
          : "";
      if (!quiet)
        progress.done(
          `${tag}  ${STATUS_WORD[r.status]}  ${r.cells} cells  ${r.seconds.toFixed(1)} s${late}`,
        );
      if (afterEach) await afterEach(r, out);
      results[i] = r;
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, files.length) }, () => worker()));
  return results;
}

/** How many times {@link runNotebooks} (and the Deno kernel test) runs a notebook again after {@link isDenoFlake}. */
export const DENO_FLAKE_RERUNS = 3;

/**
 * Deno 2.9.6's kernel now and then answers a cell's execute request with status "error",
 * "Error: Execution failed", an empty traceback and no error output, although the cell ran to its
 * end (its display was published). It happens when a `Deno.jupyter.display` send (the kit's
 * `show`) is still pending as the cell's code ends. Measured here (tests/.out experiments, not
 * committed): a notebook of 30 cells that each end with `show(...)` failed in 4 of 4 runs; the
 * same cells followed by `await new Promise((r) => setTimeout(r, 30))` in 0 of 4, and without the
 * display in 0 of 4. The course's notebooks meet it in roughly 1 run in 10 (notebook 02: 2 of 15,
 * 1 of 20, 2 of 25). A larger young generation or more frequent GC changed nothing. It is
 * Deno's, not the notebook's: such a run is repeated with a fresh kernel, at most
 * {@link DENO_FLAKE_RERUNS} times, and the record says so. Any other failure, or this one with
 * an error output, fails at once.
 */
export const isDenoFlake = (r: RunResult): boolean =>
  r.status === "error" &&
  r.error?.kind === "CellExecutionError" &&
  r.error.errorOutput === false &&
  r.error.message === "Error: Execution failed";
