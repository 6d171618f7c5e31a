import type { Rng } from "./create-rng";

/** A sample of observations: a plain array or a `Float64Array`. */
export type Sample = readonly number[] | Float64Array;

/** Options for a family's `entropy`: `base` of the logarithm, `Math.E` (nats) by default, `2` for bits. */
export interface EntropyOptions {
  base?: number;
}

/**
 * What every parametric family in the library offers. `F` is the family's name and `P` the
 * shape of its parameters; the objects are immutable (`params` is frozen).
 */
export interface DistributionBase<F extends string, P> {
  /** The family's name, e.g. `"gaussian"`. */
  readonly family: F;
  /** The parameters, named as in the constructor. */
  readonly params: Readonly<P>;
  /** log pmf (discrete families) or log pdf (continuous ones) at `x`; `-Infinity` outside the support. */
  logProb(x: number): number;
  /** pmf or pdf at `x`; `0` outside the support. */
  prob(x: number): number;
  /** `n` independent draws from `rng`. */
  sample(n: number, rng: Rng): Float64Array;
  /** E[X]. */
  mean(): number;
  /** Var[X]. */
  variance(): number;
  /** Shannon entropy (discrete families) or differential entropy (continuous ones); nats unless `base` is given. */
  entropy(opts?: EntropyOptions): number;
}

/** Bernoulli(p) on {0, 1}: P(X = 1) = p. */
export type Bernoulli = DistributionBase<"bernoulli", { p: number }>;
/** Categorical(probs) on {0, …, k − 1}: P(X = j) = probs[j]. */
export type Categorical = DistributionBase<"categorical", { probs: readonly number[] }>;
/** Gaussian N(mu, sigma²) on ℝ (sigma is the standard deviation). */
export type Gaussian = DistributionBase<"gaussian", { mu: number; sigma: number }>;
/** Poisson(lambda) on {0, 1, 2, …}. */
export type Poisson = DistributionBase<"poisson", { lambda: number }>;
/** Exponential(rate) on [0, ∞), mean 1 / rate. */
export type Exponential = DistributionBase<"exponential", { rate: number }>;

/** Any distribution built by the library's family constructors; switch on `family` to narrow it. */
export type Distribution = Bernoulli | Categorical | Gaussian | Poisson | Exponential;

/** The names of the families: `"bernoulli" | "categorical" | "gaussian" | "poisson" | "exponential"`. */
export type FamilyName = Distribution["family"];

/**
 * The library's distributions of the same family as `D` (`SameFamily<Gaussian>` is `Gaussian`).
 * Used for a second argument that must match the first, as in `klBetween(a, b)`; it is not an
 * inference site, so `D` is fixed by the first argument alone.
 */
export type SameFamily<D extends Distribution> = D extends { family: infer F }
  ? Extract<Distribution, { family: F }>
  : never;

/**
 * What `logLikelihood` and its relatives need from a model: a log density (or log mass). Any
 * user-defined object with such a `logProb` works, not only the library's families.
 */
export interface LogProbModel {
  logProb(x: number): number;
}
