// The SIMD dispatch (lib/src/simd/dispatch.ts) against, in turn:
//  - its own JS path (kernels switched off, as in an engine without WebAssembly SIMD): the
//    same results bit for bit, across the domain, every length around the SIMD width, the 256
//    blocks and the 4096-entry chunks, number[] / Float64Array / mixed;
//  - the mpmath and scipy references of tests/fixtures/information.json, with the bounds the
//    information tests use;
//  - today's functions in lib/src/information: the same errors for every bad entry in every
//    position of a block and a chunk, and the same values up to the rounding of the sums;
// The kernels are forced on at every length here (break-even 1), so short inputs test the
// kernels' tails, not the JS path twice.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { crossEntropy, entropy, klDivergence, logSumExp, type InfoOptions } from "../../lib/src/information";
import { simdCrossEntropy, simdEntropy, simdKlDivergence, simdLogSumExp } from "../../lib/src/simd/dispatch";
import { setSimdDisabled } from "../../lib/src/simd/instance";
import { BREAK_EVEN, PASS } from "../../lib/src/simd/passes";
import { baseOpt, close, FIXTURES, longSumInputs, relErr } from "../information/helpers";

type Vec = number[] | Float64Array;
const SAVED = { ...BREAK_EVEN };
function forceKernels(on: boolean): void {
  for (const k of Object.keys(BREAK_EVEN) as (keyof typeof BREAK_EVEN)[]) BREAK_EVEN[k] = on ? 1 : SAVED[k];
}
forceKernels(true);

/** Runs f with the kernels on (asserting they ran) and off; returns both results. */
function bothPaths(f: () => number, label: string): [number, number] {
  setSimdDisabled(false);
  const simd = f();
  assert.is(PASS.path, "simd", `${label}: the kernels did not run`);
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

let seed = 20261206;
const rnd = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);

const LENGTHS = [1, 2, 3, 4, 5, 63, 64, 65, 255, 256, 257, 258, 511, 513, 4095, 4096, 4097, 4098, 8191, 8193, 12289, 20000];

/** A seeded distribution of length n in one of several shapes, summing to 1 (exactly enough). */
function distribution(n: number, shape: string): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = rnd();
    w[i] =
      shape === "zeros" ? (u < 0.4 ? 0 : u) :
      shape === "skewed" ? u ** 40 :
      shape === "subnormal" ? (u < 0.3 ? 5e-324 * (1 + Math.floor(u * 1e6)) : u) :
      shape === "one-hot" ? (i === n >> 1 ? 1 : 0) :
      u + 1e-3;
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

test("entropy, crossEntropy and KL give the same bits with and without the kernels, for every length, shape and input kind", () => {
  let cases = 0;
  for (const n of LENGTHS) {
    for (const shape of SHAPES) {
      const p = distribution(n, shape);
      const q = distribution(n, shape === "one-hot" ? "uniform" : shape);
      for (const [kind, a, b] of kinds(p, q)) {
        for (const opts of [undefined, { base: 2 }, { normalize: true }] as (InfoOptions | undefined)[]) {
          const label = `n=${n} ${shape} ${kind} ${JSON.stringify(opts)}`;
          for (const [name, f] of [
            ["entropy", () => simdEntropy(a, opts)],
            ["crossEntropy", () => simdCrossEntropy(a, b, opts)],
            ["klDivergence", () => simdKlDivergence(a, b, opts)],
            ["klDivergence(p, p)", () => simdKlDivergence(a, a, opts)],
          ] as [string, () => number][]) {
            const [s, j] = bothPaths(f, `${name} ${label}`);
            assert.ok(Object.is(s, j), `${name} ${label}: kernels ${s}, JS ${j}`);
            cases++;
          }
        }
      }
    }
  }
  assert.ok(cases > 1500, `${cases} cases`);
});

