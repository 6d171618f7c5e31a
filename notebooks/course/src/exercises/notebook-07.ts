// Exercises of notebooks/07-properties-of-the-mle.ipynb.
import { bernoulli, empiricalDistribution, fisherInformation, fitGaussian } from "mlekit";
import { expectFunction, expectNumber, type Exercise, type ExerciseSet } from "notebook-kit";

/** Exercise 07.1: the expectation of the Gaussian variance MLE at m = 4 when σ² = 9. */
const M1 = 4;
const SIGMA2 = 9;

/** Exercise 07.2: the Cramér–Rao bound for a Bernoulli(0.2) from m = 100 flips. */
const P = 0.2;
const M2 = 100;
const info = fisherInformation(bernoulli(P));

/** Exercise 07.3: the classic eight values (MLE variance 4). */
const VALUES = [2, 4, 4, 4, 5, 5, 7, 9];

/** The MLE of a Gaussian's variance, (1/m) Σ (x − x̄)²: the variance of p̂_data (0 for one value). */
function varianceOfSample(xs: readonly number[]): number {
  const pHat = empiricalDistribution(xs);
  const mean = pHat.expectation((x) => x);
  return pHat.expectation((x) => (x - mean) ** 2);
}

/**
 * A code exercise: the student writes `varianceML(xs)`, the Gaussian variance MLE. Edge cases: a
 * single value (0, where dividing by m − 1 gives 0/0) and values far from 0, where the one-pass
 * (1/m) Σ x² − x̄² subtracts two numbers near 10¹⁸ and loses every digit.
 */
export const varianceMLExercise: Exercise = {
  id: "07.4",
  title: {
    en: "write `varianceML(xs)`, the Gaussian variance MLE",
    zh: "写出 `varianceML(xs)`：高斯分布方差的最大似然估计",
  },
  check: expectFunction((xs: number[]) => varianceOfSample(xs), {
    name: "varianceML",
    signature: "(xs: number[]) => number",
    cases: [
      {
        args: [[2, 4, 4, 4, 5, 5, 7, 9]],
        when: {
          en: "for xs = [2, 4, 4, 4, 5, 5, 7, 9]",
          zh: "当 xs = [2, 4, 4, 4, 5, 5, 7, 9] 时",
        },
        hint: {
          en: "Average the squared deviations from the mean x̄, dividing by m (not m − 1).",
          zh: "对与均值 x̄ 之差的平方求平均，除以 m（而不是 m − 1）。",
        },
      },
      {
        args: [[1.5, -0.5]],
        when: { en: "for two values, xs = [1.5, -0.5]", zh: "当只有两个值 xs = [1.5, -0.5] 时" },
      },
      {
        args: [[3.7]],
        when: { en: "for a single value", zh: "当只有一个值时" },
        edge: true,
        hint: {
          en: "With one value, x̄ is that value and its deviation is 0: the MLE is 0 (dividing by m − 1 gives 0/0).",
          zh: "只有一个值时，x̄ 就是这个值，它与均值之差为 0：最大似然估计是 0（除以 m − 1 会得到 0/0）。",
        },
      },
      {
        args: [[1e9 + 1, 1e9 + 2, 1e9 + 3]],
        when: {
          en: "for values far from 0 (10⁹ + 1, 10⁹ + 2, 10⁹ + 3)",
          zh: "当数值远离 0 时（10⁹ + 1、10⁹ + 2、10⁹ + 3）",
        },
        edge: true,
        hint: {
          en: "(1/m) Σ x² − x̄² subtracts two numbers near 10¹⁸ and loses every digit: subtract the mean first.",
          zh: "(1/m) Σ x² − x̄² 是两个接近 10¹⁸ 的数相减，会丢掉全部有效数字：先减去均值。",
        },
      },
    ],
  }),
};

export const exercises: ExerciseSet = {
  notebook: "07-properties-of-the-mle",
  exercises: [
    {
      id: "07.1",
      title: { en: "E[σ̂²_ML] at m = 4, σ² = 9", zh: "m = 4、σ² = 9 时的 E[σ̂²_ML]" },
      check: expectNumber(((M1 - 1) / M1) * SIGMA2, {
        mistakes: [
          {
            value: SIGMA2,
            hint: {
              en: "that is σ² itself: the MLE is biased, it divides by m where Bessel divides by m − 1.",
              zh: "这就是 σ² 本身：MLE 是有偏的，它除以 m，而 Bessel 校正除以 m − 1。",
            },
          },
          {
            value: (M1 / (M1 - 1)) * SIGMA2,
            hint: {
              en: "the factor is the other way round: E[σ̂²_ML] = (m − 1)/m · σ², smaller than σ².",
              zh: "因子反了：E[σ̂²_ML] = (m − 1)/m · σ²，比 σ² 小。",
            },
          },
        ],
        hint: {
          en: "E[(1/m) Σ (x⁽ⁱ⁾ − x̄)²] = (m − 1)/m · σ².",
          zh: "E[(1/m) Σ (x⁽ⁱ⁾ − x̄)²] = (m − 1)/m · σ²。",
        },
      }),
    },
    {
      id: "07.2",
      title: {
        en: "Cramér–Rao bound for unbiased p̂, Bernoulli(0.2), m = 100",
        zh: "Bernoulli(0.2)、m = 100 时无偏 p̂ 的 Cramér–Rao 下界",
      },
      check: expectNumber(1 / (M2 * info), {
        mistakes: [
          {
            value: 1 / info,
            hint: {
              en: "that is the bound for one observation; m observations carry m · I(θ).",
              zh: "这是单个观测的下界；m 个观测携带的信息是 m · I(θ)。",
            },
          },
          {
            value: M2 * info,
            hint: {
              en: "that is m · I(θ), the information; the bound is its reciprocal.",
              zh: "这是信息量 m · I(θ)；下界是它的倒数。",
            },
          },
        ],
        hint: {
          en: "I(p) = 1/(p(1 − p)) per flip; the bound is 1/(m · I(p)).",
          zh: "每次抛掷的 I(p) = 1/(p(1 − p))；下界是 1/(m · I(p))。",
        },
      }),
    },
    {
      id: "07.3",
      title: { en: "Bessel-corrected variance of eight values", zh: "八个值的 Bessel 校正方差" },
      check: expectNumber(fitGaussian(VALUES, { unbiased: true }).variance(), {
        mistakes: [
          {
            value: fitGaussian(VALUES).variance(),
            hint: {
              en: "that is the MLE, which divides by m; Bessel's correction divides by m − 1.",
              zh: "这是除以 m 的 MLE；Bessel 校正除以 m − 1。",
            },
          },
          {
            value: fitGaussian(VALUES, { unbiased: true }).params.sigma,
            hint: {
              en: "that is the standard deviation; the question asks for the variance.",
              zh: "这是标准差；题目要的是方差。",
            },
          },
        ],
        hint: { en: "s² = (1/(m − 1)) Σ (x⁽ⁱ⁾ − x̄)².", zh: "s² = (1/(m − 1)) Σ (x⁽ⁱ⁾ − x̄)²。" },
      }),
    },
    varianceMLExercise,
  ],
};
