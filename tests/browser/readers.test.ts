// The exported pages as their readers meet them, in Chromium with the network closed, in every
// language exported (each export folder and its language subfolders, e.g. zh/):
//  - axe-core (node_modules) finds no serious or critical violation on a 390 px phone (where
//    wide content scrolls most), on every note page and index (color-contrast on a translated
//    note page is checked on its English twin, see contrastTwin; MLEKIT_AXE_FULL=1: on all);
//  - at 390 px no legend overlaps an axis title, tick label, panel title or slider, no panel title
//    overlaps an axis, no code line is cut off and nothing scrolls the page sideways; at 1280 px
//    (the same page, resized) no legend overlap either;
//  - on a page in another language, every English text a reader meets outside code and maths
//    is marked lang="en";
//  - printed (Chromium's PDF of the interactive page, after the plots are drawn): every worked
//    solution is in the PDF's text and no ink crosses into the right margin (plots fit the page
//    width); every exported PDF has every worked solution too;
//  - plotly's cartesian bundle draws exactly the trace types the exporter assumes;
//  - every live slider (05's θ, and any other page's) as a screen reader meets it, before and
//    after an ArrowRight: its value text as Chromium computes it for the platform (the Linux
//    ATK tree of chrome://accessibility: what Orca reads) and the figure's accessible
//    description (CDP's accessibility tree) name the value the drawn traces show, and the
//    description is the one the kit generates from those traces.
// No fixed sleeps: the page says when its plots are drawn (`html[data-plots]`, `data-plots-width`).
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import {
  EXPORT_DIRS,
  FULL_CHROMIUM,
  FULL_CHROMIUM_ARGS,
  SCREENS_DIR,
  label,
  launch,
  openOffline,
} from "./chromium";
import { describeFigure, type FigureJson } from "../../notebooks/kit/src/display/describe-figure";
import { decodePng } from "./png";
import { CARTESIAN_TRACES } from "../../scripts/export/assets";
import { PDF_MARGIN, PRINT_WIDTH_PX } from "../../scripts/export/browser";
import { parseNotebook, text } from "../../scripts/nbformat";
import { isHidden } from "../../scripts/export/notebook";

/** Every export folder and its language subfolders (a folder with its own index.html or notes). */
const DIRS = EXPORT_DIRS.flatMap((d) => [
  d,
  ...readdirSync(d)
    .map((f) => join(d, f))
    .filter(
      (f) =>
        statSync(f).isDirectory() &&
        /^[a-z]{2}(-[A-Za-z]+)?$/.test(f.slice(f.lastIndexOf("/") + 1)),
    ),
]);
const NOTES = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".html") && f !== "index.html")
    .sort()
    .map((f) => ({ dir, name: f.slice(0, -5), file: join(dir, f) })),
);
const INDEXES = DIRS.map((d) => join(d, "index.html")).filter((f) => existsSync(f));

/**
 * axe's color-contrast rule (about three quarters of axe's time on a note page) on a translated
 * page is checked on its English twin instead: a page in a language folder (zh/) whose page of
 * the same name is in the folder above, except one page per language folder (05, else the
 * first), which gets every rule. Contrast is a function of the computed colours, sizes and
 * weights of the elements and what lies under them: the twins are written by the same exporter
 * from the same outputs with the same stylesheets (no :lang() rule), so an element's contrast
 * is the same in both, and a colour or size that fails on one fails on the other. Every other
 * axe rule (language attributes among them) and every layout check still runs on every page.
 * MLEKIT_AXE_FULL=1 (`npm test -- --full-axe`) runs color-contrast on every page too.
 */
const AXE_FULL = process.env.MLEKIT_AXE_FULL === "1";
const contrastTwin = (note: { dir: string; name: string; file: string }): string | undefined => {
  if (AXE_FULL) return undefined;
  const inFolder = NOTES.filter((n) => n.dir === note.dir);
  const full = inFolder.find((n) => n.name.startsWith("05")) ?? inFolder[0];
  if (full?.file === note.file) return undefined;
  const parent = join(note.dir, "..");
  if (!DIRS.includes(parent) || !DIRS.includes(note.dir)) return undefined;
  const twin = join(parent, `${note.name}.html`);
  return existsSync(twin) && NOTES.some((n) => n.file === twin) ? twin : undefined;
};
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

