// entropy and klDivergence on their SIMD passes as a browser gets them: bundled with esbuild from the sources, with the
// kernels embedded, it imports no Node built-in, runs in a bare JavaScript context (no require,
// process or Buffer; the context's own WebAssembly), loads the kernels there and gives the same
// bits as in Node. Prints the bundle sizes with and without the kernels.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSync } from "esbuild";
import { builtinModules } from "module";
import { join } from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import { KERNELS_BASE64 } from "../../lib/src/simd/module";
import { entropy, klDivergence } from "../../lib/src/information";

const ROOT = join(__dirname, "..", "..");

function bundle(contents: string): { code: string; imports: string[] } {
  const r = buildSync({
    stdin: { contents, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    platform: "browser",
    format: "iife",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const imports = Object.values(r.metafile!.inputs).flatMap((i) => i.imports.map((x) => x.path));
  return { code: r.outputFiles[0].text, imports };
}

const P = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1000) + 1);
const Q = Array.from({ length: 5000 }, (_, i) => ((i * 104729) % 997) + 1);

const ENTRY = `import { entropy, klDivergence } from "./lib/src/information";
import { PASS } from "./lib/src/simd/passes";
const p = Float64Array.from(${JSON.stringify(P)});
const q = Float64Array.from(${JSON.stringify(Q)});
const h = entropy(p, { normalize: true });
const path = PASS.path;
globalThis.result = { h, kl: klDivergence(p, q, { normalize: true, base: 2 }), path };`;

test("the bundle of entropy and klDivergence imports no Node built-in", () => {
  const { imports } = bundle(ENTRY);
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  assert.equal(
    imports.filter((p) => builtins.has(p)),
    [],
  );
});

test("in a bare context it loads the kernels from the embedded bytes and gives Node's bits", () => {
  const { code } = bundle(ENTRY);
  const sandbox: Record<string, unknown> = {};
  vm.createContext(sandbox);
  vm.runInContext(code, sandbox, { timeout: 10000 });
  const r = sandbox.result as { h: number; kl: number; path: string };
  assert.is(r.path, "simd", "the kernels did not load in the bare context");
  assert.ok(Object.is(r.h, entropy(Float64Array.from(P), { normalize: true })), `${r.h}`);
  assert.ok(
    Object.is(
      r.kl,
      klDivergence(Float64Array.from(P), Float64Array.from(Q), { normalize: true, base: 2 }),
    ),
    `${r.kl}`,
  );
  for (const name of ["require", "process", "Buffer"])
    assert.is(typeof sandbox[name], "undefined", name);
});

test("importing the SIMD modules for their side effects bundles to nothing: nothing runs at import", () => {
  const r = buildSync({
    stdin: { contents: 'import "./lib/src/simd/passes";', resolveDir: ROOT, loader: "ts" },
    bundle: true,
    platform: "browser",
    format: "esm",
    minify: true,
    write: false,
    logLevel: "silent",
  });
  assert.is(r.outputFiles[0].text.trim(), "");
});

test("bundle sizes: { entropy, klDivergence } with the kernels embedded (one base64 string, the whole module), and without those bytes", () => {
  const simd = bundle(
    'import { entropy, klDivergence } from "./lib/src/information"; globalThis.r = [entropy, klDivergence];',
  ).code;
  assert.ok(simd.includes(KERNELS_BASE64), "the kernels' base64 is in the bundle, whole");
  const rest = simd.replace(KERNELS_BASE64, "");
  assert.ok(!rest.includes(KERNELS_BASE64.slice(0, 64)), "the bytes are embedded once");
  const gz = (s: string): number => zlib.gzipSync(s, { level: 9 }).length;
  console.log(
    `  { entropy, klDivergence }: ${simd.length} B minified (${gz(simd)} gzipped) with the SIMD kernels; without their bytes ${rest.length} B (${gz(rest)} gzipped)`,
  );
});

test.run();
