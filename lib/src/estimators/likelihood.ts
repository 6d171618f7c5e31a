import type { Distribution, Sample } from "../distributions";

/** A model with a density (or mass) function: any object with `prob` (what `likelihood` needs). */
export interface ProbModel {
  prob(x: number): number;
}
import { requireSample, throwFirstNonFinite } from "./internal";
import { checkModel } from "./sum-log-prob";
import { checkReturned, MAX_DOUBLE, showValue, valueError } from "../validate/validate";

/** 2⁻¹⁰²², the smallest normal double: a module constant, not the import (whose property load in the
 * CommonJS build cost the hot loop 8–10 % in `likelihood(gaussian(0, 1), xs)`). */
const MIN_NORMAL = 2 ** -1022;

/**
 * The likelihood of a distribution on a sample: the product of the densities (or masses).
 *
 * L(θ) = Π_{i=1}^{m} p(x_i; θ), multiplied out as written. Where that plain product is not exact
 * (a factor or a partial product leaves the normal double range: a density above 1.8e308 or below
 * 2.2e-308, an Infinity · 0, a partial product that underflows and later factors would bring back),
 * it is redone with exact power-of-two rescaling, each factor beyond the range taken as
 * exp(logProb(x_i)) split into 2^j · e^r: so L is right whenever it is a double, and `0` or
 * `Infinity` only when the exact product is beyond the double range. It does underflow: each factor
 * of a standard normal is at most 0.4, so for a few thousand observations L is below the smallest
 * double (≈ 4.9e-324) and the result is exactly `0`, whatever θ is. This is why estimators work
 * with {@link logLikelihood} instead; `likelihood` is here to show the problem.
 *
 * @param dist the model, from a family constructor or any object with `prob` (and optionally
 *   `logProb`, used for the densities beyond the double range)
 * @param xs the observations
 * @returns L ≥ 0, within a few ulps times max(m, Σ|log p(xᵢ)|) of the exact product of the
 *   densities (the m roundings of a product of m doubles; exp's condition number); `0` or `Infinity`
 *   where that product is beyond the double range; NaN where one factor is `Infinity` and another
 *   `0` and no finite `logProb` resolves them (Infinity · 0: `likelihood(beta(0.5, 2), [0, 1])`, a
 *   pole at 0 and a zero at 1, log p = ±Infinity; or a model without `logProb`); `-0` only from a
 *   custom `prob` that returns `-0`
 * @throws {TypeError} when `dist` has no `prob` method, `xs` is not a `number[]` or `Float64Array`, or holds a non-number
 * @throws {RangeError} when `xs` is empty or holds NaN or ±Infinity (naming the index), or `dist.prob` returns a negative number or NaN
 * @example
 * likelihood(bernoulli(0.25), [1, 0, 0]);             // => 0.140625
 * likelihood(gaussian(0, 1), [0]);                    // => 0.3989422804014327
 * likelihood(gaussian(0, 1), new Float64Array(2000)); // => 0 (underflow: the true value is e^-1837.9)
 * likelihood(gaussian(0, 2 ** -1030), [0, 4.701337695572445e-309]); // => 1.0228842929797206e-16 (e^713.0 · e^-749.8; exact 1.0228842929798253e-16)
 * likelihood(gaussian(0, 1), [NaN]);                  // throws RangeError: likelihood: xs[0] = NaN is not a number
 */
export function likelihood(dist: Distribution | ProbModel, xs: Sample): number {
  checkModel("likelihood", dist, "prob");
  requireSample("likelihood", xs);
  let product = 1;
  let i = 0;
  for (; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== "number" || !(x - x === 0)) throwFirstNonFinite("likelihood", xs);
    const v = dist.prob(x);
    // a factor that is not a normal double (0, subnormal; or not a number, negative, NaN, which
    // the rescaled pass refuses), or a partial product that underflowed: the plain product is off
    if (typeof v !== "number" || !(v >= MIN_NORMAL)) break;
    product *= v;
    if (product < MIN_NORMAL) break;
  }
  // (an Infinity stays to the end, or becomes NaN: `product <= MAX_DOUBLE` sees both)
  return i === xs.length && product <= MAX_DOUBLE ? product : rescaledProduct(dist, xs);
}

