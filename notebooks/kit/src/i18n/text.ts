// Text in both languages, side by side: how the course writes exercise titles and hints, and how
// the kit keeps its own messages until the moment they are shown.
import { language, type Language } from "./language";
import { label } from "./labels";

/** A text given in every language of the kit. */
export interface Translated {
  readonly en: string;
  readonly zh: string;
}

/**
 * A text a reader sees: either given in both languages (`{ en, zh }`), or an English string
 * that is translated through the course's label table when shown (see `label`).
 */
export type Text = string | Translated;

/** True when `t` is a `{ en, zh }` pair. */
export function isTranslated(t: unknown): t is Translated {
  return (
    t !== null &&
    typeof t === "object" &&
    typeof (t as Translated).en === "string" &&
    typeof (t as Translated).zh === "string"
  );
}

/**
 * A text in the current language (or in `lang`).
 *
 * A `{ en, zh }` pair gives its own rendering; a plain string goes through `label`, the
 * course's label table.
 *
 * @param text a pair or an English string
 * @param lang the language; default the current one
 * @returns the string to show
 * @example
 * localize({ en: "one bit in nats", zh: "一比特是多少奈特" });       // => "one bit in nats"
 * localize({ en: "one bit in nats", zh: "一比特是多少奈特" }, "zh"); // => "一比特是多少奈特"
 */
export function localize(text: Text, lang: Language = language()): string {
  if (typeof text === "string") return label(text, lang);
  return text[lang] ?? text.en;
}

/**
 * A text as a `{ en, zh }` pair: a pair as it is, an English string with its rendering from the
 * course's label table. For a label placed inside one of the kit's messages (a unit, a title, a
 * case's `when`), where a plain string would be inserted verbatim, as code is.
 * @example
 * labelled("nats"); // => { en: "nats", zh: "奈特" } with the course's table
 */
export function labelled(text: Text): Translated {
  return typeof text === "string" ? { en: text, zh: label(text, "zh") } : text;
}
