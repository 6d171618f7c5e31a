import { concat, msg } from "../i18n/messages";
import { labelled, type Text } from "../i18n/text";
import { brief, describeValue } from "./describe-value";

export { brief };
import { CORRECT, makeChecker, type Checker, type Verdict } from "./exercise";

/** One hidden case a student's function is run on. */
export interface FunctionCase<A extends readonly unknown[]> {
  /** The arguments (each call gets its own copy, so a function that mutates them harms nothing). */
  readonly args: A;
  /**
   * Names the case for the hint, as a clause: `{ en: "when p has a zero entry", zh: "当 p 含有 0 时" }`.
   * The hint reads "`entropyBits` fails when p has a zero entry: `entropyBits([0.5, 0.5, 0])` returned NaN."
   */
  readonly when: Text;
  /** An edge case (a zero, an extreme logit, one sample). Every code exercise has at least one. */
  readonly edge?: boolean;
  /** More help when this case fails, without the code ("0 · log 0 counts as 0"). */
  readonly hint?: Text;
}

/** Options of {@link expectFunction}. */
export interface ExpectFunctionOptions<A extends readonly unknown[]> {
  /** The function's name as the notebook asks for it, e.g. `"entropyBits"`. */
  readonly name: string;
  /** Its type, for the "what to enter" phrase, e.g. `"(p: number[]) => number"`. Default none. */
  readonly signature?: string;
  /** The hidden cases, ordinary ones first: the first failing case is the one the hint names. */
  readonly cases: readonly FunctionCase<A>[];
  /** Relative tolerance against the reference. Default 1e-9 (a different but exact formula passes). */
  readonly rtol?: number;
  /** Absolute tolerance against the reference. Default 1e-12 (so 4e-18 may come out as 0). */
  readonly atol?: number;
  /** The "what to enter" phrase, when the generated one does not fit. */
  readonly expects?: Text;
}

/** Between two sentences: a space in English, nothing after a Chinese full stop. */
const SEP = { en: " ", zh: "" };

/** What a reference may return: a number, numbers, or a record of numbers (an estimator's parameters). */
type Result = number | readonly number[] | { readonly [key: string]: Result };

/** A copy of plain data (arrays, typed arrays, plain objects); anything else is passed as it is. */
function copy<T>(x: T): T {
  if (Array.isArray(x)) return x.map(copy) as unknown as T;
  if (ArrayBuffer.isView(x) && !(x instanceof DataView))
    return (x as unknown as { slice(): T }).slice();
  if (x !== null && typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, copy(v)])) as T;
  }
  return x;
}

function checkResult(name: string, k: number, r: unknown, path = ""): asserts r is Result {
  const where = `expectFunction(${name}): the reference's result for case ${k}${path}`;
  if (typeof r === "number") {
    if (Number.isNaN(r)) throw new Error(`${where} is NaN`);
    return;
  }
  if (Array.isArray(r) || (ArrayBuffer.isView(r) && !(r instanceof DataView))) {
    Array.from(r as ArrayLike<unknown>).forEach((v, i) => {
      if (typeof v !== "number" || Number.isNaN(v))
        throw new Error(`${where}[${i}] is ${String(v)}, not a number`);
    });
    return;
  }
  if (r !== null && typeof r === "object") {
    for (const [key, v] of Object.entries(r)) checkResult(name, k, v, `${path}.${key}`);
    return;
  }
  throw new Error(
    `${where} is ${String(r)}: a reference returns numbers, arrays of numbers or records of them`,
  );
}

/** Code in a hint: in backticks, set off from Chinese text by a space. */
const code = (s: string): Text => ({ en: `\`${s}\``, zh: ` \`${s}\`` });

/**
 * What a reference's result is, in words, for a hint on an answer of the wrong shape.
 * @example
 * shapeOf([0.2, 0.8]).en;          // => "an array of 2 numbers"
 * shapeOf({ mu: 0, sigma: 1 }).en; // => "a record `{ mu, sigma }`"
 */
function shapeOf(want: Result): Text {
  if (typeof want === "number") return msg("shape.number");
  if (Array.isArray(want) || ArrayBuffer.isView(want))
    return msg("shape.array", { n: (want as ArrayLike<number>).length });
  return msg("shape.record", { keys: code(`{ ${Object.keys(want).join(", ")} }`) });
}

/** Compares a student's result with the reference's: `"same"`, `"value"` (numbers differ) or `"shape"` (not numbers where numbers belong). */
function compare(
  got: unknown,
  want: Result,
  rtol: number,
  atol: number,
): "same" | "value" | "shape" {
  if (typeof want === "number") {
    if (typeof got !== "number" || Number.isNaN(got))
      return typeof got === "number" ? "value" : "shape";
    if (got === want) return "same";
    return Number.isFinite(got) &&
      Number.isFinite(want) &&
      Math.abs(got - want) <= atol + rtol * Math.abs(want)
      ? "same"
      : "value";
  }
  if (Array.isArray(want) || ArrayBuffer.isView(want)) {
    const isArrayLike =
      Array.isArray(got) || (ArrayBuffer.isView(got) && !(got instanceof DataView));
    if (!isArrayLike) return "shape";
    const g = Array.from(got as ArrayLike<unknown>);
    const w = Array.from(want as ArrayLike<number>);
    if (g.length !== w.length) return "shape";
    let result: "same" | "value" = "same";
    for (let i = 0; i < w.length; i++) {
      const c = compare(g[i], w[i], rtol, atol);
      if (c === "shape") return "shape";
      if (c === "value") result = "value";
    }
    return result;
  }
  if (got === null || typeof got !== "object") return "shape";
  let result: "same" | "value" = "same";
  for (const [key, w] of Object.entries(want as Record<string, Result>)) {
    const c = compare((got as Record<string, unknown>)[key], w, rtol, atol);
    if (c === "shape") return "shape";
    if (c === "value") result = "value";
  }
  return result;
}