/** ln 2 in two parts (fdlibm's): the first has 21 trailing zero bits, so j·LN2_HI is exact for |j| < 2^21. */
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** Math.LN2 split by Veltkamp (LN2_A + LN2_B exactly, 26 bits each), and ln 2 − Math.LN2. */
const LN2_A = 0.6931471824645996;
const LN2_B = -1.904654323148236e-9;
const LN2_TAIL = 2.3190468138462996e-17;

/**
 * r = l − j·ln 2 for |j| ≥ 2^21, where j·LN2_HI is not exact: j·Math.LN2 as an exact double-double
 * (Dekker's product, j split by Veltkamp), then ln 2's tail. |r| ≤ ½ ln 2 to within an ulp of l
 * (l's own rounding). Beyond |j| = 2^53 (|log p| > 6.2e15, where an ulp of l is 1 or more, so e^r is
 * not known to a factor e) r is 0: the factor is 2^j, within the rounding of l.
 */
function reduceWide(l: number, j: number): number {
  if (!(j * j < 2 ** 106)) return 0;
  const p = j * Math.LN2;
  const c = 134217729 * j;
  const jh = c - (c - j);
  const jl = j - jh;
  const pl = jh * LN2_A - p + jh * LN2_B + jl * LN2_A + jl * LN2_B;
  return l - p - pl - j * LN2_TAIL;
}

/**
 * Π p(xᵢ) for validated data as mant · 2^e: each factor scaled by 2^±512 into [2^-512, 2^512], mant
 * kept in [2^-256, 2^256] by exact powers of two, so no partial product over- or underflows; a
 * density that is not a normal double comes from logProb as 2^j · e^r, |r| ≤ ½ ln 2. The only
 * roundings are the products' (and exp's), as in the plain product, and the last step's.
 */
function rescaledProduct(dist: Distribution | ProbModel, xs: Sample): number {
  const logProb = (dist as { logProb?: unknown }).logProb;
  let mant = 1;
  let e = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== "number" || !(x - x === 0)) throwFirstNonFinite("likelihood", xs);
    let v = dist.prob(x);
    // a number ≥ 0: never a string coerced, nor a negative "probability" whose sign another factor
    // would undo (typeof first: `>=` would coerce a string and throw the engine's message for a Symbol)
    if (typeof v !== "number" || !(v >= 0)) badProb(x, v);
    if (!(v >= MIN_NORMAL && v <= MAX_DOUBLE) && typeof logProb === "function") {
      const l = logProb.call(dist, x) as number;
      if (typeof l !== "number") checkReturned("likelihood", `dist.logProb(${showValue(x)})`, l);
      if (l - l === 0) {
        const j = Math.round(l / Math.LN2);
        // |j| ≥ 2^21 (|log p| above 1.45e6): other factors can bring the product back (2000 factors
        // e^743), so e^r is kept, by reduceWide's exact product j·ln 2
        v = Math.exp(j * j < 2 ** 42 ? l - j * LN2_HI - j * LN2_LO : reduceWide(l, j));
        e += j;
      } else v = Math.exp(l); // -Infinity: 0; Infinity; NaN
    }
    const s = v > 1 ? -512 : 512;
    mant *= v * 2 ** s;
    e -= s;
    if (mant > 2 ** 256) {
      mant *= 2 ** -512;
      e += 512;
    } else if (mant < 2 ** -256) {
      mant *= 2 ** 512;
      e -= 512;
    }
  }
  // mant · 2^e in three exact steps of at most 2^±734 (beyond ±2200 the result is 0 or Infinity),
  // each moving towards the result, so none over- or underflows before the last
  if (e < -2200) e = -2200;
  if (e > 2200) e = 2200;
  const q = Math.trunc(e / 3);
  return mant * 2 ** q * 2 ** q * 2 ** (e - 2 * q);
}

/** Throws for a value of `dist.prob(x)` that is not a number (TypeError) or is negative or NaN (RangeError). */
function badProb(x: number, v: unknown): never {
  checkReturned("likelihood", `dist.prob(${showValue(x)})`, v);
  throw valueError(
    "likelihood",
    `dist.prob(${showValue(x)})`,
    v,
    "is not a probability or density (negative or NaN)",
  );
}
