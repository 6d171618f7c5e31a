// The hot passes of entropy, crossEntropy, klDivergence and logSumExp, each in two
// implementations that sum the same terms in the same order: the WebAssembly SIMD kernels
// (lib/wasm/kernels.c) and a JS loop in the same "lane order". Internal.
//
// Lane order (the summation order both follow; lib/wasm/kernels.c has it in full): the entries
// with even index and those with odd index are summed apart ("lanes" 0 and 1) and the two sums
// added at the end of each 256-entry block (blocked sums, whose block sums go into a TwoSum
// pair, as lib/src/information/numerics.ts does) or at the end of the pass (plain sums). A term
// may differ by an ulp between the two (the kernels' table-driven log and exp, within 0.51 ulp,
// against V8's Math.log and Math.exp), so results may differ in the last digits: the measured
// bounds are in lib/wasm/README.md; setSimdDisabled(true) forces the JS path.
//
// Each pass validates as it goes: a bad entry (not a number, NaN, negative probability; NaN for
// logSumExp) makes it call `throwFirstInvalid`, which rescans from index 0 and throws the
// library's message for the first bad entry. +Infinity is not an error here: it makes a sum
// infinite, and the callers handle that as lib/src/information does.
//
// `pass(...)` picks the kernels when they are available and n >= the pass's break-even length
// (measured by `npm run bench`, printed in its SIMD section), else the JS loop.

import {
  logQuotient,
  P_NAMES as P,
  PQ_NAMES as PQ,
  PROB1,
  PROB2,
  throwFirstInvalid,
  type EntryKind,
  type Vector,
} from "../validate/validate";
import { fill, kernels, type Kernels } from "./instance";

/** Terms per block of a blocked sum (as numerics.ts). */
const BLOCK = 256;

/**
 * Shortest input for which the kernels run: below it the JS loop is faster (the calls into the
 * module and the copy cost more than the SIMD saves). `npm run bench` measures the crossover
 * (its "Break-even n" table). Three runs on the project's shared machine, Node 20, put it at
 * entropy 16, 16, 24; crossEntropy 32, 32, 48; klDivergence 24, 64, 24; logSumExp 24, 24, 24;
 * each value below is at least the largest of the three. mutualInformation's is a row length m
 * (its kernels run per row). Two measurements of JS / kernels (64 rows, CPU medians of 21
 * interleaved repetitions, load 8–10): 0.98–1.00 at m = 24, 1.23–1.27 at 32, 1.3–1.7 from 48 on;
 * and a referee's, in three process orders: 1.01–1.18 at 24, 0.95–0.97 (`Float64Array`) and
 * 0.99–1.20 (`number[]`) at 32, 1.02–1.35 at 48. 48 is the first length both found faster.
 */
let entropyFrom = 32;
let crossEntropyFrom = 48;
let klDivergenceFrom = 64;
let logSumExpFrom = 32;
let mutualInformationFrom = 48;
// (five variables, not one object: a bundle keeps only those its functions read)

/** The passes that have a break-even length. */
export type PassName =
  "entropy" | "crossEntropy" | "klDivergence" | "logSumExp" | "mutualInformation";

/** The break-even lengths in force (a copy). */
export function breakEvenLengths(): Record<PassName, number> {
  return {
    entropy: entropyFrom,
    crossEntropy: crossEntropyFrom,
    klDivergence: klDivergenceFrom,
    logSumExp: logSumExpFrom,
    mutualInformation: mutualInformationFrom,
  };
}

/**
 * Sets the break-even lengths given, or every pass's to one number (the tests and `bench/simd.ts`
 * set 1 to run the kernels at every length, then restore the copy {@link breakEvenLengths} gave).
 */
export function setBreakEven(lengths: Partial<Record<PassName, number>> | number): void {
  if (typeof lengths === "number") {
    const n = lengths;
    lengths = { entropy: n, crossEntropy: n, klDivergence: n, logSumExp: n, mutualInformation: n };
  }
  entropyFrom = lengths.entropy ?? entropyFrom;
  crossEntropyFrom = lengths.crossEntropy ?? crossEntropyFrom;
  klDivergenceFrom = lengths.klDivergence ?? klDivergenceFrom;
  logSumExpFrom = lengths.logSumExp ?? logSumExpFrom;
  mutualInformationFrom = lengths.mutualInformation ?? mutualInformationFrom;
}

/** Results of the last pass besides its return value (no allocation per call). */
export const PASS = {
  /** Σ a·pᵢ (entropy: blocked; others: plain) */
  sp: 0,
  /** Σ b·qᵢ */
  sq: 0,
  /** KL fast pass and cross-entropy pass: Σ |terms| */
  abs: 0,
  /** which implementation ran last: "simd" or "js" (for the tests and the benchmark) */
  path: "js" as "js" | "simd",
};

