// The fourth referee pass on issue 18 (mpmath on the exact doubles, lib/README.md's accuracy table
// as the spec): one test per class it found in the information functions. Every reference is an
// mpmath value at 60 digits or more; the call that gave it is in the comment beside it (the same
// cases are in tests/fixtures/generate_accuracy.py, gen_appended_referee4, for the accuracy table).
import { test } from "uvu";
import {
  conditionalEntropy,
  crossEntropy,
  crossEntropyFromLogits,
  jointEntropy,
  klDivergence,
  logSoftmax,
  logSumExp,
  mutualInformation,
} from "../../lib/src/information";
import { setSimdDisabled } from "../../lib/src/simd/instance";
import { assertRelClose, assertUlps } from "../helpers/numeric";

/** [x0, x1 × (n − 1)] */
function rep(x0: number, x1: number, n: number): Float64Array {
  const a = new Float64Array(n).fill(x1);
  a[0] = x0;
  return a;
}

function oneHot(n: number): Float64Array {
  const p = new Float64Array(n);
  p[0] = 1;
  return p;
}

// [0, x1 × (n − 1)]: every other term far below half an ulp of 1, so the fast sum (from the
// maximum's own 1) held the whole rest in its compensation, a plain sum
const SMALL_REST: [number, number, number][] = [
  // mpmath: log1p(999*exp(-40)) at dps 60
  [-40, 1000, 4.2441059010362884001e-15],
  // log1p(99999*exp(-623))
  [-623, 100000, 2.7197778422703804585e-266],
  // log1p(999999*exp(-100))
  [-100, 1000000, 3.7200722559448599421e-38],
];

for (const simd of [true, false]) {
  const path = simd ? "SIMD path" : "JS path";
  test(`logSumExp is within 1 ulp when the maximum is 0 and every other term is below half an ulp of 1, at every n (${path})`, () => {
    setSimdDisabled(!simd);
    try {
      for (const [x1, n, exact] of SMALL_REST)
        assertUlps(logSumExp(rep(0, x1, n)), exact, 1, `[0, ${x1} × ${n - 1}]`);
    } finally {
      setSimdDisabled(false);
    }
  });
}

test("logSoftmax's largest entry is within 1 ulp when every other term is below half an ulp of 1", () => {
  for (const [x1, n, exact] of SMALL_REST) {
    if (n > 100000) continue;
    assertUlps(logSoftmax(rep(0, x1, n))[0], -exact, 1, `[0, ${x1} × ${n - 1}]`);
  }
  // the referee's 95-ulp case: m = −2⁻⁷⁹⁹, 4096 terms of e^t with t = log(2⁻⁷⁹⁹/4096)
  // (mpmath at dps 200: -log1p(4096*exp(t - m)) = -2.9993936277913306416e-241)
  const m = -(2 ** -799);
  const t = Math.log(-m / 4096);
  assertUlps(logSoftmax(rep(m, t, 4097))[0], -2.9993936277913306416e-241, 1);
});

test("crossEntropyFromLogits of a confident right prediction over many classes is within 2e-16 relative", () => {
  for (const [x1, n, exact] of SMALL_REST) {
    assertRelClose(crossEntropyFromLogits(oneHot(n), rep(0, x1, n)), exact, 2e-16);
    // the loss does not depend on the shift: the same with every logit + 10
    assertRelClose(crossEntropyFromLogits(oneHot(n), rep(10, x1 + 10, n)), exact, 2e-16);
  }
});

// Tables of 1e6 cells: rows were summed plainly (2.65e-12 off). On these inputs the results stay
// within jointEntropy 1e-15, conditionalEntropy and mutualInformation 2e-15 relative (lib/README.md's
// bounds, 3e-15 and 1.2e-14, are set by adversarial 32-cell row blocks). References: mpmath at 50
// digits on the cell values and their counts (the referee's ref10.py, in the comments).
const TABLE_FNS = { jointEntropy, conditionalEntropy, mutualInformation };
const TABLE_BOUND = { jointEntropy: 1e-15, conditionalEntropy: 2e-15, mutualInformation: 2e-15 };

test("jointEntropy of one row of 1e6 equal cells, normalized, is log 1e6 to 1e-15", () => {
  // mpmath: log(10**6) = 13.815510557964274104
  const row = new Float64Array(1e6).fill(0.1);
  assertRelClose(jointEntropy([row], { normalize: true }), 13.815510557964274104, 1e-15);
});

