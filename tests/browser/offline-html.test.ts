// Every exported HTML page opens in Chromium with the network closed and works: plots drawn
// from their plotly JSON by the page's single plotly.js (inline, or the shared copy), maths rendered, code highlighted, outputs in place, no
// console error, and every plotly slider changes its figure when a user moves it.
// Screenshots go to the OS temp folder (SCREENS_DIR). Run by `npm test` after the exports are written.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { fileURLToPath, pathToFileURL } from "url";
import type { Browser, Page } from "playwright-core";
import {
  EXPORT_DIRS,
  MISSING_EXPORT_DIRS,
  SCREENS_DIR,
  exportedFiles,
  label,
  launch,
  openOffline,
  until,
  waitForPlots,
  type OfflinePage,
} from "./chromium";
import { formulaCount, leastPlots, notebookCells, plotOutputCount } from "./expected";
import { FIGURE_SELECTOR } from "../../scripts/export/html";
import { PLOTLY_SCRIPT_SELECTOR } from "../../scripts/export/assets";
import { parseNotebook, plotlyFigure } from "../../scripts/nbformat";
import { LIVE_SLIDER_MIME } from "../../notebooks/kit/src/format";

const SCREENS = SCREENS_DIR;
const pages = exportedFiles("html");

/**
 * What the executed notebook beside the page says the page must hold; the notebook missing
 * is an error (thrown by notebookCells), not a reason to skip the checks.
 */
function expected(dir: string, name: string) {
  const cells = notebookCells(dir, name);
  const code = cells.filter((c) => c.cell_type === "code");
  return {
    codeCells: code.length,
    displays: code
      .flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
      .filter((o) => o.output_type === "display_data" || o.output_type === "execute_result").length,
    formulas: formulaCount(cells),
    plotOutputs: plotOutputCount(cells),
    leastPlots: leastPlots(cells),
  };
}

let browser: Browser;
test.before(async () => {
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
});
test.after(async () => {
  await browser?.close();
});

test("the notebooks were exported to HTML, and together their code draws at least one plot", () => {
  assert.equal(MISSING_EXPORT_DIRS, [], "folders named by MLEKIT_EXPORT_DIRS are missing");
  assert.ok(EXPORT_DIRS.length > 0, "neither exports/ nor tests/.out/export exists");
  assert.ok(pages.length > 0, `no .html in ${EXPORT_DIRS.join(", ")}`);
  const least = pages.reduce((n, { dir, name }) => n + leastPlots(notebookCells(dir, name)), 0);
  assert.ok(least > 0, "no notebook calls show(): the plot checks below would check nothing");
});

/** The figure as data and as drawn, slider excluded: what must change when the slider moves. */
async function figureState(page: Page, index: number): Promise<string> {
  return page.evaluate(
    ([i, plotSel]) => {
      const gd = document.querySelectorAll(plotSel)[i] as HTMLElement & {
        data?: unknown;
        layout?: Record<string, unknown>;
      };
      const svg = gd.querySelector("svg.main-svg")?.cloneNode(true) as Element | undefined;
      svg
        ?.querySelectorAll(".slider-container, .sliderlayer, .menulayer")
        .forEach((e) => e.remove());
      const { sliders: _s, ...layout } = gd.layout ?? {};
      return JSON.stringify(gd.data) + JSON.stringify(layout) + (svg ? svg.outerHTML : "");
    },
    [index, FIGURE_SELECTOR] as const,
  );
}

/**
 * The page each page test opened, kept open (plots drawn, nothing moved) for the slider tests of
 * the same page, which follow it: one page load per page, not one per slider. The last of them
 * closes it.
 */
const opened = new Map<string, OfflinePage>();

