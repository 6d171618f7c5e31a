// Checks behind mutation/equivalent.md (estimators): fitLinearRegression with the rescaling pass
// always taken (the mutants that make `extreme` or `rescale` true, or move SAFE_MIN / SAFE_MAX so that
// every magnitude is "extreme") against the code, on seeded designs whose columns and y have
// magnitudes from 2^-300 to 2^300, some columns mixing both, with and without an intercept.
// The rescaling multiplies each column and y by a power of two (exact), and Householder QR is
// column-scale equivariant, so the two must agree bit for bit (weights, sigma, or the same error).
// Run: node -r ./mutation/register.js mutation/equivalence/fit-linear-regression.ts
import { fitLinearRegression } from "../../lib/src/estimators/fit-linear-regression";
import { createRng } from "../../lib/src/distributions";
import { loadMutant } from "./load-mutant";

const { fitLinearRegression: always } = loadMutant<typeof import("../../lib/src/estimators/fit-linear-regression")>(
  "lib/src/estimators/fit-linear-regression.ts",
  "let rescale = extreme(yMax);",
  "let rescale = true;",
);

const rng = createRng(2026);
const run = (
  f: typeof fitLinearRegression,
  X: number[][],
  y: number[],
  intercept: boolean,
): string => {
  try {
    const r = f(X, y, { intercept });
    return JSON.stringify([r.weights.map(String), String(r.sigma), String(r.mse)]);
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
};
let total = 0;
let same = 0;
let rescaled = 0;
for (let trial = 0; trial < 20000; trial++) {
  const n = 1 + Math.floor(rng.next() * 3);
  const intercept = rng.next() < 0.5;
  const m = n + (intercept ? 1 : 0) + Math.floor(rng.next() * 6);
  const scaleOf = (): number => 2 ** Math.round((rng.next() * 2 - 1) * 300);
  const colScale = Array.from({ length: n }, scaleOf);
  const mixed = Array.from({ length: n }, () => rng.next() < 0.2);
  const X = Array.from({ length: m }, () =>
    colScale.map((s, j) => (rng.next() - 0.5) * (mixed[j] && rng.next() < 0.5 ? s * 2 ** -200 : s)),
  );
  const ys = scaleOf();
  const y = X.map(
    (row) => ys * (row.reduce((a, v, j) => a + v / colScale[j], 0) + (rng.next() - 0.5)),
  );
  const big = [...X.flat(), ...y].some(
    (v) => v !== 0 && (Math.abs(v) < 2 ** -250 || Math.abs(v) > 2 ** 250),
  );
  if (big) rescaled++;
  total++;
  if (run(fitLinearRegression, X, y, intercept) === run(always, X, y, intercept)) same++;
}
console.log({ total, same, "of which the code rescales too": rescaled });
if (same !== total) process.exitCode = 1;
