// The public entropy, crossEntropy, klDivergence and logSumExp on their SIMD passes
// (lib/src/simd/passes.ts) against, in turn:
//  - their own JS path (kernels switched off, as in an engine without WebAssembly SIMD): the
//    same IEEE special values (±Infinity, NaN, 0) exactly, finite results within PATH_DIFF of
//    each other (they sum the same terms in the same order, but a term's log or exp may round
//    apart by an ulp), across the domain, every length around the SIMD width, the 256 blocks and
//    the 4096-entry chunks, number[] / Float64Array / mixed;
//  - the mpmath and scipy references of tests/fixtures/information.json, with the bounds the
//    information tests use;
//  - an index-order compensated reference written here: the same values up to the rounding of
//    the sums; and the library's error, naming the first bad entry, for every bad entry in every
//    position of a block and a chunk, on both paths.
// The kernels are forced on at every length here (break-even 1), so short inputs test the
// kernels' tails, not the JS path twice.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  crossEntropy,
  entropy,
  klDivergence,
  logSumExp,
  type InfoOptions,
} from "../../lib/src/information";
import { setSimdDisabled } from "../../lib/src/simd/instance";
import {
  breakEvenLengths,
  logSumExpMaxPass,
  LSE_PASS,
  PASS,
  setBreakEven,
} from "../../lib/src/simd/passes";
import { baseOpt, close, FIXTURES, longSumInputs, relErr } from "../information/helpers";

type Vec = number[] | Float64Array;
const SAVED = breakEvenLengths();
function forceKernels(on: boolean): void {
  setBreakEven(on ? 1 : SAVED);
}
// forced on for this file's tests only (uvu runs the folder's files in one process)
test.before(() => forceKernels(true));
test.after(() => forceKernels(false));

/**
 * Runs f with the kernels on (asserting they ran, or with `expect` "js" that they did not) and
 * off; returns both results.
 */
function bothPaths(
  f: () => number,
  label: string,
  expect: "simd" | "js" = "simd",
): [number, number] {
  setSimdDisabled(false);
  const simd = f();
  assert.is(
    PASS.path,
    expect,
    `${label}: the kernels ${expect === "simd" ? "did not run" : "ran"}`,
  );
  setSimdDisabled(true);
  try {
    const js = f();
    assert.is(PASS.path, "js", label);
    return [simd, js];
  } finally {
    setSimdDisabled(false);
  }
}

/** The error f throws (class and message), or "no error". */
function thrown(f: () => unknown): string {
  try {
    f();
    return "no error";
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

/**
 * The largest difference between the two paths over this file's cases, measured with the kernels
 * as committed and rounded up in the second digit: relative (|simd − js| / |js|) for entropy,
 * crossEntropy and klDivergence; for logSumExp in ulps of T = max(|result|, |max xᵢ|), the metric
 * of the accuracy table (the result crosses 0). lib/wasm/README.md quotes these figures.
 */
const PATH_DIFF = { rel: 3.0e-16, lseUlps: 0 }; // measured: 2.94e-16 (KL, n = 3: one term an ulp apart); logSumExp: the same bits on every case
const seen = { rel: 0, relAt: "", lseUlps: 0, lseAt: "" };

/** One ulp of |t| (2^-1074 at 0 and in the subnormals). */
const ulpOf = (t: number): number =>
  2 ** Math.max((t === 0 ? -1074 : Math.floor(Math.log2(Math.abs(t)))) - 52, -1074);

/**
 * Asserts that the two paths' results agree: the same value where either is not a finite nonzero
 * number, else within PATH_DIFF (relative, or ulps of `lseScale` for logSumExp).
 */
function agree(s: number, j: number, label: string, lseScale?: number): void {
  if (Object.is(s, j)) return;
  assert.ok(Number.isFinite(s) && Number.isFinite(j) && j !== 0, `${label}: kernels ${s}, JS ${j}`);
  if (lseScale === undefined) {
    const d = Math.abs(s - j) / Math.abs(j);
    if (d > seen.rel) [seen.rel, seen.relAt] = [d, label];
    assert.ok(d <= PATH_DIFF.rel, `${label}: kernels ${s}, JS ${j}: ${d} relative`);
  } else {
    const d = Math.abs(s - j) / ulpOf(Math.max(Math.abs(j), Math.abs(lseScale)));
    if (d > seen.lseUlps) [seen.lseUlps, seen.lseAt] = [d, label];
    assert.ok(d <= PATH_DIFF.lseUlps, `${label}: kernels ${s}, JS ${j}: ${d} ulps of T`);
  }
}
test.after(() =>
  console.log(
    `  largest path difference: ${seen.rel.toExponential(2)} relative (${seen.relAt || "-"}), logSumExp ${seen.lseUlps.toFixed(2)} ulps of T (${seen.lseAt || "-"})`,
  ),
);

let seed = 20261206;
const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;

const LENGTHS = [
  1, 2, 3, 4, 5, 63, 64, 65, 255, 256, 257, 258, 511, 513, 4095, 4096, 4097, 4098, 8191, 8193,
  12289, 20000,
];

/** A seeded distribution of length n in one of several shapes, summing to 1 (exactly enough). */
function distribution(n: number, shape: string): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rnd();
    w[i] =
      shape === "zeros"
        ? u < 0.4
          ? 0
          : u
        : shape === "skewed"
          ? u ** 40
          : shape === "subnormal"
            ? u < 0.3
              ? 5e-324 * (1 + Math.floor(u * 1e6))
              : u
            : shape === "one-hot"
              ? i === n >> 1
                ? 1
                : 0
              : u + 1e-3;
  }
  let s = 0;
  for (const v of w) s += v;
  if (s === 0) {
    w[0] = 1;
    s = 1;
  }
  for (let i = 0; i < n; i++) w[i] /= s;
  return w;
}
const SHAPES = ["uniform", "zeros", "skewed", "subnormal", "one-hot"];

