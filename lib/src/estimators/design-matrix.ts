// Validation and layout of a regression design (rows of features, optional intercept).
// Internal: not re-exported from the barrel.

/** Rows of features: each row one observation, all rows the same length. */
export type DesignRows = readonly (readonly number[] | Float64Array)[];

/** A validated design in column-major layout, with the intercept column first when asked for. */
export interface Design {
  /** Column-major m×p values: column j occupies [j·m, (j+1)·m). */
  columns: Float64Array;
  /** Observations. */
  m: number;
  /** Columns, including the intercept column. */
  p: number;
}

/**
 * Checks `X` and `y` and lays the design out by columns. With `intercept`, a column of ones is
 * prepended, so weight 0 is the intercept.
 * @throws {TypeError} when X is not an array of rows
 * @throws {RangeError} when X is empty, rows differ in length, an entry is not finite, y's length differs, or
 *   there is no column at all
 */
export function buildDesign(fn: string, X: DesignRows, y: readonly number[] | Float64Array, intercept: boolean): Design {
  if (!Array.isArray(X)) throw new TypeError(`${fn}: X must be an array of rows`);
  const m = X.length;
  if (m === 0) throw new RangeError(`${fn}: X has no rows`);
  if (y === null || typeof y !== "object" || typeof y.length !== "number") {
    throw new TypeError(`${fn}: y must be an array of numbers or a Float64Array`);
  }
  if (y.length !== m) throw new RangeError(`${fn}: X has ${m} rows but y has ${y.length} entries`);
  const first = X[0];
  if (first === null || typeof first !== "object" || typeof first.length !== "number") {
    throw new TypeError(`${fn}: X[0] must be an array of numbers`);
  }
  const n = first.length;
  const offset = intercept ? 1 : 0;
  const p = n + offset;
  if (p === 0) throw new RangeError(`${fn}: X has rows of length 0 and no intercept, so there is nothing to fit`);
  const columns = new Float64Array(m * p);
  if (intercept) columns.fill(1, 0, m);
  for (let i = 0; i < m; i++) {
    const row = X[i];
    if (row === null || typeof row !== "object" || row.length !== n) {
      throw new RangeError(`${fn}: X[${i}] has length ${row?.length}, expected ${n} like X[0]`);
    }
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) throw new RangeError(`${fn}: X[${i}][${j}] = ${v} is not a finite number`);
      columns[(j + offset) * m + i] = v;
    }
  }
  return { columns, m, p };
}

/** The error for a design whose column `j` depends linearly on the earlier ones. */
export function singularDesignError(fn: string, j: number, intercept: boolean): RangeError {
  const which = intercept ? (j === 0 ? "the intercept column" : `column ${j} (X column ${j - 1})`) : `column ${j}`;
  return new RangeError(
    `${fn}: the design matrix is singular: ${which} is a linear combination of the columns before it; ` +
      "drop or merge that feature",
  );
}
