import { logGamma } from "../special/log-gamma";
import { logBeta, logGammaRatio } from "../special/log-beta";
import { stirlingCorrection } from "../special/log-gamma";
import { atanhSeries, productError } from "../information/numerics";
import type { Rng } from "./create-rng";
import type { DistributionBase, EntropyOptions } from "./distribution";
import {
  checkDraws,
  drawNormal,
  drawUniform,
  MAX_REJECTIONS,
  tooManyRejections,
  entropyBase,
  frozen,
  inBase,
  param,
  made,
  vouch,
  quotientOfSum,
  correctedQuotient,
  twoSum,
} from "./internal";
import { allocate, checkNumber } from "../validate/validate";

/**
 * Beta(alpha, beta) on [0, 1], the conjugate prior of a Bernoulli success probability.
 * Besides the common methods it has `mode()`, the argmax of its density (the MAP estimate when it is a posterior).
 */
export type Beta = DistributionBase<"beta", { alpha: number; beta: number }> & {
  /** The argmax of the density on [0, 1]; NaN when there is no single one (see {@link beta}). */
  mode(): number;
};

const HALF_LOG_TWO_PI = 0.9189385332046728;
const LOG_TWO_PI = 1.8378770664093453;
const TEXTBOOK_K = 4;
/** From this shape on, δ is its series (below, the recurrence of {@link stirlingError}). */
const LARGE = 10;
/** From this smaller shape on, the entropy is written in Stirling form (large parts cancelled on paper). */
const STIRLING_ENTROPY = 0.9;

/** ε(x) = ln x − 1/(2x) − ψ(x) for x ≥ 10: Σ B₂ₖ/(2k x²ᵏ), k = 1 … 6 (truncation error < 1e-15 relative). */
function digammaTail(x: number): number {
  const r = 1 / (x * x);
  return (
    r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132 - r * (691 / 32760))))))
  );
}

/**
 * ε(x) for x ≥ 10 to a few ulps: below 30 by ε(x) = ε(x + 1) + Σₖ≥₁ (2 − 2/(2k + 1)) u^(2k+1),
 * u = 1/(2x + 1) (all terms positive), then the series, whose first omitted term
 * B₁₄/(14x¹⁴) is 8e-16 at x = 10 (100 ulps of Beta(10, 10)'s entropy after the factor a − 1) and
 * 2e-22 at 30.
 */
function digammaTailAccurate(x: number): number {
  let extra = 0;
  while (x < 30) {
    const u = 1 / (2 * x + 1);
    const t = u * u;
    let pow = u * t;
    let sum = 0;
    for (let k = 1; k < 40; k++) {
      const term = pow * (2 - 2 / (2 * k + 1));
      sum += term;
      if (term <= 1e-17 * sum) break;
      pow *= t;
    }
    extra += sum;
    x += 1;
  }
  return digammaTail(x) + extra;
}

/**
 * The digamma function ψ(x) = d/dx log Γ(x) for x > 0: the recurrence ψ(x) = ψ(x + 1) − 1/x up to
 * x ≥ 20 (its terms summed with compensation), then the asymptotic series log x − 1/(2x) − ε(x),
 * whose first omitted term is below 1e-19 there (at 10 it was 8e-16).
 */
function digamma(x: number): number {
  let shift = 0;
  let c = 0;
  while (x < 20) {
    const t = -1 / x;
    const s = shift + t;
    c += Math.abs(shift) >= Math.abs(t) ? shift - s + t : t - s + shift;
    shift = s;
    x += 1;
  }
  return shift + c + Math.log(x) - 0.5 / x - digammaTail(x);
}

/**
 * δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], the Stirling correction, for x ≥ 1: its series
 * from 10 on; below, δ(x) = δ(x + 1) + A(1/(2x + 1)) with A(s) = atanh(s)/s − 1 = s²/3 + s⁴/5 + …
 * (all terms positive), so δ keeps its relative precision where ln Γ(x) − […] would cancel.
 */
function stirlingError(x: number): number {
  let extra = 0;
  while (x < LARGE) {
    const s = 1 / (2 * x + 1);
    const t = s * s;
    let pow = t;
    let a = 0;
    for (let k = 3; k < 60; k += 2) {
      const term = pow / k;
      a += term;
      if (term <= 1e-17 * a) break;
      pow *= t;
    }
    extra += a;
    x += 1;
  }
  return stirlingCorrection(x) + extra;
}

