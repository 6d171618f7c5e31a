// A library finding of phase 8 (mutation/baseline.md), kept out of `npm test` because lib/src is not
// this branch's to fix: it fails (exit 1) while the finding stands.
//   node -r ./mutation/register.js mutation/findings/cross-entropy-from-logits-overflow.ts
//
// crossEntropyFromLogits with normalize: p = [1, 3] is p = [0.25, 0.75] rescaled, so the loss
// against logits [0.8e308, −0.8e308] is 0.25·0 + 0.75·1.6e308 = 1.2e308, a finite double (the
// other class's exp(−1.6e308) is 0, so log-sum-exp is 0.8e308 exactly). The code returns Infinity:
// the first pass's term 3·1.6e308 overflows, and the redo on 2^j·p (largest entry in [1, 2)) makes
// it 1.5·1.6e308, which overflows too. [0.25, 0.75] itself gives 1.2e308.
import { crossEntropyFromLogits } from "../../lib/src/information/cross-entropy-from-logits";

const want = 0.75 * 1.6e308;
const cases: [number[], number[]][] = [
  [
    [1, 3],
    [0.8e308, -0.8e308],
  ],
  [
    [0.5, 1.5],
    [0.8e308, -0.8e308],
  ],
  [
    [0.25, 0.75],
    [0.8e308, -0.8e308],
  ],
];
let failed = 0;
for (const [p, z] of cases) {
  const got = crossEntropyFromLogits(p, z, { normalize: true });
  const ok = got === want;
  if (!ok) failed++;
  console.log(
    `${ok ? "ok  " : "FAIL"} crossEntropyFromLogits([${p}], [${z}], { normalize: true }) = ${got}, want ${want}`,
  );
}
process.exit(failed ? 1 : 0);