/** q = p·(1 ± 2^-k) per entry, the near-equality the KL precise pass is for. */
function nearCopy(p: Float64Array, k: number): Float64Array {
  return p.map((v, i) => v * (1 + (i % 3 === 0 ? 1 : i % 3 === 1 ? -1 : 0) * 2 ** -k));
}

const kinds = (p: Float64Array, q: Float64Array): [string, Vec, Vec][] => [
  ["Float64Array", p, q],
  ["number[]", Array.from(p), Array.from(q)],
  ["mixed", p, Array.from(q)],
];

test("entropy, crossEntropy and KL agree with and without the kernels (within PATH_DIFF), for every length, shape and input kind", () => {
  let cases = 0;
  for (const n of LENGTHS) {
    for (const shape of SHAPES) {
      const p = distribution(n, shape);
      const q = distribution(n, shape === "one-hot" ? "uniform" : shape);
      for (const [kind, a, b] of kinds(p, q)) {
        for (const opts of [undefined, { base: 2 }, { normalize: true }] as (
          InfoOptions | undefined
        )[]) {
          const label = `n=${n} ${shape} ${kind} ${JSON.stringify(opts)}`;
          for (const [name, f] of [
            ["entropy", () => entropy(a, opts)],
            ["crossEntropy", () => crossEntropy(a, b, opts)],
            ["klDivergence", () => klDivergence(a, b, opts)],
            ["klDivergence(p, p)", () => klDivergence(a, a, opts)],
          ] as [string, () => number][]) {
            const [s, j] = bothPaths(f, `${name} ${label}`);
            agree(s, j, `${name} ${label}`);
            cases++;
          }
        }
      }
    }
  }
  assert.ok(cases > 1500, `${cases} cases`);
});

test("KL near equality (q = p(1 ± 2^-k), k = 1..52): both paths agree, and number[] gives the same bits as Float64Array", () => {
  for (const n of [3, 64, 257, 4097, 9000]) {
    const p = distribution(n, "uniform");
    for (let k = 1; k <= 52; k += 3) {
      const q = nearCopy(p, k);
      for (const opts of [{ tolerance: 1 }, { normalize: true }]) {
        const [s, j] = bothPaths(() => klDivergence(p, q, opts), `n=${n} k=${k}`);
        agree(s, j, `KL n=${n} k=${k} ${JSON.stringify(opts)}`);
        assert.ok(Object.is(klDivergence(Array.from(p), q, opts), s), `number[] n=${n} k=${k}`);
      }
    }
  }
});

