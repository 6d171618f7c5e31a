import { DEFAULT_TOLERANCE, type InfoOptions } from "./types";
import {
  checkOptions,
  checkScalar,
  fromNats,
  INFO_OPTION_KEYS,
  readOptions,
  showValue,
} from "../validate/validate";

const FN = "binaryEntropy";

/**
 * Entropy of a Bernoulli(θ) variable: the uncertainty of one biased coin flip.
 *
 * H(θ) = -θ log θ - (1 - θ) log(1 - θ), in nats for the default base e, in bits for `base: 2`
 * (then at most 1, at θ = ½). `log(1 - θ)` is taken as `Math.log1p(-θ)`, accurate for small θ.
 * Only `base` matters here; `normalize` and `tolerance` are accepted and ignored.
 *
 * Edge cases: θ = 0 and θ = 1 give 0 (`0 · log 0 = 0`).
 *
 * @param theta the success probability, in `[0, 1]`
 * @param opts `base` (default `Math.E`)
 * @returns H(θ) in units of log base `base`, in `[0, log 2]`
 * @throws {TypeError} when `theta` is not a number
 * @throws {RangeError} when `theta` is NaN or outside `[0, 1]`, or `base` is out of range
 * @example
 * binaryEntropy(0.5, { base: 2 });
 * // => 1
 * binaryEntropy(0.25, { base: 2 });
 * // => 0.8112781244591328
 * binaryEntropy(0);
 * // => 0
 * binaryEntropy(1);
 * // => 0
 * binaryEntropy(-0.1);
 * // => throws RangeError "binaryEntropy: theta = -0.1 is outside [0, 1]"
 */
export function binaryEntropy(theta: number, opts?: InfoOptions): number {
  const {
    base = Math.E,
    normalize = false,
    tolerance = DEFAULT_TOLERANCE,
  } = readOptions(FN, opts, INFO_OPTION_KEYS);
  const lnBase = checkOptions(FN, base, normalize, tolerance);
  checkScalar(FN, "theta", theta);
  if (theta < 0 || theta > 1) {
    throw new RangeError(`${FN}: theta = ${showValue(theta)} is outside [0, 1]`);
  }
  let nats = 0;
  if (theta > 0) nats -= theta * Math.log(theta);
  if (theta < 1) nats -= (1 - theta) * Math.log1p(-theta);
  return fromNats(nats, lnBase);
}
