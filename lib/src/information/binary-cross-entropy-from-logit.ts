import { checkScalar, showValue } from "../validate/validate";

const FN = "binaryCrossEntropyFromLogit";

/**
 * Binary cross-entropy (log loss) of a label y against the probability σ(z) = 1/(1 + e^-z)
 * given by a logit z, computed stably from z: the loss of logistic regression.
 *
 * BCE(y, z) = -y log σ(z) - (1 - y) log(1 - σ(z)) = max(z, 0) - y·z + log1p(exp(-|z|)), in nats,
 * computed as (1 − y)·z + log1p(e^-z) for z > 0 and y·|z| + log1p(e^-|z|) for z ≤ 0: every term
 * is ≥ 0, so nothing cancels (max(z, 0) − y·z would lose every digit of a soft label near 1 at a
 * large logit). It never overflows (exp of a non-positive number) and never takes log 0, and it is
 * within a few ulps of the exact value for every y and z; at |z| = 1e4 the log1p term is 0.
 *
 * Edge cases: infinite logits mean σ = 1 (`z = Infinity`) or σ = 0 (`z = -Infinity`) and return
 * the limits: 0 when the label agrees (y = 1, resp. y = 0), `Infinity` otherwise.
 *
 * @param y the label, or a soft label, in `[0, 1]`
 * @param z the logit log(σ/(1-σ)): any number but NaN
 * @returns the loss in nats, `>= 0` (for a soft label, at least the binary entropy of y); a soft
 *   label 0 < y < 1 at an infinite logit costs `Infinity`
 * @throws {TypeError} when `y` or `z` is not a number
 * @throws {RangeError} when `y` is NaN or outside `[0, 1]`, or `z` is NaN
 * @example
 * binaryCrossEntropyFromLogit(1, 0);
 * // => 0.6931471805599453   (log 2: σ(0) = ½)
 * binaryCrossEntropyFromLogit(1, 1e4);
 * // => 0
 * binaryCrossEntropyFromLogit(0, 1e4);
 * // => 10000                (no overflow)
 * binaryCrossEntropyFromLogit(1, -1e4);
 * // => 10000
 * binaryCrossEntropyFromLogit(0, -Infinity);
 * // => 0
 * binaryCrossEntropyFromLogit(1, -Infinity);
 * // => Infinity
 * binaryCrossEntropyFromLogit(0.3, -Infinity);
 * // => Infinity             (a soft label puts mass on the class σ = 0 rules out)
 * binaryCrossEntropyFromLogit(1 - 2 ** -53, 1e160);
 * // => 1.1102230246251565e+144   ((1 − y)·z; max(z, 0) − y·z gave 1.4e+144)
 * binaryCrossEntropyFromLogit(2, 0);
 * // => throws RangeError "binaryCrossEntropyFromLogit: y = 2 is outside [0, 1]"
 */
export function binaryCrossEntropyFromLogit(y: number, z: number): number {
  checkScalar(FN, "y", y);
  checkScalar(FN, "z", z);
  if (y < 0 || y > 1) throw new RangeError(`${FN}: y = ${showValue(y)} is outside [0, 1]`);
  if (z === Infinity) return y === 1 ? 0 : Infinity;
  if (z === -Infinity) return y === 0 ? 0 : Infinity;
  const tail = Math.log1p(Math.exp(-Math.abs(z)));
  return z > 0 ? (1 - y) * z + tail : -y * z + tail;
}
