import { logFactorial as factorialln } from "../special/log-factorial";
import { stirlingCorrection } from "../special/log-gamma";
import { klDivTerm, logDoubleDouble } from "../information/numerics";
import { allocate, checkNumber } from "../validate/validate";
import type { Rng } from "./create-rng";
import type { EntropyOptions, Poisson } from "./distribution";
import {
  checkDraws,
  drawUniform,
  MAX_REJECTIONS,
  tooManyRejections,
  entropyBase,
  frozen,
  inBase,
  param,
  made,
  vouch,
} from "./internal";

/** Above this rate the entropy uses its asymptotic series instead of the direct sum. */
const ENTROPY_SERIES_FROM = 1000;
const HALF_LOG_TWO_PI = 0.9189385332046728;
/**
 * δ(k) = ln k! − (k + ½) ln k + k − ½ ln 2π for k = 1 … 15 (mpmath, 50 digits): the Stirling
 * correction where its series is not yet accurate (R's stirlerr keeps the same table).
 */
const STIRLING_ERROR: readonly number[] = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
  0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
  0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
  0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];

/**
 * log P(k) for the Poisson(λ) mass, λ > 0, k ≥ 1 an integer, in the saddle-point form of Loader
 * (2000), as R's dpois: log P = −bd0(k, λ) − ½ ln(2πk) − δ(k), bd0(k, λ) = k ln(k/λ) + λ − k ≥ 0
 * and δ(k) ≥ 0 the Stirling correction of ln k!. All three terms are ≤ 0, so nothing cancels:
 * k ln λ − λ − ln k! loses every digit near the mode of a large λ (1e10: 11 digits).
 * Internal (the log-likelihood's precise pass uses it).
 */
export function poissonLogMass(k: number, lambda: number): number {
  let delta: number;
  if (k < STIRLING_ERROR.length) delta = STIRLING_ERROR[k];
  else if (k >= 1000) {
    // three terms of the series: the fourth, 1/(1680k⁷), is below 1e-20 of the first
    const r = 1 / k;
    const r2 = r * r;
    delta = r * (1 / 12 - r2 * (1 / 360 - r2 / 1260));
  } else delta = stirlingCorrection(k);
  // bd0(k, λ) = kl_div(k, λ): near the mode (|k − λ| < (k + λ)/64, k − λ exact by Sterbenz) the
  // first branch of atanhSeries inline, else klDivTerm
  const d = k - lambda;
  const sum = k + lambda;
  const u = d / sum;
  let bd: number;
  if (u < 0.015625 && u > -0.015625 && sum < Infinity) {
    const t = u * u;
    bd = sum * (t + u * (1 + u) * (t * (1 / 3 + t * (1 / 5 + t * (1 / 7 + t / 9)))));
  } else bd = klDivTerm(k, lambda, d);
  return -bd - 0.5 * Math.log(k) - HALF_LOG_TWO_PI - delta;
}
/** ln k! is tabulated as a double-double below this k. */
const FACTORIAL_TABLE = 171;
/** [hi, lo] of ln k! for k = 0 … FACTORIAL_TABLE − 1, interleaved; filled on first use. */
let factorials: Float64Array | undefined;

function fillFactorials(): Float64Array {
  const t = new Float64Array(2 * FACTORIAL_TABLE);
  let h = 0;
  let l = 0;
  for (let k = 2; k < FACTORIAL_TABLE; k++) {
    const [a, al] = logDoubleDouble(k);
    const s = h + a;
    const bv = s - h;
    const e = h - (s - bv) + (a - bv) + l + al;
    h = s + e;
    l = e - (h - s);
    t[2 * k] = h;
    t[2 * k + 1] = l;
  }
  return t;
}

/** ln λ = hi + lo, hi with at most 45 significant bits (so k·hi is exact for k < 256). */
interface SplitLog {
  hi: number;
  lo: number;
}

function splitLog(lambda: number): SplitLog {
  const [h, l] = logDoubleDouble(lambda);
  const c = 257 * h; // Veltkamp's split with 2^8 + 1: hi is h rounded to 45 bits, h − hi exact
  const hi = c - (c - h);
  return { hi, lo: h - hi + l };
}

/** Below this rate `sample` inverts the CDF; from it on it uses Hörmann's PTRS. */
const PTRS_FROM = 10;

