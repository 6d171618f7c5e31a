// mutualInformation on its WebAssembly SIMD kernels (lib/wasm/kernels.c, mi_marg_row and
// mi_chunk; lib/src/information/scan-table.ts) against its own JS path (kernels switched off):
// the same IEEE values and errors, finite results within PATH_DIFF of each other, over row lengths
// around the SIMD width, the 32-cell blocks and the 4096-cell chunks, number[] / Float64Array /
// mixed rows, tables near independence (whose rows go to the double-double loop) and tables with
// cells the kernels hand back to the JS loop (a ratio v/y below the normal range, a cell > 0 whose
// y = r·c/S underflows to 0, an infinite cell). The kernels are forced on at every length here
// (break-even 1), so 1- and 2-column tables run them too. Exact references where the value is
// known in closed form: log n for Y = X, 0 for an exactly independent table.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { entropy, mutualInformation, type InfoOptions } from "../../lib/src/information";
import { setSimdDisabled } from "../../lib/src/simd/instance";
import { breakEvenLengths, PASS, setBreakEven } from "../../lib/src/simd/passes";

type Row = number[] | Float64Array;
const SAVED = breakEvenLengths().mutualInformation;
test.before(() => {
  setBreakEven({ mutualInformation: 1 });
});
test.after(() => {
  setBreakEven({ mutualInformation: SAVED });
});

/**
 * The largest relative difference between the two paths over this file's cases, measured with
 * the kernels as committed and rounded up in the second digit (lib/wasm/README.md quotes it).
 */
const PATH_DIFF = 2.9e-16; // measured: 2.83e-16 (3 × 65, uniform, Float64Array rows, base 2)
const seen = { rel: 0, at: "" };

