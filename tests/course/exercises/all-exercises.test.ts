// Every registered exercise, judged as a student types: its true value typed to 3 and to 4
// significant digits (and computed in full) is accepted; typed to fewer digits it is "close";
// a value 2% off either way is rejected, and not as "close" (but for the one ambiguity of a
// whole number ending in 0); each known mistake gets its own
// hint, at full precision and typed to 3 or 4 digits; no hint gives the answer away; and every
// title, hint and "what to enter" phrase exists in English and in Chinese.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allSets } from "../../../notebooks/course/src/exercises/registry";
import {
  ANSWER_KEY,
  type AnswerKey,
  type Exercise,
  type Verdict,
} from "../../../notebooks/kit/src/exercises/exercise";
import { answerChecker } from "../../../notebooks/kit/src/exercises/check-answer";
import { localize, isTranslated, type Text } from "../../../notebooks/kit/src/i18n/text";
import { englishWords, CJK } from "../../../notebooks/kit/src/i18n/english";
import { setLanguage, LANGUAGES } from "../../../notebooks/kit/src/i18n/language";

const EXERCISES: Exercise[] = allSets().flatMap((s) => s.exercises);
const keyOf = (e: Exercise): AnswerKey => {
  const k = e.check[ANSWER_KEY];
  assert.ok(
    k,
    `${e.id}: its checker carries no answer key (build it with expectNumber, expectChoice, expectNumbers or expectFunction)`,
  );
  return k!;
};
const hintOf = (v: Verdict, lang: "en" | "zh" = "en"): string =>
  v.ok ? "" : localize(v.hint, lang);
const typed = (x: number, digits: number): number => Number(x.toPrecision(digits));
const describe = (v: Verdict): string => (v.ok ? "correct" : `${v.kind}: ${hintOf(v)}`);

/** Every text of an exercise a reader sees: title, phrase, hints. */
function texts(e: Exercise, k: AnswerKey): { what: string; text: Text }[] {
  const out: { what: string; text: Text }[] = [{ what: "title", text: e.title }];
  const expects = e.expects ?? e.check.expects;
  if (expects !== undefined) out.push({ what: "what to enter", text: expects });
  if (k.kind === "function") {
    k.cases.forEach((c, i) => {
      out.push({ what: `case ${i} when`, text: c.when });
      if (c.hint) out.push({ what: `case ${i} hint`, text: c.hint });
    });
  } else {
    out.push({ what: "generic hint", text: k.hint });
    const ms = Array.isArray(k.mistakes)
      ? k.mistakes.map((m) => m.hint)
      : Object.values(k.mistakes);
    ms.forEach((h, i) => out.push({ what: `mistake ${i} hint`, text: h }));
  }
  return out;
}

test("there are exercises of every kind to check", () => {
  const kinds = new Set(EXERCISES.map((e) => keyOf(e).kind));
  assert.ok(EXERCISES.length >= 29, `${EXERCISES.length} exercises`);
  for (const kind of ["number", "choice", "function"])
    assert.ok(kinds.has(kind as never), `no ${kind} exercise`);
});

