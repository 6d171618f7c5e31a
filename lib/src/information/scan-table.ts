// One pass over a joint table p(x, y), shared by jointEntropy, conditionalEntropy and
// mutualInformation. Internal: not re-exported.

import type { JointTable } from "./types";
import { checkSum, checkTable, throwFirstInvalidCell } from "../validate/validate";
import {
  atanhSeries,
  klDivTerm,
  logRatioSum,
  needsScale,
  RATIO_TOTAL,
  scaleFor,
  sumSafeScale,
} from "./numerics";
import { holdKernels } from "../simd/instance";
import {
  miKernels,
  miMarginRow,
  miMarginsBegin,
  miMarginsEnd,
  miRowSimd,
  MI_ROW,
} from "../simd/passes";

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
    if (!normalize)
      throw new RangeError(
        `${fn}: pxy sums to Infinity (overflow), not 1 (pass { normalize: true } to rescale)`,
      );
  }
  if (normalize && (needsScale(sums.total) || !(sums.cells - sums.cells === 0))) {
    // Overflow, or cells so small that p·log p would lose digits: redo on 2^j·pxy, largest cell
    // in [1, 2) (exact; every normalized entropy is unchanged).
    let max = 0;
    for (const row of pxy) for (let j = 0; j < m; j++) if (row[j] > max) max = row[j];
    sums = scan(fn, pxy, m, withColumns, scaleFor(max));
  }
  checkSum(fn, "pxy", sums.total, pxy.length * m, normalize, tolerance, () =>
    throwFirstInvalidCell(fn, pxy),
  );
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

/** Cells per block of the table scan's blocked sums. */
const ROW_BLOCK = 32;

function scan(fn: string, pxy: JointTable, m: number, withColumns: boolean, a: number): TableSums {
  const rowsN = pxy.length;
  const col = withColumns ? new Float64Array(m) : undefined;
  // blocked sums: plain sums inside blocks of ROW_BLOCK cells of a row, the block sums added with
  // TwoSum (a plain sum along a row of 1e6 cells was 2.65e-12 off; 256-cell blocks, numerics.ts's,
  // still 3.4e-15 on periodic rows, where every block rounds the same way)
  let cells = 0;
  let cellsLo = 0;
  let rows = 0;
  let rowsLo = 0;
  let total = 0;
  let totalLo = 0;
  for (let i = 0; i < rowsN; i++) {
    const row = pxy[i];
    let rHi = 0;
    let rLo = 0;
    for (let start = 0; start < m; start += ROW_BLOCK) {
      const end = start + ROW_BLOCK < m ? start + ROW_BLOCK : m;
      let b = 0;
      let h = 0;
      for (let j = start; j < end; j++) {
        const x = row[j];
        if (typeof x !== "number" || !(x >= 0)) throwFirstInvalidCell(fn, pxy);
        const v = x * a;
        b += v;
        if (v > 0) h -= v * Math.log(v);
        if (col !== undefined) col[j] += v;
      }
      let t = cells + h;
      let z = t - cells;
      cellsLo += cells - (t - z) + (h - z);
      cells = t;
      if (start === 0)
        rHi = b; // the row's first block (a short row is one block: no TwoSum)
      else {
        t = rHi + b;
        z = t - rHi;
        rLo += rHi - (t - z) + (b - z);
        rHi = t;
      }
    }
    const r = rHi - rHi === 0 ? rHi + rLo : rHi;
    let t = total + rHi;
    let z = t - total;
    totalLo += total - (t - z) + (rHi - z) + rLo;
    total = t;
    if (r > 0) {
      const g = -r * Math.log(r);
      t = rows + g;
      z = t - rows;
      rowsLo += rows - (t - z) + (g - z);
      rows = t;
    }
  }
  let columns = 0;
  if (col !== undefined) {
    for (let j = 0; j < m; j++) {
      const c = col[j];
      if (c > 0) columns -= c * Math.log(c);
    }
  }
  const fin = (hi: number, lo: number): number => (hi - hi === 0 ? hi + lo : hi);
  return {
    cells: fin(cells, cellsLo),
    rows: fin(rows, rowsLo),
    columns,
    total: fin(total, totalLo),
  };
}

/** The largest cell of a validated table. */
function maxCell(pxy: JointTable, m: number): number {
  let max = 0;
  for (const row of pxy) for (let j = 0; j < m; j++) if (row[j] > max) max = row[j];
  return max;
}

/**
 * Precise normalised joint entropy: (1/S) Σᵢⱼ p log(S/p), every term ≥ 0 and the largest cell's
 * by log1p (all cells as one vector, see logRatioSum). For a validated table.
 */
