import { argmax, argmin, type NumericArray } from "./argmax";
import {
  allocate,
  checkFinite,
  checkFunction,
  checkInteger,
  checkSample,
  typeError,
} from "../validate/validate";

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
  checkFunction(fn, "f", f);
  const n = checkSample(fn, "grid", grid);
  const out = allocate(fn, "grid.length", n);
  for (let i = 0; i < n; i++) {
    const x = grid[i];
    const y = f(x);
    if (typeof y !== "number") throw typeError(fn, `f(grid[${i}] = ${x})`, y, "is not a number");
    if (y !== y) throw new RangeError(`${fn}: f(grid[${i}] = ${x}) = NaN is not a number`);
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
 * @param grid the points to try: a `number[]` or `Float64Array` of finite numbers
 * @returns `{ x, value, index, values }`
 * @throws {TypeError} when f is not a function, the grid is not a `number[]` or `Float64Array` or
 *   holds a non-number, or f returns a non-number
 * @throws {RangeError} when the grid is empty or holds NaN or ±Infinity, or f returns NaN
 * @example
 * gridMaximize((t) => -((t - 0.3) ** 2), [0, 0.1, 0.2, 0.3, 0.4]).x; // => 0.3
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
 * @param grid the points to try: a `number[]` or `Float64Array` of finite numbers
 * @returns `{ x, value, index, values }`
 * @throws {TypeError} when f is not a function, the grid is not a `number[]` or `Float64Array` or
 *   holds a non-number, or f returns a non-number
 * @throws {RangeError} when the grid is empty or holds NaN or ±Infinity, or f returns NaN
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
 * x_i = start + i·(stop − start)/(n − 1), i = 0 … n − 1, computed from the nearer end
 * (start + i·h for the first half, stop − (n − 1 − i)·h for the second), so both ends are exact
 * and every point is within 2 ulps of max(|start|, |stop|) of the exact value. When stop − start
 * overflows (ends ±1e308) the points are computed at half scale and doubled, and for subnormal
 * ends at 2^600 and scaled back (both exact but for the last rounding).
 *
 * @param start the first point, finite
 * @param stop the last point, finite
 * @param n how many points, an integer ≥ 2
 * @returns the points, a new `Float64Array`
 * @throws {TypeError} when start, stop or n is not a number
 * @throws {RangeError} when start or stop is NaN or infinite, or n is not an integer ≥ 2 (or too
 *   large to allocate)
 * @example
 * Array.from(linspace(0, 1, 5)); // => [0, 0.25, 0.5, 0.75, 1]
 * Array.from(linspace(-1e308, 1e308, 3)); // => [-1e+308, 0, 1e+308] (stop − start overflows)
 * linspace(0, 1, 1); // throws RangeError: linspace: n = 1 must be an integer >= 2
 */
export function linspace(start: number, stop: number, n: number): Float64Array {
  const fn = "linspace";
  checkFinite(fn, "start", start);
  checkFinite(fn, "stop", stop);
  checkInteger(fn, "n", n, 2);
  const out = allocate(fn, "n", n);
  const div = n - 1;
  // at half scale when stop − start overflows; at 2^600 when the ends are subnormal (or nearly),
  // where the step would round to a few bits; each point is scaled back with one rounding
  const half = !(stop - start - (stop - start) === 0);
  const k = half ? 0.5 : Math.max(Math.abs(start), Math.abs(stop)) < 2 ** -900 ? 2 ** 600 : 1;
  const a = start * k;
  const b = stop * k;
  const h = (b - a) / div;
  const mid = div >> 1;
  for (let i = 0; i <= mid; i++) out[i] = (a + i * h) / k;
  for (let i = mid + 1; i < n; i++) out[i] = (b - (div - i) * h) / k;
  out[0] = start;
  out[div] = stop;
  return out;
}
