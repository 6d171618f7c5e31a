// Optimisation helpers: argmax/argmin of arrays, grid search, linspace, and the sigmoid link.
export { argmax, argmin, type NumericArray } from "./argmax";
export { gridMaximize, gridMinimize, linspace, type GridSearchResult } from "./grid-search";
export { sigmoid } from "./sigmoid";