test("huge and tiny masses (normalize rescales by powers of two) and q = 0 where p > 0: both paths agree", () => {
  for (const n of [2, 5, 300, 5000]) {
    const base = distribution(n, "uniform");
    for (const scale of [1e308 / n, 1e-300, 2 ** -1060, 1e300]) {
      const p = base.map((v) => v * scale);
      const q = distribution(n, "zeros").map((v) => v * scale);
      for (const [name, f] of [
        ["entropy", () => entropy(p, { normalize: true })],
        ["crossEntropy", () => crossEntropy(p, base, { normalize: true })],
        ["klDivergence", () => klDivergence(p, q, { normalize: true })],
        ["klDivergence reversed", () => klDivergence(q, p, { normalize: true })],
      ] as [string, () => number][]) {
        const [s, j] = bothPaths(f, `${name} n=${n} scale=${scale}`);
        agree(s, j, `${name} n=${n} scale ${scale}`);
      }
    }
  }
  const p = distribution(4100, "uniform");
  const q = p.slice();
  q[4099] = 0;
  q[0] += p[4099];
  assert.is(klDivergence(p, q), Infinity);
  assert.is(crossEntropy(p, q), Infinity);
});

test("logSumExp agrees on both paths (within PATH_DIFF ulps of T): wide logits, -Infinity entries, ties for the maximum, +Infinity, all -Infinity", () => {
  for (const n of LENGTHS) {
    const xs = Float64Array.from({ length: n }, () => (rnd() - 0.5) * 10 ** (rnd() * 6));
    const variants: [string, Float64Array][] = [["wide", xs]];
    const masked = xs.map((v, i) => (i % 7 === 3 ? -Infinity : v));
    variants.push(["masked", masked]);
    const tie = xs.slice();
    const m = Math.max(...Array.from(xs));
    tie[n - 1] = m;
    variants.push(["tie at the end", tie]);
    variants.push(["one value", new Float64Array(n).fill(-3.25)]);
    variants.push([
      "underflowing terms (-700 to -799: subnormal and zero exponentials)",
      xs.map((_, i) => (i === n >> 1 ? 0 : -700 - (i % 100))),
    ]);
    for (const [name, v] of variants) {
      for (const input of [v, Array.from(v)]) {
        let restSimd = NaN;
        const [s, j] = bothPaths(() => {
          const v = logSumExp(input);
          if (PASS.path === "simd") restSimd = LSE_PASS.sumRest;
          return v;
        }, `${name} n=${n}`);
        const mx = Math.max(...Array.from(v));
        agree(s, j, `logSumExp ${name} n=${n}`, mx);
        if (Number.isFinite(s))
          agree(
            restSimd,
            LSE_PASS.sumRest,
            `logSumExp ${name} n=${n}: the sum without the maximum`,
          );
      }
    }
  }
  assert.is(logSumExp(new Float64Array(300).fill(-Infinity)), -Infinity);
  const inf = new Float64Array(300).fill(1);
  inf[299] = Infinity;
  assert.is(logSumExp(inf), Infinity);
  assert.is(logSumExp([0, -0]), logSumExp([0, -0]));
  // the sum without the maximum's own term keeps what 1 + it rounds away: log1p(e^-40) = 4.248e-18
  for (const xs of [
    Float64Array.from({ length: 100 }, (_, i) => (i === 37 ? 0 : -40 - i)),
    [0, -40],
  ]) {
    for (const off of [false, true]) {
      setSimdDisabled(off);
      forceKernels(true);
      logSumExp(xs);
      const want = Array.from(xs).reduce((a, v) => (v === 0 ? a : a + Math.exp(v)), 0);
      assert.ok(
        relErr(LSE_PASS.sumRest, want) <= 1e-15,
        `${off ? "JS" : "kernels"}: ${LSE_PASS.sumRest} vs ${want}`,
      );
    }
    setSimdDisabled(false);
  }
});

