#!/usr/bin/env node
// `npm run build`: compiles the three workspace packages, in dependency order.
//  0. mlekit's WebAssembly SIMD kernels: lib/wasm/kernels.c is compiled (clang-14) and embedded in
//     lib/src/simd/module.ts (scripts/build-wasm.ts).
//  1. mlekit (lib/): tsc writes CommonJS + .d.ts to lib/dist/cjs, and ES modules to lib/dist/esm
//     (one module per source file, so a bundler drops the files an app does not use; the
//     relative import paths get their `.js` / `/index.js`, as Node's ESM loader requires).
//  2. notebook-kit (notebooks/kit/) and 3. mle-course (notebooks/course/): tsc, CommonJS + .d.ts.
// The compiler is called by path: tslab installs its own older `tsc` bin (see ENGINEERING.md).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildWasm } from "./build-wasm";

const ROOT = path.resolve(__dirname, "..");
const TSC = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
/** The workspace packages, in build order (each depends only on those before it). */
export const PACKAGES = ["lib", "notebooks/kit", "notebooks/course"] as const;

/** Runs the project's tsc on `project`; throws naming `dir` when it fails. */
function tsc(dir: string, project: string = dir): void {
  const r = spawnSync(process.execPath, [TSC, "-p", path.join(ROOT, project)], {
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error(`building ${dir} failed (tsc -p ${project})`);
}

/** Every file under `dir`, recursively. */
function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Gives every relative import in lib/dist/esm the full path Node's ESM loader needs. */
function esmModules(): void {
  const out = path.join(ROOT, "lib", "dist", "esm");
  fs.rmSync(out, { recursive: true, force: true });
  tsc("lib (ESM)", "lib/tsconfig.esm.json");
  for (const file of walk(out).filter((f) => f.endsWith(".js"))) {
    const src = fs.readFileSync(file, "utf8");
    const fixed = src.replace(
      /(\b(?:from|import)\s*["'])(\.{1,2}\/[^"']*)(["'])/g,
      (_all: string, head: string, spec: string, tail: string) => {
        const target = path.resolve(path.dirname(file), spec);
        if (fs.existsSync(`${target}.js`)) return `${head}${spec}.js${tail}`;
        if (fs.existsSync(path.join(target, "index.js"))) return `${head}${spec}/index.js${tail}`;
        throw new Error(
          `build: ${path.relative(ROOT, file)} imports ${spec}, which is neither a file nor a folder`,
        );
      },
    );
    if (fixed !== src) fs.writeFileSync(file, fixed);
  }
  fs.writeFileSync(path.join(out, "package.json"), '{ "type": "module", "sideEffects": false }\n');
}

/**
 * Builds every package, in {@link PACKAGES} order.
 * @throws Error naming the package that failed
 */
export function build(): void {
  buildWasm();
  tsc(PACKAGES[0]);
  esmModules();
  for (const dir of PACKAGES.slice(1)) tsc(dir);
}

if (require.main === module) {
  try {
    build();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
