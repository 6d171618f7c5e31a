/** The values {@link argmax} and {@link argmin} accept: a plain array or a typed array of numbers. */
export type NumericArray = ArrayLike<number>;

function best(fn: string, values: NumericArray, better: (a: number, b: number) => boolean): number {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(`${fn}: values = ${String(values)} is not an array of numbers`);
  }
  if (values.length === 0) throw new RangeError(`${fn}: values is empty`);
  let at = -1;
  let top = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || Number.isNaN(v)) {
      throw new TypeError(`${fn}: values[${i}] = ${String(v)} is not a number`);
    }
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
 * @param values numbers (±Infinity allowed)
 * @returns the index of the first maximum
 * @throws {TypeError} when an entry is not a number, or is NaN
 * @throws {RangeError} when `values` is empty
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
 * @param values numbers (±Infinity allowed)
 * @returns the index of the first minimum
 * @throws {TypeError} when an entry is not a number, or is NaN
 * @throws {RangeError} when `values` is empty
 * @example
 * argmin([0.1, 0.7, 0.2]); // => 0
 * argmin([2, 1, 1]);       // => 1 (first of the ties)
 */
export function argmin(values: NumericArray): number {
  return best("argmin", values, (a, b) => a < b);
}