for (const e of EXERCISES) {
  const k = keyOf(e);

  test(`${e.id}: every title, hint and phrase is given in English and in Chinese, each in its own language`, () => {
    for (const { what, text } of texts(e, k)) {
      if (what === "what to enter" || what === "generic hint") {
        // the kit's own phrases: filled from its message table in both languages
        assert.ok(isTranslated(text), `${e.id} ${what}`);
      } else assert.ok(isTranslated(text), `${e.id} ${what} is a plain string; write { en, zh }`);
      const en = localize(text, "en");
      const zh = localize(text, "zh");
      assert.ok(en.trim() !== "" && zh.trim() !== "", `${e.id} ${what} is empty`);
      assert.not.ok(
        CJK.test(en.replace(/`[^`]*`/g, "")),
        `${e.id} ${what} (en) has Chinese: ${en}`,
      );
      assert.ok(CJK.test(zh), `${e.id} ${what} (zh) has no Chinese: ${zh}`);
      assert.equal(englishWords(zh), [], `${e.id} ${what} (zh) has English words: ${zh}`);
    }
  });

  if (k.kind === "number") {
    const { value: x, digits, mistakes } = k;
    test(`${e.id}: the true value is accepted typed to ${digits} and ${digits + 1} significant digits and computed in full`, () => {
      for (const v of [typed(x, digits), typed(x, digits + 1), x, typed(x, 12)]) {
        assert.ok(e.check(v).ok, `${e.id}: ${v} (true value ${x}) gives ${describe(e.check(v))}`);
      }
    });

    test(`${e.id}: the true value typed to fewer digits is close (or a known mistake), never right or wrong`, () => {
      for (let d = 1; d < digits; d++) {
        const v = typed(x, d);
        // Right already when its dropped zeros are the answer's digits: 0.75 for 0.75, 0.69 for 0.6903.
        if (v === typed(x, digits) || Math.abs(v - x) <= 1e-12 * Math.abs(x)) continue;
        const verdict = e.check(v);
        assert.ok(
          !verdict.ok && (verdict.kind === "close" || verdict.kind === "mistake"),
          `${e.id}: ${v} gives ${describe(verdict)}`,
        );
      }
    });

    test(`${e.id}: a value 2% off is rejected, and not as close`, () => {
      for (const f of [1.02, 0.98]) {
        for (const [k, v] of [x * f, typed(x * f, digits), typed(x * f, digits + 1)].entries()) {
          const verdict = e.check(v);
          // One ambiguity is allowed: a whole number ending in 0 may be read with its final zeros
          // as place holders (−210 for −206.1 is right to 2 digits), and is then close; so may a
          // value rounded to `digits` whose final 0 JavaScript drops (2.20 is 2.2, right to 2
          // digits for 2.25 − 2⁻⁵¹), which the checker's "close" message explains.
          const zeroDropped = k > 0 && v.toPrecision(k === 1 ? digits : digits + 1).endsWith("0");
          const placeholder =
            ((Number.isInteger(v) && /0$/.test(String(v))) || zeroDropped) &&
            verdict.kind === "close";
          assert.ok(
            !verdict.ok && (verdict.kind !== "close" || placeholder),
            `${e.id}: ${v} (${f} × ${x}) gives ${describe(verdict)}`,
          );
        }
      }
    });

    test(`${e.id}: each known mistake gets its own hint, at full precision and typed to ${digits} or ${digits + 1} digits, in both languages`, () => {
      for (const m of mistakes) {
        for (const v of [m.value, typed(m.value, digits), typed(m.value, digits + 1)]) {
          const verdict = e.check(v);
          assert.is(
            verdict.ok ? "correct" : verdict.kind,
            "mistake",
            `${e.id}: mistake ${m.value} typed ${v} gives ${describe(verdict)}`,
          );
          for (const lang of LANGUAGES)
            assert.is(hintOf(verdict, lang), localize(m.hint, lang), `${e.id}: ${v} (${lang})`);
        }
      }
    });

    test(`${e.id}: no hint or phrase shows the answer`, () => {
      if (Number.isInteger(x)) return; // an integer's digits are everywhere in formulas (m = 4, …)
      const shown = [3, 4, 5]
        .map((d) => String(typed(x, d)))
        .filter((s) => s.replace(/^-?0\.?0*/, "").length >= 2);
      for (const { what, text } of texts(e, k)) {
        for (const lang of LANGUAGES) {
          const t = localize(text, lang);
          for (const s of shown)
            assert.not.ok(t.includes(s), `${e.id} ${what} (${lang}) shows ${s}: ${t}`);
        }
      }
    });
  }

  if (k.kind === "choice") {
    test(`${e.id}: the right choice is accepted in any case, each known wrong choice gets its hint, an unknown one lists the choices`, () => {
      assert.ok(e.check(k.value).ok);
      assert.ok(e.check(` ${String(k.value).toUpperCase()} `).ok);
      for (const [choice, h] of Object.entries(k.mistakes)) {
        const verdict = e.check(choice);
        assert.is(verdict.ok ? "correct" : verdict.kind, "mistake", `${e.id}: ${choice}`);
        for (const lang of LANGUAGES) assert.is(hintOf(verdict, lang), localize(h, lang));
      }
      if (k.choices) assert.is((e.check("no such choice") as { kind: string }).kind, "invalid");
    });
  }

  if (k.kind === "function") {
    const ref = k.value as (...args: unknown[]) => unknown;
    test(`${e.id}: the reference is accepted, and has an edge case`, () => {
      assert.ok(e.check(ref).ok, describe(e.check(ref)));
      assert.ok(k.cases.some((c) => c.edge));
    });

    test(`${e.id}: a function wrong in one case only gets a hint naming that case, in both languages`, () => {
      k.cases.forEach((c, i) => {
        const same = (args: unknown[]) => JSON.stringify(args) === JSON.stringify(c.args);
        const wrongHere = (...args: unknown[]) => {
          const r = ref(...args) as number;
          // a reference of ±Infinity (an edge case such as KL with q = 0) is made wrong with a finite value
          return same(args) ? (r === 0 ? 0.1 : Number.isFinite(r) ? r * 1.02 : 1) : r;
        };
        const verdict = e.check(wrongHere);
        assert.is(verdict.ok ? "correct" : verdict.kind, "wrong", `${e.id} case ${i}`);
        for (const lang of LANGUAGES) {
          assert.ok(
            hintOf(verdict, lang).includes(localize(c.when, lang)),
            `${e.id} case ${i} (${lang}): ${hintOf(verdict, lang)}`,
          );
        }
      });
    });

    test(`${e.id}: a function that throws, returns nothing, or is not a function gets a verdict, not a crash`, () => {
      const threw = e.check(() => {
        throw new Error("not written yet");
      });
      assert.is(threw.ok, false);
      assert.match(hintOf(threw), /threw `Error: not written yet`/);
      const nothing = e.check(() => undefined);
      assert.is(nothing.ok, false);
      assert.match(hintOf(nothing), /returned undefined \(a missing `return`\?\)/);
      assert.is((e.check(2) as { kind: string }).kind, "invalid");
    });
  }
}

test("checkAnswer prints every verdict in the reader's language", () => {
  const ex = EXERCISES.find((x) => x.id === "00.2")!;
  const checkAnswer = answerChecker({
    find: (id) => EXERCISES.find((x) => x.id === id),
    ids: () => EXERCISES.map((x) => x.id),
  });
  const lines: string[] = [];
  const print = (l: string) => lines.push(l);
  try {
    setLanguage("zh");
    for (const v of [Math.LN2, 0.69, 0.5, 1, "0.69", null]) checkAnswer(ex.id, v, { print });
  } finally {
    setLanguage("en");
  }
  assert.is(lines.length, 6);
  for (const l of lines) {
    assert.ok(CJK.test(l), l);
    assert.equal(englishWords(l, { context: "output" }), [], l);
  }
  assert.match(lines[0], /^✓ 00\.2 一比特等于多少奈特：正确。$/);
  assert.match(lines[1], /^≈ 00\.2 .*：接近了。0\.69 的 2 位有效数字都对/);
  assert.match(lines[2], /^✗ 00\.2 .*：还不对。提示：/);
  assert.match(lines[5], /^… 00\.2 .*：还没有答案。请把 `null` 换成一个以奈特为单位的数/);
});

test.run();
