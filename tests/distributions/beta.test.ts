import { readFileSync } from "fs";
import { join } from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { beta } from "../../lib/src/distributions/beta";
import { createRng } from "../../lib/src/distributions/create-rng";
import { assertAbsClose, assertUlps, relClose } from "../helpers/numeric";

// Reference values: tests/fixtures/map.json, written by tests/fixtures/generate_map.py
// (seeded numpy + scipy; each entry records its scipy call). ±inf are stored as strings.
interface Fx {
  beta: {
    logProb: { alpha: number; beta: number; x: number; value: number | string }[];
    moments: { alpha: number; beta: number; mean: number; variance: number; entropy: number }[];
    modes: { alpha: number; beta: number; value: number }[];
  };
}
const fx = JSON.parse(readFileSync(join(__dirname, "../fixtures/map.json"), "utf8")) as Fx;
const num = (v: number | string): number => (typeof v === "number" ? v : Number(v));
// relative at every magnitude (tests/helpers/numeric.ts): below 1 it does not become an absolute check
const close = (a: number, b: number, rel = 1e-12): boolean => relClose(a, b, rel);

test("logProb matches scipy stats.beta.logpdf inside [0, 1], at both ends and for large shapes", () => {
  assert.ok(fx.beta.logProb.length >= 60);
  for (const c of fx.beta.logProb) {
    const want = num(c.value);
    const got = beta(c.alpha, c.beta).logProb(c.x);
    const where = `Beta(${c.alpha}, ${c.beta}) at x = ${c.x}: ${got} vs ${want}`;
    if (Number.isFinite(want)) assert.ok(close(got, want, 1e-11), where);
    else assert.is(got, want, where);
  }
});

test("the ends follow the shapes: +∞ below 1, log of the other shape at 1, −∞ above 1", () => {
  assert.is(beta(0.5, 2).logProb(0), Infinity);
  assert.ok(close(beta(1, 3).prob(0), 3));
  assert.is(beta(2, 3).prob(0), 0);
  assert.is(beta(2, 0.5).logProb(1), Infinity);
  assert.ok(close(beta(4, 1).prob(1), 4));
});

test("outside [0, 1] the density is 0 and the log density −∞", () => {
  const d = beta(2, 5);
  assert.is(d.logProb(-0.1), -Infinity);
  assert.is(d.logProb(1.5), -Infinity);
  assert.is(d.prob(2), 0);
});

test("prob is exp(logProb) and integrates to 1 (midpoint rule, 20 000 cells)", () => {
  const d = beta(2.5, 4);
  for (const x of [0.1, 0.4, 0.9]) assert.ok(close(d.prob(x), Math.exp(d.logProb(x))));
  const n = 20000;
  let s = 0;
  for (let i = 0; i < n; i++) s += d.prob((i + 0.5) / n) / n;
  assert.ok(Math.abs(s - 1) < 1e-8, `∫ = ${s}`);
});

test("mean, variance and differential entropy match scipy", () => {
  for (const c of fx.beta.moments) {
    const d = beta(c.alpha, c.beta);
    assert.ok(close(d.mean(), c.mean, 1e-14), `mean of Beta(${c.alpha}, ${c.beta})`);
    assert.ok(close(d.variance(), c.variance, 1e-14), `variance of Beta(${c.alpha}, ${c.beta})`);
    assert.ok(
      close(d.entropy(), c.entropy, 1e-12),
      `entropy of Beta(${c.alpha}, ${c.beta}): ${d.entropy()} vs ${c.entropy}`,
    );
  }
});

test("entropy of Beta(3, 7) in nats and bits matches mpmath (an independent value) to 4 ulps of its terms' size, and Beta(1, 1) has entropy 0", () => {
  // mpmath at 50 digits: log B(3, 7) − 2ψ(3) − 6ψ(7) + 8ψ(10) = −0.5976830557653916; the four terms
  // have magnitudes summing to ~35 and cancel to −0.6, so 4 ulps of 35 is the honest bound (absolute)
  assertAbsClose(beta(3, 7).entropy(), -0.5976830557653916, 4 * 7.1e-15);
  assertAbsClose(beta(3, 7).entropy({ base: 2 }), -0.8622743805760922, (4 * 7.1e-15) / Math.LN2);
  assert.is(beta(1, 1).entropy(), 0);
});

test("the mode is (α − 1)/(α + β − 2) and agrees with scipy's numeric argmax of the density", () => {
  for (const c of fx.beta.modes) {
    const got = beta(c.alpha, c.beta).mode();
    assert.ok(close(got, (c.alpha - 1) / (c.alpha + c.beta - 2), 1e-15));
    assert.ok(Math.abs(got - c.value) < 1e-7, `Beta(${c.alpha}, ${c.beta}): ${got} vs ${c.value}`); // scipy bounded search, xatol 1e-12 in x but flat density near the top
  }
});

test("the mode sits at an end when one shape is below 1, and is NaN when there is no single mode", () => {
  assert.is(beta(0.5, 3).mode(), 0);
  assert.is(beta(1, 3).mode(), 0);
  assert.is(beta(3, 0.5).mode(), 1);
  assert.is(beta(3, 1).mode(), 1);
  assert.ok(Number.isNaN(beta(1, 1).mode()));
  assert.ok(Number.isNaN(beta(0.5, 0.5).mode()));
});

