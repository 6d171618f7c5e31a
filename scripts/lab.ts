#!/usr/bin/env node
// `npm run lab`: JupyterLab 4 on notebooks/ with this project's tslab kernel, from the
// project's own .venv (created on first use). Prints the URL to open. Deno's kernel is offered
// beside it ("TypeScript (Deno)", Kernel → Change Kernel); the notebooks open with tslab.
//   npm run lab                     JupyterLab 4
//   npm run lab -- --notebook       Notebook 7
//   npm run lab -- --plotly-renderer  let plotly's own renderer draw the plots (see below)
//   other arguments go to Jupyter   (e.g. `npm run lab -- --no-browser`)
//
// The kernelspec it uses sets MLEKIT_FRONTEND=lab, so plots carry no plotly.js: their HTML loads
// the one plotly.js this server serves at static/mlekit/plotly.min.js. A notebook saved after
// Run All stays small (hundreds of kB, not 5 MB) and every plot is interactive again when it
// is reopened.
//
// Decision on plotly's renderer: the `plotly` Python package (its JupyterLab/Notebook 7 renderer
// for application/vnd.plotly.v1+json) is installed into .venv, pinned, because many students
// have it and the tests must show the plots work under it. `npm run lab` turns it OFF by
// default (project page config, below): the renderer stores a PNG of every plot in the notebook
// when it draws it (02 saved at 1.19 MB instead of 0.49 MB), and on reopening shows that PNG
// until the mouse enters the plot. Plots render either way; `--plotly-renderer` turns it on.
import { spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as net from "net";
import * as path from "path";
import { buildTranslations } from "./i18n";
import * as setup from "./setup";

/** The kit's path (under the server's base URL) for the shared plotly.js; see figure-bundle.ts. */
export const SHARED_PLOTLY_PATH = "static/mlekit/plotly.min.js";

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (the OS picked it; another process may
 * still take it before the caller binds it).
 * @returns the port number
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A folder for the server's `extra_static_paths` holding `mlekit/plotly.min.js`, a copy of the
 * kit's plotly.js (copied again only when it changed).
 */
export function sharedStaticDir(): string {
  const src = require.resolve("plotly.js-dist-min/plotly.min.js", {
    paths: [path.join(setup.ROOT, "notebooks", "kit"), setup.ROOT],
  });
  const dir = path.join(setup.JUPYTER_DIR, "static");
  const dest = path.join(dir, SHARED_PLOTLY_PATH.replace(/^static\//, ""));
  const same =
    fs.existsSync(dest) &&
    fs.statSync(dest).size === fs.statSync(src).size &&
    fs.statSync(dest).mtimeMs >= fs.statSync(src).mtimeMs;
  if (!same) {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(src, dest);
  }
  return dir;
}

/**
 * A folder for JUPYTER_CONFIG_PATH whose labconfig/page_config.json turns plotly's renderer
 * off (`enabled: false`) or leaves it on. The user's own config folder still wins.
 */
function projectConfigDir(plotlyRenderer: boolean): string {
  const dir = path.join(setup.JUPYTER_DIR, plotlyRenderer ? "config-plotly" : "config");
  const file = path.join(dir, "labconfig", "page_config.json");
  // JupyterLab matches a disabled name against each plugin id and its package part: the plotly
  // renderer's plugin is "@jupyterlab/plotly-extension:factory" in the "jupyterlab-plotly" package.
  const off = !plotlyRenderer;
  // The news announcements plugin only asks to fetch news from the internet: off.
  const disabled = {
    "jupyterlab-plotly": off,
    "@jupyterlab/plotly-extension": off,
    "@jupyterlab/apputils-extension:announcements": true,
  };
  const text = JSON.stringify({ disabledExtensions: disabled }, null, 2) + "\n";
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  return dir;
}

/** Options of {@link serverCommand}. */
export interface ServerCommandOptions {
  /** JupyterLab 4 ("lab", default) or Notebook 7 ("notebook"). */
  app?: "lab" | "notebook";
  /** The folder the server serves (default notebooks/). */
  notebookDir?: string;
  /** The port on 127.0.0.1 (see {@link freePort}). */
  port: number;
  /** The token the URL carries. */
  token: string;
  /** Extra environment for the server (and its kernels). */
  env?: NodeJS.ProcessEnv;
  /** More command-line arguments for Jupyter. */
  extraArgs?: readonly string[];
  /** Leave plotly's JupyterLab renderer on (off by default, see the top of this file). */
  plotlyRenderer?: boolean;
}

/** A command line to spawn, and the page to open once it runs. */
export interface ServerCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The page to open, token included. */
  url: string;
}

/**
 * The command line of a Jupyter server for the project: JupyterLab (`app: "lab"`) or
 * Notebook 7 (`app: "notebook"`) from .venv, on 127.0.0.1:`port`, serving `notebookDir`, with
 * the "lab" kernelspec (MLEKIT_FRONTEND=lab) and the shared plotly.js.
 * Creates .venv/ first when needed.
 */
export function serverCommand({
  app = "lab",
  notebookDir = path.join(setup.ROOT, "notebooks"),
  port,
  token,
  env = {},
  extraArgs = [],
  plotlyRenderer = false,
}: ServerCommandOptions): ServerCommand {
  const python = setup.ensureVenv();
  const module = app === "lab" ? "jupyterlab" : "notebook";
  const args = [
    "-m",
    module,
    `--ServerApp.root_dir=${notebookDir}`,
    "--ServerApp.ip=127.0.0.1",
    `--ServerApp.port=${port}`,
    "--ServerApp.port_retries=0",
    `--IdentityProvider.token=${token}`,
    `--ServerApp.extra_static_paths=${sharedStaticDir()}`,
    ...(typeof process.getuid === "function" && process.getuid() === 0 ? ["--allow-root"] : []),
    ...extraArgs,
  ];
  const url = `http://127.0.0.1:${port}/${app === "lab" ? "lab" : "tree"}?token=${token}`;
  const prior = process.env.JUPYTER_CONFIG_PATH;
  const configPath = projectConfigDir(plotlyRenderer) + (prior ? path.delimiter + prior : "");
  return {
    command: python,
    args,
    env: setup.jupyterEnv({ JUPYTER_CONFIG_PATH: configPath, ...env }, "lab"),
    url,
  };
}

/** `npm run lab`: builds, translates, starts the server and prints the URL when it is up. */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const app = argv.includes("--notebook") ? "notebook" : "lab";
  const plotlyRenderer = argv.includes("--plotly-renderer");
  const rest = argv.filter((a) => a !== "--notebook" && a !== "--plotly-renderer");
  console.log("[lab] building the library and the kit");
  setup.buildLib();
  // The Chinese edition (notebooks/zh/, not committed) is regenerated from the English notebooks
  // and notebooks/i18n/zh/, so it always matches them.
  buildTranslations();
  const port = Number(process.env.PORT) || (await freePort());
  const token = crypto.randomBytes(16).toString("hex");
  const { command, args, env, url } = serverCommand({
    app,
    port,
    token,
    extraArgs: rest,
    plotlyRenderer,
  });
  console.log(
    `[lab] starting ${app === "lab" ? "JupyterLab 4" : "Notebook 7"} on notebooks/ with the project's tslab kernel (the notebooks' own; "TypeScript (Deno)" is in the kernel menu too)` +
      (plotlyRenderer ? ", plotly's renderer on" : ""),
  );
  const child = spawn(command, args, { env, stdio: ["inherit", "inherit", "pipe"] });
  let announced = false;
  child.stderr.on("data", (chunk: Buffer) => {
    process.stderr.write(chunk);
    if (
      !announced &&
      /is running at|Jupyter Server .* is running|http:\/\/127\.0\.0\.1/.test(String(chunk))
    ) {
      announced = true;
      console.log(`\n[lab] open ${url}\n`);
    }
  });
  const stop = () => child.kill("SIGINT");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
