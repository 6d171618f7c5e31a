import type { Rng } from "./create-rng";
import type { EntropyOptions, Gaussian } from "./distribution";
import { checkDraws, frozen, natsToBase, paramError } from "./internal";

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * Creates the Gaussian (normal) distribution N(mu, sigma²), with sigma the standard deviation.
 *
 * pdf: p(x) = exp(−(x − mu)² / (2 sigma²)) / (sigma √(2π));
 * log p(x) = −(x − mu)² / (2 sigma²) − log sigma − ½ log 2π;
 * mean mu; variance sigma²; differential entropy h = ½ log(2πe sigma²).
 * `sample` draws `mu + sigma · z` with z from `rng.normal()` (Marsaglia polar, two normals per accepted pair).
 *
 * @param mu the mean, a finite number
 * @param sigma the standard deviation, finite and > 0
 * @returns a {@link Gaussian} object with `family: "gaussian"` and `params: { mu, sigma }`
 * @throws {RangeError} when `mu` is not finite or `sigma` is not finite and > 0; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = gaussian(0, 1);
 * d.logProb(0);               // => -0.9189385332046727
 * d.prob(1);                  // => 0.24197072451914337
 * gaussian(1, 2).variance();  // => 4
 * d.entropy();                // => 1.4189385332046727
 * d.entropy({ base: 2 });     // => 2.047095585180641
 * gaussian(0, -1);            // throws RangeError: gaussian: sigma = -1 must be finite and > 0
 */
export function gaussian(mu: number, sigma: number): Gaussian {
  if (!Number.isFinite(mu)) paramError("gaussian", "mu", mu, "a finite number");
  if (!(sigma > 0 && sigma < Infinity)) paramError("gaussian", "sigma", sigma, "finite and > 0");
  const logNorm = -Math.log(sigma) - HALF_LOG_2PI;
  const inv2Var = 1 / (2 * sigma * sigma);
  const logProb = (x: number): number => {
    if (x !== x) throw new RangeError("gaussian.logProb: x = NaN is not a number");
    const d = x - mu;
    return logNorm - d * d * inv2Var;
  };
  return frozen({
    family: "gaussian" as const,
    params: frozen({ mu, sigma }),
    logProb,
    prob(x: number): number {
      if (x !== x) throw new RangeError("gaussian.prob: x = NaN is not a number");
      const d = x - mu;
      return Math.exp(logNorm - d * d * inv2Var);
    },
    sample(n: number, rng: Rng): Float64Array {
      checkDraws("gaussian.sample", n, rng);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = mu + sigma * rng.normal();
      return out;
    },
    mean: () => mu,
    variance: () => sigma * sigma,
    entropy: ({ base = Math.E }: EntropyOptions = {}): number =>
      natsToBase("gaussian.entropy", 0.5 + HALF_LOG_2PI + Math.log(sigma), base),
  });
}
