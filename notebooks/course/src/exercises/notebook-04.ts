// Exercises of notebooks/04-kl-divergence-and-cross-entropy.ipynb.
import { klDivergence } from "mlekit";
import { expectChoice, expectFunction, expectNumber, type ExerciseSet } from "notebook-kit";
import { BITS } from "./units";

/**
 * Exercise 04.4, a code exercise: the student writes `klNats(p, q)`, checked against mlekit's
 * `klDivergence` on ordinary pairs first, then on the edge cases of its definition: a term with
 * p = 0 (0 · log(0/q) = 0, also when q = 0 there) and q = 0 where p > 0 (Infinity).
 */
const klNatsCheck = expectFunction(
  (p: readonly number[], q: readonly number[]) => klDivergence(p, q),
  {
    name: "klNats",
    signature: "(p: number[], q: number[]) => number",
    cases: [
      {
        args: [
          [0.25, 0.75],
          [0.75, 0.25],
        ],
        when: { en: "for p = (¼, ¾) and q = (¾, ¼)", zh: "对 p = (¼, ¾) 和 q = (¾, ¼)" },
        hint: {
          en: "Check each part of Σ p log(p/q): the natural logarithm (`Math.log`) for nats, and each term weighted by p.",
          zh: "逐项检查 Σ p log(p/q)：奈特要用自然对数（`Math.log`），每一项按 p 加权。",
        },
      },
      {
        args: [
          [0.1, 0.2, 0.7],
          [0.3, 0.3, 0.4],
        ],
        when: {
          en: "for p = (0.1, 0.2, 0.7) and q = (0.3, 0.3, 0.4)",
          zh: "对 p = (0.1, 0.2, 0.7) 和 q = (0.3, 0.3, 0.4)",
        },
        hint: {
          en: "The expectation is taken under p, and p sits on top of the ratio: Σ p log(p/q).",
          zh: "期望是在 p 下取的，并且 p 在比值的分子上：Σ p log(p/q)。",
        },
      },
      {
        args: [
          [0.2, 0.3, 0.5],
          [0.2, 0.3, 0.5],
        ],
        when: { en: "when q = p", zh: "当 q = p 时" },
      },
      {
        args: [
          [1, 0],
          [0.5, 0.5],
        ],
        when: { en: "when p has a zero entry", zh: "当 p 含有 0 时" },
        edge: true,
        hint: {
          en: "A term with p = 0 is 0 · log(0/q), which counts as 0.",
          zh: "p = 0 的项是 0 · log(0/q)，按 0 计。",
        },
      },
      {
        args: [
          [0.5, 0.5, 0],
          [0.25, 0.75, 0],
        ],
        when: {
          en: "when p and q are both 0 at one outcome",
          zh: "当 p 和 q 在某个结果上都为 0 时",
        },
        edge: true,
        hint: {
          en: "A term with p = 0 counts as 0, whatever q is there.",
          zh: "p = 0 的项按 0 计，不管那里的 q 是多少。",
        },
      },
      {
        args: [
          [0.5, 0.5],
          [1, 0],
        ],
        when: { en: "when q is 0 where p is not", zh: "当 q 在 p 不为 0 的地方为 0 时" },
        edge: true,
        hint: {
          en: "q calls impossible something that happens under p: the divergence is infinite.",
          zh: "q 把在 p 下会发生的事说成不可能：散度是无穷大。",
        },
      },
    ],
  },
);

/** Exercise 04.1: two distributions on three outcomes. */
const P = [1 / 2, 1 / 4, 1 / 4];
const Q = [1 / 8, 1 / 2, 3 / 8];
const klBits = klDivergence(P, Q, { base: 2 });

/**
 * Exercise 04.2: p = ½ N(−1, 1) + ½ N(3, 1). The Gaussian that minimises KL(p‖q) matches p's
 * mean and variance: Var_p = E[component variance] + Var[component means] = 1 + 4 = 5.
 */
