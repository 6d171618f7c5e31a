// Whole labels that notebook 07's code shows (plot and axis titles, legends, table columns,
// record keys, assert messages), exactly as the code writes them, and their Chinese.
// A number that varies is {0}, {1} on both sides. Terms shared by several notebooks go in
// ../labels.ts (TERMS), so each has one rendering.
export const PHRASES_07: Readonly<Record<string, string>> = {
  // consistency
  "λ̂ after the first m counts": "前 m 个计数的 λ̂",
  "sample size m": "样本量 m",
  "simulated": "模拟值",
  "exact": "精确值",
  // bias and MSE
  "E(σ̂²_ML) simulated": "E(σ̂²_ML) 模拟值",
  "E(s²) simulated (Bessel)": "E(s²) 模拟值（Bessel）",
  "Var(σ̂²_ML) sim.": "Var(σ̂²_ML) 模拟值",
  "2σ⁴/m (CR, unbiased)": "2σ⁴/m（CR，无偏）",
  "(1 − 1/m)²·2σ⁴/m (CR, biased)": "(1 − 1/m)²·2σ⁴/m（CR，有偏）",
  // efficiency
  "Poisson Var/bound": "泊松：Var/下界",
  "exponential Var/biased bound": "指数分布：Var/有偏下界",
  "theory m/(m − 2)": "理论值 m/(m − 2)",
  "exponential: m/(m − 2)": "指数分布：m/(m − 2)",
  "Poisson λ̂": "泊松 λ̂",
  "exponential 1/x̄": "指数分布 1/x̄",
  "formal bound θ²/m": "形式上的下界 θ²/m",
  // S/(m + 1)
  "MSE(S/m), the MLE": "MSE(S/m)，最大似然估计",
  "simulated, S/m": "模拟值，S/m",
  "simulated, S/(m + 1)": "模拟值，S/(m + 1)",
  "paired difference": "配对差值",
  // asymptotic normality
  "θ̂ at m = {0}": "m = {0} 时的 θ̂",
  "coverage at m = {0}": "m = {0} 时的覆盖率",
  "bias at m = {0}": "m = {0} 时的偏差",
  // misspecification
  "λ* = E[x], the KL projection": "λ* = E[x]，即 KL 投影",
  "training NLL": "训练 NLL",
  "held-out NLL": "留出 NLL",
  "training size m": "训练集大小 m",
  // a mixture with no MLE
  "spike on {0} mm ({1} birds)": "尖峰在 {0} mm（{1} 只企鹅）",
  "spike on a length seen once": "尖峰在只出现一次的长度上",
  "two species, one Gaussian each": "两个物种，各一个高斯分量",
  "most common length (mm)": "最常见的长度 (mm)",
  "birds": "企鹅数",
  "length seen once (mm)": "只出现一次的长度 (mm)",
  "log L, two species": "log L，两个物种",
  // exercises
  "your prediction": "你的预测",
  "simulated mean of σ̂²_ML": "σ̂²_ML 的模拟均值",
  "E[σ̂²_ML] = (m − 1)/m · σ² = 3/4 · 9 = 6.75, below 9: x̄ is fitted to the same data.":
    "E[σ̂²_ML] = (m − 1)/m · σ² = 3/4 · 9 = 6.75，低于 9：x̄ 是在同一份数据上拟合的。",
  "I(p) = 1/(p(1 − p)) = 6.25 per flip, so 1/(100 · 6.25) = 0.0016; p̂ = h/m meets it.":
    "每次抛掷 I(p) = 1/(p(1 − p)) = 6.25，所以下界是 1/(100 · 6.25) = 0.0016；p̂ = h/m 恰好达到它。",
  "The mean is 5 and Σ(x − 5)² = 32, so s² = 32/7 ≈ 4.571 (the MLE gives 32/8 = 4).":
    "均值是 5，Σ(x − 5)² = 32，所以 s² = 32/7 ≈ 4.571（最大似然估计给出 32/8 = 4）。",
  "Subtract the mean first, then average the squares: one value gives 0, and no digits are lost.":
    "先减去均值，再对平方求平均：只有一个值时结果为 0，也不会丢失有效数字。",
};
