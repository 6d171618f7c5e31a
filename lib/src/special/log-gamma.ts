import { typeError, valueError } from "../validate/validate";

/**
 * Taylor coefficients of ln Γ(1 + z) = −γz + Σ_{k≥2} c_k z^k, c_k = (−1)^k ζ(k)/k, for k = 2 … 60
 * (mpmath at 50 digits: `python3 tests/fixtures/generate_special.py --coefficients`).
 */
const C: readonly number[] = [
  0.8224670334241132, -0.40068563438653143, 0.27058080842778454, -0.20738555102867398,
  0.1695571769974082, -0.1440498967688461, 0.12550966952474304, -0.11133426586956469,
  0.1000994575127818, -0.09095401714582904, 0.083353840546109, -0.0769325164113522,
  0.07143294629536133, -0.06666870588242046, 0.06250095514121304, -0.058823978658684585,
  0.055555767627403614, -0.05263167937961666, 0.05000004769810169, -0.047619070330142226,
  0.04545455629320467, -0.04347826605304026, 0.04166666915034121, -0.04000000119214014,
  0.03846153903467518, -0.037037037312989324, 0.035714285847333355, -0.034482758684919304,
  0.03333333336437758, -0.03225806453115042, 0.03125000000727597, -0.030303030306558044,
  0.029411764707594344, -0.02857142857226011, 0.027777777778181998, -0.027027027027223673,
  0.02631578947377995, -0.025641025641072283, 0.025000000000022737, -0.024390243902450117,
  0.023809523809529224, -0.023255813953491015, 0.02272727272727402, -0.022222222222222855,
  0.021739130434782917, -0.021276595744681003, 0.02083333333333341, -0.02040816326530616,
  0.020000000000000018, -0.019607843137254912, 0.019230769230769235, -0.01886792452830189,
  0.01851851851851852, -0.01818181818181818, 0.017857142857142856, -0.017543859649122806,
  0.017241379310344827, -0.01694915254237288, 0.016666666666666666,
];
const EULER_GAMMA = 0.5772156649015329;
/**
 * Taylor coefficients of ln Γ(2 + z) = (1 − γ)z + Σ_{k≥2} d_k z^k, d_k = (−1)^k (ζ(k) − 1)/k, for
 * k = 2 … 30 (the terms fall like 4^-k/k at |z| = ½; same command as C).
 */
const D: readonly number[] = [
  0.3224670334241132, -0.0673523010531981, 0.020580808427784546, -0.007385551028673986,
  0.0028905103307415234, -0.001192753911703261, 0.0005096695247430425, -0.00022315475845357939,
  9.945751278180853e-5, -4.492623673813314e-5, 2.050721277567069e-5, -9.439488275268397e-6,
  4.374866789907488e-6, -2.039215753801366e-6, 9.55141213040742e-7, -4.492469198764566e-7,
  2.1207184805554665e-7, -1.0043224823968099e-7, 4.7698101693639804e-8, -2.2711094608943164e-8,
  1.0838659214896955e-8, -5.183475041970047e-9, 2.4836745438024785e-9, -1.1921401405860912e-9,
  5.731367241678862e-10, -2.7595228851242334e-10, 1.330476437424449e-10, -6.4229645638381e-11,
  3.1044247747322276e-11,
];
const ONE_MINUS_EULER_GAMMA = 0.42278433509846713;
/**
 * The minimum x₀ = 1.46163214496836… of ln Γ (the zero of the digamma function) and ln Γ(x₀), each as
 * a double plus the double nearest the remainder, and the Taylor coefficients a_k = ψ⁽ᵏ⁻¹⁾(x₀)/k! of
 * ln Γ(x₀ + t) = ln Γ(x₀) + Σ_{k≥2} a_k t^k, k = 2 … 23 (same command as C).
 */
/** ln 2 as the double nearest it plus the double nearest the remainder (mpmath). */
const LN2 = 0.6931471805599453;
const LN2_LOW = 2.3190468138462996e-17;
const X0 = 1.4616321449683622;
const X0_LOW = 9.549995429965697e-17;
const LOG_GAMMA_X0 = -0.12148629053584961;
const LOG_GAMMA_X0_LOW = 3.364991468473138e-18;
const M: readonly number[] = [
  0.4838361227238106, -0.1475877229945307, 0.06462494023891276, -0.0327885410884813,
  0.017970675115210395, -0.010314223036636387, 0.006100536020517889, -0.0036845696083163734,
  0.0022597648232218106, -0.001402251445904451, 0.0008782326347176812, -0.0005541949527966822,
  0.00035191295683784665, -0.0002246534436959552, 0.000144070395420933, -9.276098655471749e-5,
  5.9934733439794256e-5, -3.884583889452658e-5, 2.52476632917301e-5, -1.6450858338395606e-5,
  1.0743455256375933e-5, -7.030705257380349e-6,
];
const HALF_LOG_TWO_PI_MINUS_HALF = 0.4189385332046727; // ½ ln 2π − ½ (mpmath, nearest double)
/** Stirling-series coefficients B_2k / (2k(2k − 1)), k = 1 … 8. */
const STIRLING = [
  0.08333333333333333, -0.002777777777777778, 0.0007936507936507937, -0.0005952380952380953,
  0.0008417508417508417, -0.0019175269175269176, 0.00641025641025641, -0.029550653594771242,
];