/** Results of the logSumExp passes besides their return values (apart from PASS: a bundle without
 *  logSumExp does not carry them). */
export const LSE_PASS = {
  /** max pass: the index of the first maximum */
  argmax: 0,
  /** sum pass: Σ exp(xᵢ − m) over i ≠ argmax (the sum without the maximum's own 1, exact to the
   *  same accuracy even when it is far below 1 ulp of 1: for m + log1p(rest)) */
  sumRest: 0,
};

const XS = ["xs"] as const;
const NUM: readonly EntryKind[] = ["number"];

/** Final value of a TwoSum pair: hi + lo, or hi alone when hi is not finite. */
const pairValue = (hi: number, lo: number): number => (hi - hi === 0 ? hi + lo : hi);

// --------------------------------------------------------------------------- JS, lane order

function entropyJs(fn: string, p: Vector, n: number, a: number): number {
  let hHi = 0,
    hLo = 0,
    sHi = 0,
    sLo = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h0 = 0,
      h1 = 0,
      s0 = 0,
      s1 = 0;
    for (let i = start; i < end; i += 2) {
      const x = p[i];
      if (typeof x !== "number" || !(x >= 0)) throwFirstInvalid(fn, P, [p], PROB1);
      const a0 = x * a;
      s0 += a0;
      if (a0 > 0) h0 -= a0 * Math.log(a0);
      if (i + 1 < end) {
        const y = p[i + 1];
        if (typeof y !== "number" || !(y >= 0)) throwFirstInvalid(fn, P, [p], PROB1);
        const a1 = y * a;
        s1 += a1;
        if (a1 > 0) h1 -= a1 * Math.log(a1);
      }
    }
    const h = h0 + h1;
    let t = hHi + h;
    let z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
    const s = s0 + s1;
    t = sHi + s;
    z = t - sHi;
    sLo += sHi - (t - z) + (s - z);
    sHi = t;
  }
  PASS.sp = pairValue(sHi, sLo);
  return pairValue(hHi, hLo);
}

// Σ |terms| as h + 2·G, G the sum of the terms pᵢ·log qᵢ > 0 (qᵢ > 1, only with normalize): a test
// that is never true on the common path costs less here than Math.abs and an addition per entry,
// or than a test of a flag (bench/simd.ts: 11.2 → 11.4 ns an entry, 6.0 → 7.7 with p 90% zeros)
function crossJs(fn: string, p: Vector, q: Vector, n: number, a: number, b: number): number {
  let hHi = 0,
    hLo = 0,
    sp0 = 0,
    sp1 = 0,
    sq0 = 0,
    sq1 = 0,
    pos = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h0 = 0,
      h1 = 0,
      g0 = 0,
      g1 = 0;
    for (let i = start; i < end; i += 2) {
      const x = p[i],
        y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0))
        throwFirstInvalid(fn, PQ, [p, q], PROB2);
      const p0 = x * a,
        q0 = y * b;
      sp0 += p0;
      sq0 += q0;
      if (p0 > 0) {
        const term = p0 * Math.log(q0);
        h0 -= term;
        if (term > 0) g0 += term;
      }
      if (i + 1 < end) {
        const x1 = p[i + 1],
          y1 = q[i + 1];
        if (typeof x1 !== "number" || typeof y1 !== "number" || !(x1 >= 0 && y1 >= 0))
          throwFirstInvalid(fn, PQ, [p, q], PROB2);
        const p1 = x1 * a,
          q1 = y1 * b;
        sp1 += p1;
        sq1 += q1;
        if (p1 > 0) {
          const term = p1 * Math.log(q1);
          h1 -= term;
          if (term > 0) g1 += term;
        }
      }
    }
    pos += g0 + g1;
    const h = h0 + h1;
    const t = hHi + h;
    const z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  PASS.sp = sp0 + sp1;
  PASS.sq = sq0 + sq1;
  const h = pairValue(hHi, hLo);
  PASS.abs = h + 2 * pos;
  return h;
}

/** p·log(p/q) for p > 0: one log while p/q is a normal double, else log p − log q. */
function klTerm(p: number, q: number): number {
  return p * logQuotient(p, q);
}

