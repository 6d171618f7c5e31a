import { logGamma, stirlingCorrection } from "./log-gamma";
import { checkNumber, valueError } from "../validate/validate";
import { productError } from "../information/numerics";

const FN = "logBeta";
const HALF_LOG_TWO_PI = 0.9189385332046728; // ½ ln 2π
/** From this shape on, ln Γ is written as its Stirling form and the large parts cancel on paper. */
const LARGE = 10;
/** From this smaller shape on (both shapes), ln B is written in symmetric Stirling form. */
const SYMMETRIC_FROM = 8;

/** log1p(x) − x for x > −1, without the cancellation of the direct form for small |x|. */
function log1pMinusX(x: number): number {
  if (!(Math.abs(x) < 0.25)) return Math.log1p(x) - x;
  // −x²/2 + x³/3 − x⁴/4 + …
  let term = x * x;
  let sum = 0;
  for (let k = 2; k < 80; k++) {
    const next = term / k;
    sum += k % 2 === 0 ? -next : next;
    if (Math.abs(next) <= 1e-17 * Math.abs(sum)) break;
    term *= x;
  }
  return sum;
}

/**
 * ln Γ(b + a) − ln Γ(b) for a, b > 0, without the cancellation of the two log-gammas when b is
 * large: for b ≥ 10 (c = a + b, x = a/b),
 * a·ln b + b·(log1p(x) − x) + (b·x − a) + (a − ½)·log1p(x) + δ(c) − δ(b); otherwise the difference
 * of the two shifted up: ln Γ(a + b) − ln Γ(b) = [ln Γ(a + b + n) − ln Γ(b + n)] − Σᵢ log1p(a/(b + i)),
 * b + n ≥ 10. Internal (logBeta and the Beta density use it).
 */
export function logGammaRatio(a: number, b: number): number {
  if (b < LARGE) {
    // Γ(a + b)/Γ(b) = [Γ(a + b + n)/Γ(b + n)] / ∏ᵢ (1 + a/(b + i)): b is carried up to 10, where the
    // form below holds, by positive log1p terms (the difference of two log-gammas of moderate size
    // would lose |ln Γ(b)| / |result| of the digits, 100 ulps at logBeta(0.41, 9))
    let shift = 0;
    let y = b;
    while (y < LARGE) {
      shift += Math.log1p(a / y);
      y += 1;
    }
    return logGammaRatioLarge(a, y) - shift;
  }
  return logGammaRatioLarge(a, b);
}

/** ln Γ(b + a) − ln Γ(b) for b ≥ 10, a > 0 (see {@link logGammaRatio}). */
function logGammaRatioLarge(a: number, b: number): number {
  const c = a + b;
  const x = a / b;
  const bx = b * x;
  const residue = bx - a + productError(b, x, bx); // b·x − a, exactly
  return (
    a * Math.log(b) +
    b * log1pMinusX(x) +
    residue +
    (a - 0.5) * Math.log1p(x) +
    (stirlingCorrection(c) - stirlingCorrection(b))
  );
}

/**
 * The natural logarithm of the beta function, ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b): the
 * log-normaliser of the Beta distribution and of binomial coefficients, 1/((n + 1) B(n − k + 1, k + 1)).
 *
 * Computed without the cancellation of the three log-gammas when a shape is large: with δ the
 * Stirling correction (ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + δ(x)), for a ≤ b,
 * - both ≥ 10: ln B = −a·log1p(b/a) − b·log1p(a/b) + ½ ln(1/a + 1/b) + ½ ln 2π + δ(a) + δ(b) − δ(a + b),
 *   whose large terms all have the same sign;
 * - only b ≥ 10: ln B = ln Γ(a) − a ln b − b·(log1p(x) − x) − (b·x − a) − (a − ½)·log1p(x)
 *   + δ(b) − δ(a + b), x = a/b, the pieces that would cancel (b·log1p(a/b) against a) grouped;
 * - b < 10: ln Γ(a) + ln Γ(b) − ln Γ(a + b) where these cancel by less than a factor 2, else as
 *   above with b first carried up to b + n ≥ 10 by
 *   ln Γ(a + b) − ln Γ(b) = ln Γ(a + b + n) − ln Γ(b + n) − Σᵢ log1p(a/(b + i)); the three log-gammas
 *   of the textbook form cancel even at moderate shapes (to 100 ulps at ln B(0.41, 9) = −0.13).
 * Where ln B itself crosses 0 (B(a, b) = 1, as at a = b = 1) its error is absolute, about an ulp
 * of 1 (the accuracy table in lib/README.md gives the measured figure).
 * So ln B(1e-300, 1e300) or ln B(5, 1e15) keeps its digits where the plain sum of log-gammas
 * loses all of them. Symmetric in a and b.
 *
 * @param a a shape, finite and > 0
 * @param b a shape, finite and > 0
 * @returns ln B(a, b) (−Infinity only if B(a, b) is below every double's logarithm range)
 * @throws {TypeError} when a or b is not a number
 * @throws {RangeError} when a or b is NaN, not finite or not > 0
 * @example
 * logBeta(1, 1);          // => 0
 * logBeta(2, 3);          // => -2.4849066497880004 (ln 1/12)
 * logBeta(0.5, 0.5);      // => 1.1447298858494002 (ln π)
 * logBeta(5, 1e15);       // => -169.5158281442055 (the three log-gammas give -172)
 * logBeta(1e300, 1e300);  // => -1.3862943611198906e+300
 * logBeta(0, 1);          // throws RangeError: logBeta: a = 0 must be finite and > 0
 */
export function logBeta(a: number, b: number): number {
  checkNumber(FN, "a", a);
  checkNumber(FN, "b", b);
  if (!(a > 0 && a < Infinity)) throw valueError(FN, "a", a, "must be finite and > 0");
  if (!(b > 0 && b < Infinity)) throw valueError(FN, "b", b, "must be finite and > 0");
  if (a > b) {
    const t = a;
    a = b;
    b = t;
  }
  // both shapes ≥ 8: the symmetric Stirling form below (its series' first omitted term, B₁₈/(306x¹⁷),
  // is 8e-17 at 8, a tenth of an ulp of |ln B| ≥ 10 there; the log-gamma ratio lost 5.6 ulps at (9.9, 9.7))
  if (b < LARGE && a < SYMMETRIC_FROM) {
    // the three log-gammas where they cancel by less than a factor 3 (exact at integers:
    // ln B(1, 1) = 0), else the shifted ratio
    const ga = logGamma(a);
    const gb = logGamma(b);
    const gc = logGamma(a + b);
    const v = ga + gb - gc + 0; // (+ 0: ln B(1, 1) = 0, not −0)
    if (Math.abs(v) * 3 >= Math.abs(ga) + Math.abs(gb) + Math.abs(gc)) return v;
    return ga - logGammaRatio(a, b);
  }
  if (a < SYMMETRIC_FROM) return logGamma(a) - logGammaRatio(a, b);
  const c = a + b;
  return (
    -a * Math.log1p(b / a) -
    b * Math.log1p(a / b) +
    0.5 * Math.log(1 / a + 1 / b) +
    HALF_LOG_TWO_PI +
    (stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(c))
  );
}
