// Checks behind mutation/equivalent.md (estimators): fitPoisson with its exact-sum path taken for every
// sample (`if (true)` for `if (sum >= 2 ** 53)`), against the code, on seeded counts (lengths 1 to
// 300, counts up to 10^k for k = 0 … 12). Below 2^53 the plain sum is exact and sum / m one
// rounding; the exact path's corrected quotient must give the same double.
// Run: node -r ./mutation/register.js mutation/equivalence/fit-poisson.ts
import { fitPoisson } from "../../lib/src/estimators/fit-poisson";
import { createRng } from "../../lib/src/distributions";
import { loadMutant } from "./load-mutant";

const { fitPoisson: mutant } = loadMutant<typeof import("../../lib/src/estimators/fit-poisson")>(
  "lib/src/estimators/fit-poisson.ts",
  "if (sum >= 2 ** 53) {",
  "if (true) {",
);

const rng = createRng(31);
let total = 0;
let same = 0;
for (let trial = 0; trial < 50000; trial++) {
  const m = 1 + Math.floor(rng.next() * 300);
  const top = 10 ** Math.floor(rng.next() * 13);
  const xs = Array.from({ length: m }, () => Math.floor(rng.next() * top));
  total++;
  if (Object.is(fitPoisson(xs).params.lambda, mutant(xs).params.lambda)) same++;
}
console.log({ total, same });
if (same !== total) process.exitCode = 1;
