// scripts/export/math.ts: maths found in Markdown, rendered by KaTeX at export time.
import { test } from "uvu";
import * as assert from "uvu/assert";

import * as math from "../../scripts/export/math";

test("extractMath finds $…$, $$…$$, \\(…\\) and \\[…\\], and leaves code and prices alone", () => {
  const { formulas, text } = math.extractMath("a $x_1$ b $$\\sum_i p_i$$ c \\(y\\) d \\[z\\] `$HOME` costs $5 and $6");
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
  assert.is(math.slug("Step 1: <em>maximise</em> the likelihood"), "step-1-maximise-the-likelihood");
});

test("a four-backtick fence holding a ``` line is one code block, and the prose after it is prose again", () => {
  const parts = math.protectCode("a\n````text\n1\n```\n````\nb $x$");
  assert.equal(parts.map((p) => p.code), [false, true, false]);
  assert.is(parts[2].text, "\nb $x$");
});

test.run();