let browser: Browser;
const tmp = mkdtempSync(join(tmpdir(), "mlekit-readers-"));
const started = Date.now();
test.before(async () => {
  browser = await launch();
  mkdirSync(SCREENS_DIR, { recursive: true });
});
test.after(async () => {
  // What these checks add to npm test (wall time, on whatever else the machine is doing).
  const twins = NOTES.filter((n) => contrastTwin(n)).length;
  console.log(
    `    readers: ${NOTES.length} note pages (two at a time), ${INDEXES.length} indexes, ${PRINTED.length} printed pages and every PDF checked in ${((Date.now() - started) / 1000).toFixed(1)} s; axe's color-contrast on ${NOTES.length - twins} note pages and on the English twin of ${twins} translated ones (MLEKIT_AXE_FULL=1: on every page)`,
  );
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * axe's serious and critical violations, as "rule (n): first target"; every rule axe runs by
 * default, color-contrast too unless `contrast` is false (see contrastTwin).
 */
async function axeProblems(page: Page, { contrast = true } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async (withContrast) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            c: unknown,
            o: unknown,
          ): Promise<{
            violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    // preload: false: axe would fetch the page's stylesheets by XHR, which a file: page refuses
    const r = await axe.run(document, {
      resultTypes: ["violations"],
      preload: false,
      ...(withContrast ? {} : { rules: { "color-contrast": { enabled: false } } }),
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      n: v.nodes.length,
      target: JSON.stringify(v.nodes[0]?.target),
    }));
  }, contrast);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}, ${v.n}): ${v.target}`);
}

/** Waits until the page's plots are laid out for `width` (the page script sets it; a page without plots at once). */
async function plotsLaidOut(page: Page, width: number): Promise<void> {
  await page.waitForFunction(
    (w) => {
      const h = document.documentElement;
      if (h.getAttribute("data-plots") === "failed")
        throw new Error("plotly.js could not be loaded");
      return (
        h.getAttribute("data-plots") === "drawn" && h.getAttribute("data-plots-width") === String(w)
      );
    },
    width,
    { timeout: 90000 },
  );
}

/**
 * Pairs of boxes that overlap on the drawn figures: the legend against axis titles, tick labels,
 * panel titles and the slider; panel titles against axis titles and tick labels.
 */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { name: string; r: DOMRect };
    const found: string[] = [];
    const boxes = (root: Element, sel: string, name: string): Box[] =>
      Array.from(root.querySelectorAll(sel))
        .map((e) => ({
          name: `${name} "${(e.textContent ?? "").slice(0, 30)}"`,
          r: e.getBoundingClientRect(),
        }))
        .filter((b) => b.r.width > 0 && b.r.height > 0);
    const hit = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    document.querySelectorAll(".output.plot .figure").forEach((fig, i) => {
      const titles = boxes(
        fig,
        "g[class^='g-x'][class$='title'] text, g[class^='g-y'][class$='title'] text",
        "axis title",
      );
      const ticks = boxes(fig, ".xaxislayer-above text, .yaxislayer-above text", "tick label");
      const panelTitles = boxes(fig, ".annotation-text", "panel title");
      const slider = boxes(fig, ".slider-group", "slider");
      const legend = boxes(fig, "g.legend rect.bg", "legend");
      for (const l of legend)
        for (const o of [...titles, ...ticks, ...panelTitles, ...slider])
          if (hit(l.r, o.r)) found.push(`plot ${i + 1}: ${l.name} overlaps ${o.name}`);
      for (const p of panelTitles)
        for (const o of [...titles, ...ticks])
          if (hit(p.r, o.r)) found.push(`plot ${i + 1}: ${p.name} overlaps ${o.name}`);
    });
    return found;
  });
}

/** English text (a Latin word in a block with no CJK) outside code and maths whose language is not English. */
async function untaggedEnglish(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
    const SKIP =
      "pre, code, .katex, math, svg, script, style, noscript, [aria-hidden='true'], title";
    const BLOCK =
      "p, li, td, th, h1, h2, h3, h4, h5, h6, caption, figcaption, summary, nav, footer, dt, dd, div, section, a, span";
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const blockText = (el: Element) => {
      let t = "";
      const w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = w.nextNode(); n; n = w.nextNode())
        if (!n.parentElement?.closest(SKIP)) t += n.textContent;
      return t;
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      // an English word: two or more Latin letters, some lower-case (HTML, PDF, MB are names), not a unit
      const word = ((n.textContent ?? "").match(/[A-Za-z]{2,}/g) ?? []).some(
        (w) => /[a-z]/.test(w) && w !== "kB",
      );
      if (!parent || parent.closest(SKIP) || !word) continue;
      const block =
        parent.closest(
          BLOCK.split(", ")
            .filter((b) => !["span", "a"].includes(b))
            .join(", "),
        ) ?? parent;
      if (CJK.test(blockText(block))) continue;
      const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
      if (!/^en\b/i.test(lang))
        found.push(
          `"${(n.textContent ?? "").trim().slice(0, 50)}" in <${block.tagName.toLowerCase()}> is in lang="${lang}"`,
        );
    }
    return [...new Set(found)];
  });
}

test("there are pages to check", () => {
  assert.ok(NOTES.length > 0, `no note page in ${DIRS.join(", ")}`);
});

/** What one note page shows a reader; every list should be empty, every count 0. */
interface PageFindings {
  overlaps390: string[];
  overlaps1280: string[];
  cut: number;
  code: number;
  unnamedCode: number;
  pageWidth: number;
  wideFigures: number;
  axe: string[];
  lang: string;
  untagged: string[];
  errors: string[];
  /** The trace types plotly's bundle draws, for the page the bundle check reads (BUNDLE_PAGE), or why not. */
  traces?: string[] | string;
}

/**
 * Looks at one note page on a phone, then on a screen (the same page, resized); on the one page
 * the bundle check reads (BUNDLE_PAGE), also the trace types of the plotly.js it loaded. axe
 * runs every rule it runs by default, color-contrast only when `contrast` (see contrastTwin).
 */
async function inspect(name: string, file: string, contrast: boolean): Promise<PageFindings> {
  const { page, context, errors } = await openOffline(browser, pathToFileURL(file).href, {
    viewport: { width: 390, height: 844 },
    timeoutMs: 120000,
  });
  try {
    await plotsLaidOut(page, 390);
    const overlaps390 = await overlaps(page);
    const layout = await page.evaluate(() => ({
      cut: Array.from(document.querySelectorAll("pre.code")).filter(
        (p) =>
          p.scrollWidth > p.clientWidth + 1 || p.getBoundingClientRect().right > innerWidth + 1,
      ).length,
      code: document.querySelectorAll("pre.code").length,
      pageWidth: document.documentElement.scrollWidth,
      wideFigures: Array.from(document.querySelectorAll("figure.plot")).filter(
        (f) => f.getBoundingClientRect().right > innerWidth + 1,
      ).length,
      unnamedCode: Array.from(document.querySelectorAll("pre.code")).filter(
        (p) => p.getAttribute("tabindex") !== "0" || !p.getAttribute("aria-label"),
      ).length,
      lang: document.documentElement.lang,
    }));
    const first = page.locator("figure.plot").first();
    if (await first.count())
      await first.screenshot({
        path: join(SCREENS_DIR, `${name}${file.includes("/zh/") ? "-zh" : ""}-390.png`),
      });
    const axe = await axeProblems(page, { contrast });
    const untagged = /^en\b/i.test(layout.lang) ? [] : await untaggedEnglish(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await plotsLaidOut(page, 1280);
    const overlaps1280 = await overlaps(page);
    const consoleErrors = [...errors];
    // Reported by its own test: an error here fails that test, not the page's reader checks.
    const traces =
      file === BUNDLE_PAGE?.file
        ? await bundleTraces(page).catch((e: Error) => `could not read the bundle: ${e.message}`)
        : undefined;
    return {
      overlaps390,
      overlaps1280,
      ...layout,
      axe,
      untagged,
      errors: consoleErrors,
      traces,
    };
  } finally {
    await context.close();
  }
}

// The pages are looked at two at a time (the test machine has two cores), each test then
// reports its own page.
const findings = new Map<string, Promise<PageFindings>>();
test.before(() => {
  let next = 0;
  const waiting = NOTES.map(() => {
    let settle!: (f: Promise<PageFindings>) => void;
    const p = new Promise<PageFindings>(
      (resolve, reject) => (settle = (f) => f.then(resolve, reject)),
    );
    p.catch(() => undefined);
    return { p, settle };
  });
  NOTES.forEach((n, i) => findings.set(n.file, waiting[i].p));
  const worker = async () => {
    while (next < NOTES.length) {
      const i = next++;
      const f = inspect(NOTES[i].name, NOTES[i].file, !contrastTwin(NOTES[i]));
      waiting[i].settle(f);
      await f.catch(() => undefined);
    }
  };
  void Promise.all([worker(), worker()]);
});

for (const note of NOTES) {
  const { file } = note;
  const twin = contrastTwin(note);
  const axeScope = twin
    ? ` (color-contrast on its twin ${label(twin)}; MLEKIT_AXE_FULL=1 here too)`
    : "";
  test(`${label(file)}: on a phone (390 px) no serious or critical axe violation${axeScope}, no legend over an axis title, no code cut off, English marked; on a screen (1280 px) no legend over an axis title`, async () => {
    const f = await findings.get(file)!;
    assert.equal(f.overlaps390, [], "at 390 px");
    assert.is(f.cut, 0, `${f.cut} of ${f.code} code cells are cut off at 390 px`);
    assert.is(f.unnamedCode, 0, "every code cell is a named, focusable region");
    assert.ok(f.pageWidth <= 390, `the page scrolls sideways: ${f.pageWidth} px wide`);
    assert.is(f.wideFigures, 0, "a figure is wider than the phone");
    assert.equal(f.axe, [], "axe at 390 px");
    assert.equal(f.untagged, [], `English on a ${f.lang} page not marked lang="en"`);
    assert.equal(f.overlaps1280, [], "at 1280 px");
    assert.equal(f.errors, [], `console errors: ${f.errors.join(" | ")}`);
  });
}

for (const file of INDEXES) {
  test(`${label(file)}: no serious or critical axe violation; English marked on a page in another language`, async () => {
    const { page, context } = await openOffline(browser, pathToFileURL(file).href, {
      viewport: { width: 390, height: 844 },
    });
    try {
      assert.equal(await axeProblems(page), [], "axe at 390 px");
      const lang = await page.evaluate(() => document.documentElement.lang);
      if (!/^en\b/i.test(lang))
        assert.equal(
          await untaggedEnglish(page),
          [],
          `English on a ${lang} page not marked lang="en"`,
        );
    } finally {
      await context.close();
    }
  });
}

/** The one page whose plotly bundle the bundle check reads: the first note page with the cartesian bundle. */
const BUNDLE_PAGE = NOTES.find((n) =>
  readFileSync(n.file, "utf8").includes('data-plotly-bundle="cartesian"'),
);

/** The trace types of the plotly.js the page loaded (once plotly is ready). */
async function bundleTraces(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => document.documentElement.getAttribute("data-plotly") === "ready",
    null,
    { timeout: 60000 },
  );
  return page.evaluate(() =>
    Object.keys(
      (
        window as unknown as { Plotly: { PlotSchema: { get(): { traces: object } } } }
      ).Plotly.PlotSchema.get().traces,
    ).sort(),
  );
}

test("plotly's cartesian bundle draws exactly the trace types the exporter counts on", async () => {
  assert.ok(BUNDLE_PAGE, "no page uses the cartesian bundle");
  // Read in the same page load as the page's reader checks (inspect), once plotly drew.
  const f = await findings.get(BUNDLE_PAGE!.file)!;
  assert.ok(Array.isArray(f.traces), String(f.traces ?? "the bundle's trace types were not read"));
  assert.equal(f.traces, [...CARTESIAN_TRACES].sort());
});

// ---------------------------------------------------------------------------------------------
// Live sliders as a screen reader meets them.
//
// Where Chromium keeps a slider's value text (checked on Chromium 156, see the README of
// scripts/): Blink stores aria-valuetext apart from a native range input's own value (the
// internal tree of chrome://accessibility shows `value='0.61' ariaValueText='θ = 0.61'`), and
// the platform tree gives aria-valuetext to assistive technology (Linux/ATK:
// `valuetext:θ = 0.61 current=0.610000`). CDP's Accessibility domain fills its `valuetext`
// property from the value string instead, so it reports "0.61" on an <input type=range> and ""
// on a <div role=slider> whatever their aria-valuetext. The value text is therefore read here
// from the platform tree, as chrome://accessibility prints it (the browser needs its
// accessibility on: --force-renderer-accessibility); CDP's readings are printed beside it.

/**
 * The note pages with a live slider under a figure: its control as markup, with a figure's id
 * (every single-file page also carries the control's template, in its inert live scripts).
 */
const SLIDER_PAGES = NOTES.filter((n) =>
  /<div class="live-slider" data-live-for="figure-/.test(readFileSync(n.file, "utf8")),
);

/** What assistive technology is given for a page's first live slider and its figure. */
interface SliderReading {
  /** The input's value, and the value text it should have: "label = value" to the step's decimals. */
  value: string;
  expected: string;
  /** aria-valuetext in the DOM. */
  attribute: string | null;
  /** Chromium's platform tree (Linux ATK): the slider's name and valuetext. */
  platform: { name: string; valueText: string } | undefined;
  /** CDP's accessibility node of the input: name, numeric value, its `valuetext` property. */
  cdp: { name: string; value: unknown; valueText: unknown };
  /** The figure's accessible name and description (CDP), and its aria-describedby text (DOM). */
  figureName: string;
  description: string;
  describedBy: string;
  /** The description the kit generates from the figure as computed for the value. */
  fromTraces: string;
}

/** The platform (Linux ATK) accessibility tree of the page at `url`, as chrome://accessibility prints it. */
async function platformTree(internals: Page, url: string): Promise<string> {
  await internals.selectOption("#apiType", "linux");
  const row = internals.locator("#pages > div.row", {
    has: internals.locator(".url", { hasText: url.slice(0, 60) }),
  });
  await row.locator("button[id$='-showOrRefreshTree']").click();
  const tree = row.locator("pre");
  await tree.first().waitFor({ timeout: 30000 });
  return (await tree.allTextContents()).join("\n");
}

/** The first slider of an ATK tree dump: its name and valuetext (`[slider] name='θ' … valuetext:θ = 0.61 current=…`). */
function atkSlider(tree: string): { name: string; valueText: string } | undefined {
  const m = /\[slider\] name='([^']*)'.*? valuetext:(.*?) current=/.exec(tree);
  return m ? { name: m[1], valueText: m[2] } : undefined;
}

/** Reads the first live slider of `page` and its figure through the DOM, CDP and the platform tree. */
async function readSlider(
  page: Page,
  cdp: CDPSession,
  internals: Page,
  lang: string,
): Promise<SliderReading> {
  const dom = await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>(".live-slider input[type=range]")!;
    const id = input.closest<HTMLElement>(".live-slider")!.dataset.liveFor!;
    const plot = document.getElementById(id) as HTMLElement & { liveFigure?: unknown };
    const figure = plot.closest("figure")!;
    const describedBy = (figure.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .map((d) => document.getElementById(d)?.textContent ?? "")
      .join(" ");
    const spec = JSON.parse(
      document.querySelector(`script.live-slider-spec[data-for="${id}"]`)!.textContent!,
    ) as { label: string; min: number; max: number; step: number; digits: number };
    const digits = (input.step.split(".")[1] ?? "").length;
    return {
      value: input.value,
      expected: `${input.labels![0].textContent} = ${Number(input.value).toFixed(digits)}`,
      attribute: input.getAttribute("aria-valuetext"),
      describedBy,
      spec,
      figureId: id,
      // The figure as the slider computed it (before any move: the exported figure).
      computed:
        plot.liveFigure ??
        JSON.parse(document.querySelector(`script.figure-data[data-for="${id}"]`)!.textContent!),
    };
  });
  const { root } = await cdp.send("DOM.getDocument", { depth: 0 });
  const axOf = async (selector: string) => {
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    const { nodes } = await cdp.send("Accessibility.getPartialAXTree", {
      nodeId,
      fetchRelatives: false,
    });
    return nodes[0];
  };
  const input = await axOf(".live-slider input[type=range]");
  const figure = await axOf(`figure:has(#${dom.figureId})`);
  const fig = dom.computed as FigureJson;
  return {
    value: dom.value,
    expected: dom.expected,
    attribute: dom.attribute,
    platform: atkSlider(await platformTree(internals, page.url())),
    cdp: {
      name: String(input.name?.value ?? ""),
      value: input.value?.value,
      valueText: input.properties?.find((p) => p.name === "valuetext")?.value.value,
    },
    figureName: String(figure.name?.value ?? ""),
    description: String(figure.description?.value ?? ""),
    describedBy: dom.describedBy,
    fromTraces: describeFigure(
      { data: fig.data, layout: { ...(fig.layout ?? {}), sliders: undefined } },
      { lang, slider: { ...dom.spec, value: Number(dom.value) } },
    ).description,
  };
}

