// Exercises of notebooks/06-conditional-likelihood-and-loss-functions.ipynb.
import { binaryCrossEntropyFromLogit, crossEntropyFromLogits } from "mlekit";
import { expectNumber, type ExerciseSet } from "notebook-kit";

/** Exercise 06.1: the residuals y − ŷ of a fitted linear model. */
const RESIDUALS = [1, -1, 2, -2];
const mse = RESIDUALS.reduce((s, r) => s + r * r, 0) / RESIDUALS.length;

/** Exercise 06.2: label 1, logit −3 (the model leans the wrong way). */
const Y = 1;
const Z = -3;

/** Exercise 06.3: logits for three classes, the true class is index 2. */
const LOGITS = [2, 1, 0];
const oneHot = (k: number): number[] => LOGITS.map((_, j) => (j === k ? 1 : 0));

export const exercises: ExerciseSet = {
  notebook: "06-conditional-likelihood-and-loss-functions",
  exercises: [
    {
      id: "06.1",
      title: "σ_ML from residuals",
      check: expectNumber(Math.sqrt(mse), {
        mistakes: [
          { value: mse, hint: "that is σ² (the MSE); take the square root." },
          { value: Math.sqrt((mse * RESIDUALS.length) / (RESIDUALS.length - 1)), hint: "you divided by m − 1; the MLE divides by m." },
        ],
        hint: "σ_ML² = (1/m) Σ (y⁽ⁱ⁾ − ŷ⁽ⁱ⁾)², the mean squared error at ŵ.",
      }),
    },
    {
      id: "06.2",
      title: "binary cross-entropy from a logit (nats)",
      check: expectNumber(binaryCrossEntropyFromLogit(Y, Z), {
        mistakes: [
          { value: binaryCrossEntropyFromLogit(1 - Y, Z), hint: "that is the loss for the label 0; here y = 1, so the loss is −log σ(z)." },
          { value: binaryCrossEntropyFromLogit(Y, Z) / Math.LN2, hint: "that is in bits; use the natural log." },
        ],
        hint: "−log σ(z) = log(1 + e^{−z}) for y = 1.",
      }),
    },
    {
      id: "06.3",
      title: "categorical cross-entropy from logits (nats)",
      check: expectNumber(crossEntropyFromLogits(oneHot(2), LOGITS), {
        mistakes: [
          { value: crossEntropyFromLogits(oneHot(0), LOGITS), hint: "that is the loss for class 0; the true class is index 2." },
          { value: -crossEntropyFromLogits(oneHot(2), LOGITS), hint: "that is log softmax(z)₂; the loss is its negative." },
        ],
        hint: "−log softmax(z)_y = logsumexp(z) − z_y.",
      }),
    },
  ],
};
