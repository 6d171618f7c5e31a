// The notebooks in the student's OWN JupyterLab 4, set up as the README tells them: the kernel
// registered by `npm run kernel:install` (here into a temporary Jupyter data folder), then a
// plain JupyterLab (from .venv, but with none of `npm run lab`'s set-up: no JUPYTER_PATH, no
// served plotly.js, the user's own config folder) on a temporary copy of notebooks/. Twice:
// with plotly's JupyterLab renderer disabled (as if not installed) on 05 (the heaviest: the
// slider's frames), and enabled on 02 (the most plots); MLEKIT_OWN_NOTEBOOKS=02,05 runs the
// named notebooks in both. For each: Run All with no error, every plot drawn by the kit's HTML
// (the renderer draws none: the bundle gives it nothing to take); saved, at most 1 MB with no
// plotly.js inside; reopened in a fresh page, every plot drawn again (trusted); an untrusted
// copy shows each plot's fallback text, no blank area. Prints the saved sizes.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { randomBytes } from "crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, openOffline, until } from "./chromium";
import { closeAll, openNotebook, runAll, save, waitDrawn } from "./jupyterlab-page";
import { freePort } from "../../scripts/lab";
import { NOTEBOOK_DIR, listNotebooks } from "../../scripts/notebooks";
import { ROOT, ensureVenv, venvBin } from "../../scripts/setup";

const MAX_SAVED_BYTES = 1024 * 1024;
const RUN_BOUND_MS = Number(process.env.MLEKIT_FRONTEND_TIMEOUT || 300) * 1000;
const only = (process.env.MLEKIT_OWN_NOTEBOOKS || "")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const named = (prefixes: string[]) =>
  listNotebooks()
    .map((f) => basename(f))
    .filter((f) => prefixes.some((w) => f.startsWith(w)));
const passes = [
  { renderer: false, notebooks: named(only.length ? only : ["05"]) },
  { renderer: true, notebooks: named(only.length ? only : ["02"]) },
];
const notebooks = [...new Set(passes.flatMap((p) => p.notebooks))];
const work = mkdtempSync(join(tmpdir(), "mlekit-own-lab-"));
const dir = join(work, "notebooks");
const dataDir = join(work, "data");
const sizes: string[] = [];
let installError = "";
let installOut = "";
let server: ChildProcess | undefined;
let browser: Browser | undefined;
process.on("exit", () => {
  if (server?.pid !== undefined && server.exitCode === null) {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      /* gone */
    }
  }
});

