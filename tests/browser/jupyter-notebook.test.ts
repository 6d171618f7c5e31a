// The notebooks work in a real Jupyter front end. Starts Debian's classic Jupyter Notebook
// server on 127.0.0.1 (free port, random token, the project's tslab kernel through
// JUPYTER_PATH) on a temporary COPY of notebooks/ (data/ included), so the committed files
// never get outputs. For each notebook, Chromium opens it, clicks Kernel -> Restart & Run All,
// confirms, waits for every cell to run and the kernel to go idle, then asserts: no error
// output, nothing on stderr, every plot drawn by plotly.js. Every wait is bounded; the server
// is shut down (its process group killed if need be) even when a test fails.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, type ChildProcess } from "child_process";
import { randomBytes } from "crypto";
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync } from "fs";
import { createServer } from "net";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { ROOT, launch, openOffline, until, waitForPlots } from "./chromium";
import * as FORMAT from "../../notebooks/kit/src/format";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const setup = require("../../scripts/setup") as {
  ensureJupyter: (modules?: string[]) => string;
  jupyterEnv: (extra?: Record<string, string>) => NodeJS.ProcessEnv;
};

const NOTEBOOKS = join(ROOT, "notebooks");
const EXPORTS = join(ROOT, "exports");
const SCREENS = join(EXPORTS, "screens");
/** Bound for one notebook's Restart & Run All (seconds); override with MLEKIT_FRONTEND_TIMEOUT. */
const RUN_BOUND_MS = Number(process.env.MLEKIT_FRONTEND_TIMEOUT || 300) * 1000;
const notebooks = existsSync(NOTEBOOKS) ? readdirSync(NOTEBOOKS).filter((f) => f.endsWith(".ipynb")).sort() : [];

const work = join(ROOT, "tests", ".out", `jupyter-notebook-${process.pid}`);
const token = randomBytes(16).toString("hex");
let port = 0;
let server: ChildProcess | undefined;
let browser: Browser | undefined;
let base = "";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

const api = (path: string, init?: RequestInit) =>
  fetch(`${base}${path}${path.includes("?") ? "&" : "?"}token=${token}`, { ...init, signal: AbortSignal.timeout(10000) });

function logTail(): string {
  try {
    return readFileSync(join(work, "server.log"), "utf8").trim().split("\n").slice(-15).join("\n");
  } catch {
    return "(no server log)";
  }
}

const alive = () => server !== undefined && server.exitCode === null && server.signalCode === null;

function killGroup(signal: NodeJS.Signals) {
  if (!server || server.pid === undefined || !alive()) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    /* already gone */
  }
}

async function stopServer() {
  if (!server) return;
  // Ask politely: the server shuts its kernels down, then exits.
  if (alive()) await api("/api/shutdown", { method: "POST" }).catch(() => undefined);
  await until(async () => !alive(), 15000, 200);
  killGroup("SIGTERM");
  await until(async () => !alive(), 5000, 200);
  killGroup("SIGKILL");
  server = undefined;
}
// Last resort if the runner dies between before and after.
process.on("exit", () => killGroup("SIGKILL"));

// uvu swallows an exception thrown by a `before` hook, so keep it and let every test report it.
let startError = "";
test.before(async () => {
  try {
    await startServer();
  } catch (err) {
    startError = String((err as Error).message || err);
  }
});

async function startServer() {
  const python = setup.ensureJupyter(["notebook"]);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The copy lives inside the repo so the notebooks still resolve `mlekit` from node_modules.
  const copy = join(work, "notebooks");
  mkdirSync(copy);
  for (const f of notebooks) cpSync(join(NOTEBOOKS, f), join(copy, f));
  if (existsSync(join(NOTEBOOKS, "data"))) cpSync(join(NOTEBOOKS, "data"), join(copy, "data"), { recursive: true });
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const log = openSync(join(work, "server.log"), "w");
  const args = [
    "-m", "notebook", "--no-browser", `--ip=127.0.0.1`, `--port=${port}`, "--port-retries=0",
    `--NotebookApp.token=${token}`, `--notebook-dir=${copy}`, "--NotebookApp.open_browser=False",
  ];
  if (process.getuid?.() === 0) args.push("--allow-root");
  server = spawn(python, args, {
    detached: true, // its own process group, so the whole group can be killed
    stdio: ["ignore", log, log],
    env: setup.jupyterEnv({ JUPYTER_CONFIG_DIR: join(work, "config"), JUPYTER_RUNTIME_DIR: join(work, "runtime"), JUPYTER_DATA_DIR: join(work, "data") }),
  });
  const up = await until(async () => {
    if (!alive()) return "exited";
    const r = await api("/api/status").catch(() => undefined);
    return r && r.ok ? "up" : "";
  }, 90000, 300);
  if (up !== "up") throw new Error(`the Jupyter Notebook server did not come up (${up || "timeout"}):\n${logTail()}`);
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
}

test.after(async () => {
  await browser?.close().catch(() => undefined);
  await stopServer();
  rmSync(work, { recursive: true, force: true });
});

