// The notebooks in JupyterLab 4, the project's main front end, started as `npm run lab` starts
// it (from .venv, plotly's renderer off, the kit's plots drawn by the one plotly.js the server
// serves) on a temporary copy of notebooks/, driven by Debian's Chromium with every request
// off loopback blocked. For every notebook in notebooks/:
//   open it and save it unchanged: the file stays byte-identical (git stays clean);
//   Run All: every code cell runs, no error output, nothing on stderr;
//   every plot drawn, maths rendered by MathJax, hidden solutions collapsed;
//   a figure with a slider: clicking the slider changes the title and keeps the height;
//   saved after Run All it is at most 1 MB, and reloaded from disk every plot is drawn again.
// Then an untrusted copy of the saved slider notebook: no plot area is blank.
// MLEKIT_FRONTEND_OUT=DIR keeps a copy of each notebook as saved after Run All (npm test
// compares them with the nbclient runs: the determinism check). Screenshots go to the OS temp
// folder (printed at the end).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launch, openOffline } from "./chromium";
import { JupyterServer, NOTEBOOKS, notebookNames, screensDir } from "./jupyter-server";
import {
  closeAll,
  command,
  openNotebook,
  runAll,
  save,
  sliderFigure,
  waitDrawn,
} from "./jupyterlab-page";
import { ROOT, type Kernelspec } from "../../scripts/setup";
import { parseNotebook, text } from "../../scripts/nbformat";
import { dollarMathCellCount, hiddenCellCount, leastPlots } from "./expected";

const RUN_BOUND_MS = Number(process.env.MLEKIT_FRONTEND_TIMEOUT || 300) * 1000;
const MAX_SAVED_BYTES = 1024 * 1024;
const KEEP = process.env.MLEKIT_FRONTEND_OUT;
const notebooks = notebookNames();
const server = new JupyterServer({ label: "lab" });
const SCREENS = screensDir();
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page | undefined;
let network: string[] = [];
let startError = "";
let sliderNotebook = "";
const sizes: string[] = [];
process.on("exit", () => server.kill());

test.before(async () => {
  try {
    await server.start();
    browser = await launch();
    const o = await openOffline(browser, server.url("/lab?reset"), {
      allow: [server.base],
      viewport: { width: 1280, height: 1000 },
    });
    ({ page, context, network } = o);
    if (KEEP) mkdirSync(KEEP, { recursive: true });
  } catch (err) {
    startError = String((err as Error).message || err);
  }
});

test.after(async () => {
  await context?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await server.stop();
  if (sizes.length) console.log(`      saved after Run All: ${sizes.join(", ")}`);
  console.log(`      screenshots: ${SCREENS}`);
});

const stem = (name: string) => name.replace(/\.ipynb$/, "");

test("JupyterLab offers the project's own tslab kernel, under the display name the committed notebooks carry", async () => {
  assert.is(startError, "", startError);
  assert.ok(notebooks.length > 0, "notebooks/ has no notebook");
  const specs = (await (await server.api("/api/kernelspecs")).json()) as {
    kernelspecs: Record<string, { spec: Kernelspec }>;
  };
  const tslab = specs.kernelspecs.tslab;
  assert.ok(
    tslab,
    `no tslab kernelspec; the server sees ${Object.keys(specs.kernelspecs).join(", ")}`,
  );
  assert.ok(
    tslab.spec.argv.some((a) => a.startsWith(join(ROOT, "scripts"))),
    `tslab runs ${tslab.spec.argv.join(" ")}, not the project's wrapper`,
  );
  assert.is(tslab.spec.env?.MLEKIT_FRONTEND, "lab");
  for (const name of notebooks) {
    const ks = (
      JSON.parse(readFileSync(join(NOTEBOOKS, name), "utf8")) as {
        metadata: { kernelspec?: { display_name?: string } };
      }
    ).metadata.kernelspec;
    assert.is(
      ks?.display_name,
      tslab.spec.display_name,
      `${name}: the committed display name differs from the kernel's, so saving rewrites it`,
    );
  }
});

