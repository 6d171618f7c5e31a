// The fourth referee pass on issue 18: beta.logProb and beta.prob at large shapes. References:
// mpmath at 400 digits, (α − 1) log x + (β − 1) log1p(−x) − (loggamma(α) + loggamma(β) −
// loggamma(α + β)) on the exact doubles (the same cases are in tests/fixtures/generate_accuracy.py,
// gen_appended_referee4).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { beta } from "../../lib/src/distributions";
import { ulp } from "../helpers/numeric";

/** |got − exact| in ulps of T = max(|exact|, 1, ln(α + β)), the accuracy table's metric. */
function ulpsOfT(got: number, exact: number, a: number, b: number): number {
  const t = Math.max(Math.abs(exact), 1, Math.log(a / 2 + b / 2) + Math.LN2);
  return Math.abs(got - exact) / ulp(t);
}

test("beta.logProb takes α − 1 exactly above 2^53 (Beta(7.5e19, 1.9e120) near its mean)", () => {
  const a = 7.475690994817201e19;
  const b = 1.870289586439648e120;
  const x = 3.997076746001679e-101;
  // exact 0.6401522746749961826569; was 0.6401522772740407 (the lost 1 in α − 1: 2.6e-9)
  const e = ulpsOfT(beta(a, b).logProb(x), 0.6401522746749961826569, a, b);
  assert.ok(e <= 2, `${e} ulps`);
});

test("beta.logProb keeps n's tail times x exact where k − n·x cancels against it (Beta(1.2e282, 3.5e297))", () => {
  const a = 1.197190270958131e282;
  const b = 3.45523592462446e297;
  // exact -7.057237779718609113634e+242 (was 275 ulps off)
  const got = beta(a, b).logProb(3.464858253024357e-16);
  const e = Math.abs(got + 7.057237779718609113634e242) / ulp(7.057237779718609113634e242);
  assert.ok(e <= 8, `${e} ulps`);
});

test("beta.logProb and beta.prob at the referee's large shapes stay within the table's bounds", () => {
  const cases: [number, number, number, number, number][] = [
    // α, β, x, exact log p, exact p
    [
      37301891.29434833, 228.63792178830906, 0.9999958376982896, -0.9263515594880700520962,
      0.3959958452846714129098,
    ],
    [
      3834980.1693577543, 107384439.05315672, 0.03456426909859111, -1.462107312109623268486,
      0.2317473957069857828431,
    ],
  ];
  for (const [a, b, x, lp, p] of cases) {
    const d = beta(a, b);
    const e = ulpsOfT(d.logProb(x), lp, a, b);
    assert.ok(e <= 24, `logProb ${a}, ${b}, ${x}: ${e} ulps`);
    // prob: ulps ÷ max(1, |log p|, ln(α + β))
    const ep = Math.abs(d.prob(x) - p) / ulp(p) / Math.max(1, Math.abs(lp), Math.log(a + b));
    assert.ok(ep <= 23, `prob ${a}, ${b}, ${x}: ${ep}`);
  }
});

test.run();