/**
 * Creates the Poisson distribution on {0, 1, 2, …} with rate (mean) lambda.
 *
 * pmf: P(k) = lambda^k e^(−lambda) / k!; log P(k) = k log lambda − lambda − log k! is computed in
 * Loader's saddle-point form −bd0(k, λ) − ½ ln(2πk) − δ(k) (bd0(k, λ) = k ln(k/λ) + λ − k, δ the
 * Stirling correction), whose terms never cancel, so it keeps full precision at λ = 1e300;
 * mean and variance lambda.
 * `lambda = 0` is allowed: the point mass at 0 (the MLE of all-zero data), with 0 · log 0 = 0.
 * Entropy H = −Σ P(k) log P(k) summed (compensated) over k within lambda ± (40√lambda + 40) (the
 * tail beyond is below 1e-300) for lambda ≤ 1000; above, the asymptotic series
 * ½ log(2πe·lambda) − 1/(12 lambda) − 1/(24 lambda²) − 19/(360 lambda³) − 9/(80 lambda⁴), whose
 * error is below 4e-16 at 1000 (the next term is about 0.34/lambda⁵).
 * `sample` uses inversion by sequential search for lambda < 10 and the transformed rejection
 * method PTRS (W. Hörmann, 1993) from lambda = 10 on, so its cost does not grow with lambda.
 *
 * @param lambda the rate, finite and >= 0
 * @returns a {@link Poisson} object with `family: "poisson"` and `params: { lambda }`
 * @throws {TypeError} when `lambda` or `x` is not a number (`poisson("3")` throws)
 * @throws {RangeError} when `lambda` is NaN, negative or not finite; `logProb`/`prob` throw for a NaN `x`
 * @example
 * const d = poisson(3);
 * d.prob(2);                 // => 0.22404180765538775
 * d.logProb(2.5);            // => -Infinity
 * d.variance();              // => 3
 * poisson(0).prob(0);        // => 1
 * d.entropy();               // => 1.931470198148569
 * poisson(1.7e308).entropy(); // => 356.28235697981876 (2πeλ overflows; the entropy does not)
 * poisson(-1);               // throws RangeError: poisson: lambda = -1 must be finite and >= 0
 */
