// Exercises of notebooks/02-maximum-likelihood.ipynb.
import { fitBernoulli, fitGaussian, fitPoisson, logLikelihood, poisson } from "mlekit";
import { expectNumber, type ExerciseSet } from "notebook-kit";

/** Exercise 02.1: eight coin flips, six heads. */
const FLIPS = [1, 0, 1, 1, 0, 1, 1, 1];
/** Exercise 02.2: Bortkiewicz's horse-kick counts (deaths per corps-year), 200 corps-years. */
const KICKS = [
  ...Array<number>(109).fill(0),
  ...Array<number>(65).fill(1),
  ...Array<number>(22).fill(2),
  ...Array<number>(3).fill(3),
  ...Array<number>(1).fill(4),
];
const kicksFit = fitPoisson(KICKS);
const kicksLogLik = logLikelihood(kicksFit, KICKS);
/** Exercise 02.3: the classic eight values whose MLE σ is 2. */
const VALUES = [2, 4, 4, 4, 5, 5, 7, 9];
const sigmaML = fitGaussian(VALUES).params.sigma;

export const exercises: ExerciseSet = {
  notebook: "02-maximum-likelihood",
  exercises: [
    {
      id: "02.1",
      title: "θ_ML of a Bernoulli coin",
      check: expectNumber(fitBernoulli(FLIPS).params.p, {
        mistakes: [{ value: 1 - fitBernoulli(FLIPS).params.p, hint: "that is the fraction of tails; θ is P(x = 1)." }],
        hint: "set the derivative of Σ log p_model(x⁽ⁱ⁾; θ) to zero, or count.",
      }),
    },
    {
      id: "02.2",
      title: "horse-kick log-likelihood at λ_ML (nats)",
      check: expectNumber(kicksLogLik, {
        mistakes: [
          { value: kicksLogLik / KICKS.length, hint: "that is the average log-likelihood; the question asks for the sum over all m = 200 corps-years." },
          { value: -kicksLogLik, hint: "that is the negative log-likelihood; flip the sign." },
          { value: logLikelihood(poisson(1), KICKS), hint: "evaluate at λ_ML, the sample mean, not at λ = 1." },
        ],
        hint: "λ_ML is the sample mean of the 200 counts; sum log p_model(x⁽ⁱ⁾; λ_ML) over all of them, repeats included.",
      }),
    },
    {
      id: "02.3",
      title: "σ_ML of a Gaussian",
      check: expectNumber(sigmaML, {
        mistakes: [
          { value: fitGaussian(VALUES, { unbiased: true }).params.sigma, hint: "you divided by m − 1 (Bessel's correction); the MLE divides by m." },
          { value: sigmaML * sigmaML, hint: "that is σ²; the question asks for σ." },
        ],
        hint: "σ_ML² = (1/m) Σ (x⁽ⁱ⁾ − μ_ML)², then take the square root.",
      }),
    },
  ],
};