/**
 * Makes a checker for an exercise where the student writes a function: it runs the student's
 * function on hidden cases (an edge case among them), compares each result with the
 * reference's within `atol + rtol·|reference|`, and on the first failing case gives a hint
 * that names the case (its `when`), the call and what the function returned — never the code
 * and never the reference's value.
 *
 * A value that is not a function is an `invalid` answer; so is a function that returns a
 * Promise. A function that throws fails its case with the error named. Results may be numbers,
 * arrays (plain or typed) or records of numbers (`{ mu, sigma }`); ±Infinity must match exactly.
 * A result of the wrong shape is told the reference's shape ("…, not an array of 2 numbers"),
 * and `undefined` is asked about a missing `return`. A function that never returns cannot be
 * stopped from here.
 *
 * @param reference the right function (the course's, usually mlekit's own)
 * @param options `name`, `signature`, `cases`, `rtol` (default 1e-9), `atol` (default 1e-12), `expects`
 * @returns a {@link Checker}; the reference runs when the first answer is checked
 * @throws {RangeError} when there is no case, no edge case, or a tolerance is negative
 * @throws {Error} at the first check, when the reference returns NaN or something other than numbers
 * @example
 * const check = expectFunction((p: number[]) => entropy(p, { base: 2 }), {
 *   name: "entropyBits",
 *   cases: [
 *     { args: [[0.5, 0.5]], when: { en: "for a fair coin", zh: "对公平硬币" } },
 *     { args: [[0.5, 0.5, 0]], when: { en: "when p has a zero entry", zh: "当 p 含有 0 时" }, edge: true },
 *   ],
 * });
 * check((p: number[]) => -p.reduce((s, x) => s + (x > 0 ? x * Math.log2(x) : 0), 0)); // => { ok: true, kind: "correct" }
 * check((p: number[]) => -p.reduce((s, x) => s + x * Math.log2(x), 0));
 * // => { ok: false, kind: "wrong", hint: { en: "`entropyBits` fails when p has a zero entry: `entropyBits([0.5, 0.5, 0])` returned `NaN`. It passes 1 of 2 cases.", … } }
 * check((p: number[]) => { p.reduce((s, x) => s + x, 0); });
 * // => { ok: false, kind: "wrong", hint: { en: "`entropyBits` fails for a fair coin: `entropyBits([0.5, 0.5])` returned undefined (a missing `return`?). It passes 0 of 2 cases.", … } }
 * check(1); // => { ok: false, kind: "invalid", hint: { en: "expected a function, got number 1.", … } }
 */
export function expectFunction<A extends readonly unknown[]>(
  reference: (...args: A) => unknown,
  options: ExpectFunctionOptions<A>,
): Checker {
  const { name, signature = "", cases, rtol = 1e-9, atol = 1e-12, expects } = options;
  if (typeof reference !== "function")
    throw new TypeError(`expectFunction(${name}): reference is not a function`);
  if (!Array.isArray(cases) || cases.length === 0)
    throw new RangeError(`expectFunction(${name}): no cases`);
  if (!cases.some((c) => c.edge))
    throw new RangeError(`expectFunction(${name}): no edge case (mark one case edge: true)`);
  if (!(rtol >= 0) || !(atol >= 0))
    throw new RangeError(`expectFunction(${name}): rtol = ${rtol} and atol = ${atol} must be >= 0`);
  let wanted: Result[] | undefined;
  const phrase = expects ?? msg("expects.function", { name, signature });
  return makeChecker(
    (value: unknown): Verdict => {
      if (typeof value !== "function")
        return {
          ok: false,
          kind: "invalid",
          hint: msg("function.type", { got: describeValue(value) }),
        };
      if (!wanted) {
        wanted = cases.map((c, k) => {
          const r = reference(...copy(c.args));
          checkResult(name, k, r);
          return r;
        });
      }
      let failure: Text | undefined;
      let passed = 0;
      for (const [k, c] of cases.entries()) {
        const call = `${name}(${(c.args as readonly unknown[]).map((a) => brief(a)).join(", ")})`;
        let got: unknown;
        try {
          got = (value as (...args: A) => unknown)(...copy(c.args));
        } catch (e) {
          const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
          failure ??= concat(
            msg("function.threw", {
              name,
              when: labelled(c.when),
              call,
              error: error.length > 120 ? `${error.slice(0, 120)}…` : error,
            }),
            c.hint ? concat(SEP, c.hint) : "",
          );
          continue;
        }
        if (
          got !== null &&
          typeof got === "object" &&
          typeof (got as { then?: unknown }).then === "function"
        ) {
          return { ok: false, kind: "invalid", hint: msg("function.promise", { name }) };
        }
        const verdict = compare(got, wanted[k], rtol, atol);
        if (verdict === "same") {
          passed++;
          continue;
        }
        const shown =
          typeof got === "number" || (got !== null && typeof got === "object")
            ? code(brief(got))
            : describeValue(got);
        const said = { name, when: labelled(c.when), call, got: shown };
        failure ??= concat(
          got === undefined
            ? msg("function.noReturn", said)
            : verdict === "shape"
              ? msg("function.notShape", { ...said, want: shapeOf(wanted[k]) })
              : msg("function.returned", said),
          c.hint ? concat(SEP, c.hint) : "",
        );
      }
      if (!failure) return CORRECT;
      return {
        ok: false,
        kind: "wrong",
        hint: concat(failure, msg("function.passed", { passed, total: cases.length })),
      };
    },
    phrase,
    { kind: "function", name, value: reference as (...args: never[]) => unknown, cases },
  );
}
