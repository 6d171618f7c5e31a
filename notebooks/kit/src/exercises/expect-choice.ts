import type { Checker, Verdict } from "./exercise";
import { describeValue } from "./expect-number";

/** Options of {@link expectChoice}. */
export interface ExpectChoiceOptions {
  /** Every answer the question allows; an answer outside it gets a hint listing them. Default: any. */
  readonly choices?: readonly (string | number)[];
  /** The hint for an allowed but wrong answer. Default: a generic nudge. */
  readonly hint?: string;
  /** Hints for specific wrong choices, keyed by the normalised choice. */
  readonly mistakes?: Readonly<Record<string, string>>;
}

/** Lower-cases, trims and collapses spaces; numbers become their decimal string. */
function normalise(x: string | number): string {
  return String(x).trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * Makes a checker for a multiple-choice answer: a string or a number, compared after
 * trimming, lower-casing and collapsing spaces (so `"KL"`, `" kl "` and `"kl"` are one answer,
 * and `6` and `"6"` are one answer).
 *
 * @param expected the right choice
 * @param opts `choices` (the allowed answers), `hint`, `mistakes` (hints per wrong choice)
 * @returns a {@link Checker}
 * @throws {RangeError} when `choices` is given and does not contain `expected`
 * @example
 * const check = expectChoice("b", { choices: ["a", "b", "c"], mistakes: { a: "a is uniform over the support" } });
 * check("B");   // => { ok: true }
 * check("a");   // => { ok: false, hint: "a is uniform over the support" }
 * check("d");   // => { ok: false, hint: "choose one of \"a\", \"b\", \"c\"." }
 */
export function expectChoice(expected: string | number, opts: ExpectChoiceOptions = {}): Checker {
  const { choices, hint = "not this one: re-read the notebook's argument for each option.", mistakes = {} } = opts;
  const want = normalise(expected);
  const allowed = choices?.map(normalise);
  if (allowed && !allowed.includes(want)) throw new RangeError(`expectChoice: choices do not contain the expected answer ${JSON.stringify(expected)}`);
  const hints = new Map(Object.entries(mistakes).map(([k, v]) => [normalise(k), v]));
  return (value: unknown): Verdict => {
    if (typeof value !== "string" && typeof value !== "number") {
      return { ok: false, hint: `expected ${allowed ? "one of the choices" : "a string or a number"}, got ${describeValue(value)}.` };
    }
    const got = normalise(value);
    if (got === want) return { ok: true };
    if (allowed && !allowed.includes(got)) return { ok: false, hint: `choose one of ${choices!.map((c) => JSON.stringify(c)).join(", ")}.` };
    return { ok: false, hint: hints.get(got) ?? hint };
  };
}
