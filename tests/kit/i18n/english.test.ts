// The English-word detector: what counts as English a reader of the Chinese edition sees.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ALLOWED_WORDS, englishWords } from "../../../notebooks/kit/src/i18n/english";

test("plain English words count, each time they occur", () => {
  assert.equal(englishWords("the likelihood of the data"), [
    "the",
    "likelihood",
    "of",
    "the",
    "data",
  ]);
  assert.equal(englishWords("H(P) in nats"), ["in", "nats"]);
  assert.equal(englishWords("mean surprisal of the first n rolls"), [
    "mean",
    "surprisal",
    "of",
    "the",
    "first",
    "rolls",
  ]);
  // abbreviations of single letters count, though a single letter alone does not; a property path does not
  assert.equal(englishWords("即 i.e. 平均，例如 e.g. 与 w.r.t. θ"), ["i.e.", "e.g.", "w.r.t."]);
  assert.equal(englishWords("a.b.c 与 x.y", { context: "output" }), []);
  assert.equal(
    englishWords("样本是 i.i.d. 的"),
    [],
    "i.i.d. is notation, as the Chinese edition of the book writes it",
  );
});

test("Chinese, notation, single letters, acronyms and symbols do not count", () => {
  assert.equal(englishWords("KL(p̂ ‖ p_model) 与 log L(θ)"), []);
  assert.equal(englishWords("θ_ML = argmin_θ KL(p̂_data‖p_θ)"), []);
  assert.equal(englishWords("MLE、NLL、MAP、MSE 与 BCE"), []);
  assert.equal(englishWords("x, y, dx, p₂, x1, σ²"), []);
  assert.equal(englishWords("Cramér–Rao 下界与 Fisher 信息、Bessel 校正、Poisson(λ)"), []);
  assert.equal(englishWords("体长 190 mm，1 kB"), []);
});

test("two-letter English words count; other two-letter tokens are symbols", () => {
  assert.equal(englishWords("is of to in dx dp"), ["is", "of", "to", "in"]);
});

test("in maths, \\text and \\mathrm are read, subscripts are notation, commands are dropped", () => {
  assert.equal(
    englishWords("\\text{bias}(\\hat\\theta) = E[\\hat\\theta] - \\theta", { context: "math" }),
    ["bias"],
  );
  assert.equal(englishWords("P(\\text{heads}) = \\tfrac12", { context: "math" }), ["heads"]);
  assert.equal(englishWords("H = 1.75\\ \\mathrm{bits}", { context: "math" }), ["bits"]);
  assert.equal(
    englishWords("p_{\\text{model}}(x; \\theta) \\approx p_\\text{data}", { context: "math" }),
    [],
  );
  assert.equal(
    englishWords("\\operatorname{argmax}_\\theta \\sum_i \\log p(x^{(i)})", { context: "math" }),
    [],
  );
  assert.equal(englishWords("\\text{if } x > 0", { context: "math" }), ["if"]);
});

test("code in backticks is skipped; in an output, JavaScript's own words are allowed", () => {
  assert.equal(englishWords("请把 `null` 换成 `Math.log(2)`"), []);
  assert.equal(englishWords("{ thetaML: 0.61, ok: true, n: NaN }", { context: "output" }), [
    "thetaML",
    "ok",
  ]);
  assert.equal(englishWords("Float64Array(3) [ 1, 2, Infinity ]", { context: "output" }), []);
  assert.equal(englishWords("true"), ["true"], "outside an output, true is an English word");
});

test("a glossary term that contains a shorter one is removed whole, whatever the table's order", () => {
  const glossary = [
    { en: "entropy", zh: "熵" },
    { en: "cross-entropy", zh: "交叉熵" },
  ];
  assert.equal(englishWords("| cross-entropy | 交叉熵 |", { glossary }), []);
  assert.equal(englishWords("| cross-entropy | 熵 |", { glossary }), ["cross"]);
});

test("a glossary term is allowed beside its rendering, not elsewhere", () => {
  const glossary = [
    { en: "logit", zh: "分对数" },
    { en: "cross-entropy", zh: "交叉熵" },
  ];
  assert.equal(englishWords("分对数（logit）", { glossary }), []);
  assert.equal(englishWords("| cross-entropy | 交叉熵 |", { glossary }), []);
  assert.equal(englishWords("logit 的梯度", { glossary }), ["logit"]);
});

test("the course may allow more names; the base list holds no unit name and no common word", () => {
  assert.equal(englishWords("Adélie 企鹅", { allow: ["Adélie"] }), []);
  assert.equal(englishWords("Adélie 企鹅"), ["Adélie"]);
  for (const w of ["nats", "bits", "the", "and", "model", "data", "heads", "bias"])
    assert.not.ok(ALLOWED_WORDS.includes(w), w);
});

test.run();
