// crossEntropyFromLogits's documented errors and its compensated sums, written for the survivors of
// `npm run mutation -- information --files cross-entropy-from-logits` (issue 22, phase 8). Imported
// from its own file, so the mutation run's plan ties this file to that module (and what it loads).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { crossEntropyFromLogits } from "../../lib/src/information/cross-entropy-from-logits";
import { close } from "./helpers";
import { assertUlps, throwsExactly } from "../helpers/numeric";

const F = "crossEntropyFromLogits";
const RESCALE = "(pass { normalize: true } to rescale)";

test("a bad entry of p or of the logits is named with its index and value", () => {
  throwsExactly(
    () => crossEntropyFromLogits([1, 0], [0, NaN]),
    RangeError,
    `${F}: logits[1] = NaN is not a number`,
  );
  throwsExactly(
    () => crossEntropyFromLogits([1, 0], [0, Infinity]),
    RangeError,
    `${F}: logits[1] = Infinity is not allowed (the result would be undefined)`,
  );
  throwsExactly(
    () => crossEntropyFromLogits([Infinity, 0], [0, 0]),
    RangeError,
    `${F}: p[0] = Infinity is not finite`,
  );
  throwsExactly(
    () => crossEntropyFromLogits([1, -1], [0, 0]),
    RangeError,
    `${F}: p[1] = -1 is negative`,
  );
  // strings are refused, not coerced ("0" >= 0 and "0" < Infinity would pass a numeric test)
  throwsExactly(
    () => crossEntropyFromLogits([1, "0" as unknown as number], [0, 0]),
    TypeError,
    `${F}: p[1] = "0" is not a number`,
  );
  throwsExactly(
    () => crossEntropyFromLogits([1, 0], [0, "0" as unknown as number]),
    TypeError,
    `${F}: logits[1] = "0" is not a number`,
  );
});

test("p and logits must be vectors of one length", () => {
  throwsExactly(
    () => crossEntropyFromLogits("x" as unknown as number[], [0]),
    TypeError,
    `${F}: p = "x" is not a number[] or Float64Array`,
  );
  throwsExactly(
    () => crossEntropyFromLogits([1], "x" as unknown as number[]),
    TypeError,
    `${F}: logits = "x" is not a number[] or Float64Array`,
  );
  throwsExactly(
    () => crossEntropyFromLogits([1, 0], [0]),
    RangeError,
    `${F}: p and logits differ in length (2 vs 1)`,
  );
});

test("every logit -Infinity leaves softmax undefined and throws", () => {
  throwsExactly(
    () => crossEntropyFromLogits([1, 0], [-Infinity, -Infinity]),
    RangeError,
    `${F}: every logit is -Infinity, so softmax is undefined (0/0)`,
  );
});

test("without normalize (the default) p must sum to 1: 1.1 and an overflowing sum are refused with their sums", () => {
  throwsExactly(
    () => crossEntropyFromLogits([0.5, 0.6], [0, 0]),
    RangeError,
    `${F}: p sums to 1.1, not 1 within tolerance 1e-9 ${RESCALE}`,
  );
  throwsExactly(
    () => crossEntropyFromLogits([1e308, 1e308], [0, 0]),
    RangeError,
    `${F}: p sums to Infinity (overflow), not 1 ${RESCALE}`,
  );
  // with normalize the same p is rescaled: uniform over two equal logits, log 2
  close(crossEntropyFromLogits([1e308, 1e308], [0, 0], { normalize: true }), Math.LN2, 1e-15);
});

test("Σ p and Σ p·(m − z) are compensated: a thousand masses of 2^-53 beside a mass of 1 are not lost", () => {
  // p = [1, 0, 2^-53 × 1000], z = [−10, 0, −1 × 1000] and the same entries in reverse order;
  // mpmath (50 digits) of Σ pᵢ (logsumexp(z) − zᵢ): 15.910469996040117, over Σ p (normalize):
  // 15.91046999603835. A plain sum of p, or of the terms pᵢ (m − zᵢ) after the 10, adds each 2^-53
  // to 1 (or 10) and drops it: 1.1e-13 lost, a change of about 1e-12 in the result.
  const small = new Array<number>(1000);
  const p = [1, 0, ...small.fill(2 ** -53)];
  const z = [-10, 0, ...new Array<number>(1000).fill(-1)];
  const pr = [...p].reverse();
  const zr = [...z].reverse();
  close(crossEntropyFromLogits(p, z), 15.910469996040117, 1e-15);
  close(crossEntropyFromLogits(pr, zr), 15.910469996040117, 1e-15);
  close(crossEntropyFromLogits(p, z, { normalize: true }), 15.91046999603835, 1e-15);
  close(crossEntropyFromLogits(pr, zr, { normalize: true }), 15.91046999603835, 1e-15);
  // masses of 3·2^-54 (three quarters of an ulp of 1): each addition rounds up by 2^-54, which
  // only the compensation takes back; mpmath (50 digits): 15.910469996040499 and, over Σ p,
  // 15.91046999603785
  const p3 = [1, 0, ...new Array<number>(1000).fill(3 * 2 ** -54)];
  close(crossEntropyFromLogits(p3, z), 15.910469996040499, 1e-15);
  close(crossEntropyFromLogits(p3, z, { normalize: true }), 15.91046999603785, 1e-15);
});

