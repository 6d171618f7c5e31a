import { test } from "uvu";
import * as assert from "uvu/assert";
import { gridMaximize, gridMinimize, linspace } from "../../lib/src/optimization/grid-search";

test("gridMaximize finds the grid point nearest a smooth maximum and reports every value", () => {
  const grid = linspace(0, 1, 101);
  const r = gridMaximize((t) => -((t - 0.3) ** 2), grid);
  assert.is(r.index, 30);
  assert.is(r.x, grid[30]);
  assert.is(r.value, -((grid[30] - 0.3) ** 2));
  assert.is(r.values.length, 101);
  assert.ok(r.values.every((v) => v <= r.value));
});

test("gridMinimize is gridMaximize of −f, and accepts +Infinity values", () => {
  const grid = [0, 1, 2, 3];
  const f = (t: number) => (t === 0 ? Infinity : Math.abs(t - 2));
  assert.is(gridMinimize(f, grid).x, 2);
  assert.is(gridMaximize((t) => -f(t), grid).x, 2);
});

test("linspace includes both ends exactly and spaces the points evenly", () => {
  assert.equal(Array.from(linspace(0, 1, 5)), [0, 0.25, 0.5, 0.75, 1]);
  const g = linspace(0.1, 0.7, 7);
  assert.is(g[6], 0.7);
  for (let i = 1; i < 7; i++) assert.ok(Math.abs(g[i] - g[i - 1] - 0.1) < 1e-15);
});

test("bad grids, bad functions and NaN values are errors naming the function and the value", () => {
  assert.throws(
    () => gridMaximize((t) => t, []),
    (e: Error) => e instanceof RangeError && /gridMaximize: grid is empty/.test(e.message),
  );
  assert.throws(
    () => gridMinimize((t) => t, [0, NaN]),
    (e: Error) => /gridMinimize: grid\[1\] = NaN/.test(e.message),
  );
  assert.throws(
    () => gridMaximize((t) => (t > 0 ? NaN : 0), [0, 1]),
    (e: Error) => /gridMaximize: f\(grid\[1\] = 1\) = NaN/.test(e.message),
  );
  assert.throws(
    () => gridMaximize(5 as unknown as (t: number) => number, [0]),
    (e: Error) => /gridMaximize: f = 5 is not a function/.test(e.message),
  );
  assert.throws(
    () => linspace(0, 1, 1),
    (e: Error) => e instanceof RangeError && /linspace: n = 1/.test(e.message),
  );
  assert.throws(
    () => linspace(0, Infinity, 3),
    (e: Error) => /linspace: stop = Infinity/.test(e.message),
  );
});

test("linspace over ±1e308 (stop − start overflows) and between subnormals gives every point within 2 ulps of the larger end", () => {
  assert.equal(Array.from(linspace(-1e308, 1e308, 3)), [-1e308, 0, 1e308]);
  const big = linspace(-1.7e308, 1.7e308, 5);
  assert.equal(Array.from(big), [-1.7e308, -8.5e307, 0, 8.5e307, 1.7e308]);
  const tiny = linspace(5e-324, 80 * 5e-324, 80); // subnormal ends: a step of exactly 5e-324
  for (let i = 0; i < 80; i++) assert.is(tiny[i], 5e-324 * (i + 1));
});

test("linspace rejects a non-finite end and a bad n through the shared validator, naming the value", () => {
  assert.throws(
    () => linspace(NaN, 1, 3),
    (e: Error) => e instanceof RangeError && e.message === "linspace: start = NaN is not a number",
  );
  assert.throws(
    () => linspace(0, Infinity, 3),
    (e: Error) =>
      e instanceof RangeError && e.message === "linspace: stop = Infinity is not finite",
  );
  assert.throws(
    () => linspace(0, 1, 1),
    (e: Error) =>
      e instanceof RangeError && e.message === "linspace: n = 1 must be an integer >= 2",
  );
  assert.throws(
    () => linspace(0, 1, 2 ** 40),
    (e: Error) =>
      e instanceof RangeError && /linspace: n = 1099511627776 is too large/.test(e.message),
  );
  assert.throws(
    () => linspace("0" as never, 1, 3),
    (e: Error) => e instanceof TypeError && e.message === 'linspace: start = "0" is not a number',
  );
});

test.run();