test("sample is seeded, stays in [0, 1], and its mean and variance are within 4 standard errors (n = 100 000)", () => {
  for (const [a, b] of [
    [2, 5],
    [0.3, 0.7],
    [30, 10],
  ]) {
    const d = beta(a, b);
    const n = 100_000;
    const xs = d.sample(n, createRng(8));
    assert.equal(Array.from(xs.subarray(0, 5)), Array.from(d.sample(5, createRng(8))));
    let s = 0;
    for (const x of xs) {
      assert.ok(x >= 0 && x <= 1);
      s += x;
    }
    const mean = s / n;
    let s2 = 0;
    for (const x of xs) s2 += (x - mean) ** 2;
    const variance = s2 / (n - 1);
    const se = Math.sqrt(d.variance() / n);
    assert.ok(Math.abs(mean - d.mean()) < 4 * se, `Beta(${a}, ${b}) mean ${mean} vs ${d.mean()}`);
    // sd of s²/σ² ≈ √((κ − 1)/n), κ the kurtosis; κ − 1 is at most 2.05 for these shapes (scipy stats.beta(a, b).stats('k') + 3), so 3 is an upper bound
    assert.ok(
      Math.abs(variance / d.variance() - 1) < 4 * Math.sqrt(3 / n),
      `Beta(${a}, ${b}) variance ${variance} vs ${d.variance()}`,
    );
  }
});

test("bad shapes throw RangeError naming the parameter and value; bad draws and NaN x throw", () => {
  assert.throws(
    () => beta(-1, 2),
    (e: Error) =>
      e instanceof RangeError && e.message === "beta: alpha = -1 must be finite and positive",
  );
  assert.throws(
    () => beta(1, 0),
    (e: Error) =>
      e instanceof RangeError && e.message === "beta: beta = 0 must be finite and positive",
  );
  assert.throws(() => beta(NaN, 1), /beta: alpha = NaN/);
  assert.throws(() => beta(1, Infinity), /beta: beta = Infinity must be finite and positive/);
  assert.throws(
    () => beta("2" as unknown as number, 1),
    (e: Error) => e instanceof TypeError && /^beta: alpha = /.test(e.message),
  );
  assert.throws(
    () => beta(2, 2).logProb(null as unknown as number),
    (e: Error) => e instanceof TypeError && /beta.logProb: x = null/.test(e.message),
  );
  assert.throws(() => beta(2, 2).logProb(NaN), /beta.logProb: x = NaN/);
  assert.throws(() => beta(2, 2).prob(NaN), /beta.prob: x = NaN/);
  assert.throws(() => beta(2, 2).sample(-1, createRng(1)), /beta.sample: n = -1/);
});

test("the object and its params are frozen", () => {
  const d = beta(2, 3);
  assert.ok(Object.isFrozen(d) && Object.isFrozen(d.params));
  assert.equal(d.params, { alpha: 2, beta: 3 });
  assert.is(d.family, "beta");
});

test("entropy where a + b overflows (shapes near 1.8e308) is finite and within 2 ulps of mpmath, not NaN (issue 18)", () => {
  // mpmath (720 digits): ln B − (a−1)ψ(a) − (b−1)ψ(b) + (a+b−2)ψ(a+b), rounded to the nearest double
  assertUlps(beta(1.7e308, 1.7e308).entropy(), -354.48420068424934, 2, "Beta(1.7e308, 1.7e308)");
  assertUlps(
    beta(1e300, Number.MAX_VALUE).entropy(),
    -362.9760104194165,
    2,
    "Beta(1e300, MAX_VALUE)",
  );
});

test("mean, mode and variance at huge shapes come from ratios, never from a + b or a·b that overflow (issue 18)", () => {
  const d = beta(1e308, 1e308); // a + b = Infinity, a·b = Infinity
  assert.is(d.mean(), 0.5);
  assert.is(d.mode(), 0.5);
  assertUlps(d.variance(), 1.25e-309, 2); // ab/((a+b)²(a+b+1)) = 1/(4·(2e308 + 1)), mpmath
  assertUlps(beta(1.5e308, 0.5e308).mean(), 0.75, 1);
  assert.is(beta(1e-300, 1e-300).variance(), 0.25); // 1/(4(2e-300 + 1))
});

test("log density and entropy at huge shapes keep their digits (Loader's saddle-point form, Stirling forms), where the textbook terms cancel", () => {
  // mpmath (60 digits): log p(½; 1e10, 1e10) = 11.633707702592973
  assertUlps(beta(1e10, 1e10).logProb(0.5), 11.633707702592973, 4);
  // the entropy ½ log(2πe·ab/c³) + …, mpmath: -23.909497643063155 for (1e15, 1e8)
  assertUlps(beta(1e15, 1e8).entropy(), -23.909497643063155, 4);
});

