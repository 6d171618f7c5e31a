// Whole labels that notebook 08's code shows (plot and axis titles, legends, table columns,
// record keys, assert messages), exactly as the code writes them, and their Chinese.
// A number that varies is {0}, {1} on both sides. Terms shared by several notebooks go in
// ../labels.ts (TERMS), so each has one rendering.
export const PHRASES_08: Readonly<Record<string, string>> = {
  // three heads, MAP
  "NLL of a tail (nats)": "一次反面的 NLL（奈特）",
  "KL(Bernoulli(0.9) ‖ model)": "KL(Bernoulli(0.9) ‖ 模型)",
  "grid": "网格",
  "numeric, over z": "数值解（在 z 上）",
  "closed form": "闭式解",
  "(prior, data) pairs checked": "检验过的（先验，数据）组合数",
  "formula at a = ½": "a = ½ 时的公式值",
  "θ_MAP at a = ½": "a = ½ 时的 θ_MAP",
  // the posterior against the likelihood and the prior
  "prior Beta(2, 2)": "先验 Beta(2, 2)",
  "prior Beta(α, α)": "先验 Beta(α, α)",
  "likelihood, normalised": "似然（已归一化）",
  "{0} heads in {1} tosses": "{1} 次抛掷中 {0} 次正面",
  // parametrisation
  "data": "数据",
  "{0} heads of {1}": "{1} 次中 {0} 次正面",
  "MAP over θ": "θ 上的 MAP",
  "MAP over z, as θ": "z 上的 MAP（换算成 θ）",
  "ML over θ": "θ 上的 ML",
  "ML over z, as θ": "z 上的 ML（换算成 θ）",
  "posterior over θ": "θ 上的后验",
  "posterior over z": "z 上的后验",
  "mode over θ": "θ 上的众数",
  "mode over z": "z 上的众数",
  "logit of the mode over θ": "θ 上众数的分对数",
  "z = logit θ": "z = θ 的分对数",
  // weight decay
  "least squares": "最小二乘",
  "MAP, numeric": "MAP（数值解）",
  "ridge": "岭回归",
  "flipper length": "鳍肢长度",
  "beak length": "喙长",
  "beak depth": "喙深",
  "weight (g per sd)": "权重（g/标准差）",
  // exercises
  "Beta(2, 2) adds one head and one tail: (7 + 1)/(7 + 2) = 8/9 ≈ 0.889 (θ_ML would be 1).":
    "Beta(2, 2) 相当于多加一次正面和一次反面：(7 + 1)/(7 + 2) = 8/9 ≈ 0.889（θ_ML 会是 1）。",
  "The posterior is Beta(5 + 9, 5 + 1) = Beta(14, 6); its mode is 13/18 ≈ 0.722.":
    "后验是 Beta(5 + 9, 5 + 1) = Beta(14, 6)；它的众数是 13/18 ≈ 0.722。",
  "λ = σ²/τ² = 1/0.04 = 25, and (m + λ) w = m · ŵ gives w = 2 · 100/125 = 1.6.":
    "λ = σ²/τ² = 1/0.04 = 25，由 (m + λ) w = m · ŵ 得 w = 2 · 100/125 = 1.6。",
  "The mode of Beta(a, b): (a − 1)/(a + b − 2), or the edge where a shape is below 1.":
    "Beta(a, b) 的众数：(a − 1)/(a + b − 2)；若某个形状参数小于 1，则是相应的端点。",
};