function klJs(fn: string, p: Vector, q: Vector, n: number, a: number, b: number): number {
  let hHi = 0,
    hLo = 0,
    sp0 = 0,
    sp1 = 0,
    sq0 = 0,
    sq1 = 0,
    abs = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = start + BLOCK < n ? start + BLOCK : n;
    let h0 = 0,
      h1 = 0,
      g0 = 0,
      g1 = 0;
    for (let i = start; i < end; i += 2) {
      const x = p[i],
        y = q[i];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && y >= 0))
        throwFirstInvalid(fn, PQ, [p, q], PROB2);
      const p0 = x * a,
        q0 = y * b;
      sp0 += p0;
      sq0 += q0;
      if (p0 > 0) {
        const term = klTerm(p0, q0);
        h0 += term;
        g0 += Math.abs(term);
      }
      if (i + 1 < end) {
        const x1 = p[i + 1],
          y1 = q[i + 1];
        if (typeof x1 !== "number" || typeof y1 !== "number" || !(x1 >= 0 && y1 >= 0))
          throwFirstInvalid(fn, PQ, [p, q], PROB2);
        const p1 = x1 * a,
          q1 = y1 * b;
        sp1 += p1;
        sq1 += q1;
        if (p1 > 0) {
          const term = klTerm(p1, q1);
          h1 += term;
          g1 += Math.abs(term);
        }
      }
    }
    abs += g0 + g1;
    const h = h0 + h1;
    const t = hHi + h;
    const z = t - hHi;
    hLo += hHi - (t - z) + (h - z);
    hHi = t;
  }
  PASS.sp = sp0 + sp1;
  PASS.sq = sq0 + sq1;
  PASS.abs = abs;
  return pairValue(hHi, hLo);
}

/** The maximum of xs and (in LSE_PASS.argmax) the first index holding it; validates (not NaN). */
function lseMaxJs(fn: string, xs: Vector, n: number): number {
  let m = -Infinity;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    if (typeof x !== "number" || x !== x) throwFirstInvalid(fn, XS, [xs], NUM);
    if (x > m) {
      m = x;
      k = i;
    }
  }
  LSE_PASS.argmax = k;
  return m;
}

/** Σ exp(xᵢ − m) with m = xs[k] finite, lane order, Fast2Sum from 1 in each lane (see kernels.c). */
function lseSumJs(xs: Vector, n: number, m: number, k: number): number {
  let s0 = 1,
    c0 = 0,
    s1 = 1,
    c1 = 0;
  for (let i = 0; i < n; i += 2) {
    if (i !== k) {
      const e = Math.exp(xs[i] - m);
      const t = s0 + e;
      c0 += s0 - t + e;
      s0 = t;
    }
    if (i + 1 < n && i + 1 !== k) {
      const e = Math.exp(xs[i + 1] - m);
      const t = s1 + e;
      c1 += s1 - t + e;
      s1 = t;
    }
  }
  const t = s0 + s1;
  const z = t - s0;
  const e = s0 - (t - z) + (s1 - z);
  const c = e + (c0 + c1);
  LSE_PASS.sumRest = t - 2 + c;
  return t - 1 + c;
}

// --------------------------------------------------------------------------- kernels

/** Runs `chunkFn` over p (and q) copied chunk by chunk; on a bad entry, rescans and throws. */
function overChunks(
  kr: Kernels,
  fn: string,
  names: readonly string[],
  kinds: readonly EntryKind[],
  p: Vector,
  q: Vector | undefined,
  n: number,
  chunkFn: (len: number, start: number) => number,
): void {
  const { mem, in0, in1, chunk } = kr;
  for (let start = 0; start < n; start += chunk) {
    const len = start + chunk < n ? chunk : n - start;
    const ok = fill(mem, in0, p, start, len) && (q === undefined || fill(mem, in1, q, start, len));
    if (!ok || chunkFn(len, start) !== 0)
      throwFirstInvalid(fn, names, q === undefined ? [p] : [p, q], kinds);
  }
}

function entropySimd(kr: Kernels, fn: string, p: Vector, n: number, a: number): number {
  const ex = kr.exports;
  ex.entropy_begin(a);
  overChunks(kr, fn, P, PROB1, p, undefined, n, ex.entropy_chunk);
  ex.entropy_end();
  PASS.sp = kr.mem[kr.out + 1];
  return kr.mem[kr.out];
}

function crossSimd(
  kr: Kernels,
  fn: string,
  p: Vector,
  q: Vector,
  n: number,
  a: number,
  b: number,
  withAbs: boolean,
): number {
  const ex = kr.exports;
  ex.cross_begin(a, b);
  overChunks(kr, fn, PQ, PROB2, p, q, n, withAbs ? ex.cross_abs_chunk : ex.cross_chunk);
  ex.cross_end();
  PASS.sp = kr.mem[kr.out + 1];
  PASS.sq = kr.mem[kr.out + 2];
  PASS.abs = kr.mem[kr.out + 3];
  return kr.mem[kr.out];
}

