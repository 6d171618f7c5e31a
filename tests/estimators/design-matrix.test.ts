import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  buildDesign,
  checkDesign,
  singularDesignError,
} from "../../lib/src/estimators/design-matrix";

test("rows are laid out by column, with a column of ones first when intercept is asked for", () => {
  const d = buildDesign(
    "f",
    [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
    [0, 0, 0],
    true,
  );
  assert.is(d.m, 3);
  assert.is(d.p, 3);
  assert.equal(Array.from(d.columns), [1, 1, 1, 1, 3, 5, 2, 4, 6]);
  assert.equal(Array.from(buildDesign("f", [new Float64Array([7])], [1], false).columns), [7]);
});

test("rows of length 0 are allowed with an intercept only", () => {
  assert.is(buildDesign("f", [[], []], [1, 2], true).p, 1);
  assert.throws(
    () => buildDesign("f", [[], []], [1, 2], false),
    (e: Error) => e instanceof RangeError && /nothing to fit/.test(e.message),
  );
});

test("malformed designs throw, naming the function and the offending row or cell", () => {
  assert.throws(
    () => buildDesign("f", "x" as never, [], false),
    (e: Error) => e instanceof TypeError && e.message === 'f: X = "x" is not an array of rows',
  );
  assert.throws(
    () => buildDesign("f", [], [], false),
    (e: Error) => e instanceof RangeError && e.message === "f: X is empty",
  );
  assert.throws(
    () => buildDesign("f", [[1]], null as never, false),
    (e: Error) =>
      e instanceof TypeError && e.message === "f: y = null is not a number[] or Float64Array",
  );
  assert.throws(
    () => buildDesign("f", [[1], [2]], [1], false),
    (e: Error) => e instanceof RangeError && e.message === "f: X and y differ in length (2 vs 1)",
  );
  assert.throws(
    () => buildDesign("f", [5 as never], [1], false),
    (e: Error) =>
      e instanceof TypeError && e.message === "f: X[0] = 5 is not a number[] or Float64Array",
  );
  assert.throws(
    () => buildDesign("f", [[1], new Float32Array([2]) as never], [1, 2], false),
    (e: Error) => e instanceof TypeError && /X\[1\] = Float32Array\(1\)/.test(e.message),
  );
  assert.throws(
    () => buildDesign("f", [[1, 2], [3]], [1, 2], false),
    (e: Error) =>
      e instanceof RangeError && e.message === "f: X[1] has length 1, expected 2 like X[0]",
  );
  assert.throws(
    () =>
      buildDesign(
        "f",
        [
          [1, 2],
          [3, NaN],
        ],
        [1, 2],
        false,
      ),
    (e: Error) => e instanceof RangeError && e.message === "f: X[1][1] = NaN is not a number",
  );
  assert.throws(
    () =>
      buildDesign(
        "f",
        [
          [1, 2],
          [3, -Infinity],
        ],
        [1, 2],
        false,
      ),
    (e: Error) => e instanceof RangeError && e.message === "f: X[1][1] = -Infinity is not finite",
  );
});

test("the singular-design error names the columns, counting the intercept, and the rank", () => {
  assert.match(
    singularDesignError("f", [2], false).message,
    /column 2 is a linear combination of the columns before it; drop or merge that feature$/,
  );
  assert.match(singularDesignError("f", [2], true).message, /column 2 \(X column 1\)/);
  assert.match(singularDesignError("f", [0], true).message, /the intercept column/);
  assert.is(
    singularDesignError("f", [1, 3, 4], false, 2, 5).message,
    "f: the design matrix is singular (numerical rank 2 of 5 columns): column 1, column 3 and column 4 are linear combinations of the columns before them; drop or merge those features",
  );
  assert.match(
    singularDesignError("f", [], false, 2, 3).message,
    /nearly linearly dependent as a set/,
  );
});

test("strings and null in X are rejected, not coerced", () => {
  assert.throws(
    () => buildDesign("f", [[1], ["2" as never]], [1, 2], false),
    (e: Error) => e instanceof TypeError && e.message === 'f: X[1][0] = "2" is not a number',
  );
  assert.throws(
    () => buildDesign("f", [[null as never], [2]], [1, 2], false),
    (e: Error) => e instanceof TypeError && e.message === "f: X[0][0] = null is not a number",
  );
});

test("checkDesign reports the shape and each X column's largest magnitude", () => {
  const shape = checkDesign(
    "f",
    [
      [1, -3, 0],
      [-2, 0.5, 0],
      [0, 3, -0],
      [2, -1, 0],
    ],
    [1, 2, 3, 4],
    true,
  );
  assert.equal([shape.m, shape.n, shape.p], [4, 3, 4]);
  assert.equal(Array.from(shape.maxAbs), [2, 3, 0]);
  assert.equal(Array.from(checkDesign("f", [[-5], [4]], [0, 1], false).maxAbs), [5]);
});

test("with rows of length 0 (an intercept only), a later row of another length is a RangeError", () => {
  assert.throws(
    () => buildDesign("f", [[], [1]], [1, 2], true),
    (e: Error) =>
      e instanceof RangeError && e.message === "f: X[1] has length 1, expected 0 like X[0]",
  );
});

test("the singular-design error gives the rank only when both the rank and the column count are known", () => {
  const plain =
    "f: the design matrix is singular: column 2 is a linear combination of the columns before it; drop or merge that feature";
  assert.is(singularDesignError("f", [2], false).message, plain);
  assert.is(singularDesignError("f", [2], false, 2).message, plain);
  assert.is(singularDesignError("f", [2], false, undefined, 3).message, plain);
  assert.is(
    singularDesignError("f", [2], false, 2, 3).message,
    "f: the design matrix is singular (numerical rank 2 of 3 columns): column 2 is a linear combination of the columns before it; drop or merge that feature",
  );
});

test.run();
