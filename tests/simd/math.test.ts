// The kernels' vector log and exp (lib/wasm/kernels.c, tables from lib/wasm/gen_tables.py):
// within 0.51 ulp of 50-digit mpmath (exp: 1 ulp where the result is subnormal) over the whole
// double range (tests/fixtures/simd.json, written by tests/fixtures/generate_simd.py), the IEEE
// special values exactly as Math.log / Math.exp give them, and at most 1 ulp from Math.log /
// Math.exp everywhere else. They are not bit-identical to V8's fdlibm: lib/wasm/README.md says
// by how much the SIMD and JS paths of the information functions can differ.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as path from "path";
import { kernels, type Kernels } from "../../lib/src/simd/instance";

const REF = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "simd.json"), "utf8"),
) as Record<"log" | "exp" | "logTable" | "logTable2" | "expTable", [number, number, number][]>;

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

/** One ulp of the double y (the gap to the next double away from 0; 2^-1074 for subnormals). */
function ulpOf(y: number): number {
  const e = y === 0 ? -1074 : Math.floor(Math.log2(Math.abs(y)));
  return 2 ** Math.max(e - 52, -1074);
}

/**
 * Compares the kernel's results with ref(x): the same bits where ref gives NaN, ±Infinity or ±0,
 * else at most `ulps` ulps of ref(x) apart. Returns the first failure, and how many differ.
 */
function compare(
  got: Float64Array,
  ref: (x: number) => number,
  xs: Float64Array,
  ulps: number,
): { bad: string; differ: number } {
  let differ = 0;
  for (let i = 0; i < xs.length; i++) {
    const want = ref(xs[i]);
    if (Object.is(got[i], want)) continue;
    differ++;
    const finite = Number.isFinite(want) && want !== 0;
    if (!finite || !(Math.abs(got[i] - want) <= ulps * ulpOf(want)))
      return { bad: `x = ${xs[i]}: kernel ${got[i]}, reference ${want}`, differ };
  }
  return { bad: "", differ };
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

test("log: the IEEE special values as Math.log (−Infinity at ±0, NaN below 0 and at NaN, +Infinity, 0 at 1), and within 1 ulp of Math.log on 200 000 random bit patterns (every sign, exponent, NaN, ±Infinity)", () => {
  const sp = Float64Array.from(SPECIALS);
  const got = mapKernel("log_map", sp);
  for (let i = 0; i < sp.length; i++) {
    const want = Math.log(sp[i]);
    if (!Number.isFinite(want) || want === 0)
      assert.ok(Object.is(got[i], want), `x = ${sp[i]}: ${got[i]} against ${want}`);
  }
  assert.is(compare(got, Math.log, sp, 1).bad, "");
  const xs = randomBits(200_000, 0x9e3779b97f4a7c15n, () => true);
  const r = compare(mapKernel("log_map", xs), Math.log, xs, 1);
  assert.is(r.bad, "");
  console.log(
    `  log: ${r.differ} of ${xs.length} random bit patterns differ from Math.log (by 1 ulp)`,
  );
  assert.ok(r.differ > 0, "bit-identical to Math.log: is the kernel the table-driven one?");
});

test("log: within 1 ulp of Math.log near 1, near powers of two and in the subnormals", () => {
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
    assert.is(compare(mapKernel("log_map", xs), Math.log, xs, 1).bad, "");
});

test("exp: the special values as Math.exp (0 below −745.13 and at −Infinity, +Infinity above 709.78, NaN, 1 at ±0), and within 1 ulp of Math.exp on 200 000 random bit patterns and on [-746, 710]", () => {
  const sp = Float64Array.from([...SPECIALS, -746, 710, -1e300, 1e300]);
  const got = mapKernel("exp_map", sp);
  for (let i = 0; i < sp.length; i++) {
    const want = Math.exp(sp[i]);
    if (!Number.isFinite(want) || want === 0 || want === 1)
      assert.ok(Object.is(got[i], want), `x = ${sp[i]}: ${got[i]} against ${want}`);
  }
  assert.is(compare(got, Math.exp, sp, 1).bad, "");
  const xs = randomBits(200_000, 0x243f6a8885a308d3n, () => true);
  assert.is(compare(mapKernel("exp_map", xs), Math.exp, xs, 1).bad, "");
  let s = 777;
  const r = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const dense = Float64Array.from({ length: 200_000 }, (_, i) =>
    i % 4 === 0 ? (r() - 0.5) * 4 : i % 4 === 1 ? (r() - 0.5) * 2 ** -26 : -746 + r() * 1456,
  );
  const d = compare(mapKernel("exp_map", dense), Math.exp, dense, 1);
  assert.is(d.bad, "");
  console.log(
    `  exp: ${d.differ} of ${dense.length} inputs on [-746, 710] differ from Math.exp (by 1 ulp)`,
  );
});

/** Error of y against the exact value hi + lo, in ulps of hi. */
function ulps(y: number, hi: number, lo: number): number {
  if (y === hi && lo === 0) return 0;
  const e = Math.floor(Math.log2(Math.abs(hi)));
  const ulp = 2 ** Math.max(e - 52, -1074);
  return Math.abs(y - hi - lo) / ulp;
}

test("log is within 0.51 ulp and exp within 0.51 ulp (1 ulp at subnormal results) of 50-digit mpmath over the whole range (subnormals, every table subinterval's ends, near 1, the reduction's half-way points, the thresholds)", () => {
  for (const [name, table, bound, subBound] of [
    ["log_map", [...REF.log, ...REF.logTable, ...REF.logTable2], 0.51, 0.51],
    ["exp_map", [...REF.exp, ...REF.expTable], 0.51, 1],
  ] as const) {
    const xs = Float64Array.from(table, (r) => r[0]);
    const got = mapKernel(name, xs);
    let worst = 0;
    let at = 0;
    let worstSub = 0;
    for (let i = 0; i < xs.length; i++) {
      const u = ulps(got[i], table[i][1], table[i][2]);
      const sub = Math.abs(table[i][1]) < 2 ** -1022;
      assert.ok(u <= (sub ? subBound : bound), `${name}: ${u} ulp at x = ${xs[i]}`);
      if (sub) worstSub = Math.max(worstSub, u);
      else if (u > worst) [worst, at] = [u, xs[i]];
    }
    console.log(
      `  ${name.replace("_map", "")}: worst ${worst.toFixed(4)} ulp over ${xs.length} inputs (at x = ${at}); ${worstSub.toFixed(4)} ulp at subnormal results`,
    );
    assert.ok(
      worst > 0.4,
      `${name}: a worst error of ${worst} ulp is implausibly small: is the reference read right?`,
    );
  }
});

test.run();
