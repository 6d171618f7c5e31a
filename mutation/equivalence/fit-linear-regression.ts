// Checks behind mutation/equivalent.md (estimators): fitLinearRegression with the rescaling pass
// always taken (the mutants that make `extreme` or `rescale` true, or move SAFE_MIN / SAFE_MAX so that
// every magnitude is "extreme") against the code, on seeded designs whose columns and y have
// magnitudes from 2^-300 to 2^300, some columns mixing both, with and without an intercept.
// The rescaling multiplies each column and y by a power of two (exact), and Householder QR is
// column-scale equivariant, so the two must agree bit for bit (weights, sigma, or the same error).
// Run: node -r ./mutation/register.js mutation/equivalence/fit-linear-regression.ts
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fitLinearRegression } from "../../lib/src/estimators/fit-linear-regression";
import { createRng } from "../../lib/src/distributions";

const src = path.join(__dirname, "../../lib/src/estimators/fit-linear-regression.ts");
const dir = path.dirname(src);
let code = fs.readFileSync(src, "utf8");
const line = "let rescale = extreme(yMax);";
if (!code.includes(line)) throw new Error(`the line "${line}" moved: update this check`);
code = code.replace(line, "let rescale = true;");
// imports of the copy point at the repository's modules
code = code.replace(
  /from "\.(\.?)\/([^"]+)"/g,
  (_, up: string, rest: string) =>
    `from ${JSON.stringify(path.join(up ? path.dirname(dir) : dir, rest))}`,
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "flr-"));
const copy = path.join(tmp, "always-rescale.ts");
fs.writeFileSync(copy, code);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const always = require(copy).fitLinearRegression as typeof fitLinearRegression;

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
fs.rmSync(tmp, { recursive: true, force: true });
console.log({ total, same, "of which the code rescales too": rescaled });
if (same !== total) process.exitCode = 1;
