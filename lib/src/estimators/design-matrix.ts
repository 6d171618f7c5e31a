// Validation and layout of a regression design (rows of features, optional intercept).
// Internal: not re-exported from the barrel. Checks and messages come from the validation module.
import {
  checkSameLength,
  checkVector,
  entryError,
  isVector,
  typeError,
} from "../validate/validate";

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

/** What {@link checkDesign} found: the shape, and each X column's largest magnitude. */
export interface DesignShape {
  /** Observations. */
  m: number;
  /** Columns of X (without the intercept). */
  n: number;
  /** Design columns, n + 1 with an intercept. */
  p: number;
  /** max_i |X[i][j]|, one per X column. */
  maxAbs: Float64Array;
}

/**
 * Checks `X` and `y` without copying them: X an array of rows (each a `number[]` or `Float64Array`) of one
 * length with finite entries, y a `number[]` or `Float64Array` of the same length (its entries are the
 * caller's to check).
 * @throws {TypeError} when X is not an array, a row or y is not a `number[]`/`Float64Array`, or an entry is not a number
 * @throws {RangeError} when X is empty, rows differ in length, an entry is NaN or infinite, y's length differs, or
 *   there is no column at all
 */
export function checkDesign(
  fn: string,
  X: DesignRows,
  y: readonly number[] | Float64Array,
  intercept: boolean,
): DesignShape {
  const { m, n, p } = checkDesignShape(fn, X, y, intercept);
  const maxAbs = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const row = X[i];
    if (i > 0) checkRow(fn, X, i, n);
    for (let j = 0; j < n; j++) {
      const v = row[j];
      // typeof: strings and null are never coerced; v - v is 0 only for finite numbers
      if (typeof v !== "number" || !(v - v === 0))
        throw entryError(fn, `X[${i}][${j}]`, v, "finite")!;
      const a = Math.abs(v);
      if (a > maxAbs[j]) maxAbs[j] = a;
    }
  }
  return { m, n, p, maxAbs };
}

/**
 * The shape checks of {@link checkDesign} alone (X an array with a first row, y a vector of the same length,
 * at least one design column); rows after the first and all entries are the caller's to check, with {@link checkRow}.
 */
export function checkDesignShape(
  fn: string,
  X: DesignRows,
  y: readonly number[] | Float64Array,
  intercept: boolean,
): { m: number; n: number; p: number } {
  if (!Array.isArray(X)) throw typeError(fn, "X", X, "is not an array of rows");
  const m = X.length;
  if (m === 0) throw new RangeError(`${fn}: X is empty`);
  checkVector(fn, "y", y);
  checkSameLength(fn, "X", m, "y", y.length);
  const n = checkRow(fn, X, 0, -1);
  const p = n + (intercept ? 1 : 0);
  if (p === 0)
    throw new RangeError(
      `${fn}: X has rows of length 0 and no intercept, so there is nothing to fit`,
    );
  return { m, n, p };
}

/** Checks that X[i] is a number[] or Float64Array of length n (any length when n < 0) and returns its length. */
export function checkRow(fn: string, X: DesignRows, i: number, n: number): number {
  const row: unknown = X[i];
  if (!isVector(row)) throw typeError(fn, `X[${i}]`, row, "is not a number[] or Float64Array");
  if (n >= 0 && row.length !== n)
    throw new RangeError(`${fn}: X[${i}] has length ${row.length}, expected ${n} like X[0]`);
  return row.length;
}

/**
 * Checks `X` and `y` (see {@link checkDesign}) and lays the design out by columns. With `intercept`, a column of
 * ones is prepended, so weight 0 is the intercept.
 * @throws {TypeError} | {RangeError} as {@link checkDesign}
 */
export function buildDesign(
  fn: string,
  X: DesignRows,
  y: readonly number[] | Float64Array,
  intercept: boolean,
): Design {
  const { m, n, p } = checkDesign(fn, X, y, intercept);
  const offset = intercept ? 1 : 0;
  const columns = new Float64Array(m * p);
  if (intercept) columns.fill(1, 0, m);
  for (let i = 0; i < m; i++) {
    const row = X[i];
    for (let j = 0; j < n; j++) columns[(j + offset) * m + i] = row[j];
  }
  return { columns, m, p };
}

/** Names design column `j` for messages: with an intercept, column 0 is the intercept and column j is X column j − 1. */
export function designColumnName(j: number, intercept: boolean): string {
  return intercept
    ? j === 0
      ? "the intercept column"
      : `column ${j} (X column ${j - 1})`
    : `column ${j}`;
}

/**
 * The error for a design of numerical rank `rank` < p whose columns `dependent` depend linearly on the
 * columns before them (see `numericalRank`).
 */
export function singularDesignError(
  fn: string,
  dependent: readonly number[],
  intercept: boolean,
  rank?: number,
  p?: number,
): RangeError {
  const ranked =
    rank === undefined || p === undefined ? "" : ` (numerical rank ${rank} of ${p} columns)`;
  let what: string;
  if (dependent.length === 0) {
    what =
      "its columns are nearly linearly dependent as a set, though no single column is a combination of the ones before it";
  } else if (dependent.length === 1) {
    what = `${designColumnName(dependent[0], intercept)} is a linear combination of the columns before it`;
  } else {
    const names = dependent.map((j) => designColumnName(j, intercept));
    what = `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are linear combinations of the columns before them`;
  }
  const advice =
    dependent.length === 1 ? "drop or merge that feature" : "drop or merge those features";
  return new RangeError(`${fn}: the design matrix is singular${ranked}: ${what}; ${advice}`);
}
