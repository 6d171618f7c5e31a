// Re-exports of the distributions group.

// randomness
export { createRng } from "./create-rng";
export type { Rng } from "./create-rng";

// types shared by the families
export type {
  Bernoulli,
  Categorical,
  Distribution,
  DistributionBase,
  EntropyOptions,
  Exponential,
  FamilyName,
  Gaussian,
  LogProbModel,
  Poisson,
  Sample,
  SameFamily,
} from "./distribution";

// families
export { bernoulli } from "./bernoulli";
export { categorical } from "./categorical";
export { gaussian } from "./gaussian";
export { poisson } from "./poisson";
export { exponential } from "./exponential";
export { beta, type Beta } from "./beta";

// empirical distribution
export { empiricalDistribution } from "./empirical-distribution";
export type { EmpiricalDistribution } from "./empirical-distribution";

// divergences and information between families
export { klBetween } from "./kl-between";
export { klMonteCarlo } from "./kl-monte-carlo";
export type { MonteCarloEstimate, SamplingModel } from "./kl-monte-carlo";
export { fisherInformation } from "./fisher-information";
