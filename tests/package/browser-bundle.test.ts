// mlekit as an engineer takes it: bundled for a browser with esbuild, from the built package
// (its `exports` map, ESM entry), the four names of issue 9. The bundle must hold no Node
// built-in and run in a bare JavaScript context with no `require`, `process` or `Buffer`.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSync } from "esbuild";
import { builtinModules } from "module";
import { readFileSync } from "fs";
import { join } from "path";
import * as vm from "vm";
import { KERNELS_BASE64 } from "../../lib/src/simd/module";

const ROOT = join(__dirname, "..", "..");
const ENTRY = `import { entropy, klDivergence, fitGaussian, gaussian } from "mlekit";
globalThis.result = {
  h: entropy([0.5, 0.25, 0.25], { base: 2 }),
  kl: klDivergence([0.5, 0.5], [0.9, 0.1]),
  mu: fitGaussian([1, 2, 3, 4]).params.mu,
  lp: gaussian(0, 1).logProb(0),
};`;

function bundle(minify: boolean): { code: string; imports: string[] } {
  const r = buildSync({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: "js" },
    bundle: true,
    platform: "browser",
    format: "iife",
    minify,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const imports = Object.values(r.metafile!.inputs).flatMap((i) => i.imports.map((x) => x.path));
  return { code: r.outputFiles[0].text, imports };
}

test("bundling { entropy, klDivergence, fitGaussian, gaussian } for the browser pulls in no Node built-in", () => {
  const { imports } = bundle(false);
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const used = imports.filter((p) => builtins.has(p));
  assert.equal(used, [], `Node built-ins imported: ${used.join(", ")}`);
});

test("the minified bundle runs in a bare context (no require, process or Buffer) and gives the library's answers", () => {
  const { code } = bundle(true);
  const sandbox: Record<string, unknown> = {};
  sandbox.globalThis = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { timeout: 5000 });
  const r = sandbox.result as { h: number; kl: number; mu: number; lp: number };
  // Exact values: H(½, ¼, ¼) = 1.5 bits; KL(½,½ ‖ 0.9,0.1) = ½ ln(5/9) + ½ ln 5; mean 2.5; −½ ln 2π.
  assert.is(r.h, 1.5);
  assert.ok(
    Math.abs(r.kl - (0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1))) < 1e-15,
    String(r.kl),
  );
  assert.is(r.mu, 2.5);
  assert.ok(Math.abs(r.lp + 0.5 * Math.log(2 * Math.PI)) < 1e-15, String(r.lp));
  for (const name of ["require", "process", "Buffer"])
    assert.is(typeof sandbox[name], "undefined", `${name} leaked into the sandbox`);
});

test("lib/README.md quotes the minified sizes this test measures for { entropy, klDivergence, fitGaussian, gaussian } (to 0.1 kB): in all, and without the embedded SIMD kernels", () => {
  const { code } = bundle(true);
  // The WebAssembly SIMD kernels (issue 20) travel as one base64 string; the 15 kB goal of issue 9
  // is held by the rest, the library's code (the kernels' share is stated beside it).
  const b64 = KERNELS_BASE64;
  assert.ok(code.includes(b64), "the bundle embeds the kernels' bytes as one string");
  const kB = (Buffer.byteLength(code) / 1000).toFixed(1);
  const codeKB = ((Buffer.byteLength(code) - b64.length) / 1000).toFixed(1);
  console.log(
    `  mlekit browser bundle { entropy, klDivergence, fitGaussian, gaussian }: ${kB} kB minified, ${codeKB} kB without the kernels' ${(b64.length / 1000).toFixed(1)} kB of base64 (goal ≤ 15 kB)`,
  );
  const readme = readFileSync(join(ROOT, "lib", "README.md"), "utf8");
  const quoted = /<!-- bundle-size -->([\d.]+)<!-- \/bundle-size -->/.exec(readme);
  const quotedCode = /<!-- bundle-size-code -->([\d.]+)<!-- \/bundle-size-code -->/.exec(readme);
  assert.ok(quoted, "lib/README.md has no <!-- bundle-size -->…<!-- /bundle-size --> figure");
  assert.ok(
    quotedCode,
    "lib/README.md has no <!-- bundle-size-code -->…<!-- /bundle-size-code --> figure",
  );
  assert.is(
    quoted![1],
    kB,
    `lib/README.md says ${quoted![1]} kB, the bundle measures ${kB} kB: update the figure`,
  );
  assert.is(
    quotedCode![1],
    codeKB,
    `lib/README.md says ${quotedCode![1]} kB without the kernels, the bundle measures ${codeKB} kB: update the figure`,
  );
  assert.ok(Number(codeKB) <= 15, `${codeKB} kB of code is over the 15 kB goal`);
});

test("importing mlekit only for its side effects bundles to nothing: nothing runs at import time", () => {
  const r = buildSync({
    stdin: { contents: 'import "mlekit";', resolveDir: ROOT, loader: "js" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  assert.is(r.outputFiles[0].text.trim(), "", r.outputFiles[0].text.slice(0, 200));
});

test("Node's CommonJS entry and ESM entry export the same names", () => {
  const cjs = Object.keys(require("mlekit"))
    .filter((k) => k !== "__esModule")
    .sort();
  const esm = buildSync({
    entryPoints: [join(ROOT, "lib", "dist", "esm", "index.js")],
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "silent",
    packages: "external",
  });
  const exportsOfEsm = [...Object.values(esm.metafile!.outputs)[0].exports].sort();
  assert.equal(exportsOfEsm, cjs);
});

test("lib/tsconfig.json gives no Node types: code in mlekit that imports fs fails to compile", () => {
  const { mkdtempSync, writeFileSync, rmSync } = require("fs") as typeof import("fs");
  const { tmpdir } = require("os") as typeof import("os");
  const { spawnSync } = require("child_process") as typeof import("child_process");
  const dir = mkdtempSync(join(tmpdir(), "mlekit-node-import-"));
  try {
    writeFileSync(
      join(dir, "uses-fs.ts"),
      'import { readFileSync } from "fs";\nexport const x = readFileSync;\n',
    );
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        extends: join(ROOT, "lib", "tsconfig.json"),
        compilerOptions: {
          noEmit: true,
          rootDir: dir,
          typeRoots: [join(ROOT, "node_modules", "@types")],
        },
        include: [join(dir, "*.ts")],
      }),
    );
    const r = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", dir],
      { encoding: "utf8" },
    );
    assert.is.not(r.status, 0, "tsc accepted an fs import under mlekit's settings");
    assert.match(r.stdout, /Cannot find module 'fs'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
