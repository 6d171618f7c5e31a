// Markdown whose maths became SVG images (scripts/export/math-svg.ts), rendered to HTML by
// `marked` the way a blog platform without LaTeX support would, and opened in Chromium from
// file:// with the network blocked: every formula image loads, no raw TeX shows, and every
// inline formula's baseline sits on the text baseline.
// Writes a screenshot to $MLEKIT_SCREENS/markdown-svg-math.png (else the OS temp folder).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";
import { marked } from "marked";
import type { Browser } from "playwright-core";
import { SCREENS_DIR, launch, openOffline } from "./chromium";
import { markdownMathToSvg, rawTexLeft } from "../../scripts/export/math-svg";
import { ROOT, notebookProse } from "../fixtures/markdown/prose";
const NOTE = "05-mle-is-min-kl-is-min-cross-entropy";

const notebookFile = join(ROOT, "notebooks", `${NOTE}.ipynb`);
const zhFile = join(ROOT, "notebooks", "i18n", "zh", `${NOTE}.json`);

const PAGES = [
  { lang: "en", md: () => notebookProse(notebookFile), screenshot: "markdown-svg-math.png" },
  {
    lang: "zh",
    md: () =>
      notebookProse(
        notebookFile,
        JSON.parse(readFileSync(zhFile, "utf8")) as Record<string, unknown>,
      ),
    screenshot: "markdown-svg-math-zh.png",
  },
];