/**
 * One browser with accessibility on (for the platform tree), shared by the slider pages: full
 * Chromium, since the headless shell the other checks use has no chrome:// pages. Each
 * page gets a context of its own, closed after it; the browser closes after the last page.
 */
let axBrowser: Promise<Browser> | undefined;
const accessibilityBrowser = (): Promise<Browser> =>
  (axBrowser ??= chromium.launch({
    executablePath: FULL_CHROMIUM,
    args: [...FULL_CHROMIUM_ARGS, "--force-renderer-accessibility=complete"],
    timeout: 60000,
  }));
test.after(async () => {
  if (axBrowser) await (await axBrowser).close();
});

for (const { file } of SLIDER_PAGES) {
  test(`${label(file)}: the live slider's value text (Chromium's platform tree) and its figure's accessible description (CDP) name the value before and after an ArrowRight, and the description is generated from the traces drawn`, async () => {
    // The browser with accessibility on for the platform tree; a context of this page's own.
    const ax = await accessibilityBrowser();
    const { page, context, errors } = await openOffline(ax, pathToFileURL(file).href, {
      viewport: { width: 1280, height: 900 },
      timeoutMs: 120000,
    });
    try {
      await plotsLaidOut(page, 1280);
      const slider = page.locator(".live-slider input[type=range]").first();
      await slider.waitFor({ state: "visible", timeout: 60000 });
      const cdp = await context.newCDPSession(page);
      await cdp.send("Accessibility.enable");
      const internals = await context.newPage();
      await internals.goto("chrome://accessibility");
      const lang = await page.evaluate(() => document.documentElement.lang);
      const check = (r: SliderReading, when: string) => {
        assert.is(r.attribute, r.expected, `${when}: aria-valuetext`);
        assert.equal(
          r.platform,
          { name: r.cdp.name, valueText: r.expected },
          `${when}: the slider's name and value text in Chromium's platform tree`,
        );
        assert.ok(
          r.description.includes(r.expected),
          `${when}: the figure's accessible description does not say "${r.expected}": ${r.description}`,
        );
        assert.is(
          r.description,
          r.describedBy,
          `${when}: CDP's description is the aria-describedby text`,
        );
        assert.is(r.description, r.fromTraces, `${when}: the description of the traces drawn`);
        assert.ok(r.figureName.length > 0, `${when}: the figure has a name`);
      };
      const before = await readSlider(page, cdp, internals, lang);
      check(before, "before");
      await page.bringToFront();
      await slider.focus();
      await page.keyboard.press("ArrowRight");
      // Redrawn and described: the value text shown, the figure computed for it, the drawing
      // and the caption (written with the description, after the drawing) agree.
      await page.waitForFunction(
        (old) => {
          const input = document.querySelector<HTMLInputElement>(".live-slider input[type=range]")!;
          const c = input.closest<HTMLElement>(".live-slider")!;
          const plot = document.getElementById(c.dataset.liveFor!) as HTMLElement & {
            liveFigure?: { data: { y?: unknown }[]; layout: { title?: { text?: string } } };
            data?: { y?: unknown }[];
          };
          const caption = plot.closest("figure")?.querySelector(".plot-caption")?.textContent;
          const title = (plot.liveFigure?.layout.title?.text ?? "").replace(/<[^>]*>/g, "");
          return (
            input.value !== old &&
            c.querySelector("output")?.textContent === input.getAttribute("aria-valuetext") &&
            plot.liveFigure !== undefined &&
            JSON.stringify(plot.data?.map((t) => t.y)) ===
              JSON.stringify(plot.liveFigure.data.map((t) => t.y)) &&
            caption === title
          );
        },
        before.value,
        { timeout: 30000 },
      );
      const after = await readSlider(page, cdp, internals, lang);
      assert.ok(Number(after.value) > Number(before.value), "ArrowRight stepped the slider up");
      check(after, "after ArrowRight");
      assert.is.not(after.expected, before.expected);
      console.log(
        `    ${label(file)}: value text ${JSON.stringify(before.platform?.valueText)} -> ${JSON.stringify(after.platform?.valueText)} (platform tree); ` +
          `CDP valuetext ${JSON.stringify(before.cdp.valueText)} -> ${JSON.stringify(after.cdp.valueText)}, value ${JSON.stringify(before.cdp.value)} -> ${JSON.stringify(after.cdp.value)}; ` +
          `description ends ${JSON.stringify(after.description.slice(-60))}`,
      );
      // Back/Forward: Chromium restores the control's value (form state) but the page draws its
      // exported figure, so the slider must start where the figure, caption and description are.
      await page.keyboard.press("End");
      await page.waitForFunction(
        () => {
          const input = document.querySelector<HTMLInputElement>(".live-slider input[type=range]")!;
          return input.value === input.max;
        },
        undefined,
        { timeout: 30000 },
      );
      await page.goto("about:blank");
      await page.goBack({ waitUntil: "load" });
      await plotsLaidOut(page, 1280);
      const back = await page.evaluate(() => {
        const input = document.querySelector<HTMLInputElement>(".live-slider input[type=range]")!;
        const control = input.closest<HTMLElement>(".live-slider")!;
        const desc = (
          document
            .getElementById(control.dataset.liveFor!)
            ?.closest("figure")
            ?.getAttribute("aria-describedby") ?? ""
        )
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? "")
          .join(" ");
        return {
          value: input.value,
          valueText: input.getAttribute("aria-valuetext"),
          output: control.querySelector("output")?.textContent,
          desc,
        };
      });
      assert.is(
        back.value,
        before.value,
        "after End, away and Back: the slider starts at the exported value",
      );
      assert.is(back.valueText, before.expected, "after Back: aria-valuetext");
      assert.is(back.output, before.expected, "after Back: the value shown beside the slider");
      assert.ok(
        back.desc.includes(before.expected),
        `after Back: the figure's description says ${before.expected}: ${back.desc}`,
      );
      assert.equal(errors, [], "console errors");
    } finally {
      await context.close();
    }
  });
}

