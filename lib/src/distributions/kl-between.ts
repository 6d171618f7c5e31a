import { klDivergenceAs } from "../information/kl-divergence";
import { relEntrTerm } from "../information/numerics";
import { showValue, typeError } from "../validate/validate";
import type {
  Bernoulli,
  Categorical,
  Distribution,
  EntropyOptions,
  Exponential,
  Gaussian,
  Poisson,
} from "./distribution";
import { entropyBase, inBase, isMade } from "./internal";

const FN = "klBetween";
const FAMILIES = ["bernoulli", "categorical", "gaussian", "poisson", "exponential"];

/**
 * Checks that `d` looks like a distribution from one of the library's family constructors and
 * returns its family name.
 * @throws {TypeError} for anything else, naming the function and the argument
 */
export function checkFamily(fn: string, name: string, d: unknown): string {
  const family =
    d !== null && typeof d === "object" ? (d as { family?: unknown }).family : undefined;
  if (typeof family !== "string" || (d as { params?: unknown }).params === undefined) {
    throw typeError(
      fn,
      name,
      d,
      "is not a distribution from a family constructor (gaussian, poisson, …)",
    );
  }
  if (!FAMILIES.includes(family)) {
    throw new TypeError(
      `${fn}: ${name}.family = ${showValue(family)} is not a family this library knows (${FAMILIES.join(", ")})`,
    );
  }
  // The closed forms trust the parameters, so only the constructors' own objects qualify: a copied
  // `family` tag with parameters nobody validated (a Bernoulli with p = 2) would give garbage.
  if (!isMade(d)) {
    throw typeError(
      fn,
      name,
      d,
      `has family "${family}" but was not made by ${family}(…) (a copy or a look-alike; build it with the constructor)`,
    );
  }
  return family;
}

/**
 * The Kullback–Leibler divergence KL(a ‖ b) = E_a[log a(X) − log b(X)] between two
 * distributions of the same family, in closed form.
 *
 * - Bernoulli(p ‖ q): p log(p/q) + (1 − p) log((1 − p)/(1 − q)).
 * - Categorical(p ‖ q): Σ p_j log(p_j / q_j), through `klDivergence` (same number of categories).
 * - Gaussian(μ₁, σ₁ ‖ μ₂, σ₂): log(σ₂/σ₁) + (σ₁² + (μ₁ − μ₂)²) / (2σ₂²) − ½.
 * - Poisson(λ₁ ‖ λ₂): λ₁ log(λ₁/λ₂) + λ₂ − λ₁.
 * - Exponential(r₁ ‖ r₂) (rates): log(r₁/r₂) + r₂/r₁ − 1.
 *
 * Numerics: every form is written as a sum of terms x log(x/y) − x + y ≥ 0 (scipy's `kl_div`),
 * each computed without cancellation near equality (a series in (x − y)/y) and in log space
 * far from it, and the Gaussian works with σ₁/σ₂ and (μ₁ − μ₂)/σ₂, never σ². So nearly equal
 * parameters keep full relative precision (σ ratio 1 + 1e-6, Δμ = 1e-7, Bernoulli(1e-20 ‖ 1e-10)),
 * and extreme ones neither overflow nor underflow to a wrong 0 (Poisson(1e-300 ‖ 1e300) = 1e300).
 * A true value beyond the double range is `Infinity`.
 *
 * Edge values follow the information-theory API: 0 · log 0 = 0, and mass of `a` where `b` has
 * none gives `Infinity` (e.g. Bernoulli(0.5 ‖ 0), Poisson(1 ‖ 0)).
 *
 * @param a the distribution the expectation is taken under
 * @param b the reference distribution, of the same family as `a`: one overload per family, so a
 *   pair whose first argument is only known as `Distribution` does not type-check (narrow it first)
 * @param opts `base` of the logarithm, `Math.E` (nats) by default
 * @returns KL(a ‖ b) ≥ 0, in nats unless `base` is given
 * @throws {TypeError} when `a` or `b` is not a distribution made by one of the family constructors
 *   (a copy or a look-alike with a `family` tag is refused), they are of different families (the
 *   message names both), or `opts` is not an options object or has an unknown key
 * @throws {RangeError} when two categoricals have different numbers of categories, or `base` is invalid
 * @example
 * klBetween(bernoulli(0.5), bernoulli(0.25));            // => 0.14384103622589045
 * klBetween(gaussian(0, 1), gaussian(1, 2));             // => 0.4431471805599453
 * klBetween(poisson(2), poisson(3));                     // => 0.18906978378367129
 * klBetween(exponential(1), exponential(2));             // => 0.3068528194400547
 * klBetween(poisson(1e-300), poisson(1e300));            // => 1e300 (the textbook form gave 0)
 * klBetween(gaussian(0, 1), gaussian(0, 1 + 1e-6));     // => 9.999983331710509e-13 (50-digit mpmath: 9.999983331710505e-13; textbook form: 2e-5 off)
 * klBetween(bernoulli(0.5), bernoulli(0.25), { base: 2 }); // => 0.2075187496394219
 * klBetween(gaussian(0, 1), exponential(1) as any);      // throws TypeError: klBetween: no closed form for gaussian ‖ exponential (use klMonteCarlo)
 */
