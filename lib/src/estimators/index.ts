// Re-exports of the estimators group.

// likelihood
export { likelihood } from "./likelihood";
export type { ProbModel } from "./likelihood";
export { logLikelihood } from "./log-likelihood";
export { averageLogLikelihood } from "./average-log-likelihood";
export { negativeLogLikelihood } from "./negative-log-likelihood";

// closed-form maximum likelihood
export { fitBernoulli } from "./fit-bernoulli";
export { fitCategorical } from "./fit-categorical";
export { fitGaussian } from "./fit-gaussian";
export type { FitGaussianOptions } from "./fit-gaussian";
export { fitPoisson } from "./fit-poisson";
export { fitExponential } from "./fit-exponential";

// numeric maximum likelihood
export { maximizeLikelihood } from "./maximize-likelihood";
export type { MaximizeOptions, MaximizeResult } from "./maximize-likelihood";

// conditional maximum likelihood
export type { DesignRows } from "./design-matrix";
export { fitLinearRegression } from "./fit-linear-regression";
export type { LinearRegressionFit, LinearRegressionOptions } from "./fit-linear-regression";
export { fitLogisticRegression } from "./fit-logistic-regression";
export type { LogisticRegressionFit, LogisticRegressionOptions } from "./fit-logistic-regression";

export {
  fitBernoulliMap,
  fitRidgeRegression,
  type BernoulliMapFit,
  type BernoulliMapOptions,
  type RidgeRegressionFit,
  type RidgeRegressionOptions,
} from "./fit-map";

// estimator properties
export { simulateEstimator } from "./simulate-estimator";
export type { SimulateOptions, SimulationResult } from "./simulate-estimator";