test("logProb with both shapes tiny and x near the smaller shape does not cancel ln m against ln(a + b) (ref6 beta4)", () => {
  // mpmath at 320 digits (300 and 400 agree; /work/notes/ref6/beta2.py): before, 476 and 241 ulps
  const cases: [number, number, number, number][] = [
    [
      2.916435453463963e-263, 7.366866459545975e-284, 2.5125209153423215e-283,
      -1.2268792501657879306,
    ],
    [9.853898682565516e-230, 1.7525404676413232e-300, 1e-300, 0.56106643103879271518],
  ];
  for (const [a, b, x, exact] of cases)
    assertUlps(beta(a, b).logProb(x), exact, 2, `beta(${a}, ${b}).logProb(${x})`);
});

test("variance is within an ulp: mean·(1 − mean) as a double-double, one rounding, also at a + b above 2^900 (ref6 betavar: 4.2 and 2.2 ulps before)", () => {
  // mpmath at 50 digits (/work/notes/ref6/betavar.py, betavar2.py)
  assertUlps(
    beta(1.96560583305703e301, 2.344454556508836e301).variance(),
    5.7555679509420615631e-303,
    1,
  );
  assertUlps(
    beta(2.8683778940119604e303, 2.6729545263040818e303).variance(),
    4.5059391795578580697e-305,
    1,
  );
  assertUlps(beta(20077.869353269183, 2.9462525479323594).variance(), 7.3050286513796989807e-9, 1);
});

// The seventh referee's case (/work/notes/ref7, lg_b.py): at a subnormal x the saddle form's n·x
// rounds onto the subnormal grid (1.9e7 ulps of T before). References: mpmath at 60 digits,
// (a − 1)·log x + (b − 1)·log1p(−x) − (lnΓ(a) + lnΓ(b) − lnΓ(a + b)); scipy.stats.beta.logpdf
// agrees on the first.
test("logProb at a subnormal x with both shapes above 2 keeps its digits (the textbook form, not the saddle form's n·x)", () => {
  const d = beta(2.464033708062715, 2740.401082105779);
  assertUlps(d.logProb(3.5e-323), -1067.790589969685198, 2);
  // both sides of the smallest normal double
  assertUlps(d.logProb(2.2250738585072014e-308), -1017.8703444973670902, 2);
  assertUlps(d.logProb(2.2250738585072009e-308), -1017.8703444973670905, 2);
});

// Found by the speed helper of stop 29 (lead's fix): where a + b overflows, the saddle form halved
// k, m and n, but bd0 adds u + v ≤ 2n, and n = 1.7e308 made that Infinity: NaN at every x away
// from ½ although log p is finite. References: mpmath at
// 700 digits, (a − 1)·log x + (b − 1)·log1p(−x) − (lnΓ(a) + lnΓ(b) − lnΓ(a + b)) (at 50 digits the
// textbook terms near 1e311 cancel past mpmath's precision at x = ½).
test("logProb where a + b or the textbook terms overflow is finite and within 4 ulps of mpmath, -Infinity where log p is below -MAX, never NaN", () => {
  const M = Number.MAX_VALUE;
  const cases: [number, number, number, number][] = [
    [1.7e308, 1.7e308, 0.3, -2.964007581461222048765861e307],
    [1.7e308, 1.7e308, 0.7, -2.9640075814612202513e307],
    [1.7e308, 1.7e308, 0.5, 354.98420068424936574],
    [M, M, 0.5, 355.01213868432724359],
    [M, M, 0.25, -5.1716408666952988936e307],
    [M, 1e308, 0.6, -1.0699854429508322095e306],
    [M, 1e308, 0.9, -6.6809237427714535217e307],
    // (a − 1)·ln x + (b − 1)·ln(1 − x) overflows to −∞ while −ln B brings log p back into range:
    // the textbook form must not be taken (a + b overflows in the first, not in the second)
    [1.0994514013315478e308, 1.0468574328761703e308, 0.25, -3.3826193261408432685e307],
    [9e307, 8e307, 0.05, -1.5617863497595312493e308],
  ];
  for (const [a, b, x, ref] of cases)
    assertUlps(beta(a, b).logProb(x), ref, 4, `Beta(${a}, ${b}) at ${x}`);
  // mpmath: −1.1719616970130594426e311 and −9.6890448475909339463e308, below −MAX
  assert.is(beta(1.7e308, 1.7e308).logProb(1e-300), -Infinity);
  assert.is(beta(1e308, M).logProb(1e-5), -Infinity);
  // referee 9 (/work/notes/ref9/beta_nan.js): at x = 0, 1 and subnormal x, ln B overflowed to −∞
  // too and the textbook form gave −∞ + ∞ = NaN from a = b = 1.2967614853529988e308 up;
  // mpmath: log p = −1.263e311 at x = 5e-324
  for (const s of [1.7e308, 1.2967614853529988e308, M]) {
    const d = beta(s, s);
    for (const x of [5e-324, 1e-320, 2.225073858507201e-308, 0, 1]) {
      assert.is(d.logProb(x), -Infinity, `Beta(${s}, ${s}).logProb(${x})`);
      assert.is(d.prob(x), 0, `Beta(${s}, ${s}).prob(${x})`);
    }
  }
});

test.run();
