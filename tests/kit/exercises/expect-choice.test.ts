import { test } from "uvu";
import * as assert from "uvu/assert";
import { expectChoice } from "../../../notebooks/kit/src/exercises/expect-choice";
import type { Verdict } from "../../../notebooks/kit/src/exercises/exercise";
import { localize } from "../../../notebooks/kit/src/i18n/text";

const en = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "en"));
const zh = (v: Verdict): string => (v.ok ? "" : localize(v.hint, "zh"));

test("expectChoice ignores case, surrounding spaces and number/string form", () => {
  const check = expectChoice("b");
  assert.equal(check(" B "), { ok: true, kind: "correct" });
  assert.equal(expectChoice(6)("6"), { ok: true, kind: "correct" });
  assert.equal(expectChoice("6")(6), { ok: true, kind: "correct" });
});

test("expectChoice gives a wrong choice its mistake hint (in both languages), else the generic hint", () => {
  const check = expectChoice("a", {
    choices: ["a", "b", "c"],
    hint: "think again",
    mistakes: { B: { en: "b changes with θ", zh: "b 随 θ 变化" } },
  });
  assert.equal(check("b"), {
    ok: false,
    kind: "mistake",
    hint: { en: "b changes with θ", zh: "b 随 θ 变化" },
  });
  assert.is(zh(check("b")), "b 随 θ 变化");
  assert.equal(check("c"), { ok: false, kind: "wrong", hint: "think again" });
  assert.match(
    en(expectChoice("a", { choices: ["a", "b"] })("b")),
    /re-read the notebook's argument/,
  );
});

test("expectChoice lists the allowed choices for an answer outside them, as code", () => {
  const check = expectChoice("a", { choices: ["a", "b"] });
  assert.is(en(check("z")), 'choose one of `"a"`, `"b"`.');
  assert.is(zh(check("z")), '请从 `"a"`、`"b"` 中选一个。');
  assert.is((check("z") as { kind: string }).kind, "invalid");
  assert.match(en(check(undefined)), /expected one of the choices, got undefined/);
  assert.match(en(expectChoice("a")(null)), /expected a string or a number, got null/);
});

test("expectChoice maps aliases, so a Chinese reader may answer in Chinese", () => {
  const check = expectChoice("reverse", {
    choices: ["forward", "reverse"],
    aliases: { 反向: "reverse", 正向: "forward" },
    mistakes: { forward: "no" },
  });
  assert.ok(check("反向").ok);
  assert.equal(check("正向"), { ok: false, kind: "mistake", hint: "no" });
  assert.throws(
    () => expectChoice("a", { choices: ["a", "b"], aliases: { x: "c" } }),
    /alias "x" names "c", which is not a choice/,
  );
  // the Chinese "what to enter" names the Chinese aliases beside their choice; the English does not
  assert.is(
    localize(check.expects!, "zh"),
    '`"forward"`（或“正向”）、`"reverse"`（或“反向”） 之一',
  );
  assert.is(localize(check.expects!, "en"), 'one of `"forward"`, `"reverse"`');
  // two Chinese aliases of one choice are listed with the enumeration comma 、 too
  const two = expectChoice("reverse", {
    choices: ["forward", "reverse"],
    aliases: { 反向: "reverse", 逆向: "reverse" },
  });
  assert.is(localize(two.expects!, "zh"), '`"forward"`、`"reverse"`（或“反向”、“逆向”） 之一');
  assert.ok(two("逆向").ok);
});

test("expectChoice says what to enter", () => {
  assert.is(
    localize(expectChoice("a", { choices: ["a", "b"] }).expects!, "en"),
    'one of `"a"`, `"b"`',
  );
  assert.is(localize(expectChoice("a").expects!, "zh"), "你的选择（字符串）");
});

test("expectChoice throws when the choices do not contain the expected answer", () => {
  assert.throws(
    () => expectChoice("d", { choices: ["a", "b"] }),
    /choices do not contain the expected answer "d"/,
  );
});

test.run();
