import type { Categorical, Distribution, Gaussian, Rng } from "../distributions";
import {
  allocate,
  MAX_LENGTH,
  checkFunction,
  checkInteger,
  checkRng,
  readOptions,
  typeError,
} from "../validate/validate";

/** The options every call of {@link simulateEstimator} needs, whatever the family. */
export interface SimulateOptionsBase {
  /** Sample size of each simulated data set, an integer ≥ 1. */
  m: number;
  /** Number of simulated data sets, an integer ≥ 2. */
  trials: number;
  /** The generator every data set is drawn from. */
  rng: Rng;
}

/**
 * Options of {@link simulateEstimator}: `m`, `trials`, `rng`, and `select`, which maps a
 * distribution to the scalar under study; it is applied to the true distribution (giving the
 * truth) and to the estimator's result when that is a distribution. `select` is required (by
 * the types and at run time) for the families with more than one parameter, Gaussian and
 * Categorical; for the others it defaults to the single parameter (p, lambda or rate).
 */
export type SimulateOptions<D extends Distribution> = SimulateOptionsBase &
  ([D] extends [Gaussian | Categorical]
    ? { select: (d: D) => number }
    : { select?: (d: D) => number });

/** Bias, variance and mean squared error of an estimator, from simulation. */
export interface SimulationResult {
  /** The true value of the scalar under study, `select(family(...trueParams))`. */
  truth: number;
  /** mean(estimates) − truth. */
  bias: number;
  /** (1/trials) Σ (estimate − mean)², the population variance of the estimates. */
  variance: number;
  /** (1/trials) Σ (estimate − truth)² = bias² + variance. */
  mse: number;
  /** The estimate from each trial. */
  estimates: Float64Array;
}

function defaultSelect(d: Distribution): number {
  switch (d.family) {
    case "bernoulli":
      return d.params.p;
    case "poisson":
      return d.params.lambda;
    case "exponential":
      return d.params.rate;
    default:
      throw new TypeError(
        `simulateEstimator: ${d.family} has more than one parameter, pass opts.select to say which scalar to study`,
      );
  }
}

/**
 * Measures an estimator's bias, variance and mean squared error by simulation: draws `trials`
 * data sets of size `m` from the true distribution and applies the estimator to each.
 *
 * With θ the truth and θ̂_t the estimate on data set t: bias = (1/T) Σ θ̂_t − θ,
 * variance = (1/T) Σ (θ̂_t − θ̄)², mse = (1/T) Σ (θ̂_t − θ)² = bias² + variance. Compare
 * `variance` with the Cramér–Rao bound 1 / (m · fisherInformation(dist)).
 *
 * `family` is a family constructor (`gaussian`, `poisson`, …) and `trueParams` its arguments as
 * a tuple, so `simulateEstimator(gaussian, [0, 2], …)` studies data from `gaussian(0, 2)`. The
 * estimator maps a data set to either a number (the estimate itself) or a fitted distribution
 * (like `fitGaussian`), which `opts.select` reduces to the scalar; the truth is always
 * `select(family(...trueParams))`. For a one-parameter family `select` defaults to that parameter.
 *
 * @param family the family constructor of the true distribution
 * @param trueParams the constructor's arguments for the true distribution
 * @param estimator data set ↦ estimate (a number, or a distribution reduced by `select`)
 * @param opts `m`, `trials`, `rng`, and `select` (see {@link SimulateOptions})
 * @returns `{ truth, bias, variance, mse, estimates }`
 * @throws {RangeError} when `m` is not an integer ≥ 1, `trials` not an integer ≥ 2, either is more
 *   than the 2³² − 1 entries an array can hold (or `trials` more than memory allows), an estimate is NaN,
 *   `trueParams` has more or fewer entries than `family` takes, or the family rejects them (its message
 *   quoted under this function's name)
 * @throws {TypeError} when `opts` is missing, not an object or has an unknown key; `select` is needed but
 *   missing; `family`, `estimator` or `select` is not a function; `m` or `trials` is not a number; `rng` is not an Rng;
 *   `select` returns a non-number (naming `select`, on the truth or in the trial)
 * @example
 * // the MLE of sigma² divides by m, so it is biased by −sigma²/m
 * const r = simulateEstimator(gaussian, [0, 2], fitGaussian, {
 *   m: 10, trials: 20000, rng: createRng(7), select: (d) => d.variance(),
 * });
 * r.truth;  // => 4
 * r.bias;   // => -0.3790736979102296 (theory: −4/10 = −0.4)
 * simulateEstimator(poisson, [3], fitPoisson, { m: 50, trials: 2000, rng: createRng(1) }).variance;
 * // => 0.05972949190000028 (Cramér–Rao: 3/50 = 0.06)
 */
