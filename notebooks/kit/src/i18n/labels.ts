// Display strings that notebook code passes to the kit (plot titles, axis titles, legend names,
// slider labels, table columns, record keys, assert messages) are translated when they are
// shown, through a label table the course keeps and registers here. The code stays one source
// and its strings stay English; only what a reader sees changes.
import { CJK, englishWords, wholeWord, type GlossaryTerm } from "./english";
import { i18nState, type CompiledLabels, type Language } from "./language";

/** A label table, as a course writes it for one language. */
export interface LabelTable {
  /**
   * Whole display strings: the English exactly as the code writes it → its translation.
   * A number that varies (a slider title, `B = 20`) is written `{0}`, `{1}`, … on both sides:
   * `"θ = {0}: KL = {1} nats": "θ = {0}：KL = {1} 奈特"`.
   */
  readonly phrases?: Readonly<Record<string, string>>;
  /**
   * Terms, one rendering each (the book's Chinese edition): a string made only of terms,
   * notation and spaces is translated term by term (`"H(P) (bits)"` → `"H(P) (比特)"`).
   */
  readonly terms?: readonly GlossaryTerm[];
  /** More words a reader may see untranslated: the course's own proper names. */
  readonly allow?: readonly string[];
}

interface Registered extends CompiledLabels {
  readonly glossary: readonly GlossaryTerm[];
  readonly allow: readonly string[];
}

/**
 * A number inside a display string: optional minus (ASCII or U+2212), digits, decimals, an
 * exponent. Not part of a word, a subscript or a placeholder (`x1`, `p_2`, `2²`, `{0}` stay as they are).
 */
const NUMBER = /(?<![\p{L}\p{N}_.{])[-\u2212]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\p{L}\p{N}_}])/gu;

/**
 * The key a display string is looked up by when its numbers vary: every number replaced by
 * `{0}`, `{1}`, … in order.
 * @returns `{ key, numbers }`
 * @example
 * labelKey("θ = 0.61: KL = 0.0123 nats"); // => { key: "θ = {0}: KL = {1} nats", numbers: ["0.61", "0.0123"] }
 */
export function labelKey(text: string): { key: string; numbers: string[] } {
  const numbers: string[] = [];
  const key = text.replace(NUMBER, (n) => `{${numbers.push(n) - 1}}`);
  return { key, numbers };
}

/** Puts `numbers` back into a translated template. */
function fillNumbers(template: string, numbers: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (all, i: string) => numbers[Number(i)] ?? all);
}

/** Removes the spaces an English word order leaves between two Chinese characters. */
function tidyCjk(s: string): string {
  return s.replace(new RegExp(`(${CJK.source})\\s+(?=${CJK.source})`, "g"), "$1");
}

/**
 * Registers (or replaces) the label table of one language. A course calls it once, when it is
 * imported.
 *
 * @param lang the language the table translates into (not `"en"`, the source)
 * @param table `phrases`, `terms`, `allow` (see {@link LabelTable})
 * @throws {RangeError} when `lang` is `"en"`, or a phrase or term is empty
 * @example
 * registerLabels("zh", { phrases: { "sample size m": "样本量 m" }, terms: [{ en: "nats", zh: "奈特" }] });
 */
export function registerLabels(lang: Language, table: LabelTable): void {
  if (lang === "en")
    throw new RangeError("registerLabels: English is the source language; register a translation");
  const phrases = new Map<string, string>();
  for (const [en, t] of Object.entries(table.phrases ?? {})) {
    if (en.trim() === "" || typeof t !== "string" || t.trim() === "") {
      throw new RangeError(
        `registerLabels: phrase ${JSON.stringify(en)} → ${JSON.stringify(t)} is empty`,
      );
    }
    phrases.set(en, t);
  }
  const glossary = [...(table.terms ?? [])];
  for (const t of glossary) {
    if (!t.en?.trim() || !t.zh?.trim())
      throw new RangeError(`registerLabels: term ${JSON.stringify(t)} is empty`);
  }
  const terms = [...glossary]
    .sort((a, b) => b.en.length - a.en.length)
    .map((t) => ({ en: t.en, zh: t.zh, pattern: wholeWord(t.en) }));
  const registered: Registered = { phrases, terms, glossary, allow: [...(table.allow ?? [])] };
  i18nState().labels.set(lang, registered);
}