/** Runs a poppler tool; throws when it cannot run. */
function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 60000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`${cmd} failed: ${r.error ?? r.stderr}`);
  return r.stdout;
}

/** The first line of each worked solution of the notebook beside a page, whitespace removed. */
function solutionStarts(dir: string, name: string): string[] {
  const ipynb = join(dir, `${name}.ipynb`);
  if (!existsSync(ipynb)) return [];
  return (
    parseNotebook(readFileSync(ipynb, "utf8"), ipynb)
      .cells.filter((c) => c.cell_type === "code" && isHidden(c))
      .map(
        (c) =>
          text(c.source)
            .split("\n")
            .find((l) => l.trim()) ?? "",
      )
      // As the PDF's text is compared: NFKC (a full-width "（" of a Chinese comment is "(" there), no spaces.
      .map((l) => squash(l).slice(0, 30))
      .filter(Boolean)
  );
}
const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** Pages (rendered at `dpi`) with ink in the last `mm` of the right edge. */
function inkInRightMargin(pdf: string, mm: number, dpi = 40): number[] {
  const prefix = join(tmp, `m-${Math.random().toString(36).slice(2)}`);
  run("pdftoppm", ["-png", "-r", String(dpi), pdf, prefix]);
  const pages = readdirSync(tmp)
    .filter((f) => f.startsWith(prefix.slice(tmp.length + 1)) && f.endsWith(".png"))
    .sort();
  const bad: number[] = [];
  pages.forEach((f, k) => {
    const png = decodePng(readFileSync(join(tmp, f)));
    const from = png.width - Math.round((mm / 25.4) * dpi);
    let ink = false;
    for (let y = 0; y < png.height && !ink; y++) {
      for (let x = from; x < png.width && !ink; x++) {
        const i = (y * png.width + x) * png.channels;
        for (let c = 0; c < Math.min(3, png.channels); c++) if (png.pixels[i + c] < 235) ink = true;
      }
    }
    if (ink) bad.push(k + 1);
  });
  return bad;
}

