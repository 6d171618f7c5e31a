// Checks behind mutation/equivalent.md (estimators): each surviving mutant of fitGaussian listed
// there, written into a copy of fit-gaussian.ts, against the code on seeded samples that take every
// path: the one-pass form (shifts from the mean's own place to ~700 spreads away, so that S2 − S1²/m
// cancels up to the 1024-fold limit), and each trigger of the two-pass form (squares that overflow,
// that are subnormal or underflow to 0, a shift far from the mean, cancellation past 1024-fold,
// subnormal data, all-zero data), lengths 1 to 1500 (several blocks of 256, and multiples of 256).
// For each mutant it prints how many samples give the same μ̂ and σ̂ (the same doubles, or the same
// error), and exits 1 if a mutant listed as equivalent differs anywhere.
// Run: node -r ./mutation/register.js mutation/equivalence/fit-gaussian.ts
import { fitGaussian } from "../../lib/src/estimators/fit-gaussian";
import { createRng } from "../../lib/src/distributions";
import { loadMutant } from "./load-mutant";

type Fit = typeof fitGaussian;
/**
 * [key in mutation/survivors/estimators.txt, text of the code, the mutant's text, listed in
 * equivalent.md]. The unlisted ones are the survivors that are *not* equivalent (they change μ̂ or
 * σ̂ by rounding-level amounts, better or worse than the code about as often: see
 * mutation/baseline.md); they are run here too, so that their counts can be quoted.
 */
const MUTANTS: [string, string, string, boolean][] = [
  ["57:23 start <= m", "start < m; start += 256", "start <= m; start += 256", true],
  ["58:17 start + 256 <= m", "start + 256 < m ?", "start + 256 <= m ?", true],
  ["72:9 s2 - b2", "t = s2 + b2;", "t = s2 - b2;", false],
  ["74:5 s2Lo -= …", "s2Lo += s2 - (t - z) + (b2 - z);", "s2Lo -= s2 - (t - z) + (b2 - z);", false],
  ["74:13 s2 - (t - z) - (b2 - z)", "s2Lo += s2 - (t - z) + (b2 - z);", "s2Lo += s2 - (t - z) - (b2 - z);", false],
  ["77:7 false", 'typeof shift !== "number" ||', "false ||", true],
  ["78:8 true", "s2 = s2 - s2 === 0 ?", "s2 = true ?", true],
  ["78:8 false", "s2 = s2 - s2 === 0 ?", "s2 = false ?", false],
  ["78:8 s2 - s2 !== 0", "s2 = s2 - s2 === 0 ?", "s2 = s2 - s2 !== 0 ?", false],
  ["78:8 s2 + s2", "s2 = s2 - s2 === 0 ?", "s2 = s2 + s2 === 0 ?", false],
  ["78:24 s2 - s2Lo", "? s2 + s2Lo : s2;", "? s2 - s2Lo : s2;", false],
  ["82:14 q / m", "const qm = q * m;", "const qm = q / m;", false],
  ["83:15 s1 - qm + productError(q, m, qm)", "s1 - qm - productError(q, m, qm)", "s1 - qm + productError(q, m, qm)", false],
  ["94:15 >=", "const far = Math.abs(s1) >", "const far = Math.abs(s1) >=", true],
  ["95:29 true", "!(ss > 0)", "!(true)", true],
  ["95:29 ss >= 0", "!(ss > 0)", "!(ss >= 0)", true],
  ["95:40 s2 <= 2 ** -900", "s2 < 2 ** -900", "s2 <= 2 ** -900", true],
  ["95:58 ss * 1024 <= s2", "ss * 1024 < s2", "ss * 1024 <= s2", true],
  ["121:13 true", "const e = max > 0 ?", "const e = true ?", true],
  ["121:13 max >= 0", "const e = max > 0 ?", "const e = max >= 0 ?", true],
  ["121:23 … - 1", "Math.floor(Math.log2(max)) + 1", "Math.floor(Math.log2(max)) - 1", true],
  ["128:15 s - v", "const t = s + v;", "const t = s - v;", false],
  ["129:5 c -= …", "c += Math.abs(s) >= Math.abs(v)", "c -= Math.abs(s) >= Math.abs(v)", false],
  ["129:10 true", "c += Math.abs(s) >= Math.abs(v) ?", "c += true ?", true],
  ["129:10 false", "c += Math.abs(s) >= Math.abs(v) ?", "c += false ?", false],
  ["129:10 >", "c += Math.abs(s) >= Math.abs(v) ?", "c += Math.abs(s) > Math.abs(v) ?", true],
  ["129:10 <", "c += Math.abs(s) >= Math.abs(v) ?", "c += Math.abs(s) < Math.abs(v) ?", false],
  ["132:17 s - c", "const mean = (s + c) / m;", "const mean = (s - c) / m;", false],
  ["138:5 d1 -= d", "d1 += d;", "d1 -= d;", false],
  ["141:12 true", "d2c += d2 >= q ?", "d2c += true ?", false],
  ["141:12 d2 > q", "d2c += d2 >= q ?", "d2c += d2 > q ?", true],
  ["145:12 mean - d1 / m", "(mean + d1 / m) * back", "(mean - d1 / m) * back", false],
];

