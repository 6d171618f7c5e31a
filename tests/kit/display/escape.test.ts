import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { escapeHtml, scriptJson } from "../../../notebooks/kit/src/display/escape";

// How an HTML parser reads the five references escapeHtml writes (HTML standard §13.5).
const NAMED: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const decode = (html: string): string => html.replace(/&(?:amp|lt|gt|quot|#39);/g, (r) => NAMED[r]);

/** Strings made mostly of the characters that matter to HTML and to an inline <script>. */
const tricky = fc.string({
  unit: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "<",
        ">",
        "&",
        '"',
        "'",
        "</script>",
        "<!--",
        "-->",
        "\u2028",
        "\u2029",
        "&amp;",
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
  ),
  maxLength: 30,
});

test("escapeHtml escapes the five HTML-significant characters", () => {
  assert.is(
    escapeHtml(`<a href="x">'&'</a>`),
    "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
  );
});

test("for any text, escapeHtml leaves none of < > \" ' raw, every & starts a reference, and a parser reads the text back", () => {
  fc.assert(
    fc.property(tricky, (s) => {
      const html = escapeHtml(s);
      assert.not.match(html, /[<>"']/);
      assert.not.match(html, /&(?!(?:amp|lt|gt|quot|#39);)/);
      assert.is(decode(html), s);
    }),
    { seed: 22, numRuns: 300 },
  );
});

test("scriptJson round-trips through JSON.parse and hides </script> and line separators", () => {
  const value = { s: "</script>\u2028<!--", n: [1, 2.5] };
  const text = scriptJson(value);
  assert.not.ok(text.includes("</script>"));
  assert.not.ok(text.includes("\u2028"));
  assert.equal(JSON.parse(text), value);
});

test("for any JSON value, scriptJson holds no <, >, U+2028 or U+2029 and JSON.parse gives the value back", () => {
  // < and > cover </script>, <!-- and -->; U+2028/U+2029 end a line in older JavaScript parsers.
  const values = fc.jsonValue({
    maxDepth: 3,
    stringUnit: fc.oneof(
      fc.constantFrom("<", ">", "/", "\u2028", "\u2029", "!", "-"),
      fc.string({ unit: "grapheme", maxLength: 2 }),
    ),
  });
  fc.assert(
    fc.property(values, (value) => {
      const text = scriptJson(value);
      assert.not.match(text, /[<>\u2028\u2029]/);
      assert.equal(JSON.parse(text), JSON.parse(JSON.stringify(value)));
    }),
    { seed: 22, numRuns: 300 },
  );
});

test.run();
