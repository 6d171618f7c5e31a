// scripts/export/math-svg.ts: TeX formulas in Markdown become standalone SVG images (MathJax),
// for blog platforms that render no LaTeX.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allProse } from "../fixtures/markdown/prose";
import fc from "fast-check";
import {
  escapeAttribute,
  markdownMathToSvg,
  mathFileName,
  rawTexLeft,
  texToSvg,
} from "../../scripts/export/math-svg";
import { ampersandsAreReferences, decodeReferences, trickyText } from "./html-text";

/** Converts `md` with an in-memory writer; returns the result and every write made. */
function convert(md: string, filesDir = "n_files", onError?: (m: string) => void) {
  const writes: [string, string][] = [];
  const out = markdownMathToSvg(md, { filesDir, write: (f, s) => writes.push([f, s]), onError });
  return { ...out, writes };
}

const imgs = (md: string): string[] => md.match(/<img\b[^>]*>/g) ?? [];
const attr = (tag: string, name: string): string | undefined =>
  new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

test("a formula becomes one SVG file and an <img> whose alt text is its TeX", () => {
  const { markdown, writes, files, formulas } = convert("Let $p_{data}$ be the data distribution.");
  assert.is(formulas, 1);
  assert.is(writes.length, 1);
  assert.equal(files, [writes[0][0]]);
  assert.match(writes[0][0], /^math-[0-9a-f]{8}\.svg$/);
  const [tag] = imgs(markdown);
  assert.is(attr(tag, "src"), `n_files/${writes[0][0]}`);
  assert.is(attr(tag, "alt"), "p_{data}");
  assert.ok(
    markdown.startsWith("Let <img ") && markdown.endsWith(" be the data distribution."),
    markdown,
  );
});

test("the SVG is a standalone document: namespace, size in ex, only references to its own glyphs", () => {
  const { svg } = texToSvg("\\mathbb{E}_{x\\sim P}\\left[\\log \\frac{P(x)}{Q(x)}\\right]", true);
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /^<svg[^>]* width="[\d.]+ex" height="[\d.]+ex" viewBox="[-\d. ]+"/);
  const refs = [...svg.matchAll(/(?:xlink:)?href="([^"]*)"/g)].map((m) => m[1]);
  assert.ok(refs.length > 0, "glyphs are drawn through <use> references");
  for (const r of refs) {
    assert.ok(r.startsWith("#"), `reference ${r} points outside the file`);
    assert.ok(svg.includes(`id="${r.slice(1)}"`), `reference ${r} has its definition in the file`);
  }
  assert.not.match(svg, /merror|<script|url\(/);
});

test("an inline formula with breakpoints stays one image as wide as the whole formula", () => {
  const m = texToSvg("m", false);
  const whole = texToSvg("m = 200 + x", false);
  assert.ok(
    whole.widthEx > 4 * m.widthEx,
    `width ${whole.widthEx} ex vs ${m.widthEx} ex for m alone`,
  );
  assert.is(whole.svg.match(/<svg\b/g)?.length, 1);
  assert.ok(whole.svg.endsWith("</svg>"));
  assert.is(whole.svg.indexOf("</svg>"), whole.svg.length - "</svg>".length);
});

test("converting the same formula twice gives byte-identical SVG (ids do not depend on order)", () => {
  const first = texToSvg("\\theta_\\text{ML}", false).svg;
  texToSvg("y = mx + b", false);
  assert.is(texToSvg("\\theta_\\text{ML}", false).svg, first);
});

test("identical formulas share one file; the inline and display forms of one TeX get one file each", () => {
  const { markdown, writes } = convert("$x$ and $x$ again, then\n\n$$x$$\n");
  assert.is(writes.length, 2);
  assert.is(new Set(writes.map(([f]) => f)).size, 2);
  const srcs = imgs(markdown).map((t) => attr(t, "src"));
  assert.is(srcs.length, 3);
  assert.is(srcs[0], srcs[1]);
  assert.is.not(srcs[0], srcs[2]);
  assert.is(srcs[0], `n_files/${mathFileName("x", false)}`);
  assert.is(srcs[2], `n_files/${mathFileName("x", true)}`);
});

