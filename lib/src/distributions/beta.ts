import { logGamma as gammaln } from "../special/log-gamma";
import type { Rng } from "./create-rng";
import type { DistributionBase, EntropyOptions } from "./distribution";
import { checkDraws, checkX, entropyBase, frozen, inBase, param } from "./internal";

/**
 * Beta(alpha, beta) on [0, 1], the conjugate prior of a Bernoulli success probability.
 * Besides the common methods it has `mode()`, the argmax of its density (the MAP estimate when it is a posterior).
 */
export type Beta = DistributionBase<"beta", { alpha: number; beta: number }> & {
  /** The argmax of the density on [0, 1]; NaN when there is no single one (see {@link beta}). */
  mode(): number;
};

/** log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b). */
function logBetaFunction(a: number, b: number): number {
  return gammaln(a) + gammaln(b) - gammaln(a + b);
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to
 * x ≥ 10, then the asymptotic series log x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ) to k = 6 (truncation error < 1e-15).
 */
function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const r = 1 / (x * x);
  const series = r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132 - r * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}

/**
 * log of a Gamma(shape, 1) draw, by Marsaglia and Tsang (2000) for shape ≥ 1; for shape < 1 the
 * boost G(shape) = G(shape + 1) · U^(1/shape), kept in log space so that tiny shapes do not underflow.
 */
function logGammaDraw(shape: number, rng: Rng): number {
  if (shape < 1) return logGammaDraw(shape + 1, rng) + Math.log(1 - rng.next()) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - rng.next(); // in (0, 1]
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return Math.log(d) + Math.log(v);
  }
}

/** A shape parameter: a number (TypeError otherwise), finite and > 0 (RangeError otherwise). */
function checkShape(name: string, v: unknown): number {
  return param("beta", name, v, (x) => x > 0 && x < Infinity, "finite and positive");
}

/**
 * Creates the Beta distribution on [0, 1] with shape parameters alpha and beta.
 *
 * pdf: p(x) = x^(alpha − 1) (1 − x)^(beta − 1) / B(alpha, beta), computed in log space:
 * log p(x) = (alpha − 1) log x + (beta − 1) log1p(−x) − log B(alpha, beta), with
 * log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b) (`logGamma`).
 * mean alpha / (alpha + beta); variance alpha·beta / ((alpha + beta)² (alpha + beta + 1));
 * differential entropy h = log B − (alpha − 1) ψ(alpha) − (beta − 1) ψ(beta) + (alpha + beta − 2) ψ(alpha + beta).
 * mode (alpha − 1) / (alpha + beta − 2) when alpha ≥ 1, beta ≥ 1 and alpha + beta > 2; 0 when alpha < 1 ≤ beta
 * and 1 when beta < 1 ≤ alpha (the density is largest, possibly unbounded, at that end); NaN for
 * Beta(1, 1) (flat: every point is a mode) and when both are < 1 (two modes, 0 and 1).
 * At the ends, p(0) is +∞ for alpha < 1, beta for alpha = 1 and 0 for alpha > 1 (likewise p(1) with beta);
 * outside [0, 1] logProb is −∞. `sample` draws X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta)
 * (Marsaglia–Tsang), combined in log space.
 *
 * @param alpha the first shape parameter (pseudo-count of ones plus 1), finite and > 0
 * @param beta the second shape parameter (pseudo-count of zeros plus 1), finite and > 0
 * @returns a {@link Beta} object with `family: "beta"`, `params: { alpha, beta }` and `mode()`
 * @throws {TypeError} when a shape is not a number (strings and null are not coerced)
 * @throws {RangeError} when a shape is NaN, not positive or not finite; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = beta(2, 2);
 * d.prob(0.5);             // => 1.5
 * d.logProb(0.25);         // => 0.11778303565638337
 * d.mode();                // => 0.5
 * beta(5, 2).mode();       // => 0.8
 * beta(2, 3).variance();   // => 0.04
 * beta(1, 1).entropy();    // => 0
 * beta(0.5, 0.5).mode();   // => NaN
 * beta(-1, 2);             // throws RangeError: beta: alpha = -1 must be finite and positive
 */
export function beta(alpha: number, beta: number): Beta {
  checkShape("alpha", alpha);
  checkShape("beta", beta);
  const a = alpha;
  const b = beta;
  const logNorm = logBetaFunction(a, b);
  const logProb = (x: number): number => {
    checkX("beta.logProb", x);
    if (x < 0 || x > 1) return -Infinity;
    // (shape − 1) · log 0 is taken as 0 when shape = 1, so the ends of Beta(1, ·) are finite.
    const left = a === 1 ? 0 : (a - 1) * Math.log(x);
    const right = b === 1 ? 0 : (b - 1) * Math.log1p(-x);
    return left + right - logNorm;
  };
  return frozen({
    family: "beta" as const,
    params: frozen({ alpha: a, beta: b }),
    logProb,
    prob(x: number): number {
      checkX("beta.prob", x);
      return Math.exp(logProb(x));
    },
    sample(n: number, rng: Rng): Float64Array {
      checkDraws("beta.sample", n, rng);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const lx = logGammaDraw(a, rng);
        const ly = logGammaDraw(b, rng);
        out[i] = 1 / (1 + Math.exp(ly - lx));
      }
      return out;
    },
    mean: () => a / (a + b),
    variance: () => (a * b) / ((a + b) * (a + b) * (a + b + 1)),
    mode(): number {
      if (a >= 1 && b >= 1) return a + b > 2 ? (a - 1) / (a + b - 2) : NaN;
      if (a < 1 && b >= 1) return 0;
      if (b < 1 && a >= 1) return 1;
      return NaN;
    },
    entropy: (opts?: EntropyOptions): number =>
      inBase(
        logNorm - (a - 1) * digamma(a) - (b - 1) * digamma(b) + (a + b - 2) * digamma(a + b),
        entropyBase("beta.entropy", opts),
      ),
  });
}
