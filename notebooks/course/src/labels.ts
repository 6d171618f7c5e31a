// The course's label table: how every display string the notebooks' code passes to the kit
// (plot and axis titles, legend names, slider labels, table columns, record keys, assert
// messages) reads in the Chinese edition. One table, one rendering per term, following the
// Chinese edition of the book (花书) and the terms the translated prose uses.
//
// - TERMS: single terms. A label made only of terms, notation and spaces is translated term by
//   term ("H(P) (bits)" → "H(P) (比特)"); the English-word check allows a term written beside
//   its rendering (分对数（logit）, or a glossary row). `avoid` lists renderings not to use.
// - PHRASES: whole labels, exactly as the code writes them. A number that varies is `{0}`, `{1}`
//   on both sides ("θ = {0}: KL = {1} nats" → "θ = {0}：KL = {1} 奈特").
// - ALLOW: proper names of this course a Chinese reader sees untranslated (the kit already allows
//   people, distributions named after people, software and unit symbols: notebook-kit's
//   src/i18n/english.ts).
// A label with English words and no entry is shown in English and reported: by `missingLabels()`
// in the notebook, and by the check on executed Chinese notebooks (npm run count:english).
import type { LabelTable } from "notebook-kit";
import { PHRASES_00 } from "./labels/notebook-00";
import { PHRASES_01 } from "./labels/notebook-01";
import { PHRASES_02 } from "./labels/notebook-02";
import { PHRASES_03 } from "./labels/notebook-03";
import { PHRASES_04 } from "./labels/notebook-04";
import { PHRASES_05 } from "./labels/notebook-05";
import { PHRASES_06 } from "./labels/notebook-06";
import { PHRASES_07 } from "./labels/notebook-07";
import { PHRASES_08 } from "./labels/notebook-08";

/** A term and its one rendering. */
export interface Term {
  readonly en: string;
  readonly zh: string;
  /** Renderings not to use for it (the check on the Chinese edition reports them). */
  readonly avoid?: readonly string[];
  /** The rendering is given once per notebook at most (对数几率, beside 分对数). */
  readonly once?: boolean;
}

/** One rendering per term (花书, and the translated prose of notebooks/i18n/zh). */
export const TERMS: readonly Term[] = [
  { en: "notebook", zh: "笔记本", avoid: ["种子笔记"] },
  { en: "notebooks", zh: "笔记本" },
  { en: "likelihood", zh: "似然" },
  { en: "log-likelihood", zh: "对数似然" },
  { en: "negative log-likelihood", zh: "负对数似然" },
  { en: "average log-likelihood", zh: "平均对数似然" },
  { en: "maximum likelihood", zh: "最大似然" },
  { en: "maximum likelihood estimate", zh: "最大似然估计" },
  { en: "entropy", zh: "熵" },
  { en: "cross-entropy", zh: "交叉熵" },
  { en: "binary cross-entropy", zh: "二元交叉熵" },
  { en: "differential entropy", zh: "微分熵" },
  { en: "KL divergence", zh: "KL 散度" },
  { en: "self-information", zh: "自信息" },
  { en: "surprisal", zh: "自信息" },
  { en: "nats", zh: "奈特" },
  { en: "nat", zh: "奈特" },
  { en: "bits", zh: "比特" },
  { en: "bit", zh: "比特" },
  { en: "probability", zh: "概率" },
  { en: "probability mass", zh: "概率质量" },
  { en: "mass", zh: "概率质量" },
  { en: "density", zh: "密度" },
  { en: "probability density", zh: "概率密度" },
  { en: "sample", zh: "样本" },
  { en: "samples", zh: "样本" },
  { en: "sample size", zh: "样本量" },
  { en: "empirical distribution", zh: "经验分布" },
  { en: "data-generating distribution", zh: "数据生成分布" },
  { en: "model family", zh: "模型族" },
  { en: "estimator", zh: "估计量" },
  { en: "estimate", zh: "估计值" },
  { en: "bias", zh: "偏差" },
  { en: "variance", zh: "方差" },
  { en: "standard deviation", zh: "标准差" },
  { en: "mean", zh: "均值" },
  { en: "average", zh: "平均" },
  { en: "consistency", zh: "一致性" },
  { en: "Cramér–Rao bound", zh: "Cramér–Rao 下界" },
  { en: "Fisher information", zh: "Fisher 信息" },
  { en: "logit", zh: "分对数", avoid: ["逻辑值"] },
  { en: "logits", zh: "分对数" },
  { en: "log-odds", zh: "对数几率", once: true },
  { en: "prior", zh: "先验" },
  { en: "posterior", zh: "后验" },
  { en: "weight decay", zh: "权重衰减" },
  { en: "regularisation", zh: "正则化" },
  { en: "minibatch", zh: "小批量" },
  { en: "loss", zh: "损失" },
  { en: "mixture", zh: "混合分布" },
  { en: "Gaussian", zh: "高斯" },
  { en: "Poisson", zh: "泊松" },
  { en: "Bernoulli", zh: "伯努利" },
  { en: "coin", zh: "硬币" },
  { en: "die", zh: "骰子" },
  { en: "heads", zh: "正面" },
  { en: "tails", zh: "反面" },
  { en: "outcome", zh: "结果" },
  { en: "count", zh: "计数" },
  { en: "deaths", zh: "死亡人数" },
  { en: "residual", zh: "残差" },
  // the glossary of notebook 00 (so each row, English beside its rendering, reads as a gloss)
  { en: "independent and identically distributed", zh: "独立同分布" },
  { en: "expectation", zh: "期望" },
  { en: "mutual information", zh: "互信息" },
  { en: "maximum likelihood estimation", zh: "最大似然估计" },
  { en: "reparametrisation", zh: "重参数化" },
  { en: "Shannon entropy", zh: "香农熵" },
  { en: "loss function", zh: "损失函数" },
  { en: "conditional log-likelihood", zh: "条件对数似然" },
  { en: "mean squared error", zh: "均方误差" },
  { en: "asymptotically unbiased", zh: "渐近无偏" },
  { en: "unbiased sample variance", zh: "无偏样本方差" },
  { en: "statistical efficiency", zh: "统计效率" },
  { en: "Cramér–Rao lower bound", zh: "Cramér–Rao 下界" },
  { en: "maximum a posteriori estimation", zh: "最大后验估计" },
];

/**
 * Whole labels, exactly as the notebooks' code writes them: one file per notebook in labels/
 * (so each notebook's labels are edited in one place), plus the few shared here.
 * `npm run count:english -- DIR --report` lists what is missing.
 */
export const PHRASES: Readonly<Record<string, string>> = {
  "θ = {0}: KL = {1} nats": "θ = {0}：KL = {1} 奈特",
  "min KL": "最小 KL",
  ...PHRASES_00,
  ...PHRASES_01,
  ...PHRASES_02,
  ...PHRASES_03,
  ...PHRASES_04,
  ...PHRASES_05,
  ...PHRASES_06,
  ...PHRASES_07,
  ...PHRASES_08,
};

/** Proper names of this course a reader of the Chinese edition sees as they are. */
export const ALLOW: readonly string[] = [
  // statisticians and numerical analysts named in notebook 02
  "Chernoff",
  "Lehmann",
  "Nelder",
  "Mead",
  // Jupyter's Notebook 7, named beside JupyterLab in notebook 00's "how to run"
  "Notebook",
  // notebook 07: Hájek's convolution theorem
  "Hájek",
];

/** The table as the kit takes it (`registerLabels("zh", LABELS_ZH)`). */
export const LABELS_ZH: LabelTable = { phrases: PHRASES, terms: TERMS, allow: ALLOW };
