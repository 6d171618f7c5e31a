// Entry checks shared by the estimator tests (not a test file itself): every function that takes
// a sample must refuse an entry that is not a number with a TypeError that names the function,
// the index and the value as the library shows it, before it does anything else with the entry:
// a BigInt or a Symbol reaching Math.floor or a comparison throws the engine's own message
// ("Cannot convert a BigInt value to a number"), and an object's valueOf would run user code.
import * as assert from "uvu/assert";

/** Counts the calls of {@link VALUE_OF}'s valueOf: the library must never coerce an entry. */
export const coercions = { count: 0 };

/** An object that converts to 1 if anything coerces it (counted in {@link coercions}). */
export const VALUE_OF = {
  valueOf(): number {
    coercions.count++;
    return 1;
  },
};

/** Values that are not numbers, each with the text the library's messages show for it. */
export const NOT_NUMBERS: readonly [unknown, string][] = [
  ["1", '"1"'],
  [null, "null"],
  [true, "true"],
  [1n, "1n"],
  [undefined, "undefined"],
  [{}, "[object]"],
  [Symbol("s"), "Symbol(s)"],
  [VALUE_OF, "[object]"],
];

/**
 * Asserts that `call(x)` throws `TypeError("<fn>: xs[<index>] = <shown> is not a number")` for each
 * of {@link NOT_NUMBERS}, where `call` puts `x` at `index` of the sample it passes, and that no
 * entry was coerced on the way (VALUE_OF's valueOf never ran).
 */
export function assertRefusesNonNumbers(
  fn: string,
  index: number,
  call: (x: unknown) => unknown,
): void {
  for (const [x, shown] of NOT_NUMBERS) {
    const before = coercions.count;
    let message = "returned without throwing";
    try {
      call(x);
    } catch (e) {
      message = `${(e as Error).constructor.name}: ${(e as Error).message}`;
    }
    const want = `TypeError: ${fn}: xs[${index}] = ${shown} is not a number`;
    assert.is(message, want, shown);
    assert.is(coercions.count, before, `${shown}: ${fn} called the entry's valueOf`);
  }
}
