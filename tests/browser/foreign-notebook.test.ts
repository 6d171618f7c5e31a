// A notebook from outside the project (tests/fixtures/foreign/plain-outputs.ipynb: no kit, only
// tslab's own displays) exported by `npm test` with --allow-errors: every standard output it
// made reaches every format. MLEKIT_FOREIGN_EXPORT names the folder it was exported to.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { pathToFileURL } from "url";
import { spawnSync } from "child_process";
import type { Browser } from "playwright-core";
import { launch, openOffline } from "./chromium";
import { decodePng } from "./png";
import { isDisplay, parseNotebook, text } from "../../scripts/nbformat";

const DIR = process.env.MLEKIT_FOREIGN_EXPORT;
const NAME = "plain-outputs";
const file = (ext: string) => join(DIR ?? "", `${NAME}.${ext}`);

if (!DIR) {
  test("MLEKIT_FOREIGN_EXPORT names the folder the foreign notebook was exported to", () => {
    assert.unreachable(
      "MLEKIT_FOREIGN_EXPORT is not set: npm test sets it; for a manual run, export tests/fixtures/foreign/plain-outputs.ipynb with --allow-errors and set it to that folder",
    );
  });
} else {
  test("the executed notebook keeps every output in the cell that made it: stdout, the image, the Markdown, the HTML, the error, and the cell after it ran", () => {
    const nb = parseNotebook(readFileSync(file("ipynb"), "utf8"));
    /** The outputs of the code cell whose source includes `snippet` (exactly one such cell). */
    const outputsOf = (snippet: string) => {
      const cells = nb.cells.filter(
        (c) => c.cell_type === "code" && text(c.source).includes(snippet),
      );
      assert.is(cells.length, 1, `one code cell with ${snippet}`);
      return cells[0].cell_type === "code" ? cells[0].outputs : [];
    };
    const mimesOf = (snippet: string) =>
      outputsOf(snippet).flatMap((o) => (isDisplay(o) ? Object.keys(o.data) : []));
    const streamOf = (snippet: string, name: string) =>
      outputsOf(snippet)
        .map((o) => (o.output_type === "stream" && o.name === name ? text(o.text) : ""))
        .join("");
    assert.ok(streamOf("printed to stdout", "stdout").includes("printed to stdout: 6 * 7 = 42"));
    assert.ok(
      mimesOf("redPixels").includes("image/png"),
      "no image/png output in the image's cell",
    );
    assert.ok(
      mimesOf("tslab.display.markdown").includes("text/markdown"),
      "no text/markdown output in its cell",
    );
    assert.ok(
      mimesOf("tslab.display.html").includes("text/html"),
      "no text/html output in its cell",
    );
    // tslab reports a cell's error on stderr (and in the execute reply), not as an error output.
    const error = outputsOf("throw new Error")
      .map((o) =>
        o.output_type === "stream" && o.name === "stderr"
          ? text(o.text)
          : o.output_type === "error"
            ? o.evalue
            : "",
      )
      .join("");
    assert.ok(
      /Error: a deliberate error/.test(error),
      "the error is not in the cell that threw it",
    );
    assert.ok(
      streamOf('console.log("this cell ran after the error")', "stdout").includes(
        "this cell ran after the error",
      ),
    );
  });

  test("the Markdown holds the stdout, the image as a 3x2 PNG file, the Markdown, the HTML table and the error", () => {
    const md = readFileSync(file("md"), "utf8");
    assert.ok(md.includes("printed to stdout: 6 * 7 = 42"));
    const link = /!\[[^\]]*\]\(([^)]+\.png)\)/.exec(md);
    assert.ok(link, "no PNG image link");
    const png = decodePng(readFileSync(resolve(dirname(file("md")), decodeURI(link![1]))));
    assert.equal([png.width, png.height], [3, 2]);
    assert.ok(
      md.includes("**Bold** Markdown from the kernel, with maths $\\sum_i p_i = 1$."),
      "text/markdown kept as Markdown",
    );
    assert.ok(md.includes("<td>heads</td>"), "the text/html table kept as HTML");
    assert.ok(/```text\n[^`]*Error: a deliberate error/.test(md), "the error in a text fence");
    assert.ok(
      md.includes("```text\nthis cell ran after the error\n```"),
      "the output of the cell after the error",
    );
  });

  let browser: Browser;
  test.before(async () => {
    browser = await launch();
  });
  test.after(async () => {
    await browser?.close();
  });

  test("the offline HTML shows the image, the rendered Markdown and maths, the table, stdout and the error", async () => {
    const { page, context, errors, network } = await openOffline(
      browser,
      pathToFileURL(file("html")).href,
    );
    try {
      const facts = await page.evaluate(() => ({
        images: Array.from(document.querySelectorAll(".output img")).map((i) => [
          (i as HTMLImageElement).naturalWidth,
          (i as HTMLImageElement).naturalHeight,
        ]),
        bold: Array.from(document.querySelectorAll(".output strong")).map((b) => b.textContent),
        katex: document.querySelectorAll(".output .katex").length,
        cells: Array.from(document.querySelectorAll(".output td")).map((t) => t.textContent),
        error: Array.from(document.querySelectorAll(".output.error, .output.stderr"))
          .map((e) => e.textContent)
          .join(""),
        stdout: Array.from(document.querySelectorAll(".output.stdout"))
          .map((e) => e.textContent)
          .join(""),
      }));
      assert.equal(facts.images, [[3, 2]]);
      assert.equal(facts.bold, ["Bold"]);
      assert.is(facts.katex, 1);
      assert.equal(facts.cells, ["heads", "0.5"]);
      assert.ok(facts.error.includes("a deliberate error"));
      assert.ok(
        facts.stdout.includes("printed to stdout: 6 * 7 = 42") &&
          facts.stdout.includes("this cell ran after the error"),
        facts.stdout,
      );
      assert.equal(network, []);
      assert.equal(errors, []);
    } finally {
      await context.close();
    }
  });

  test("the PDF's text holds the stdout, the Markdown, the table and the error", () => {
    assert.ok(existsSync(file("pdf")));
    const r = spawnSync("pdftotext", [file("pdf"), "-"], { encoding: "utf8" });
    assert.is(r.status, 0, r.stderr);
    for (const s of [
      "printed to stdout: 6 * 7 = 42",
      "Markdown from the kernel",
      "heads",
      "Error: a deliberate error",
    ]) {
      assert.ok(r.stdout.includes(s), `"${s}" missing from the PDF`);
    }
    const after = r.stdout.split("this cell ran after the error").length - 1;
    assert.is(after, 2, "the last cell's source and its output");
  });
}

test.run();
