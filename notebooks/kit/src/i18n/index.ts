// The language mechanism: the current language, texts in both languages, the course's label
// table for display strings, the English-word detector, and the assert and results helpers
// whose messages and labels follow the language. (The kit's own message table, messages.ts,
// stays internal.)
export {
  setLanguage,
  language,
  LANGUAGES,
  type Language,
  type SetLanguageOptions,
} from "./language";
export { localize, isTranslated, type Text, type Translated } from "./text";
export {
  label,
  labelKey,
  missingLabels,
  registerLabels,
  registeredVocabulary,
  type LabelTable,
} from "./labels";
export {
  englishWords,
  ALLOWED_WORDS,
  OUTPUT_WORDS,
  type EnglishWordsOptions,
  type GlossaryTerm,
} from "./english";
export { localizeFigure, figureTexts, type FigureParts } from "./display";
export { results } from "./results";
export { assert, AssertionError, type Assert } from "./assert";
