// Special functions the distributions need, written here so mlekit has no heavy dependency.
export { logFactorial } from "./log-factorial";
export { logGamma } from "./log-gamma";
export { logBeta } from "./log-beta";