/** The glossary and allowed words registered for `lang` (for the English-word check). */
export function registeredVocabulary(lang: Language): {
  glossary: readonly GlossaryTerm[];
  allow: readonly string[];
} {
  const t = i18nState().labels.get(lang) as Registered | undefined;
  return { glossary: t?.glossary ?? [], allow: t?.allow ?? [] };
}

/** The translation of `text` from the table, or `undefined`. */
function lookup(table: CompiledLabels, text: string): string | undefined {
  const candidates = [text, text.charAt(0).toLowerCase() + text.slice(1)];
  for (const c of candidates) {
    const exact = table.phrases.get(c);
    if (exact !== undefined) return exact;
    const { key, numbers } = labelKey(c);
    const templated = numbers.length ? table.phrases.get(key) : undefined;
    if (templated !== undefined) return fillNumbers(templated, numbers);
  }
  return undefined;
}

/**
 * A display string in the current language: what a plot, a table, an assert message or a
 * printed record shows for the English `text` the code wrote.
 *
 * In English it returns `text`. In another language it looks `text` up in the registered label
 * table: the whole string, then the string with its numbers as `{0}`, `{1}`, …, then term by
 * term when every English word of it is a term (so `"Poisson(λ)"` reads `"泊松(λ)"`). Otherwise a
 * string with no English word (`θ`, `KL(p̂ ‖ p_model)`) is shown as it is. A string that has English words and no translation is
 * shown in English and recorded in {@link missingLabels}; under `setLanguage(lang, { strict: true })`
 * it throws instead.
 *
 * @param text the English display string
 * @param lang the language to show it in; default the current one
 * @returns the string to show
 * @throws {Error} in strict mode, when `text` has English words and no translation
 * @example
 * label("density");                    // => "density"  (English)
 * setLanguage("zh");
 * label("density");                    // => "密度"      (a term of the course's table)
 * label("θ = 0.61: KL = 0.0123 nats"); // => "θ = 0.61：KL = 0.0123 奈特" (a phrase with {0}, {1})
 * label("KL(p̂ ‖ p_model)");            // => "KL(p̂ ‖ p_model)" (no English word)
 * label("some new caption");           // => "some new caption", and missingLabels() lists it
 */
export function label(text: string, lang: Language = i18nState().language): string {
  const s = i18nState();
  if (lang === "en" || typeof text !== "string" || text === "") return text;
  const table = s.labels.get(lang) as Registered | undefined;
  const vocabulary = { allow: table?.allow, glossary: table?.glossary };
  if (table) {
    const found = lookup(table, text);
    if (found !== undefined) return found;
    let composed = text;
    if (!CJK.test(text)) for (const t of table.terms) composed = composed.replace(t.pattern, t.zh);
    composed = tidyCjk(composed);
    if (composed !== text && englishWords(composed, { allow: table.allow }).length === 0)
      return composed;
  }
  if (englishWords(text, vocabulary).length === 0) return text;
  if (s.strict) {
    throw new Error(
      `label: no ${lang} translation for ${JSON.stringify(text)}; add it to the course's label table (notebooks/course/src/labels.ts)`,
    );
  }
  s.missing.add(text);
  return text;
}

/**
 * The display strings shown untranslated since the language was last set, in first-seen order.
 * @returns English strings that need an entry in the label table (empty in English)
 * @example
 * setLanguage("zh"); label("some new caption");
 * missingLabels(); // => ["some new caption"]
 */
export function missingLabels(): string[] {
  return [...i18nState().missing];
}
