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
      title: "E[σ̂²_ML] at m = 4, σ² = 9",
      check: expectNumber(((M1 - 1) / M1) * SIGMA2, {
        mistakes: [
          { value: SIGMA2, hint: "that is σ² itself: the MLE is biased, it divides by m where Bessel divides by m − 1." },
          { value: (M1 / (M1 - 1)) * SIGMA2, hint: "the factor is the other way round: E[σ̂²_ML] = (m − 1)/m · σ², smaller than σ²." },
        ],
        hint: "E[(1/m) Σ (x⁽ⁱ⁾ − x̄)²] = (m − 1)/m · σ².",
      }),
    },
    {
      id: "07.2",
      title: "Cramér–Rao bound for unbiased p̂, Bernoulli(0.2), m = 100",
      check: expectNumber(1 / (M2 * info), {
        mistakes: [
          { value: 1 / info, hint: "that is the bound for one observation; m observations carry m · I(θ)." },
          { value: M2 * info, hint: "that is m · I(θ), the information; the bound is its reciprocal." },
        ],
        hint: "I(p) = 1/(p(1 − p)) per flip; the bound is 1/(m · I(p)).",
      }),
    },
    {
      id: "07.3",
      title: "Bessel-corrected variance of eight values",
      check: expectNumber(fitGaussian(VALUES, { unbiased: true }).variance(), {
        mistakes: [
          { value: fitGaussian(VALUES).variance(), hint: "that is the MLE, which divides by m; Bessel's correction divides by m − 1." },
          { value: fitGaussian(VALUES, { unbiased: true }).params.sigma, hint: "that is the standard deviation; the question asks for the variance." },
        ],
        hint: "s² = (1/(m − 1)) Σ (x⁽ⁱ⁾ − x̄)².",
      }),
    },
  ],
};