/**
 * The differential entropy of Beta(a, b), h = ln B − (a − 1)ψ(a) − (b − 1)ψ(b) + (a + b − 2)ψ(a + b),
 * without the cancellation of its large terms: for a, b ≥ 10 (c = a + b, ψ = ln − 1/(2x) − ε),
 * h = ½ ln(ab/c³) + ½ ln 2π + ½ − 1/(2a) − 1/(2b) + 1/c + (a − 1)ε(a) + (b − 1)ε(b) − (c − 2)ε(c)
 *   + δ(a) + δ(b) − δ(c);
 * the same for a ≥ 1 (δ and ε by their positive recurrences below 10 and 30); for a < 1,
 * −(b − 1)ψ(b) + (c − 2)ψ(c) = (b − 1)[ψ(c) − ψ(b)] + (a − 1)ψ(c), ψ(c) − ψ(b) by
 * {@link digammaDifference}, with ψ(a) = ψ(1 + a) − 1/a (and for b < 1 the three 1/x terms summed
 * as 1 − (a² + b²)/(abc), one sign).
 */
function betaEntropy(a: number, b: number): number {
  if (a > b) {
    const t = a;
    a = b;
    b = t;
  }
  const c = a + b;
  if (a === 1 && b === 1) return 0; // the uniform density (the Stirling form gives 1e-16)
  if (a >= STIRLING_ENTROPY) {
    // a + b overflows only above 8.9e307: then ln c = ln(a/2 + b/2) + ln 2, and the c terms
    // (c − 2)·ε(c) ≈ 1/(12c), 1/c and δ(c) are below 1e-308 (0, not Infinity·0)
    const finite = c < Infinity;
    const logC = finite ? Math.log(c) : Math.log(0.5 * a + 0.5 * b) + Math.LN2;
    const halfLog = -0.5 * (Math.log1p(b / a) + Math.log1p(a / b) + logC);
    const cTail = finite ? (c - 2) * digammaTailAccurate(c) : 0;
    const small =
      -0.5 / a -
      0.5 / b +
      1 / c +
      ((a - 1) * digammaTailAccurate(a) + (b - 1) * digammaTailAccurate(b) - cTail);
    const delta = stirlingError(a) + stirlingError(b) - (finite ? stirlingError(c) : 0);
    return halfLog + HALF_LOG_TWO_PI + 0.5 + small + delta;
  }
  // a < 1: ψ(a) = ψ(1 + a) − 1/a, so −(a − 1)ψ(a) = 1 − 1/a − (a − 1)ψ(1 + a)
  if (b < 1) {
    // both below 1: the three 1/x terms add up to 1 − 1/a − 1/b + 2/c = 1 − (a² + b²)/(abc), one
    // sign, instead of cancelling
    return (
      logBeta(a, b) +
      1 -
      sumOfSquaresOverProduct(a, b) -
      (a - 1) * digamma(1 + a) -
      (b - 1) * digamma(1 + b) +
      (c - 2) * digamma(1 + c)
    );
  }
  return (
    logBeta(a, b) +
    1 -
    1 / a -
    (a - 1) * digamma(1 + a) +
    (b - 1) * digammaDifference(a, b) +
    (a - 1) * digamma(c)
  );
}

/** (a² + b²)/(ab(a + b)) for a, b in (0, 1), from double-double numerator and denominator (one rounding). */
function sumOfSquaresOverProduct(a: number, b: number): number {
  if (!(a * b > 2 ** -400)) {
    // products and squares would underflow: a/(b(a + b)) + b/(a(a + b)), a few roundings
    const c0 = a + b;
    return a / c0 / b + b / c0 / a;
  }
  const a2 = a * a;
  const b2 = b * b;
  const [n, ne] = twoSum(a2, b2);
  const nl = ne + productError(a, a, a2) + productError(b, b, b2);
  const ab = a * b;
  const [c, ce] = twoSum(a, b);
  const d = ab * c;
  const dl = productError(ab, c, d) + productError(a, b, ab) * c + ab * ce;
  const q = n / d;
  const pd = q * d;
  return q + (n - pd - productError(q, d, pd) + nl - q * dl) / d;
}

