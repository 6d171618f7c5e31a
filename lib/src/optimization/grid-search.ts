import { argmax, argmin, type NumericArray } from "./argmax";

/** What {@link gridMaximize} and {@link gridMinimize} return. */
export interface GridSearchResult {
  /** The grid point with the best value. */
  readonly x: number;
  /** f at that point. */
  readonly value: number;
  /** Its index in the grid. */
  readonly index: number;
  /** f at every grid point, in grid order. */
  readonly values: Float64Array;
}

function evaluate(fn: string, f: (x: number) => number, grid: NumericArray): Float64Array {
  if (typeof f !== "function") throw new TypeError(`${fn}: f = ${String(f)} is not a function`);
  if (grid === null || typeof grid !== "object" || typeof grid.length !== "number") {
    throw new TypeError(`${fn}: grid = ${String(grid)} is not an array of numbers`);
  }
  if (grid.length === 0) throw new RangeError(`${fn}: grid is empty`);
  const out = new Float64Array(grid.length);
  for (let i = 0; i < grid.length; i++) {
    const x = grid[i];
    if (typeof x !== "number" || !Number.isFinite(x)) throw new TypeError(`${fn}: grid[${i}] = ${String(x)} is not a finite number`);
    const y = f(x);
    if (typeof y !== "number" || Number.isNaN(y)) throw new TypeError(`${fn}: f(grid[${i}] = ${x}) = ${String(y)} is not a number`);
    out[i] = y;
  }
  return out;
}

/**
 * Evaluates f on every grid point and returns the point where it is largest (the first, on ties).
 *
 * x* = grid[argmax_i f(grid[i])]
 *
 * The answer is only as fine as the grid: use it to see a curve's peak, and a numeric
 * optimiser (`maximizeLikelihood`) or a closed form for the exact maximiser.
 *
 * @param f the function to maximise; may return -Infinity, never NaN
 * @param grid the points to try
 * @returns `{ x, value, index, values }`
 * @throws {TypeError} when f is not a function, a grid point is not finite, or f returns NaN
 * @throws {RangeError} when the grid is empty
 * @example
 * gridMaximize((t) => -(t - 0.3) ** 2, [0, 0.1, 0.2, 0.3, 0.4]).x; // => 0.3
 */
export function gridMaximize(f: (x: number) => number, grid: NumericArray): GridSearchResult {
  const values = evaluate("gridMaximize", f, grid);
  const index = argmax(values);
  return { x: grid[index], value: values[index], index, values };
}

/**
 * Evaluates f on every grid point and returns the point where it is smallest (the first, on ties).
 *
 * x* = grid[argmin_i f(grid[i])]
 *
 * @param f the function to minimise; may return +Infinity, never NaN
 * @param grid the points to try
 * @returns `{ x, value, index, values }`
 * @throws {TypeError} when f is not a function, a grid point is not finite, or f returns NaN
 * @throws {RangeError} when the grid is empty
 * @example
 * gridMinimize((t) => Math.abs(t - 2), [1, 2, 3]).x; // => 2
 */
export function gridMinimize(f: (x: number) => number, grid: NumericArray): GridSearchResult {
  const values = evaluate("gridMinimize", f, grid);
  const index = argmin(values);
  return { x: grid[index], value: values[index], index, values };
}

/**
 * `n` evenly spaced points from `start` to `stop`, both included (numpy's `linspace`).
 *
 * x_i = start + i·(stop − start)/(n − 1), i = 0 … n − 1; the last point is exactly `stop`.
 *
 * @param start the first point
 * @param stop the last point
 * @param n how many points (an integer ≥ 2)
 * @returns the points
 * @throws {TypeError} when start or stop is not finite
 * @throws {RangeError} when n is not an integer ≥ 2
 * @example
 * Array.from(linspace(0, 1, 5)); // => [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, n: number): Float64Array {
  if (typeof start !== "number" || !Number.isFinite(start)) throw new TypeError(`linspace: start = ${String(start)} is not a finite number`);
  if (typeof stop !== "number" || !Number.isFinite(stop)) throw new TypeError(`linspace: stop = ${String(stop)} is not a finite number`);
  if (typeof n !== "number" || !Number.isInteger(n) || n < 2) throw new RangeError(`linspace: n = ${String(n)} is not an integer ≥ 2`);
  const out = new Float64Array(n);
  const step = (stop - start) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = start + i * step;
  out[n - 1] = stop;
  return out;
}
