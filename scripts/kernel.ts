#!/usr/bin/env node
// Kernelspec for this project's own tslab.
//   node -r ts-node/register/transpile-only scripts/kernel.ts
//                                   write it inside the repo (node_modules/.cache/mlekit-jupyter/run);
//                                   project scripts use it through JUPYTER_PATH
//   npm run kernel:install          (--user) register it user-wide, for your own JupyterLab; its
//                                   plots load one plotly.js kept beside the notebook (MLEKIT_FRONTEND=own)
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as setup from "./setup";

/** Jupyter's per-user data directory for kernelspecs, as Jupyter itself computes it. */
export function userKernelsDir(): string {
  if (process.env.JUPYTER_DATA_DIR) return path.join(process.env.JUPYTER_DATA_DIR, "kernels");
  if (process.platform === "darwin")
    return path.join(os.homedir(), "Library", "Jupyter", "kernels");
  if (process.platform === "win32")
    return path.join(process.env.APPDATA || os.homedir(), "jupyter", "kernels");
  const xdg = process.env.XDG_DATA_HOME || path.join(os.homedir(), ".local", "share");
  return path.join(xdg, "jupyter", "kernels");
}

/** Registers the project's kernelspec user-wide (with the user's `jupyter` when on PATH, else by copying it). */
function installUser(): void {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), "mlekit-kernel-"));
  const kdir = setup.writeKernelspec(staging, "own");
  // Your own Jupyter registers it if it is on PATH; otherwise the file is copied where Jupyter looks.
  const viaJupyter = setup.run("jupyter", [
    "kernelspec",
    "install",
    "--user",
    "--replace",
    "--name",
    setup.KERNEL_NAME,
    kdir,
  ]);
  let where: string | undefined;
  if (viaJupyter.status === 0) {
    where = `${viaJupyter.stdout}${viaJupyter.stderr}`.trim().split("\n").pop();
  } else {
    const dest = path.join(userKernelsDir(), setup.KERNEL_NAME);
    fs.mkdirSync(dest, { recursive: true });
    fs.copyFileSync(path.join(kdir, "kernel.json"), path.join(dest, "kernel.json"));
    where = `Installed kernelspec ${setup.KERNEL_NAME} in ${dest}`;
  }
  fs.rmSync(staging, { recursive: true, force: true });
  console.log(where);
  console.log(
    `The kernel runs ${setup.kernelJson("own").argv.slice(0, 2).join(" ")} (this project's tslab).`,
  );
  console.log(
    `Open the notebooks in notebooks/ from your own JupyterLab and pick the kernel "${setup.KERNEL_DISPLAY_NAME}" (name ${setup.KERNEL_NAME}).`,
  );
  console.log(
    "Run `npm run build` first (and after changing lib/): notebooks import the compiled library.",
  );
  console.log(
    "Plots load one plotly.js that the first plot writes into _mlekit/ beside the notebook (gitignored), so saved notebooks stay small.",
  );
}

if (require.main === module) {
  if (process.argv.includes("--user")) installUser();
  else
    console.log(
      `Kernelspec written to ${setup.writeKernelspec()}\nUse it with JUPYTER_PATH=${setup.kernelDir("run")}`,
    );
}