/**
 * ln Γ(1 + z) for |z| ≤ ½ by its Taylor series (terms below 2⁻⁶⁰ of the first are dropped).
 * Only as many terms as |z| needs: the tail after K terms is below |z|^(K+2)/((K + 2)(1 − |z|))
 * and |ln Γ(1 + z)| ≥ 0.32·|z| on [−½, ⅜], so K = 20, 29, 41 keep it below 2⁻⁶⁰ of the result for
 * |z| ≤ ⅛, ¼, ⅜ (all 59 terms only beyond ⅜): 43 steps instead of 59 at ln Γ(0.7).
 */
function logGammaOnePlus(z: number): number {
  const az = Math.abs(z);
  const terms = az <= 0.125 ? 20 : az <= 0.25 ? 29 : az <= 0.375 ? 41 : C.length;
  let s = 0;
  for (let k = terms - 1; k >= 0; k--) s = s * z + C[k];
  return z * (s * z - EULER_GAMMA);
}

/**
 * ln Γ(2 + z) for z in [−0.3, ½] by its own Taylor series (radius 2: after its 29 terms the rest is
 * below 2⁻⁶⁵ of the result on that interval, mpmath's nsum; the 39 that reached to z = −5/8 were kept
 * until the series about the minimum took over below 1.7): log1p(z) + ln Γ(1 + z) would cancel by up to
 * a factor 8 between 1.5 and 2 (around the minimum of Γ).
 */
function logGammaTwoPlus(z: number): number {
  let s = 0;
  for (let k = D.length - 1; k >= 0; k--) s = s * z + D[k];
  return z * (s * z + ONE_MINUS_EULER_GAMMA);
}

/**
 * ln Γ(x₀ + t) for t = x − x₀ in [−0.212, 0.239] (x in [1.25, 1.7]), around the minimum of ln Γ, by
 * its Taylor series there: ln Γ(x₀) + t²·Σ a_k t^(k−2), with ln Γ(x₀) in two parts, so the result is
 * the two-part constant plus a term at most 0.43 of the result, and rounds about once. The series of
 * ln Γ(1 + z) and ln Γ(2 + z) cancel here (z·(s·z − γ) with s·z ≈ γ/2): 2.25 ulps at
 * ln Γ(1.3467286868818664), 2.24 at 1.5272885284782935. Its radius is x₀ (the pole at 0), so
 * 22 terms bring the first one dropped below 2⁻⁶⁰ of the result on the interval.
 */
function logGammaNearMinimum(t: number): number {
  let s = 0;
  for (let k = M.length - 1; k >= 0; k--) s = s * t + M[k];
  return LOG_GAMMA_X0 + (LOG_GAMMA_X0_LOW + t * t * s);
}

/** ln Γ(x) for 0 ≤ x < 12 (kept apart so that the Stirling path stays small enough to inline). */
function logGammaBelowTwelve(x: number): number {
  if (x === 0) return Infinity;
  if (x < 0.3) return logGammaOnePlus(x) - Math.log(x);
  // ln Γ(1 + x) − ln 2x + ln 2, ln 2 in two parts: on (0.32, 1/e) − ln x is above 1 and the result
  // below, so the rounding of ln x alone cost up to 2.08 ulps (x = 0.34986210785053473, the eighth
  // referee pass); ln 2x is below ½ in magnitude there
  if (x < 0.5) return LN2 + (logGammaOnePlus(x) - Math.log(2 * x) + LN2_LOW);
  // ln Γ(1 + x) − ln 2x + ln 2 with 1 + x near the minimum (x − (X0 − 1) exact) and ln 2 in two
  // parts: ln Γ(1 + z) at z < −3/8 took all 59 terms and lost 2.37 ulps (x = 0.5416); with − ln x
  // instead of − ln 2x + ln 2, the rounding of ln x (above ½, the result below) cost up to 1.97
  if (x < 0.6)
    return LN2 + (logGammaNearMinimum(x - (X0 - 1) - X0_LOW) - Math.log(2 * x) + LN2_LOW);
  // ln Γ(1 + z) up to z = ¼ only, ln Γ(2 + z) from z = −0.3 on; between them, around the minimum
  // of ln Γ where both series cancel, the series about the minimum (x − X0 is exact there)
  // (+ 0: ln Γ(1) = ln Γ(2) = 0, not the −0 that z·(…) gives at z = 0)
  if (x < 1.25) return logGammaOnePlus(x - 1) + 0;
  if (x <= 1.7) return logGammaNearMinimum(x - X0 - X0_LOW);
  if (x <= 2.5) return logGammaTwoPlus(x - 2) + 0;
  if (x <= 3) {
    // ln(x − 1) + ln Γ(x − 1) with ln(x − 1) = ln 2 + ln((x − 1)/2): where ln(x − 1) is above ½ and
    // the result below (x in 2.65 … 2.77), rounding ln(x − 1) itself cost up to 2.08 ulps (2.7161)
    const y = x - 1;
    const g = y <= 1.7 ? logGammaNearMinimum(y - X0 - X0_LOW) : logGammaTwoPlus(y - 2);
    return LN2 + (Math.log(0.5 * y) + g + LN2_LOW);
  }
  let y = x;
  let product = 1;
  while (y > 2.5) {
    y -= 1;
    product *= y;
  }
  // y in (1.5, 2.5]: below 1.7 the series about the minimum, as above (1.95 ulps at 2.6678 before)
  return (
    Math.log(product) + (y <= 1.7 ? logGammaNearMinimum(y - X0 - X0_LOW) : logGammaTwoPlus(y - 2))
  );
}

