// Checks behind mutation/equivalent.md (estimators): fitExponential with `hi = sum - lo` in place of
// `hi = sum + lo`, against the code, on seeded samples (lengths 1 to 300, magnitudes 1e-3 to 1e3
// mixed). The quotient m / (hi + sl) is corrected with sl = lo - (hi - sum), so both split the same
// denominator sum + lo into a double and a remainder: the rates must be the same double.
// Run: node -r ./mutation/register.js mutation/equivalence/fit-exponential.ts
import { fitExponential } from "../../lib/src/estimators/fit-exponential";
import { createRng } from "../../lib/src/distributions";
import { loadMutant } from "./load-mutant";

const { fitExponential: mutant } = loadMutant<typeof import("../../lib/src/estimators/fit-exponential")>(
  "lib/src/estimators/fit-exponential.ts",
  "const hi = sum + lo;",
  "const hi = sum - lo;",
);

const rng = createRng(31);
let total = 0;
let same = 0;
for (let trial = 0; trial < 50000; trial++) {
  const m = 1 + Math.floor(rng.next() * 300);
  const xs = Array.from({ length: m }, () => rng.next() * 10 ** Math.floor(rng.next() * 7 - 3));
  total++;
  if (Object.is(fitExponential(xs).params.rate, mutant(xs).params.rate)) same++;
}
console.log({ total, same });
if (same !== total) process.exitCode = 1;
