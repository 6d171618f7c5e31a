// The notebook with the slider figure in the other front ends a student may have, on a server
// WITH plotly's own renderer for application/vnd.plotly.v1+json on (`npm run lab --
// --plotly-renderer`, as for a student who has the `plotly` Python package), where a figure
// with `responsive: true` used to collapse to 0 px when its slider moved:
//   JupyterLab 4: Run All, every plot drawn, the slider changes the title and keeps the height;
//   Notebook 7 (smoke test): Run All with no error, every plot drawn, the slider works;
//   the Chinese edition of the same notebook (built by scripts/i18n.ts) in JupyterLab 4: its
//   prose is in Chinese, Run All has no error, every plot is drawn and the slider works.
// Screenshots go to the OS temp folder.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { launch, openOffline } from "./chromium";
import { JupyterServer, NOTEBOOKS, notebookNames, screensDir } from "./jupyter-server";
import { runAll, sliderFigure, waitDrawn, waitOpen } from "./jupyterlab-page";
import { buildTranslations } from "../../scripts/i18n";
import { parseNotebook } from "../../scripts/nbformat";
import { leastPlots } from "./expected";

const RUN_BOUND_MS = Number(process.env.MLEKIT_FRONTEND_TIMEOUT || 300) * 1000;
const SCREENS = screensDir();
const server = new JupyterServer({ label: "frontends", plotlyRenderer: true });
/** The notebook with a slider figure: the first whose source has plotly `sliders`. */
const sliderNotebook = notebookNames().find((f) =>
  /sliders|sliderFigure|[sS]lider\(/.test(readFileSync(join(NOTEBOOKS, f), "utf8")),
);
let browser: Browser | undefined;
let startError = "";
process.on("exit", () => server.kill());

test.before(async () => {
  try {
    await server.start();
    buildTranslations({ outDir: join(server.dir, "zh"), quiet: true });
    browser = await launch();
  } catch (err) {
    startError = String((err as Error).message || err);
  }
});

test.after(async () => {
  await browser?.close().catch(() => undefined);
  await server.stop();
});

const stem = (name: string) => name.replace(/\.ipynb$/, "");

/** Run All in the open page and the slider check; returns the problems found. */
async function runAndSlide(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const opened = await waitOpen(page);
  if (opened.kernel !== "connected/idle")
    return [`${label}: ${opened.kernel}: ${await server.kernelReady(sliderNotebook!, 1000)}`];
  const { state, finished } = await runAll(page, RUN_BOUND_MS);
  if (state.errors.length) problems.push(`error output:\n${state.errors.join("\n---\n")}`);
  if (!finished) problems.push(`not finished: ${state.ran} of ${state.codeCells} code cells ran`);
  // The lower bound comes from the notebook's code: one plot per show() call.
  const least = leastPlots(
    parseNotebook(readFileSync(join(NOTEBOOKS, sliderNotebook!), "utf8")).cells,
  );
  const drawn = await waitDrawn(page, 60000, false, least);
  if (least === 0 || drawn.plots < least || drawn.drawn !== drawn.plots)
    problems.push(
      `${drawn.drawn} of ${drawn.plots} plots drawn; the code calls show() ${least} times`,
    );
  const before = await sliderFigure(page, false);
  if (!before.found) problems.push("no slider figure on the page");
  else {
    await page.screenshot({ path: join(SCREENS, `${label}-slider-before.png`) });
    const after = await sliderFigure(page, true);
    await page.screenshot({ path: join(SCREENS, `${label}-slider-after.png`) });
    if (after.title === before.title)
      problems.push(`the slider did not change the title ("${before.title}")`);
    if (Math.abs(after.height - before.height) > 2 || after.svgHeight < 100)
      problems.push(
        `the slider changed the figure's height: ${before.height} -> ${after.height} px (svg ${after.svgHeight} px)`,
      );
  }
  console.log(`      ${label}: ${drawn.plots} plots drawn, slider title "${before.title}"`);
  return problems;
}

test("a notebook in notebooks/ has a slider figure", () => {
  assert.is(startError, "", startError);
  assert.ok(sliderNotebook, "no notebook with a slider figure");
});

test("JupyterLab 4 with plotly's renderer: Run All draws every plot, and the slider changes the title and keeps the height", async () => {
  assert.ok(browser && !startError && sliderNotebook, startError);
  const { page, context, network } = await openOffline(
    browser!,
    server.url(`/lab/tree/${encodeURIComponent(sliderNotebook!)}?reset`),
    {
      allow: [server.base],
      viewport: { width: 1280, height: 1000 },
    },
  );
  try {
    const problems = await runAndSlide(page, `lab-plotly-renderer-${stem(sliderNotebook!)}`);
    const rendered = await page.evaluate(
      () => document.querySelectorAll(".jp-RenderedPlotly").length,
    );
    if (rendered === 0) problems.push("plotly's renderer drew no plot (is it on?)");
    if (network.length)
      problems.push(`requests left the machine: ${network.slice(0, 5).join(", ")}`);
    assert.equal(problems, [], problems.join("\n"));
  } finally {
    await context.close().catch(() => undefined);
    await server.closeSessions();
  }
});

test("Notebook 7 (smoke test): Run All with no error, every plot drawn, and the slider changes the title and keeps the height", async () => {
  assert.ok(browser && !startError && sliderNotebook, startError);
  const { page, context } = await openOffline(
    browser!,
    server.url(`/notebooks/${encodeURIComponent(sliderNotebook!)}`),
    {
      allow: [server.base],
      viewport: { width: 1280, height: 1000 },
    },
  );
  try {
    const problems = await runAndSlide(page, `notebook7-${stem(sliderNotebook!)}`);
    await page.screenshot({ path: join(SCREENS, `notebook7-${stem(sliderNotebook!)}.png`) });
    assert.equal(problems, [], problems.join("\n"));
  } finally {
    await context.close().catch(() => undefined);
    await server.closeSessions();
  }
});

test("JupyterLab 4, the Chinese edition: the prose is in Chinese, Run All draws every plot, and the slider works", async () => {
  assert.ok(browser && !startError && sliderNotebook, startError);
  const path = `zh/${sliderNotebook!}`;
  const { page, context } = await openOffline(
    browser!,
    server.url(`/lab/tree/${path.split("/").map(encodeURIComponent).join("/")}?reset`),
    {
      allow: [server.base],
      viewport: { width: 1280, height: 1000 },
    },
  );
  try {
    const problems = await runAndSlide(page, `lab-zh-${stem(sliderNotebook!)}`);
    const heading = await page.evaluate(
      () => document.querySelector(".jp-RenderedMarkdown h1")?.textContent ?? "",
    );
    if (!/[\u4e00-\u9fff]/.test(heading))
      problems.push(`the first heading is not Chinese: "${heading}"`);
    await page.screenshot({ path: join(SCREENS, `lab-zh-${stem(sliderNotebook!)}.png`) });
    assert.equal(problems, [], problems.join("\n"));
  } finally {
    await context.close().catch(() => undefined);
    await server.closeSessions();
  }
});

test.run();
