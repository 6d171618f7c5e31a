// scripts/export/html.ts: text a notebook printed reaches the page as text. Plain-text results,
// stdout, stderr and error tracebacks are escaped, so markup in them is shown, never run or
// parsed (a printed "</pre><script>" must not end the block or start a script).
import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { notebookToHtml } from "../../scripts/export/html";
import type { Notebook } from "../../scripts/nbformat";
import { decodeReferences, trickyText } from "./html-text";

const MARKUP = `</pre><script>alert("x")</script> & <b>bold</b> 'q' &amp;`;

/** A notebook whose one code cell prints `s` in every text form an output can take. */
function printing(s: string): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "code",
        execution_count: 1,
        metadata: {},
        source: "",
        outputs: [
          {
            output_type: "execute_result",
            execution_count: 1,
            metadata: {},
            data: { "text/plain": s },
          },
          { output_type: "stream", name: "stdout", text: s },
          { output_type: "stream", name: "stderr", text: s },
          { output_type: "error", ename: "Error", evalue: s, traceback: [] },
        ],
      },
    ],
  } as Notebook;
}

/** The text of the <pre> block of each output in the page (not the cell's code), as a browser reads it. */
function preTexts(html: string): string[] {
  const body = html.slice(html.indexOf("<body"));
  return [
    ...body.matchAll(/<div class="output[^"]*"[^>]*>\s*<pre(?:\s[^>]*)?>([\s\S]*?)<\/pre>/g),
  ].map((m) => decodeReferences(m[1]));
}

test("markup printed as a plain-text result, on stdout, on stderr or in an error is shown as text", () => {
  const html = notebookToHtml(printing(MARKUP));
  assert.not.ok(
    html.includes('<script>alert("x")</script>'),
    "the printed script is not a script element",
  );
  assert.not.ok(html.includes("<b>bold</b>"), "the printed tag is not a tag");
  assert.equal(preTexts(html), [MARKUP, MARKUP, MARKUP, `Error: ${MARKUP}`]);
});

test("for any printed text, each output's block reads back as exactly that text", () => {
  fc.assert(
    fc.property(trickyText, (s) => {
      // ANSI colour codes are dropped by the exporter; the generator makes none.
      const texts = preTexts(notebookToHtml(printing(s)));
      assert.equal(texts, [s, s, s, `Error: ${s}`]);
    }),
    { seed: 22, numRuns: 60 },
  );
});

test.run();