// Printing the interactive page: one note per language folder (05, the note with a slider, if there).
const PRINTED = DIRS.map((dir) => NOTES.filter((n) => n.dir === dir))
  .map(
    (ns) =>
      ns.find((n) => n.name.startsWith("05")) ??
      ns.find((n) => solutionStarts(n.dir, n.name).length > 0),
  )
  .filter((n): n is (typeof NOTES)[number] => Boolean(n));
/**
 * Lays the page out as on paper (print media, the A4 line width) and lists every plot label that
 * ends past its plot's box or the page: a plot cut at the edge of its box leaves no ink in the
 * margin, so the PDF's margin check cannot see it. Measured at once, before the page's resize
 * handler (150 ms later) lays the plots out again for the new width, as printing does not.
 */
async function labelsPastTheirBoxOnPaper(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: PRINT_WIDTH_PX, height: 1100 });
  return page.evaluate(() =>
    Array.from(document.querySelectorAll(".output.plot .figure")).flatMap((fig, i) => {
      const box = fig.getBoundingClientRect();
      return Array.from(fig.querySelectorAll("svg.main-svg text"))
        .map((t) => t.getBoundingClientRect())
        .filter((r) => r.width > 0 && (r.right > box.right + 1 || r.right > innerWidth + 1))
        .map(
          (r) =>
            `plot ${i + 1}: a label ends at ${Math.round(r.right)} px, its box at ${Math.round(box.right)} px`,
        );
    }),
  );
}

