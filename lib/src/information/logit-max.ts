// Shared by softmax and logSoftmax: the validating max pass. Internal: not re-exported.

import { throwFirstInvalid, type Vector } from "../validate/validate";

/** The index of the (first) maximum found by the last {@link logitMax} call. */
export let LOGIT_ARGMAX = 0;
/** The minimum found by the last {@link logitMax} call. */
export let LOGIT_MIN = 0;

/**
 * Returns max(x) after checking every entry is a number other than NaN and +Infinity, and that
 * not all are -Infinity (then softmax is 0/0); the first index of the maximum in LOGIT_ARGMAX and
 * the minimum in LOGIT_MIN.
 */
export function logitMax(fn: string, x: Vector, n: number): number {
  let m = -Infinity;
  let lo = Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v !== "number" || !(v < Infinity)) throwFirstInvalid(fn, ["logits"], [x], ["logit"]);
    if (v > m) {
      m = v;
      k = i;
    } else if (v < lo) lo = v; // (a second test of its own cost more than the whole max pass)
  }
  LOGIT_ARGMAX = k;
  // the entries that raised the maximum rise, so the smallest of them is the first
  LOGIT_MIN = n > 0 && (x[0] as number) < lo ? (x[0] as number) : lo;
  if (m === -Infinity) {
    throw new RangeError(`${fn}: every logit is -Infinity, so the distribution is undefined (0/0)`);
  }
  return m;
}
