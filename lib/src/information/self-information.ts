import { DEFAULT_TOLERANCE, type InfoOptions } from "./types";
import {
  checkOptions,
  checkScalar,
  INFO_OPTION_KEYS,
  readOptions,
  showValue,
} from "../validate/validate";

const FN = "selfInformation";

/**
 * Self-information (surprisal) of an event of probability p: how much observing it tells you.
 *
 * I(p) = -log p, in nats for the default base e, in bits for `base: 2`.
 * Only `base` matters here; `normalize` and `tolerance` are accepted and ignored.
 *
 * Edge cases: `p = 1` gives 0 (a certain event tells nothing); `p = 0` gives `Infinity` (the
 * limit of -log p as p → 0).
 *
 * @param p the event's probability, in `[0, 1]`
 * @param opts `base` (default `Math.E`)
 * @returns -log p in units of log base `base`, in `[0, Infinity]`
 * @throws {TypeError} when `p` is not a number
 * @throws {RangeError} when `p` is NaN, negative or greater than 1, or `base` is out of range
 * @example
 * selfInformation(0.5, { base: 2 });
 * // => 1
 * selfInformation(13 / 52, { base: 2 });
 * // => 2                    (drawing a heart from a 52-card deck)
 * selfInformation(1);
 * // => 0
 * selfInformation(0);
 * // => Infinity
 * selfInformation(1.5);
 * // => throws RangeError "selfInformation: p = 1.5 is greater than 1"
 */
export function selfInformation(p: number, opts?: InfoOptions): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  checkScalar(FN, "p", p);
  if (p < 0) throw new RangeError(`${FN}: p = ${showValue(p)} is negative`);
  if (p > 1) throw new RangeError(`${FN}: p = ${showValue(p)} is greater than 1`);
  if (p === 1) return 0;
  // bits and hartleys by log2 and log10 directly (one rounding instead of three)
  if (base === 2) return -Math.log2(p);
  if (base === 10) return -Math.log10(p);
  const nats = -Math.log(p);
  return lnBase === 1 ? nats : nats / lnBase;
}
