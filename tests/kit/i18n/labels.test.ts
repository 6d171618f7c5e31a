import { test } from "uvu";
import * as assert from "uvu/assert";
import { setLanguage } from "../../../notebooks/kit/src/i18n/language";
import {
  label,
  labelKey,
  missingLabels,
  registerLabels,
  registeredVocabulary,
} from "../../../notebooks/kit/src/i18n/labels";
import { localize } from "../../../notebooks/kit/src/i18n/text";

const TABLE = {
  phrases: {
    "θ = {0}: KL = {1} nats": "θ = {0}：KL = {1} 奈特",
    "sample size m": "样本量 m",
    "fair coin: 1 bit": "公平硬币：1 比特",
  },
  terms: [
    { en: "nats", zh: "奈特" },
    { en: "bits", zh: "比特" },
    { en: "density", zh: "密度" },
    { en: "probability mass", zh: "概率质量" },
    { en: "probability", zh: "概率" },
    { en: "Poisson", zh: "泊松" },
    { en: "logit", zh: "分对数" },
  ],
  allow: ["Adélie"],
};

function inChinese<T>(f: () => T): T {
  registerLabels("zh", TABLE);
  setLanguage("zh");
  try {
    return f();
  } finally {
    setLanguage("en");
  }
}

test("labelKey writes a string's numbers as {0}, {1}, … (not digits inside words or subscripts)", () => {
  assert.equal(labelKey("θ = 0.61: KL = 0.0123 nats"), {
    key: "θ = {0}: KL = {1} nats",
    numbers: ["0.61", "0.0123"],
  });
  assert.equal(labelKey("B = 20, Δ = −0.5, 1e-5"), {
    key: "B = {0}, Δ = {1}, {2}",
    numbers: ["20", "−0.5", "1e-5"],
  });
  assert.equal(labelKey("x1, p_2, 2², log₂"), { key: "x1, p_2, 2², log₂", numbers: [] });
  assert.equal(
    labelKey("θ = {0}: KL = {1}"),
    { key: "θ = {0}: KL = {1}", numbers: [] },
    "a table key's placeholders are not numbers",
  );
});

test("in English every label is itself", () => {
  registerLabels("zh", TABLE);
  assert.is(label("density"), "density");
  assert.is(label("θ = 0.61: KL = 0.0123 nats"), "θ = 0.61: KL = 0.0123 nats");
});

test("a whole phrase, then a phrase with its numbers filled back in", () => {
  inChinese(() => {
    assert.is(label("sample size m"), "样本量 m");
    assert.is(label("Sample size m"), "样本量 m", "a capital first letter still finds the entry");
    assert.is(label("fair coin: 1 bit"), "公平硬币：1 比特", "a literal number in the key");
    assert.is(label("θ = 0.61: KL = 0.0123 nats"), "θ = 0.61：KL = 0.0123 奈特");
    assert.is(label("θ = 1.21: KL = 0.5 nats"), "θ = 1.21：KL = 0.5 奈特");
  });
});

test("term by term, when every English word is a term; Chinese spacing tidied", () => {
  inChinese(() => {
    assert.is(label("H(P) (bits)"), "H(P) (比特)");
    assert.is(label("probability mass"), "概率质量", "the longest term first");
    assert.is(label("probability density"), "概率密度");
    assert.is(
      label("Poisson(λ)"),
      "泊松(λ)",
      "a term that is also an allowed name still reads as the term",
    );
    assert.is(
      label("density of the sample"),
      "density of the sample",
      "a phrase of more than terms is not guessed",
    );
  });
});

test("a label with no English word is shown as it is; a missing one is shown in English and listed", () => {
  inChinese(() => {
    assert.is(label("KL(p̂ ‖ p_model)"), "KL(p̂ ‖ p_model)");
    assert.is(label("Adélie"), "Adélie", "a name the course allows");
    assert.is(label("分对数（logit）"), "分对数（logit）", "a gloss beside its rendering");
    assert.is(label("average NLL J(θ)"), "average NLL J(θ)");
    assert.is(label("average NLL J(θ)"), "average NLL J(θ)");
    assert.equal(missingLabels(), ["average NLL J(θ)"], "listed once");
  });
});

test("localize takes a { en, zh } pair or a label", () => {
  inChinese(() => {
    assert.is(localize({ en: "one bit in nats", zh: "一比特等于多少奈特" }), "一比特等于多少奈特");
    assert.is(localize("density"), "密度");
    assert.is(localize({ en: "a", zh: "乙" }, "en"), "a");
  });
});

test("registerLabels refuses English and empty entries, and keeps the vocabulary for the English check", () => {
  assert.throws(() => registerLabels("en", {}), /registerLabels: English is the source language/);
  assert.throws(
    () => registerLabels("zh", { phrases: { a: " " } }),
    /registerLabels: phrase "a" → " " is empty/,
  );
  assert.throws(
    () => registerLabels("zh", { terms: [{ en: "x", zh: "" }] }),
    /registerLabels: term .* is empty/,
  );
  registerLabels("zh", TABLE);
  assert.equal(registeredVocabulary("zh").allow, ["Adélie"]);
  assert.is(registeredVocabulary("zh").glossary.length, TABLE.terms.length);
});

test.run();