// A page load of its own at 1280 px, not the one the reader checks above end with; the resize
// before printing has its own test below.
for (const { dir, name, file } of PRINTED) {
  test(`${label(file)}: printed from the browser, worked solutions and folded results are in the PDF and the plots fit the page width`, async () => {
    const { page, context } = await openOffline(browser, pathToFileURL(file).href, {
      viewport: { width: 1280, height: 900 },
      timeoutMs: 90000,
    });
    try {
      await plotsLaidOut(page, 1280);
      // A predict-then-check result is folded on screen: closed, its content not shown; the
      // first words of each (a paragraph or printed output, maths left out) must be on paper.
      const reveals = await page.evaluate(() =>
        Array.from(document.querySelectorAll<HTMLDetailsElement>("details.reveal")).map((d) => {
          const first = d.querySelector(":scope > :not(summary) p, :scope > :not(summary) pre");
          const copy = first?.cloneNode(true) as HTMLElement | undefined;
          // Up to the first formula (KaTeX's glyphs come out of the PDF in another order).
          copy?.querySelectorAll(".katex").forEach((k) => k.replaceWith("\u0000"));
          const content = d.querySelector<HTMLElement>(":scope > :not(summary)");
          return {
            open: d.open,
            shown: content ? content.checkVisibility() : false,
            start: (copy?.textContent ?? "").split("\u0000")[0].replace(/\s+/g, "").slice(0, 20),
          };
        }),
      );
      if (name.startsWith("05"))
        assert.ok(
          reveals.length >= 2,
          `05 folds its predict-then-check results (${reveals.length} found)`,
        );
      assert.equal(
        reveals.filter((r) => r.open || r.shown),
        [],
        "a folded result shows before the reader opens it",
      );
      const pdf = join(tmp, `${name}-${dir.length}.pdf`);
      writeFileSync(
        pdf,
        await page.pdf({ format: "A4", margin: PDF_MARGIN, printBackground: true }),
      );
      const textLayer = squash(run("pdftotext", [pdf, "-"]));
      const starts = solutionStarts(dir, name);
      for (const s of starts)
        assert.ok(
          textLayer.includes(s),
          `the worked solution starting "${s}" is not in the printed text`,
        );
      for (const r of reveals)
        if (r.start)
          assert.ok(
            textLayer.includes(squash(r.start)),
            `the folded result starting "${r.start}" is not in the printed text`,
          );
      assert.ok(
        await page.evaluate(() =>
          Array.from(document.querySelectorAll<HTMLDetailsElement>("details.reveal")).every(
            (d) => !d.open,
          ),
        ),
        "closed again after printing",
      );
      // 12 mm margins: nothing may be drawn in the outer 10 mm of the right edge.
      assert.equal(
        inkInRightMargin(pdf, 10),
        [],
        "pages with ink in the right margin (a plot wider than the paper)",
      );
      // A plot cut at the edge of its box leaves no ink in the margin either: laid out as on
      // paper (print media, the A4 line width), every label of every plot must lie inside its box.
      assert.equal(await labelsPastTheirBoxOnPaper(page), [], "plots cut at the paper's width");
      run("pdftoppm", [
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "1",
        pdf,
        join(SCREENS_DIR, `${name}${file.includes("/zh/") ? "-zh" : ""}-print`),
      ]);
    } finally {
      await context.close();
    }
  });
}

