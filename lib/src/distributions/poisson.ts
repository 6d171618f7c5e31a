import { logFactorial as factorialln } from "../special/log-factorial";
import type { Rng } from "./create-rng";
import type { EntropyOptions, Poisson } from "./distribution";
import { checkDraws, checkX, entropyBase, frozen, inBase, param } from "./internal";

/** Above this rate the entropy uses its asymptotic series instead of the direct sum. */
const ENTROPY_SERIES_FROM = 1000;
/** Below this rate `sample` inverts the CDF; from it on it uses Hörmann's PTRS. */
const PTRS_FROM = 10;

/**
 * Creates the Poisson distribution on {0, 1, 2, …} with rate (mean) lambda.
 *
 * pmf: P(k) = lambda^k e^(−lambda) / k!, so log P(k) = k log lambda − lambda − log k!
 * (log k! from `logFactorial`); mean and variance lambda.
 * `lambda = 0` is allowed: the point mass at 0 (the MLE of all-zero data), with 0 · log 0 = 0.
 * Entropy H = −Σ P(k) log P(k) summed over k within lambda ± (40√lambda + 40) (the tail beyond
 * is below 1e-300) for lambda ≤ 1000; above, the asymptotic series
 * ½ log(2πe·lambda) − 1/(12 lambda) − 1/(24 lambda²) − 19/(360 lambda³), whose error is below
 * 1.2e-13 at 1000 and falls as lambda⁻⁴ (the direct sum's rounding error grows like 1e-16 · lambda).
 * `sample` uses inversion by sequential search for lambda < 10 and the transformed rejection
 * method PTRS (W. Hörmann, 1993) from lambda = 10 on, so its cost does not grow with lambda.
 *
 * @param lambda the rate, finite and >= 0
 * @returns a {@link Poisson} object with `family: "poisson"` and `params: { lambda }`
 * @throws {TypeError} when `lambda` or `x` is not a number (`poisson("3")` throws)
 * @throws {RangeError} when `lambda` is NaN, negative or not finite; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = poisson(3);
 * d.prob(2);                 // => 0.22404180765538767
 * d.logProb(2.5);            // => -Infinity
 * d.variance();              // => 3
 * poisson(0).prob(0);        // => 1
 * d.entropy();               // => 1.931470198148569
 * poisson(-1);               // throws RangeError: poisson: lambda = -1 must be finite and >= 0
 */
export function poisson(lambda: number): Poisson {
  param("poisson", "lambda", lambda, (v) => v >= 0 && v < Infinity, "finite and >= 0");
  const logLambda = Math.log(lambda);
  const logProb = (x: number): number => {
    checkX("poisson.logProb", x);
    if (!(Number.isInteger(x) && x >= 0)) return -Infinity;
    if (x === 0) return -lambda;
    return x * logLambda - lambda - factorialln(x);
  };
  return frozen({
    family: "poisson" as const,
    params: frozen({ lambda }),
    logProb,
    prob(x: number): number {
      checkX("poisson.prob", x);
      return Math.exp(logProb(x));
    },
    sample(n: number, rng: Rng): Float64Array {
      checkDraws("poisson.sample", n, rng);
      const out = new Float64Array(n);
      if (lambda < PTRS_FROM) {
        const p0 = Math.exp(-lambda);
        for (let i = 0; i < n; i++) {
          const u = rng.next();
          let k = 0;
          let pk = p0;
          let cdf = p0;
          while (u >= cdf && pk > 0) {
            k++;
            pk *= lambda / k;
            cdf += pk;
          }
          out[i] = k;
        }
      } else {
        // PTRS: transformed rejection with squeeze (Hörmann 1993, "The transformed rejection
        // method for generating Poisson random variables").
        const sq = Math.sqrt(lambda);
        const b = 0.931 + 2.53 * sq;
        const a = -0.059 + 0.02483 * b;
        const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
        const vr = 0.9277 - 3.6224 / (b - 2);
        for (let i = 0; i < n; i++) {
          for (;;) {
            const u = rng.next() - 0.5;
            const v = rng.next();
            const us = 0.5 - Math.abs(u);
            const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
              out[i] = k;
              break;
            }
            if (k < 0 || (us < 0.013 && v > us)) continue;
            const lhs = Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b);
            if (lhs <= -lambda + k * logLambda - factorialln(k)) {
              out[i] = k;
              break;
            }
          }
        }
      }
      return out;
    },
    mean: () => lambda,
    variance: () => lambda,
    entropy(opts?: EntropyOptions): number {
      const lnBase = entropyBase("poisson.entropy", opts);
      let h = 0;
      if (lambda > ENTROPY_SERIES_FROM) {
        const l2 = lambda * lambda;
        h = 0.5 * Math.log(2 * Math.PI * Math.E * lambda) - 1 / (12 * lambda) - 1 / (24 * l2) - 19 / (360 * l2 * lambda);
      } else if (lambda > 0) {
        const spread = 40 * Math.sqrt(lambda) + 40;
        const lo = Math.max(0, Math.floor(lambda - spread));
        const hi = Math.ceil(lambda + spread);
        for (let k = lo; k <= hi; k++) {
          const lp = k * logLambda - lambda - factorialln(k);
          h -= Math.exp(lp) * lp;
        }
      }
      return inBase(h, lnBase);
    },
  });
}