export function poisson(lambda: number): Poisson {
  param("poisson", "lambda", lambda, (v) => v >= 0 && v < Infinity, "finite and >= 0");
  const logLambda = Math.log(lambda);
  // ln λ as a double-double (hi to 45 bits, so k·hi is exact) and the ln k! table, computed here,
  // in closure constants. Measured alternatives (user CPU of 1e5 calls at λ = 4, k < 8): a lazy
  // test in the hot path cost 2–3 ns of about 9; closure `let`s set on the first call, or a
  // Float64Array of them, 2–4 ns more; an object's property loads 20% of a call. The price is in
  // the constructor: 0.20 µs instead of 0.12.
  const L = lambda > 0 ? splitLog(lambda) : undefined;
  const lnHi = L ? L.hi : 0;
  const lnLo = L ? L.lo : 0;
  const table = (factorials ??= fillFactorials()); // once per process
  // k in [1, tableEnd) takes the table path (none at λ = 0, where P(k ≥ 1) = 0): one range test
  // first, the rarer cases after it
  const tableEnd = lambda > 0 ? FACTORIAL_TABLE : 0;
  // log P(x) for a checked number x
  const logMass = (x: number): number => {
    // below k = 171 the textbook k ln λ − λ − ln k! from double-doubles (ln λ once per
    // distribution, ln k! from a table): no logarithm per call, and however much the three terms
    // cancel the result is rounded once (in doubles it lost log₂ of the cancellation factor in
    // bits: 11 ulp at λ = 13.1, k = 31). From 171 on, Loader's form.
    if (x > 0 && x < tableEnd && Number.isInteger(x)) {
      // k·hi − λ − ln k!, each sum with its rounding error (TwoSum), the low parts added last
      const p = x * lnHi;
      const s1 = p - lambda;
      const b1 = s1 - p;
      const e1 = p - (s1 - b1) - (lambda + b1);
      const ch = table[2 * x];
      const s2 = s1 - ch;
      const b2 = s2 - s1;
      const e2 = s1 - (s2 - b2) - (ch + b2);
      return s2 + (e1 + e2 + x * lnLo - table[2 * x + 1]);
    }
    if (!(Number.isInteger(x) && x >= 0)) return -Infinity;
    if (x === 0) return 0 - lambda; // (0 − λ: log P(0) = 0 at λ = 0, not −0)
    if (lambda === 0) return -Infinity;
    return poissonLogMass(x, lambda);
  };
  const logProb = (x: number): number => {
    checkNumber("poisson.logProb", "x", x);
    return logMass(x);
  };
  const d: Poisson = made(
    {
      family: "poisson" as const,
      params: frozen({ lambda }),
      logProb,
      prob(x: number): number {
        checkNumber("poisson.prob", "x", x);
        return Math.exp(logMass(x));
      },
      sample(n: number, rng: Rng): Float64Array {
        checkDraws("poisson.sample", n, rng);
        const out = allocate("poisson.sample", "n", n);
        if (lambda < PTRS_FROM) {
          const p0 = Math.exp(-lambda);
          for (let i = 0; i < n; i++) {
            const u = drawUniform("poisson.sample", rng);
            let k = 0;
            let pk = p0;
            let cdf = p0;
            // The rounded cdf can stop short of 1 − 2^-53, the largest u: once adding pₖ no longer
            // moves it, the rest of the tail is below its rounding, and k is returned (not the k ≈ 300
            // where pₖ underflows).
            while (u >= cdf) {
              k++;
              pk *= lambda / k;
              const next = cdf + pk;
              if (next === cdf) break;
              cdf = next;
            }
            out[i] = k;
          }
        } else {
          // PTRS: transformed rejection with squeeze (Hörmann 1993, "The transformed rejection
          // method for generating Poisson random variables").
          const sq = Math.sqrt(lambda);
          const b = 0.931 + 2.53 * sq;
          const a = -0.059 + 0.02483 * b;
          const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
          const vr = 0.9277 - 3.6224 / (b - 2);
          for (let i = 0; i < n; i++) {
            for (let tries = 0; ; tries++) {
              if (tries === MAX_REJECTIONS) throw tooManyRejections("poisson.sample");
              const u = drawUniform("poisson.sample", rng) - 0.5;
              const v = drawUniform("poisson.sample", rng);
              const us = 0.5 - Math.abs(u);
              const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
              if (us >= 0.07 && v <= vr) {
                out[i] = k;
                break;
              }
              if (k < 0 || (us < 0.013 && v > us)) continue;
              const lhs = Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b);
              if (lhs <= -lambda + k * logLambda - factorialln(k)) {
                out[i] = k;
                break;
              }
            }
          }
        }
        return out;
      },
      mean: () => lambda,
      variance: () => lambda,
      entropy(opts?: EntropyOptions): number {
        const lnBase = entropyBase("poisson.entropy", opts);
        let h = 0;
        if (lambda > ENTROPY_SERIES_FROM) {
          const r = 1 / lambda;
          // 2πeλ overflows above λ = 1.05e307: there ln(2πe) + ln λ (the series terms are all below 1e-307)
          const arg = 2 * Math.PI * Math.E * lambda;
          const logArg =
            arg < Infinity ? Math.log(arg) : Math.log(2 * Math.PI * Math.E) + logLambda;
          h = 0.5 * logArg - r * (1 / 12 + r * (1 / 24 + r * (19 / 360 + r * (9 / 80))));
        } else if (lambda > 0 && lambda < 1) {
          // H = λ(1 − ln λ) + Σ_{k≥2} P(k) ln k!: every term positive, and no exp of a large negative
          // log mass (whose rounding would be amplified |log P| times) for tiny λ
          let pk = Math.exp(-lambda) * lambda; // P(1)
          let tail = 0;
          for (let k = 2; k < 200; k++) {
            pk *= lambda / k;
            const term = pk * factorialln(k);
            tail += term;
            if (term <= 1e-18 * tail) break;
          }
          h = lambda * (1 - logLambda) + tail;
        } else if (lambda > 0) {
          const spread = 40 * Math.sqrt(lambda) + 40;
          const lo = Math.max(0, Math.floor(lambda - spread));
          const hi = Math.ceil(lambda + spread);
          let c = 0;
          for (let k = lo; k <= hi; k++) {
            const lp = k === 0 ? -lambda : poissonLogMass(k, lambda);
            const term = -Math.exp(lp) * lp; // >= 0: compensated (Neumaier)
            const t = h + term;
            c += h >= term ? h - t + term : term - t + h;
            h = t;
          }
          h += c;
        }
        return inBase(h, lnBase);
      },
    },
    () => vouch(d),
  );
  return d;
}
