import { test } from "uvu";
import * as assert from "uvu/assert";
import { results } from "../../../notebooks/kit/src/i18n/results";
import { setLanguage } from "../../../notebooks/kit/src/i18n/language";
import { registerLabels, missingLabels } from "../../../notebooks/kit/src/i18n/labels";

function inChinese<T>(f: () => T): T {
  registerLabels("zh", {
    phrases: { "min KL": "最小 KL", "closed form": "闭式解", "at the grid's edge": "在网格边上" },
    terms: [{ en: "nats", zh: "奈特" }],
  });
  setLanguage("zh");
  try {
    return f();
  } finally {
    setLanguage("en");
  }
}

test("in English a record of results is the same record (a copy), keys in order", () => {
  const r = { "θ_ML": 0.61, "min KL": 0.0187, "fit": [1, 2] };
  const out = results(r);
  assert.equal(out, r);
  assert.is.not(out, r);
  assert.equal(Object.keys(out), ["θ_ML", "min KL", "fit"]);
});

test("in Chinese keys and string values read through the label table; values are untouched", () => {
  const arr = [1, 2];
  const out = inChinese(() =>
    results({
      "θ_ML": 0.61,
      "min KL": 0.0187,
      "closed form": arr,
      "where": "at the grid's edge",
      "H (nats)": 1,
    }),
  );
  assert.equal(out, {
    "θ_ML": 0.61,
    "最小 KL": 0.0187,
    "闭式解": [1, 2],
    "where": "在网格边上",
    "H (奈特)": 1,
  });
  assert.is(out["闭式解"], arr);
  assert.equal(
    inChinese(() => (results({ thetaML: 1 }), missingLabels())),
    ["thetaML"],
    "an identifier as a key is reported: give it a label",
  );
});

test("results refuses what is not a record, and two keys that would read the same", () => {
  assert.throws(
    () => results([1, 2] as never),
    /results: expected a record of named results, got an array/,
  );
  assert.throws(
    () => inChinese(() => results({ "min KL": 1, "最小 KL": 2 })),
    /results: "min KL" and "最小 KL" both read "最小 KL"/,
  );
});

test.run();
