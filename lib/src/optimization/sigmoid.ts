import { checkNumber } from "../validate/validate";

/**
 * The logistic sigmoid: the probability a logit stands for, σ(z) = 1 / (1 + e^(−z)).
 *
 * Computed without overflow for every z: for z ≥ 0 as 1/(1 + e^(−z)), for z < 0 as
 * e^z/(1 + e^z). The limits are IEEE values: σ(+Infinity) = 1, σ(−Infinity) = 0.
 *
 * @param z a logit (log-odds)
 * @returns σ(z) in [0, 1]
 * @throws {TypeError} when z is not a number
 * @throws {RangeError} when z is NaN
 * @example
 * sigmoid(0);      // => 0.5
 * sigmoid(-800);   // => 0 (e^-800 underflows; no NaN)
 * sigmoid(Infinity); // => 1
 */
export function sigmoid(z: number): number {
  checkNumber("sigmoid", "z", z);
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
