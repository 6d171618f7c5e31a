// The seeded search behind mutation/baseline.md's entropy.ts survivors (phase 9, mutation12) and the
// two pinned inputs of tests/information/entropy.test.ts. For 4,000 vectors (LCG seed 2212, 2 to 8
// masses: integers 1..1000, uniform in [0, 10), log-uniform in [e^-10, e^10]) it prints, one JSON
// line each, entropy(p, { normalize: true }) (the code), the precise pass alone (logRatioSum, what
// the mutants that skip the fast form return) and the code on p·scaleFor(max p) (what the mutants
// that always rescale return: the scale is exact and the result is scale-invariant).
// entropy-paths.py runs this and compares each with 50-digit mpmath.
// Run: python3 mutation/equivalence/entropy-paths.py
import { entropy } from "../../lib/src/information";
import * as N from "../../lib/src/information/numerics";

let st = 2212n;
const rnd = (): number => {
  st = (st * 6364136223846793005n + 1442695040888963407n) & ((1n << 64n) - 1n);
  return Number(st >> 11n) / 2 ** 53;
};
const out: string[] = [];
for (let k = 0; k < 4000; k++) {
  const n = 2 + Math.floor(rnd() * 7);
  const kind = k % 3;
  const p: number[] = [];
  for (let i = 0; i < n; i++)
    p.push(
      kind === 0
        ? 1 + Math.floor(rnd() * 1000)
        : kind === 1
          ? rnd() * 10
          : Math.exp(rnd() * 20 - 10),
    );
  const code = entropy(p, { normalize: true });
  const a = N.sumSafeScale(N.maxEntry(p, n), n);
  const precise = N.logRatioSum(p, p, n, a, a) / N.RATIO_TOTAL;
  const sc = N.scaleFor(N.maxEntry(p, n));
  const rescaled = entropy(
    p.map((x) => x * sc),
    { normalize: true },
  );
  out.push(JSON.stringify({ p: p.map((x) => x.toPrecision(17)), code, precise, rescaled }));
}
console.log(out.join("\n"));