test("KL near equality (q = p(1 ± 2^-k), k = 1..52): the precise pass gives the same bits on both paths, and is taken", () => {
  for (const n of [3, 64, 257, 4097, 9000]) {
    const p = distribution(n, "uniform");
    for (let k = 1; k <= 52; k += 3) {
      const q = nearCopy(p, k);
      for (const opts of [{ tolerance: 1 }, { normalize: true }]) {
        const [s, j] = bothPaths(() => simdKlDivergence(p, q, opts), `n=${n} k=${k}`);
        assert.ok(Object.is(s, j), `n=${n} k=${k} ${JSON.stringify(opts)}: kernels ${s}, JS ${j}`);
        assert.ok(Object.is(simdKlDivergence(Array.from(p), q, opts), s), `number[] n=${n} k=${k}`);
      }
    }
  }
});

test("huge and tiny masses (normalize rescales by powers of two) and q = 0 where p > 0: same bits on both paths", () => {
  for (const n of [2, 5, 300, 5000]) {
    const base = distribution(n, "uniform");
    for (const scale of [1e308 / n, 1e-300, 2 ** -1060, 1e300]) {
      const p = base.map((v) => v * scale);
      const q = distribution(n, "zeros").map((v) => v * scale);
      for (const [name, f] of [
        ["entropy", () => simdEntropy(p, { normalize: true })],
        ["crossEntropy", () => simdCrossEntropy(p, base, { normalize: true })],
        ["klDivergence", () => simdKlDivergence(p, q, { normalize: true })],
        ["klDivergence reversed", () => simdKlDivergence(q, p, { normalize: true })],
      ] as [string, () => number][]) {
        const [s, j] = bothPaths(f, `${name} n=${n} scale=${scale}`);
        assert.ok(Object.is(s, j), `${name} n=${n} scale ${scale}: kernels ${s}, JS ${j}`);
      }
    }
  }
  const p = distribution(4100, "uniform");
  const q = p.slice();
  q[4099] = 0;
  q[0] += p[4099];
  assert.is(simdKlDivergence(p, q), Infinity);
  assert.is(simdCrossEntropy(p, q), Infinity);
});

test("logSumExp gives the same bits on both paths: wide logits, -Infinity entries, ties for the maximum, +Infinity, all -Infinity", () => {
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
    variants.push(["underflowing terms (-700 to -799: subnormal and zero exponentials)", xs.map((_, i) => (i === n >> 1 ? 0 : -700 - (i % 100)))]);
    for (const [name, v] of variants) {
      for (const input of [v, Array.from(v)]) {
        let restSimd = NaN;
        const [s, j] = bothPaths(() => {
          const v = simdLogSumExp(input);
          if (PASS.path === "simd") restSimd = PASS.sumRest;
          return v;
        }, `${name} n=${n}`);
        assert.ok(Object.is(s, j), `${name} n=${n}: kernels ${s}, JS ${j}`);
        if (Number.isFinite(s)) assert.ok(Object.is(PASS.sumRest, restSimd), `${name} n=${n}: the sum without the maximum, ${restSimd} vs ${PASS.sumRest}`);
      }
    }
  }
  assert.is(simdLogSumExp(new Float64Array(300).fill(-Infinity)), -Infinity);
  const inf = new Float64Array(300).fill(1);
  inf[299] = Infinity;
  assert.is(simdLogSumExp(inf), Infinity);
  assert.is(simdLogSumExp([0, -0]), logSumExp([0, -0]));
  // the sum without the maximum's own term keeps what 1 + it rounds away: log1p(e^-40) = 4.248e-18
  for (const xs of [Float64Array.from({ length: 100 }, (_, i) => (i === 37 ? 0 : -40 - i)), [0, -40]]) {
    for (const off of [false, true]) {
      setSimdDisabled(off);
      forceKernels(true);
      simdLogSumExp(xs);
      const want = Array.from(xs).reduce((a, v) => (v === 0 ? a : a + Math.exp(v)), 0);
      assert.ok(relErr(PASS.sumRest, want) <= 1e-15, `${off ? "JS" : "kernels"}: ${PASS.sumRest} vs ${want}`);
    }
    setSimdDisabled(false);
  }
});

