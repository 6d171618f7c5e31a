// How many digits a typed number gives, and whether it agrees with a true value at that
// precision. This is the rule `expectNumber` judges by; it is written down here once.
//
// A student types a number; JavaScript keeps the shortest decimal that round-trips
// (`String(0.693)` is "0.693"), so String(x) tells how many significant digits were given:
//   - "0.693" → 3, "2.585" → 4, "-1.79" → 3 (the sign is not a digit), "1.5e-7" → 2;
//   - an integer's trailing zeros count ("100" → 3): 100 for 100.4 is right to the units. For
//     "close" they do not (1200 for 1234 is close: 2 digits, agreeing);
//   - a trailing zero after the decimal point is lost ("0.690" is the number 0.69 → 2 digits).
//     Nothing can see it, so a value is judged as if padded with zeros to the digits asked:
//     0.69 is right for 0.6903 at 3 digits, since the number 0.69 IS 0.690, the true value
//     rounded to 3 digits. (A student who meant 2 digits is right by luck, and harmlessly.)
// A value computed in full (`Math.log2(6)`, 17 digits) agrees at every precision it has, and a
// value within 1e-12 (relative) of the true one is exact whatever its digits: 0.0016 typed for
// a computed 0.0015999999999999999 is the exact answer, not a 2-digit one.

/** Relative distance below which a typed value is the true value up to floating-point noise. */
export const EXACT = 1e-12;

/** A finite non-zero number as its shortest round-trip decimal. */
export interface Decimal {
  /** Significant digits, from the first non-zero digit to the last digit written (an integer's trailing zeros included). */
  readonly digits: string;
  /** Power of ten of the first significant digit: 0.0693 → −2, 693 → 2. */
  readonly lead: number;
  /** How many digits remain when an integer's trailing zeros are not counted (1200 → 2). */
  readonly stripped: number;
}

/**
 * The significant digits of `x` as JavaScript writes it.
 * @param x a finite, non-zero number
 * @returns digits, lead exponent, stripped count
 * @throws {RangeError} when `x` is 0 or not finite
 * @example
 * decimalOf(0.0693); // => { digits: "693", lead: -2, stripped: 3 }
 * decimalOf(1200);   // => { digits: "1200", lead: 3, stripped: 2 }
 * decimalOf(1.5e-7); // => { digits: "15", lead: -7, stripped: 2 }
 */
export function decimalOf(x: number): Decimal {
  if (x === 0 || !Number.isFinite(x))
    throw new RangeError(`decimalOf: x = ${x} must be finite and non-zero`);
  const m = /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (!m) throw new RangeError(`decimalOf: cannot read ${String(x)}`);
  const [, int, frac = "", exp = "0"] = m;
  const all = int + frac;
  const first = all.search(/[1-9]/);
  const digits = all.slice(first);
  const lead = int.length - 1 + Number(exp) - first;
  const stripped = digits.replace(/0+$/, "").length || 1;
  return { digits, lead, stripped };
}

/** 10^p, exact for the integer powers used here. */
const pow10 = (p: number): number => (p >= 0 ? 10 ** p : 1 / 10 ** -p);

/** True when `target` lies within half a unit of the k-th significant digit of `xk` (ties either way). */
function withinHalf(xk: number, target: number, k: number): boolean {
  const place = pow10(decimalOf(xk).lead - k + 1);
  return Math.abs(target - xk) <= 0.5 * place + 4 * Number.EPSILON * Math.abs(target);
}

/**
 * Whether the typed `x` agrees with `target` at the precision it was given: `x` equals `target`
 * rounded to the digits `x` gives (|target − x| ≤ half a unit in the last digit given, ties
 * either way). A value with fewer than `minDigits` digits is read as padded with zeros to
 * `minDigits` (JavaScript drops a typed trailing zero). Every digit typed counts: 0.6934 is not
 * ln 2 (0.6931 to 4 digits), although its first three digits are; {@link closeness} calls it close.
 * `|x − target| ≤ atol` (a computed 1e-17 for 0) or ≤ {@link EXACT}·|target| (floating-point
 * noise) also agrees.
 *
 * @param x the typed value
 * @param target the value to agree with
 * @param minDigits the fewest significant digits that count
 * @param atol absolute slack (default 0)
 * @returns true when they agree
 * @example
 * agrees(0.693, Math.LN2, 3);   // => true
 * agrees(0.69, Math.LN2, 3);    // => false (0.690 is not ln 2 to 3 digits)
 * agrees(0.69, 0.6903, 3);      // => true  (0.69 is 0.690)
 * agrees(0.6931, Math.LN2, 3);  // => true  (ln 2 to 4 digits)
 * agrees(0.6934, Math.LN2, 3);  // => false (a wrong 4th digit; closeness says "last")
 * agrees(Math.log2(6), 2.584962500721156, 3); // => true
 */
export function agrees(x: number, target: number, minDigits: number, atol = 0): boolean {
  if (x === target) return true;
  if (!Number.isFinite(x) || !Number.isFinite(target)) return false;
  if (Math.abs(x - target) <= atol || Math.abs(x - target) <= EXACT * Math.abs(target)) return true;
  if (x === 0 || Math.sign(x) !== Math.sign(target)) return false;
  const n = decimalOf(x).digits.length;
  return withinHalf(x, target, Math.max(n, minDigits));
}

/** How a typed value that does not agree is still near the true value. */
export type Closeness = "digits" | "truncated" | "last";

/**
 * Why a typed `x` that does not agree with `target` at `need` digits is still close, if it is:
 * - `"digits"`: it gives fewer than `need` significant digits and agrees as far as they go;
 * - `"truncated"`: its last digit was cut off instead of rounded (0.604 → 0.603 for 0.6037);
 * - `"last"`: it gives at least `need` digits and is within 1.5 units of the `need`-th digit:
 *   one off in the last digit asked for.
 * @returns the reason, or `undefined` when it is not close
 * @example
 * closeness(0.69, Math.LN2, 3);  // => "digits"
 * closeness(0.692, Math.LN2, 3); // => "last"
 * closeness(0.604, 0.6047, 3);   // => "truncated"
 * closeness(0.7, Math.LN2, 3);   // => "digits" (1 digit, and 0.693 rounds to 0.7)
 * closeness(0.8, Math.LN2, 3);   // => undefined
 */
export function closeness(x: number, target: number, need: number): Closeness | undefined {
  if (
    !Number.isFinite(x) ||
    !Number.isFinite(target) ||
    x === 0 ||
    Math.sign(x) !== Math.sign(target)
  )
    return undefined;
  const d = decimalOf(x);
  const n = d.digits.length;
  if (d.stripped < need && withinHalf(x, target, d.stripped)) return "digits";
  const last = pow10(d.lead - n + 1);
  const gap = Math.abs(target) - Math.abs(x);
  if (n <= need && gap > 0 && gap < last * (1 - 1e-9)) return "truncated";
  if (n >= need && Math.abs(x - target) < 1.5 * pow10(d.lead - need + 1)) return "last";
  return undefined;
}
