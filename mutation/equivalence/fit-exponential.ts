// Checks behind mutation/equivalent.md (estimators): fitExponential with `hi = sum - lo` in place of
// `hi = sum + lo`, against the code, on seeded samples (lengths 1 to 300, magnitudes 1e-3 to 1e3
// mixed). The quotient m / (hi + sl) is corrected with sl = lo - (hi - sum), so both split the same
// denominator sum + lo into a double and a remainder: the rates must be the same double.
// Run: node -r ./mutation/register.js mutation/equivalence/fit-exponential.ts
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fitExponential } from "../../lib/src/estimators/fit-exponential";
import { createRng } from "../../lib/src/distributions";

const src = path.join(__dirname, "../../lib/src/estimators/fit-exponential.ts");
const dir = path.dirname(src);
let code = fs.readFileSync(src, "utf8");
const line = "const hi = sum + lo;";
if (!code.includes(line)) throw new Error(`the line "${line}" moved: update this check`);
code = code.replace(line, "const hi = sum - lo;");
code = code.replace(
  /from "\.(\.?)\/([^"]+)"/g,
  (_, up: string, rest: string) =>
    `from ${JSON.stringify(path.join(up ? path.dirname(dir) : dir, rest))}`,
);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fe-"));
const copy = path.join(tmp, "minus-lo.ts");
fs.writeFileSync(copy, code);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mutant = require(copy).fitExponential as typeof fitExponential;

const rng = createRng(31);
let total = 0;
let same = 0;
for (let trial = 0; trial < 50000; trial++) {
  const m = 1 + Math.floor(rng.next() * 300);
  const xs = Array.from({ length: m }, () => rng.next() * 10 ** Math.floor(rng.next() * 7 - 3));
  total++;
  if (Object.is(fitExponential(xs).params.rate, mutant(xs).params.rate)) same++;
}
fs.rmSync(tmp, { recursive: true, force: true });
console.log({ total, same });
if (same !== total) process.exitCode = 1;