test("the kernels agree with scipy's and mpmath's reference values (tests/fixtures/information.json), bounds as in tests/information", () => {
  for (const f of FIXTURES.entropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(simdEntropy(f.p, opts), f.expected, 1e-12, f.call);
    close(simdEntropy(Float64Array.from(f.p), opts), f.expected, 1e-12, f.call);
  }
  for (const f of FIXTURES.crossEntropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(simdCrossEntropy(f.p, Float64Array.from(f.q), opts), f.expected, 1e-12, f.call);
  }
  for (const f of FIXTURES.klDivergence) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(simdKlDivergence(f.p, f.q, opts), f.expected, 1e-12, f.call);
    close(simdKlDivergence(Float64Array.from(f.p), Float64Array.from(f.q), opts), f.expected, 1e-12, f.call);
  }
  for (const f of FIXTURES.logSumExp) close(simdLogSumExp(Float64Array.from(f.xs)), f.expected, 1e-13, f.call);
  for (const f of FIXTURES.klNearEquality) {
    const got = simdKlDivergence(Float64Array.from(f.p), Float64Array.from(f.q));
    assert.ok(relErr(got, f.expected) <= 1e-12, `near equality: ${got} vs ${f.expected}`);
  }
  for (const f of FIXTURES.normalizeExtremes) {
    assert.ok(relErr(simdEntropy(f.p, { normalize: true }), f.entropy) <= 3e-15, `entropy ${f.p}`);
    assert.ok(relErr(simdCrossEntropy(f.p, f.q, { normalize: true }), f.crossEntropy) <= 3e-15, `crossEntropy ${f.p}`);
    assert.ok(relErr(simdKlDivergence(f.p, f.q, { normalize: true }), f.klDivergence) <= 3e-15, `klDivergence ${f.p}`);
  }
});

test("over 1e7 entries the kernels are within 1e-12 of the 50-digit mpmath sums (the JS path gives the same bits)", () => {
  const L = FIXTURES.longSums;
  const { p, q, x } = longSumInputs(L.n);
  const got = { entropy: simdEntropy(p), crossEntropy: simdCrossEntropy(p, q), klDivergence: simdKlDivergence(p, q), logSumExp: simdLogSumExp(x) };
  for (const [name, v] of Object.entries(got)) {
    const err = relErr(v, L[name]);
    console.log(`  ${name} n = 1e7: relative error ${err.toExponential(1)} (mpmath ${L[`${name}50`]})`);
    assert.ok(err <= 1e-12, `${name}: ${v} vs ${L[`${name}50`]}`);
  }
  setSimdDisabled(true);
  try {
    assert.ok(Object.is(simdKlDivergence(p, q), got.klDivergence));
    assert.ok(Object.is(simdLogSumExp(x), got.logSumExp));
  } finally {
    setSimdDisabled(false);
  }
});

test("values differ from today's functions only by the rounding of the sums (relative 5e-15 on these seeded inputs, where no term cancels)", () => {
  let worst = 0;
  for (const n of LENGTHS) {
    for (const shape of ["uniform", "zeros", "skewed"]) {
      const p = distribution(n, shape);
      const q = distribution(n, "uniform");
      const pairs: [number, number][] = [
        [simdEntropy(p), entropy(p)],
        [simdCrossEntropy(p, q), crossEntropy(p, q)],
        [simdKlDivergence(p, q), klDivergence(p, q)],
        [simdEntropy(p, { normalize: true }), entropy(p, { normalize: true })],
      ];
      const xs = Array.from(p, (v) => (v > 0 ? Math.log(v) * 3 : -Infinity));
      pairs.push([simdLogSumExp(xs), logSumExp(xs)]);
      for (const [a, b] of pairs) worst = Math.max(worst, relErr(a, b));
    }
  }
  console.log(`  worst relative difference from today's functions: ${worst.toExponential(2)}`);
  assert.ok(worst <= 5e-15, `${worst}`);
});

// ------------------------------------------------------------------ errors
const BAD: [string, unknown][] = [["NaN", NaN], ["negative", -0.1], ["string", "0.5"], ["null", null], ["+Infinity", Infinity], ["-Infinity", -Infinity], ["undefined", undefined]];