const rng = createRng(20261207);
const u = (): number => rng.next();
/** One seeded sample; `kind` picks the path it is meant to take. */
function sample(kind: number): number[] {
  const m = kind === 7 ? 1 + Math.floor(u() * 4) : [256, 512, 768][Math.floor(u() * 3)] * (u() < 0.3 ? 1 : 0) || 1 + Math.floor(u() * 1500);
  const spread = 2 ** Math.round((u() - 0.5) * 40);
  const centre = (u() < 0.3 ? 0 : (u() - 0.5) * 2 ** Math.round(u() * 10)) * spread;
  const xs = Array.from({ length: m }, () => centre + (u() - 0.5) * spread);
  switch (kind) {
    case 0: // one pass; the shift x₁ up to ~700 spreads from the mean (below the 1024-fold limit)
      xs[0] = centre + (u() - 0.5) * spread * 2 ** Math.round(u() * 9);
      return xs;
    case 1: // squares overflow
      return xs.map((x) => x * 2 ** (1000 - Math.round(Math.log2(spread + Math.abs(centre)))));
    case 2: // squares subnormal
      return xs.map((x) => x * 2 ** (-515 - Math.round(Math.log2(spread))));
    case 3: // squares underflow to 0
      return xs.map((x) => x * 2 ** (-1000 - Math.round(Math.log2(spread + Math.abs(centre)))));
    case 4: // the shift far from the mean, or cancellation past 1024-fold
      xs[0] = centre + (u() < 0.5 ? 1 : -1) * spread * 2 ** (3 + Math.round(u() * 12));
      return xs;
    case 5: // subnormal data
      return xs.map(() => Math.floor(u() * 64) * 5e-324);
    case 6: // an all-zero sample, and ±0
      return xs.map(() => (u() < 0.5 ? 0 : -0));
    default: // tiny samples
      return xs;
  }
}
const run = (f: Fit, xs: number[]): string => {
  try {
    const g = f(xs);
    return `${Object.is(g.params.mu, -0) ? "-0" : g.params.mu} ${g.params.sigma}`;
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
};
const samples = Array.from({ length: 4000 }, (_, i) => sample(i % 8));
const expected = samples.map((xs) => run(fitGaussian, xs));
let failed = 0;
for (const [key, line, replacement, listed] of MUTANTS) {
  const { fitGaussian: mutant } = loadMutant<typeof import("../../lib/src/estimators/fit-gaussian")>(
    "lib/src/estimators/fit-gaussian.ts",
    line,
    replacement,
  );
  let same = 0;
  const byKind = new Array<number>(8).fill(0);
  samples.forEach((xs, i) => {
    if (run(mutant, xs) === expected[i]) same++;
    else byKind[i % 8]++;
  });
  if (listed && same !== samples.length) failed++;
  console.log(`${listed ? "E" : " "} ${key.padEnd(42)} same ${same} of ${samples.length}${same === samples.length ? "" : `  differs by kind ${byKind.join(",")}`}`);
}
if (failed) process.exitCode = 1;
