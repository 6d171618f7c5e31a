import { CJK } from "../i18n/english";
import { msg } from "../i18n/messages";
import type { Text, Translated } from "../i18n/text";
import { describeValue } from "./describe-value";
import { CORRECT, makeChecker, type Checker, type Verdict } from "./exercise";

/** Options of {@link expectChoice}. */
export interface ExpectChoiceOptions {
  /** Every answer the question allows; an answer outside it gets a hint listing them. Default: any. */
  readonly choices?: readonly (string | number)[];
  /** Other spellings of a choice, e.g. `{ 正向: "forward" }` so a Chinese reader may answer in Chinese. Default none. */
  readonly aliases?: Readonly<Record<string, string | number>>;
  /** The hint for an allowed but wrong answer. Default: re-read the argument for each option. */
  readonly hint?: Text;
  /** Hints for specific wrong choices, keyed by the choice (any case). */
  readonly mistakes?: Readonly<Record<string, Text>>;
  /** The "what to enter" phrase, when the generated one does not fit. */
  readonly expects?: Text;
}

/** Lower-cases, trims and collapses spaces; numbers become their decimal string. */
function normalise(x: string | number): string {
  return String(x).trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * Makes a checker for a multiple-choice answer: a string or a number, compared after
 * trimming, lower-casing and collapsing spaces (so `"KL"`, `" kl "` and `"kl"` are one answer,
 * and `6` and `"6"` are one answer), and after mapping `aliases`.
 *
 * @param expected the right choice
 * @param opts `choices` (the allowed answers), `aliases`, `hint`, `mistakes` (hints per wrong choice), `expects`
 * @returns a {@link Checker}
 * @throws {RangeError} when `choices` is given and does not contain `expected` or an alias's target
 * @example
 * const check = expectChoice("b", { choices: ["a", "b", "c"], mistakes: { a: "a is uniform over the support" } });
 * check("B");   // => { ok: true, kind: "correct" }
 * check("a");   // => { ok: false, kind: "mistake", hint: "a is uniform over the support" }
 * check("d");   // => { ok: false, kind: "invalid", hint: { en: 'choose one of `"a"`, `"b"`, `"c"`.', … } }
 */
export function expectChoice(expected: string | number, opts: ExpectChoiceOptions = {}): Checker {
  const { choices, aliases = {}, hint = msg("choice.generic"), mistakes = {}, expects } = opts;
  const want = normalise(expected);
  const allowed = choices?.map(normalise);
  if (allowed && !allowed.includes(want))
    throw new RangeError(
      `expectChoice: choices do not contain the expected answer ${JSON.stringify(expected)}`,
    );
  const alias = new Map(Object.entries(aliases).map(([k, v]) => [normalise(k), normalise(v)]));
  for (const [k, v] of alias) {
    if (allowed && !allowed.includes(v))
      throw new RangeError(
        `expectChoice: alias ${JSON.stringify(k)} names ${JSON.stringify(v)}, which is not a choice`,
      );
  }
  const hints = new Map(Object.entries(mistakes).map(([k, v]) => [normalise(k), v]));
  const listed = choices && listChoices(choices, aliases);
  const phrase =
    expects ?? (listed ? msg("expects.choice", { choices: listed }) : msg("expects.choiceAny"));
  return makeChecker(
    (value: unknown): Verdict => {
      if (typeof value !== "string" && typeof value !== "number") {
        return {
          ok: false,
          kind: "invalid",
          hint: msg(allowed ? "choice.type" : "choice.typeAny", { got: describeValue(value) }),
        };
      }
      const typed = normalise(value);
      const got = alias.get(typed) ?? typed;
      if (got === want) return CORRECT;
      if (allowed && !allowed.includes(got))
        return { ok: false, kind: "invalid", hint: msg("choice.outside", { choices: listed! }) };
      const known = hints.get(got);
      return known === undefined
        ? { ok: false, kind: "wrong", hint }
        : { ok: false, kind: "mistake", hint: known };
    },
    phrase,
    { kind: "choice", value: expected, choices, mistakes, hint },
  );
}

/**
 * The choices as code, per language: English separated by commas; Chinese by the enumeration
 * comma 、, each followed by the Chinese aliases that name it (`"reverse"`（或“反向”）).
 */
function listChoices(
  choices: readonly (string | number)[],
  aliases: Readonly<Record<string, string | number>>,
): Translated {
  const code = (c: string | number) => `\`${JSON.stringify(c)}\``;
  const zhNames = (c: string | number) =>
    Object.entries(aliases)
      .filter(([k, v]) => CJK.test(k) && normalise(v) === normalise(c))
      .map(([k]) => `“${k}”`);
  return {
    en: choices.map(code).join(", "),
    zh: choices
      .map((c) => (zhNames(c).length ? `${code(c)}（或${zhNames(c).join("、")}）` : code(c)))
      .join("、"),
  };
}
