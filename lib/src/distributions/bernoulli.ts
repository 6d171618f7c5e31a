import { binaryEntropy } from "../information";
import type { Rng } from "./create-rng";
import type { Bernoulli, EntropyOptions } from "./distribution";
import { allocate, checkNumber } from "../validate/validate";
import { checkDraws, drawUniform, entropyBase, frozen, param, made, vouch } from "./internal";

/**
 * Creates the Bernoulli distribution on {0, 1} with P(X = 1) = p.
 *
 * pmf: P(x) = p^x (1 − p)^(1 − x) for x ∈ {0, 1}; mean p; variance p(1 − p);
 * entropy H = −p log p − (1 − p) log(1 − p), with 0 · log 0 = 0 (computed by `binaryEntropy`).
 * `p = 0` and `p = 1` are allowed (point masses), so a fit to all-zero data is a valid object.
 * `logProb(x)` is `-Infinity` for any x other than 0 or 1; `sample` returns 1 when a uniform draw is < p.
 *
 * @param p the success probability, in [0, 1]
 * @returns a {@link Bernoulli} object with `family: "bernoulli"` and `params: { p }`
 * @throws {TypeError} when `p` or `x` is not a number (a string, null, a boolean)
 * @throws {RangeError} when `p` is NaN or outside [0, 1]; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = bernoulli(0.25);
 * d.prob(1);                // => 0.25
 * d.logProb(0);             // => -0.2876820724517809
 * d.prob(0.5);              // => 0
 * d.variance();             // => 0.1875
 * bernoulli(0.5).entropy({ base: 2 }); // => 1
 * bernoulli(1.2);           // throws RangeError: bernoulli: p = 1.2 must be in [0, 1]
 */
export function bernoulli(p: number): Bernoulli {
  param("bernoulli", "p", p, (v) => v >= 0 && v <= 1, "in [0, 1]");
  const logP = Math.log(p);
  const log1mP = Math.log1p(-p);
  const logProb = (x: number): number => {
    if (x === 1) return logP;
    if (x === 0) return log1mP;
    checkNumber("bernoulli.logProb", "x", x);
    return -Infinity;
  };
  // p·(1 − p) with the rounding error of 1 − p (exact: Sterbenz) added back: one rounding
  const q = 1 - p;
  const variance = p * q + p * (1 - q - p);
  const d: Bernoulli = made(
    {
      family: "bernoulli" as const,
      params: frozen({ p }),
      logProb,
      prob(x: number): number {
        if (x === 1) return p;
        if (x === 0) return 1 - p;
        checkNumber("bernoulli.prob", "x", x);
        return 0;
      },
      sample(n: number, rng: Rng): Float64Array {
        checkDraws("bernoulli.sample", n, rng);
        const out = allocate("bernoulli.sample", "n", n);
        for (let i = 0; i < n; i++) out[i] = drawUniform("bernoulli.sample", rng) < p ? 1 : 0;
        return out;
      },
      mean: () => p,
      // p·(1 − p) with the rounding error of 1 − p (exact: Sterbenz) added back: one rounding
      variance: () => variance,
      entropy(opts?: EntropyOptions): number {
        const lnBase = entropyBase("bernoulli.entropy", opts); // validates under this method's name
        const h = binaryEntropy(p);
        return lnBase === 1 ? h : h / lnBase;
      },
    },
    () => vouch(d),
  );
  return d;
}