/** Both paths' results (or thrown errors as text); asserts the kernels ran when `simd` says so. */
function bothPaths(pxy: Row[], opts: InfoOptions | undefined, label: string): [unknown, unknown] {
  const run = (): unknown => {
    try {
      return mutualInformation(pxy, opts);
    } catch (e) {
      return `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
  };
  setSimdDisabled(false);
  const s = run();
  if (typeof s === "number") assert.is(PASS.path, "simd", `${label}: the kernels did not run`);
  setSimdDisabled(true);
  try {
    const j = run();
    assert.is(PASS.path, "js", label);
    return [s, j];
  } finally {
    setSimdDisabled(false);
  }
}

/** The two paths agree: the same value or error where either is not a finite nonzero number,
 *  else within PATH_DIFF relative. Returns the JS path's value. */
function agree(pxy: Row[], opts: InfoOptions | undefined, label: string): unknown {
  const [s, j] = bothPaths(pxy, opts, label);
  if (Object.is(s, j)) return j;
  assert.ok(
    typeof s === "number" && typeof j === "number" && Number.isFinite(j) && j !== 0,
    `${label}: kernels ${String(s)}, JS ${String(j)}`,
  );
  const d = Math.abs((s as number) - j) / Math.abs(j);
  if (d > seen.rel) [seen.rel, seen.at] = [d, label];
  assert.ok(d <= PATH_DIFF, `${label}: kernels ${s}, JS ${j}: ${d} relative`);
  return j;
}
test.after(() =>
  console.log(
    `  largest path difference: ${seen.rel.toExponential(2)} relative (${seen.at || "-"})`,
  ),
);

let seed = 20261207;
const rnd = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;

/** A seeded nonnegative table of n rows of m cells, summing to 1 (up to rounding), as `kind` rows. */
function table(n: number, m: number, shape: string, kind: string): Row[] {
  const t: number[][] = [];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < m; j++) {
      const u = rnd();
      const v = shape === "zeros" ? (u < 0.4 ? 0 : u) : shape === "skewed" ? u ** 30 : u + 1e-3;
      row.push(v);
      s += v;
    }
    t.push(row);
  }
  return t.map((row, i) => {
    const r = row.map((v) => v / s);
    return kind === "number[]" || (kind === "mixed" && i % 2 === 0) ? r : Float64Array.from(r);
  });
}

const SHAPES = ["uniform", "zeros", "skewed"];
const KINDS = ["number[]", "Float64Array", "mixed"];

test("random tables: the kernels agree with the JS path at every row length around the vector width, the 32-cell blocks and the 4096-cell chunks", () => {
  const sizes: [number, number][] = [
    [3, 1],
    [3, 2],
    [2, 3],
    [5, 5],
    [4, 31],
    [4, 32],
    [4, 33],
    [3, 64],
    [3, 65],
    [2, 4095],
    [2, 4096],
    [2, 4097],
    [2, 8193],
    [40, 40],
  ];
  for (const [n, m] of sizes)
    for (const shape of SHAPES)
      for (const kind of KINDS)
        for (const opts of [undefined, { base: 2 }, { normalize: true }]) {
          const label = `${n}x${m} ${shape} ${kind} ${JSON.stringify(opts)}`;
          const pxy = table(n, m, shape, kind);
          if (opts?.normalize) for (const row of pxy) for (let j = 0; j < m; j++) row[j] *= 3;
          agree(pxy, opts, label);
        }
});

test("Y = X: log n on both paths (n = 40, 64, 100)", () => {
  for (const n of [40, 64, 100]) {
    const pxy = Array.from({ length: n }, (_, i) => {
      const row = new Float64Array(n);
      row[i] = 1 / n;
      return row;
    });
    const j = agree(pxy, undefined, `diagonal ${n}`) as number;
    // the reference: log n (fdlibm's Math.log, within 1 ulp); the table sums to 1 within n ulps
    assert.ok(Math.abs(j - Math.log(n)) <= 4e-15 * Math.log(n), `diagonal ${n}: ${j}`);
  }
});

test("exactly independent tables (products of powers of two) give 0 on both paths; near-independent ones (the double-double rows) agree", () => {
  const p = [0.5, 0.25, 0.125, 0.125];
  const q = new Array<number>(64).fill(1 / 64);
  const exact = p.map((a) => Float64Array.from(q, (b) => a * b));
  const [s, j] = bothPaths(exact, undefined, "independent");
  assert.is(s, 0);
  assert.is(j, 0);
  // p(x)·q(y) of random marginals: rounded products, within 2⁻⁵³ of independence
  const pr = table(1, 37, "uniform", "Float64Array")[0] as Float64Array;
  const qr = table(1, 45, "uniform", "Float64Array")[0] as Float64Array;
  const sp = pr.reduce((a, b) => a + b, 0);
  const sq = qr.reduce((a, b) => a + b, 0);
  const near = Array.from(pr, (a) => Float64Array.from(qr, (b) => ((a / sp) * b) / sq));
  agree(near, { normalize: true }, "near-independent 37x45");
});

test("cells the kernels hand back to the JS loop: a ratio v/y below the normal range, v > 0 with y = r·c/S = 0, an infinite cell", () => {
  for (const kind of KINDS) {
    // a subnormal cell among ordinary ones: v/y ≈ 1e-321, subnormal
    const sub = table(3, 40, "uniform", kind);
    sub[1][17] = 5e-324;
    agree(sub, { normalize: true }, `subnormal cell ${kind}`);
    // a cell alone in its row and its column, 1e-200: y = 1e-200·1e-200 underflows to 0
    const lone = table(3, 40, "uniform", kind);
    for (let i = 0; i < 3; i++) lone[i][0] = 0;
    lone.push(kind === "number[]" ? new Array<number>(40).fill(0) : new Float64Array(40));
    lone[3][0] = 1e-200;
    agree(lone, { normalize: true }, `lone tiny cell ${kind}`);
    // an infinite cell: the total overflows, RangeError without normalize on both paths
    const inf = table(3, 40, "uniform", kind);
    inf[2][39] = Infinity;
    agree(inf, undefined, `infinite cell ${kind}`);
    agree(inf, { normalize: true }, `infinite cell normalize ${kind}`);
  }
});

test("a bad cell gives the same error on both paths, in every position of a vector, a block and a chunk", () => {
  const bad: unknown[] = [NaN, -1e-3, "0.1", undefined];
  let cases = 0;
  for (const m of [33, 4097])
    for (const at of [0, 1, 2, 31, 32, m - 2, m - 1])
      for (const v of bad)
        for (const kind of ["number[]", "Float64Array"]) {
          if (kind === "Float64Array" && typeof v !== "number") continue;
          const pxy = table(3, m, "uniform", kind);
          (pxy[1] as unknown[])[at] = v;
          const [s, j] = bothPaths(pxy, undefined, `bad ${String(v)} at ${at}`);
          assert.type(j, "string");
          assert.is(s, j, `bad ${String(v)} at [1][${at}] of ${m} (${kind})`);
          cases++;
        }
  assert.is(cases, 84); // 2 lengths × 7 positions × (4 bad values in a number[] + 2 in a Float64Array)
});

test("a library call made from a row getter between the kernels' rows does not disturb the outer call (the kernels are held for it)", () => {
  const inner = table(3, 50, "uniform", "Float64Array");
  const v = table(1, 300, "uniform", "Float64Array")[0];
  for (const at of [0, 1, 3]) {
    const rows = table(4, 40, "uniform", "Float64Array");
    const pxy: Row[] = rows.slice();
    let calls = 0;
    Object.defineProperty(pxy, at, {
      get: () => {
        calls++;
        // other kernel passes that use the input buffers and the column sums
        mutualInformation(inner);
        entropy(v);
        return rows[at];
      },
    });
    setSimdDisabled(true);
    const js = mutualInformation(rows);
    setSimdDisabled(false);
    const s = mutualInformation(pxy);
    assert.ok(calls > 0, "the getter ran");
    assert.ok(Math.abs(s - js) <= PATH_DIFF * js, `getter at row ${at}: ${s} against ${js}`);
  }
});

test.run();
