// mlekit: maximum likelihood, KL divergence and cross-entropy.
// This file only re-exports; each group lives in its own folder.

// information theory
export * from "./information";

// distributions
export * from "./distributions";

// estimators
export * from "./estimators";

// notebook display
export * from "./display";

// exercises
export * from "./exercises";