export function jointEntropyPrecise(pxy: JointTable, m: number): number {
  const cells = new Float64Array(pxy.length * m);
  for (let i = 0; i < pxy.length; i++) for (let j = 0; j < m; j++) cells[i * m + j] = pxy[i][j];
  const a = sumSafeScale(maxCell(pxy, m), cells.length);
  return logRatioSum(cells, cells, cells.length, a, a) / RATIO_TOTAL;
}

/**
 * Precise conditional entropy: (1/S) Σᵢ Σⱼ pᵢⱼ log(rᵢ/pᵢⱼ) with rᵢ the row sums: every term ≥ 0,
 * each row's largest cell by log1p (logRatioSum per row), rows added with TwoSum. For a validated
 * table; `normalize` divides by the total.
 */
export function conditionalEntropyPrecise(pxy: JointTable, m: number, normalize: boolean): number {
  const a = sumSafeScale(maxCell(pxy, m), pxy.length * m);
  let h = 0;
  let hLo = 0;
  let s = 0;
  let sLo = 0;
  for (const row of pxy) {
    const v = logRatioSum(row, row, m, a, a);
    let t = h + v;
    let z = t - h;
    hLo += h - (t - z) + (v - z);
    h = t;
    const w = RATIO_TOTAL;
    t = s + w;
    z = t - s;
    sLo += s - (t - z) + (w - z);
    s = t;
  }
  const terms = h + hLo;
  // without normalize the table is taken as it is; the scale a is undone
  return normalize ? terms / (s + sLo) : terms / a;
}

/** 2^27 + 1, Dekker's splitting constant. */
const SPLIT = 134217729;

/** Results of {@link marginals} besides its return value (no allocation per call). */
let MARGIN_LO = 0;

/**
 * Validates the cells (the first that is not a number ≥ 0 throws, in row-major order) and fills
 * `buf` with the column sums of a·pxy as double-doubles (hi at [0, m), lo at [m, 2m)) and the row
 * sums likewise (hi at [2m, 2m + n), lo after them); returns the total's hi part, its lo part in
 * MARGIN_LO (Neumaier sums: each row, each column, and the rows' totals, compensated).
 */
function marginals(
  fn: string,
  pxy: JointTable,
  m: number,
  nRows: number,
  buf: Float64Array,
  a: number,
): number {
  let sHi = 0;
  let sLo = 0;
  // unscaled rows of at most a chunk on the kernels (lib/wasm/kernels.c, mi_marg_row): the same
  // column sums, each row's sum per lane (its hi and compensation, joined by TwoSum)
  const kr = a === 1 ? miKernels(m) : undefined;
  if (kr !== undefined && m <= kr.chunk) {
    let i = 0;
    holdKernels(true); // the column sums stay in the kernels' memory between rows
    try {
      miMarginsBegin(kr, m);
      for (; i < nRows && miMarginRow(kr, pxy[i], m); i++) {
        const r = MI_ROW.hi;
        const rc = MI_ROW.lo;
        const rh = r + rc;
        buf[2 * m + i] = rh;
        buf[2 * m + nRows + i] = rc - (rh - r);
        const t = sHi + r;
        sLo += (sHi >= r ? sHi - t + r : r - t + sHi) + rc;
        sHi = t;
      }
      if (i === nRows) miMarginsEnd(kr, m, buf);
    } finally {
      holdKernels(false);
    }
    if (i === nRows) return finishMarginals(m, buf, sHi, sLo);
    sHi = 0; // a cell the kernels did not take: the JS loop below, from the start
    sLo = 0;
    buf.fill(0);
  }
  for (let i = 0; i < nRows; i++) {
    const row = pxy[i];
    let r = 0;
    let rc = 0;
    for (let j = 0; j < m; j++) {
      const x = row[j];
      if (typeof x !== "number" || !(x >= 0)) throwFirstInvalidCell(fn, pxy);
      const v = a === 1 ? x : x * a;
      let t = r + v;
      rc += r >= v ? r - t + v : v - t + r;
      r = t;
      const c = buf[j];
      t = c + v;
      buf[m + j] += c >= v ? c - t + v : v - t + c;
      buf[j] = t;
    }
    const rh = r + rc;
    buf[2 * m + i] = rh;
    buf[2 * m + nRows + i] = rc - (rh - r);
    const t = sHi + r;
    sLo += (sHi >= r ? sHi - t + r : r - t + sHi) + rc;
    sHi = t;
  }
  return finishMarginals(m, buf, sHi, sLo);
}

