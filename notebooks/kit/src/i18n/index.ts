// The language mechanism: the current language, texts in both languages, the kit's message
// table, the course's label table for display strings, and the English-word detector.
export { setLanguage, language, LANGUAGES, type Language, type SetLanguageOptions } from "./language";
export { localize, isTranslated, type Text, type Translated } from "./text";
export { label, labelKey, missingLabels, registerLabels, registeredVocabulary, type LabelTable } from "./labels";
export { msg, concat, MESSAGE_KEYS, type MessageKey, type MessageParams } from "./messages";
export { englishWords, ALLOWED_WORDS, OUTPUT_WORDS, type EnglishWordsOptions, type GlossaryTerm } from "./english";
