// The static formats, checked against the executed notebook they came from:
// - Markdown: every image link resolves to a non-empty SVG/PNG file, one image per plot, every
//   heading of the notebook appears as a heading, every formula kept as TeX ($…$, $$…$$), code in
//   ```ts fences;
// - executed .ipynb: every plot output (standard type application/vnd.plotly.v1+json) carries
//   a real image/png and image/svg+xml from the rasterising pass, and no HTML that a static
//   reader would show as an empty box.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, statSync } from "fs";
import { dirname, resolve } from "path";
import { MISSING_EXPORT_DIRS, exportedFiles, label } from "./chromium";
import { leastPlots, notebookCells } from "./expected";
import { decodePng, isPng } from "./png";
import { markdownHeadings } from "../../scripts/export/markdown";
import { extractMath } from "../../scripts/export/math";
import {
  plotlyFigure,
  text,
  type Cell,
  type DisplayOutput,
  type Output,
} from "../../scripts/nbformat";

const isPlot = (o: Output): o is DisplayOutput => plotlyFigure(o) !== undefined;
const outputsOf = (c: Cell): Output[] => (c.cell_type === "code" ? c.outputs : []);

const mds = exportedFiles("md");
const ipynbs = exportedFiles("ipynb");

test("the notebooks were exported to Markdown and to executed notebooks", () => {
  assert.equal(MISSING_EXPORT_DIRS, [], "folders named by MLEKIT_EXPORT_DIRS are missing");
  assert.ok(mds.length > 0, "no .md in the export folders");
  assert.ok(ipynbs.length > 0, "no .ipynb in the export folders");
});

for (const { dir, name, file } of mds) {
  test(`${label(file)}: every image link resolves to an image file, one per plot of the notebook`, () => {
    const cells = notebookCells(dir, name);
    const md = readFileSync(file, "utf8");
    const links = [...md.matchAll(/!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) =>
      decodeURI(m[1]),
    );
    for (const link of links) {
      assert.not.ok(/^[a-z]+:/i.test(link), `image link ${link} is not a relative file`);
      const p = resolve(dirname(file), link);
      assert.ok(existsSync(p), `image ${link} does not exist`);
      // A plot's SVG is tens of kB; another output's image (a 3x2 PNG in the no-kit fixture) may be tiny but must decode.
      if (/\/plot-\d+\.svg$/.test(link))
        assert.ok(statSync(p).size > 2000, `plot image ${link} is (nearly) empty`);
      const bytes = readFileSync(p);
      if (p.endsWith(".svg"))
        assert.ok(
          /<svg[\s>]/.test(bytes.subarray(0, 512).toString("utf8")),
          `${link} is not an SVG`,
        );
      if (p.endsWith(".png")) {
        assert.ok(isPng(bytes), `${link} is not a PNG`);
        const png = decodePng(bytes);
        assert.ok(png.width > 0 && png.height > 0, `${link} has no pixels`);
      }
    }
    const plots = cells.flatMap(outputsOf).filter(isPlot).length;
    assert.ok(
      plots >= leastPlots(cells),
      `${plots} plot outputs, but the code calls show() ${leastPlots(cells)} times`,
    );
    const plotImages = links.filter((l) => /\/plot-\d+\.svg$/.test(l)).length;
    assert.is(plotImages, plots, `${plotImages} plot images for ${plots} plots`);
    assert.not.ok(/<script\b/i.test(md), "the Markdown carries a <script>");
  });

  test(`${label(file)}: every heading of the notebook appears, maths and code kept`, () => {
    const cells = notebookCells(dir, name);
    const md = readFileSync(file, "utf8");
    const got = markdownHeadings(md).map((h) => `${h.level} ${h.text}`);
    const want = cells
      .filter((c) => c.cell_type === "markdown")
      .flatMap((c) => markdownHeadings(text(c.source)))
      .map((h) => `${h.level} ${h.text}`);
    assert.ok(want.length > 0, "the notebook has no heading");
    for (const h of want) assert.ok(got.includes(h), `heading missing from the Markdown: ${h}`);
    const code = cells.filter((c) => c.cell_type === "code" && text(c.source).trim()).length;
    assert.is((md.match(/^`{3,}ts$/gm) || []).length, code, "one ```ts fence per code cell");
    // Every formula of the prose is a formula of the Markdown, same TeX, same display mode.
    const kept = new Set(extractMath(md).formulas.map((f) => `${f.display ? "$$" : "$"}${f.tex}`));
    const formulas = cells
      .filter((c) => c.cell_type === "markdown")
      .flatMap((c) => extractMath(text(c.source)).formulas);
    for (const f of formulas)
      assert.ok(kept.has(`${f.display ? "$$" : "$"}${f.tex}`), `formula not kept as TeX: ${f.tex}`);
  });
}

for (const { dir, name, file } of ipynbs) {
  test(`${label(file)}: every plot output carries its image/png and image/svg+xml, and no HTML`, () => {
    const cells = notebookCells(dir, name);
    const plots = cells.flatMap(outputsOf).filter(isPlot);
    assert.ok(
      plots.length >= leastPlots(cells),
      `${plots.length} plot outputs, but the code calls show() ${leastPlots(cells)} times`,
    );
    for (const [i, o] of plots.entries()) {
      const b64 = o.data["image/png"];
      assert.ok(typeof b64 === "string" && b64.length > 100, `plot ${i + 1} has no image/png`);
      const png = decodePng(Buffer.from(b64 as string, "base64"));
      const size = (o.metadata?.["image/png"] ?? {}) as { width?: number; height?: number };
      assert.ok(
        png.width >= 300 && png.height >= 200,
        `plot ${i + 1}: PNG is only ${png.width}x${png.height}`,
      );
      assert.is(
        png.width,
        Math.round(size.width! * 1.5),
        `plot ${i + 1}: PNG width vs its metadata width at scale 1.5`,
      );
      assert.is(
        png.height,
        Math.round(size.height! * 1.5),
        `plot ${i + 1}: PNG height vs its metadata height at scale 1.5`,
      );
      const svg = text(o.data["image/svg+xml"]);
      assert.ok(
        /^<svg[\s>]/.test(svg) &&
          svg.includes('class="main-svg"') &&
          svg.trimEnd().endsWith("</svg>"),
        `plot ${i + 1}: image/svg+xml is not plotly's SVG`,
      );
      assert.is(o.data["text/html"], undefined, `plot ${i + 1} still carries text/html`);
    }
  });
}

test.run();
