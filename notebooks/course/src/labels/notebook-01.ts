// Whole labels that notebook 01's code shows (plot and axis titles, legends, table columns,
// record keys, assert messages), exactly as the code writes them, and their Chinese.
// A number that varies is {0}, {1} on both sides. Terms shared by several notebooks go in
// ../labels.ts (TERMS), so each has one rendering.
export const PHRASES_01: Readonly<Record<string, string>> = {
  // the loaded die
  "face": "点数",
  "p_data(face)": "p_data(点数)",
  "mean face {0}": "平均点数 {0}",
  "a product of ten factors": "十个因子的乘积",
  // the G tests
  "G = {0}: both halves have the same face distribution": "G = {0}：前后两半的点数分布相同",
  "G = {0}: no sign of dependence in the pairs": "G = {0}：配对中看不出相依的迹象",
  "memory shows in the pairs: G above five times the bound": "记忆在配对中显露出来：G 超过界的五倍",
  "the die with memory still rolls faces from p_data": "有记忆的骰子掷出的点数仍服从 p_data",
  "G, halves": "G（前后两半）",
  "G, pairs": "G（配对）",
  "G, pairs of the die with memory": "G（有记忆骰子的配对）",
  "G, faces of the die with memory (every other roll)": "G（有记忆骰子的点数，每隔一次取一次）",
  "all rolls: about 1.32 χ²₅": "全部投掷：约为 1.32 χ²₅",
  "every other roll: χ²₅": "每隔一次取一次：χ²₅",
  "not 1.16 χ²₅, not 1.4 χ²₅": "不是 1.16 χ²₅，也不是 1.4 χ²₅",
  "all rolls": "全部投掷",
  "every other roll": "每隔一次取一次",
  // the empirical distribution
  "value v": "取值 v",
  "count c_v": "计数 c_v",
  "c_v = #{i : x⁽ⁱ⁾ = v}": "c_v = #{i : x⁽ⁱ⁾ = v}",
  "m = 10 and the masses sum to one": "m = 10，且概率质量之和为一",
  "uniform on {2, 5, 7}": "在 {2, 5, 7} 上均匀",
  "uniform over {2, 5, 7}": "在 {2, 5, 7} 上均匀",
  "uniform over {2, 5, 7}: 26": "在 {2, 5, 7} 上均匀：26",
  "one curve, not two": "是一条曲线，而不是两条",
  "maximised at λ_ML = 5.5": "在 λ_ML = 5.5 处取最大值",
  "uniform over the support: 14/3": "在支撑集上均匀：14/3",
  "maximisers": "最大值点",
  "every value is drawn": "每个值都被抽到了",
  "50 distinct values, mass 1/50 each": "50 个互不相同的值，每个的概率质量为 1/50",
  // the Adélie flipper lengths
  "uniform over the values": "在取值上均匀",
  "flipper length (mm)": "鳍肢长度 (mm)",
  "151 lengths, 32 distinct values": "151 个长度，32 个不同的值",
  "190 mm occurs 19 times": "190 mm 出现了 19 次",
  "σ over the values = {0}": "在取值上拟合的 σ = {0}",
  // p̂ → p_data
  "p̂_data, first m rolls": "p̂_data，前 m 次投掷",
  "gaps {0}": "差距 {0}",
  "mean KL(p̂ ‖ p_data)": "KL(p̂ ‖ p_data) 的均值",
  "slope {0}": "斜率 {0}",
  "slope": "斜率",
  "mean 2m KL / (k − 1), m ≥ 1000": "2m KL 的均值 / (k − 1)，m ≥ 1000",
  // worked solutions
  "Four of the m = 6 examples equal 3: p̂(3) = 4/6 = 2/3.":
    "m = 6 个样本中有四个等于 3：p̂(3) = 4/6 = 2/3。",
  "Square every example, repeats included, and average: (9+1+9+9+4+9)/6 = 41/6 > 14/3.":
    "把每个样本（包括重复的）平方再求平均：(9+1+9+9+4+9)/6 = 41/6 > 14/3。",
  "Every example has log p_model = log(1/6), so the average is −log 6, whatever the rolls.":
    "每个样本的 log p_model 都是 log(1/6)，所以无论掷出什么，平均值都是 −log 6。",
  "Count each category, zeros included, and divide by m: the k masses sum to one.":
    "数出每个类别的次数（包括为零的），再除以 m：这 k 个概率质量之和为一。",
};
