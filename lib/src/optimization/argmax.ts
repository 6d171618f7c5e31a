import { checkVector, throwFirstInvalid, type Vector } from "../validate/validate";

/** The values {@link argmax} and {@link argmin} accept: a `number[]` or a `Float64Array` (as every vector in mlekit). */
export type NumericArray = readonly number[] | Float64Array;

function best(fn: string, values: NumericArray, better: (a: number, b: number) => boolean): number {
  const n = checkVector(fn, "values", values);
  let at = -1;
  let top = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || v !== v)
      throwFirstInvalid(fn, ["values"], [values as Vector], ["number"]);
    if (at < 0 || better(v, top)) {
      at = i;
      top = v;
    }
  }
  return at;
}

/**
 * The index of the largest value; the first one when several tie.
 *
 * argmax(v) = min { i : v[i] = max_j v[j] }
 *
 * @param values a `number[]` or `Float64Array` (±Infinity allowed)
 * @returns the index of the first maximum
 * @throws {TypeError} when `values` is not a `number[]` or `Float64Array` (an array-like such as
 *   `{ length: 2, 0: 1, 1: 2 }` or a `Float32Array` is refused, as everywhere in mlekit), or an
 *   entry is not a number
 * @throws {RangeError} when `values` is empty or an entry is NaN
 * @example
 * argmax([0.1, 0.7, 0.2]);   // => 1
 * argmax([3, 5, 5]);         // => 1 (first of the ties)
 * argmax([-Infinity, -1]);   // => 1
 */
export function argmax(values: NumericArray): number {
  return best("argmax", values, (a, b) => a > b);
}

/**
 * The index of the smallest value; the first one when several tie.
 *
 * argmin(v) = min { i : v[i] = min_j v[j] }
 *
 * @param values a `number[]` or `Float64Array` (±Infinity allowed)
 * @returns the index of the first minimum
 * @throws {TypeError} when `values` is not a `number[]` or `Float64Array`, or an entry is not a number
 * @throws {RangeError} when `values` is empty or an entry is NaN
 * @example
 * argmin([0.1, 0.7, 0.2]); // => 0
 * argmin([2, 1, 1]);       // => 1 (first of the ties)
 */
export function argmin(values: NumericArray): number {
  return best("argmin", values, (a, b) => a < b);
}
