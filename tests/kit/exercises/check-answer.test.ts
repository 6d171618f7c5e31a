import { test } from "uvu";
import * as assert from "uvu/assert";
import { answerChecker, answerFormat } from "../../../notebooks/kit/src/exercises/check-answer";
import { exerciseIds, findExercise } from "../../../notebooks/course/src/exercises/registry";
import { setLanguage } from "../../../notebooks/kit/src/i18n/language";

// The checker bound to the course's registry, as mle-course builds it.
const checkAnswer = answerChecker({ find: findExercise, ids: exerciseIds });
/** Exercise 01.1's answer, worked by hand: p̂(3) of its sample {3, 1, 3, 3, 2, 3} is 4/6. */
const RIGHT_011 = 4 / 6;

function capture(): { lines: string[]; print: (l: string) => void } {
  const lines: string[] = [];
  return { lines, print: (l) => lines.push(l) };
}

/** Runs `f` with the kit set to Chinese, then back to English. */
function inChinese(f: () => void): void {
  setLanguage("zh");
  try {
    f();
  } finally {
    setLanguage("en");
  }
}

test("a right answer prints one ✓ line and returns true", () => {
  const c = capture();
  assert.is(checkAnswer("01.1", RIGHT_011, c), true);
  assert.equal(c.lines, ["✓ 01.1 (p̂(3) with repeated values): correct."]);
});

test("an answer typed to 3 digits is right; to 2 digits it is close, with the digits asked for", () => {
  const c = capture();
  assert.is(checkAnswer("00.2", 0.693, c), true);
  assert.is(checkAnswer("00.2", 0.69, c), false);
  assert.match(
    c.lines[1],
    /^≈ 00\.2 \(one bit in nats\): close\. 0\.69 is right as far as its 2 significant digits go; give at least 3\./,
  );
});

test("a wrong answer prints one ✗ line with a hint, returns false and does not throw", () => {
  const c = capture();
  assert.is(checkAnswer("01.1", 1 / 3, c), false);
  assert.is(c.lines.length, 1);
  assert.match(c.lines[0], /^✗ 01\.1 \(.*\): not yet\. Hint: .*uniform over the support/);
});

test("the expected value never appears in the printed line", () => {
  const c = capture();
  for (const v of [0.9, 0.6, 0.45, null, "x"]) checkAnswer("01.1", v, c);
  for (const l of c.lines)
    for (const leak of ["0.66", "0.67", "4/6", "2/3"]) assert.not.ok(l.includes(leak), l);
});

test("null or undefined says there is no answer yet, and what to enter", () => {
  const c = capture();
  assert.is(checkAnswer("02.1", null, c), false);
  assert.is(checkAnswer("03.1", undefined, c), false);
  assert.is(
    c.lines[0],
    "… 02.1 (θ_ML of a Bernoulli coin): no answer yet. Replace `null` with a number, to at least 3 significant digits (an expression such as `Math.log(…)` is fine).",
  );
  assert.match(
    c.lines[1],
    /^… 03\.1 .*: no answer yet\. Replace `undefined` with a number in bits, to at least 3/,
  );
});

test("a course's own checker, saying nothing of what to enter, asks for an answer", () => {
  const own = {
    id: "99.1",
    title: { en: "own", zh: "自定" },
    check: () => ({ ok: true as const, kind: "correct" as const }),
  };
  const c = capture();
  answerChecker({ find: () => own, ids: () => ["99.1"] })("99.1", null, c);
  assert.is(c.lines[0], "… 99.1 (own): no answer yet. Replace `null` with your answer.");
});

test("an answer of the wrong type is a wrong answer, not an error", () => {
  const c = capture();
  assert.is(checkAnswer("03.1", "2.58", c), false);
  assert.match(c.lines[0], /expected a number, got a string/);
});

test("in Chinese, every line is Chinese: title, verdict, hint, what to enter", () => {
  const c = capture();
  inChinese(() => {
    checkAnswer("00.2", Math.LN2, c);
    checkAnswer("00.2", 0.69, c);
    checkAnswer("00.2", 1, c);
    checkAnswer("00.2", null, c);
  });
  assert.equal(c.lines.slice(0, 1), ["✓ 00.2 一比特等于多少奈特：正确。"]);
  assert.match(
    c.lines[1],
    /^≈ 00\.2 一比特等于多少奈特：接近了。0\.69 的 2 位有效数字都对；请至少给出 3 位。/,
  );
  assert.is(
    c.lines[2],
    "✗ 00.2 一比特等于多少奈特：还不对。提示：比特和奈特是不同的单位：比特用以 2 为底的对数，奈特用自然对数，而 e > 2。",
  );
  assert.match(
    c.lines[3],
    /^… 00\.2 一比特等于多少奈特：还没有答案。请把 `null` 换成一个以奈特为单位的数，至少 3 位有效数字/,
  );
});

test("answerFormat says what to enter, in the current language", () => {
  assert.match(
    answerFormat(findExercise("03.1")!)!,
    /^a number in bits, to at least 3 significant digits \(an expression such as `Math\.log2\(…\)` is fine\)$/,
  );
  // an answer in nats suggests the natural log instead
  assert.match(
    answerFormat(findExercise("00.2")!)!,
    /^a number in nats, .*`Math\.log\(…\)` is fine\)$/,
  );
  inChinese(() => assert.match(answerFormat(findExercise("03.1")!)!, /^一个以比特为单位的数/));
  assert.match(answerFormat(findExercise("04.3")!)!, /^one of `"forward"`, `"reverse"`$/);
});

test("an unknown id throws an error that lists the known ids", () => {
  assert.throws(
    () => checkAnswer("9.9", 1),
    /checkAnswer: unknown exercise id "9\.9" \(known: 00\.1, .*01\.1/,
  );
});

test("by default the line goes to console.log", () => {
  const original = console.log;
  const lines: unknown[] = [];
  console.log = (l: unknown) => lines.push(l);
  try {
    checkAnswer("00.2", Math.LN2);
  } finally {
    console.log = original;
  }
  assert.equal(lines, ["✓ 00.2 (one bit in nats): correct."]);
});

test.run();
