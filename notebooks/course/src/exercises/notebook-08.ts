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
      title: { en: "θ_MAP for seven heads under Beta(2, 2)", zh: "Beta(2, 2) 先验下七次全是正面时的 θ_MAP" },
      check: expectNumber(map081.p, {
        mistakes: [
          {
            value: fitBernoulli(SEVEN_HEADS).params.p,
            hint: { en: "that is θ_ML = h/m; the prior adds one head and one tail.", zh: "这是 θ_ML = h/m；先验相当于多加一次正面和一次反面。" },
          },
          {
            value: map081.posterior.mean(),
            hint: {
              en: "that is the posterior mean (h + α)/(m + α + β); the MAP estimate is its mode.",
              zh: "这是后验均值 (h + α)/(m + α + β)；MAP 估计是它的众数。",
            },
          },
        ],
        hint: { en: "θ_MAP = (h + α − 1)/(m + α + β − 2).", zh: "θ_MAP = (h + α − 1)/(m + α + β − 2)。" },
      }),
    },
    {
      id: "08.2",
      title: { en: "θ_MAP for nine heads of ten under Beta(5, 5)", zh: "Beta(5, 5) 先验下十次中九次正面时的 θ_MAP" },
      check: expectNumber(map082.p, {
        mistakes: [
          {
            value: fitBernoulli(NINE_OF_TEN).params.p,
            hint: {
              en: "that is θ_ML = h/m; the prior counts as α − 1 = 4 heads and β − 1 = 4 tails.",
              zh: "这是 θ_ML = h/m；先验相当于 α − 1 = 4 次正面和 β − 1 = 4 次反面。",
            },
          },
          {
            value: map082.posterior.mean(),
            hint: {
              en: "that is the posterior mean (h + α)/(m + α + β); the MAP estimate is the mode.",
              zh: "这是后验均值 (h + α)/(m + α + β)；MAP 估计是众数。",
            },
          },
        ],
        hint: {
          en: "the posterior is Beta(α + h, β + m − h); its mode is (α + h − 1)/(α + β + m − 2).",
          zh: "后验是 Beta(α + h, β + m − h)；它的众数是 (α + h − 1)/(α + β + m − 2)。",
        },
      }),
    },
    {
      id: "08.3",
      title: { en: "the ridge slope under a N(0, 0.2²) prior", zh: "N(0, 0.2²) 先验下的岭回归斜率" },
      check: expectNumber(shrunk((SIGMA * SIGMA) / (TAU * TAU)), {
        mistakes: [
          {
            value: shrunk(SIGMA / TAU),
            hint: { en: "λ is a ratio of variances, σ²/τ², not of standard deviations.", zh: "λ 是方差之比 σ²/τ²，而不是标准差之比。" },
          },
          {
            value: shrunk((TAU * TAU) / (SIGMA * SIGMA)),
            hint: { en: "λ = σ²/τ²: a tight prior (small τ) means a large penalty.", zh: "λ = σ²/τ²：先验越紧（τ 越小），惩罚越大。" },
          },
          {
            value: W_OLS / (1 + (SIGMA * SIGMA) / (TAU * TAU)),
            hint: {
              en: "Σx² is m = 100, not 1: the data weigh m against the prior's λ.",
              zh: "Σx² 是 m = 100，而不是 1：数据以权重 m 与先验的 λ 相抗衡。",
            },
          },
        ],
        hint: {
          en: "with Σx = 0 and Σx² = m the slope solves (m + λ) w = m · w_OLS.",
          zh: "在 Σx = 0 且 Σx² = m 时，斜率满足 (m + λ) w = m · w_OLS。",
        },
      }),
    },
  ],
};