test("a bad entry anywhere (every position of a block and a chunk, p or q, array or Float64Array) gives today's error, word for word", () => {
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
          for (const [name, mine, today] of [
            ["entropy", () => simdEntropy(side === "p" ? a : b), () => entropy(side === "p" ? a : b)],
            ["crossEntropy", () => simdCrossEntropy(a, b), () => crossEntropy(a, b)],
            ["klDivergence", () => simdKlDivergence(a, b), () => klDivergence(a, b)],
            ["klDivergence normalize", () => simdKlDivergence(a, b, { normalize: true }), () => klDivergence(a, b, { normalize: true })],
          ] as [string, () => number, () => number][]) {
            const want = thrown(today);
            assert.ok(want !== "no error", `${name} ${label}: today's function accepts it?`);
            assert.is(thrown(mine), want, `${name} ${label}`);
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
      assert.is(thrown(() => simdLogSumExp(xs as number[])), thrown(() => logSumExp(xs as number[])), `logSumExp ${what} at ${pos}`);
      checked++;
    }
  }
  const holey = new Array<number>(300);
  for (let i = 0; i < 300; i++) if (i !== 257) holey[i] = 1 / 299;
  assert.is(thrown(() => simdEntropy(holey)), thrown(() => entropy(holey)));
  assert.match(thrown(() => simdEntropy(holey)), /p\[257\] = undefined is not a number/);
  console.log(`  ${checked} bad-entry cases give today's message`);
});

test("the other errors are today's too: empty, lengths, options, sums off 1, overflow", () => {
  const p = distribution(300, "uniform");
  const cases: [string, () => number, () => number][] = [
    ["empty", () => simdEntropy([]), () => entropy([])],
    ["lengths", () => simdKlDivergence(p, p.subarray(1)), () => klDivergence(p, p.subarray(1))],
    ["Float32Array", () => simdEntropy(new Float32Array(3) as never), () => entropy(new Float32Array(3) as never)],
    ["unknown option", () => simdCrossEntropy(p, p, { lambda: 1 } as never), () => crossEntropy(p, p, { lambda: 1 } as never)],
    ["base 1", () => simdEntropy(p, { base: 1 }), () => entropy(p, { base: 1 })],
    ["sum off 1", () => simdEntropy(p.map((v) => v * 1.1)), () => entropy(p.map((v) => v * 1.1))],
    ["overflow", () => simdKlDivergence(new Float64Array(300).fill(1e307), p), () => klDivergence(new Float64Array(300).fill(1e307), p)],
    ["sum 0", () => simdEntropy(new Float64Array(300), { normalize: true }), () => entropy(new Float64Array(300), { normalize: true })],
    ["empty xs", () => simdLogSumExp([]), () => logSumExp([])],
  ];
  for (const [name, mine, today] of cases) {
    const want = thrown(today);
    assert.ok(want !== "no error", name);
    assert.is(sameButSum(thrown(mine), want), true, `${name}: ${thrown(mine)} vs ${want}`);
  }
});

/**
 * Two messages are the same, except that "sums to S" may print a sum rounded differently (the
 * lane-order sum and today's index-order sum of the same entries differ in the last bits).
 */
function sameButSum(a: string, b: string): boolean {
  const re = /sums to ([-0-9.e+]+),/;
  const ma = re.exec(a);
  const mb = re.exec(b);
  if (!ma || !mb) return a === b;
  return a.replace(re, "") === b.replace(re, "") && Math.abs(+ma[1] - +mb[1]) <= 1e-14 * Math.abs(+mb[1]);
}

test("below the break-even length the JS path runs, above it the kernels (default break-even)", () => {
  forceKernels(false);
  try {
    const small = distribution(BREAK_EVEN.entropy - 1, "uniform");
    simdEntropy(small);
    assert.is(PASS.path, "js");
    simdEntropy(distribution(BREAK_EVEN.entropy, "uniform"));
    assert.is(PASS.path, "simd");
  } finally {
    forceKernels(true);
  }
});

test.run();
