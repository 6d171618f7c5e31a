// Preload for mutation runs (plain JavaScript, so it starts in milliseconds):
//  1. `.ts` files are transpiled by esbuild, file by file, types stripped, no type check:
//     what `ts-node/register/transpile-only` does for `npm test`, without loading the
//     TypeScript compiler into every test process (measured in mutation/README.md).
//  2. The workspace packages resolve to their TypeScript sources in this tree:
//     `mlekit` -> lib/src, `notebook-kit` -> notebooks/kit/src, `mle-course` ->
//     notebooks/course/src. Inside Stryker's sandbox this tree is the mutated copy, so a
//     mutant reaches every test however the test imports the code (by path or by package
//     name); `node_modules/<package>` would point at the unmutated build of the original.
"use strict";
const fs = require("fs");
const path = require("path");
const Module = require("module");
const { transformSync } = require("esbuild");

const ROOT = path.resolve(__dirname, "..");

/** The source entry of each workspace package, in this tree. */
const PACKAGES = {
  mlekit: path.join(ROOT, "lib", "src", "index.ts"),
  "notebook-kit": path.join(ROOT, "notebooks", "kit", "src", "index.ts"),
  "mle-course": path.join(ROOT, "notebooks", "course", "src", "index.ts"),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const entry = Object.prototype.hasOwnProperty.call(PACKAGES, request) ? PACKAGES[request] : undefined;
  return entry ?? resolveFilename.call(this, request, ...rest);
};

// The compiler options that change emitted JavaScript, as the root tsconfig.json sets them
// (target ES2020: class fields keep TypeScript's assignment semantics).
const TSCONFIG = { compilerOptions: { target: "ES2020", useDefineForClassFields: false, esModuleInterop: true } };

if (process.env.MUTATION_TS_NODE === "1") {
  // `npm run mutation -- --check-plan` measures coverage with TypeScript's own emit (which
  // adds no helper functions to a module, unlike esbuild's export getters).
  require("ts-node").register({ transpileOnly: true, project: path.join(ROOT, "tsconfig.json") });
} else require.extensions[".ts"] = function (module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { code } = transformSync(source, {
    loader: "ts",
    format: "cjs",
    target: "es2020",
    sourcefile: filename,
    sourcemap: "inline",
    tsconfigRaw: TSCONFIG,
  });
  module._compile(code, filename);
};
