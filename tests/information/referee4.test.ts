// The fourth referee pass on issue 18 (mpmath on the exact doubles, lib/README.md's accuracy table
// as the spec): one test per class it found in the information functions. Every reference is an
// mpmath value at 60 digits or more; the call that gave it is in the comment beside it (the same
// cases are in tests/fixtures/generate_accuracy.py, gen_appended_referee4, for the accuracy table).
import { test } from "uvu";
import { crossEntropyFromLogits, logSoftmax, logSumExp } from "../../lib/src/information";
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

test.run();
