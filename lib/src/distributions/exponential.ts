import type { Rng } from "./create-rng";
import type { EntropyOptions, Exponential } from "./distribution";
import { allocate, checkNumber } from "../validate/validate";
import {
  checkDraws,
  drawUniform,
  entropyBase,
  frozen,
  inBase,
  overSquare,
  param,
  made,
  vouch,
} from "./internal";

/**
 * Creates the exponential distribution on [0, ∞) with the given rate (mean 1 / rate).
 *
 * pdf: p(x) = rate · exp(−rate · x) for x ≥ 0, and 0 for x < 0 (as exp(log rate − rate · x) where
 * rate · x > 708, so a density that is a double is never lost to exp(−rate · x) underflowing);
 * mean 1 / rate; variance 1 / rate² (within one rounding at every rate: neither a false 0 nor a
 * subnormal intermediate where rate² leaves the normal range); differential entropy h = 1 − log rate.
 * `sample` inverts the CDF: x = −log(1 − u) / rate with u uniform on [0, 1).
 *
 * @param rate the rate λ, finite and > 0
 * @returns an {@link Exponential} object with `family: "exponential"` and `params: { rate }`
 * @throws {TypeError} when `rate` or `x` is not a number (a string, null, a boolean)
 * @throws {RangeError} when `rate` is not finite and > 0; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = exponential(2);
 * d.prob(0);               // => 2
 * exponential(1e300).prob(7.45e-298); // => 2.8223507304715495e-24 (exact 2.8223507304717746e-24; exp(−745) alone is subnormal)
 * d.logProb(1);            // => -1.3068528194400546
 * d.logProb(-1);           // => -Infinity
 * d.mean();                // => 0.5
 * d.entropy();             // => 0.3068528194400547
 * exponential(1e160).variance(); // => 1e-320 (rate² overflows; the variance does not)
 * exponential(0);          // throws RangeError: exponential: rate = 0 must be finite and > 0
 */
export function exponential(rate: number): Exponential {
  param("exponential", "rate", rate, (v) => v > 0 && v < Infinity, "finite and > 0");
  const logRate = Math.log(rate);
  const logProb = (x: number): number => {
    checkNumber("exponential.logProb", "x", x);
    return x >= 0 ? logRate - rate * x : -Infinity;
  };
  let varianceValue: number | undefined;
  const d: Exponential = made(
    {
      family: "exponential" as const,
      params: frozen({ rate }),
      logProb,
      prob(x: number): number {
        checkNumber("exponential.prob", "x", x);
        if (!(x >= 0)) return 0;
        const t = rate * x;
        // beyond t = 708 exp(−t) is subnormal or 0 while rate · exp(−t) may be an ordinary double
        // (exponential(1e300).prob(7.45e-298) is 2.8e-24): one exp of the log density instead
        return t <= 708 ? rate * Math.exp(-t) : Math.exp(logRate - t);
      },
      sample(n: number, rng: Rng): Float64Array {
        checkDraws("exponential.sample", n, rng);
        const out = allocate("exponential.sample", "n", n);
        for (let i = 0; i < n; i++)
          out[i] = -Math.log1p(-drawUniform("exponential.sample", rng)) / rate;
        return out;
      },
      mean: () => 1 / rate,
      variance: () => (varianceValue ??= overSquare(1, rate)), // computed once, on first call
      entropy: (opts?: EntropyOptions): number =>
        inBase(1 - logRate, entropyBase("exponential.entropy", opts)),
    },
    () => vouch(d),
  );
  return d;
}