test("a class with p = 0 costs nothing even at logit -Infinity; p > 0 there costs Infinity (the doc comment's edge cases)", () => {
  assert.is(crossEntropyFromLogits([0, 1], [-Infinity, 0]), 0);
  assert.is(crossEntropyFromLogits([0, 1], [-Infinity, 0], { normalize: true }), 0);
  close(crossEntropyFromLogits([0, 0.5, 0.5], [-Infinity, 0, 0]), Math.LN2, 1e-15);
  assert.is(crossEntropyFromLogits([1, 0], [-Infinity, 0]), Infinity);
  assert.is(crossEntropyFromLogits([0.5, 0.5], [-Infinity, 0]), Infinity);
  assert.is(crossEntropyFromLogits([1, 1], [-Infinity, 0], { normalize: true }), Infinity);
});

test("with normalize, an entry that reads NaN only after the validating pass is still named (an index getter)", () => {
  // p[1] reads 0 in the first (validating) pass and NaN afterwards: the sum is then NaN, and the
  // rescan that reports it must look at p and the logits again
  let reads = 0;
  const p = [1, 0];
  Object.defineProperty(p, 1, { get: () => (reads++ === 0 ? 0 : NaN) });
  throwsExactly(
    () => crossEntropyFromLogits(p, [0, 0], { normalize: true }),
    RangeError,
    `${F}: p[1] = NaN is not a number`,
  );
});

test("with normalize, p is rescaled only when needed: a loss of 1.2e308 from logits ±0.8e308 stays finite", () => {
  // H = 0.25·0 + 0.75·(0.8e308 + 0.8e308) = 1.2e308 (exact: the other class's exp(−1.6e308) is 0);
  // scaling p = [0.25, 0.75] by 2 (largest entry in [1, 2)) would make the term 1.5·1.6e308 overflow
  assert.is(
    crossEntropyFromLogits([0.25, 0.75], [0.8e308, -0.8e308], { normalize: true }),
    0.75 * 1.6e308,
  );
  assert.is(crossEntropyFromLogits([0.25, 0.75], [0.8e308, -0.8e308]), 0.75 * 1.6e308);
});

test("with normalize, p = [1, 3] or [0.5, 1.5] against logits ±0.8e308 gives the finite 1.2e308 of [0.25, 0.75]", () => {
  // H = 0.75·(0.8e308 + 0.8e308) = 1.2e308 exactly as in the test above; p rescaled so its largest
  // entry is in [1, 2) makes the term 1.5·1.6e308 overflow (it returned Infinity: phase 8 of
  // mutation/baseline.md), so that pass is redone with smaller entries
  for (const p of [
    [1, 3],
    [0.5, 1.5],
    [3e-300, 9e-300],
    [1e300, 3e300],
  ])
    assert.is(
      crossEntropyFromLogits(p, [0.8e308, -0.8e308], { normalize: true }),
      0.75 * 1.6e308,
      `p = [${p}]`,
    );
  // a term that is truly infinite stays infinite: p > 0 where the logit is −Infinity
  assert.is(crossEntropyFromLogits([1, 3], [0.8e308, -Infinity], { normalize: true }), Infinity);
});

test("a confident right prediction costs log1p(e^-gap) also when the largest logit comes last", () => {
  // mpmath (50 digits): log1p(exp(-30)) = 9.357622968839737e-14. With the maximum last, its term 1
  // arrives after e^-30, and the compensation must take the branch for a term larger than the sum
  assertUlps(crossEntropyFromLogits([0, 1], [-30, 0]), 9.357622968839737e-14, 1);
  assertUlps(crossEntropyFromLogits([1, 0], [0, -30]), 9.357622968839737e-14, 1);
});

test.run();
