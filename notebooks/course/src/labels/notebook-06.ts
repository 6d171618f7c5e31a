// Whole labels that notebook 06's code shows (plot and axis titles, legends, table columns,
// record keys, assert messages), exactly as the code writes them, and their Chinese.
// A number that varies is {0}, {1} on both sides. Terms shared by several notebooks go in
// ../labels.ts (TERMS), so each has one rendering.
export const PHRASES_06: Readonly<Record<string, string>> = {
  // the data and linear regression
  "penguins": "企鹅",
  "with flipper length and body mass": "同时有鳍肢长度和体重",
  "w₁ (g per mm)": "w₁（g/mm）",
  "max log-likelihood": "最大对数似然",
  "NLL − min (nats)": "NLL − 最小值（奈特）",
  "flipper length x (mm)": "鳍肢长度 x (mm)",
  "body mass y (g)": "体重 y (g)",
  // logistic regression
  "Chinstrap (y = 1)": "帽带企鹅 (y = 1)",
  "Adélie (y = 0)": "阿德利企鹅 (y = 0)",
  "mean BCE (nats)": "平均 BCE（奈特）",
  "mean BCE": "平均 BCE",
  "Newton steps": "牛顿法步数",
  "Newton step": "牛顿法迭代步",
  "gradient g": "梯度 g",
  "leading minors of H": "H 的顺序主子式",
  "beak length (mm)": "喙长 (mm)",
  "beak depth (mm)": "喙深 (mm)",
  "excess": "超额损失",
  // separable classes
  "mean BCE at t·w": "t·w 处的平均 BCE",
  "smallest margin": "最小间隔",
  "σ = {0} exactly at t = {1}": "t = {1} 时 σ 恰为 {0} 的个数",
  "mean BCE at t = {0}": "t = {0} 时的平均 BCE",
  // log space
  "naive": "朴素写法",
  "log softmax": "log softmax",
  "naive, y = {0}: relative error": "朴素写法，y = {0}：相对误差",
  "wrong class": "错误类别",
  "right class": "正确类别",
  "wrong class, naive": "错误类别，朴素写法",
  "right class, naive": "正确类别，朴素写法",
  "scale s": "尺度 s",
  "loss (nats)": "损失（奈特）",
  // exercises
  "your prediction": "你的预测",
  "computed (nats)": "计算值（奈特）",
  "σ_ML² = MSE = (1 + 1 + 4 + 4)/4 = 2.5, so σ_ML = √2.5 ≈ 1.581.":
    "σ_ML² = MSE = (1 + 1 + 4 + 4)/4 = 2.5，所以 σ_ML = √2.5 ≈ 1.581。",
  "log(1 + e^z) − y·z = log(1 + e^−3) + 3 = log(1 + e^3) ≈ 3.049 nats: above log 2.":
    "log(1 + e^z) − y·z = log(1 + e^−3) + 3 = log(1 + e^3) ≈ 3.049 奈特：高于 log 2。",
  "log(e² + e¹ + e⁰) − z₂ = log(e² + e + 1) − 0 ≈ 2.408 nats.":
    "log(e² + e¹ + e⁰) − z₂ = log(e² + e + 1) − 0 ≈ 2.408 奈特。",
  "log(1 + e^z) = max(z, 0) + log1p(e^−|z|): exp never sees a positive argument.":
    "log(1 + e^z) = max(z, 0) + log1p(e^−|z|)：exp 的参数永远不会是正数。",
};
