// Helpers shared by the distribution files. Not re-exported from the barrel.
import { DEFAULT_TOLERANCE } from "../validate/validate";
import { checkOptions } from "../validate/validate";
import type { Rng } from "./create-rng";

/**
 * Checks a sample size `n` for `sample(n, rng)` and that `rng` looks like an {@link Rng}.
 * @throws {RangeError} when `n` is not a non-negative safe integer
 * @throws {TypeError} when `rng` has no `next` method
 */
export function checkDraws(fn: string, n: number, rng: Rng): void {
  if (!(Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError(`${fn}: n = ${n} must be a non-negative integer`);
  }
  if (rng === null || typeof rng !== "object" || typeof rng.next !== "function") {
    throw new TypeError(`${fn}: rng must be an Rng from createRng(seed)`);
  }
}

/** Throws `RangeError` "`family`: `name` = `value` must be `rule`". */
export function paramError(family: string, name: string, value: unknown, rule: string): never {
  throw new RangeError(`${family}: ${name} = ${String(value)} must be ${rule}`);
}

/** Freezes a plain object and returns it typed as readonly. */
export function frozen<T extends object>(o: T): Readonly<T> {
  return Object.freeze(o);
}

/**
 * Converts a value in nats to the logarithm base `base` (`Math.E` leaves it unchanged). The base
 * is validated by the information group's `checkOptions`, so the rule and the message are the
 * same as for `entropy`. Unlike its `fromNats`, the value keeps its sign: differential entropy
 * can be negative.
 * @throws {TypeError} when `base` is not a number
 * @throws {RangeError} when `base` is not finite, is `<= 0`, or is `1`
 */
export function natsToBase(fn: string, nats: number, base: number): number {
  const lnBase = checkOptions(fn, base, false, DEFAULT_TOLERANCE);
  return lnBase === 1 ? nats : nats / lnBase;
}
