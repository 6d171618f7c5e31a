import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng } from "../../lib/src/distributions/create-rng";
import { gaussian } from "../../lib/src/distributions/gaussian";
import { bernoulli } from "../../lib/src/distributions/bernoulli";
import { beta } from "../../lib/src/distributions/beta";
import { categorical } from "../../lib/src/distributions/categorical";
import { exponential } from "../../lib/src/distributions/exponential";
import { poisson } from "../../lib/src/distributions/poisson";
import {
  checkDraws,
  drawNormal,
  entropyBase,
  frozen,
  inBase,
  isMade,
  overSquare,
  paramError,
  quotientOfSum,
} from "../../lib/src/distributions/internal";
import { ulp } from "../helpers/numeric";

test("checkDraws accepts non-negative integers with an Rng", () => {
  checkDraws("f", 0, createRng(1));
  checkDraws("f", 10, createRng(1));
});

test("checkDraws rejects a bad n with RangeError and a missing rng with TypeError", () => {
  assert.throws(
    () => checkDraws("f", -1, createRng(1)),
    (e: Error) =>
      e instanceof RangeError && e.message === "f: n = -1 must be a non-negative integer",
  );
  assert.throws(() => checkDraws("f", 2 ** 53, createRng(1)), RangeError);
  assert.throws(
    () => checkDraws("f", 1, null as never),
    (e: Error) =>
      e instanceof TypeError &&
      e.message ===
        "f: rng = null is not an Rng (it needs next(), normal() and int(k); use createRng(seed))",
  );
});

test("paramError throws RangeError 'family: name = value must be rule'", () => {
  assert.throws(
    () => paramError("fam", "x", 3, "< 2"),
    (e: Error) => e instanceof RangeError && e.message === "fam: x = 3 must be < 2",
  );
});

test("entropyBase validates base like the information API and inBase converts nats keeping the sign", () => {
  assert.is(entropyBase("f", undefined), 1);
  assert.is(inBase(-2, entropyBase("f", { base: Math.E })), -2);
  assert.is(inBase(Math.LN2, entropyBase("f", { base: 2 })), 1);
  assert.ok(Math.abs(inBase(-Math.LN10, entropyBase("f", { base: 10 })) + 1) < 1e-15);
  for (const b of [1, 0, -2, Infinity, NaN])
    assert.throws(
      () => entropyBase("f", { base: b }),
      (e: Error) => e instanceof RangeError && e.message.startsWith("f: base"),
    );
  assert.throws(
    () => entropyBase("f", { base: "2" } as never),
    (e: Error) => e instanceof TypeError && e.message === 'f: base = "2" is not a number',
  );
  assert.throws(
    () => entropyBase("f", { bas: 2 } as never),
    (e: Error) =>
      e instanceof TypeError && e.message === "f: options.bas = 2 is not an option (known: base)",
  );
});

test("frozen freezes and returns the same object", () => {
  const o = { a: 1 };
  assert.is(frozen(o), o);
  assert.ok(Object.isFrozen(o));
});

// Exact references without a fixture: every double is n·2^-s with integers n, s, so c/r² is a ratio
// of BigInts, and the error of a result in ulps is exact (to 1e-6).
const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);
/** A finite double ≥ 0 as [n, s] with x = n / 2^s (s ≥ 0), read from its bits. */
function dyadic(x: number): [bigint, bigint] {
  F64[0] = x;
  const e = Number((U64[0] >> 52n) & 0x7ffn);
  const f = U64[0] & 0xfffffffffffffn;
  const n = e === 0 ? f : f | (1n << 52n);
  const s = 1075 - Math.max(e, 1);
  return s >= 0 ? [n, BigInt(s)] : [n << BigInt(-s), 0n];
}
/** A finite double as [n, s] with x = n / 2^s, n signed. */
function signedDyadic(x: number): [bigint, bigint] {
  const [n, s] = dyadic(Math.abs(x));
  return [x < 0 ? -n : n, s];
}
/** |v − num/den| in ulps of v (ulp(0) = 2^-1074), exactly to 1e-6. */
function ulpsFrom(v: number, num: bigint, den: bigint): number {
  const [nv, sv] = dyadic(v);
  const [nu, su] = dyadic(v === 0 ? 2 ** -1074 : ulp(v));
  const S = sv > su ? sv : su;
  const diff = (nv << (S - sv)) * den - (num << S);
  const abs = diff < 0n ? -diff : diff;
  return Number((abs * 1000000n) / ((nu << (S - su)) * den)) / 1e6;
}

