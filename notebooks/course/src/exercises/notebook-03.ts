// Exercises of notebooks/03-self-information-and-entropy.ipynb.
import { entropy, gaussian, selfInformation } from "mlekit";
import { expectFunction, expectNumber, type Exercise, type ExerciseSet } from "notebook-kit";
import { BITS, NATS } from "./units";

/** Exercise 03.2: every probability a power of ½, so an optimal prefix code meets H exactly. */
const DYADIC = [1 / 4, 1 / 4, 1 / 4, 1 / 8, 1 / 8];

/**
 * Exercise 03.4, a code exercise: the student writes `entropyBits(p)` and
 * `checkAnswer("03.4", entropyBits)` runs it on hidden cases against mlekit's `entropy`,
 * the two edge cases last (a certain outcome; a zero entry, where 0 · log 0 = 0).
 */
export const entropyBitsExercise: Exercise = {
  id: "03.4",
  title: {
    en: "write `entropyBits(p)`, the entropy of p in bits",
    zh: "写出 `entropyBits(p)`：p 的熵（比特）",
  },
  check: expectFunction((p: readonly number[]) => entropy(p, { base: 2 }), {
    name: "entropyBits",
    signature: "(p: number[]) => number",
    cases: [
      {
        args: [[0.5, 0.5]],
        when: { en: "for a fair coin", zh: "对公平硬币" },
        hint: {
          en: "Check each part of H = −Σ p log₂ p: log base 2 for bits, each term weighted by its p, and the minus sign.",
          zh: "逐项检查 H = −Σ p log₂ p：比特要用以 2 为底的对数，每一项按它的 p 加权，还有前面的负号。",
        },
      },
      {
        args: [[0.7, 0.2, 0.1]],
        when: { en: "for p = (0.7, 0.2, 0.1)", zh: "对 p = (0.7, 0.2, 0.1)" },
      },
      {
        args: [[1]],
        when: { en: "for a certain outcome, p = (1)", zh: "对必然结果 p = (1)" },
        edge: true,
        hint: { en: "A certain outcome carries no information.", zh: "必然结果不携带信息。" },
      },
      {
        args: [[0.5, 0, 0.5]],
        when: { en: "when p has a zero entry", zh: "当 p 含有 0 时" },
        edge: true,
        hint: {
          en: "0 · log 0 counts as 0, its limit as p → 0.",
          zh: "0 · log 0 按 p → 0 时的极限 0 计。",
        },
      },
    ],
  }),
};

export const exercises: ExerciseSet = {
  notebook: "03-self-information-and-entropy",
  exercises: [
    {
      id: "03.1",
      title: { en: "surprisal of rolling a six, in bits", zh: "掷出 6 点的自信息（比特）" },
      check: expectNumber(selfInformation(1 / 6, { base: 2 }), {
        unit: BITS,
        mistakes: [
          {
            value: selfInformation(1 / 6),
            hint: {
              en: "that is in nats; divide by ln 2 to get bits.",
              zh: "这是以奈特为单位的；除以 ln 2 得到比特。",
            },
          },
          {
            value: -selfInformation(1 / 6, { base: 2 }),
            hint: {
              en: "check the sign: I(x) = −log P(x) is never negative.",
              zh: "检查符号：I(x) = −log P(x) 永远不会是负数。",
            },
          },
        ],
        hint: {
          en: "I(x) = −log₂ P(x) with P(six) = 1/6.",
          zh: "I(x) = −log₂ P(x)，其中 P(六点) = 1/6。",
        },
      }),
    },
    {
      id: "03.2",
      title: {
        en: "entropy of (1/4, 1/4, 1/4, 1/8, 1/8) in bits",
        zh: "(1/4, 1/4, 1/4, 1/8, 1/8) 的熵（比特）",
      },
      check: expectNumber(entropy(DYADIC, { base: 2 }), {
        unit: BITS,
        mistakes: [
          {
            value: entropy(DYADIC),
            hint: {
              en: "that is in nats; use log base 2 for bits.",
              zh: "这是以奈特为单位的；比特要用以 2 为底的对数。",
            },
          },
          {
            value: Math.log2(DYADIC.length),
            hint: {
              en: "log₂ 5 bits is the entropy of the uniform distribution on 5 outcomes, the maximum; this one is not uniform.",
              zh: "log₂ 5 比特是 5 个结果上均匀分布的熵，即最大值；这个分布并不均匀。",
            },
          },
        ],
        hint: {
          en: "H = Σ P(x) · I(x): each outcome's surprisal in bits (2, 2, 2, 3, 3) weighted by its probability.",
          zh: "H = Σ P(x) · I(x)：每个结果的自信息（以比特计为 2, 2, 2, 3, 3）按其概率加权。",
        },
      }),
    },
    {
      id: "03.3",
      title: { en: "differential entropy of N(3, 2²) in nats", zh: "N(3, 2²) 的微分熵（奈特）" },
      check: expectNumber(gaussian(3, 2).entropy(), {
        unit: NATS,
        mistakes: [
          {
            value: gaussian(3, Math.SQRT2).entropy(),
            hint: {
              en: "the formula has σ² inside the logarithm, and σ = 2 here, so σ² = 4.",
              zh: "公式中对数里面是 σ²，这里 σ = 2，所以 σ² = 4。",
            },
          },
          {
            value: gaussian(3, 2).entropy({ base: 2 }),
            hint: {
              en: "that is in bits; the question asks for nats.",
              zh: "这是以比特为单位的；题目要的是奈特。",
            },
          },
        ],
        hint: {
          en: "h = ½ log(2πe σ²); the mean does not enter.",
          zh: "h = ½ log(2πe σ²)；均值不出现在公式中。",
        },
      }),
    },
    entropyBitsExercise,
  ],
};