const COMPONENT_VARIANCE = 1;
const MEANS = [-1, 3];
const meanOfMeans = (MEANS[0] + MEANS[1]) / 2;
const mixtureVariance =
  COMPONENT_VARIANCE + MEANS.reduce((s, m) => s + (m - meanOfMeans) ** 2, 0) / MEANS.length;

export const exercises: ExerciseSet = {
  notebook: "04-kl-divergence-and-cross-entropy",
  exercises: [
    {
      id: "04.1",
      title: { en: "KL(P‖Q) in bits", zh: "以比特计的 KL(P‖Q)" },
      check: expectNumber(klBits, {
        unit: BITS,
        mistakes: [
          {
            value: klDivergence(P, Q),
            hint: {
              en: "that is in nats; the question asks for bits (log base 2).",
              zh: "这是以奈特为单位的；题目要的是比特（以 2 为底的对数）。",
            },
          },
          {
            value: klDivergence(Q, P, { base: 2 }),
            hint: {
              en: "that is KL(Q‖P): the expectation is taken under P, and P sits on top of the ratio.",
              zh: "这是 KL(Q‖P)：期望是在 P 下取的，并且 P 在比值的分子上。",
            },
          },
          {
            value: klDivergence(Q, P),
            hint: {
              en: "that is KL(Q‖P), in nats: swap the arguments back and use log base 2.",
              zh: "这是以奈特为单位的 KL(Q‖P)：把两个参数换回来，并用以 2 为底的对数。",
            },
          },
        ],
        hint: {
          en: "KL(P‖Q) = Σ P(x) log₂(P(x)/Q(x)); three terms, one per outcome.",
          zh: "KL(P‖Q) = Σ P(x) log₂(P(x)/Q(x))；共三项，每个结果一项。",
        },
      }),
    },
    {
      id: "04.2",
      title: {
        en: "σ² of the forward-KL Gaussian fit to a mixture",
        zh: "用正向 KL 拟合混合分布所得高斯的 σ²",
      },
      check: expectNumber(mixtureVariance, {
        mistakes: [
          {
            value: COMPONENT_VARIANCE,
            hint: {
              en: "that is one component's variance. Forward KL must cover both modes, so its Gaussian is as wide as the whole mixture.",
              zh: "这是一个分量的方差。正向 KL 必须覆盖两个峰，所以它的高斯和整个混合分布一样宽。",
            },
          },
          {
            value: Math.sqrt(mixtureVariance),
            hint: { en: "that is σ; the question asks for σ².", zh: "这是 σ；题目要的是 σ²。" },
          },
          {
            value: 4,
            hint: {
              en: "you found the spread of the component means; add the variance inside each component too.",
              zh: "你求出的是各分量均值的离散程度；还要加上每个分量内部的方差。",
            },
          },
        ],
        hint: {
          en: "minimising KL(p‖q) over Gaussians q matches moments: σ² = Var_p[x] = E[within-component variance] + Var[component means].",
          zh: "在高斯分布 q 上最小化 KL(p‖q) 会匹配矩：σ² = Var_p[x] = E[分量内方差] + Var[分量均值]。",
        },
      }),
    },
    {
      id: "04.3",
      title: {
        en: "which direction avoids mass where p ≈ 0",
        zh: "哪个方向会避免在 p ≈ 0 处放概率质量",
      },
      check: expectChoice("reverse", {
        choices: ["forward", "reverse"],
        aliases: { 前向: "forward", 正向: "forward", 反向: "reverse" },
        mistakes: {
          forward: {
            en: "forward KL, E_p[log p/q], only looks where p has mass: it punishes q ≈ 0 there, and does not mind q > 0 where p ≈ 0.",
            zh: "正向 KL，即 E_p[log p/q]，只看 p 有概率质量的地方：它惩罚那里的 q ≈ 0，而不在乎 p ≈ 0 处的 q > 0。",
          },
        },
      }),
    },
    {
      id: "04.4",
      title: {
        en: "write `klNats(p, q)`, KL(p‖q) in nats",
        zh: "写出 `klNats(p, q)`：以奈特计的 KL(p‖q)",
      },
      check: klNatsCheck,
    },
  ],
};
