import { checkFamily } from "./kl-between";
import type {
  Bernoulli,
  Categorical,
  Distribution,
  Exponential,
  Gaussian,
  Poisson,
} from "./distribution";
import { correctedQuotient, overSquare, twoSum } from "./internal";
import { productError } from "../information/numerics";

/** 1/x as a double-double [h, lo]: h = fl(1/x), lo ≈ 1/x − h from the exact residual 1 − h·x. */
function reciprocal(x: number): [number, number] {
  const h = 1 / x;
  const hx = h * x;
  return [h, (1 - hx - productError(h, x, hx)) / x];
}

/**
 * The Fisher information of one observation, I(θ) = E[(∂/∂θ log p(X; θ))²] = −E[∂²/∂θ² log p(X; θ)],
 * in closed form, for the parameters named in `dist.params`.
 *
 * - Bernoulli, θ = p: I = 1 / (p(1 − p)) (`Infinity` at p = 0 or 1), with one rounding (the
 *   accuracy table gives the measured ulps for every family).
 * - Poisson, θ = lambda: I = 1 / lambda (`Infinity` at lambda = 0).
 * - Exponential, θ = rate: I = 1 / rate² (within one rounding at every rate, as for σ below).
 * - Gaussian, θ = (mu, sigma), sigma the standard deviation: the 2×2 matrix [[1/σ², 0], [0, 2/σ²]],
 *   with no false 0 where σ² overflows and no subnormal intermediate where σ² underflows.
 * - Categorical, θ = (probs[0], …, probs[k−2]) (the last one is 1 minus the others): the (k−1)×(k−1)
 *   matrix diag(1/p_j) + (1/p_{k−1}) 𝟙𝟙ᵀ (`Infinity` entries where a probability is 0).
 *
 * For m i.i.d. observations the information is m · I(θ), and the Cramér–Rao bound says any
 * unbiased estimator of θ has variance ≥ 1 / (m · I(θ)) (the inverse matrix for vector θ).
 *
 * @param dist a distribution from one of the family constructors
 * @returns a number for the one-parameter families, a matrix (array of rows) for Gaussian and Categorical
 * @throws {TypeError} when `dist` is not a distribution of one of the library's families
 * @throws {RangeError} for a categorical with a single category (no free parameter)
 * @example
 * fisherInformation(bernoulli(0.25));   // => 5.333333333333333
 * fisherInformation(poisson(4));        // => 0.25
 * fisherInformation(exponential(2));    // => 0.25
 * fisherInformation(gaussian(0, 2));    // => [[0.25, 0], [0, 0.5]]
 * fisherInformation(exponential(1e160)); // => 1e-320 (rate² overflows)
 * fisherInformation(categorical([0.5, 0.25, 0.25])); // => [[6, 4], [4, 8]]
 * 1 / (100 * fisherInformation(bernoulli(0.25))); // => 0.0018750000000000004 (Cramér–Rao bound on Var p̂ at m = 100)
 */
export function fisherInformation(dist: Bernoulli | Poisson | Exponential): number;
export function fisherInformation(dist: Gaussian | Categorical): number[][];
export function fisherInformation(dist: Distribution): number | number[][];
export function fisherInformation(dist: Distribution): number | number[][] {
  checkFamily("fisherInformation", "dist", dist);
  switch (dist.family) {
    case "bernoulli": {
      // 1/(p(1 − p)) with one rounding: 1 − p and p·(1 − p) carried as double-doubles (their
      // roundings, two or three with the quotient, put 3–5% of p in every binade over 1 ulp)
      const p = dist.params.p;
      const [a, ae] = twoSum(1, -p);
      const pa = p * a;
      return correctedQuotient(1, pa, productError(p, a, pa) + p * ae);
    }
    case "poisson":
      return 1 / dist.params.lambda;
    case "exponential": {
      return overSquare(1, dist.params.rate);
    }
    case "gaussian": {
      const sigma = dist.params.sigma;
      return [
        [overSquare(1, sigma), 0],
        [0, overSquare(2, sigma)],
      ];
    }
    case "categorical": {
      const p = dist.params.probs;
      const k = p.length;
      if (k < 2) {
        throw new RangeError(
          "fisherInformation: categorical with 1 category has no free parameter",
        );
      }
      const [last, lastLo] = reciprocal(p[k - 1]);
      const out: number[][] = [];
      for (let i = 0; i < k - 1; i++) {
        const row = new Array<number>(k - 1).fill(last);
        // 1/p_i + 1/p_last from both reciprocals as double-doubles: one rounding, not three
        const [r, rLo] = reciprocal(p[i]);
        const [s, sLo] = twoSum(r, last);
        const v = s + (sLo + rLo + lastLo);
        row[i] = v < Infinity ? v : r + last;
        out.push(row);
      }
      return out;
    }
  }
}
