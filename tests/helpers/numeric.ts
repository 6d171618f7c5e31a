// Numeric comparisons shared by the library tests, the domain-wide accuracy test and the mutation
// tests (not a test file itself). Three kinds of check, each named for what it does:
//
//   assertUlps(actual, expected, maxUlps)     a result that is one rounding (or a few) away from the
//                                             exact value: distance in units in the last place
//   assertRelClose(actual, expected, rel)     relative error |a − e| ≤ rel·|e|, at every magnitude
//                                             (below 1 too: 1e-300 is compared to 1e-300, not to 1)
//   assertAbsClose(actual, expected, abs)     an absolute bound, for a test that genuinely needs one
//                                             (a quantity that is 0 in exact arithmetic, a difference)
//
// Equal values (including equal infinities, and NaN against NaN) always pass; an infinity never
// matches a finite value; a NaN never matches a number.
import * as assert from "uvu/assert";

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** The spacing of the doubles at |x|: 2^(e − 52) for a normal x in [2^e, 2^(e+1)), 2^-1074 for a subnormal. */
export function ulp(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  F64[0] = Math.abs(x);
  const exp = Number(U64[0] >> 52n);
  return 2 ** (Math.max(exp, 1) - 1075);
}

/** Maps a double to an integer such that neighbouring doubles differ by 1 (−0 and 0 both map to 0). */
function ordinal(x: number): bigint {
  F64[0] = x;
  const bits = U64[0];
  const magnitude = bits & 0x7fffffffffffffffn;
  return bits >> 63n ? -magnitude : magnitude;
}

/** The number of doubles between a and b (0 when equal; Infinity when either is NaN or they differ in infinity). */
export function ulpDistance(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/**
 * Error of `actual` against an exact value given as a double-double (hi + lo, as the generators
 * write it), in units of ulp(hi): |actual − (hi + lo)| / ulp(hi). 0 when both are the same
 * infinity or both NaN; Infinity when only one of them is infinite or NaN. A reference of exactly
 * 0 gives 0 for an actual 0 and Infinity otherwise.
 */
export function errorUlps(actual: number, hi: number, lo = 0): number {
  if (Number.isNaN(hi) || Number.isNaN(actual))
    return Number.isNaN(hi) && Number.isNaN(actual) ? 0 : Infinity;
  if (!Number.isFinite(hi) || !Number.isFinite(actual)) return actual === hi ? 0 : Infinity;
  if (hi === 0 && lo === 0) return actual === 0 ? 0 : Infinity;
  return Math.abs(actual - hi - lo) / ulp(hi);
}

/** Relative error |actual − (hi + lo)| / |hi + lo|, with the same conventions as {@link errorUlps}. */
export function relError(actual: number, hi: number, lo = 0): number {
  if (Number.isNaN(hi) || Number.isNaN(actual))
    return Number.isNaN(hi) && Number.isNaN(actual) ? 0 : Infinity;
  if (!Number.isFinite(hi) || !Number.isFinite(actual)) return actual === hi ? 0 : Infinity;
  if (hi === 0 && lo === 0) return actual === 0 ? 0 : Infinity;
  return Math.abs(actual - hi - lo) / Math.abs(hi);
}

function label(what: string): string {
  return what ? `${what}: ` : "";
}

/** Asserts that `actual` is within `maxUlps` units in the last place of `expected` (a double). */
export function assertUlps(actual: number, expected: number, maxUlps: number, what = ""): void {
  const d = ulpDistance(actual, expected);
  assert.ok(
    d <= maxUlps,
    `${label(what)}expected ${expected}, got ${actual} (${d} ulps, allowed ${maxUlps})`,
  );
}

/**
 * Asserts |actual − expected| ≤ rel·|expected|: relative at every magnitude. Equal values pass (so
 * an expected 0 requires exactly 0: use {@link assertAbsClose} when the test means an absolute bound).
 */
export function assertRelClose(actual: number, expected: number, rel: number, what = ""): void {
  if (Object.is(actual, expected) || actual === expected) return;
  const err = Math.abs(actual - expected);
  assert.ok(
    err <= rel * Math.abs(expected),
    `${label(what)}expected ${expected}, got ${actual} (relative error ${err / Math.abs(expected)}, allowed ${rel})`,
  );
}

/** Asserts |actual − expected| ≤ abs (an absolute bound; say why the test needs one). */
export function assertAbsClose(actual: number, expected: number, abs: number, what = ""): void {
  if (Object.is(actual, expected) || actual === expected) return; // NaN against NaN too, as the header says
  const err = Math.abs(actual - expected);
  assert.ok(
    err <= abs,
    `${label(what)}expected ${expected}, got ${actual} (absolute error ${err}, allowed ${abs})`,
  );
}

/** True when |actual − expected| ≤ rel·|expected| (relative at every magnitude; equal values pass). */
export function relClose(actual: number, expected: number, rel: number): boolean {
  return actual === expected || Math.abs(actual - expected) <= rel * Math.abs(expected);
}

/** Asserts that `f` throws an error of class `kind` whose message is exactly `message`. */
export function throwsExactly(f: () => unknown, kind: ErrorConstructor, message: string): void {
  try {
    f();
  } catch (e) {
    assert.instance(e, kind, `${message}: wrong error class`);
    assert.is((e as Error).message, message);
    return;
  }
  assert.unreachable(`expected ${kind.name}: ${message}`);
}
