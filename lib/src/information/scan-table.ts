// One pass over a joint table p(x, y), shared by jointEntropy, conditionalEntropy and
// mutualInformation. Internal: not re-exported.

import type { JointTable } from "./types";
import { checkSum, checkTable, throwFirstInvalidCell } from "../validate/validate";
import { needsScale, scaleFor } from "./numerics";

/** Unnormalized sums from one pass; the entropies follow analytically (see the callers). */
export interface TableSums {
  /** -Σᵢⱼ pᵢⱼ log pᵢⱼ */
  readonly cells: number;
  /** -Σᵢ rᵢ log rᵢ over the row sums rᵢ = Σⱼ pᵢⱼ (the X marginal) */
  readonly rows: number;
  /** -Σⱼ cⱼ log cⱼ over the column sums cⱼ = Σᵢ pᵢⱼ (the Y marginal); 0 unless asked for */
  readonly columns: number;
  /** S = Σᵢⱼ pᵢⱼ, already checked against the normalize/tolerance policy */
  readonly total: number;
}

/**
 * Validates `pxy` and accumulates the sums in {@link TableSums} in one pass over the cells.
 * Row sums need O(1) extra memory; column sums, only when `withColumns`, need one
 * `Float64Array` of the table's width.
 */
export function scanTable(
  fn: string,
  pxy: JointTable,
  withColumns: boolean,
  normalize: boolean,
  tolerance: number,
): TableSums {
  const m = checkTable(fn, pxy);
  let sums = scan(fn, pxy, m, withColumns, 1);
  if (!(sums.total < Infinity && sums.cells - sums.cells === 0)) {
    throwIfInvalidCell(fn, pxy); // a bad cell, or else the total (or a term) overflowed
    if (!normalize) throw new RangeError(`${fn}: pxy sums to Infinity (overflow), not 1 (pass { normalize: true } to rescale)`);
  }
  if (normalize && (needsScale(sums.total) || !(sums.cells - sums.cells === 0))) {
    // Overflow, or cells so small that p·log p would lose digits: redo on 2^j·pxy, largest cell
    // in [1, 2) (exact; every normalized entropy is unchanged).
    let max = 0;
    for (const row of pxy) for (let j = 0; j < m; j++) if (row[j] > max) max = row[j];
    sums = scan(fn, pxy, m, withColumns, scaleFor(max));
  }
  checkSum(fn, "pxy", sums.total, pxy.length * m, normalize, tolerance, () => throwFirstInvalidCell(fn, pxy));
  return sums;
}

function throwIfInvalidCell(fn: string, pxy: JointTable): void {
  for (const row of pxy) {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v !== "number" || !(v >= 0 && v < Infinity)) throwFirstInvalidCell(fn, pxy);
    }
  }
}

function scan(fn: string, pxy: JointTable, m: number, withColumns: boolean, a: number): TableSums {
  const rowsN = pxy.length;
  const col = withColumns ? new Float64Array(m) : undefined;
  let cells = 0;
  let rows = 0;
  let total = 0;
  for (let i = 0; i < rowsN; i++) {
    const row = pxy[i];
    let r = 0;
    let h = 0;
    for (let j = 0; j < m; j++) {
      const x = row[j];
      if (typeof x !== "number" || !(x >= 0)) throwFirstInvalidCell(fn, pxy);
      const v = x * a;
      r += v;
      if (v > 0) h -= v * Math.log(v);
      if (col !== undefined) col[j] += v;
    }
    cells += h;
    total += r;
    if (r > 0) rows -= r * Math.log(r);
  }
  let columns = 0;
  if (col !== undefined) {
    for (let j = 0; j < m; j++) {
      const c = col[j];
      if (c > 0) columns -= c * Math.log(c);
    }
  }
  return { cells, rows, columns, total };
}
