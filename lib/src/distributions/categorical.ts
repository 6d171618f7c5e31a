import { entropy } from "../information";
import {
  allocate,
  checkVector,
  DEFAULT_TOLERANCE,
  throwFirstInvalid,
  checkNumber,
} from "../validate/validate";
import type { Rng } from "./create-rng";
import type { Categorical, EntropyOptions } from "./distribution";
import { checkDraws, drawUniform, entropyBase, frozen, made, vouch } from "./internal";

/**
 * Creates the categorical distribution on {0, …, k − 1} with P(X = j) = probs[j].
 *
 * mean Σ j·p_j; variance Σ (j − mean)²·p_j (two passes: no cancellation far from 0); entropy H = −Σ p_j log p_j, with 0 · log 0 = 0 (computed by `entropy`).
 * The probabilities are copied and frozen; zeros are allowed. They must sum to 1 within
 * 1e-9 · max(1, k), the tolerance of the information-theory API; nothing is renormalised.
 * `logProb(x)` is `-Infinity` for x that is not an integer in [0, k).
 * `sample` inverts the cumulative sums by binary search (O(log k) per draw).
 *
 * @param probs the probabilities of the k categories (k ≥ 1)
 * @returns a {@link Categorical} object with `family: "categorical"` and `params: { probs }`
 * @throws {TypeError} when `probs` is not a `number[]` or `Float64Array` (e.g. null) or an entry is not a number (e.g. "0.7")
 * @throws {RangeError} when `probs` is empty, an entry is NaN, negative or not finite, or the sum is not 1
 * @example
 * const d = categorical([0.5, 0.25, 0.25]);
 * d.prob(2);                    // => 0.25
 * d.logProb(3);                 // => -Infinity
 * d.mean();                     // => 0.75
 * d.entropy({ base: 2 });       // => 1.5
 * categorical([0.5, 0.6]);      // throws RangeError: categorical: probs sum to 1.1, must sum to 1
 * categorical([1.5, -0.5]);     // throws RangeError: categorical: probs[1] = -0.5 is negative
 * categorical([0.5, "0.5"]);    // throws TypeError: categorical: probs[1] = "0.5" is not a number
 */
export function categorical(probs: readonly number[] | Float64Array): Categorical {
  const k = checkVector("categorical", "probs", probs);
  const p: number[] = new Array<number>(k);
  let sum = 0;
  for (let j = 0; j < k; j++) {
    const v = probs[j];
    if (typeof v !== "number" || !(v >= 0 && v < Infinity)) {
      throwFirstInvalid("categorical", ["probs"], [probs], ["probability"]);
    }
    p[j] = v;
    sum += v;
  }
  if (Math.abs(sum - 1) > DEFAULT_TOLERANCE * Math.max(1, k)) {
    throw new RangeError(`categorical: probs sum to ${sum}, must sum to 1`);
  }
  const logs = p.map((v) => Math.log(v));
  const cumulative = new Float64Array(k);
  let acc = 0;
  for (let j = 0; j < k; j++) {
    acc += p[j];
    cumulative[j] = acc;
  }
  // The last category with positive mass absorbs the rounding of the sum, so a zero-mass
  // category is never drawn.
  let last = k - 1;
  while (p[last] === 0) last--;
  for (let j = last; j < k; j++) cumulative[j] = Infinity;
  const inSupport = (x: number, fn: string): boolean => {
    checkNumber(`categorical.${fn}`, "x", x);
    return Number.isInteger(x) && x >= 0 && x < k;
  };
  // Mean and variance in two passes, the second about the mean: Σ j²p − mean² would cancel
  // catastrophically when the support sits far from 0 (masses at 1e7 and 1e7 + 1).
  let mean = 0;
  for (let j = 0; j < k; j++) if (p[j] > 0) mean += j * p[j];
  let variance = 0;
  for (let j = 0; j < k; j++) {
    if (p[j] > 0) {
      const d = j - mean;
      variance += d * d * p[j];
    }
  }
  const d: Categorical = made(
    {
      family: "categorical" as const,
      params: frozen({ probs: Object.freeze(p) }),
      logProb: (x: number): number => (inSupport(x, "logProb") ? logs[x] : -Infinity),
      prob: (x: number): number => (inSupport(x, "prob") ? p[x] : 0),
      sample(n: number, rng: Rng): Float64Array {
        checkDraws("categorical.sample", n, rng);
        const out = allocate("categorical.sample", "n", n);
        for (let i = 0; i < n; i++) {
          const u = drawUniform("categorical.sample", rng);
          let lo = 0;
          let hi = k - 1;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) hi = mid;
            else lo = mid + 1;
          }
          out[i] = lo;
        }
        return out;
      },
      mean: () => mean,
      variance: () => variance,
      entropy(opts?: EntropyOptions): number {
        const lnBase = entropyBase("categorical.entropy", opts); // validates under this method's name
        const h = entropy(p);
        return lnBase === 1 ? h : h / lnBase;
      },
    },
    () => vouch(d),
  );
  return d;
}
