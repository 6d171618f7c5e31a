#!/usr/bin/env node
// `npm run build`: compiles the three workspace packages, in dependency order.
//  1. mlekit (lib/): tsc writes CommonJS + .d.ts to lib/dist/cjs; esbuild writes one ES module,
//     lib/dist/esm/index.mjs, with its dependencies left as imports (the `exports` map's "import").
//  2. notebook-kit (notebooks/kit/) and 3. mle-course (notebooks/course/): tsc, CommonJS + .d.ts.
// The compiler is called by path: tslab installs its own older `tsc` bin (see ENGINEERING.md).
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
const PACKAGES = ["lib", "notebooks/kit", "notebooks/course"];

function tsc(dir) {
  const r = spawnSync(process.execPath, [TSC, "-p", path.join(ROOT, dir)], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`building ${dir} failed (tsc -p ${dir})`);
}

function esmBundle() {
  const esbuild = require("esbuild");
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, "lib", "src", "index.ts")],
    outfile: path.join(ROOT, "lib", "dist", "esm", "index.mjs"),
    bundle: true,
    format: "esm",
    platform: "neutral",
    packages: "external",
    target: "es2020",
    sourcemap: true,
    logLevel: "warning",
  });
}

/** Builds every package; throws naming the one that failed. */
function build() {
  tsc(PACKAGES[0]);
  esmBundle();
  for (const dir of PACKAGES.slice(1)) tsc(dir);
}

module.exports = { build, PACKAGES };

if (require.main === module) {
  try {
    build();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
