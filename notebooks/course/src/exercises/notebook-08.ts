// Exercises of notebooks/08-map-and-regularisation.ipynb.
import { fitBernoulli, fitBernoulliMap } from "mlekit";
import { expectFunction, expectNumber, type Exercise, type ExerciseSet } from "notebook-kit";

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

/** h heads (ones) then m − h tails (zeros). */
const tosses = (h: number, m: number): number[] =>
  Array.from({ length: m }, (_, i) => (i < h ? 1 : 0));

/**
 * A code exercise: the student writes `mapBernoulli(h, m, alpha, beta)`, θ_MAP under a Beta(α, β)
 * prior for every α, β > 0 and m ≥ 1. Edge cases: no heads (the formula still holds when α ≥ 1),
 * and a posterior shape below 1, where the density is unbounded at an edge and the formula
 * (h + α − 1)/(m + α + β − 2) leaves [0, 1]: the mode is that edge, 0 or 1. One tail under
 * Beta(0.3, 0.3) makes the formula 7/4 while the mode is 0, so clipping the formula fails.
 */
export const mapBernoulliExercise: Exercise = {
  id: "08.4",
  title: {
    en: "write `mapBernoulli(h, m, alpha, beta)`, θ_MAP under a Beta prior",
    zh: "写出 `mapBernoulli(h, m, alpha, beta)`：Beta 先验下的 θ_MAP",
  },
  check: expectFunction(
    (h: number, m: number, a: number, b: number) =>
      fitBernoulliMap(tosses(h, m), { alpha: a, beta: b }).p,
    {
      name: "mapBernoulli",
      signature: "(h: number, m: number, alpha: number, beta: number) => number",
      cases: [
        {
          args: [3, 3, 2, 2],
          when: {
            en: "for three heads in three tosses under Beta(2, 2)",
            zh: "在 Beta(2, 2) 先验下三次抛掷三次正面时",
          },
          hint: {
            en: "The posterior is Beta(h + α, m − h + β); take its mode.",
            zh: "后验是 Beta(h + α, m − h + β)；取它的众数。",
          },
        },
        {
          args: [9, 10, 5, 5],
          when: {
            en: "for nine heads in ten under Beta(5, 5)",
            zh: "在 Beta(5, 5) 先验下十次中九次正面时",
          },
        },
        {
          args: [0, 4, 2, 3],
          when: {
            en: "for no heads in four tosses under Beta(2, 3)",
            zh: "在 Beta(2, 3) 先验下四次抛掷没有正面时",
          },
          edge: true,
          hint: {
            en: "With α ≥ 1 the formula still holds at h = 0: (0 + α − 1)/(m + α + β − 2).",
            zh: "当 α ≥ 1 时，公式在 h = 0 处仍然成立：(0 + α − 1)/(m + α + β − 2)。",
          },
        },
        {
          args: [0, 3, 0.5, 2],
          when: { en: "for no heads under Beta(0.5, 2)", zh: "在 Beta(0.5, 2) 先验下没有正面时" },
          edge: true,
          hint: {
            en: "The posterior's first shape h + α is below 1: its density grows without bound as θ → 0, so the mode is the edge θ = 0, where the formula leaves [0, 1].",
            zh: "后验的第一个形状参数 h + α 小于 1：当 θ → 0 时它的密度无界增长，所以众数是端点 θ = 0，而公式会跑出 [0, 1]。",
          },
        },
        {
          args: [0, 1, 0.3, 0.3],
          when: {
            en: "for one tail under Beta(0.3, 0.3)",
            zh: "在 Beta(0.3, 0.3) 先验下抛一次得到反面时",
          },
          edge: true,
          hint: {
            en: "h + α = 0.3 is below 1, so the mode is the edge θ = 0; here the formula's denominator is negative too and it gives a number above 1, so clipping it to [0, 1] is not enough: decide by the shapes.",
            zh: "h + α = 0.3 小于 1，所以众数是端点 θ = 0；这里公式的分母也是负数，公式给出一个大于 1 的数，所以只把它截断到 [0, 1] 还不够：要根据形状参数来判断。",
          },
        },
        {
          args: [4, 4, 2, 0.5],
          when: {
            en: "for four heads in four under Beta(2, 0.5)",
            zh: "在 Beta(2, 0.5) 先验下四次全是正面时",
          },
          edge: true,
          hint: {
            en: "The posterior's second shape m − h + β is below 1: the density grows without bound as θ → 1, so the mode is the edge θ = 1.",
            zh: "后验的第二个形状参数 m − h + β 小于 1：当 θ → 1 时密度无界增长，所以众数是端点 θ = 1。",
          },
        },
      ],
    },
  ),
};

export const exercises: ExerciseSet = {
  notebook: "08-map-and-regularisation",
  exercises: [
    {
      id: "08.1",
      title: {
        en: "θ_MAP for seven heads under Beta(2, 2)",
        zh: "Beta(2, 2) 先验下七次全是正面时的 θ_MAP",
      },
      check: expectNumber(map081.p, {
        mistakes: [
          {
            value: fitBernoulli(SEVEN_HEADS).params.p,
            hint: {
              en: "that is θ_ML = h/m; the prior adds one head and one tail.",
              zh: "这是 θ_ML = h/m；先验相当于多加一次正面和一次反面。",
            },
          },
          {
            value: map081.posterior.mean(),
            hint: {
              en: "that is the posterior mean (h + α)/(m + α + β); the MAP estimate is its mode.",
              zh: "这是后验均值 (h + α)/(m + α + β)；MAP 估计是它的众数。",
            },
          },
        ],
        hint: {
          en: "θ_MAP = (h + α − 1)/(m + α + β − 2).",
          zh: "θ_MAP = (h + α − 1)/(m + α + β − 2)。",
        },
      }),
    },
    {
      id: "08.2",
      title: {
        en: "θ_MAP for nine heads of ten under Beta(5, 5)",
        zh: "Beta(5, 5) 先验下十次中九次正面时的 θ_MAP",
      },
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
      title: {
        en: "the ridge slope under a N(0, 0.2²) prior",
        zh: "N(0, 0.2²) 先验下的岭回归斜率",
      },
      check: expectNumber(shrunk((SIGMA * SIGMA) / (TAU * TAU)), {
        mistakes: [
          {
            value: shrunk(SIGMA / TAU),
            hint: {
              en: "λ is a ratio of variances, σ²/τ², not of standard deviations.",
              zh: "λ 是方差之比 σ²/τ²，而不是标准差之比。",
            },
          },
          {
            value: shrunk((TAU * TAU) / (SIGMA * SIGMA)),
            hint: {
              en: "λ = σ²/τ²: a tight prior (small τ) means a large penalty.",
              zh: "λ = σ²/τ²：先验越紧（τ 越小），惩罚越大。",
            },
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
    mapBernoulliExercise,
  ],
};
