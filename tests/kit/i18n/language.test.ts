import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  i18nState,
  isLanguage,
  language,
  setLanguage,
} from "../../../notebooks/kit/src/i18n/language";
import { label, missingLabels } from "../../../notebooks/kit/src/i18n/labels";

test("the language is English until set, and setLanguage sets it", () => {
  assert.is(language(), "en");
  setLanguage("zh");
  assert.is(language(), "zh");
  setLanguage("en");
  assert.is(language(), "en");
});

test("setLanguage refuses a language the kit does not speak, naming it", () => {
  assert.throws(
    () => setLanguage("fr" as never),
    /setLanguage: language = "fr" is not one of "en", "zh"/,
  );
  assert.is(language(), "en");
  assert.ok(isLanguage("zh") && !isLanguage("ZH") && !isLanguage(undefined));
});

test("the state is shared through globalThis, so two copies of the kit agree", () => {
  const key = Symbol.for("notebook-kit.i18n");
  assert.is((globalThis as unknown as Record<symbol, unknown>)[key], i18nState());
  setLanguage("zh");
  try {
    assert.is((globalThis as unknown as Record<symbol, { language: string }>)[key].language, "zh");
  } finally {
    setLanguage("en");
  }
});

test("setLanguage forgets the labels recorded as missing, and strict mode throws for one", () => {
  setLanguage("zh");
  label("an untranslated caption");
  assert.equal(missingLabels(), ["an untranslated caption"]);
  setLanguage("zh", { strict: true });
  assert.equal(missingLabels(), []);
  assert.throws(
    () => label("an untranslated caption"),
    /label: no zh translation for "an untranslated caption"; add it to the course's label table/,
  );
  setLanguage("en");
  assert.is(label("an untranslated caption"), "an untranslated caption", "English needs no table");
});

test.run();
