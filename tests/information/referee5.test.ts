// The fifth referee pass on issue 18 (mpmath on the exact doubles): the information functions' cases.
// Every reference is an mpmath value at 60 digits, rounded to the nearest double; the call that gave
// it is in the comment beside it (the same cases are in tests/fixtures/generate_accuracy.py,
// gen_appended_referee5, for the accuracy table).
import { test } from "uvu";
import { logSumExp } from "../../lib/src/information";
import { setSimdDisabled } from "../../lib/src/simd/instance";
import { assertUlps } from "../helpers/numeric";

for (const simd of [true, false]) {
  const path = simd ? "SIMD path" : "JS path";
  test(`logSumExp puts back the rounding of xᵢ − m where the result is about the rest (${path}; was 16.4 and 10.2 ulp)`, () => {
    setSimdDisabled(!simd);
    try {
      // mp.log(mp.fsum(mp.exp(mpf(x)) for x in z)), mp.dps = 60 → 1.206542919811916248…e-14
      assertUlps(
        logSumExp([3.844453876585653e-15, -32.432087540626526]),
        1.2065429198119162e-14,
        1,
      );
      const z = new Float64Array(700).fill(-25);
      z[0] = 1.0000017763568395e-9;
      // the same call on [1.0000017763568395e-9, -25 × 699] → 1.070767448113954503…e-8
      assertUlps(logSumExp(z), 1.0707674481139545e-8, 1);
      assertUlps(logSumExp(Array.from(z)), 1.0707674481139545e-8, 1);
    } finally {
      setSimdDisabled(false);
    }
  });
}

test.run();
