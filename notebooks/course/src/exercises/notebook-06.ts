// Exercises of notebooks/06-conditional-likelihood-and-loss-functions.ipynb.
import { binaryCrossEntropyFromLogit, crossEntropyFromLogits } from "mlekit";
import { expectFunction, expectNumber, type Exercise, type ExerciseSet } from "notebook-kit";
import { NATS } from "./units";

/** Exercise 06.1: the residuals y − ŷ of a fitted linear model. */
const RESIDUALS = [1, -1, 2, -2];
const mse = RESIDUALS.reduce((s, r) => s + r * r, 0) / RESIDUALS.length;

/** Exercise 06.2: label 1, logit −3 (the model leans the wrong way). */
const Y = 1;
const Z = -3;

/** Exercise 06.3: logits for three classes, the true class is index 2. */
const LOGITS = [2, 1, 0];
const oneHot = (k: number): number[] => LOGITS.map((_, j) => (j === k ? 1 : 0));

/**
 * A code exercise: the student writes `bceFromLogit(y, z)`, the binary cross-entropy of label y
 * for a model whose logit is z, without overflow. The naive −log σ(z) gives Infinity where the
 * loss is 800. Exercise 06.4 of the notebook, the 4th in the list below.
 */
export const stableBceExercise: Exercise = {
  id: "06.4",
  title: {
    en: "write `bceFromLogit(y, z)`, stable for any logit",
    zh: "写出 `bceFromLogit(y, z)`，对任何分对数都稳定",
  },
  check: expectFunction((y: number, z: number) => binaryCrossEntropyFromLogit(y, z), {
    name: "bceFromLogit",
    signature: "(y: 0 | 1, z: number) => number",
    cases: [
      { args: [1, 0.5], when: { en: "for y = 1, z = 0.5", zh: "当 y = 1、z = 0.5 时" } },
      { args: [0, 2], when: { en: "for y = 0, z = 2", zh: "当 y = 0、z = 2 时" } },
      { args: [0, 0], when: { en: "at z = 0", zh: "当 z = 0 时" } },
      {
        args: [1, -800],
        when: { en: "for a very negative logit", zh: "当分对数是很大的负数时" },
        edge: true,
        hint: {
          en: "e^800 overflows to `Infinity`: rearrange so that exp never sees a large positive argument.",
          zh: "e^800 会溢出为 `Infinity`：请改写公式，让 exp 的参数永远不会是很大的正数。",
        },
      },
      {
        args: [0, 800],
        when: { en: "for a very positive logit and y = 0", zh: "当 y = 0 且分对数是很大的正数时" },
        edge: true,
        hint: {
          en: "e^800 overflows to `Infinity` (and 1 − σ(800) rounds to 0, whose log is `-Infinity`): rearrange log(1 + e^z) so that exp never sees a large positive argument, and never form σ(z).",
          zh: "e^800 会溢出为 `Infinity`（而 1 − σ(800) 会被舍入为 0，其对数为 `-Infinity`）：请改写 log(1 + e^z)，让 exp 的参数永远不会是很大的正数，也不要先算 σ(z)。",
        },
      },
    ],
  }),
};

export const exercises: ExerciseSet = {
  notebook: "06-conditional-likelihood-and-loss-functions",
  exercises: [
    {
      id: "06.1",
      title: { en: "σ_ML from residuals", zh: "由残差求 σ_ML" },
      check: expectNumber(Math.sqrt(mse), {
        mistakes: [
          {
            value: mse,
            hint: {
              en: "that is σ² (the MSE); take the square root.",
              zh: "这是 σ²（即 MSE）；再开平方。",
            },
          },
          {
            value: Math.sqrt((mse * RESIDUALS.length) / (RESIDUALS.length - 1)),
            hint: {
              en: "you divided by m − 1; the MLE divides by m.",
              zh: "你除以了 m − 1；MLE 除以 m。",
            },
          },
        ],
        hint: {
          en: "σ_ML² = (1/m) Σ (y⁽ⁱ⁾ − ŷ⁽ⁱ⁾)², the mean squared error at ŵ.",
          zh: "σ_ML² = (1/m) Σ (y⁽ⁱ⁾ − ŷ⁽ⁱ⁾)²，即 ŵ 处的均方误差。",
        },
      }),
    },
    {
      id: "06.2",
      title: {
        en: "binary cross-entropy from a logit (nats)",
        zh: "由分对数计算二元交叉熵（奈特）",
      },
      check: expectNumber(binaryCrossEntropyFromLogit(Y, Z), {
        unit: NATS,
        mistakes: [
          {
            value: binaryCrossEntropyFromLogit(1 - Y, Z),
            hint: {
              en: "that is the loss for the label 0; here y = 1, so the loss is −log σ(z).",
              zh: "这是标签为 0 时的损失；这里 y = 1，所以损失是 −log σ(z)。",
            },
          },
          {
            value: binaryCrossEntropyFromLogit(Y, Z) / Math.LN2,
            hint: {
              en: "that is in bits; use the natural log.",
              zh: "这是以比特为单位的；请用自然对数。",
            },
          },
        ],
        hint: {
          en: "−log σ(z) = log(1 + e^{−z}) for y = 1.",
          zh: "y = 1 时，−log σ(z) = log(1 + e^{−z})。",
        },
      }),
    },
    {
      id: "06.3",
      title: {
        en: "categorical cross-entropy from logits (nats)",
        zh: "由分对数计算类别交叉熵（奈特）",
      },
      check: expectNumber(crossEntropyFromLogits(oneHot(2), LOGITS), {
        unit: NATS,
        mistakes: [
          {
            value: crossEntropyFromLogits(oneHot(0), LOGITS),
            hint: {
              en: "that is the loss for class 0; the true class is index 2.",
              zh: "这是类别 0 的损失；真实类别的下标是 2。",
            },
          },
          {
            value: -crossEntropyFromLogits(oneHot(2), LOGITS),
            hint: {
              en: "that is log softmax(z)₂; the loss is its negative.",
              zh: "这是 log softmax(z)₂；损失是它的相反数。",
            },
          },
        ],
        hint: {
          en: "−log softmax(z)_y = logsumexp(z) − z_y.",
          zh: "−log softmax(z)_y = logsumexp(z) − z_y。",
        },
      }),
    },
    stableBceExercise,
  ],
};
