import { test } from "uvu";
import * as assert from "uvu/assert";
import { localize } from "../../../notebooks/kit/src/i18n/text";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { exercises } from "../../../notebooks/course/src/exercises/notebook-02";

const check = (id: string) => exercises.exercises.find((e) => e.id === id)!.check;
/** The hint of a verdict, in English ("" for a correct answer). */
const hint = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));

// Poisson log-likelihood of Bortkiewicz's counts at λ = 122/200 = 0.61, by hand:
// Σ x log λ − m λ − Σ log x!, with Σ x = 65 + 44 + 9 + 4 = 122 and Σ log x! = 22 log 2 + 3 log 6 + log 24.
const HAND =
  122 * Math.log(0.61) - 200 * 0.61 - (22 * Math.log(2) + 3 * Math.log(6) + Math.log(24));

test("the set belongs to 02-maximum-likelihood", () => {
  assert.is(exercises.notebook, "02-maximum-likelihood");
});

test("02.1 accepts 6/8 heads and explains the tails fraction", () => {
  assert.ok(check("02.1")(0.75).ok);
  assert.match(hint(check("02.1")(0.25)), /tails/);
});

test("02.2 accepts the hand-computed log-likelihood and explains average, sign and λ = 1", () => {
  assert.ok(check("02.2")(HAND).ok);
  assert.match(hint(check("02.2")(HAND / 200)), /average/);
  assert.match(hint(check("02.2")(-HAND)), /negative log-likelihood/);
});

test("02.2 explains the log-likelihood without its −Σ log x! term, typed as a student rounds it", () => {
  const noFactorials = 122 * Math.log(0.61) - 200 * 0.61; // −182.304…
  for (const typed of [noFactorials, -182.3, -182.3])
    assert.match(hint(check("02.2")(typed)), /leaves out −Σ log x⁽ⁱ⁾!/);
  assert.ok(check("02.2")(-206.1).ok);
});

test("02.3 accepts σ = 2 and explains Bessel's correction and σ²", () => {
  assert.ok(check("02.3")(2).ok);
  assert.match(hint(check("02.3")(Math.sqrt(32 / 7))), /m − 1/);
  assert.match(hint(check("02.3")(4)), /σ²/);
});

// 02.4, a code exercise: the Poisson log-likelihood Σ (x log λ − λ − log x!).
const logFact = (x: number) => {
  let s = 0;
  for (let k = 2; k <= x; k++) s += Math.log(k);
  return s;
};
const termByTerm = (lambda: number, xs: number[]) =>
  xs.reduce((s, x) => s + x * Math.log(lambda) - lambda - logFact(x), 0);
/** The factorial itself: right until a count exceeds 170, where x! is Infinity and the result −Infinity. */
const viaFactorial = (lambda: number, xs: number[]) =>
  xs.reduce((s, x) => {
    let f = 1;
    for (let k = 2; k <= x; k++) f *= k;
    return s + x * Math.log(lambda) - lambda - Math.log(f);
  }, 0);

test("02.4 accepts a term-by-term log-likelihood with log x! as a sum of logs", () => {
  assert.ok(check("02.4")(termByTerm).ok);
});

test("02.4 rejects the overflowing factorial, right but for counts above 170, and names that case", () => {
  const v = check("02.4")(viaFactorial);
  assert.is(v.ok, false);
  assert.match(hint(v), /for counts above 170/);
  assert.match(hint(v), /returned `-Infinity`/);
  assert.match(hint(v), /It passes 3 of 4 cases/);
});

test("02.4 names a case, and the three terms, for a log-likelihood that skips zero counts, has −λ once or no −log x!", () => {
  const skipsZeros = (lambda: number, xs: number[]) =>
    termByTerm(
      lambda,
      xs.filter((x) => x > 0),
    );
  const lambdaOnce = (lambda: number, xs: number[]) =>
    termByTerm(lambda, xs) + (xs.length - 1) * lambda;
  const noFactorial = (lambda: number, xs: number[]) =>
    xs.reduce((s, x) => s + x * Math.log(lambda) - lambda, 0);
  for (const slip of [skipsZeros, lambdaOnce, noFactorial]) {
    assert.match(hint(check("02.4")(slip)), /for λ = 2 and xs = \[1, 3, 0, 2\]/);
    assert.match(hint(check("02.4")(slip)), /three terms, x log λ, −λ and −log x!/);
  }
});

test("02.4 gives a verdict, not a crash, for a throwing function and for the stub", () => {
  const threw = check("02.4")(() => {
    throw new TypeError("xs.reduce is not a function");
  });
  assert.is(threw.ok, false);
  assert.match(hint(threw), /threw `TypeError: xs.reduce is not a function`/);
  assert.match(hint(check("02.4")(() => NaN)), /returned `NaN`/);
});

test.run();
