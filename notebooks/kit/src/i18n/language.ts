// The kit's current language: the language of every text a reader sees (verdicts, hints, plot
// and table labels, assert messages, printed result labels). Code and identifiers stay English.
//
// The state lives on `globalThis` under a registered symbol, so two copies of the kit loaded in
// one process (the compiled package and its sources in a test, or a bundle in a page) share it.
// Nothing here reads the environment or notebook metadata: a notebook sets its language with one
// statement, `setLanguage("zh")`, which the translation tool (scripts/i18n.ts) writes into the
// import cell of every Chinese notebook. That works the same in tslab, Deno's kernel and a page.

/** A language the kit speaks: English (the source) or Chinese (the book's Chinese edition). */
export type Language = "en" | "zh";

/** Every {@link Language}, the source language first. */
export const LANGUAGES: readonly Language[] = ["en", "zh"];

/** One translated label table, as the course registers it (see `registerLabels`). */
export interface CompiledLabels {
  /** Whole display strings by their English text (numbers written as `{0}`, `{1}`, …). */
  readonly phrases: ReadonlyMap<string, string>;
  /** Single terms, longest first, each with a whole-word pattern. */
  readonly terms: readonly { readonly en: string; readonly zh: string; readonly pattern: RegExp }[];
}

/** The shared state: the language, the strict flag, the registered tables, the labels missed. */
export interface I18nState {
  language: Language;
  strict: boolean;
  readonly labels: Map<Language, CompiledLabels>;
  /** Display strings shown untranslated since the language was last set, in first-seen order. */
  readonly missing: Set<string>;
}

const STATE_KEY = Symbol.for("notebook-kit.i18n");

/** The one shared state (created on first use). */
export function i18nState(): I18nState {
  const g = globalThis as unknown as Record<symbol, I18nState | undefined>;
  let s = g[STATE_KEY];
  if (!s) {
    s = { language: "en", strict: false, labels: new Map(), missing: new Set() };
    g[STATE_KEY] = s;
  }
  return s;
}

/** True when `x` names a {@link Language}. */
export function isLanguage(x: unknown): x is Language {
  return typeof x === "string" && (LANGUAGES as readonly string[]).includes(x);
}

/** Options of {@link setLanguage}. */
export interface SetLanguageOptions {
  /**
   * Throw when a display string with English words has no translation in the label table,
   * instead of showing it in English and recording it in `missingLabels()`. Default `false`.
   */
  readonly strict?: boolean;
}

/**
 * Sets the language of everything the kit shows from now on: exercise verdicts and hints,
 * plot and table labels, assert messages and printed result labels.
 *
 * It also forgets the labels recorded as missing so far (see `missingLabels`).
 *
 * @param lang `"en"` (the default language) or `"zh"`
 * @param options `strict` (default `false`): a display string with English words and no
 *   translation throws instead of being shown in English
 * @throws {RangeError} when `lang` is not a known language
 * @example
 * setLanguage("zh");            // the Chinese notebook's import cell
 * language();                   // => "zh"
 * setLanguage("fr" as never);   // throws RangeError: setLanguage: language = "fr" is not one of "en", "zh"
 */
export function setLanguage(lang: Language, { strict = false }: SetLanguageOptions = {}): void {
  if (!isLanguage(lang)) {
    throw new RangeError(
      `setLanguage: language = ${JSON.stringify(lang)} is not one of ${LANGUAGES.map((l) => `"${l}"`).join(", ")}`,
    );
  }
  const s = i18nState();
  s.language = lang;
  s.strict = strict;
  s.missing.clear();
}

/**
 * The current language.
 * @returns `"en"` unless `setLanguage` chose another
 * @example
 * language(); // => "en"
 */
export function language(): Language {
  return i18nState().language;
}
