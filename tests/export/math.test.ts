// scripts/export/math.ts: maths found in Markdown, rendered by KaTeX at export time.
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";

import * as math from "../../scripts/export/math";

test("extractMath finds $…$, $$…$$, \\(…\\) and \\[…\\], and leaves code and prices alone", () => {
  const { formulas, text } = math.extractMath(
    "a $x_1$ b $$\\sum_i p_i$$ c \\(y\\) d \\[z\\] `$HOME` costs $5 and $6",
  );
  assert.equal(formulas, [
    { tex: "x_1", display: false },
    { tex: "\\sum_i p_i", display: true },
    { tex: "y", display: false },
    { tex: "z", display: true },
  ]);
  assert.ok(text.includes("`$HOME`"));
});

test("markdownToHtml renders maths with KaTeX, keeps _ and * inside maths, and gives headings ids", () => {
  const html = math.markdownToHtml("## KL $D_{KL}$\n\n$a*b*c$ and _em_");
  assert.ok(html.includes('class="katex"'));
  assert.ok(html.includes("<em>em</em>"));
  assert.not.ok(html.includes("<em>b</em>"), "the stars in $a*b*c$ stayed maths");
  assert.ok(/<h2 id="kl[^"]*">/.test(html), html.slice(0, 80));
});

test("a KaTeX error is reported and shown, not thrown", () => {
  const errors: string[] = [];
  const html = math.markdownToHtml("$\\frac{1$", { onError: (m) => errors.push(m) });
  assert.is(errors.length, 1);
  assert.ok(html.includes("katex"));
});

test("slug drops markup and lowercases", () => {
  assert.is(
    math.slug("Step 1: <em>maximise</em> the likelihood"),
    "step-1-maximise-the-likelihood",
  );
});

// The expected ids below follow the rule in slug's doc comment, applied by hand.
test("slug reads each character reference as a separator: no letters or digits of &amp; or &#39; reach the id", () => {
  assert.is(math.slug("Gibbs&#39; inequality"), "gibbs-inequality");
  assert.is(math.slug("R&amp;D"), "r-d");
  assert.is(math.slug("A &amp; B &#x27;c&#X27;"), "a-b-c");
  assert.is(math.slug("&lt;tag&gt; &quot;q&quot;"), "tag-q");
});

test("slug keeps letters of any script with their combining marks, and digits; any other run is one dash", () => {
  assert.is(math.slug("最大似然估计 与 KL"), "最大似然估计-与-kl");
  assert.is(math.slug("Sampling from p\u0302_data"), "sampling-from-p\u0302-data");
  assert.is(math.slug("Über   café -- naïve (2)"), "über-café-naïve-2");
});

test("slug has no dash at either end, also where it was cut at 80 characters", () => {
  assert.is(math.slug("(a) b?"), "a-b");
  const long = `${"a".repeat(79)} and more`;
  assert.is(math.slug(long), "a".repeat(79), "cut after the 80th character, a dash there dropped");
  assert.is(math.slug(`${"ab ".repeat(40)}`).length, 80);
  fc.assert(
    fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (s) => {
      const id = math.slug(s);
      assert.ok(id === "" || /^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u.test(id), id);
      assert.ok(id.length <= 80);
      assert.is(id, id.toLowerCase());
    }),
    { seed: 22, numRuns: 300 },
  );
});

test("slug of a heading with no letter or digit is empty, and that heading gets no id attribute", () => {
  assert.is(math.slug("?! <br> &amp;"), "");
  assert.is(math.markdownToHtml("## ?!").trim(), "<h2>?!</h2>");
});

test("every heading level gets an id from its text, with each formula read as its TeX source", () => {
  const html = math.markdownToHtml(
    "# One\n\n## The $\\theta$ slider\n\n### KL $D_{KL}$\n\n#### Four\n\n##### Five\n\n###### Gibbs' inequality",
  );
  const ids = [...html.matchAll(/<h([1-6]) id="([^"]*)">/g)].map((m) => `${m[1]}:${m[2]}`);
  assert.equal(ids, [
    "1:one",
    "2:the-theta-slider",
    "3:kl-d-kl",
    "4:four",
    "5:five",
    "6:gibbs-inequality",
  ]);
  assert.ok(
    /<h2 id="the-theta-slider">The <span class="katex">/.test(html),
    "the heading's maths is still rendered",
  );
});

test("a heading's id reads its own formulas, also when ten or more formulas come before it", () => {
  const before = Array.from({ length: 10 }, (_, i) => `$y_${i}$`).join(" ");
  const html = math.markdownToHtml(`${before}\n\n## The $\\theta$ slider`);
  assert.ok(
    html.includes('<h2 id="the-theta-slider">'),
    html.slice(html.indexOf("<h2"), html.indexOf("<h2") + 60),
  );
});

test("headingIds: false leaves every heading without an id", () => {
  assert.is(math.markdownToHtml("## Plain\n\n### $x$", { headingIds: false }).match(/ id=/g), null);
});

test("markdownToHtml puts every formula back in its place, also the eleventh and later ones", () => {
  const tex = Array.from({ length: 12 }, (_, i) => `x_{${i}}`);
  const html = math.markdownToHtml(tex.map((t) => `$${t}$`).join(" and "));
  assert.not.ok(html.includes("MLEKITMATH"), "no placeholder left");
  const annotations = [
    ...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g),
  ].map((m) => m[1]);
  assert.equal(annotations, tex);
});

test("a four-backtick fence holding a ``` line is one code block, and the prose after it is prose again", () => {
  const parts = math.protectCode("a\n````text\n1\n```\n````\nb $x$");
  assert.equal(
    parts.map((p) => p.code),
    [false, true, false],
  );
  assert.is(parts[2].text, "\nb $x$");
});

test.run();
