// The comment finder and replacer behind the Chinese edition's code comments
// (scripts/code-comments.ts): which `//` is a comment, how lines group, and that a translation
// changes the comment text and nothing else.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  commentRuns,
  entryProblem,
  parseCell,
  tokensOf,
  translateComments,
} from "../../scripts/code-comments";

const texts = (source: string) => commentRuns(source).map((run) => run.map((l) => l.text));

test("a whole-line comment and a trailing comment are found, with the text after // trimmed", () => {
  assert.equal(texts("// first\nconst a = 1; //   second  \n"), [["first"], ["second"]]);
  const [[line]] = commentRuns("x; // note");
  assert.equal(
    { line: line.line, trailing: line.trailing, block: line.block },
    { line: 0, trailing: true, block: false },
  );
  assert.is("x; // note".slice(line.start, line.end), "note");
});

test("// inside a string, a URL, a template literal or a regular expression is not a comment", () => {
  assert.equal(texts('const u = "https://example.com/a//b";'), []);
  assert.equal(texts("const s = '// not a comment';"), []);
  assert.equal(texts("const t = `// not ${1 + 1} a // comment`;"), []);
  assert.equal(texts("const r = /\\/\\/ not/g;"), []);
  assert.equal(texts('const u = "https://example.com"; // a real one'), [["a real one"]]);
});

test("a template literal with substitutions does not hide the comments after it (the bare scanner loses them)", () => {
  // The scanner alone reads the `}` of `${b}` as a brace and the closing backtick as the start
  // of a new template, which swallows the next line's comment: the parser does not.
  const source =
    "const a = `x ${b} y`; // one\nconst c = `${d}`;\n// two\nconst e = f / g / h; // three";
  assert.equal(texts(source), [["one"], ["two"], ["three"]]);
});

test("consecutive whole-line comments form one run; a trailing comment or a code line ends it", () => {
  const source = "// a\n// b\nx; // c\n// d\ny;\n  // e\n\n// f";
  assert.equal(texts(source), [["a", "b"], ["c"], ["d"], ["e"], ["f"]]);
});

test("block comments: one line per physical line, without the * margin, and empty lines dropped", () => {
  assert.equal(texts("/* one line */ x;"), [["one line"]]);
  assert.equal(texts("/**\n * first\n * second\n */\nfunction f() {}"), [["first", "second"]]);
  assert.equal(texts("/* a // b */ x;"), [["a // b"]]);
});

test("comments inside a template substitution, after the last token and in an empty source", () => {
  assert.equal(texts("const a = `${b /* inner */}`;"), [["inner"]]);
  assert.equal(texts("x;\n// last line, no newline"), [["last line, no newline"]]);
  assert.equal(texts(""), []);
  assert.equal(texts("// only a comment"), [["only a comment"]]);
});

test("translateComments replaces the comment text only, keeps //, spacing and the line structure", () => {
  const source =
    'const url = "http://x.org//y"; // a note\n  //    indented\nconst s = `// a note`;';
  const out = translateComments(source, { "a note": "注释", "indented": "缩进" });
  assert.is(
    out.source,
    'const url = "http://x.org//y"; // 注释\n  //    缩进\nconst s = `// a note`;',
  );
  assert.equal(out.used, ["a note", "indented"]);
  assert.equal(out.missing, []);
});

test("a key of several lines translates a wrapped comment line by line; the longest key wins", () => {
  const source = "// Worked solution\n// one sentence that\n// wraps\nx;";
  const table = {
    "Worked solution": "参考解答",
    "one sentence that\nwraps": "一句\n换行的话",
    "wraps": "不该用到",
  };
  const out = translateComments(source, table);
  assert.is(out.source, "// 参考解答\n// 一句\n// 换行的话\nx;");
  assert.equal(out.used, ["Worked solution", "one sentence that\nwraps"]);
});

test("a comment with no key is left as it is and reported when `needs` says so", () => {
  const source = "a; // step 0.5\nb; // θ_ML = 1\nc; // known";
  const needs = (t: string) => /[a-z]{2,}/.test(t.replace(/θ_ML/g, ""));
  const out = translateComments(source, { known: "已知" }, needs);
  assert.is(out.source, "a; // step 0.5\nb; // θ_ML = 1\nc; // 已知");
  assert.equal(
    out.missing.map((l) => [l.line, l.text]),
    [[0, "step 0.5"]],
  );
});

test("the code's tokens are the same before and after a translation", () => {
  const source = "const a = `${b}//x`; // note\nconst r = /a\\/\\/b/; // 2nd\n";
  const out = translateComments(source, { "note": "注", "2nd": "第二" });
  const tokens = (s: string) => {
    const sf = parseCell(s);
    return tokensOf(sf).map((t) => [
      t.kind,
      t.getText(sf),
      sf.getLineAndCharacterOfPosition(t.getStart(sf)).line,
    ]);
  };
  assert.equal(tokens(out.source), tokens(source));
  assert.is.not(out.source, source);
});

test("malformed entries: another number of lines, an empty line, a line break, */, a padded key", () => {
  assert.is(entryProblem("a\nb", "甲\n乙"), undefined);
  assert.match(entryProblem("a\nb", "甲乙") ?? "", /2 line\(s\), its translation 1/);
  assert.match(entryProblem("a", "甲\n") ?? "", /1 line\(s\), its translation 2/);
  assert.match(entryProblem("a", "甲\u2028乙") ?? "", /line terminator/);
  assert.match(entryProblem("a", "甲 */") ?? "", /\*\//);
  assert.match(entryProblem(" a", "甲") ?? "", /surrounding spaces/);
  assert.match(entryProblem("a", 1) ?? "", /not a string/);
  assert.throws(
    () => translateComments("x; // a", { a: "甲\n乙" }),
    /translateComments: «a» has 1 line\(s\), its translation 2/,
  );
});

test.run();
