// Shared by the information tests (not a test file itself): fixture loading, tolerant
// comparison and fast-check arbitraries for distributions.
import * as fs from "fs";
import * as path from "path";
import * as assert from "uvu/assert";
import fc from "fast-check";

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

/** Asserts |actual - expected| <= rel * max(1, |expected|); equal infinities pass. */
export function close(actual: number, expected: number, rel = 1e-12, what = ""): void {
  if (actual === expected) return;
  const err = Math.abs(actual - expected);
  assert.ok(
    err <= rel * Math.max(1, Math.abs(expected)),
    `${what} expected ${expected}, got ${actual} (error ${err})`,
  );
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
export function distPair(maxN = 40): fc.Arbitrary<[number[] | Float64Array, number[] | Float64Array]> {
  return fc.integer({ min: 1, max: maxN }).chain((n) => fc.tuple(dist(n), dist(n)));
}

/** A joint table (rows x cols, both in [1, 8]) summing to 1. */
export function table(): fc.Arbitrary<number[][]> {
  return fc
    .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
    .chain(([r, c]) => weights(r * c).map((w) => {
      const p = normalized(w);
      return Array.from({ length: r }, (_, i) => p.slice(i * c, (i + 1) * c));
    }));
}
