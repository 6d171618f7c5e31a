// mlekit: maximum likelihood, KL divergence and cross-entropy.
// This file only re-exports; each group lives in its own folder. Nothing here touches Node,
// the DOM or runs anything at import time, so the package bundles for a browser.

// information theory
export * from "./information";
// the WebAssembly SIMD kernels of the information functions: force the JS path, or ask whether they run
export * from "./simd";

// distributions
export * from "./distributions";

// estimators
export * from "./estimators";

// optimisation helpers (argmax/argmin, grid search)
export * from "./optimization";

// special functions
export * from "./special";