for (const { dir, name, file } of pages) {
  // The slider test is generated from the exported notebook (plots whose layout has sliders);
  // without the notebook there is none, and the test below fails for it.
  const ipynb = join(dir, `${name}.ipynb`);
  const sliderPlots: number[] = [];
  if (existsSync(ipynb)) {
    let k = 0;
    for (const c of parseNotebook(readFileSync(ipynb, "utf8"), ipynb).cells) {
      for (const o of c.cell_type === "code" ? c.outputs : []) {
        const fig = plotlyFigure(o);
        if (!fig) continue;
        // A live slider's figure is drawn without plotly's stepped slider: live-notes.test.ts moves its range input.
        const live = o.output_type === "display_data" && o.data?.[LIVE_SLIDER_MIME] !== undefined;
        if ((fig.layout?.sliders as unknown[] | undefined)?.length && !live) sliderPlots.push(k);
        k++;
      }
    }
  }

  test(`${label(file)}: opens with the network blocked, one figure per plot of the notebook, every one drawn as SVG, maths rendered, code highlighted, no console error`, async () => {
    const exp = expected(dir, name);
    const o = await openOffline(browser, pathToFileURL(file).href);
    const { page, context, errors, network } = o;
    let keep = false;
    try {
      const [plots, drawn] = await waitForPlots(
        page,
        60000,
        "body",
        FIGURE_SELECTOR,
        exp.plotOutputs,
      );
      assert.ok(
        exp.plotOutputs >= exp.leastPlots,
        `the notebook has ${exp.plotOutputs} plot outputs, its code calls show() ${exp.leastPlots} times`,
      );
      assert.is(
        plots,
        exp.plotOutputs,
        `${plots} figures on the page for the notebook's ${exp.plotOutputs} plot outputs`,
      );
      assert.is(drawn, plots, `${drawn} of ${plots} plots drew plotly's SVG`);
      const facts = await page.evaluate(
        (scriptSel) => ({
          plotlyScripts: document.querySelectorAll(scriptSel).length,
          katex: document.querySelectorAll(".katex").length,
          katexErrors: document.querySelectorAll(".katex-error").length,
          text: document.body.innerText,
          prose: Array.from(document.querySelectorAll(".cell.markdown"))
            .map((e) => (e as HTMLElement).innerText)
            .join("\n"),
          codeCells: document.querySelectorAll(".cell.code").length,
          highlighted: document.querySelectorAll(".cell.code code.hljs").length,
          tokens: document.querySelectorAll('.cell.code code.hljs span[class^="hljs-"]').length,
          outputs: document.querySelectorAll("[data-output]").length,
        }),
        PLOTLY_SCRIPT_SELECTOR,
      );
      assert.is(
        facts.plotlyScripts,
        plots > 0 ? 1 : 0,
        "plotly.js is embedded once when the page has a plot, else not at all",
      );
      assert.not.ok(facts.text.includes("$$"), "raw $$ left in the visible text");
      assert.not.ok(
        /\\\[|\\\(|\$[^$\s][^$\n]*\$/.test(facts.prose),
        "raw TeX delimiters left in the prose",
      );
      assert.is(facts.katexErrors, 0, "KaTeX reported an error");
      assert.ok(
        facts.katex >= exp.formulas,
        `${facts.katex} rendered formulas, the notebook's prose has ${exp.formulas}`,
      );
      assert.is(
        facts.codeCells,
        exp.codeCells,
        "one code cell on the page per code cell in the notebook",
      );
      assert.is(facts.outputs, exp.displays, "every display output is in place");
      assert.is(facts.highlighted, facts.codeCells, "every code cell is highlighted");
      if (facts.codeCells > 0) assert.ok(facts.tokens > 0, "highlight.js marked no token");
      const links = await page.evaluate(() =>
        Array.from(document.querySelectorAll("a[href]")).map((a) => (a as HTMLAnchorElement).href),
      );
      for (const href of links) {
        if (!href.startsWith("file:")) continue;
        assert.ok(existsSync(fileURLToPath(href.split("#")[0])), `link to a missing file: ${href}`);
      }
      assert.equal(network, [], `the page tried the network: ${network.join(", ")}`);
      assert.equal(errors, [], `console errors: ${errors.join(" | ")}`);
      await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: false });
      // Every check above passed on a page with every plot drawn: the slider tests use it.
      if (sliderPlots.length) {
        opened.set(file, o);
        keep = true;
      }
    } finally {
      if (!keep) await context.close();
    }
  });

  for (const [n, index] of sliderPlots.entries()) {
    test(`${label(file)}: moving the slider of plot ${index + 1} with the mouse changes the figure`, async () => {
      // The page the test above opened, or (it failed) a page of this test's own.
      const o = opened.get(file) ?? (await openOffline(browser, pathToFileURL(file).href));
      opened.set(file, o);
      const { page, context, errors } = o;
      const last = n === sliderPlots.length - 1;
      try {
        await waitForPlots(page, 60000, "body", FIGURE_SELECTOR, index + 1);
        const plot = page.locator(FIGURE_SELECTOR).nth(index);
        await plot.scrollIntoViewIfNeeded();
        const info = await plot.evaluate(
          (
            gd: HTMLElement & {
              _fullLayout?: { sliders?: { active: number; steps: unknown[] }[] };
            },
          ) => {
            const s = gd._fullLayout?.sliders?.[0];
            return s ? { active: s.active, steps: s.steps.length } : undefined;
          },
        );
        assert.ok(info && info.steps > 1, "the slider has at least two steps");
        const before = await figureState(page, index);
        const target = info!.active < info!.steps - 1 ? info!.steps - 1 : 0;
        const rail = plot.locator(".slider-rail-touch-rect").first();
        const box = await rail.boundingBox();
        assert.ok(box, "the slider's rail is on the page");
        // A user's click at the end of the rail: plotly moves to the nearest step.
        const x = box!.x + (target === 0 ? 0.02 : 0.98) * box!.width;
        await page.mouse.click(x, box!.y + box!.height / 2);
        const active = () =>
          plot.evaluate(
            (gd: HTMLElement & { _fullLayout?: { sliders?: { active: number }[] } }) =>
              gd._fullLayout?.sliders?.[0]?.active,
          );
        await until(async () => (await active()) === target, 10000);
        const moved = await active();
        assert.is(moved, target, `the slider went to step ${moved}, expected ${target}`);
        const changed = await until(async () => (await figureState(page, index)) !== before, 10000);
        assert.ok(changed, "the figure (data and drawn SVG, slider excluded) did not change");
        await plot.screenshot({ path: join(SCREENS, `${name}-slider-${index + 1}.png`) });
        assert.equal(errors, [], `console errors: ${errors.join(" | ")}`);
      } finally {
        if (last) {
          opened.delete(file);
          await context.close();
        }
      }
    });
  }
}

test.run();
