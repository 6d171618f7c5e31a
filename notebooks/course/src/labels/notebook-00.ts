// Whole labels that notebook 00's code shows (plot and axis titles, legends, table columns,
// record keys, assert messages), exactly as the code writes them, and their Chinese.
// A number that varies is {0}, {1} on both sides. Terms shared by several notebooks go in
// ../labels.ts (TERMS), so each has one rendering.
export const PHRASES_00: Readonly<Record<string, string>> = {
  // the empirical distribution of the 20 flips
  "outcome x": "结果 x",
  "count c_x": "计数 c_x",
  "both outcomes occur": "两种结果都出现了",
  // three losses, one minimiser
  "average NLL": "平均负对数似然",
  "gap H(p̂_data)": "差距 H(p̂_data)",
  "Three losses, one minimiser θ_ML = {0}": "三种损失，同一个最小点 θ_ML = {0}",
  "θ = P(x = 1) under the model": "θ = 模型下的 P(x = 1)",
  "average NLL = cross-entropy, to rounding": "平均负对数似然 = 交叉熵（在舍入误差以内）",
  "H(p̂, p_model) = H(p̂) + KL, to rounding": "H(p̂, p_model) = H(p̂) + KL（在舍入误差以内）",
  "one minimiser": "同一个最小点",
  "h = 12 of m = 20: θ_ML = 0.6": "m = 20 次中 h = 12 次正面：θ_ML = 0.6",
  "the grid minimiser is θ_ML itself, a grid point":
    "网格上的最小点就是 θ_ML 本身（它是一个网格点）",
  "any other θ gives KL > 10⁻⁶": "其他任何 θ 的 KL 都大于 10⁻⁶",
  // the continuous model
  "distinct draws at least 10⁻⁴ apart: the bins are disjoint":
    "样本互不相同且彼此相距至少 10⁻⁴：各区间互不重叠",
  "KL = cross-entropy form − log m − log Δ at Δ = {0}":
    "Δ = {0} 时，KL = 交叉熵形式 − log m − log Δ",
  "at Δ = 10⁻³⁰⁰ the binned KL exceeds 689 nats": "Δ = 10⁻³⁰⁰ 时，分箱后的 KL 超过 689 奈特",
  "the cross-entropy form stays finite": "交叉熵形式始终有限",
  "minimised at μ_ML, to half a grid step": "在 μ_ML 处取最小值（误差在半个网格步长以内）",
  // worked solutions
  "Three of the m = 4 examples equal 1, each of mass 1/m: p̂(1) = 3/4.":
    "m = 4 个样本中有三个等于 1，每个样本的概率质量是 1/m：p̂(1) = 3/4。",
  "One bit is ln 2 ≈ 0.693 nats, less than one nat: the fair coin's entropy in nats.":
    "一比特等于 ln 2 ≈ 0.693 奈特，比一奈特少：它就是以奈特计的公平硬币的熵。",
  "H(p̂, p_model) = H(p̂) + KL(p̂ ‖ p_model), and H(p̂) is fixed by the data.":
    "H(p̂, p_model) = H(p̂) + KL(p̂ ‖ p_model)，而 H(p̂) 由数据决定，与 θ 无关。",
  "Flip by flip: log θ for a head, log(1 − θ) for a tail; so θ = 1 and all heads gives 0.":
    "逐次累加：正面取 log θ，反面取 log(1 − θ)；所以 θ = 1 且全是正面时结果为 0。",
};