test("logSumExp's max pass on the kernels gives the JS pass's maximum and first index: a maximum recurring in later chunks, zeros of both signs, -Infinity everywhere; an index getter that answers differently when read again gets one coherent reading", () => {
  const cases: [string, Float64Array][] = [];
  const a = Float64Array.from({ length: 12289 }, (_, i) => -1 - (i % 13));
  a[5000] = 3; // chunk 1
  a[9000] = 3; // chunk 2: same value, later
  a[4095] = 2.5;
  cases.push(["a maximum in chunks 1 and 2", a]);
  const b = a.slice();
  b[8191] = 3; // the last entry of chunk 1, after 5000
  b[4096] = 3; // the first entry of chunk 1
  cases.push(["a maximum at a chunk's first and last entries", b]);
  const z = new Float64Array(9000).fill(-2);
  z[7] = -0;
  z[4200] = 0;
  z[8999] = -0;
  cases.push(["zeros of both signs, -0 first", z]);
  const z2 = z.slice();
  z2[7] = 0;
  z2[4200] = -0;
  cases.push(["zeros of both signs, +0 first", z2]);
  cases.push(["every entry -Infinity", new Float64Array(5000).fill(-Infinity)]);
  const odd = Float64Array.from({ length: 4097 }, (_, i) => -i);
  odd[4096] = 1; // alone in the last, odd chunk
  cases.push(["the maximum alone in an odd last chunk", odd]);
  for (const [name, xs] of cases) {
    for (const input of [xs, Array.from(xs)]) {
      setSimdDisabled(false);
      const m = logSumExpMaxPass("logSumExp", input, input.length);
      const k = LSE_PASS.argmax;
      assert.is(PASS.path, "simd", name);
      setSimdDisabled(true);
      const mj = logSumExpMaxPass("logSumExp", input, input.length);
      setSimdDisabled(false);
      assert.ok(Object.is(m, mj), `${name}: maximum ${m} vs ${mj}`);
      assert.is(k, LSE_PASS.argmax, `${name}: first index`);
    }
  }
  // index 5000 reads 7 while the kernels' copy runs, 1 afterwards (the other entries are <= 0):
  // the maximum is then taken again from one reading, where 5000 holds 1 (not the 7 it no longer
  // gives, which the sum pass would never see)
  const arr = Array.from({ length: 9000 }, (_, i) => -((i % 17) + 1) / 4);
  let reads = 0;
  Object.defineProperty(arr, 5000, { get: () => (reads++ === 0 ? 7 : 1) });
  const m = logSumExpMaxPass("logSumExp", arr, arr.length);
  assert.is(PASS.path, "simd");
  assert.is(m, 1);
  assert.is(LSE_PASS.argmax, 5000);
});

test("the kernels agree with scipy's and mpmath's reference values (tests/fixtures/information.json), bounds as in tests/information", () => {
  for (const f of FIXTURES.entropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(entropy(f.p, opts), f.expected, 1e-12, f.call);
    close(entropy(Float64Array.from(f.p), opts), f.expected, 1e-12, f.call);
  }
  for (const f of FIXTURES.crossEntropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(
      crossEntropy(Float64Array.from(f.p), Float64Array.from(f.q), opts),
      f.expected,
      1e-12,
      f.call,
    );
  }
  for (const f of FIXTURES.klDivergence) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(klDivergence(f.p, f.q, opts), f.expected, 1e-12, f.call);
    close(
      klDivergence(Float64Array.from(f.p), Float64Array.from(f.q), opts),
      f.expected,
      1e-12,
      f.call,
    );
  }
  for (const f of FIXTURES.logSumExp)
    close(logSumExp(Float64Array.from(f.xs)), f.expected, 1e-13, f.call);
  for (const f of FIXTURES.klNearEquality) {
    const got = klDivergence(Float64Array.from(f.p), Float64Array.from(f.q));
    assert.ok(relErr(got, f.expected) <= 1e-12, `near equality: ${got} vs ${f.expected}`);
  }
  for (const f of FIXTURES.normalizeExtremes) {
    const h = entropy(f.p, { normalize: true });
    assert.ok(relErr(h, f.entropy) <= 3e-15 || Math.abs(h - f.entropy) < 1e-320, `entropy ${f.p}`); // as tests/information/entropy.test.ts
    assert.ok(
      relErr(
        crossEntropy(Float64Array.from(f.p), Float64Array.from(f.q), { normalize: true }),
        f.crossEntropy,
      ) <= 3e-15,
      `crossEntropy ${f.p}`,
    );
    assert.ok(
      relErr(klDivergence(f.p, f.q, { normalize: true }), f.klDivergence) <= 3e-15,
      `klDivergence ${f.p}`,
    );
  }
});