test("the classic Notebook server runs and offers the project's own tslab kernel", async () => {
  assert.is(startError, "", startError);
  assert.ok(notebooks.length > 0, "notebooks/ has no notebook");
  const specs = (await (await api("/api/kernelspecs")).json()) as { kernelspecs: Record<string, { spec: { argv: string[] } }> };
  const tslab = specs.kernelspecs.tslab;
  assert.ok(tslab, `no tslab kernelspec; the server sees ${Object.keys(specs.kernelspecs).join(", ")}`);
  assert.ok(tslab.spec.argv[0].startsWith(join(ROOT, "node_modules")), `tslab runs ${tslab.spec.argv[0]}, not the project's`);
});

interface RunState {
  prompts: string[];
  idle: boolean;
  errors: number;
}

async function runState(page: Page): Promise<RunState> {
  return page.evaluate(() => ({
    prompts: Array.from(document.querySelectorAll("#notebook .code_cell .input_prompt")).map((p) => (p.textContent || "").trim()),
    idle: Boolean(document.querySelector("#kernel_indicator_icon.kernel_idle_icon")),
    errors: document.querySelectorAll(".output_error").length,
  }));
}

/** The number of plot outputs the export run saw for this notebook, if it ran. */
function expectedPlots(name: string): number | undefined {
  const f = join(EXPORTS, name);
  if (!existsSync(f)) return undefined;
  const cells = (JSON.parse(readFileSync(f, "utf8")) as { cells: { outputs?: { data?: Record<string, unknown> }[] }[] }).cells;
  return cells
    .flatMap((c) => c.outputs ?? [])
    .filter((o) => o.data?.["application/vnd.plotly.v1+json"] !== undefined || FORMAT.isPlotHtml(String(([] as unknown[]).concat(o.data?.["text/html"] ?? []).join("")))).length;
}

for (const name of notebooks) {
  test(`${name}: Restart & Run All in the classic Notebook runs every cell with no error and draws every plot`, async () => {
    assert.ok(browser && !startError, `the server or the browser did not start: ${startError}`);
    const t0 = Date.now();
    const origin = base;
    const { page, context } = await openOffline(browser!, `${base}/notebooks/${encodeURIComponent(name)}?token=${token}`, {
      allow: [origin],
      viewport: { width: 1200, height: 900 },
    });
    // Jupyter itself logs console noise (fonts for MathJax); only uncaught exceptions count.
    const pageErrors: string[] = [];
    page.on("pageerror", (e) => pageErrors.push(String(e)));
    try {
      const ready = await until(
        () => page.evaluate(() => {
          const J = (window as unknown as { Jupyter?: { notebook?: { kernel?: { is_connected(): boolean; name: string } } } }).Jupyter;
          return J?.notebook?.kernel?.is_connected() ? J.notebook.kernel.name : "";
        }),
        90000,
        300,
      );
      assert.is(ready, "tslab", "the notebook's kernel did not connect as tslab");

      // Kernel -> Restart & Run All, then confirm the dialog, as a user would.
      await page.click("#kernellink");
      await page.click("#restart_run_all");
      const confirm = page.locator(".modal-dialog .modal-footer button.btn-danger");
      await confirm.waitFor({ state: "visible", timeout: 15000 });
      await confirm.click();

      // Done when every code cell shows an execution count and the kernel is idle; also stop
      // waiting once an error is shown and the kernel has stayed idle (the rest is aborted).
      let idleSince = 0;
      const final = await until(async () => {
        const s = await runState(page);
        const now = Date.now();
        idleSince = s.idle ? idleSince || now : 0;
        const allRan = s.prompts.length > 0 && s.prompts.every((p) => /\[\d+\]/.test(p));
        if (allRan && s.idle) return s;
        if (s.errors > 0 && idleSince && now - idleSince > 3000) return s;
        return undefined;
      }, RUN_BOUND_MS, 500);
      const state = final ?? (await runState(page));
      const pending = state.prompts.filter((p) => !/\[\d+\]/.test(p)).length;

      const problems = await page.evaluate(() =>
        Array.from(document.querySelectorAll(".output_error, .output_stderr")).map((e) => (e as HTMLElement).innerText.slice(0, 400)),
      );
      assert.equal(problems, [], `error or stderr output:\n${problems.join("\n---\n")}`);
      assert.ok(final, `not finished within ${RUN_BOUND_MS / 1000} s: ${pending} of ${state.prompts.length} code cells did not run`);

      const [plots, drawn] = await waitForPlots(page, 60000, "#notebook");
      const want = expectedPlots(name);
      if (want !== undefined) assert.is(plots, want, `${plots} plot outputs in the front end, the nbclient run had ${want}`);
      assert.is(drawn, plots, `${drawn} of ${plots} plots drew plotly's SVG`);
      assert.equal(pageErrors, [], `uncaught errors in the page: ${pageErrors.join(" | ")}`);
      await page.screenshot({ path: join(SCREENS, `jupyter-${name.replace(/\.ipynb$/, "")}.png`) });
      console.log(`      ${name}: ${state.prompts.length} cells, ${plots} plots, ${((Date.now() - t0) / 1000).toFixed(1)} s in the front end`);
    } finally {
      await context.close().catch(() => undefined);
      // Free the kernel before the next notebook starts its own.
      try {
        const sessions = (await (await api("/api/sessions")).json()) as { id: string }[];
        for (const s of sessions) await api(`/api/sessions/${s.id}`, { method: "DELETE" });
      } catch {
        /* the server is gone; test.after cleans up */
      }
    }
  });
}

test.run();
