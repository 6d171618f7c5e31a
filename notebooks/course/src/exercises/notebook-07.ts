// Exercises of notebooks/07-properties-of-the-mle.ipynb.
import { bernoulli, fisherInformation, fitGaussian } from "mlekit";
import { expectNumber, type ExerciseSet } from "notebook-kit";

/** Exercise 07.1: the expectation of the Gaussian variance MLE at m = 4 when σ² = 9. */
const M1 = 4;
const SIGMA2 = 9;

/** Exercise 07.2: the Cramér–Rao bound for a Bernoulli(0.2) from m = 100 flips. */
const P = 0.2;
const M2 = 100;
const info = fisherInformation(bernoulli(P));

/** Exercise 07.3: the classic eight values (MLE variance 4). */
const VALUES = [2, 4, 4, 4, 5, 5, 7, 9];

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
        hint: { en: "E[(1/m) Σ (x⁽ⁱ⁾ − x̄)²] = (m − 1)/m · σ².", zh: "E[(1/m) Σ (x⁽ⁱ⁾ − x̄)²] = (m − 1)/m · σ²。" },
      }),
    },
    {
      id: "07.2",
      title: { en: "Cramér–Rao bound for unbiased p̂, Bernoulli(0.2), m = 100", zh: "Bernoulli(0.2)、m = 100 时无偏 p̂ 的 Cramér–Rao 下界" },
      check: expectNumber(1 / (M2 * info), {
        mistakes: [
          {
            value: 1 / info,
            hint: { en: "that is the bound for one observation; m observations carry m · I(θ).", zh: "这是单个观测的下界；m 个观测携带的信息是 m · I(θ)。" },
          },
          { value: M2 * info, hint: { en: "that is m · I(θ), the information; the bound is its reciprocal.", zh: "这是信息量 m · I(θ)；下界是它的倒数。" } },
        ],
        hint: { en: "I(p) = 1/(p(1 − p)) per flip; the bound is 1/(m · I(p)).", zh: "每次抛掷的 I(p) = 1/(p(1 − p))；下界是 1/(m · I(p))。" },
      }),
    },
    {
      id: "07.3",
      title: { en: "Bessel-corrected variance of eight values", zh: "八个值的 Bessel 校正方差" },
      check: expectNumber(fitGaussian(VALUES, { unbiased: true }).variance(), {
        mistakes: [
          {
            value: fitGaussian(VALUES).variance(),
            hint: { en: "that is the MLE, which divides by m; Bessel's correction divides by m − 1.", zh: "这是除以 m 的 MLE；Bessel 校正除以 m − 1。" },
          },
          {
            value: fitGaussian(VALUES, { unbiased: true }).params.sigma,
            hint: { en: "that is the standard deviation; the question asks for the variance.", zh: "这是标准差；题目要的是方差。" },
          },
        ],
        hint: { en: "s² = (1/(m − 1)) Σ (x⁽ⁱ⁾ − x̄)².", zh: "s² = (1/(m − 1)) Σ (x⁽ⁱ⁾ − x̄)²。" },
      }),
    },
  ],
};