/** The total as hi (returned) and lo (MARGIN_LO), the column sums renormalised in buf. */
function finishMarginals(m: number, buf: Float64Array, sHi: number, sLo: number): number {
  const sh = sHi + sLo;
  MARGIN_LO = sLo - (sh - sHi);
  for (let j = 0; j < m; j++) {
    const c = buf[j] + buf[m + j];
    buf[m + j] -= c - buf[j];
    buf[j] = c;
  }
  return sh;
}

/**
 * Mutual information of a joint table, validated here: KL(p ‖ r⊗c/S) = (1/S) Σᵢⱼ kl_div(pᵢⱼ,
 * rᵢcⱼ/S), every term ≥ 0 (the linear parts sum to S − (Σr)(Σc)/S = 0 exactly), computed with row
 * sums rᵢ, column sums cⱼ and the total S in double-double and the product rᵢcⱼ/S from exact
 * products, so a table within 2⁻⁵² of independence keeps every digit (an entropy difference
 * H(X) + H(Y) − H(X, Y) cancels to nothing there). One pass for the checks and the marginals (again
 * on 2^j·pxy, largest cell in [1, 2), when the total leaves [2⁻²⁰⁰, 2²⁰⁰]: exact, and the
 * products stay normal), one for the terms; one Float64Array of 2(m + n) sums. In nats.
 */