test("code spans and fenced code keep their dollars; only prose formulas are converted", () => {
  const md = "Run `echo $HOME $PATH` first.\n\n```ts\nconst s = `$x$ and $$y$$`;\n```\n\nThen $z$.";
  const { markdown, formulas } = convert(md);
  assert.is(formulas, 1);
  assert.ok(markdown.includes("`echo $HOME $PATH`"));
  assert.ok(markdown.includes("```ts\nconst s = `$x$ and $$y$$`;\n```"));
  assert.is(imgs(markdown).length, 1);
});

test("escaped dollars and prices are not maths", () => {
  const md = "It costs \\$5, or $5 and $6 at most; the rate is $r$.";
  const { markdown, formulas } = convert(md);
  assert.is(formulas, 1);
  assert.ok(
    markdown.startsWith("It costs \\$5, or $5 and $6 at most; the rate is <img "),
    markdown,
  );
  assert.equal(rawTexLeft(markdown), []);
});

test("an inline formula carries its depth as vertical-align and its size in ex", () => {
  const m = texToSvg("p_{data}", false);
  const [tag] = imgs(convert("see $p_{data}$ here").markdown);
  const style = attr(tag, "style") ?? "";
  const num = (re: RegExp): number => Number(re.exec(style)?.[1]);
  assert.ok(Math.abs(num(/vertical-align:(-?[\d.]+)ex/) + m.depthEx) < 1e-3, style);
  assert.ok(Math.abs(num(/height:([\d.]+)ex/) - (m.heightEx + m.depthEx)) < 1e-3, style);
  assert.ok(Math.abs(num(/width:([\d.]+)ex/) - m.widthEx) < 1e-3, style);
});

test("a display formula on its own line becomes a centred paragraph of its own, also inside a list item", () => {
  const { markdown } = convert(
    "We have\n$$\\sum_i p_i = 1$$\nfor all p.\n\n- item\n\n  $$a = b$$\n",
  );
  assert.match(
    markdown,
    /^We have\n\n<p align="center"><img [^>]*alt="\\sum_i p_i = 1"[^>]*><\/p>\n\nfor all p\./,
  );
  assert.match(markdown, /\n\n {2}<p align="center"><img [^>]*alt="a = b"[^>]*><\/p>\n/);
  assert.not.match(imgs(markdown)[0], /vertical-align/);
});

test("a display formula inside a line of text becomes an image styled as a centred block", () => {
  const [tag] = imgs(convert("so that $$a = b$$ holds").markdown);
  assert.match(
    attr(tag, "style") ?? "",
    /^display:block;margin:0\.5em auto;width:[\d.]+ex;max-width:100%;height:auto;padding:0;border:0$/,
  );
});

test("the alt text escapes quotes, <, >, & and | so it stays one attribute and one table cell", () => {
  const [tag] = imgs(convert('$a<b>c \\& "d" |x|$').markdown);
  assert.ok(tag.includes('alt="a&lt;b&gt;c \\&amp; &quot;d&quot; &#124;x&#124;"'), tag);
});

test("a TeX source over several lines stays one attribute: each line break is &#10; in the alt text", () => {
  const [tag] = imgs(convert("$$\\begin{aligned}a &= b\\\\\nc &= d\\end{aligned}$$").markdown);
  assert.ok(tag.includes('alt="\\begin{aligned}a &amp;= b\\\\&#10;c &amp;= d\\end{aligned}"'), tag);
  assert.not.ok(tag.includes("\n"), "the tag is on one line");
});

