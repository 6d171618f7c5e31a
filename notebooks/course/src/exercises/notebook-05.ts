// Exercises of notebooks/05-mle-is-min-kl-is-min-cross-entropy.ipynb.
import {
  crossEntropy,
  empiricalDistribution,
  entropy,
  fitPoisson,
  klDivergence,
  poisson,
} from "mlekit";
import { expectFunction, expectNumber, type ExerciseSet } from "notebook-kit";
import { NATS } from "./units";

/** The data of all three exercises: 0 once, 1 twice, 2 three times (m = 6). */
const DATA = [2, 0, 1, 2, 1, 2];
const pHat = empiricalDistribution(DATA);
const lambdaML = fitPoisson(DATA).params.lambda;

/** p̂ and a Poisson model on {0, 1, 2, "3 or more"}: the last outcome has p̂ = 0 and q = the remaining mass. */
function onSupport(lambda: number): { p: number[]; q: number[] } {
  const model = poisson(lambda);
  const q = [0, 1, 2].map((v) => model.prob(v));
  q.push(Math.max(0, 1 - q[0] - q[1] - q[2]));
  const p = [0, 1, 2].map((v) => pHat.probs[pHat.support.indexOf(v)]);
  p.push(0);
  return { p, q };
}
const atML = onSupport(lambdaML);
/** `x` rounded to 3 significant digits, as a student rounds an intermediate result. */
const roundTo3 = (x: number): number => Number(x.toPrecision(3));

/**
 * Exercise 05.4's reference: the average NLL of the examples `xs` under a model `q` over the values
 * 0, 1, …, q.length − 1, computed as the cross-entropy H(p̂, q) from the counts (mlekit's
 * `crossEntropy`: a value with p̂ = 0 adds nothing, q = 0 where p̂ > 0 gives Infinity).
 */
function averageNllReference(xs: readonly number[], q: readonly number[]): number {
  const counts = q.map((_, v) => xs.filter((x) => x === v).length);
  return crossEntropy(counts, q, { normalize: true });
}

