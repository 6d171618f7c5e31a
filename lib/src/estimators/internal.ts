// Helpers shared by the estimator files. Not re-exported from the barrel.
import type { Sample } from "../distributions";

/**
 * Throws `RangeError` when `xs` is empty, and `TypeError` when it is not an array-like of numbers.
 */
export function requireSample(fn: string, xs: Sample): void {
  if (xs === null || typeof xs !== "object" || typeof xs.length !== "number") {
    throw new TypeError(`${fn}: xs must be an array of numbers or a Float64Array`);
  }
  if (xs.length === 0) throw new RangeError(`${fn}: xs is empty, need at least one observation`);
}

/**
 * Finds the first NaN or infinite entry of `xs` and throws `RangeError` naming its index and value.
 * Called after a fast loop produced a non-finite result, so the happy path pays no check per element.
 */
export function throwFirstNonFinite(fn: string, xs: Sample): void {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!Number.isFinite(x)) throw new RangeError(`${fn}: xs[${i}] = ${x} is not a finite number`);
  }
}
