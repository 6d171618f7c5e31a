import type { Rng } from "./create-rng";
import type { EntropyOptions, Gaussian } from "./distribution";
import {
  checkDraws,
  drawNormal,
  entropyBase,
  frozen,
  inBase,
  param,
  made,
  vouch,
} from "./internal";
import { allocate, checkNumber } from "../validate/validate";

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

const F = "gaussian";
const SAMPLE = "gaussian.sample";

/**
 * Creates the Gaussian (normal) distribution N(mu, sigma²), with sigma the standard deviation.
 *
 * pdf: p(x) = exp(−(x − mu)² / (2 sigma²)) / (sigma √(2π));
 * log p(x) = −½ z² − log sigma − ½ log 2π with z = (x − mu)/sigma (never 1/sigma², so exact
 * for sigma from 5e-324 to 1.7e308, as scipy's `norm.logpdf`);
 * mean mu; variance sigma²; differential entropy h = ½ log(2πe sigma²).
 * `sample` draws `mu + sigma · z` with z from `rng.normal()` (Marsaglia polar, two normals per accepted pair).
 *
 * @param mu the mean, a finite number
 * @param sigma the standard deviation, finite and > 0
 * @returns a {@link Gaussian} object with `family: "gaussian"` and `params: { mu, sigma }`
 * @throws {TypeError} when `mu`, `sigma` or `x` is not a number (a string, null, a boolean)
 * @throws {RangeError} when `mu` is not finite or `sigma` is not finite and > 0; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = gaussian(0, 1);
 * d.logProb(0);               // => -0.9189385332046727
 * d.prob(1);                  // => 0.24197072451914337
 * gaussian(1, 2).variance();  // => 4
 * d.entropy();                // => 1.4189385332046727
 * d.entropy({ base: 2 });     // => 2.047095585180641
 * gaussian(0, 1e-200).logProb(0); // => 459.5980800656045 (NaN before issue 10; scipy's norm.logpdf agrees)
 * gaussian(0, -1);            // throws RangeError: gaussian: sigma = -1 must be finite and > 0
 */
export function gaussian(mu: number, sigma: number): Gaussian {
  param(F, "mu", mu, Number.isFinite, "a finite number");
  param(F, "sigma", sigma, (v) => v > 0 && v < Infinity, "finite and > 0");
  const logNorm = -Math.log(sigma) - HALF_LOG_2PI;
  // z = (x - mu)/sigma, never 1/sigma² (which overflows for sigma < 1e-154 and underflows for
  // sigma > 1e154); if x - mu overflows, x/sigma - mu/sigma keeps z right.
  const logProb = (x: number): number => {
    checkNumber("gaussian.logProb", "x", x);
    let z = (x - mu) / sigma;
    // one test on the hot path: a z that is not finite is the rare case
    if (!(z - z === 0)) {
      // x − μ overflowed (finite x, μ of opposite signs near the range's end): x/σ − μ/σ instead
      // (where x − μ was finite and only the quotient overflowed, this is as large, or finite
      // above 1e154, where 0.5·z·z overflows to the same −∞)
      if (Number.isFinite(x)) z = x / sigma - mu / sigma;
      // |z| = ∞ (or ∞ − ∞) means the density is below every double: log p = −∞
      if (!(z - z === 0)) return -Infinity;
    }
    return logNorm - 0.5 * z * z;
  };
  const d: Gaussian = made(
    {
      family: F,
      params: frozen({ mu, sigma }),
      logProb,
      prob(x: number): number {
        checkNumber("gaussian.prob", "x", x);
        return Math.exp(logProb(x));
      },
      sample(n: number, rng: Rng): Float64Array {
        checkDraws(SAMPLE, n, rng);
        const out = allocate(SAMPLE, "n", n);
        for (let i = 0; i < n; i++) out[i] = mu + sigma * drawNormal(SAMPLE, rng);
        return out;
      },
      mean: () => mu,
      variance: () => sigma * sigma,
      entropy: (opts?: EntropyOptions): number =>
        inBase(0.5 + HALF_LOG_2PI + Math.log(sigma), entropyBase("gaussian.entropy", opts)),
    },
    () => vouch(d),
  );
  return d;
}