/**
 * Plots whose SVG layers are not drawn for the plot's box: an SVG width 1 px or more off the
 * box's, or a viewBox (which print CSS scales to the paper) not the SVG's own size. A plot folded
 * in a closed <details> has no box on screen and is left out (it is measured on paper).
 */
async function plotsNotDrawnForTheirBox(page: Page): Promise<object[]> {
  const sizes = await page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>(".output.plot .figure")).flatMap((fig, i) =>
      fig.clientWidth === 0
        ? []
        : Array.from(fig.querySelectorAll("svg.main-svg")).map((svg) => ({
            plot: i + 1,
            box: fig.clientWidth,
            width: Number(svg.getAttribute("width")),
            height: Number(svg.getAttribute("height")),
            viewBox: svg.getAttribute("viewBox"),
          })),
    ),
  );
  assert.ok(sizes.length > 0, "the page has drawn plots");
  return sizes.filter(
    (s) => Math.abs(s.width - s.box) > 1 || s.viewBox !== `0 0 ${s.width} ${s.height}`,
  );
}

// Opened on a phone, widened, printed, narrowed again. Each plot drawn at 390 px is drawn again
// for its 880 px box at 1280 px; Plotly.react used to keep the width it had (366 px, and the
// SVG's viewBox with it), so on paper 05's first plot ran past its box ("a label ends at 767
// px, its box at 702 px"); narrowed from 1280 px, its plots stayed 880 px wide on the phone.
for (const { file } of PRINTED) {
  test(`${label(file)}: opened at 390 px, widened to 1280 px and printed, every plot is drawn for its box and no label runs past it; narrowed to 390 px again, every plot fits the phone`, async () => {
    const { page, context } = await openOffline(browser, pathToFileURL(file).href, {
      viewport: { width: 390, height: 844 },
      timeoutMs: 90000,
    });
    try {
      await plotsLaidOut(page, 390);
      await page.setViewportSize({ width: 1280, height: 900 });
      await plotsLaidOut(page, 1280);
      assert.equal(await plotsNotDrawnForTheirBox(page), [], "at 1280 px, after 390 px");
      assert.equal(
        await labelsPastTheirBoxOnPaper(page),
        [],
        "plots cut at the paper's width after 390 -> 1280 px",
      );
      // And back: narrowed again, each plot is drawn for its phone-wide box, the page no wider.
      await page.emulateMedia({ media: "screen" });
      await page.setViewportSize({ width: 390, height: 844 });
      await plotsLaidOut(page, 390);
      assert.equal(await plotsNotDrawnForTheirBox(page), [], "at 390 px, after 1280 px");
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(pageWidth <= 390, `the page scrolls sideways at 390 px: ${pageWidth} px wide`);
    } finally {
      await context.close();
    }
  });
}

for (const dir of DIRS) {
  const pdfs = readdirSync(dir).filter((f) => f.endsWith(".pdf"));
  if (!pdfs.length) continue;
  test(`${label(dir)}: every exported PDF prints every worked solution`, () => {
    for (const f of pdfs) {
      const starts = solutionStarts(dir, f.slice(0, -4));
      if (!starts.length) continue;
      const textLayer = squash(run("pdftotext", [join(dir, f), "-"]));
      for (const s of starts)
        assert.ok(
          textLayer.includes(s),
          `${f}: the worked solution starting "${s}" is not in the PDF`,
        );
    }
  });
}

test.run();