export function mutualInformationOf(
  fn: string,
  pxy: JointTable,
  normalize: boolean,
  tolerance: number,
): number {
  const m = checkTable(fn, pxy);
  const nRows = pxy.length;
  const buf = new Float64Array(2 * (m + nRows));
  let a = 1;
  let sHi = marginals(fn, pxy, m, nRows, buf, 1);
  let sLo = MARGIN_LO;
  const total = sHi;
  if (!(total < Infinity)) {
    throwIfInvalidCell(fn, pxy); // a bad cell, or else the total overflowed
    if (!normalize)
      throw new RangeError(
        `${fn}: pxy sums to Infinity (overflow), not 1 (pass { normalize: true } to rescale)`,
      );
  }
  if (!(sHi >= 2 ** -200 && sHi <= 2 ** 200)) {
    a = scaleFor(maxCell(pxy, m));
    buf.fill(0);
    sHi = marginals(fn, pxy, m, nRows, buf, a);
    sLo = MARGIN_LO;
  }
  checkSum(fn, "pxy", normalize ? sHi : total, nRows * m, normalize, tolerance, () =>
    throwFirstInvalidCell(fn, pxy),
  );
  // one value of X or of Y: independent (without normalize the formula gives −S log S, 0 up to the
  // rounding of a total that should be 1; the terms below compute that exactly)
  if (normalize && (nRows === 1 || m === 1)) return 0;
  let sp = SPLIT * sHi;
  const sH = sp - (sp - sHi);
  const sL = sHi - sH;
  let hHi = 0;
  let hLo = 0;
  // Near cells take y = r·c/S as the plain double yh while that provably moves the result by less
  // than 2⁻⁵⁴ of it. yh is within 6 roundings of y (the hi parts of r, c and S, a quotient and a
  // product): |Δy| ≤ 6ε·y, ε = 2⁻⁵³. A term kl_div(v, y) has derivative 1 − v/y and second
  // derivative v/y² in y, so it moves by at most |v − y|·6ε + 18ε²·v ≤ 6ε·(|v − yh| + 13ε·yh) for
  // v within 1/16 of yh (the second-order part is all there is where v = yh: an independent table).
  // Every term is ≥ 0, so the sum so far is at most the result. A row that breaks
  // 6ε·Σ(|v − yh| + 13ε·yh) ≤ 2⁻⁵⁴·(sum so far) is redone, and every row after it, with y as a
  // double-double (near independence, where the plain y would lose every digit of v − y). The
  // double-double cost about an eighth of the call on a random 1000 × 1000 table.
  let plain = true;
  let dev = 0; // Σ(|v − yh| + 13ε·yh) over the near cells taken plain
  // the plain rows of an unscaled table on the WebAssembly SIMD kernels from their break-even row
  // length on (lib/wasm/kernels.c, mi_chunk: the same terms, the near ones by one polynomial, in
  // lane order); a row they cannot take (a ratio outside the normal range, a cell > 0 whose y is 0)
  // and every double-double row run the loop below
  const kr = a === 1 ? miKernels(m) : undefined;
  const colsLoaded = kr !== undefined && m <= kr.chunk;
  if (colsLoaded) kr.mem.set(buf.subarray(0, m), kr.in1);
  if (kr !== undefined) holdKernels(true); // the column sums stay in the kernels' buffer (in1)
  try {
    for (let i = 0; i < nRows; i++) {
      const row = pxy[i];
      const hHi0 = hHi;
      const hLo0 = hLo;
      const dev0 = dev;
      const rh = buf[2 * m + i];
      const rl = buf[2 * m + nRows + i];
      const rs = rh / sHi;
      if (plain && kr !== undefined && miRowSimd(kr, row, m, rs, buf, colsLoaded, hHi, hLo, dev)) {
        hHi = MI_ROW.hi;
        hLo = MI_ROW.lo;
        dev = MI_ROW.dev;
        if (dev * 12 > hHi + hLo) {
          plain = false;
          hHi = hHi0;
          hLo = hLo0;
          dev = dev0;
          i--;
        }
        continue;
      }
      // Dekker splits hoisted: the row sum's here, the total's once (the total is in [2⁻²⁰⁰, 2²⁰⁰], so
      // no split overflows)
      sp = SPLIT * rh;
      const rH = sp - (sp - rh);
      const rL = rh - rH;
      // a blocked sum along the row, as in scan(): blocks of ROW_BLOCK cells, each block's terms
      // into the TwoSum pair (a plain sum along a row of 5e5 cells was 8e-12 off)
      for (let start = 0; start < m; start += ROW_BLOCK) {
        const end = start + ROW_BLOCK < m ? start + ROW_BLOCK : m;
        let h = 0;
        for (let j = start; j < end; j++) {
          const v = a === 1 ? row[j] : row[j] * a;
          const ch = buf[j];
          // y = r·c/S to within 2 roundings (the near branch below takes the exact residual of it)
          const yh = rs * ch;
          // a cell not near r·c/S (|u| ≥ 1/16): v log(v/y) − (v − y) cancels by at most a factor 16
          // there, plain doubles suffice and no series is needed
          if (v > 0 && yh > 0 && !(Math.abs(v - yh) < 0.0625 * (v + yh))) {
            const r = v / yh;
            h +=
              v *
                (r >= 2.2250738585072014e-308 && r <= Number.MAX_VALUE
                  ? Math.log(r)
                  : Math.log(v) - Math.log(yh)) -
              (v - yh);
            continue;
          }
          // near independence: y = r·c/S in double-double, so v − y keeps its digits (Dekker's
          // products inline, with the hoisted splits)
          let yl = 0;
          if (plain)
            dev += Math.abs(v - yh) + 1.5e-15 * yh; // 13ε = 1.44e-15, rounded up
          else {
            const ph = rh * ch;
            sp = SPLIT * ch;
            const cH = sp - (sp - ch);
            const cL = ch - cH;
            const pl = rL * cL - (ph - rH * cH - rL * cH - rH * cL) + rh * buf[m + j] + rl * ch;
            const e = yh * sHi;
            sp = SPLIT * yh;
            const yH = sp - (sp - yh);
            const yL = yh - yH;
            const ee = yL * sL - (e - yH * sH - yL * sH - yH * sL);
            yl = (ph - e - ee + pl - yh * sLo) / sHi;
          }
          if (yh === 0) {
            // r·c/S below every double while p > 0 (p ≤ min(r, c), so only for cells 1e-300 apart)
            if (v > 0) h += v * (Math.log(v) + Math.log(sHi) - Math.log(rh) - Math.log(ch)) - v;
            continue;
          }
          const d = v - yh - yl;
          const s2 = v + yh;
          const u = d / s2;
          // |u| < 1/16 here: kl_div(v, y) = (v + y)·atanhSeries(u), its first branch inline below 1/64
          // (one test on |u|: two on u were two branches that random tables mispredict)
          if (Math.abs(u) < 0.015625) {
            const t = u * u;
            h += s2 * (t + u * (1 + u) * (t * (1 / 3 + t * (1 / 5 + t * (1 / 7 + t / 9)))));
          } else h += v > 0 ? s2 * atanhSeries(u) : klDivTerm(v, yh, d);
        }
        const t = hHi + h;
        const z = t - hHi;
        hLo += hHi - (t - z) + (h - z);
        hHi = t;
      }
      // 6ε·dev ≤ 2⁻⁵⁴·(hHi + hLo), without the powers of two
      if (plain && dev * 12 > hHi + hLo) {
        plain = false;
        hHi = hHi0;
        hLo = hLo0;
        dev = dev0;
        i--;
      }
    }
  } finally {
    if (kr !== undefined) holdKernels(false);
  }
  const terms = hHi + hLo;
  if (normalize) return terms / sHi;
  // Without normalize the marginals are taken as given: Σ p log(p/(r c)) = Σ kl_div − S log S, the
  // scale a undone (S is 1 up to the tolerance; log S by log1p of the double-double S − 1).
  const S = sHi / a;
  return terms / a - S * Math.log1p(S - 1 + sLo / a);
}