let browser: Browser;
let dir: string;
test.before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), "mlekit-md-math-"));
  mkdirSync(SCREENS_DIR, { recursive: true });
});
test.after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes `<lang>.md`, its SVG files in `<lang>_files/`, and `<lang>.html` rendered by marked; returns the page and formula count. */
function build(lang: string, markdown: string): { html: string; formulas: number; files: number } {
  const filesDir = `${lang}_files`;
  mkdirSync(join(dir, filesDir), { recursive: true });
  const out = markdownMathToSvg(markdown, {
    filesDir,
    write: (f, svg) => writeFileSync(join(dir, filesDir, f), svg),
  });
  writeFileSync(join(dir, `${lang}.md`), out.markdown);
  const body = marked.parse(out.markdown, { gfm: true, async: false }) as string;
  // A page as a blog theme gives it: a serif body font at 18 px, a readable measure, and the
  // rules themes commonly put on content images (responsive width, centred block, frame).
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${NOTE}</title>
<style>body{font:18px/1.6 "DejaVu Serif",serif;max-width:40em;margin:2em auto;padding:0 1em;color:#222}
code{font-size:0.9em;background:#f3f3f3}pre{background:#f3f3f3;padding:0.5em}
img{max-width:100%;height:auto;display:block;margin:0 auto 25px;padding:3px;border:1px solid #ddd}</style></head><body>${body}</body></html>`;
  const file = join(dir, `${lang}.html`);
  writeFileSync(file, html);
  return { html: file, formulas: out.formulas, files: out.files.length };
}

for (const { lang, md, screenshot } of PAGES) {
  test(`${NOTE} (${lang}) as SVG-maths Markdown rendered by marked: every formula image loads whole inside the column, no raw TeX shows, inline formulas sit on the text baseline`, async () => {
    const { html, formulas, files } = build(lang, md());
    assert.ok(formulas > 20, `${formulas} formulas in the ${lang} prose`);
    const { page, context, errors, network } = await openOffline(
      browser,
      pathToFileURL(html).href,
      { viewport: { width: 1100, height: 1500 } },
    );
    try {
      await page.waitForFunction(
        () => Array.from(document.images).every((i) => i.complete),
        undefined,
        { timeout: 30000 },
      );
      const facts = await page.evaluate(() => {
        const imgs = Array.from(document.images);
        const visible = document.body.cloneNode(true) as HTMLElement;
        visible.querySelectorAll("pre, code").forEach((e) => e.remove());
        return {
          count: imgs.length,
          broken: imgs.filter((i) => !(i.naturalWidth > 0)).map((i) => i.getAttribute("src")),
          srcs: [...new Set(imgs.map((i) => i.getAttribute("src") ?? ""))],
          text: visible.innerText,
        };
      });
      assert.is(facts.count, formulas, "one <img> per formula");
      assert.is(facts.srcs.length, files, "one file per distinct formula");
      assert.equal(facts.broken, [], "every formula image loaded");
      assert.equal(network, [], "no request left the machine");
      assert.equal(errors, []);
      assert.equal(rawTexLeft(facts.text), [], "no raw TeX in the visible text");

      // Where each inline formula's baseline is drawn, against the baseline of its line of text.
      // The formula's baseline inside its image comes from the SVG file itself: y = 0 in the
      // viewBox, i.e. (-minY / height) of the way down the image. The text baseline is the bottom
      // of an empty zero-size inline-block put right after the image (its baseline is its bottom edge).
      const viewBoxes: Record<string, [number, number, number, number]> = {};
      for (const src of facts.srcs) {
        const svg = readFileSync(join(dir, decodeURI(src)), "utf8");
        const vb = /viewBox="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
        assert.ok(vb, `${src} has a viewBox`);
        viewBoxes[src] = [Number(vb![1]), Number(vb![2]), Number(vb![3]), Number(vb![4])];
      }
      const offsets = await page.evaluate((vbs) => {
        const rows: {
          alt: string;
          diff: number;
          sameLine: boolean;
          ratio: number;
          overflow: number;
        }[] = [];
        const shapes: { alt: string; ratio: number; overflow: number }[] = [];
        for (const img of Array.from(document.images)) {
          const r = img.getBoundingClientRect();
          const [, , vbW, vbH] = vbs[img.getAttribute("src") ?? ""];
          const column = (img.parentElement as HTMLElement).getBoundingClientRect();
          shapes.push({
            alt: img.alt,
            ratio: r.width / r.height / (vbW / vbH),
            overflow: r.right - column.right,
          });
        }
        for (const img of Array.from(document.images)) {
          if (img.closest("p[align=center]") || getComputedStyle(img).display === "block") continue;
          const probe = document.createElement("span");
          probe.style.cssText = "display:inline-block;width:0;height:0;margin:0;padding:0;border:0";
          img.after(probe);
          const r = img.getBoundingClientRect();
          const p = probe.getBoundingClientRect();
          const [, minY, , height] = vbs[img.getAttribute("src") ?? ""];
          const formulaBaseline = r.top + (r.height * -minY) / height;
          rows.push({
            alt: img.alt,
            diff: formulaBaseline - p.bottom,
            sameLine:
              Math.abs(p.left - r.right) < 1 && p.bottom > r.top && p.bottom <= r.bottom + 1,
            ratio: 0,
            overflow: 0,
          });
          probe.remove();
        }
        return { rows, shapes };
      }, viewBoxes);
      for (const s of offsets.shapes) {
        assert.ok(
          Math.abs(s.ratio - 1) < 0.02,
          `${s.alt}: drawn with ${(s.ratio * 100).toFixed(1)} % of its aspect ratio`,
        );
      }
      const displayOverflow = Math.max(...offsets.shapes.map((s) => s.overflow));
      assert.ok(
        displayOverflow <= 1,
        `a formula image sticks ${displayOverflow.toFixed(1)} px out of its block`,
      );
      const inline = offsets.rows;
      assert.ok(inline.length > 10, `${inline.length} inline formulas measured`);
      for (const o of inline) {
        assert.ok(o.sameLine, `probe after ${o.alt} is on the image's line`);
        assert.ok(
          Math.abs(o.diff) <= 1,
          `${o.alt}: formula baseline is ${o.diff.toFixed(2)} px from the text baseline`,
        );
      }
      const worst = Math.max(...inline.map((o) => Math.abs(o.diff)));

      const shot = join(SCREENS_DIR, screenshot);
      await page.screenshot({ path: shot });
      console.log(
        `  ${lang}: ${formulas} formulas, ${files} SVG files, ${inline.length} inline baselines within ${worst.toFixed(2)} px, widest image ${displayOverflow.toFixed(0)} px past its block's right edge; screenshot ${shot}`,
      );
    } finally {
      await context.close();
    }
  });
}

test.run();
