// Exercises of notebooks/08-map-and-regularisation.ipynb.
import { fitBernoulli, fitBernoulliMap } from "mlekit";
import { expectNumber, type ExerciseSet } from "notebook-kit";

/** Exercise 08.1: seven heads in seven tosses, prior Beta(2, 2). */
const SEVEN_HEADS = [1, 1, 1, 1, 1, 1, 1];
const map081 = fitBernoulliMap(SEVEN_HEADS, { alpha: 2, beta: 2 });

/** Exercise 08.2: nine heads in ten tosses, prior Beta(5, 5). */
const NINE_OF_TEN = [1, 1, 1, 1, 0, 1, 1, 1, 1, 1];
const map082 = fitBernoulliMap(NINE_OF_TEN, { alpha: 5, beta: 5 });

/**
 * Exercise 08.3: one standardised feature (Σx = 0, Σx² = m), m = 100, least-squares slope 2,
 * noise σ = 1 and prior w ~ N(0, τ²) with τ = 0.2. The slope's normal equation is (m + λ) w = Σ x y
 * = m · w_OLS, so w_MAP = w_OLS · m / (m + λ) with λ = σ²/τ².
 */
const M = 100;
const W_OLS = 2;
const SIGMA = 1;
const TAU = 0.2;
const shrunk = (lambda: number): number => (W_OLS * M) / (M + lambda);

export const exercises: ExerciseSet = {
  notebook: "08-map-and-regularisation",
  exercises: [
    {
      id: "08.1",
      title: "θ_MAP for seven heads under Beta(2, 2)",
      check: expectNumber(map081.p, {
        mistakes: [
          { value: fitBernoulli(SEVEN_HEADS).params.p, hint: "that is θ_ML = h/m; the prior adds one head and one tail." },
          { value: map081.posterior.mean(), hint: "that is the posterior mean (h + α)/(m + α + β); the MAP estimate is its mode." },
        ],
        hint: "θ_MAP = (h + α − 1)/(m + α + β − 2).",
      }),
    },
    {
      id: "08.2",
      title: "θ_MAP for nine heads of ten under Beta(5, 5)",
      check: expectNumber(map082.p, {
        mistakes: [
          { value: fitBernoulli(NINE_OF_TEN).params.p, hint: "that is θ_ML = h/m; the prior counts as α − 1 = 4 heads and β − 1 = 4 tails." },
          { value: map082.posterior.mean(), hint: "that is the posterior mean (h + α)/(m + α + β); the MAP estimate is the mode." },
        ],
        hint: "the posterior is Beta(α + h, β + m − h); its mode is (α + h − 1)/(α + β + m − 2).",
      }),
    },
    {
      id: "08.3",
      title: "the ridge slope under a N(0, 0.2²) prior",
      check: expectNumber(shrunk((SIGMA * SIGMA) / (TAU * TAU)), {
        mistakes: [
          { value: shrunk(SIGMA / TAU), hint: "λ is a ratio of variances, σ²/τ², not of standard deviations." },
          { value: shrunk((TAU * TAU) / (SIGMA * SIGMA)), hint: "λ = σ²/τ²: a tight prior (small τ) means a large penalty." },
          { value: W_OLS / (1 + (SIGMA * SIGMA) / (TAU * TAU)), hint: "Σx² is m = 100, not 1: the data weigh m against the prior's λ." },
        ],
        hint: "with Σx = 0 and Σx² = m the slope solves (m + λ) w = m · w_OLS.",
      }),
    },
  ],
};