test("overSquare(c, r) = c/r² for c = 1 and 2 (its callers' values) is the exact value rounded once, in the subnormals too, Infinity past the overflow threshold (seeded, r over the whole double range)", () => {
  const rng = createRng(2025);
  const seen = { infinite: 0, normal: 0, subnormal: 0, zero: 0 };
  let worstNormal = 0;
  let worstSubnormal = 0;
  for (let t = 0; t < 12000; t++) {
    const r = 2 ** (-1074 + 2097 * rng.next()); // log-uniform over (2^-1074, 2^1023)
    const c = t % 2 === 0 ? 1 : 2;
    const [nc, sc] = dyadic(c);
    const [nr, sr] = dyadic(r);
    const num = nc << (2n * sr); // c/r² = (nc/2^sc) / (nr²/2^(2sr))
    const den = (nr * nr) << sc;
    const v = overSquare(c, r);
    if (num >= ((1n << 1024n) - (1n << 970n)) * den) {
      // at least MAX + ulp(MAX)/2: rounds to Infinity
      assert.is(v, Infinity, `overSquare(${c}, ${r})`);
      seen.infinite++;
      continue;
    }
    const e = ulpsFrom(v, num, den);
    if (v >= 2 ** -1022) {
      seen.normal++;
      worstNormal = Math.max(worstNormal, e);
    } else {
      if (v === 0) seen.zero++;
      else seen.subnormal++;
      worstSubnormal = Math.max(worstSubnormal, e);
    }
  }
  // the seeded stream reaches every region (about 1/4 overflow, 1/2 normal, some subnormal, 1/4 zero)
  assert.ok(
    seen.infinite > 1000 && seen.normal > 5000 && seen.subnormal > 20 && seen.zero > 1000,
    JSON.stringify(seen),
  );
  assert.ok(worstNormal <= 0.5, `normal results: worst ${worstNormal} ulp`); // 0.499999 measured
  // subnormal results: rounded once too (c divided by the rounded r², as before stop 29: 0.836 ulp)
  assert.ok(worstSubnormal <= 0.5, `subnormal results: worst ${worstSubnormal} ulp`);
  // the mutation helper's two cases (stop 29), nearest doubles from Python's Fraction of the
  // inputs, rounded onto the 2^-1074 grid by hand: 0.93 and 0.84 ulp off before
  assert.is(overSquare(2, 9.490978621481388e153), 2.220281321528768e-308);
  assert.is(overSquare(1, 7.092663539970022e153), 1.9878393493966614e-308);
});

test("isMade is false, without throwing, for null, undefined, a number, a plain object and a copy; true only for a constructor's own object", () => {
  const d = gaussian(0, 1);
  assert.is(isMade(d), true);
  for (const v of [null, undefined, 5, "gaussian", {}, { ...d }, Object.create(d)]) {
    assert.is(isMade(v), false, String(v));
  }
});

test("every family constructor's object is made (its seal vouches for that object), and a copy of it is not", () => {
  // each constructor writes its own seal, () => vouch(d): one that vouched for anything but its
  // own result would make isMade false for it (and for a copy still false)
  const made = [
    gaussian(0, 1),
    bernoulli(0.3),
    beta(2, 3),
    categorical([0.2, 0.8]),
    exponential(2),
    poisson(4),
  ];
  for (const d of made) {
    assert.is(isMade(d), true, d.family);
    assert.is(isMade({ ...d }), false, `a copy of ${d.family}`);
    assert.is(isMade(Object.create(d)), false, `an object inheriting from ${d.family}`);
  }
});

test("drawNormal refuses a non-number from rng.normal() with a TypeError, even one that subtracts to 0 (a string), and a non-finite one with a RangeError", () => {
  const rng = (z: unknown) => ({ next: () => 0.5, normal: () => z, int: () => 0 }) as never;
  assert.is(drawNormal("f", rng(-1.5)), -1.5);
  assert.throws(
    () => drawNormal("f", rng("0.5")),
    (e: Error) => e instanceof TypeError && e.message.startsWith("f: rng.normal() = "),
  );
  assert.throws(
    () => drawNormal("f", rng(Infinity)),
    (e: Error) =>
      e instanceof RangeError && e.message === "f: rng.normal() = Infinity is not a finite number",
  );
});

test("quotientOfSum(x, a, b) = x/(a + b) is one rounding from the exact value (the TwoSum error of a + b folded back), seeded, against exact BigInt rationals", () => {
  const rng = createRng(99);
  let worst = 0;
  let worstPlain = 0;
  let n = 0;
  for (let t = 0; t < 5000; t++) {
    // a of either sign over 2^±30, b up to twice a and down to 2^-20 of it (a + b rounds, or cancels)
    const a = 2 ** (-30 + 60 * rng.next()) * (rng.next() < 0.5 ? -1 : 1);
    const b = a * (rng.next() * 4 - 2) * 2 ** (-20 * rng.next());
    const x = 2 ** (-30 + 60 * rng.next());
    if (a + b === 0) continue;
    n++;
    // x/(a + b) = (nx/2^sx) / ((na·2^(T−sa) + nb·2^(T−sb))/2^T)
    const [nx, sx] = dyadic(x);
    const [na, sa] = signedDyadic(a);
    const [nb, sb] = signedDyadic(b);
    const T = sa > sb ? sa : sb;
    let num = nx << T;
    let den = ((na << (T - sa)) + (nb << (T - sb))) << sx;
    if (den < 0n) [num, den] = [-num, -den];
    const v = quotientOfSum(x, a, b);
    const sign = v < 0 ? -1n : 1n;
    worst = Math.max(worst, ulpsFrom(Math.abs(v), sign * num, den));
    const plain = x / (a + b);
    worstPlain = Math.max(worstPlain, ulpsFrom(Math.abs(plain), sign * num, den));
  }
  assert.ok(n > 4900);
  assert.ok(worst <= 0.5, `worst ${worst} ulp`); // 0.49999 measured
  assert.ok(
    worstPlain > 1,
    `the plain x/(a + b) is two roundings (worst ${worstPlain} ulp): the data exercise the correction`,
  );
});

test.run();
