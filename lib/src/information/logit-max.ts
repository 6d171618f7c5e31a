// Shared by softmax and logSoftmax: the validating max pass. Internal: not re-exported.

import { throwFirstInvalid, type Vector } from "../validate/validate";

/** The index of the (first) maximum found by the last {@link logitMax} call. */
export let LOGIT_ARGMAX = 0;

/**
 * Returns max(x) after checking every entry is a number other than NaN and +Infinity, and that
 * not all are -Infinity (then softmax is 0/0); the first index of the maximum in LOGIT_ARGMAX.
 * (No minimum here: any test for it, even `else if (v < lo)`, doubled this pass, 1.9 -> 3.7 ms at
 * n = 1e6, user CPU of the two loops side by side in one process; softmax and logSoftmax take the
 * minimum in their exponential pass instead, beside the call to Math.exp.)
 */
export function logitMax(fn: string, x: Vector, n: number): number {
  let m = -Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v !== "number" || !(v < Infinity)) throwFirstInvalid(fn, ["logits"], [x], ["logit"]);
    if (v > m) {
      m = v;
      k = i;
    }
  }
  LOGIT_ARGMAX = k;
  if (m === -Infinity) {
    throw new RangeError(`${fn}: every logit is -Infinity, so the distribution is undefined (0/0)`);
  }
  return m;
}