/**
 * The natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * ln Γ(x) = ln ∫₀^∞ t^(x−1) e^(−t) dt; for integers ln Γ(k + 1) = ln k!. Computed without
 * cancellation in every range: near its zeros at 1 and 2 (x in [0.6, 5/4) and (1.7, 5/2]) by the
 * Taylor series of ln Γ(1 + z) and of ln Γ(2 + z), around its minimum at x₀ = 1.4616… (x in
 * [5/4, 1.7]) by the series in x − x₀ with ln Γ(x₀) in two parts; below 0.6 from
 * ln Γ(x) = ln Γ(1 + x) − ln x (from ½ on as ln Γ(1 + x) − ln 2x + ln 2, ln 2 in two parts);
 * from 5/2 to 12 by the recurrence Γ(x) = (x − 1)⋯(x − n) Γ(x − n) down into [3/2, 5/2], adding
 * positive terms (to 3 as ln 2 + ln((x − 1)/2) + ln Γ(x − 1)); from 12 up by the Stirling series
 * with eight Bernoulli terms, written (x − ½)(ln x − 1) + (½ ln 2π − ½) + δ(x) so that no
 * intermediate overflows before the result does. The worst error against mpmath's `loggamma` at
 * 50 digits, over 5e-324 … 1.8e308, is in the accuracy table of lib/README.md (tests/accuracy
 * measures it): within 2 ulps below 12; from 12 up the rounding of Math.log(x), times
 * x/(ln x − 1) in the result, reaches 2.11 ulps (x = 76.8034…, where ln x is just above 4 and the
 * result just below 256; seeded scans of 1.3 million points, 28 of them above 2 ulps, all in
 * [12, 100]), so the bound there is 2.2. Carrying ln x in two parts would remove it, at 10–70% more
 * time per call on this path.
 * Limits: ln Γ(0) = +Infinity, ln Γ(+Infinity) = +Infinity, and x so large that ln Γ(x) exceeds
 * the largest double gives +Infinity.
 *
 * @param x a number ≥ 0
 * @returns ln Γ(x)
 * @throws {TypeError} when x is not a number
 * @throws {RangeError} when x is negative or NaN
 * @example
 * logGamma(1);   // => 0
 * logGamma(0.5); // => 0.5723649429247001 (ln √π)
 * logGamma(10);  // => 12.801827480081469 (ln 9!)
 * logGamma(0);   // => Infinity
 * logGamma(-1);  // throws RangeError: logGamma: x = -1 is not a number ≥ 0
 * logGamma("2" as unknown as number); // throws TypeError: logGamma: x = "2" is not a number
 */
export function logGamma(x: number): number {
  // the shared message builders: a string shows quoted (logGamma: x = "2" is not a number)
  if (typeof x !== "number") throw typeError("logGamma", "x", x, "is not a number");
  if (!(x >= 0)) throw valueError("logGamma", "x", x, "is not a number ≥ 0");
  if (x < 12) return logGammaBelowTwelve(x);
  if (x === Infinity) return Infinity;
  // (x − ½)·(ln x − 1) + (½ ln 2π − ½) + δ(x): the product is below the result, so it never
  // overflows where ln Γ(x) does not (the (x − ½)·ln x of (x − ½)·ln x − x overflowed in
  // (2.5564e305, 2.5600e305)) and rounds by at most ½ ulp of the result (x·(ln x − 1) − ½ ln x
  // rounded its product just above a power of two that the result is just below: 2.60 ulps at
  // 76.852); ln x − 1 is exact. What is left is the rounding of Math.log(x), times x/(ln x − 1)
  // in the result: see the doc comment for the bound.
  const lx = Math.log(x);
  return (x - 0.5) * (lx - 1) + (HALF_LOG_TWO_PI_MINUS_HALF + stirlingCorrection(x));
}

/**
 * δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π] for x ≥ 10: the Stirling series
 * Σ B₂ₖ/(2k(2k − 1) x^(2k−1)), eight terms (the ninth is below 2e-18 at x = 10). Internal (logBeta
 * uses it).
 */
export function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  // from x = 100 on four terms: the fifth, B₁₀/(90x⁹), is below 1e-21 there
  if (x >= 100)
    return r * (STIRLING[0] + r2 * (STIRLING[1] + r2 * (STIRLING[2] + r2 * STIRLING[3])));
  let series = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) series = series * r2 + STIRLING[k];
  return series * r;
}
