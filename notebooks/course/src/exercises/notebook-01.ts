// Exercises of notebooks/01-iid-and-the-empirical-distribution.ipynb.
import { categorical, empiricalDistribution, fitCategorical } from "mlekit";
import { expectFunction, expectNumber, type ExerciseSet } from "notebook-kit";
import { NATS } from "./units";

/**
 * The sample of exercises 01.1 and 01.2: 3 occurs four times, 1 and 2 once. (Not the notebook's
 * worked example {2, 5, 5, 7, 7, 7}, whose λ_ML = 5.5 and 14/3 the notebook prints before.)
 */
const SAMPLE = [3, 1, 3, 3, 2, 3];
const pHat = empiricalDistribution(SAMPLE);
/** Mean of x² over the distinct values: the "uniform over the support" mistake. */
const uniformOverSupport = pHat.support.reduce((s, v) => s + v * v, 0) / pHat.support.length;
/** The square of the mean: the E[x]² mistake for E[x²]. */
const meanSquared = pHat.expectation((x) => x) ** 2;

/** The die rolls of exercise 01.3, as faces 1…6; the fair-die model is categorical on 0…5. */
const ROLLS = [1, 6, 6, 2, 6, 3];
const fairDie = categorical([1, 1, 1, 1, 1, 1].map((w) => w / 6));
const avgLogFair = empiricalDistribution(ROLLS).expectation((face) => fairDie.logProb(face - 1));

export const exercises: ExerciseSet = {
  notebook: "01-iid-and-the-empirical-distribution",
  exercises: [
    {
      id: "01.1",
      title: { en: "p̂(3) with repeated values", zh: "有重复值时的 p̂(3)" },
      check: expectNumber(pHat.probs[pHat.support.indexOf(3)], {
        mistakes: [
          {
            value: pHat.counts[pHat.support.indexOf(3)],
            hint: {
              en: "that is the count c₃; p̂ divides it by m.",
              zh: "这是计数 c₃；p̂ 还要把它除以 m。",
            },
          },
          {
            value: 1 / 3,
            hint: {
              en: "1/3 is 1/(number of distinct values): uniform over the support. p̂ gives 1/m to each example, repeats included.",
              zh: "1/3 是 1/(不同取值的个数)：在支撑集上均匀。p̂ 给每个样本 1/m，重复的也算。",
            },
          },
        ],
        hint: {
          en: "p̂(v) = (number of examples equal to v) / m.",
          zh: "p̂(v) = (等于 v 的样本个数) / m。",
        },
      }),
    },
    {
      id: "01.2",
      title: { en: "E over p̂ of x² with repeated values", zh: "有重复值时 x² 在 p̂ 下的期望" },
      check: expectNumber(
        pHat.expectation((x) => x * x),
        {
          mistakes: [
            {
              value: uniformOverSupport,
              hint: {
                en: "you averaged over the distinct values {1, 2, 3}; that is the uniform-over-the-support mistake. Average over all m examples.",
                zh: "你是在不同取值 {1, 2, 3} 上求的平均，这就是“在支撑集上均匀”的错误。应在全部 m 个样本上求平均。",
              },
            },
            {
              value: meanSquared,
              hint: {
                en: "that is the square of the mean, (E[x])²; square each example first, then average.",
                zh: "这是均值的平方 (E[x])²；应先把每个样本平方，再求平均。",
              },
            },
          ],
          hint: {
            en: "E_{x~p̂}[f] = (1/m) Σ_i f(x⁽ⁱ⁾): square every example, repeats included, then average.",
            zh: "E_{x~p̂}[f] = (1/m) Σ_i f(x⁽ⁱ⁾)：把每个样本（包括重复的）平方，再求平均。",
          },
        },
      ),
    },
    {
      id: "01.3",
      title: {
        en: "average log-probability of the rolls under a fair die (nats)",
        zh: "公平骰子下这些投掷结果的平均对数概率（奈特）",
      },
      check: expectNumber(avgLogFair, {
        unit: NATS,
        mistakes: [
          {
            value: -avgLogFair,
            hint: {
              en: "check the sign: a log of a probability is never positive.",
              zh: "检查符号：概率的对数永远不会是正数。",
            },
          },
          {
            value: avgLogFair / Math.LN2,
            hint: {
              en: "that is in bits; use the natural logarithm (nats).",
              zh: "这是以比特为单位的；请用自然对数（奈特）。",
            },
          },
        ],
        hint: {
          en: "each roll has p_model = 1/6 whatever its face, so every term of the average is the same.",
          zh: "无论哪一面，每次投掷的 p_model 都是 1/6，所以平均中的每一项都相同。",
        },
      }),
    },
    {
      id: "01.4",
      title: {
        en: "write `empiricalProbs(xs, k)`, p̂ of a sample of categories 0 … k − 1",
        zh: "写出 `empiricalProbs(xs, k)`：类别 0 … k − 1 的样本的 p̂",
      },
      // The reference is the library's categorical MLE, whose probabilities are exactly c_j / m.
      check: expectFunction(
        (xs: number[], k: number) => Array.from(fitCategorical(xs, k).params.probs),
        {
          name: "empiricalProbs",
          signature: "(xs: number[], k: number) => number[]",
          cases: [
            // Counts left undivided, or divided by k, fail the first case, so its hint names the divisor.
            {
              args: [[0, 2, 2, 1], 3],
              when: { en: "for xs = [0, 2, 2, 1] and k = 3", zh: "对 xs = [0, 2, 2, 1] 和 k = 3" },
              hint: {
                en: "each mass is a count divided by m, the sample size (not by k): the k masses sum to one.",
                zh: "每个概率质量都是计数除以样本量 m（不是除以 k）：这 k 个概率质量之和为一。",
              },
            },
            {
              args: [[1, 1, 0, 1, 1, 0, 1, 1], 2],
              when: { en: "for eight coin flips (k = 2)", zh: "对八次抛硬币（k = 2）" },
            },
            {
              args: [[0, 0, 2], 4],
              when: {
                en: "when categories 1 and 3 never occur (xs = [0, 0, 2], k = 4)",
                zh: "当类别 1 和 3 从未出现时（xs = [0, 0, 2]，k = 4）",
              },
              edge: true,
              hint: {
                en: "a category that never occurs still has its place in the array, with mass 0: k entries in all.",
                zh: "从未出现的类别在数组中仍占一个位置，概率质量为 0：一共 k 个数。",
              },
            },
            {
              args: [[4], 5],
              when: {
                en: "for a single example (xs = [4], k = 5)",
                zh: "对只有一个样本的情形（xs = [4]，k = 5）",
              },
              edge: true,
              hint: {
                en: "with m = 1, the one category seen has mass 1 and the other k − 1 have 0.",
                zh: "m = 1 时，出现过的那个类别概率质量为 1，其余 k − 1 个为 0。",
              },
            },
          ],
        },
      ),
    },
  ],
};
