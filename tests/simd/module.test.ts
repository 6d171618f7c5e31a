// The embedded WebAssembly module: it matches a fresh build of lib/wasm/kernels.c, it decodes
// without atob, nothing runs at import, and an engine without SIMD (or without WebAssembly)
// gets no kernels. The rebuild needs clang-14 and lld-14: scripts/build-wasm.ts installs them
// with apt-get on Debian as root (CI), and otherwise this test FAILS naming the packages; it
// never skips.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as path from "path";
import { checkWasm, compileKernels, sha256, SOURCE } from "../../scripts/build-wasm";
import {
  KERNELS_BASE64,
  KERNELS_SHA256,
  KERNELS_SIZE,
  KERNELS_SOURCE_SHA256,
} from "../../lib/src/simd/module";
import { decodeBase64, kernels, setSimdDisabled, simdAvailable } from "../../lib/src/simd/instance";

test("lib/src/simd/module.ts matches a fresh build of lib/wasm/kernels.c (byte for byte)", () => {
  const problems = checkWasm();
  assert.equal(problems, []);
  const fresh = compileKernels();
  assert.is(fresh.toString("base64"), KERNELS_BASE64);
});

test("the recorded hashes are those of the embedded bytes and of the committed source", () => {
  const bytes = Buffer.from(KERNELS_BASE64, "base64");
  assert.is(bytes.length, KERNELS_SIZE);
  assert.is(sha256(bytes), KERNELS_SHA256);
  assert.is(
    sha256(fs.readFileSync(SOURCE, "utf8")),
    KERNELS_SOURCE_SHA256,
    "kernels.c changed since module.ts was built: npm run build",
  );
});

test("decodeBase64 gives the bytes Node's decoder gives, for every padding length, and rejects junk", () => {
  for (const n of [0, 1, 2, 3, 4, 5, 255, 1000]) {
    const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255));
    assert.equal(
      Array.from(decodeBase64(bytes.toString("base64"))),
      Array.from(bytes),
      `length ${n}`,
    );
  }
  assert.equal(
    Array.from(decodeBase64(KERNELS_BASE64)),
    Array.from(Buffer.from(KERNELS_BASE64, "base64")),
  );
  assert.throws(() => decodeBase64("AA*A"), /corrupt embedded WebAssembly module/);
});

test("the module exports every kernel the passes call, and 32 KB input buffers", () => {
  const kr = kernels();
  assert.ok(kr, "Node 20 runs WebAssembly SIMD: the kernels must load");
  for (const name of [
    "entropy_chunk",
    "cross_chunk",
    "kl_chunk",
    "lse_max_chunk",
    "lse_sum_chunk",
    "log_map",
    "exp_map",
  ]) {
    assert.type((kr.exports as unknown as Record<string, unknown>)[name], "function", name);
  }
  assert.is(kr.chunk, 4096);
  assert.ok(
    kr.in1 - kr.in0 >= kr.chunk || kr.in0 - kr.in1 >= kr.chunk,
    "the two input buffers do not overlap",
  );
});

test("without WebAssembly, or with an engine that rejects SIMD, kernels() is undefined (the JS path)", () => {
  // Fresh copies of the module, so the cached instance of this process is not involved.
  const modPath = require.resolve("../../lib/src/simd/instance");
  const g = globalThis as { WebAssembly?: unknown };
  const real = g.WebAssembly;
  const fresh = (): typeof import("../../lib/src/simd/instance") => {
    delete require.cache[modPath];
    return require(modPath);
  };
  try {
    g.WebAssembly = undefined;
    assert.is(fresh().kernels(), undefined, "no WebAssembly");
    const w = real as { validate(b: Uint8Array): boolean };
    g.WebAssembly = {
      ...(real as object),
      validate: () => false,
      Module: (real as { Module: unknown }).Module,
      Instance: (real as { Instance: unknown }).Instance,
    };
    assert.is(fresh().kernels(), undefined, "validate() rejects the SIMD probe");
    g.WebAssembly = real;
    assert.ok(
      w.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])),
      "sanity: an empty module validates",
    );
    assert.ok(fresh().kernels(), "with the real WebAssembly the kernels load again");
  } finally {
    g.WebAssembly = real;
    delete require.cache[modPath];
  }
});

test("setSimdDisabled switches the kernels off and on", () => {
  setSimdDisabled(true);
  assert.is(simdAvailable(), false);
  setSimdDisabled(false);
  assert.is(simdAvailable(), true);
});

test("nothing in lib/src/simd runs at import or touches a Node built-in", () => {
  for (const f of fs.readdirSync(path.join(__dirname, "..", "..", "lib", "src", "simd"))) {
    const src = fs.readFileSync(path.join(__dirname, "..", "..", "lib", "src", "simd", f), "utf8");
    assert.not.match(src, /from "(fs|path|os|child_process|crypto|node:[a-z_]+)"/, f);
    assert.not.match(src, /\brequire\(|\bfetch\(|\bprocess\.|\bBuffer\b/, f);
  }
});

test.run();