export function simulateEstimator<F extends (...args: never[]) => Distribution>(
  family: F,
  trueParams: Parameters<F>,
  estimator: (xs: Float64Array) => number | Distribution,
  opts: SimulateOptions<ReturnType<F>>,
): SimulationResult {
  const fn = "simulateEstimator";
  checkFunction(fn, "family", family);
  if (!Array.isArray(trueParams))
    throw typeError(fn, "trueParams", trueParams, "is not an array of the constructor's arguments");
  checkFunction(fn, "estimator", estimator);
  if (opts === undefined) {
    throw new TypeError(
      `${fn}: options = undefined; pass { m, trials, rng } (and select for a multi-parameter family)`,
    );
  }
  const {
    m,
    trials,
    rng,
    select: chosen,
  } = readOptions(fn, opts as SimulateOptionsBase & { select?: unknown }, [
    "m",
    "trials",
    "rng",
    "select",
  ]);
  // an integer above 2^32 − 1 is too large (allocate's message), not "must be an integer": m for
  // the family's sample (whose own message would name it, not this function), trials for the estimates
  if (Number.isInteger(m) && (m as number) > MAX_LENGTH) allocate(fn, "m", m as number);
  if (Number.isInteger(trials) && (trials as number) > MAX_LENGTH)
    allocate(fn, "trials", trials as number);
  checkInteger(fn, "m", m, 1);
  checkInteger(fn, "trials", trials, 2);
  checkRng(fn, rng);
  if (chosen !== undefined) checkFunction(fn, "select", chosen);
  // the family's own arity (a library constructor's is exact; a rest-parameter function says 0)
  if (family.length > 0 && trueParams.length !== family.length) {
    throw new RangeError(
      `${fn}: trueParams has ${trueParams.length} entries, but family (${family.name || "anonymous"}) takes ${family.length}`,
    );
  }
  let truthDist: ReturnType<F>;
  try {
    truthDist = family(...trueParams) as ReturnType<F>;
  } catch (err) {
    // the constructor's own message, reported under this function's name (same error class)
    if (err instanceof RangeError || err instanceof TypeError) {
      const Err = err instanceof RangeError ? RangeError : TypeError;
      throw new Err(
        `${fn}: trueParams = ${JSON.stringify(trueParams)} is not valid for ${family.name || "family"}: ${err.message}`,
      );
    }
    throw err;
  }
  if (
    truthDist === null ||
    typeof truthDist !== "object" ||
    typeof (truthDist as { sample?: unknown }).sample !== "function"
  ) {
    throw typeError(
      fn,
      "family(...trueParams)",
      truthDist,
      "is not a distribution with sample() (family must be a constructor such as gaussian)",
    );
  }
  const select =
    (chosen as ((d: ReturnType<F>) => number) | undefined) ??
    (defaultSelect as (d: ReturnType<F>) => number);
  const truth = select(truthDist);
  if (typeof truth !== "number")
    throw typeError(
      fn,
      "select(family(...trueParams))",
      truth,
      "is not a number (select must return a number)",
    );
  // the library's message, not the engine's "Invalid typed array length", for trials above 2^32 − 1
  const estimates = allocate(fn, "trials", trials);
  for (let t = 0; t < trials; t++) {
    const xs = truthDist.sample(m, rng);
    const out = estimator(xs);
    // without opts.select an object must be a distribution (it carries a family); any other object
    // would reach defaultSelect as "undefined has more than one parameter"
    if (
      typeof out !== "number" &&
      (out === null ||
        typeof out !== "object" ||
        (chosen === undefined && typeof (out as { family?: unknown }).family !== "string"))
    ) {
      throw typeError(fn, `estimator(xs) in trial ${t}`, out, "is not a number or a distribution");
    }
    const value = typeof out === "number" ? out : select(out as ReturnType<F>);
    // only select can return a non-number here (an estimator's number is used as it is)
    if (typeof value !== "number")
      throw typeError(
        fn,
        `select(estimator(xs)) in trial ${t}`,
        value,
        "is not a number (select must return a number)",
      );
    if (value !== value) throw new RangeError(`${fn}: the estimate in trial ${t} is NaN`);
    estimates[t] = value;
  }
  let mean = 0;
  for (let t = 0; t < trials; t++) mean += estimates[t];
  mean /= trials;
  let variance = 0;
  for (let t = 0; t < trials; t++) {
    const d = estimates[t] - mean;
    variance += d * d;
  }
  variance /= trials;
  const bias = mean - truth;
  return { truth, bias, variance, mse: bias * bias + variance, estimates };
}