/** The environment of the student's shell: nothing of the project's Jupyter set-up, their own data and config folders. */
function studentEnv(config: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JUPYTER_DATA_DIR: dataDir,
    JUPYTER_CONFIG_DIR: config,
    JUPYTER_RUNTIME_DIR: join(work, "runtime"),
  };
  for (const k of ["JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "MLEKIT_FRONTEND", "VIRTUAL_ENV"])
    delete env[k];
  env.PATH = `${join(venvBin("python"), "..")}:${process.env.PATH ?? ""}`; // their JupyterLab on PATH
  return env;
}

test.before(() => {
  try {
    ensureVenv();
    symlinkSync(join(ROOT, "node_modules"), join(work, "node_modules"), "junction");
    mkdirSync(dir);
    for (const f of notebooks) cpSync(join(NOTEBOOK_DIR, f), join(dir, f));
    if (existsSync(join(NOTEBOOK_DIR, "data")))
      cpSync(join(NOTEBOOK_DIR, "data"), join(dir, "data"), { recursive: true });
    // `npm run kernel:install`, as the README says, into this test's Jupyter data folder.
    const r = spawnSync(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", join(ROOT, "scripts", "kernel.ts"), "--user"],
      { cwd: ROOT, env: studentEnv(join(work, "config-none")), encoding: "utf8" },
    );
    installOut = `${r.stdout}${r.stderr}`;
    if (r.status !== 0) installError = `kernel:install failed (${r.status}): ${installOut}`;
  } catch (err) {
    installError = String((err as Error).message || err);
  }
});

test.after(async () => {
  await browser?.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
  if (sizes.length) console.log(`      own JupyterLab, saved after Run All: ${sizes.join(", ")}`);
});

test("npm run kernel:install registers the project's tslab in the user's Jupyter data folder, with MLEKIT_FRONTEND=own", () => {
  assert.is(installError, "", installError);
  const file = join(dataDir, "kernels", "tslab", "kernel.json");
  assert.ok(existsSync(file), `no ${file}; kernel:install said: ${installOut}`);
  const spec = JSON.parse(readFileSync(file, "utf8")) as {
    argv: string[];
    env?: Record<string, string>;
  };
  assert.is(spec.env?.MLEKIT_FRONTEND, "own");
  assert.ok(spec.argv.includes(join(ROOT, "scripts", "tslab-kernel.ts")), spec.argv.join(" "));
  assert.ok(
    passes.every((p) => p.notebooks.length > 0),
    `no notebook matches MLEKIT_OWN_NOTEBOOKS=${only.join(",")}`,
  );
});

/** Starts the student's JupyterLab (renderer on or off); returns its base URL and token. */
async function startLab(renderer: boolean): Promise<{ base: string; token: string; log: string }> {
  const config = join(work, renderer ? "config-renderer" : "config-plain");
  mkdirSync(join(config, "labconfig"), { recursive: true });
  // exposeAppInBrowser lets the test drive the app; "not installed" = the renderer disabled.
  const disabled: Record<string, boolean> = {
    "@jupyterlab/apputils-extension:announcements": true,
  };
  if (!renderer)
    Object.assign(disabled, { "jupyterlab-plotly": true, "@jupyterlab/plotly-extension": true });
  writeFileSync(
    join(config, "labconfig", "page_config.json"),
    JSON.stringify({ exposeAppInBrowser: true, disabledExtensions: disabled }),
  );
  const port = await freePort();
  const token = randomBytes(16).toString("hex");
  const log = join(work, `server-${renderer ? "renderer" : "plain"}.log`);
  const args = [
    "-m",
    "jupyterlab",
    `--ServerApp.root_dir=${dir}`,
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${port}`,
    "--ServerApp.port_retries=0",
    `--IdentityProvider.token=${token}`,
    "--no-browser",
  ];
  if (typeof process.getuid === "function" && process.getuid() === 0) args.push("--allow-root");
  server = spawn(venvBin("python"), args, {
    detached: true,
    stdio: ["ignore", openSync(log, "w"), openSync(log, "a")],
    env: studentEnv(config),
  });
  const base = `http://127.0.0.1:${port}`;
  const up = await until(
    async () => {
      if (server?.exitCode !== null) return "exited";
      const r = await fetch(`${base}/api/status?token=${token}`, {
        signal: AbortSignal.timeout(5000),
      }).catch(() => undefined);
      return r?.ok ? "up" : "";
    },
    90000,
    300,
  );
  if (up !== "up")
    throw new Error(
      `JupyterLab did not come up (${up || "timeout"}): ${readFileSync(log, "utf8").slice(-1500)}`,
    );
  return { base, token, log };
}

async function stopLab(base: string, token: string): Promise<void> {
  await fetch(`${base}/api/shutdown?token=${token}`, {
    method: "POST",
    signal: AbortSignal.timeout(5000),
  }).catch(() => undefined);
  await until(async () => server?.exitCode !== null, 15000, 200);
  if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
  server = undefined;
}

async function closeSessions(base: string, token: string): Promise<void> {
  const sessions = (await (
    await fetch(`${base}/api/sessions?token=${token}`)
  )
    .json()
    .catch(() => [])) as { id: string }[];
  for (const s of sessions)
    await fetch(`${base}/api/sessions/${s.id}?token=${token}`, { method: "DELETE" }).catch(
      () => undefined,
    );
}

for (const { renderer, notebooks } of passes) {
  const label = renderer ? "with plotly's renderer" : "without plotly's renderer";
  test(`own JupyterLab 4 ${label}: Run All draws every plot; saved ≤ 1 MB with no plotly.js inside; reopened trusted every plot draws, untrusted none is blank`, async () => {
    assert.is(installError, "", installError);
    browser = browser ?? (await launch());
    const { base, token, log } = await startLab(renderer);
    let context: BrowserContext | undefined;
    const problems: string[] = [];
    try {
      const open = async (): Promise<Page> => {
        await context?.close().catch(() => undefined);
        const o = await openOffline(browser!, `${base}/lab?reset&token=${token}`, {
          allow: [base],
          viewport: { width: 1280, height: 1000 },
        });
        context = o.context;
        return o.page;
      };
      let page = await open();
      for (const name of notebooks) {
        const t0 = Date.now();
        const file = join(dir, name);
        const opened = await openNotebook(page, name);
        // The renderer is really there (or really not): once the app is restored, JupyterLab
        // has its plugin and knows the "plotly" file type only when plotly's extension is loaded.
        const plotlyType = await page.evaluate(() => {
          const app = (
            window as unknown as {
              jupyterapp: {
                hasPlugin?(id: string): boolean;
                docRegistry: { getFileType(n: string): unknown };
              };
            }
          ).jupyterapp;
          return Boolean(
            app.hasPlugin?.("@jupyterlab/plotly-extension:factory") ||
            app.docRegistry.getFileType("plotly"),
          );
        });
        if (plotlyType !== renderer)
          problems.push(
            `plotly's renderer extension is ${plotlyType ? "enabled" : "not enabled"} in this pass`,
          );
        if (opened.kernel !== "connected/idle")
          problems.push(
            `${name}: kernel ${opened.kernel}\n${readFileSync(log, "utf8").slice(-800)}`,
          );
        const { state, finished } = await runAll(page, RUN_BOUND_MS);
        if (state.errors.length)
          problems.push(`${name}: error output:\n${state.errors.join("\n---\n")}`);
        if (!finished) problems.push(`${name}: ${state.ran} of ${state.codeCells} code cells ran`);
        const drawn = await waitDrawn(page);
        if (drawn.plots === 0 || drawn.drawn !== drawn.plots)
          problems.push(`${name}: ${drawn.drawn} of ${drawn.plots} plots drawn after Run All`);
        const rendered = await page.evaluate(
          () => document.querySelectorAll(".jp-RenderedPlotly").length,
        );
        if (rendered > 0)
          problems.push(
            `${name}: plotly's renderer drew ${rendered} plot(s); the kit's HTML should draw them all`,
          );
        await save(page);
        const text = readFileSync(file, "utf8");
        const bytes = statSync(file).size;
        sizes.push(
          `${name.slice(0, 2)} ${renderer ? "renderer" : "plain"} ${(bytes / 1024).toFixed(0)} kB`,
        );
        if (bytes > MAX_SAVED_BYTES)
          problems.push(
            `${name}: saved after Run All it is ${(bytes / 1e6).toFixed(2)} MB, over 1 MB`,
          );
        if (/data-mlekit=\\"plotly\.js/.test(text) || text.includes("Plotly.newPlot="))
          problems.push(`${name}: the saved notebook embeds plotly.js`);
        await closeAll(page);
        await closeSessions(base, token);

        // Reopened in a fresh page (no plotly.js loaded yet), with no kernel running the cells.
        page = await open();
        await openNotebook(page, name);
        const re = await waitDrawn(page, 30000);
        if (!re.trusted) problems.push(`${name}: the notebook the student saved reopens untrusted`);
        if (re.plots !== drawn.plots || re.drawn !== re.plots)
          problems.push(
            `${name}: reopened, ${re.drawn} of ${re.plots} plots drawn (the run had ${drawn.plots})`,
          );
        await closeAll(page);
        await closeSessions(base, token);

        // An untrusted copy: any change breaks the signature.
        const saved = JSON.parse(text) as { metadata: Record<string, unknown> };
        saved.metadata.copied_from_a_classmate = true;
        const copy = `untrusted-${name}`;
        writeFileSync(join(dir, copy), JSON.stringify(saved, null, 1) + "\n");
        await openNotebook(page, copy);
        const un = await waitDrawn(page, 20000, true);
        if (un.trusted) problems.push(`${copy}: not untrusted`);
        if (un.blank !== 0) problems.push(`${copy}: ${un.blank} of ${un.plots} plot areas blank`);
        if (un.plots !== drawn.plots || un.fallbacks !== un.plots)
          problems.push(
            `${copy}: ${un.fallbacks} of ${un.plots} plot areas show the fallback text`,
          );
        await closeAll(page);
        await closeSessions(base, token);
        rmSync(join(dir, copy));
        console.log(
          `      ${label}, ${name}: ${drawn.plots} plots; saved ${(bytes / 1024).toFixed(0)} kB; reopened ${re.drawn}/${re.plots} drawn; untrusted ${un.fallbacks} fallbacks, ${un.drawn} drawn, ${un.blank} blank; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
      }
      const kept = readdirSync(join(dir, "_mlekit"));
      if (kept.length !== 1)
        problems.push(`_mlekit/ holds ${kept.join(", ")}: expected one plotly.js`);
    } finally {
      await context?.close().catch(() => undefined);
      await stopLab(base, token);
    }
    assert.equal(problems, [], problems.join("\n"));
  });
}

test.run();
