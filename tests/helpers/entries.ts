// Entry checks shared by the estimator tests (not a test file itself): every function that takes
// a sample must refuse an entry that is not a number with a TypeError that names the function,
// the index and the value as the library shows it.
import * as assert from "uvu/assert";

/** Values that are not numbers, each with the text the library's messages show for it. */
export const NOT_NUMBERS: readonly [unknown, string][] = [
  ["1", '"1"'],
  [null, "null"],
  [true, "true"],
  [1n, "1n"],
  [undefined, "undefined"],
  [{}, "[object]"],
];

/**
 * Asserts that `call(x)` throws `TypeError("<fn>: xs[<index>] = <shown> is not a number")` for each
 * of {@link NOT_NUMBERS}, where `call` puts `x` at `index` of the sample it passes.
 */
export function assertRefusesNonNumbers(
  fn: string,
  index: number,
  call: (x: unknown) => unknown,
): void {
  for (const [x, shown] of NOT_NUMBERS)
    assert.throws(
      () => call(x),
      (e: Error) =>
        e instanceof TypeError && e.message === `${fn}: xs[${index}] = ${shown} is not a number`,
      shown,
    );
}