/**
 * ψ(b + a) − ψ(b) for a, b > 0 without cancellation: b is carried up to B = b + n ≥ 10 by the
 * positive terms a/((b + i)(b + a + i)), then ψ(C) − ψ(B) = log1p(a/B) + a/(2BC) + ε(B) − ε(C).
 */
function digammaDifference(a: number, b: number): number {
  let shift = 0;
  while (b < LARGE) {
    shift += a / (b * (b + a));
    b += 1;
  }
  const c = b + a;
  return (
    shift + Math.log1p(a / b) + a / (2 * b * c) + (digammaTailAccurate(b) - digammaTailAccurate(c))
  );
}

/**
 * log of the Beta(a, b) density at x in (0, 1) for a, b > 2, in the saddle-point form of Loader
 * (2000) that R's dbeta uses: with k = a − 1, m = b − 1, n = k + m,
 * log p = ln(n + 1) + δ(n) − δ(k) − δ(m) − bd0(k, n·x) − bd0(m, n·(1 − x)) − ½ ln(2π k m / n),
 * bd0(u, v) = u ln(u/v) − u + v ≥ 0. Nothing cancels: (a − 1) ln x + (b − 1) ln(1 − x) − ln B would
 * lose every digit at large shapes. The differences k − n·x and m − n·(1 − x) that bd0 needs near
 * the mode are formed exactly (k, m and n as double-doubles, the products by Dekker), so the
 * rounding of a + b does not swamp them.
 */
interface Saddle {
  h: number; // 1, or ½ (¼ when a + b overflows) when n = k + m would come near the overflow
  /** 1/h (1, 2 or 4): a product, exact, where a division would end every call */
  hInv: number;
  k: number; // (a − 1)·h and its rounding error
  kl: number;
  m: number; // (b − 1)·h
  ml: number;
  n: number; // k + m, and its error
  nl: number;
  /** n split for Dekker's product (Veltkamp: nHi + nLo = n), hoisted out of every call; 0 when n ≥ 2^995 */
  nHi: number;
  nLo: number;
  /** ln(n + 1) + δ(n) − δ(k) − δ(m) − ½ ln(2π k m/n): everything that does not depend on x */
  c: number;
}

/** 2^27 + 1, Dekker's splitting constant. */
const SPLIT = 134217729;

/** (a − 1) − fl(a − 1), exactly (TwoSum of a and −1). */
function lostInMinusOne(a: number): number {
  const k = a - 1;
  const bv = k - a;
  return a - (k - bv) + (-1 - bv);
}

/** The x-free part of the saddle-point log density, computed once per distribution. */
function saddleConstants(a: number, b: number): Saddle {
  // k = a − 1 and m = b − 1 as double-doubles (TwoSum: a − 1 is exact below 2^53 only, and above
  // it the lost 1 moved k − n·x by 1, which bd0's cancellation turned into 1.2e7 ulps of log p at
  // Beta(7.5e19, 1.9e120)), scaled by h (exactly) when n = k + m would come near the overflow:
  // bd0 is homogeneous of degree 1, and the logs get ln(1/h) back. bd0 adds u + v ≤ 2n, so n must
  // stay at most MAX/2: h = ½ while a + b is finite, ¼ when a + b overflows (a = b = 1.7e308 with
  // h = ½ gave n = 1.7e308 and u + v = Infinity, so NaN where log p = −2.96e307 at x = 0.3)
  const h = a + b < 8e307 ? 1 : a + b < Infinity ? 0.5 : 0.25;
  const k = (a - 1) * h;
  const kl = lostInMinusOne(a) * h; // exact: a − 1 − fl(a − 1)
  const m = (b - 1) * h;
  const ml = lostInMinusOne(b) * h;
  const n = k + m;
  const bb = n - k;
  const nl = k - (n - bb) + (m - bb) + kl + ml;
  const lnH = h === 1 ? 0 : h === 0.5 ? Math.LN2 : 2 * Math.LN2;
  const lf = LOG_TWO_PI + Math.log(k) + Math.log(m) - Math.log(n) + lnH;
  const c =
    Math.log(n + h) +
    lnH +
    stirlingError(n / h) -
    stirlingError(k / h) -
    stirlingError(m / h) -
    0.5 * lf;
  const t = SPLIT * n;
  const nHi = n < 2 ** 995 ? t - (t - n) : 0;
  return { h, hInv: 1 / h, k, kl, m, ml, n, nl, nHi, nLo: n < 2 ** 995 ? n - nHi : 0, c };
}