test("over 1e7 entries the kernels are within 1e-12 of the 50-digit mpmath sums (the JS path agrees within PATH_DIFF)", () => {
  const L = FIXTURES.longSums;
  const { p, q, x } = longSumInputs(L.n);
  const got = {
    entropy: entropy(p),
    crossEntropy: crossEntropy(p, q),
    klDivergence: klDivergence(p, q),
    logSumExp: logSumExp(x),
  };
  for (const [name, v] of Object.entries(got)) {
    const err = relErr(v, L[name]);
    console.log(
      `  ${name} n = 1e7: relative error ${err.toExponential(1)} (mpmath ${L[`${name}50`]})`,
    );
    assert.ok(err <= 1e-12, `${name}: ${v} vs ${L[`${name}50`]}`);
  }
  setSimdDisabled(true);
  try {
    agree(got.entropy, entropy(p), "entropy n = 1e7");
    agree(got.klDivergence, klDivergence(p, q), "klDivergence n = 1e7");
    let m = -Infinity;
    for (const v of x) if (v > m) m = v;
    agree(got.logSumExp, logSumExp(x), "logSumExp n = 1e7", m);
  } finally {
    setSimdDisabled(false);
  }
});

/** Σ of f(i) over i < n in index order, Neumaier-compensated (the reference order of the next test). */
function indexSum(n: number, f: (i: number) => number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = f(i);
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

test("values differ from an index-order compensated sum of the same terms only by the rounding of the sums (relative 5e-15 on these seeded inputs, where no term cancels)", () => {
  let worst = 0;
  for (const n of LENGTHS) {
    for (const shape of ["uniform", "zeros", "skewed"]) {
      const p = distribution(n, shape);
      const q = distribution(n, "uniform");
      const xlogy = (x: number, y: number): number => (x > 0 ? x * Math.log(y) : 0);
      const hp = indexSum(n, (i) => -xlogy(p[i], p[i]));
      const pairs: [number, number][] = [
        [entropy(p), hp],
        [crossEntropy(p, q), indexSum(n, (i) => -xlogy(p[i], q[i]))],
        [klDivergence(p, q), indexSum(n, (i) => xlogy(p[i], p[i] / q[i]))],
      ];
      const xs = Array.from(p, (v) => (v > 0 ? Math.log(v) * 3 : -Infinity));
      const k = xs.indexOf(Math.max(...xs));
      pairs.push([
        logSumExp(xs),
        xs[k] + Math.log1p(indexSum(n, (i) => (i === k ? 0 : Math.exp(xs[i] - xs[k])))),
      ]);
      for (const [a, b] of pairs) worst = Math.max(worst, relErr(a, b));
    }
  }
  console.log(
    `  worst relative difference from the index-order reference: ${worst.toExponential(2)}`,
  );
  assert.ok(worst <= 5e-15, `${worst}`);
});

// ------------------------------------------------------------------ errors
const BAD: [string, unknown][] = [
  ["NaN", NaN],
  ["negative", -0.1],
  ["string", "0.5"],
  ["null", null],
  ["+Infinity", Infinity],
  ["-Infinity", -Infinity],
  ["undefined", undefined],
];

test("a bad entry anywhere (every position of a block and a chunk, p or q, array or Float64Array) gives the library's error naming it, word for word the same on both paths", () => {
  const n = 4100;
  const positions = [0, 1, 2, 3, 254, 255, 256, 257, 4094, 4095, 4096, 4097, n - 1];
  const p = distribution(n, "uniform");
  const q = distribution(n, "uniform");
  let checked = 0;
  for (const pos of positions) {
    for (const [what, bad] of BAD) {
      for (const side of ["p", "q"] as const) {
        const arrP: unknown[] = Array.from(p);
        const arrQ: unknown[] = Array.from(q);
        (side === "p" ? arrP : arrQ)[pos] = bad;
        const inputs: [string, Vec, Vec][] = [["number[]", arrP as number[], arrQ as number[]]];
        if (typeof bad === "number") {
          const f64 = Float64Array.from((side === "p" ? arrP : arrQ) as number[]);
          inputs.push(["Float64Array", side === "p" ? f64 : p, side === "q" ? f64 : q]);
        }
        for (const [kind, a, b] of inputs) {
          const label = `${what} at ${side}[${pos}] (${kind})`;
          for (const [name, f] of [
            ["entropy", () => entropy(side === "p" ? a : b)],
            ["crossEntropy", () => crossEntropy(a, b)],
            ["klDivergence", () => klDivergence(a, b)],
            ["klDivergence normalize", () => klDivergence(a, b, { normalize: true })],
          ] as [string, () => number][]) {
            const [simd, js] = errorsOnBothPaths(f);
            const who = name === "entropy" ? "p" : side;
            assert.match(
              simd,
              new RegExp(`^(Type|Range)Error: ${name.split(" ")[0]}: ${who}\\[${pos}\\] = `),
              `${name} ${label}: ${simd}`,
            );
            assert.is(simd, js, `${name} ${label}`);
            checked++;
          }
        }
      }
    }
  }
  // logSumExp: NaN, non-numbers and holes are errors; ±Infinity are not.
  for (const pos of positions) {
    for (const [what, bad] of BAD) {
      const xs: unknown[] = Array.from(p, Math.log);
      xs[pos] = bad;
      const [simd, js] = errorsOnBothPaths(() => logSumExp(xs as number[]));
      if (what.endsWith("Infinity") || what === "negative")
        assert.is(simd, "no error", `logSumExp ${what} at ${pos}`);
      else
        assert.match(
          simd,
          new RegExp(`^(Type|Range)Error: logSumExp: xs\\[${pos}\\] = `),
          `logSumExp ${what} at ${pos}: ${simd}`,
        );
      assert.is(simd, js, `logSumExp ${what} at ${pos}`);
      checked++;
    }
  }
  const holey = new Array<number>(300);
  for (let i = 0; i < 300; i++) if (i !== 257) holey[i] = 1 / 299;
  const [simd, js] = errorsOnBothPaths(() => entropy(holey));
  assert.is(simd, js);
  assert.match(simd, /p\[257\] = undefined is not a number/);
  console.log(`  ${checked} bad-entry cases give the same message on both paths`);
});

/** The error f throws with the kernels on (forced at every length) and with them off. */
function errorsOnBothPaths(f: () => unknown): [string, string] {
  setSimdDisabled(false);
  const simd = thrown(f);
  setSimdDisabled(true);
  try {
    return [simd, thrown(f)];
  } finally {
    setSimdDisabled(false);
  }
}

test("the other errors are the same on both paths: empty, lengths, options, sums off 1, overflow", () => {
  const p = distribution(300, "uniform");
  const cases: [string, () => number, RegExp][] = [
    ["empty", () => entropy([]), /entropy: p is empty/],
    ["lengths", () => klDivergence(p, p.subarray(1)), /differ in length/],
    ["Float32Array", () => entropy(new Float32Array(3) as never), /^TypeError: entropy: p/],
    ["unknown option", () => crossEntropy(p, p, { lambda: 1 } as never), /lambda/],
    ["base 1", () => entropy(p, { base: 1 }), /base/],
    ["sum off 1", () => entropy(p.map((v) => v * 1.1)), /entropy: p sums to 1.1/],
    ["overflow", () => klDivergence(new Float64Array(300).fill(1e307), p), /klDivergence: p/],
    ["sum 0", () => entropy(new Float64Array(300), { normalize: true }), /entropy: p/],
    ["empty xs", () => logSumExp([]), /logSumExp: xs is empty/],
  ];
  for (const [name, f, re] of cases) {
    const [simd, js] = errorsOnBothPaths(f);
    assert.match(simd, re, `${name}: ${simd}`);
    assert.is(simd, js, name);
  }
});

test("below the break-even length the JS path runs, above it the kernels (default break-even)", () => {
  forceKernels(false);
  try {
    const small = distribution(SAVED.entropy - 1, "uniform");
    entropy(small);
    assert.is(PASS.path, "js");
    entropy(distribution(SAVED.entropy, "uniform"));
    assert.is(PASS.path, "simd");
  } finally {
    forceKernels(true);
  }
});

test.run();