export function klBetween(a: Bernoulli, b: Bernoulli, opts?: EntropyOptions): number;
export function klBetween(a: Categorical, b: Categorical, opts?: EntropyOptions): number;
export function klBetween(a: Gaussian, b: Gaussian, opts?: EntropyOptions): number;
export function klBetween(a: Poisson, b: Poisson, opts?: EntropyOptions): number;
export function klBetween(a: Exponential, b: Exponential, opts?: EntropyOptions): number;
export function klBetween(a: Distribution, b: Distribution, opts?: EntropyOptions): number {
  const lnBase = entropyBase(FN, opts);
  const fa = checkFamily(FN, "a", a);
  const fb = checkFamily(FN, "b", b);
  if (fa !== fb) throw new TypeError(`${FN}: no closed form for ${fa} ‖ ${fb} (use klMonteCarlo)`);
  const x = a as Distribution;
  const y = b as Distribution;
  let kl: number;
  switch (x.family) {
    case "bernoulli": {
      const p = x.params.p;
      const q = (y as typeof x).params.p;
      // KL = kl_div(p, q) + kl_div(1 − p, 1 − q): the linear parts cancel exactly. The second
      // term gets (1 − p) − (1 − q) as q − p, exact where it matters (p ≈ q).
      kl = relEntrTerm(p, q) + relEntrTerm(1 - p, 1 - q, q - p);
      break;
    }
    case "categorical": {
      const p = x.params.probs;
      const q = (y as typeof x).params.probs;
      if (p.length !== q.length) {
        throw new RangeError(
          `${FN}: categorical with ${p.length} categories vs categorical with ${q.length} categories`,
        );
      }
      kl = klDivergenceAs(FN, p, q);
      break;
    }
    case "gaussian": {
      const { mu: m1, sigma: s1 } = x.params;
      const { mu: m2, sigma: s2 } = (y as typeof x).params;
      // ½[r² − 1 − log r²] with r = σ₁/σ₂ is ½·kl_div(σ₂², σ₁²)/σ₂²; scale both σ by the same
      // power of two (exact) so that σ₂ ∈ [1, 2) and the squares cannot overflow, and pass
      // σ₂² − σ₁² as (σ₂ − σ₁)(σ₂ + σ₁), exact to rounding when σ₁ ≈ σ₂.
      const k = 2 ** -Math.max(-1023, Math.min(1023, Math.floor(Math.log2(s2))));
      const a1 = s1 * k;
      const a2 = s2 * k;
      let spread = 0.5 * (relEntrTerm(a2 * a2, a1 * a1, (a2 - a1) * (a2 + a1)) / (a2 * a2));
      if (!(spread < Infinity)) {
        const lr = Math.log(s1) - Math.log(s2); // σ₁ ≫ σ₂: ½e^{2 log r} − log r − ½
        spread = 0.5 * Math.exp(2 * lr) - lr - 0.5;
      }
      let z = (m1 - m2) / s2;
      if (!(z - z === 0)) z = m1 / s2 - m2 / s2; // m1 − m2 overflowed
      kl = spread + 0.5 * z * z;
      break;
    }
    case "poisson":
      kl = relEntrTerm(x.params.lambda, (y as typeof x).params.lambda);
      break;
    case "exponential": {
      // ρ − 1 − log ρ with ρ = r₂/r₁. Near equality it is kl_div(1, ρ) with 1 − ρ = (r₁ − r₂)/r₁
      // passed exactly; elsewhere ρ − 1 − log ρ, with log ρ = log r₂ − log r₁ when ρ under- or
      // overflows.
      const r1 = x.params.rate;
      const r2 = (y as typeof x).params.rate;
      const d = (r1 - r2) / r1;
      const rho = r2 / r1;
      const logRho =
        rho >= 2.2250738585072014e-308 && rho < Infinity
          ? Math.log(rho)
          : Math.log(r2) - Math.log(r1);
      kl = Math.abs(d) < 0.5 ? relEntrTerm(1, 1 - d, d) : rho - 1 - logRho;
      break;
    }
  }
  // rounding below 0 is clamped (KL >= 0), and so is −0 (Poisson(0) against Poisson(−0): 0·… − 0
  // sums to −0); a NaN stays NaN
  return inBase(kl <= 0 ? 0 : kl, lnBase);
}