/**
 * The x-dependent part of the saddle-point log density (see {@link Saddle}): bd0(k, n·x) +
 * bd0(m, n·(1 − x)), so that log p = c − this. The difference k − n·x that bd0 needs near the mode
 * is formed exactly (k, m and n as double-doubles, the product by Dekker with n's split hoisted),
 * so the rounding of a + b does not swamp it; m − n·(1 − x) is its negative, exactly.
 */
function betaBd0(S: Saddle, x: number): number {
  const n = S.n;
  const nx = n * x;
  let pe: number; // n·x − nx, exactly
  if (S.nHi !== 0) {
    const t = SPLIT * x;
    const xH = t - (t - x);
    const xL = x - xH;
    pe = xL * S.nLo - (nx - S.nHi * xH - S.nLo * xH - S.nHi * xL);
  } else pe = productError(n, x, nx);
  // n's tail times x; its rounding error (2⁻⁵³ of it) moves bd0 by about that times d/min(k, m),
  // which is put back where that could reach 1/16 ulp of max(1, bd0 ≈ d²/2min(k, m)) (a shape
  // above 1e20 beside one 1e15 times larger: 275 ulps without it; ordinary shapes skip the product)
  const nlx = S.nl * x;
  let d = S.k - nx - pe - nlx + S.kl;
  const ad = Math.abs(d);
  if (Math.abs(nlx) * 32 > ad && Math.abs(nlx) * ad * 16 > Math.min(S.k, S.m)) {
    // there k − n·x, pe and n's tail times x can be 1e3 times d (Beta(1.2e282, 3.5e297)): the
    // exact terms summed compensated (Neumaier), the last product's error included
    const terms = [-pe, -nlx, -productError(S.nl, x, nlx), S.kl];
    let sum = S.k - nx; // exact (Sterbenz)
    let c = 0;
    for (const t of terms) {
      const u = sum + t;
      c += Math.abs(sum) >= Math.abs(t) ? sum - u + t : t - u + sum;
      sum = u;
    }
    d = sum + c;
  }
  // m − n·(1 − x) = −d exactly, since n = k + m as double-doubles; n·(1 − x) only weighs the term
  return (bd0(S.k, nx, d) + bd0(S.m, n * (1 - x), -d)) * S.hInv;
}

/**
 * bd0(u, v) = kl_div(u, v) for u ≥ 1, v ≥ 0, given d = u − v: (u + v)·atanhSeries(d/(u + v)) for
 * |d| < (u + v)/2 (the series' first branch inline), else klDivTerm's u·ln(u/v) − d (inline).
 */
function bd0(u: number, v: number, d: number): number {
  const s = u + v;
  const w = d / s;
  if (w < 0.015625 && w > -0.015625) {
    const t = w * w;
    return s * (t + w * (1 + w) * (t * (1 / 3 + t * (1 / 5 + t * (1 / 7 + t / 9)))));
  }
  if (w < 0.5 && w > -0.5) return s * atanhSeries(w);
  // klDivTerm(u, v, d) without its checks, none of which can hold here (u ≥ 1, v > 0, u + v finite)
  return u * logRatio(u, v) - d;
}

/** ln(u/v) for u, v > 0, as a difference of logs when the ratio leaves the double range. */
function logRatio(u: number, v: number): number {
  const r = u / v;
  return r >= 2.2250738585072014e-308 && r <= Number.MAX_VALUE
    ? Math.log(r)
    : Math.log(u) - Math.log(v);
}

/**
 * (s − 1) ln t − ln Γ(s) for a shape s < 1 and t in (0, 1) (t + tl as a double-double, ln t given):
 * for s ≥ ½ as written (ln Γ(s) ≤ 0.58 and s − 1 exact); below, where ln Γ(s) ≈ −ln s is large
 * and cancels against −ln t near t = s, as s ln t − ln(t/s) − ln Γ(1 + s) (Γ(s) = Γ(1 + s)/s),
 * whose first two terms differ by a factor 2 or more there (for s near 1 they would cancel, to
 * 167 ulps at Beta(1 − 2⁻⁵³, 2) and x = 1e-300).
 */
function powerTerm(s: number, t: number, tl: number, lt: number): number {
  if (s >= 0.5) return (s - 1) * lt;
  const ratio = tl === 0 ? logRatio(t, s) : logRatio(t, s) + Math.log1p(tl / t);
  return s * lt - ratio;
}

