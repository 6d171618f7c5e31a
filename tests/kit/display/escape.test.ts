import { test } from "uvu";
import * as assert from "uvu/assert";
import { escapeHtml, scriptJson } from "../../../notebooks/kit/src/display/escape";

test("escapeHtml escapes the five HTML-significant characters", () => {
  assert.is(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
});

test("scriptJson round-trips through JSON.parse and hides </script> and line separators", () => {
  const value = { s: "</script>\u2028<!--", n: [1, 2.5] };
  const text = scriptJson(value);
  assert.not.ok(text.includes("</script>"));
  assert.not.ok(text.includes("\u2028"));
  assert.equal(JSON.parse(text), value);
});

test.run();
