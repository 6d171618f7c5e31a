import { logGamma } from "./log-gamma";
import { checkNumber, valueError } from "../validate/validate";

/** ln(k!) for k = 0 … TABLE_SIZE − 1, filled on first use (nothing runs at import time). */
const TABLE_SIZE = 171;
let table: Float64Array | undefined;

function fillTable(): Float64Array {
  const t = new Float64Array(TABLE_SIZE);
  // k! as a double: exact up to 22!, then each product rounds once, so the relative error of
  // the product stays below k·2⁻⁵³ and ln of it is off by at most that much in absolute terms,
  // far below one ulp of ln(k!) ≥ 51 for k ≥ 23.
  let product = 1;
  for (let k = 2; k < TABLE_SIZE; k++) {
    product *= k;
    t[k] = Math.log(product);
  }
  return t;
}

/**
 * The natural logarithm of k factorial, ln(k!) = ln Γ(k + 1), for a non-negative integer k.
 *
 * For k ≤ 170 it is the logarithm of k! computed as a double (exact up to 22!); above,
 * `logGamma(k + 1)` (its Stirling series). The worst error against mpmath's `loggamma(k + 1)` at
 * 50 digits is in the accuracy table of lib/README.md (tests/accuracy measures it).
 * A k so large that ln(k!) exceeds the largest double gives `Infinity`, the IEEE value.
 *
 * @param k a non-negative integer (a safe integer or larger; up to `Number.MAX_VALUE`)
 * @returns ln(k!)
 * @throws {TypeError} when k is not a number (a string, null, a boolean)
 * @throws {RangeError} when k is NaN, negative, not an integer or infinite
 * @example
 * logFactorial(0);    // => 0
 * logFactorial(5);    // => 4.787491742782046 (ln 120)
 * logFactorial(1000); // => 5912.128178488163
 */
export function logFactorial(k: number): number {
  checkNumber("logFactorial", "k", k);
  if (!(Number.isInteger(k) && k >= 0))
    throw valueError("logFactorial", "k", k, "must be an integer >= 0");
  if (k < TABLE_SIZE) return (table ??= fillTable())[k];
  return logGamma(k + 1);
}