test("for any text, escapeAttribute leaves no quote, <, >, |, line break or bare &, and an HTML parser reads it back", () => {
  fc.assert(
    fc.property(trickyText, (s) => {
      const html = escapeAttribute(s);
      assert.not.match(html, /["<>|\n]/);
      assert.ok(ampersandsAreReferences(html), html);
      // A parser normalises a CR LF pair in the source to one LF; escapeAttribute writes it as one.
      assert.is(decodeReferences(html), s.replace(/\r\n/g, "\n"));
    }),
    { seed: 22, numRuns: 300 },
  );
});

test("the <title> of a formula's SVG holds its TeX with &, < and > escaped, and reads back", () => {
  const { svg } = texToSvg("a<b \\& c>d", false);
  const title = /<title>([^<]*)<\/title>/.exec(svg)?.[1];
  assert.is(title, "a&lt;b \\&amp; c&gt;d");
  assert.is(decodeReferences(title ?? ""), "a<b \\& c>d");
});

test("rawTexLeft finds formulas and TeX commands left in prose, not those in code or in img tags", () => {
  const md = [
    "a $x$ b \\(y\\) c",
    "\\frac{1}{2} and p_{data}",
    "`$code$` and",
    "```",
    "$$fenced$$",
    "```",
    '<img src="m.svg" alt="\\frac{1}{2} $z$">',
    "price \\$5 and $5, $6.",
  ].join("\n");
  assert.equal(rawTexLeft(md), ["$x$", "$y$", "\\frac", "_{"]);
});

const SOURCES = allProse();

test("no raw TeX is left after converting the prose of every committed notebook and translation", () => {
  assert.ok(SOURCES.length >= 18, `found ${SOURCES.length} notebooks and translations`);
  let total = 0;
  let withMaths = 0;
  for (const { label, markdown: md } of SOURCES) {
    const errors: string[] = [];
    const out = convert(md, "x_files", (m) => errors.push(m));
    assert.equal(errors, [], `${label}: every formula renders`);
    assert.equal(rawTexLeft(out.markdown), [], `${label}: raw TeX left`);
    if (rawTexLeft(md).length > 0) {
      withMaths++;
      assert.ok(out.formulas > 0, `${label}: the maths in it was converted`);
    }
    assert.is(imgs(out.markdown).length, out.formulas, `${label}: one <img> per formula`);
    total += out.formulas;
  }
  assert.ok(
    withMaths >= SOURCES.length - 2,
    `${withMaths} of ${SOURCES.length} sources hold maths`,
  );
  assert.ok(total > 500, `${total} formulas converted`);
});

test("malformed TeX throws an error naming texToSvg, the TeX and MathJax's reason", () => {
  assert.throws(
    () => texToSvg("\\frac{1}{", false),
    (e: Error) => /^texToSvg: cannot render "\\\\frac\{1\}\{" \(.*close brace/i.test(e.message),
  );
  assert.throws(
    () => texToSvg("\\notacommand x", false),
    (e: Error) => e.message.includes("\\\\notacommand") && /undefined/i.test(e.message),
  );
  assert.throws(
    () => convert("ok $x$, bad $\\frac{1$"),
    (e: Error) => e.message.includes("\\\\frac{1"),
  );
});

test("with onError a malformed formula is reported and kept visible as a code span, leaving no raw TeX", () => {
  const errors: string[] = [];
  const { markdown, writes } = convert("ok $x$, bad $\\frac{1$ end", "n_files", (m) =>
    errors.push(m),
  );
  assert.is(errors.length, 1);
  assert.ok(errors[0].includes("\\\\frac{1"), errors[0]);
  assert.ok(markdown.includes("bad `$\\frac{1$` end"), markdown);
  assert.is(writes.length, 1);
  assert.equal(rawTexLeft(markdown), []);
});

test("texToSvg rejects empty TeX with a TypeError naming the function", () => {
  assert.throws(
    () => texToSvg("  ", false),
    (e: Error) => e instanceof TypeError && e.message.startsWith("texToSvg:"),
  );
});

test("metrics: p_{data} reaches below the baseline by its descender, x sits on it", () => {
  const p = texToSvg("p_{data}", false);
  const x = texToSvg("x", false);
  // The descender of italic p is about 0.2 em, i.e. about 0.45 ex in the font's own metrics.
  assert.ok(p.depthEx > 0.3 && p.depthEx < 0.6, `p_{data} depth ${p.depthEx} ex`);
  assert.ok(Math.abs(x.depthEx) < 0.05, `x depth ${x.depthEx} ex`);
  assert.ok(x.heightEx > 0.9 && x.heightEx < 1.1, `x height ${x.heightEx} ex (one x-height)`);
  assert.ok(p.widthEx > x.widthEx);
});

test.run();
