// Exercises of notebooks/00-start-here.ipynb.
import { bernoulli, empiricalDistribution, entropy, negativeLogLikelihood } from "mlekit";
import { expectChoice, expectFunction, expectNumber, type ExerciseSet } from "notebook-kit";
import { NATS } from "./units";

export const exercises: ExerciseSet = {
  notebook: "00-start-here",
  exercises: [
    {
      id: "00.1",
      title: { en: "p̂_data(1) for the sample [1, 1, 1, 0]", zh: "样本 [1, 1, 1, 0] 的 p̂_data(1)" },
      check: expectNumber(empiricalDistribution([1, 1, 1, 0]).probs[1], {
        mistakes: [
          {
            value: 0.5,
            hint: {
              en: "0.5 puts equal mass on each distinct value; p̂_data puts 1/m on each of the m examples, repeats included.",
              zh: "0.5 给每个不同的取值相同的概率质量；p̂_data 给 m 个样本中的每一个 1/m，重复的也算。",
            },
          },
        ],
        hint: {
          en: "count how many of the m examples equal 1, and divide by m.",
          zh: "数一数 m 个样本中有几个等于 1，再除以 m。",
        },
      }),
    },
    {
      id: "00.2",
      title: { en: "one bit in nats", zh: "一比特等于多少奈特" },
      // A fair coin carries exactly one bit; its entropy in nats is that bit's size in nats.
      check: expectNumber(entropy([0.5, 0.5]), {
        unit: NATS,
        mistakes: [
          {
            value: 1 / Math.LN2,
            hint: {
              en: "that is the number of bits in one nat; invert it.",
              zh: "这是一奈特所含的比特数；取倒数。",
            },
          },
          {
            value: 1,
            hint: {
              en: "a bit and a nat are different units: a bit uses log base 2, a nat the natural log, and e > 2.",
              zh: "比特和奈特是不同的单位：比特用以 2 为底的对数，奈特用自然对数，而 e > 2。",
            },
          },
        ],
        hint: {
          en: "a fair coin carries one bit; compute its entropy with the natural logarithm.",
          zh: "一枚公平硬币携带一比特信息；用自然对数计算它的熵。",
        },
      }),
    },
    {
      id: "00.3",
      title: {
        en: "the term dropped between min KL and min cross-entropy",
        zh: "从最小化 KL 到最小化交叉熵时丢掉的项",
      },
      check: expectChoice("a", {
        choices: ["a", "b", "c", "d"],
        mistakes: {
          b: {
            en: "H(p_model) changes with θ, so it cannot be dropped.",
            zh: "H(p_model) 随 θ 变化，所以不能丢掉。",
          },
          c: {
            en: "the KL divergence is what we minimise; it is not dropped.",
            zh: "KL 散度正是我们要最小化的量，它没有被丢掉。",
          },
          d: {
            en: "m is constant, but it is divided out earlier (step 3), not between KL and cross-entropy.",
            zh: "m 是常数，但它在更早的一步（第 3 步）就被除掉了，而不是在 KL 与交叉熵之间。",
          },
        },
      }),
    },
    {
      id: "00.4",
      title: {
        en: "write `averageNll(theta, flips)`, the average NLL of coin flips in nats",
        zh: "写出 `averageNll(theta, flips)`：抛硬币结果的平均负对数似然（奈特）",
      },
      // The reference is the library's NLL divided by m. The edge cases are θ ∈ {0, 1} with no flip of
      // probability 0: there the count form h log θ + (m − h) log(1 − θ) gives 0 · (−∞) = NaN, the
      // flip-by-flip sum gives 0. (A case whose answer is +∞ is left out: +∞ cannot be "off by 2%".)
      check: expectFunction(
        (theta: number, flips: number[]) =>
          negativeLogLikelihood(bernoulli(theta), flips) / flips.length,
        {
          name: "averageNll",
          signature: "(theta: number, flips: number[]) => number",
          cases: [
            // The common slips (a sum without 1/m, the log-likelihood's sign, log₂) fail the first case,
            // so its hint names them; a head and a tail swapped passes it (θ = 1 − θ = 0.5) and fails the second.
            {
              args: [0.5, [1, 0, 1, 1]],
              when: { en: "for θ = 0.5 and four flips", zh: "对 θ = 0.5 和四次抛掷" },
              hint: {
                en: "use the natural log (nats), divide the sum by m, and mind the sign: an NLL is never negative.",
                zh: "用自然对数（奈特），把和除以 m，并注意符号：负对数似然不会是负数。",
              },
            },
            {
              args: [0.7, [1, 1, 0, 1, 0, 1, 1, 1, 0, 1]],
              when: { en: "for θ = 0.7 and ten flips", zh: "对 θ = 0.7 和十次抛掷" },
              hint: {
                en: "a head (x = 1) has probability θ, a tail (x = 0) has 1 − θ.",
                zh: "正面（x = 1）的概率是 θ，反面（x = 0）的概率是 1 − θ。",
              },
            },
            {
              args: [1, [1, 1, 1]],
              when: { en: "when θ = 1 and every flip is a head", zh: "当 θ = 1 且每次都是正面时" },
              edge: true,
              hint: {
                en: "no flip is a tail, so no log(1 − θ) = log 0 term belongs in the sum: 0 · log 0 counts as 0.",
                zh: "没有一次是反面，所以和式里不应出现 log(1 − θ) = log 0 这一项：0 · log 0 按 0 计。",
              },
            },
            {
              args: [0, [0, 0]],
              when: { en: "when θ = 0 and every flip is a tail", zh: "当 θ = 0 且每次都是反面时" },
              edge: true,
              hint: {
                en: "no flip is a head, so no log θ = log 0 term belongs in the sum: 0 · log 0 counts as 0.",
                zh: "没有一次是正面，所以和式里不应出现 log θ = log 0 这一项：0 · log 0 按 0 计。",
              },
            },
          ],
        },
      ),
    },
  ],
};
