import { checkFunction, checkReturned, checkSample, showValue } from "../validate/validate";

const FN = "empiricalDistribution.expectation";
import type { Sample } from "./distribution";

/** The empirical distribution p̂ of a sample: its distinct values and how often each occurs. */
export interface EmpiricalDistribution {
  /** The distinct values, sorted ascending. */
  readonly support: readonly number[];
  /** p̂(v) = counts / m for each value of `support` (they sum to 1). */
  readonly probs: readonly number[];
  /** How many times each value of `support` occurs. */
  readonly counts: readonly number[];
  /** The sample size m. */
  readonly m: number;
  /** E_p̂[f] = (1/m) Σ_i f(x_i) = Σ_v p̂(v) f(v); `f` is called once per distinct value (twice where the sum overflows). */
  expectation(f: (x: number) => number): number;
}

/**
 * Builds the empirical distribution of a sample: the distribution that puts mass 1/m on each
 * of the m observations.
 *
 * p̂(v) = #{i : x_i = v} / m. Each *sample* has mass 1/m, so a value that occurs c times has
 * mass c/m: p̂ is not uniform over the support unless every value occurs equally often.
 * `expectation(f)` = (1/m) Σ_i f(x_i) = Σ_v p̂(v) f(v), the average of f over the data; with
 * f = log q it is the average log-likelihood of a model q, which is −H(p̂, q). The sum is
 * compensated (Neumaier) and rescaled when it would overflow: the error is a few ulps of
 * (1/m) Σ |f(x_i)| (see the accuracy table).
 * Values are compared with `===` after sorting, so −0 and 0 are one value.
 *
 * @param samples the observations (finite numbers, m ≥ 1)
 * @returns `{ support, probs, counts, m, expectation }`, arrays frozen
 * @throws {TypeError} when `samples` is not a `number[]` or `Float64Array` (e.g. null) or holds a non-number (naming its index)
 * @throws {RangeError} when `samples` is empty or holds a NaN or infinite value (naming its index)
 * @throws {TypeError} from `expectation(f)`, when `f` is not a function or returns a non-number
 *   (`"1"`, `null`, `true`, `1n`: never coerced), naming the value it was called at
 * @example
 * const e = empiricalDistribution([2, 1, 2, 3]);
 * e.support;                   // => [1, 2, 3]
 * e.counts;                    // => [1, 2, 1]
 * e.probs;                     // => [0.25, 0.5, 0.25]
 * e.expectation((x) => x);     // => 2
 * e.expectation((x) => x * x); // => 4.5
 * empiricalDistribution([1e308, 1e308, -1e307]).expectation((x) => x); // => 6.333333333333333e+307 (the sum overflows, the average does not)
 * empiricalDistribution([-1.7976931348623157e308, -9.5e291, -9e291]).expectation((x) => x); // => -5.992310449541053e+307
 * e.expectation(() => "1");    // throws TypeError: empiricalDistribution.expectation: f(1) = "1" is not a number (the callback must return a number)
 * empiricalDistribution([]);   // throws RangeError: empiricalDistribution: samples is empty
 */
export function empiricalDistribution(samples: Sample): EmpiricalDistribution {
  const m = checkSample("empiricalDistribution", "samples", samples);
  const sorted = Float64Array.from(samples);
  sorted.sort();
  const support: number[] = [];
  const counts: number[] = [];
  let i = 0;
  while (i < m) {
    const v = sorted[i];
    let j = i + 1;
    while (j < m && sorted[j] === v) j++;
    support.push(v === 0 ? 0 : v);
    counts.push(j - i);
    i = j;
  }
  const probs = counts.map((c) => c / m);
  return Object.freeze({
    support: Object.freeze(support),
    probs: Object.freeze(probs),
    counts: Object.freeze(counts),
    m,
    expectation(f: (x: number) => number): number {
      checkFunction(FN, "f", f);
      // Σ_v c(v)·f(v) with Neumaier's compensation, then one division. When the terms are finite but
      // c·f or the sum overflows (values near 1.8e308), the sum is redone on f(v)·2^-e, e ≥ log2 m + 1,
      // exact powers of two, so a finite average is returned as such (f is then called again).
      const n = support.length;
      let s = 0;
      let c = 0;
      let finite = true;
      for (let k = 0; k < n; k++) {
        const v = f(support[k]);
        if (typeof v !== "number") checkReturned(FN, `f(${showValue(support[k])})`, v);
        if (!(v - v === 0)) finite = false;
        const term = counts[k] * v;
        const t = s + term;
        c += Math.abs(s) >= Math.abs(term) ? s - t + term : term - t + s;
        s = t;
      }
      if (!finite) return s / m; // a term is ±Infinity or NaN: so is the sum, and the average
      // s + c, unless it overflows: s can stay at ±1.8e308 while c collects the rest (three values
      // −1.8e308, −9.5e291, −9e291 gave −Infinity), and then the sum is redone scaled down
      const r = s + c;
      if (r - r === 0) return r / m;
      const e = Math.ceil(Math.log2(m)) + 2;
      const down = 2 ** -e;
      s = 0;
      c = 0;
      for (let k = 0; k < n; k++) {
        const term =
          counts[k] * (checkReturned(FN, `f(${showValue(support[k])})`, f(support[k])) * down);
        const t = s + term;
        c += Math.abs(s) >= Math.abs(term) ? s - t + term : term - t + s;
        s = t;
      }
      return ((s + c) / m) * 2 ** e;
    },
  });
}
