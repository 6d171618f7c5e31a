// The page side of the SIMD benchmark's Chromium run (bench/simd.ts bundles this file with
// esbuild and loads it into headless Chromium): the public functions with the kernels off (JS path) and on at
// n = 1e6, interleaved, medians in ms; plus the first-use cost of the kernels (decode the
// embedded bytes, compile synchronously on the main thread, instantiate).
import { crossEntropy, entropy, klDivergence, logSumExp } from "../lib/src/information";
import { kernels, setSimdDisabled } from "../lib/src/simd/instance";
import { distribution } from "./simd-inputs";

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];

(globalThis as Record<string, unknown>).mlekitSimdBench = (n: number, reps: number) => {
  const t0 = performance.now();
  const ok = kernels() !== undefined;
  const firstUseMs = performance.now() - t0;
  const p = distribution(n, 7);
  const q = distribution(n, 11);
  const x = p.map((v, i) => Math.log(v) * 10 + (i % 17));
  const off = (g: () => number) => () => {
    setSimdDisabled(true);
    try {
      return g();
    } finally {
      setSimdDisabled(false);
    }
  };
  const both = (g: () => number): [() => number, () => number] => [off(g), g];
  const rows: Record<string, [() => number, () => number]> = {
    klDivergence: both(() => klDivergence(p, q)),
    entropy: both(() => entropy(p)),
    crossEntropy: both(() => crossEntropy(p, q)),
    logSumExp: both(() => logSumExp(x)),
  };
  const out: Record<
    string,
    { js: number; simd: number; jsBest: number; simdBest: number; diff: number }
  > = {};
  for (const [op, fns] of Object.entries(rows)) {
    for (let w = 0; w < 10; w++) fns.forEach((f) => f()); // past the tier-up from Liftoff to TurboFan
    const t: number[][] = [[], []];
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < 2; k++) {
        const j = (k + r) % 2;
        const s = performance.now();
        fns[j]();
        t[j].push(performance.now() - s);
      }
    }
    out[op] = {
      js: median(t[0]),
      simd: median(t[1]),
      jsBest: Math.min(...t[0]),
      simdBest: Math.min(...t[1]),
      diff: ((a, b) => (Object.is(a, b) ? 0 : Math.abs(a - b) / Math.abs(b)))(fns[1](), fns[0]()),
    };
  }
  return { simd: ok, firstUseMs, results: out, userAgent: navigator.userAgent };
};