for (const name of notebooks) {
  test(`${name}: in JupyterLab 4 it saves unchanged, runs with no error, draws every plot, renders maths, collapses hidden cells and saves under 1 MB`, async () => {
    assert.ok(page && !startError, `the server or the browser did not start: ${startError}`);
    const p = page!;
    const t0 = Date.now();
    const file = join(server.dir, name);
    const original = readFileSync(file);
    const cells = parseNotebook(original.toString("utf8"), file).cells;
    const expect = {
      codeCells: cells.filter((c) => c.cell_type === "code").length,
      plots: leastPlots(cells),
      mathCells: dollarMathCellCount(cells),
      hiddenCells: hiddenCellCount(cells),
      slider: cells.some(
        (c) => c.cell_type === "code" && /(?<![\w.$])slider\(/.test(text(c.source)),
      ),
    };
    assert.ok(expect.codeCells > 0, `${name} has no code cell`);
    const problems: string[] = [];
    try {
      const opened = await openNotebook(p, name);
      if (opened.kernel !== "connected/idle")
        assert.unreachable(`${opened.kernel}: ${await server.kernelReady(name, 1000)}`);

      // Open and save without running: the file must not change by a byte.
      await save(p);
      const resaved = readFileSync(file);
      if (!resaved.equals(original))
        problems.push(
          `opening and saving changed the file (${original.length} -> ${resaved.length} bytes): ${firstDifference(original, resaved)}; run npm run clean-notebooks`,
        );

      const { state, finished } = await runAll(p, RUN_BOUND_MS);
      if (state.errors.length) problems.push(`error output:\n${state.errors.join("\n---\n")}`);
      if (!finished)
        problems.push(
          `not finished within ${RUN_BOUND_MS / 1000} s: ${state.ran} of ${state.codeCells} code cells ran (kernel ${state.kernel})`,
        );

      // Lower bounds from the notebook file, so "every X" cannot pass as 0 of 0.
      const drawn = await waitDrawn(p, 60000, false, expect.plots);
      if (state.codeCells !== expect.codeCells)
        problems.push(
          `${state.codeCells} code cells on the page, the file has ${expect.codeCells}`,
        );
      if (drawn.plots < expect.plots || drawn.drawn !== drawn.plots)
        problems.push(
          `${drawn.drawn} of ${drawn.plots} plots drawn (${drawn.blank} blank); the code calls show() ${expect.plots} times`,
        );
      if (drawn.mathCells !== expect.mathCells || drawn.mathRendered !== drawn.mathCells)
        problems.push(
          `maths rendered in ${drawn.mathRendered} of ${drawn.mathCells} markdown cells with $…$ (the file has ${expect.mathCells})`,
        );
      if (drawn.hiddenCells !== expect.hiddenCells || drawn.hiddenCollapsed !== drawn.hiddenCells)
        problems.push(
          `${drawn.hiddenCollapsed} of ${drawn.hiddenCells} hidden cells shown collapsed (the file has ${expect.hiddenCells})`,
        );

      const renderer = await p.evaluate(
        () => document.querySelectorAll(".jp-RenderedPlotly").length,
      );
      if (renderer > 0)
        problems.push(`plotly's renderer drew ${renderer} plot(s); npm run lab turns it off`);
      const before = await sliderFigure(p, false);
      if (expect.slider && !before.found)
        problems.push("the code calls slider() but no slider figure is on the page");
      if (before.found) {
        sliderNotebook = sliderNotebook || name;
        await p.screenshot({ path: join(SCREENS, `lab-${stem(name)}-slider-before.png`) });
        const after = await sliderFigure(p, true);
        await p.screenshot({ path: join(SCREENS, `lab-${stem(name)}-slider-after.png`) });
        if (after.title === before.title)
          problems.push(`the slider did not change the title ("${before.title}")`);
        if (Math.abs(after.height - before.height) > 2 || after.svgHeight < 100)
          problems.push(
            `the slider changed the figure's height: ${before.height} -> ${after.height} px (svg ${after.svgHeight} px)`,
          );
      } else {
        await p.evaluate(() =>
          document
            .querySelector(".jp-OutputArea-output svg.main-svg")
            ?.closest(".jp-OutputArea-child")
            ?.scrollIntoView({ block: "center" }),
        );
        await p.waitForTimeout(200);
        await p.screenshot({ path: join(SCREENS, `lab-${stem(name)}.png`) });
      }

      // Saved after Run All: light, and every plot drawn again when reloaded from disk.
      await save(p);
      const bytes = statSync(file).size;
      sizes.push(`${stem(name).slice(0, 2)} ${(bytes / 1024).toFixed(0)} kB`);
      if (bytes > MAX_SAVED_BYTES)
        problems.push(`saved after Run All it is ${(bytes / 1e6).toFixed(2)} MB, over 1 MB`);
      if (KEEP) copyFileSync(file, join(KEEP, name));
      await command(p, "docmanager:reload");
      await p.waitForTimeout(500);
      const re = await waitDrawn(p, 30000, false, drawn.plots);
      if (re.drawn !== re.plots || re.plots !== drawn.plots)
        problems.push(
          `reloaded after saving: ${re.drawn} of ${re.plots} plots drawn (the run had ${drawn.plots})`,
        );
      if (network.length)
        problems.push(`requests left the machine: ${network.slice(0, 5).join(", ")}`);
      console.log(
        `      ${name}: ${drawn.codeCells} code cells, ${drawn.plots} plots, ${drawn.mathCells} maths cells, ${drawn.hiddenCells} hidden; saved ${(bytes / 1024).toFixed(0)} kB; ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
      assert.equal(problems, [], problems.join("\n"));
    } finally {
      await closeAll(p);
      await server.closeSessions();
    }
  });
}

test("an untrusted copy of the run slider notebook (one byte changed) shows no blank plot area: each shows the fallback text on how to trust the notebook", async () => {
  assert.ok(page && !startError, startError);
  assert.ok(sliderNotebook, "no notebook with a slider figure ran");
  const saved = JSON.parse(readFileSync(join(server.dir, sliderNotebook), "utf8")) as {
    metadata: Record<string, unknown>;
    cells: { outputs?: unknown[] }[];
  };
  assert.ok(
    saved.cells.some((c) => (c.outputs?.length ?? 0) > 0),
    "the run notebook was not saved with its outputs",
  );
  saved.metadata.copied_from_a_classmate = true; // any change breaks the signature: untrusted
  const copy = `untrusted-${sliderNotebook}`;
  writeFileSync(join(server.dir, copy), JSON.stringify(saved, null, 1) + "\n");
  try {
    await openNotebook(page!, copy);
    const least = leastPlots(
      parseNotebook(readFileSync(join(NOTEBOOKS, sliderNotebook), "utf8")).cells,
    );
    const s = await waitDrawn(page!, 20000, true, least);
    await page!.evaluate(() =>
      document.querySelector(".mlekit-plot")?.scrollIntoView({ block: "center" }),
    );
    await page!.waitForTimeout(300);
    await page!.screenshot({ path: join(SCREENS, `lab-untrusted-${stem(sliderNotebook)}.png`) });
    console.log(
      `      untrusted copy: ${s.plots} plots, ${s.fallbacks} show the fallback text, ${s.drawn} drawn, ${s.blank} blank`,
    );
    assert.is(s.trusted, false, "the copy should be untrusted");
    assert.ok(
      least > 0 && s.plots >= least,
      `${s.plots} plot areas; the code calls show() ${least} times`,
    );
    assert.is(s.blank, 0, `${s.blank} of ${s.plots} plot areas are blank`);
    assert.is(
      s.fallbacks,
      s.plots,
      "with plotly's renderer off, every plot area shows the fallback text",
    );
  } finally {
    await closeAll(page!);
    await server.closeSessions();
  }
});

/** Where two files first differ, as a short excerpt of each. */
function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ex = (x: Buffer) =>
    JSON.stringify(x.subarray(Math.max(0, i - 60), i + 80).toString("utf8"));
  return `at byte ${i}: committed ${ex(a)} vs saved ${ex(b)}`;
}

test.run();
