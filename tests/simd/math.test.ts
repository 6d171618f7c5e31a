// The kernels' vector log and exp: bit-identical to V8's Math.log and Math.exp (fdlibm) over the
// whole double range, and within 1 ulp of 50-digit mpmath (tests/fixtures/simd.json, written by
// tests/fixtures/generate_simd.py). Bit-identity is what makes the SIMD and JS paths of the
// information functions give the same results.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as path from "path";
import { kernels, type Kernels } from "../../lib/src/simd/instance";

const REF = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "simd.json"), "utf8"),
) as {
  log: [number, number, number][];
  exp: [number, number, number][];
};

const kr = kernels() as Kernels;

/** Applies the kernel map ("log_map" or "exp_map") to xs, chunk by chunk. */
function mapKernel(name: "log_map" | "exp_map", xs: Float64Array): Float64Array {
  const out = new Float64Array(xs.length);
  for (let s = 0; s < xs.length; s += kr.chunk) {
    const len = Math.min(kr.chunk, xs.length - s);
    kr.mem.set(xs.subarray(s, s + len), kr.in0);
    kr.exports[name](len);
    out.set(kr.mem.subarray(kr.in1, kr.in1 + len), s);
  }
  return out;
}

/** Seeded 64-bit xorshift: doubles from random bit patterns. */
function randomBits(n: number, seed: bigint, keep: (x: number) => boolean): Float64Array {
  const u = new BigUint64Array(1);
  const f = new Float64Array(u.buffer);
  let s = seed;
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    s ^= (s << 13n) & 0xffffffffffffffffn;
    s ^= s >> 7n;
    s ^= (s << 17n) & 0xffffffffffffffffn;
    u[0] = s;
    if (keep(f[0])) out[i++] = f[0];
  }
  return out;
}

/** The first index where kernel and reference differ as bit patterns (Object.is), or -1. */
function firstMismatch(got: Float64Array, ref: (x: number) => number, xs: Float64Array): number {
  for (let i = 0; i < xs.length; i++) if (!Object.is(got[i], ref(xs[i]))) return i;
  return -1;
}

const SPECIALS = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  1,
  -1,
  2,
  0.5,
  5e-324,
  1e-323,
  2.2250738585072014e-308,
  2.225073858507201e-308,
  1.7976931348623157e308,
  709.782712893384,
  709.7827128933841,
  -745.1332191019411,
  -745.1332191019412,
  -708.4,
  0.34657359027997264,
  1.0397207708399179,
  2 ** -28,
  -(2 ** -28),
  2 ** -29,
];

test("log: bit-identical to Math.log on 200 000 random bit patterns (every sign, exponent, NaN, ±Infinity) and the special values", () => {
  const xs = randomBits(200_000, 0x9e3779b97f4a7c15n, () => true);
  const i = firstMismatch(mapKernel("log_map", xs), Math.log, xs);
  assert.is(i, -1, i < 0 ? "" : `x = ${xs[i]}`);
  const sp = Float64Array.from(SPECIALS);
  assert.is(firstMismatch(mapKernel("log_map", sp), Math.log, sp), -1);
});

test("log: bit-identical to Math.log near 1, near powers of two and in the subnormals", () => {
  const near = new Float64Array(100_000);
  let s = 12345;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  for (let i = 0; i < near.length; i++) {
    const k = (i % 3 === 0 ? -1074 : -1022) + Math.floor(r() * 2000);
    near[i] =
      i % 2 ? 1 + (r() - 0.5) * 2 ** -19 : 2 ** Math.min(k, 1023) * (1 + (r() - 0.5) * 1e-6);
  }
  const sub = Float64Array.from({ length: 20_000 }, (_, i) => (i + 1) * 5e-324 * (1 + (i % 977)));
  for (const xs of [near, sub])
    assert.is(firstMismatch(mapKernel("log_map", xs), Math.log, xs), -1);
});

test("exp: bit-identical to Math.exp on 200 000 random bit patterns, on [-746, 710] and the special values", () => {
  const xs = randomBits(200_000, 0x243f6a8885a308d3n, () => true);
  assert.is(firstMismatch(mapKernel("exp_map", xs), Math.exp, xs), -1);
  let s = 777;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const dense = Float64Array.from({ length: 200_000 }, (_, i) =>
    i % 4 === 0 ? (r() - 0.5) * 4 : i % 4 === 1 ? (r() - 0.5) * 2 ** -26 : -746 + r() * 1456,
  );
  assert.is(firstMismatch(mapKernel("exp_map", dense), Math.exp, dense), -1);
  const sp = Float64Array.from(SPECIALS);
  assert.is(firstMismatch(mapKernel("exp_map", sp), Math.exp, sp), -1);
});

/** Error of y against the exact value hi + lo, in ulps of hi. */
function ulps(y: number, hi: number, lo: number): number {
  if (y === hi && lo === 0) return 0;
  const e = Math.floor(Math.log2(Math.abs(hi)));
  const ulp = 2 ** Math.max(e - 52, -1074);
  return Math.abs(y - hi - lo) / ulp;
}

test("log and exp are within 1 ulp of 50-digit mpmath over the whole range (subnormals, branch points, thresholds)", () => {
  for (const [name, table, bound] of [
    ["log_map", REF.log, 1],
    ["exp_map", REF.exp, 1],
  ] as const) {
    const xs = Float64Array.from(table, (r) => r[0]);
    const got = mapKernel(name, xs);
    let worst = 0;
    let at = 0;
    for (let i = 0; i < xs.length; i++) {
      const u = ulps(got[i], table[i][1], table[i][2]);
      if (u > worst) [worst, at] = [u, xs[i]];
    }
    console.log(
      `  ${name.replace("_map", "")}: worst ${worst.toFixed(3)} ulp over ${xs.length} inputs (at x = ${at})`,
    );
    assert.ok(worst <= bound, `${name}: ${worst} ulp at x = ${at}`);
    assert.ok(
      worst > 0.4,
      `${name}: a worst error of ${worst} ulp is implausibly small: is the reference read right?`,
    );
  }
});

test.run();
