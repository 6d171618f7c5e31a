// Shared by the information tests (not a test file itself): fixture loading, tolerant
// comparison and fast-check arbitraries for distributions.
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { assertAbsClose, assertRelClose } from "../helpers/numeric";

/** Reference values written by tests/fixtures/generate_information.py (scipy). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const FIXTURES: Record<string, any> = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "fixtures", "information.json"), "utf8"),
);

/** Seed for every fast-check property in this folder. */
export const SEED = 20250603;

/** JSON has no Infinity: the generator writes null for the default base. */
export function baseOpt(base: number | null): number {
  return base === null ? Math.E : base;
}

/**
 * Asserts |actual − expected| ≤ rel·|expected|: relative at every magnitude (the shared comparison of
 * tests/helpers/numeric.ts; below 1 it does not turn into an absolute check). Equal values, equal
 * infinities included, pass. For a bound that is genuinely absolute use `absClose`.
 */
export function close(actual: number, expected: number, rel = 1e-12, what = ""): void {
  assertRelClose(actual, expected, rel, what);
}

/** Asserts |actual − expected| ≤ abs: an absolute bound, for results that are 0 in exact arithmetic. */
export function absClose(actual: number, expected: number, abs: number, what = ""): void {
  assertAbsClose(actual, expected, abs, what);
}

/** Non-negative weights, with some exact zeros, not all zero. */
export function weights(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1, noNaN: true })), {
      minLength: n,
      maxLength: n,
    })
    .filter((w) => w.some((v) => v > 0));
}

/** Divides by the sum. */
export function normalized(w: readonly number[]): number[] {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / s);
}

/** A distribution of length n (with some zeros), as number[] or Float64Array. */
export function dist(n: number): fc.Arbitrary<number[] | Float64Array> {
  return fc
    .tuple(weights(n), fc.boolean())
    .map(([w, typed]) => (typed ? Float64Array.from(normalized(w)) : normalized(w)));
}

/** A pair of distributions of one random length in [1, maxN]. */
export function distPair(
  maxN = 40,
): fc.Arbitrary<[number[] | Float64Array, number[] | Float64Array]> {
  return fc.integer({ min: 1, max: maxN }).chain((n) => fc.tuple(dist(n), dist(n)));
}

/** A joint table (rows x cols, both in [1, 8]) summing to 1. */
export function table(): fc.Arbitrary<number[][]> {
  return fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 })).chain(([r, c]) =>
    weights(r * c).map((w) => {
      const p = normalized(w);
      return Array.from({ length: r }, (_, i) => p.slice(i * c, (i + 1) * c));
    }),
  );
}

/** |a - b| / |b|: the relative error (0 when equal; Infinity when b = 0 and a is not). */
export function relDiff(a: number, b: number): number {
  if (a === b) return 0;
  return Math.abs(a - b) / Math.abs(b);
}

/** |a - b| / |b|, exact relative error (0 when equal). */
export function relErr(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.abs(b);
}

/** A permutation of 0..n-1 (fast-check shrinks it towards the identity). */
export function permutation(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.integer({ min: 0, max: 1 << 30 }), { minLength: n, maxLength: n })
    .map((keys) =>
      keys
        .map((k, i) => [k, i])
        .sort((x, y) => x[0] - y[0] || x[1] - y[1])
        .map(([, i]) => i),
    );
}

/** Logits in [-1e3, 1e3], some of them a masking -1e15, as in padded classifier outputs. */
export function logits(n: number): fc.Arbitrary<number[]> {
  return fc.array(
    fc.oneof(
      { weight: 5, arbitrary: fc.double({ min: -1e3, max: 1e3, noNaN: true }) },
      { weight: 1, arbitrary: fc.constant(-1e15) },
    ),
    { minLength: n, maxLength: n },
  );
}

/**
 * The 1e7-element inputs of the "longSums" fixture, built exactly as
 * tests/fixtures/generate_information.py builds them (32-bit integer hash, one division each).
 */
export function longSumInputs(n: number): { p: Float64Array; q: Float64Array; x: Float64Array } {
  const mix = (i: number): number => {
    const g = Math.imul(i, 0x9e3779b1) >>> 0;
    const h1 = (g ^ (g >>> 15)) >>> 0;
    const h2 = Math.imul(h1, 0x85ebca77) >>> 0;
    return (h2 ^ (h2 >>> 13)) >>> 0;
  };
  const w = new Float64Array(n);
  const v = new Float64Array(n);
  const x = new Float64Array(n);
  let W = 0;
  let V = 0;
  for (let i = 0; i < n; i++) {
    const h = mix(i);
    w[i] = (h % 64) + 1;
    v[i] = (mix(i + 100000000) % 64) + 1;
    x[i] = ((h % 2001) - 1000) / 8;
    W += w[i];
    V += v[i];
  }
  for (let i = 0; i < n; i++) {
    w[i] /= W;
    v[i] /= V;
  }
  return { p: w, q: v, x };
}