/**
 * The x-free part of {@link betaLogDensitySmallShape}: −ln Γ(s) (s ≥ ½) or −ln Γ(1 + s) (s < ½)
 * for each shape s below 1, plus ln Γ(a + b), or ln Γ(a + b) − ln Γ(other shape) by logGammaRatio.
 */
function smallShapeConstant(a: number, b: number): number {
  const g = (s: number): number => (s >= 0.5 ? logGamma(s) : logGamma(1 + s));
  if (a < 1 && b < 1) return logGamma(a + b) - g(a) - g(b);
  if (a < 1) return logGammaRatio(a, b) - g(a);
  return logGammaRatio(b, a) - g(b);
}

/**
 * log of the Beta(a, b) density at x in (0, 1) when a shape is below 1: there ln B ≈ −ln a is large
 * and cancels against (a − 1) ln x wherever x is near a (the mean of Beta(a, 1)). Each shape s below
 * 1 contributes (s − 1) ln t − ln Γ(s): for s ≥ ½ as written (ln Γ(s) ≤ 0.58 and s − 1 exact); below,
 * where ln Γ(s) ≈ −ln s is large and cancels against −ln t near t = s, as s ln t − ln(t/s) −
 * ln Γ(1 + s) (Γ(s) = Γ(1 + s)/s), whose first two terms differ by a factor 2 or more there (for s
 * near 1 they would cancel, to 167 ulps at Beta(1 − 2⁻⁵³, 2) and x = 1e-300); 1 − x as a
 * double-double. The log-gammas, which do not depend on x, are `k` ({@link smallShapeConstant}).
 */
function betaLogDensitySmallShape(k: number, a: number, b: number, x: number): number {
  const lx = Math.log(x);
  if (a < 1 && b < 1) {
    const y = 1 - x;
    return powerTerm(a, x, 0, lx) + powerTerm(b, y, 1 - y - x, Math.log1p(-x)) + k;
  }
  if (a < 1) return powerTerm(a, x, 0, lx) + (b - 1) * Math.log1p(-x) + k;
  const y = 1 - x;
  return powerTerm(b, y, 1 - y - x, Math.log1p(-x)) + (a - 1) * lx + k;
}

/**
 * log of the Beta(a, b) density for both shapes below 1e-9, where B(a, b) = (a + b)/(ab) · (1 +
 * O(ab)): (a − 1) ln x + (b − 1) ln(1 − x) + ln(ab/(a + b)), with ln(ab/(a + b)) − ln t =
 * ln(m/t) − log1p(m/M) (m, M the smaller and larger shape, t the nearer of x and 1 − x), so the
 * ~690-sized ln m and ln t never cancel (476 ulps at Beta(2.9e-263, 7.4e-284), x = 2.5e-283).
 */
function tinyShapesLogDensity(a: number, b: number, x: number): number {
  const m = a < b ? a : b;
  const c = -Math.log1p(m / (a < b ? b : a));
  if (x <= 0.5) return logRatio(m, x) + c + a * Math.log(x) + (b - 1) * Math.log1p(-x);
  const y = 1 - x; // exact for x ≥ ½
  return logRatio(m, y) + c + b * Math.log(y) + (a - 1) * Math.log(x);
}

/**
 * log of a Gamma(shape, 1) draw, by Marsaglia and Tsang (2000) for shape ≥ 1; for shape < 1 the
 * boost G(shape) = G(shape + 1) · U^(1/shape), kept in log space so that tiny shapes do not underflow.
 */
function logGammaDraw(shape: number, rng: Rng): number {
  if (shape < 1)
    return logGammaDraw(shape + 1, rng) + Math.log(1 - drawUniform("beta.sample", rng)) / shape;
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let tries = 0; ; tries++) {
    if (tries === MAX_REJECTIONS) throw tooManyRejections("beta.sample");
    const z = drawNormal("beta.sample", rng);
    const t = 1 + c * z;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = 1 - drawUniform("beta.sample", rng); // in (0, 1]
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return Math.log(d) + Math.log(v);
  }
}

/** A shape parameter: a number (TypeError otherwise), finite and > 0 (RangeError otherwise). */
function checkShape(name: string, v: unknown): number {
  return param("beta", name, v, (x) => x > 0 && x < Infinity, "finite and positive");
}

