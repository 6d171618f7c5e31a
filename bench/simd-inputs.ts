// The SIMD benches' inputs (bench/simd.ts, simd-ab.ts, simd-large.ts and the page side,
// simd-browser.ts): seeded, so every run and every contender sees the same numbers. No Node
// built-in: simd-browser.ts is bundled into a page.

/** n positive weights from a seeded Lehmer generator (multiplier 16807), plus 1e-3, summing to 1. */
export function distribution(n: number, seed: number): Float64Array {
  let s = seed;
  const a = new Float64Array(n);
  let t = 0;
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    t += a[i] = s / 2147483647 + 1e-3;
  }
  for (let i = 0; i < n; i++) a[i] /= t;
  return a;
}

/** n seeded normal draws (Box–Muller on the same generator) with standard deviation 10: logits. */
export function normals(n: number, seed: number): Float64Array {
  let s = seed;
  const r = (): number => (s = (s * 16807) % 2147483647) / 2147483647;
  return Float64Array.from(
    { length: n },
    () => 10 * Math.sqrt(-2 * Math.log(r())) * Math.cos(2 * Math.PI * r()),
  );
}