function klSimd(
  kr: Kernels,
  fn: string,
  p: Vector,
  q: Vector,
  n: number,
  a: number,
  b: number,
): number {
  const ex = kr.exports;
  ex.kl_begin(a, b);
  overChunks(kr, fn, PQ, PROB2, p, q, n, ex.kl_chunk);
  ex.kl_end();
  const out = kr.out;
  PASS.sp = kr.mem[out + 1];
  PASS.sq = kr.mem[out + 2];
  PASS.abs = kr.mem[out + 3];
  return kr.mem[out];
}

/**
 * The kernel gives the maximum m and the start of the first chunk holding it; the first index
 * holding it is found here, in that chunk of xs (m = xs[k], so a maximum of 0 keeps the sign of the
 * first zero, as lseMaxJs). An index getter that answers differently on this second reading (m not
 * found) gets the JS pass, whose answer is then the one of a single reading.
 */
function lseMaxSimd(kr: Kernels, fn: string, xs: Vector, n: number): number {
  const ex = kr.exports;
  ex.lse_max_begin();
  overChunks(kr, fn, XS, NUM, xs, undefined, n, ex.lse_max_chunk);
  ex.lse_max_end();
  const m = kr.mem[kr.out];
  const start = kr.mem[kr.out + 1];
  const end = start + kr.chunk < n ? start + kr.chunk : n;
  for (let i = start; i < end; i++) {
    if (xs[i] === m) {
      LSE_PASS.argmax = i;
      return xs[i] as number;
    }
  }
  return lseMaxJs(fn, xs, n);
}

function lseSumSimd(kr: Kernels, xs: Vector, n: number, m: number, k: number): number {
  const ex = kr.exports;
  ex.lse_sum_begin(m);
  const { mem, in0, chunk } = kr;
  for (let start = 0; start < n; start += chunk) {
    const len = start + chunk < n ? chunk : n - start;
    fill(mem, in0, xs, start, len); // validated by the max pass
    // the maximum's own term is the sums' starting 1: its entry is left out as e^−∞ = +0
    if (k >= start && k < start + len) mem[in0 + k - start] = -Infinity;
    ex.lse_sum_chunk(len);
  }
  ex.lse_sum_end();
  LSE_PASS.sumRest = kr.mem[kr.out + 1];
  return kr.mem[kr.out];
}

// --------------------------------------------------------------------------- dispatch

/** The kernels when they are available and worth it at length n, else undefined. */
function use(n: number, breakEven: number): Kernels | undefined {
  const kr = n >= breakEven ? kernels() : undefined;
  PASS.path = kr ? "simd" : "js";
  return kr;
}

/**
 * −Σ (a·pᵢ) log(a·pᵢ) (blocked, lane order); Σ a·pᵢ (blocked) in PASS.sp. Validates p.
 * @throws the library's error for the first bad entry of p
 */
export function entropyPass(fn: string, p: Vector, n: number, a: number): number {
  const kr = use(n, entropyFrom);
  return kr ? entropySimd(kr, fn, p, n, a) : entropyJs(fn, p, n, a);
}

/**
 * −Σ (a·pᵢ) log(b·qᵢ) (blocked); Σ a·pᵢ, Σ b·qᵢ (plain) in PASS.sp, PASS.sq, and, with `withAbs`
 * or on the JS path, Σ |terms| in PASS.abs (else 0; normalize needs it, and the kernels without it
 * are 2–5% faster): the kernels sum |terms| (per block, lane 0 + lane 1, then a plain sum), the JS
 * loop the terms > 0 (crossJs). Validates p, q.
 * A `number[]` is copied entry by entry, as for the other passes (until branch simd9 two number[]
 * took the JS path: measured 0.78-0.98x with the kernels of then; with these, 1.4-1.8x from 48 to
 * 4096 entries and 1.6x at 1e6, lib/wasm/README.md).
 */
export function crossEntropyPass(
  fn: string,
  p: Vector,
  q: Vector,
  n: number,
  a: number,
  b: number,
  withAbs: boolean,
): number {
  const kr = use(n, crossEntropyFrom);
  return kr ? crossSimd(kr, fn, p, q, n, a, b, withAbs) : crossJs(fn, p, q, n, a, b);
}

/**
 * KL fast pass: Σ (a·pᵢ) log(a·pᵢ/(b·qᵢ)) (blocked); PASS.sp, PASS.sq (plain) and PASS.abs
 * = Σ |terms|. Validates p, q.
 */
