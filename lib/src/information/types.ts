/**
 * A discrete distribution given as its probability masses: a plain array or a `Float64Array`.
 * Entries must be finite and `>= 0`; they must sum to 1 (within `tolerance`) unless
 * `normalize: true` is passed.
 */
export type Probabilities = readonly number[] | Float64Array;

/**
 * A joint distribution table `p(x, y)`: rows are values of X, columns values of Y. Every row
 * has the same length. Rows may be plain arrays or `Float64Array`s.
 */
export type JointTable = readonly (readonly number[] | Float64Array)[];

/** Options shared by the information-theory functions. Every field is optional. */
export type InfoOptions = {
  /**
   * Base of the logarithm. Default `Math.E` (nats); `2` gives bits, `10` hartleys. Must be
   * finite, `> 0` and `!== 1`.
   */
  base?: number;
  /**
   * Divide each distribution by its own sum first, as scipy's `stats.entropy` does. Default
   * `false`. The sum must then be `> 0`; no length-n temporary is made (the sums are divided
   * out analytically).
   */
  normalize?: boolean;
  /**
   * When `normalize` is false, a distribution whose sum `S` has `|S - 1| > tolerance * max(1, n)`
   * is rejected. Default `1e-9`. Must be `>= 0` (`Infinity` turns the check off).
   */
  tolerance?: number;
};

/** Default of {@link InfoOptions.tolerance}. */
export { DEFAULT_TOLERANCE } from "../validate/validate";
