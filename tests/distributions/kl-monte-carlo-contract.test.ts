// klMonteCarlo's contract on hand-made models: the estimate and standard error are the formulas of
// its doc comment (checked on log-ratios chosen by the test, where both are exact by hand), and
// every model it is given is checked under its own name. Only klMonteCarlo is imported: the
// models and the generator are plain objects, so nothing here depends on a family's sampler.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { klMonteCarlo } from "../../lib/src/distributions/kl-monte-carlo";
import type { Rng } from "../../lib/src/distributions/create-rng";

/** A generator the sampling models below never call: klMonteCarlo only checks its shape. */
const rng: Rng = {
  seed: 0,
  next: () => 0.5,
  normal: () => 0,
  int: () => 0,
};

/** A model that "samples" the given draws and whose log density at x is x (the log-ratio against `zero` is x). */
function fixed(draws: number[]): {
  sample: (n: number) => Float64Array;
  logProb: (x: number) => number;
} {
  return { sample: () => Float64Array.from(draws), logProb: (x) => x };
}
const zero = { logProb: () => 0 };

const throwsExactly = (f: () => unknown, kind: typeof TypeError, message: string): void =>
  assert.throws(f, (e: Error) => e instanceof kind && e.message === message);

test("estimate = mean of the log-ratios and standardError = s/√n with s² = Σ(r − mean)²/(n − 1): ratios 0, 1, 2, 3", () => {
  // mean 1.5; Σ(r − mean)² = 2.25 + 0.25 + 0.25 + 2.25 = 5; s² = 5/3; s/√4 = √(5/12)
  const mc = klMonteCarlo(fixed([0, 1, 2, 3]), zero, 4, rng);
  assert.is(mc.estimate, 1.5);
  assert.is(mc.standardError, Math.sqrt(5 / 12));
});

test("the standard error uses n − 1 and the deviations from the mean, also when the first ratio is not 0", () => {
  // ratios 10, 12 (shift 10): mean 11; s² = (1 + 1)/1 = 2; s/√2 = 1
  assert.equal(klMonteCarlo(fixed([10, 12]), zero, 2, rng), { estimate: 11, standardError: 1 });
  // ratios 5, 5, 5, 9: mean 6; Σ(r − mean)² = 1 + 1 + 1 + 9 = 12; s² = 4; s/√4 = 1
  assert.equal(klMonteCarlo(fixed([5, 5, 5, 9]), zero, 4, rng), { estimate: 6, standardError: 1 });
});

test("an infinite log-ratio after the first makes the estimate ±Infinity and the standard error NaN", () => {
  const up = klMonteCarlo(fixed([1, Infinity, 2]), zero, 3, rng);
  assert.is(up.estimate, Infinity);
  assert.ok(Number.isNaN(up.standardError));
  const down = klMonteCarlo(fixed([1, -Infinity, 2]), zero, 3, rng);
  assert.is(down.estimate, -Infinity);
  assert.ok(Number.isNaN(down.standardError));
});

test("a that is not a model with sample() and logProb() throws TypeError naming a", () => {
  const rule = "is not a distribution with sample() and logProb()";
  const bad: [unknown, string][] = [
    [null, "null"],
    [undefined, "undefined"],
    [5, "5"],
    ["model", '"model"'],
  ];
  for (const [a, shown] of bad)
    throwsExactly(
      () => klMonteCarlo(a as never, zero, 2, rng),
      TypeError,
      `klMonteCarlo: a = ${shown} ${rule}`,
    );
  // an object lacking one of the two methods (shown as an object, whatever its keys)
  for (const a of [{ logProb: () => 0 }, { sample: () => new Float64Array(2) }])
    assert.throws(
      () => klMonteCarlo(a as never, zero, 2, rng),
      (e: Error) =>
        e instanceof TypeError &&
        e.message.startsWith("klMonteCarlo: a = ") &&
        e.message.endsWith(rule),
    );
});

test("b that is not a model with logProb() throws TypeError naming b", () => {
  const rule = "is not a distribution with logProb()";
  for (const [b, shown] of [
    [null, "null"],
    [undefined, "undefined"],
    [7, "7"],
    ["b", '"b"'],
  ] as [unknown, string][])
    throwsExactly(
      () => klMonteCarlo(fixed([0, 1]), b as never, 2, rng),
      TypeError,
      `klMonteCarlo: b = ${shown} ${rule}`,
    );
  assert.throws(
    () => klMonteCarlo(fixed([0, 1]), { sample: () => 0 } as never, 2, rng),
    (e: Error) =>
      e instanceof TypeError &&
      e.message.startsWith("klMonteCarlo: b = ") &&
      e.message.endsWith(rule),
  );
});

test("n = 2^32 − 1 is accepted (the check that follows is a.sample's): only n above it is too large", () => {
  // the model returns 2 draws, so the run stops at the check of what a.sample returned
  throwsExactly(
    () => klMonteCarlo(fixed([0, 1]), zero, 2 ** 32 - 1, rng),
    TypeError,
    "klMonteCarlo: a.sample(n) = Float64Array(2) is not an array of n = 4294967295 draws",
  );
});

test("a.sample returning null or the wrong number of draws throws TypeError naming a.sample(n)", () => {
  throwsExactly(
    () => klMonteCarlo({ sample: () => null as never, logProb: () => 0 }, zero, 2, rng),
    TypeError,
    "klMonteCarlo: a.sample(n) = null is not an array of n = 2 draws",
  );
  throwsExactly(
    () => klMonteCarlo({ sample: () => [0.5] as never, logProb: () => 0 }, zero, 2, rng),
    TypeError,
    "klMonteCarlo: a.sample(n) = [array of 1] is not an array of n = 2 draws",
  );
});

test("a.logProb returning a non-number throws TypeError naming a.logProb(x), never coerced", () => {
  throwsExactly(
    () =>
      klMonteCarlo(
        { sample: () => [0.25, 0.5] as never, logProb: () => "1" as never },
        zero,
        2,
        rng,
      ),
    TypeError,
    'klMonteCarlo: a.logProb(0.25) = "1" is not a number (the callback must return a number)',
  );
});

test.run();