export function klFastPass(
  fn: string,
  p: Vector,
  q: Vector,
  n: number,
  a: number,
  b: number,
): number {
  const kr = use(n, klDivergenceFrom);
  return kr ? klSimd(kr, fn, p, q, n, a, b) : klJs(fn, p, q, n, a, b);
}

/** The maximum of xs, its first index in LSE_PASS.argmax. Validates xs (no NaN, numbers only). */
export function logSumExpMaxPass(fn: string, xs: Vector, n: number): number {
  const kr = use(n, logSumExpFrom);
  return kr ? lseMaxSimd(kr, fn, xs, n) : lseMaxJs(fn, xs, n);
}

/**
 * Σ exp(xᵢ − m), m = xs[k] finite (the max pass's results), the maximum's own term included;
 * the same sum without that term in LSE_PASS.sumRest.
 */
export function logSumExpSumPass(xs: Vector, n: number, m: number, k: number): number {
  const kr = use(n, logSumExpFrom);
  return kr ? lseSumSimd(kr, xs, n, m, k) : lseSumJs(xs, n, m, k);
}

// --------------------------------------------------------------------------- mutualInformation

/** The kernels for mutualInformation's terms pass over rows of m cells, or undefined (JS). */
export function miKernels(m: number): Kernels | undefined {
  return use(m, mutualInformationFrom);
}

/** Results of {@link miRowSimd}: the (hi, lo) pair of the terms and the bound's sum `dev`. */
export const MI_ROW = { hi: 0, lo: 0, dev: 0 };

/**
 * One row of mutualInformation's plain terms pass on the kernels (lib/wasm/kernels.c, mi_chunk):
 * the row's terms added into the pair (hi, lo) by blocks of 32 cells, and its near cells' bound
 * into dev, all three in MI_ROW. `cols` holds the column sums' hi parts; when `colsLoaded` they
 * are already in the kernels' second buffer (m ≤ chunk). Returns false, with MI_ROW unchanged, when
 * a cell needs the JS loop (a ratio outside the normal range, a cell > 0 whose r·c/S is 0, or an
 * entry of a `number[]` that no longer reads as a number).
 */
export function miRowSimd(
  kr: Kernels,
  row: Vector,
  m: number,
  rs: number,
  cols: Float64Array,
  colsLoaded: boolean,
  hi: number,
  lo: number,
  dev: number,
): boolean {
  const ex = kr.exports;
  const mem = kr.mem;
  const C = kr.chunk;
  for (let start = 0; start < m; start += C) {
    const len = start + C < m ? C : m - start;
    if (!fill(mem, kr.in0, row, start, len)) return false;
    if (!colsLoaded) mem.set(cols.subarray(start, start + len), kr.in1);
    if (ex.mi_chunk(len, rs, hi, lo, dev) !== 0) return false;
    hi = mem[kr.out];
    lo = mem[kr.out + 1];
    dev = mem[kr.out + 2];
  }
  MI_ROW.hi = hi;
  MI_ROW.lo = lo;
  MI_ROW.dev = dev;
  return true;
}

/**
 * The marginals pass of an unscaled table of rows of m ≤ chunk cells on the kernels
 * (lib/wasm/kernels.c, mi_marg_row): {@link miMarginsBegin}, then {@link miMarginRow} for every row
 * in order, then {@link miMarginsEnd}. The column sums are double-doubles built by the same
 * operations in the same order as the JS loop (so the same bits); each row's sum comes back as a
 * hi part and a compensation in MI_ROW.hi, MI_ROW.lo (Neumaier per lane, lanes joined by TwoSum).
 */
export function miMarginsBegin(kr: Kernels, m: number): void {
  kr.exports.mi_marg_begin(m);
}

/** Adds one row (see {@link miMarginsBegin}); false when a cell is not a finite number ≥ 0 (the
 *  caller then redoes the pass in JS, which throws the library's message or finds the total
 *  infinite, as without the kernels). */
export function miMarginRow(kr: Kernels, row: Vector, m: number): boolean {
  if (!fill(kr.mem, kr.in0, row, 0, m) || kr.exports.mi_marg_row(m) !== 0) return false;
  MI_ROW.hi = kr.mem[kr.out];
  MI_ROW.lo = kr.mem[kr.out + 1];
  return true;
}

/** The column sums, hi parts into buf[0, m), lo parts into buf[m, 2m). */
export function miMarginsEnd(kr: Kernels, m: number, buf: Float64Array): void {
  const c = kr.exports.cols() / 8;
  buf.set(kr.mem.subarray(c, c + m), 0);
  buf.set(kr.mem.subarray(c + kr.chunk, c + kr.chunk + m), m);
}