export const exercises: ExerciseSet = {
  notebook: "05-mle-is-min-kl-is-min-cross-entropy",
  exercises: [
    {
      id: "05.1",
      title: {
        en: "H(p̂) of a sample with repeated values (nats)",
        zh: "有重复值的样本的 H(p̂)（奈特）",
      },
      check: expectNumber(entropy(pHat.probs), {
        unit: NATS,
        mistakes: [
          {
            value: Math.log(pHat.support.length),
            hint: {
              en: "log 3 treats p̂ as uniform over the 3 distinct values; p̂ gives 1/m to each *sample*, so 2 gets 3/6.",
              zh: "log 3 把 p̂ 当成了在 3 个不同取值上均匀；p̂ 给每个*样本* 1/m，所以 2 得到 3/6。",
            },
          },
          {
            value: entropy(pHat.probs, { base: 2 }),
            hint: {
              en: "that is in bits; the question asks for nats.",
              zh: "这是以比特为单位的；题目要的是奈特。",
            },
          },
          {
            value: Math.log(DATA.length),
            hint: {
              en: "log 6 would be right if all six values were distinct; here they repeat.",
              zh: "如果六个值各不相同，log 6 才对；这里有重复。",
            },
          },
        ],
        hint: {
          en: "p̂(v) = count/m, then H(p̂) = −Σ_v p̂(v) log p̂(v).",
          zh: "p̂(v) = 计数/m，然后 H(p̂) = −Σ_v p̂(v) log p̂(v)。",
        },
      }),
    },
    {
      id: "05.2",
      title: { en: "λ minimising KL(p̂‖Poisson(λ))", zh: "使 KL(p̂‖Poisson(λ)) 最小的 λ" },
      check: expectNumber(lambdaML, {
        mistakes: [
          {
            value: 2,
            hint: {
              en: "2 is the most frequent value (the mode of p̂). Minimising KL is maximising likelihood: λ_ML is the sample mean.",
              zh: "2 是出现最多的值（p̂ 的众数）。最小化 KL 就是最大化似然：λ_ML 是样本均值。",
            },
          },
          {
            value: 1,
            hint: {
              en: "1 is the mean of the distinct values; weight each value by p̂.",
              zh: "1 是不同取值的均值；要用 p̂ 给每个值加权。",
            },
          },
        ],
        hint: {
          en: "argmin KL(p̂‖p_model) = θ_ML; for a Poisson model that is the sample mean.",
          zh: "argmin KL(p̂‖p_model) = θ_ML；对泊松模型，它就是样本均值。",
        },
      }),
    },
    {
      id: "05.3",
      title: { en: "KL(p̂‖p_model) at λ_ML (nats)", zh: "λ_ML 处的 KL(p̂‖p_model)（奈特）" },
      check: expectNumber(klDivergence(atML.p, atML.q), {
        unit: NATS,
        mistakes: [
          {
            value: crossEntropy(atML.p, atML.q),
            hint: {
              en: "that is the cross-entropy H(p̂, p_model); subtract H(p̂).",
              zh: "这是交叉熵 H(p̂, p_model)；减去 H(p̂)。",
            },
          },
          {
            value: entropy(pHat.probs),
            hint: {
              en: "that is H(p̂), the offset between the curves, not the KL.",
              zh: "这是 H(p̂)，即两条曲线之间的差距，不是 KL。",
            },
          },
          {
            // 1.30 − 1.01: each term rounded to 3 digits before subtracting
            value: roundTo3(crossEntropy(atML.p, atML.q)) - roundTo3(entropy(pHat.probs)),
            hint: {
              en: "that is the difference of the two terms rounded to 3 digits first; a difference of close numbers loses digits. Keep full precision (or type the expression) and round only at the end.",
              zh: "这是先把两项各自四舍五入到 3 位再相减的结果；两个相近的数相减会丢掉有效数字。保留全部精度（或直接写表达式），最后再四舍五入。",
            },
          },
        ],
        hint: {
          en: "KL(p̂‖p_model) = H(p̂, p_model) − H(p̂) = (average NLL at λ_ML) − H(p̂).",
          zh: "KL(p̂‖p_model) = H(p̂, p_model) − H(p̂) = (λ_ML 处的平均负对数似然) − H(p̂)。",
        },
      }),
    },
    {
      id: "05.4",
      title: {
        en: "write `averageNll(xs, q)`, the average NLL in nats",
        zh: "写出 `averageNll(xs, q)`：以奈特计的平均负对数似然",
      },
      check: expectFunction(averageNllReference, {
        name: "averageNll",
        signature: "(xs: number[], q: number[]) => number",
        cases: [
          {
            args: [
              [0, 1, 2],
              [0.2, 0.5, 0.3],
            ],
            when: { en: "for three distinct values", zh: "对三个互不相同的值" },
            hint: {
              en: "Check each part of −(1/m) Σᵢ log q[xᵢ]: the natural logarithm (`Math.log`) for nats, the minus sign (a loss is positive), and the average over the m examples.",
              zh: "逐项检查 −(1/m) Σᵢ log q[xᵢ]：奈特要用自然对数（`Math.log`），前面的负号（损失是正数），以及对 m 个样本取平均。",
            },
          },
          {
            args: [DATA, [0.2, 0.3, 0.5]],
            when: { en: "when values repeat", zh: "当有重复的值时" },
            hint: {
              en: "Each example counts once, so a value seen c times counts c times: p̂ gives it c/m, not 1/(number of distinct values).",
              zh: "每个样本算一次，所以出现 c 次的值要算 c 次：p̂ 给它 c/m，而不是 1/(不同取值的个数)。",
            },
          },
          {
            args: [[1], [0.3, 0.7]],
            when: { en: "for a single example", zh: "只有一个样本时" },
            edge: true,
          },
          {
            args: [
              [0, 0, 1],
              [0.5, 0.5, 0],
            ],
            when: {
              en: "when q is 0 at a value nobody observed",
              zh: "当 q 在没有观测到的值上为 0 时",
            },
            edge: true,
            hint: {
              en: "A value that does not occur in xs adds nothing, even where q is 0.",
              zh: "xs 中没有出现的值不贡献任何东西，即使那里的 q 为 0。",
            },
          },
          {
            args: [
              [0, 2],
              [0.5, 0.5, 0],
            ],
            when: { en: "when q is 0 at an observed value", zh: "当 q 在观测到的值上为 0 时" },
            edge: true,
            hint: {
              en: "The model calls impossible a value that occurred: the loss is infinite.",
              zh: "模型把一个确实出现过的值说成不可能：损失是无穷大。",
            },
          },
        ],
      }),
    },
  ],
};