/**
 * Creates the Beta distribution on [0, 1] with shape parameters alpha and beta.
 *
 * pdf: p(x) = x^(alpha − 1) (1 − x)^(beta − 1) / B(alpha, beta), computed in log space:
 * log p(x) = (alpha − 1) log x + (beta − 1) log1p(−x) − log B(alpha, beta) (B by `logBeta`). Where
 * those terms would cancel it is computed in other forms that do not: for both shapes > 2,
 * Loader's saddle-point form (as R's dbeta), except where the magnitudes of the three terms add
 * up to at most 4·max(|log p|, 1) (the tails), where the textbook form is kept; for a shape < 1, with Γ(a) = Γ(1 + a)/a, so that
 * ln B ≈ −ln a does not cancel against (a − 1) ln x near x = a.
 * mean alpha / (alpha + beta) and variance mean·(1 − mean)/(alpha + beta + 1), from ratios (no
 * product or sum of shapes to overflow: Beta(1e308, 1e308) has mean ½);
 * differential entropy h = log B − (alpha − 1) ψ(alpha) − (beta − 1) ψ(beta) + (alpha + beta − 2) ψ(alpha + beta),
 * in Stirling form for large shapes so that its large terms cancel on paper, not in rounding.
 * mode (alpha − 1) / (alpha + beta − 2) when alpha ≥ 1, beta ≥ 1 and alpha + beta > 2; 0 when alpha < 1 ≤ beta
 * and 1 when beta < 1 ≤ alpha (the density is largest, possibly unbounded, at that end); NaN for
 * Beta(1, 1) (flat: every point is a mode) and when both are < 1 (two modes, 0 and 1).
 * At the ends, p(0) is +∞ for alpha < 1, beta for alpha = 1 and 0 for alpha > 1 (likewise p(1) with beta);
 * outside [0, 1] logProb is −∞. `sample` draws X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta)
 * (Marsaglia–Tsang), combined in log space.
 *
 * @param alpha the first shape parameter (pseudo-count of ones plus 1), finite and > 0
 * @param beta the second shape parameter (pseudo-count of zeros plus 1), finite and > 0
 * @returns a {@link Beta} object with `family: "beta"`, `params: { alpha, beta }` and `mode()`
 * @throws {TypeError} when a shape is not a number (strings and null are not coerced)
 * @throws {RangeError} when a shape is NaN, not positive or not finite; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = beta(2, 2);
 * d.prob(0.5);             // => 1.5
 * d.logProb(0.25);         // => 0.11778303565638337
 * d.mode();                // => 0.5
 * beta(5, 2).mode();       // => 0.8
 * beta(2, 3).variance();   // => 0.04
 * beta(1, 1).entropy();    // => 0
 * beta(1.7e308, 1.7e308).entropy(); // => -354.48420068424934 (a + b overflows; the entropy does not)
 * beta(0.5, 0.5).mode();   // => NaN
 * beta(-1, 2);             // throws RangeError: beta: alpha = -1 must be finite and positive
 */
