// Exercises of notebooks/02-maximum-likelihood.ipynb.
import {
  fitBernoulli,
  fitGaussian,
  fitPoisson,
  logFactorial,
  logLikelihood,
  poisson,
} from "mlekit";
import { expectFunction, expectNumber, type ExerciseSet } from "notebook-kit";
import { NATS } from "./units";

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
/** Σ log x⁽ⁱ⁾!: the term a log-likelihood "up to a constant" leaves out (−182.3 instead of −206.1). */
const kicksLogFactorials = KICKS.reduce((s, x) => s + logFactorial(x), 0);
/** Exercise 02.3: the classic eight values whose MLE σ is 2. */
const VALUES = [2, 4, 4, 4, 5, 5, 7, 9];
const sigmaML = fitGaussian(VALUES).params.sigma;

export const exercises: ExerciseSet = {
  notebook: "02-maximum-likelihood",
  exercises: [
    {
      id: "02.1",
      title: { en: "θ_ML of a Bernoulli coin", zh: "伯努利硬币的 θ_ML" },
      check: expectNumber(fitBernoulli(FLIPS).params.p, {
        mistakes: [
          {
            value: 1 - fitBernoulli(FLIPS).params.p,
            hint: {
              en: "that is the fraction of tails; θ is P(x = 1).",
              zh: "这是反面的比例；θ 是 P(x = 1)。",
            },
          },
        ],
        hint: {
          en: "set the derivative of Σ log p_model(x⁽ⁱ⁾; θ) to zero, or count.",
          zh: "令 Σ log p_model(x⁽ⁱ⁾; θ) 的导数为零，或者直接计数。",
        },
      }),
    },
    {
      id: "02.2",
      title: {
        en: "horse-kick log-likelihood at λ_ML (nats)",
        zh: "马踢数据在 λ_ML 处的对数似然（奈特）",
      },
      check: expectNumber(kicksLogLik, {
        unit: NATS,
        mistakes: [
          {
            value: kicksLogLik / KICKS.length,
            hint: {
              en: "that is the average log-likelihood; the question asks for the sum over all m = 200 corps-years.",
              zh: "这是平均对数似然；题目要的是全部 m = 200 个军团年的总和。",
            },
          },
          {
            value: -kicksLogLik,
            hint: {
              en: "that is the negative log-likelihood; flip the sign.",
              zh: "这是负对数似然；把符号反过来。",
            },
          },
          {
            value: kicksLogLik + kicksLogFactorials,
            hint: {
              en: "that leaves out −Σ log x⁽ⁱ⁾!: it does not depend on λ, so it does not move λ_ML, but it is part of log L.",
              zh: "这漏掉了 −Σ log x⁽ⁱ⁾!：它与 λ 无关，所以不影响 λ_ML，但它是 log L 的一部分。",
            },
          },
          {
            value: logLikelihood(poisson(1), KICKS),
            hint: {
              en: "evaluate at λ_ML, the sample mean, not at λ = 1.",
              zh: "应在 λ_ML（样本均值）处求值，而不是 λ = 1。",
            },
          },
        ],
        hint: {
          en: "λ_ML is the sample mean of the 200 counts; sum log p_model(x⁽ⁱ⁾; λ_ML) over all of them, repeats included.",
          zh: "λ_ML 是这 200 个计数的样本均值；对所有计数（包括重复的）求 log p_model(x⁽ⁱ⁾; λ_ML) 的和。",
        },
      }),
    },
    {
      id: "02.3",
      title: { en: "σ_ML of a Gaussian", zh: "高斯分布的 σ_ML" },
      check: expectNumber(sigmaML, {
        mistakes: [
          {
            value: fitGaussian(VALUES, { unbiased: true }).params.sigma,
            hint: {
              en: "you divided by m − 1 (Bessel's correction); the MLE divides by m.",
              zh: "你除以了 m − 1（Bessel 校正）；最大似然估计除以 m。",
            },
          },
          {
            value: sigmaML * sigmaML,
            hint: { en: "that is σ²; the question asks for σ.", zh: "这是 σ²；题目要的是 σ。" },
          },
        ],
        hint: {
          en: "σ_ML² = (1/m) Σ (x⁽ⁱ⁾ − μ_ML)², then take the square root.",
          zh: "σ_ML² = (1/m) Σ (x⁽ⁱ⁾ − μ_ML)²，再开平方。",
        },
      }),
    },
    {
      id: "02.4",
      title: {
        en: "write `poissonLogLik(lambda, xs)`, the Poisson log-likelihood in nats",
        zh: "写出 `poissonLogLik(lambda, xs)`：泊松对数似然（奈特）",
      },
      // The reference is the library's log-likelihood (its log-pmf uses logFactorial, so it never
      // overflows). The edge cases: a count above 170, whose factorial is Infinity in a double, and
      // a single zero count (log 0! = 0, and 0 · log λ = 0).
      check: expectFunction((lambda: number, xs: number[]) => logLikelihood(poisson(lambda), xs), {
        name: "poissonLogLik",
        signature: "(lambda: number, xs: number[]) => number",
        cases: [
          // Skipping zero counts, −λ once instead of per count, or no −log x! all fail the first case,
          // so its hint names the three terms every count brings.
          {
            args: [2, [1, 3, 0, 2]],
            when: { en: "for λ = 2 and xs = [1, 3, 0, 2]", zh: "对 λ = 2 和 xs = [1, 3, 0, 2]" },
            hint: {
              en: "every count brings three terms, x log λ, −λ and −log x!: a zero count still brings −λ, and −log x! stays although it does not depend on λ.",
              zh: "每个计数都带来三项：x log λ、−λ 和 −log x!；计数为零时仍有 −λ，而 −log x! 虽然与 λ 无关，也不能省去。",
            },
          },
          {
            args: [0.61, [0, 0, 1, 2, 0, 1]],
            when: {
              en: "for λ = 0.61 and six horse-kick counts",
              zh: "对 λ = 0.61 和六个马踢计数",
            },
          },
          {
            args: [150, [171, 180]],
            when: {
              en: "for counts above 170 (λ = 150, xs = [171, 180])",
              zh: "当计数超过 170 时（λ = 150，xs = [171, 180]）",
            },
            edge: true,
            hint: {
              en: "171! is larger than the largest double, so it becomes `Infinity`: add log 2 + log 3 + … + log x instead (the library's `logFactorial`).",
              zh: "171! 超过了最大的双精度数，会变成 `Infinity`：改为累加 log 2 + log 3 + … + log x（即库里的 `logFactorial`）。",
            },
          },
          {
            args: [3, [0]],
            when: {
              en: "for a single zero count (λ = 3, xs = [0])",
              zh: "对只有一个零计数的情形（λ = 3，xs = [0]）",
            },
            edge: true,
            hint: {
              en: "0! = 1, so log 0! = 0; and 0 · log λ = 0.",
              zh: "0! = 1，所以 log 0! = 0；而 0 · log λ = 0。",
            },
          },
        ],
      }),
    },
  ],
};
