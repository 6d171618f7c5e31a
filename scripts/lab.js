#!/usr/bin/env node
// `npm run lab`: JupyterLab on notebooks/ with this project's tslab kernel; the classic
// Notebook when JupyterLab is not installed. Prints the URL to open. Extra arguments are
// passed to Jupyter (e.g. `npm run lab -- --no-browser`).
"use strict";
const net = require("net");
const path = require("path");
const crypto = require("crypto");
const { spawn } = require("child_process");
const setup = require("./setup");

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const has = (args) => setup.run("jupyter", args).status === 0;

async function main() {
  console.log("[lab] building lib (tsc -p lib)");
  setup.buildLib();
  const env = setup.jupyterEnv();
  let app = has(["lab", "--version"]) ? "lab" : has(["notebook", "--version"]) ? "notebook" : undefined;
  if (!app) {
    console.log("[lab] JupyterLab is not installed; setting up the classic Notebook (Debian: jupyter-notebook)");
    setup.ensureJupyter(["notebook"]);
    app = "notebook";
  }
  const port = Number(process.env.PORT) || (await freePort());
  const token = crypto.randomBytes(16).toString("hex");
  const server = app === "lab" ? "ServerApp" : "NotebookApp";
  const args = [
    app,
    `--notebook-dir=${path.join(setup.ROOT, "notebooks")}`,
    "--ip=127.0.0.1",
    `--port=${port}`,
    "--port-retries=0",
    `--${server}.token=${token}`,
    ...(typeof process.getuid === "function" && process.getuid() === 0 ? ["--allow-root"] : []),
    ...process.argv.slice(2),
  ];
  const url = `http://127.0.0.1:${port}/${app === "lab" ? "lab" : "tree"}?token=${token}`;
  console.log(`[lab] starting ${app === "lab" ? "JupyterLab" : "the classic Jupyter Notebook (JupyterLab not installed)"} with the project's tslab kernel`);
  const child = spawn("jupyter", args, { env, stdio: ["inherit", "inherit", "pipe"] });
  let announced = false;
  child.stderr.on("data", (chunk) => {
    process.stderr.write(chunk);
    if (!announced && /is running at|Jupyter Server .* is running|http:\/\/127\.0\.0\.1/.test(String(chunk))) {
      announced = true;
      console.log(`\n[lab] open ${url}\n`);
    }
  });
  const stop = () => child.kill("SIGINT");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
