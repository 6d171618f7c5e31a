// A project Jupyter server for the front-end tests: JupyterLab 4 (which also serves Notebook 7
// at /notebooks/…) from .venv, started exactly as `npm run lab` starts it (scripts/lab.ts), on a
// temporary COPY of notebooks/ (data/ included) in the OS temp folder, with its own config,
// data and runtime folders (so a fresh trust database: notebooks start untrusted). The copy
// sits next to a `node_modules` link to the repo's, so the kernel resolves mlekit and the kit
// as in the repo. Every wait is bounded; `stop()` kills the server's process group if need be.
import { spawn, type ChildProcess } from "child_process";
import { randomBytes } from "crypto";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import { freePort, serverCommand } from "../../scripts/lab";
import { NOTEBOOK_DIR, listNotebooks } from "../../scripts/notebooks";
import { ROOT } from "../../scripts/setup";
import { SCREENS_DIR, until } from "./chromium";

export const NOTEBOOKS = NOTEBOOK_DIR;

/**
 * The notebooks the front-end tests open: every `notebooks/*.ipynb` (notebooks/zh/ is skipped).
 * MLEKIT_NOTEBOOKS=05,07 (name prefixes) narrows it for a quick local loop.
 */
export function notebookNames(): string[] {
  const all = listNotebooks().map((f) => basename(f));
  const only = (process.env.MLEKIT_NOTEBOOKS || "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return only.length ? all.filter((f) => only.some((o) => f.startsWith(o))) : all;
}

export interface ServerOptions {
  /** Turn plotly's JupyterLab renderer on (`npm run lab -- --plotly-renderer`; off by default). */
  plotlyRenderer?: boolean;
  /** A label for the temp folder. */
  label: string;
}

export class JupyterServer {
  readonly token = randomBytes(16).toString("hex");
  readonly work: string;
  readonly dir: string;
  base = "";
  private child: ChildProcess | undefined;

  constructor(private readonly opts: ServerOptions) {
    this.work = mkdtempSync(join(tmpdir(), `mlekit-${opts.label}-`));
    this.dir = join(this.work, "notebooks");
  }

  /** Copies the notebooks, writes the config and starts the server; resolves when /api/status answers. */
  async start(): Promise<void> {
    symlinkSync(join(ROOT, "node_modules"), join(this.work, "node_modules"), "junction");
    mkdirSync(this.dir);
    for (const f of notebookNames()) cpSync(join(NOTEBOOKS, f), join(this.dir, f));
    if (existsSync(join(NOTEBOOKS, "data")))
      cpSync(join(NOTEBOOKS, "data"), join(this.dir, "data"), { recursive: true });
    const config = join(this.work, "config");
    mkdirSync(join(config, "labconfig"), { recursive: true });
    // exposeAppInBrowser: window.jupyterapp, so the test can run commands and read the model.
    const page: Record<string, unknown> = { exposeAppInBrowser: true };
    writeFileSync(join(config, "labconfig", "page_config.json"), JSON.stringify(page));
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    const cmd = serverCommand({
      app: "lab",
      notebookDir: this.dir,
      port,
      token: this.token,
      env: {
        JUPYTER_CONFIG_DIR: config,
        JUPYTER_RUNTIME_DIR: join(this.work, "runtime"),
        JUPYTER_DATA_DIR: join(this.work, "data"),
      },
      extraArgs: ["--no-browser", "--ServerApp.open_browser=False"],
      plotlyRenderer: Boolean(this.opts.plotlyRenderer),
    });
    const log = openSync(join(this.work, "server.log"), "w");
    this.child = spawn(cmd.command, cmd.args, {
      detached: true,
      stdio: ["ignore", log, log],
      env: cmd.env,
    });
    const up = await until(
      async () => {
        if (!this.alive()) return "exited";
        const r = await this.api("/api/status").catch(() => undefined);
        return r && r.ok ? "up" : "";
      },
      90000,
      300,
    );
    if (up !== "up")
      throw new Error(
        `the Jupyter server did not come up (${up || "timeout"}):\n${this.logTail()}`,
      );
  }

  alive(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  api(path: string, init?: RequestInit): Promise<Response> {
    return fetch(`${this.base}${path}${path.includes("?") ? "&" : "?"}token=${this.token}`, {
      ...init,
      signal: AbortSignal.timeout(10000),
    });
  }

  url(path: string): string {
    return `${this.base}${path}${path.includes("?") ? "&" : "?"}token=${this.token}`;
  }

  logTail(lines = 15): string {
    try {
      return readFileSync(join(this.work, "server.log"), "utf8")
        .trim()
        .split("\n")
        .slice(-lines)
        .join("\n");
    } catch {
      return "(no server log)";
    }
  }

  log(): string {
    try {
      return readFileSync(join(this.work, "server.log"), "utf8");
    } catch {
      return "";
    }
  }

  /**
   * Waits until the server reports the kernel of `path`'s session started, connected to the
   * page and idle (the page's own toolbar says "idle" too early). Returns "" when ready, else
   * what went wrong, naming a dead kernel as such.
   */
  async kernelReady(path: string, timeoutMs = 90000): Promise<string> {
    let last = "no session";
    const ok = await until(
      async () => {
        const sessions = (await (await this.api("/api/sessions")).json().catch(() => [])) as {
          path: string;
          kernel: { id: string };
        }[];
        const s = sessions.find((x) => x.path === path);
        if (!s) return false;
        const k = (await (
          await this.api(`/api/kernels/${s.kernel.id}`)
        )
          .json()
          .catch(() => ({}))) as { execution_state?: string; connections?: number };
        last = `kernel ${k.execution_state}, ${k.connections} connection(s)`;
        return k.execution_state === "idle" && (k.connections ?? 0) > 0;
      },
      timeoutMs,
      300,
    );
    if (ok) return "";
    const blocked = /Socket is blocked by a bind or unbind operation/.test(this.log());
    return `the kernel never became ready (${last})${blocked ? ": DEAD KERNEL, it logged 'Socket is blocked by a bind or unbind operation'" : ""}\n${this.logTail()}`;
  }

  /** Shuts every session down, so the next notebook starts with the machine's cores free. */
  async closeSessions(): Promise<void> {
    try {
      const sessions = (await (await this.api("/api/sessions")).json()) as { id: string }[];
      for (const s of sessions) await this.api(`/api/sessions/${s.id}`, { method: "DELETE" });
    } catch {
      /* the server is gone */
    }
  }

  async stop(): Promise<void> {
    if (this.child) {
      if (this.alive()) await this.api("/api/shutdown", { method: "POST" }).catch(() => undefined);
      await until(async () => !this.alive(), 15000, 200);
      for (const sig of ["SIGTERM", "SIGKILL"] as const) {
        if (!this.alive() || this.child.pid === undefined) break;
        try {
          process.kill(-this.child.pid, sig);
        } catch {
          /* gone */
        }
        await until(async () => !this.alive(), 5000, 200);
      }
      this.child = undefined;
    }
    rmSync(this.work, { recursive: true, force: true });
  }

  /** Kills the process group at once (for process exit). */
  kill(): void {
    if (this.child?.pid !== undefined && this.alive()) {
      try {
        process.kill(-this.child.pid, "SIGKILL");
      } catch {
        /* gone */
      }
    }
  }
}

/** Where the front-end tests put their screenshots: a fresh folder in the OS temp folder. */
export function screensDir(): string {
  const dir = SCREENS_DIR;
  mkdirSync(dir, { recursive: true });
  return dir;
}