test("the table functions stay within their bounds on 2 × 5e5 rows of alternating cells", () => {
  const m = 500000;
  const a = 0.7 / m;
  const b = 0.3 / m;
  const r0 = new Float64Array(m);
  const r1 = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    r0[j] = j % 2 ? b : a;
    r1[j] = j % 2 ? a : b;
  }
  // mpmath (ref10.py, kind "alt"): H(X,Y) = −m(A log A + B log B); H(Y|X) = H(X,Y) − H(X);
  // I = m(A log(A/(r c)) + B log(B/(r c))), A, B the cells over S (normalize) or 1
  const exact = {
    jointEntropy: [13.7332276794592216815, 13.7332276794592222577],
    conditionalEntropy: [13.0400804988992763582, 13.0400804988992769483],
    mutualInformation: [0.08228287850505188792, 0.0822828785050518463916],
  };
  for (const fn of Object.keys(TABLE_FNS) as (keyof typeof TABLE_FNS)[])
    for (const [i, normalize] of [false, true].entries())
      assertRelClose(
        TABLE_FNS[fn]([r0, r1], { normalize }),
        exact[fn][i],
        TABLE_BOUND[fn],
        `${fn} normalize ${normalize}`,
      );
});

test("the table functions stay within their bounds on a 1000 × 1000 table near independence", () => {
  // cells 1e-6·(1 ± 2⁻²⁰) in a checkerboard
  const m = 1000;
  const e = 2 ** -20;
  const t: Float64Array[] = [];
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(m);
    for (let j = 0; j < m; j++) row[j] = 1e-6 * ((i + j) % 2 ? 1 + e : 1 - e);
    t.push(row);
  }
  // mpmath (ref10.py, kind "checker")
  const exact = {
    jointEntropy: [13.8155105579638187768, 13.8155105579638193568],
    conditionalEntropy: [6.90775527898168199211, 6.9077552789816823047],
    mutualInformation: [4.54792602699886113652e-13, 4.5474735081171202049e-13],
  };
  for (const fn of Object.keys(TABLE_FNS) as (keyof typeof TABLE_FNS)[])
    for (const [i, normalize] of [false, true].entries())
      assertRelClose(
        TABLE_FNS[fn](t, { normalize }),
        exact[fn][i],
        TABLE_BOUND[fn],
        `${fn} normalize ${normalize}`,
      );
});

// normalize's Sp, Sq (numerics.blockedSums) were plain inside 256-term blocks: the referee's
// adversarial blocks, a term A at the block's start and 255 of frac·ulp(A) after it, make every
// addition round one way. References: mpmath at 60 digits, fsum over the exact entries
// (the referee's ref.py: kl and ce with normalize), on these very doubles.
function adversarialBlock(arr: Float64Array, at: number, big: number, frac: number): void {
  const u = 2 ** (Math.floor(Math.log2(big)) - 52);
  arr[at] = big;
  for (let i = 1; i < 256; i++) arr[at + i] = frac * u;
}

test("klDivergence with normalize stays within 7e-14 on adversarial 256-term blocks", () => {
  const p = new Float64Array(512);
  const q = new Float64Array(512);
  adversarialBlock(p, 0, 1, 0.51);
  adversarialBlock(q, 0, 0.85, 0.49);
  adversarialBlock(q, 256, 1 - 0.85, 0.49);
  // was 0.1625189294977303 (3.05e-13)
  assertRelClose(klDivergence(p, q, { normalize: true }), 0.1625189294977798808331, 7e-14);
  assertRelClose(
    klDivergence(Array.from(p), Array.from(q), { normalize: true }),
    0.1625189294977798808331,
    7e-14,
  );
});

test("crossEntropy with normalize stays within 2.5e-14 on adversarial 256-term blocks", () => {
  const p = new Float64Array(1024);
  const q = new Float64Array(1024);
  for (let k = 0; k < 4; k++) {
    adversarialBlock(p, 256 * k, 1, 0.51);
    adversarialBlock(q, 256 * k, 0.25, 0.49);
  }
  // was 1.3862943611209007 (5.7e-14)
  assertRelClose(crossEntropy(p, q, { normalize: true }), 1.386294361120979791648, 2.5e-14);
  assertRelClose(
    crossEntropy(Array.from(p), Array.from(q), { normalize: true }),
    1.386294361120979791648,
    2.5e-14,
  );
});

test.run();
