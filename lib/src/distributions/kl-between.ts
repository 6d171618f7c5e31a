import { klDivergence } from "../information";
import type { Distribution, EntropyOptions } from "./distribution";
import { natsToBase } from "./internal";

/**
 * The Kullback–Leibler divergence KL(a ‖ b) = E_a[log a(X) − log b(X)] between two
 * distributions of the same family, in closed form.
 *
 * - Bernoulli(p ‖ q): p log(p/q) + (1 − p) log((1 − p)/(1 − q)), through `klDivergence`.
 * - Categorical(p ‖ q): Σ p_j log(p_j / q_j), through `klDivergence` (same number of categories).
 * - Gaussian(μ₁, σ₁ ‖ μ₂, σ₂): log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½.
 * - Poisson(λ₁ ‖ λ₂): λ₁ log(λ₁/λ₂) + λ₂ − λ₁.
 * - Exponential(r₁ ‖ r₂) (rates): log(r₁/r₂) + r₂/r₁ − 1.
 *
 * Edge values follow the information-theory API: 0 · log 0 = 0, and mass of `a` where `b` has
 * none gives `Infinity` (e.g. Bernoulli(0.5 ‖ 0), Poisson(1 ‖ 0)).
 *
 * @param a the distribution the expectation is taken under
 * @param b the reference distribution, of the same family as `a`
 * @param opts `base` of the logarithm, `Math.E` (nats) by default
 * @returns KL(a ‖ b) ≥ 0, in nats unless `base` is given
 * @throws {TypeError} when `a` and `b` are of different families (the message names both)
 * @throws {RangeError} when two categoricals have different numbers of categories, or `base` is invalid
 * @example
 * klBetween(bernoulli(0.5), bernoulli(0.25));            // => 0.14384103622589045
 * klBetween(gaussian(0, 1), gaussian(1, 2));             // => 0.4431471805599453
 * klBetween(poisson(2), poisson(3));                     // => 0.18906978378367123
 * klBetween(exponential(1), exponential(2));             // => 0.3068528194400547
 * klBetween(bernoulli(0.5), bernoulli(0.25), { base: 2 }); // => 0.20751874963942185
 * klBetween(gaussian(0, 1), exponential(1));             // throws TypeError: klBetween: no closed form for gaussian ‖ exponential (use klMonteCarlo)
 */
export function klBetween(a: Distribution, b: Distribution, { base = Math.E }: EntropyOptions = {}): number {
  natsToBase("klBetween", 0, base); // validates base up front
  if (a.family !== b.family) {
    throw new TypeError(`klBetween: no closed form for ${a.family} ‖ ${b.family} (use klMonteCarlo)`);
  }
  switch (a.family) {
    case "bernoulli": {
      const p = a.params.p;
      const q = (b as typeof a).params.p;
      return klDivergence([1 - p, p], [1 - q, q], { base });
    }
    case "categorical": {
      const p = a.params.probs;
      const q = (b as typeof a).params.probs;
      if (p.length !== q.length) {
        throw new RangeError(
          `klBetween: categorical with ${p.length} categories vs categorical with ${q.length} categories`,
        );
      }
      return klDivergence(p, q, { base });
    }
    case "gaussian": {
      const { mu: m1, sigma: s1 } = a.params;
      const { mu: m2, sigma: s2 } = (b as typeof a).params;
      const d = m1 - m2;
      const r = s1 / s2;
      const kl = -Math.log(r) + 0.5 * (r * r + (d * d) / (s2 * s2)) - 0.5;
      return natsToBase("klBetween", Math.max(0, kl), base);
    }
    case "poisson": {
      const l1 = a.params.lambda;
      const l2 = (b as typeof a).params.lambda;
      let kl: number;
      if (l1 === 0) kl = l2;
      else if (l2 === 0) kl = Infinity;
      else kl = l1 * Math.log(l1 / l2) + l2 - l1;
      return natsToBase("klBetween", Math.max(0, kl), base);
    }
    case "exponential": {
      const r = a.params.rate / (b as typeof a).params.rate;
      const kl = Math.log(r) + 1 / r - 1;
      return natsToBase("klBetween", Math.max(0, kl), base);
    }
  }
}
