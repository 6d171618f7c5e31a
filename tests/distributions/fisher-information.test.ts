import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bernoulli,
  categorical,
  createRng,
  exponential,
  gaussian,
  poisson,
} from "../../lib/src/distributions";
import { fisherInformation } from "../../lib/src/distributions/fisher-information";
import { assertUlps, relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/estimators.json (tests/fixtures/generate_estimators.py):
// the variance of the score, E[(∂ log p)²], by exact sums or scipy quadrature.
interface Fx {
  fisher: {
    family: string;
    params: Record<string, number | number[]>;
    value: number | number[][];
  }[];
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/estimators.json"), "utf8")) as Fx;
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, tol = 1e-10): boolean => relClose(a, b, tol);

test("the closed forms equal the variance of the score computed by scipy, for every family", () => {
  const seen = new Set<string>();
  for (const c of fx.fisher) {
    seen.add(c.family);
    const p = c.params;
    let got: number | number[][];
    if (c.family === "bernoulli") got = fisherInformation(bernoulli(p.p as number));
    else if (c.family === "poisson") got = fisherInformation(poisson(p.lambda as number));
    else if (c.family === "exponential") got = fisherInformation(exponential(p.rate as number));
    else if (c.family === "gaussian")
      got = fisherInformation(gaussian(p.mu as number, p.sigma as number));
    else got = fisherInformation(categorical(p.probs as number[]));
    if (typeof c.value === "number") assert.ok(close(got as number, c.value), c.family);
    else {
      const g = got as number[][];
      // an entry that is 0 in closed form (the Gaussian's off-diagonal) is compared absolutely:
      // scipy's numerical score variance leaves ~1e-17 there
      c.value.forEach((row, i) =>
        row.forEach((v, j) =>
          assert.ok(
            g[i][j] === 0 ? Math.abs(v) <= 1e-10 : close(g[i][j], v),
            `${c.family}[${i}][${j}]: ${g[i][j]} vs ${v}`,
          ),
        ),
      );
    }
  }
  assert.is(seen.size, 5);
});

test("the one-parameter families give numbers, Gaussian and Categorical give matrices", () => {
  assert.is(fisherInformation(bernoulli(0.25)), 16 / 3);
  assert.is(fisherInformation(poisson(4)), 0.25);
  assert.is(fisherInformation(exponential(2)), 0.25);
  assert.equal(fisherInformation(gaussian(0, 2)), [
    [0.25, 0],
    [0, 0.5],
  ]);
  assert.equal(fisherInformation(categorical([0.5, 0.25, 0.25])), [
    [6, 4],
    [4, 8],
  ]);
});

test("the information is Infinity at the degenerate ends (p = 0 or 1, lambda = 0)", () => {
  assert.is(fisherInformation(bernoulli(0)), Infinity);
  assert.is(fisherInformation(bernoulli(1)), Infinity);
  assert.is(fisherInformation(poisson(0)), Infinity);
});

test("the Monte Carlo variance of the score matches the closed form within 4 standard errors (seeded)", () => {
  const lambda = 3;
  const n = 100_000;
  const xs = poisson(lambda).sample(n, createRng(21));
  let s = 0;
  let s2 = 0;
  for (const x of xs) {
    const score = x / lambda - 1;
    s += score * score;
    s2 += score ** 4;
  }
  const mean = s / n;
  const se = Math.sqrt((s2 / n - mean * mean) / n);
  assert.ok(Math.abs(mean - fisherInformation(poisson(lambda))) < 4 * se);
});

test("1/rate² and 1/σ², 2/σ² stay within 1 ulp where the square leaves the normal range (issue 18, overflow inside a finite answer)", () => {
  // mpmath (50 digits) on the exact doubles; 1 / (σ * σ) gave 0 at σ = 1e160 and 3 ulps off at 7.5e-155.
  assert.equal(fisherInformation(gaussian(0, 1e160)), [
    [1e-320, 0],
    [0, 2e-320],
  ]);
  assert.is(fisherInformation(exponential(1e160)), 1e-320);
  assertUlps(fisherInformation(exponential(7.5e-155)), 1.7777777777777775e308, 1, "rate 7.5e-155");
  const g = fisherInformation(gaussian(0, 1.2e-154));
  assertUlps(g[0][0], 6.944444444444445e307, 1, "1/σ² at σ = 1.2e-154");
  assertUlps(g[1][1], 1.388888888888889e308, 1, "2/σ² at σ = 1.2e-154");
  assert.is(fisherInformation(gaussian(0, 7.5e-155))[1][1], Infinity); // 3.6e308 overflows
});

test("a categorical with a single category has no free parameter and throws RangeError", () => {
  assert.throws(
    () => fisherInformation(categorical([1])),
    (e: Error) =>
      e instanceof RangeError && /fisherInformation: categorical with 1 category/.test(e.message),
  );
});

test("fisherInformation is one rounding from the exact value (≤ 0.5 ulp + a hair): Bernoulli's p(1 − p), 2/σ² near σ² = 2^-900, a categorical diagonal", () => {
  // exact by rational arithmetic, as hi + lo (hi the nearest double):
  // python3 -c "from fractions import Fraction as F; p=F(5.60322859867972e-17); x=1/(p*(1-p)); h=float(x); print(h, float(x-F(h)))"
  // (likewise 2/F(σ)**2 and 1/F(p0) + 1/F(p2)); the plain formulas gave 1.85, 1.43 and 1.23 ulp
  const cases: [number, [number, number], number][] = [
    [
      fisherInformation(bernoulli(5.60322859867972e-17)),
      [1.7846853512912688e16, 0.3091572840014802],
      2,
    ],
    [
      fisherInformation(gaussian(0, 3.4583889158511936e-136))[1][1],
      [1.6721773419680191e271, 8.070861238354678e254],
      1.876879207201175e255,
    ],
    [
      fisherInformation(
        categorical([
          0.014753188296739932,
          1 - 0.014753188296739932 - 0.005506414532514883,
          0.005506414532514883,
        ]),
      )[0][0],
      [249.38833689059416, -6.402379740259496e-15],
      2.842170943040401e-14,
    ],
  ];
  for (const [v, [hi, lo], u] of cases) {
    const err = Math.abs(v - hi - lo) / u; // v − hi is exact (Sterbenz)
    assert.ok(err <= 0.51, `${v}: ${err} ulp`);
  }
});

test.run();
