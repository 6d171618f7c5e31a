// Every exported PDF was printed with content: poppler's pdftoppm renders page 1 to a PNG and
// the page is not blank; pdftotext finds the note's title on page 1 and no raw $$ anywhere.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { MISSING_EXPORT_DIRS, exportedFiles, label } from "./chromium";
import { notebookCells } from "./expected";
import { text } from "../../scripts/nbformat";
import { decodePng, inkFraction } from "./png";

const pdfs = exportedFiles("pdf");
const tmp = mkdtempSync(join(tmpdir(), "mlekit-pdf-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 60000 });
  if (r.error) throw r.error;
  return r;
}

/** The H1 of the executed notebook beside the PDF; throws when the notebook or its H1 is missing. */
function title(dir: string, name: string): string {
  for (const c of notebookCells(dir, name)) {
    if (c.cell_type !== "markdown") continue;
    const m = /^#\s+(.+)$/m.exec(text(c.source));
    if (m) return m[1];
  }
  throw new Error(`${name}.ipynb has no H1 title`);
}

test("the notebooks were exported to PDF", () => {
  assert.equal(MISSING_EXPORT_DIRS, [], "folders named by MLEKIT_EXPORT_DIRS are missing");
  assert.ok(pdfs.length > 0, "no .pdf in the export folders");
});

for (const { dir, name, file } of pdfs) {
  test(`${label(file)}: page 1 rendered by pdftoppm is not blank`, () => {
    const prefix = join(tmp, name);
    const r = run("pdftoppm", ["-png", "-f", "1", "-l", "1", "-r", "60", file, prefix]);
    assert.is(r.status, 0, `pdftoppm failed: ${r.stderr}`);
    const out = [`${prefix}-1.png`, `${prefix}-01.png`, `${prefix}-001.png`].find((p) =>
      existsSync(p),
    );
    assert.ok(out, "pdftoppm wrote no PNG");
    const png = decodePng(readFileSync(out!));
    // A4 at 60 dpi is 496 x 702 pixels.
    assert.ok(
      Math.abs(png.width - 496) <= 2 && Math.abs(png.height - 702) <= 2,
      `page 1 is ${png.width}x${png.height}, not A4 at 60 dpi`,
    );
    const ink = inkFraction(png);
    assert.ok(ink > 0.01, `only ${(ink * 100).toFixed(2)}% of page 1 is not white`);
  });

  test(`${label(file)}: the text layer has the title on page 1 and no raw $$`, () => {
    const page1 = run("pdftotext", ["-f", "1", "-l", "1", "-layout", file, "-"]);
    assert.is(page1.status, 0, page1.stderr);
    const all = run("pdftotext", [file, "-"]);
    const words = title(dir, name)
      .replace(/\$[^$]*\$/g, " ")
      .replace(/[^\p{L}\p{N}\s]/gu, " ")
      .split(/\s+/)
      .filter((w) => w.length > 2)
      .slice(0, 3);
    assert.ok(words.length > 0, "the title has no word to look for");
    const flat = page1.stdout.normalize("NFKC").replace(/\s+/g, " ");
    for (const w of words)
      assert.ok(flat.includes(w), `page 1 does not show the title word "${w}"`);
    assert.not.ok(all.stdout.includes("$$"), "raw $$ in the PDF text");
  });
}

test.run();