export function beta(alpha: number, beta: number): Beta {
  checkShape("alpha", alpha);
  checkShape("beta", beta);
  const a = alpha;
  const b = beta;
  let logNorm: number | undefined; // ln B(a, b), on the first logProb that needs it
  let saddle: Saddle | undefined; // the saddle-point constants, on the first logProb that needs them
  let small: number | undefined; // the x-free part of the density when a shape is below 1, likewise
  // the moments and the entropy depend on the shapes only: each computed once, on first call
  let varianceValue: number | undefined;
  let modeValue: number | undefined;
  let entropyValue: number | undefined;
  // The saddle form's rare second step (its constant and bd0 cancel by more than 2): the textbook
  // form if that cancels less. A function of its own, out of logProb's body: inline there, its two
  // logarithms made logProb too large for V8 to inline betaBd0 into it, which cost every call
  // about 5 ns (Beta(2.5, 3.5) at x = 0.4: 49 -> 42 ns; f9b98d4's two-log form 32 ns).
  const textbookOrSaddle = (x: number, w: number, sw: number): number => {
    const l = (a - 1) * Math.log(x);
    const r = (b - 1) * Math.log1p(-x);
    const lb = (logNorm ??= logBeta(a, b));
    const v = l + r - lb;
    return Math.abs(v) * sw >= Math.abs(w) * (Math.abs(l) + Math.abs(r) + Math.abs(lb)) ? v : w;
  };
  // Both shapes above 2 (the common case): the textbook form first, where its terms do not cancel
  // (the tails), else the saddle-point form. Kept small so that V8 inlines it into callers' loops;
  // every other case is logProbOther.
  // ln B(a, b) for it, computed here (as f9b98d4 did for every shape): a lazy `??=` in the hot path
  // cost about 3 ns of its 20. With a, b > 2 the terms l = (a − 1) ln x, r = (b − 1) ln(1 − x) and
  // −ln B are ≤ 0, ≤ 0 and > 0 (B(a, b) < B(2, 2) = 1/6), so with t = l + r the sum of their
  // magnitudes is E = −ln B − t and the result v = t − ln B: the textbook form is taken where
  // E ≤ K·max(|v|, 1), K = TEXTBOOK_K, which in t is t ≤ tLow or t ≥ tHigh (thresholds computed
  // here; one comparison per call instead of three absolute values, 2–3 ns of about 20)
  // (ln B overflows to −∞ for shapes near 1e308: then the saddle form, which halves them)
  const lnB = a > 2 && b > 2 ? logBeta(a, b) : NaN;
  const textbook = lnB > -Infinity;
  const nlnB = -lnB;
  const K = TEXTBOOK_K;
  // −v·K ≥ E (v < 0, the tails), v·K ≥ E (v > 0, around the mode), or E ≤ K
  // (products by the ratios, so nothing overflows below ln B's own range; tLow may be −∞)
  const tLow = -nlnB * ((K + 1) / (K - 1));
  const tHigh = Math.min(-nlnB * ((K - 1) / (K + 1)), nlnB - K);
  // Around the mode, |(a − 1) − (a + b − 2)·x| ≤ ¼ of (a − 1) + (a + b − 2)·x, where the textbook
  // terms cancel (E > 4·max(|log p|, 1) at Beta(2.5, 3.5)), the saddle form is taken without
  // trying the textbook form first: its two logarithms were wasted there (1.4× the call). Either
  // form may be taken near the ends of this interval, so it needs no precision (a + b − 2 = ∞
  // leaves it empty).
  const nearLo = textbook ? (0.75 * (a - 1)) / (1.25 * (a + b - 2)) : 0;
  const nearHi = textbook ? (1.25 * (a - 1)) / (0.75 * (a + b - 2)) : 0;
  const logProb = (x: number): number => {
    checkNumber("beta.logProb", "x", x);
    if (textbook && x > 0 && x < 1 && !(x >= nearLo && x <= nearHi)) {
      const t = (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x);
      // (a t that overflowed to −∞ goes on to the saddle form: −ln B can bring t − ln B back into
      // range, as at Beta(1.1e308, 1.05e308), x = ¼, where log p = −3.4e307)
      if (t >= tHigh || (t <= tLow && t > -Infinity)) return t - lnB;
    }
    return logProbOther(x);
  };
  const logProbOther = (x: number): number => {
    if (x < 0 || x > 1) return -Infinity;
    if (x > 0 && x < 1) {
      // the saddle-point form wherever its k = a − 1 and m = b − 1 are ≥ 1: the textbook terms
      // (shape·log) cancel by a factor that grows with the shapes (10 at a = b = 9.5). Not at a
      // subnormal x: there n·x rounds onto the subnormal grid inside bd0 (1.9e7 ulps of T at
      // Beta(2.46, 2740.4), x = 3.5e-323), and the textbook form, dominated by (a − 1)·log x, does
      // not cancel (n·x is subnormal only where x is, as n = a + b − 2 > 2).
      if (a > 2 && b > 2 && x >= 2.2250738585072014e-308) {
        // the saddle form (near the mode, where the textbook terms cancel); where its constant and
        // bd0 cancel by more than 2 (between the two), the textbook form if that cancels less
        const S = (saddle ??= saddleConstants(a, b));
        const bd = betaBd0(S, x);
        const w = S.c - bd;
        const sw = Math.abs(S.c) + bd;
        if (Math.abs(w) * 2 >= sw) return w;
        return textbookOrSaddle(x, w, sw);
      }
      if (a < 1e-9 && b < 1e-9) return tinyShapesLogDensity(a, b, x);
      if (a < 1 || b < 1)
        return betaLogDensitySmallShape((small ??= smallShapeConstant(a, b)), a, b, x);
    }
    // (shape − 1) · log 0 is taken as 0 when shape = 1, so the ends of Beta(1, ·) are finite.
    const left = a === 1 ? 0 : (a - 1) * Math.log(x);
    const right = b === 1 ? 0 : (b - 1) * Math.log1p(-x);
    // a sum of −∞ is the answer whatever ln B is: ln B itself overflows to −∞ (which would give
    // −∞ + ∞ = NaN) only where both shapes pass 1.3e308, and then this line is reached only at
    // x = 0, 1 or a subnormal x, where (a − 1)·ln x ≤ −708·(a − 1) outweighs −ln B ≤ (a + b)·ln 2
    // (referee 9: NaN at Beta(1.7e308, 1.7e308), x = 5e-324, where log p = −1.26e311)
    const v = left + right;
    return v === -Infinity ? v : v - (logNorm ??= logBeta(a, b));
  };
  // a + b, halved (exactly) when it would overflow
  const half = !(a + b < Infinity);
  const s = half ? 0.5 * a + 0.5 * b : a + b;
  // a/(a + b) and b/(a + b) with the rounding of a + b folded back (one rounding each)
  const mean = half ? (0.5 * a) / s : quotientOfSum(a, a, b);
  const other = half ? (0.5 * b) / s : quotientOfSum(b, a, b); // 1 − mean, without its cancellation
  const d: Beta = made(
    {
      family: "beta" as const,
      params: frozen({ alpha: a, beta: b }),
      logProb,
      prob(x: number): number {
        checkNumber("beta.prob", "x", x);
        return Math.exp(logProb(x));
      },
      sample(n: number, rng: Rng): Float64Array {
        checkDraws("beta.sample", n, rng);
        const out = allocate("beta.sample", "n", n);
        for (let i = 0; i < n; i++) {
          const lx = logGammaDraw(a, rng);
          const ly = logGammaDraw(b, rng);
          out[i] = 1 / (1 + Math.exp(ly - lx));
        }
        return out;
      },
      mean: () => mean,
      // ab/((a + b)²(a + b + 1)) = mean·(1 − mean)/(a + b + 1): no product of shapes to overflow
      // mean·other/(a + b + 1), with a + b + 1 as a double-double
      variance: () => (varianceValue ??= betaVariance()),
      mode: () => (modeValue ??= betaMode()),
      entropy: (opts?: EntropyOptions): number =>
        inBase((entropyValue ??= betaEntropy(a, b)), entropyBase("beta.entropy", opts)),
    },
    () => vouch(d),
  );
  return d;
  function betaVariance(): number {
    if (half) return (mean * other) / (s + 0.5) / 2;
    const [s1, e1] = twoSum(a, b);
    const [s2, e2] = twoSum(s1, 1);
    // mean·other as a double-double (each with its remainder (x − q·(a + b))/(a + b), exact products
    // on the shapes scaled by k), divided by a + b + 1 scaled by h: one rounding instead of four
    // (3.2 ulps at Beta(1.97e301, 2.34e301)); where a remainder's product would underflow, as before
    const k = s1 > 2 ** 900 ? 2 ** -600 : s1 < 2 ** -400 ? 2 ** 600 : 1;
    const h = s2 > 2 ** 900 ? 2 ** -600 : 1;
    if (!((a < b ? a : b) * k > 2 ** -900))
      return correctedQuotient(mean * other, s2 * h, (e1 + e2) * h) * h;
    const t = s1 * k;
    const ml = (a * k - mean * t - productError(mean, t, mean * t) - mean * e1 * k) / t;
    const ol = (b * k - other * t - productError(other, t, other * t) - other * e1 * k) / t;
    const p = mean * other;
    const pl = productError(mean, other, p) + mean * ol + ml * other;
    const d = s2 * h;
    const q = p / d;
    return (q + (p - q * d - productError(q, d, q * d) + pl - q * (e1 + e2) * h) / d) * h;
  }
  function betaMode(): number {
    if (a >= 1 && b >= 1) {
      const k = a - 1;
      const m = b - 1;
      if (!(k + m > 0)) return NaN; // Beta(1, 1)
      return k + m < Infinity ? quotientOfSum(k, k, m) : (0.5 * k) / (0.5 * k + 0.5 * m);
    }
    if (a < 1 && b >= 1) return 0;
    if (b < 1 && a >= 1) return 1;
    return NaN;
  }
}
