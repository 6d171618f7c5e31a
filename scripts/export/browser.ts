// One headless Debian Chromium (playwright-core) for a whole export run. It does two jobs:
//  - rasterisePlots: renders each plotly figure (the standard application/vnd.plotly.v1+json
//    type) once to image/svg+xml and image/png, in one page that holds plotly.js;
//  - printPdf: prints a page of HTML to an A4 PDF.
// Every request that would leave the machine is aborted and reported.
import * as fs from "fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import * as setup from "../setup";
import { escapeHtml } from "./notebook";
import type { PlotlyFigure } from "../nbformat";

/**
 * The browser of the exports and of the browser tests: Debian's chromium-headless-shell, the
 * same Chromium build (Blink, V8, Skia, the PDF printer) as the `chromium` package without the
 * desktop browser around it. It spends less CPU on the same pages than full Chromium in
 * --headless=new: measured here (CPU-seconds of the browser's processes, same exports, a loaded
 * 2-core machine) readers.test.ts's page checks 351 -> 279, live-notes.test.ts 282 -> 221, the
 * export of three notes in both languages 47 -> 32; the PDFs have the same page count (in 05
 * one page break moved by two lines of code).
 * CHROMIUM_PATH overrides it (e.g. /usr/bin/chromium: Playwright then starts it headless).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium-headless-shell";
/** The Debian packages that hold {@link CHROMIUM} and {@link FULL_CHROMIUM}. */
export const CHROMIUM_PACKAGES = [
  ["chromium-headless-shell", "chromium-headless-shell"],
  ["chromium", "chromium"],
] as const;
/**
 * Full Chromium (in --headless=new), for what the headless shell does not have: the chrome://
 * pages (readers.test.ts reads the platform accessibility tree from chrome://accessibility).
 */
export const FULL_CHROMIUM = process.env.FULL_CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
export const FULL_CHROMIUM_ARGS = ["--headless=new", ...CHROMIUM_ARGS];

/** A4 with these margins leaves 186 mm = 703 CSS px of line width; the page is laid out at it. */
export const PDF_MARGIN = { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" };
export const PRINT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);
/** Plot images are this wide (CSS px) unless the figure sets its own width; 450 px high likewise. */
export const IMAGE_WIDTH = 860;
export const IMAGE_HEIGHT = 450;
/** PNGs are rendered at this device-pixel ratio (sharp on high-density screens). */
export const PNG_SCALE = 1.5;

let launching: Promise<Browser> | undefined;
let rasterPage: Promise<Page> | undefined;

/** Launches Chromium once (installing Debian's package where missing); later calls reuse it. */
export function browser(): Promise<Browser> {
  if (!launching) {
    launching = (async () => {
      if (!process.env.CHROMIUM_PATH) setup.ensureCommands([CHROMIUM_PACKAGES[0]]);
      // The notes' glossary is bilingual: without a CJK font the PDF and the plot images show
      // empty boxes for 中文. WenQuanYi Micro Hei is small (about 5 MB) and in Debian main.
      setup.ensureDebianPackages(["fonts-wqy-microhei"]);
      if (!fs.existsSync(CHROMIUM))
        throw new Error(
          `Chromium not found at ${CHROMIUM} (apt-get install ${CHROMIUM_PACKAGES[0][1]})`,
        );
      return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60000 });
    })();
    launching.catch(() => undefined);
  }
  return launching;
}

/** How many builds hold the shared Chromium (see {@link holdBrowser}). */
let holders = 0;

/**
 * Marks the shared Chromium as in use by one more build (builds may run at the same time, as
 * in npm test): {@link closeBrowser} then closes it only when the last holder lets go.
 */
export function holdBrowser(): void {
  holders++;
}

/** Closes the shared Chromium if it was launched and no other build still holds it. */
export async function closeBrowser(): Promise<void> {
  if (holders > 0 && --holders > 0) return;
  const p = launching;
  launching = undefined;
  rasterPage = undefined;
  if (!p) return;
  try {
    await (await p).close();
  } catch {
    /* it never started, or is gone already */
  }
}

/** A browser context with the network closed: what tried to leave is pushed to `blocked`. */
async function offlineContext(
  b: Browser,
  blocked: string[],
  errors: string[],
): Promise<BrowserContext> {
  const context = await b.newContext({
    viewport: { width: PRINT_WIDTH_PX, height: 1100 },
    offline: true,
  });
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (
      u.startsWith("file:") ||
      u.startsWith("data:") ||
      u.startsWith("blob:") ||
      u === "about:blank"
    )
      return route.continue();
    blocked.push(u);
    return route.abort();
  });
  context.on("page", (page) => {
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
  });
  return context;
}

/** The one page, kept for the whole run, in which plotly.js renders figures to images. */
function plotlyPage(plotlyJs: string): Promise<Page> {
  if (!rasterPage) {
    rasterPage = (async () => {
      const context = await offlineContext(await browser(), [], []);
      const page = await context.newPage();
      await page.setContent(
        "<!DOCTYPE html><html><head><meta charset=utf-8></head><body></body></html>",
      );
      await page.addScriptTag({ content: plotlyJs });
      return page;
    })();
    rasterPage.catch(() => undefined);
  }
  return rasterPage;
}

/** Static images of one figure. `svg` is the SVG document; `png` is base64 (as nbformat stores it). */
export interface PlotImages {
  svg: string;
  png: string;
  width: number;
  height: number;
}

/** `data:image/svg+xml,…` (URI-encoded or base64) -> the SVG text. */
export function decodeSvgDataUrl(url: string): string {
  const comma = url.indexOf(",");
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return head.endsWith(";base64")
    ? Buffer.from(body, "base64").toString("utf8")
    : decodeURIComponent(body);
}

/**
 * Renders figures to SVG and PNG with plotly.js's own `toImage`, in order; a figure that fails
 * gives an Error in its place (the others still render).
 * @param figures plotly figures as the plotly MIME type carries them
 * @param plotlyJs the plotly.js source to render with
 */
export async function renderFigures(
  figures: readonly PlotlyFigure[],
  plotlyJs: string,
): Promise<(PlotImages | Error)[]> {
  const page = await plotlyPage(plotlyJs);
  const out: (PlotImages | Error)[] = [];
  for (const fig of figures) {
    const width = typeof fig.layout?.width === "number" ? fig.layout.width : IMAGE_WIDTH;
    const height = typeof fig.layout?.height === "number" ? fig.layout.height : IMAGE_HEIGHT;
    try {
      const [svg, png] = await page.evaluate(
        async ({ fig, width, height, scale }) => {
          const P = (
            window as unknown as { Plotly: { toImage(f: unknown, o: unknown): Promise<string> } }
          ).Plotly;
          const spec = {
            data: fig.data,
            layout: fig.layout ?? {},
            config: { ...(fig.config ?? {}), staticPlot: true },
          };
          return [
            await P.toImage(spec, { format: "svg", width, height }),
            await P.toImage(spec, { format: "png", width, height, scale }),
          ];
        },
        { fig, width, height, scale: PNG_SCALE },
      );
      out.push({ svg: decodeSvgDataUrl(svg), png: png.slice(png.indexOf(",") + 1), width, height });
    } catch (err) {
      out.push(new Error(String((err as Error).message ?? err).split("\n")[0]));
    }
  }
  return out;
}

/** A footer on every PDF page: the note's title and the page number. */
function pdfFooter(title: string): string {
  return (
    `<div style="font:8px system-ui,sans-serif;color:#7b8794;width:100%;padding:0 12mm;display:flex;justify-content:space-between">` +
    `<span>${escapeHtml(title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

/** What printing a page found besides the PDF. */
export interface PrintReport {
  bytes: number;
  blocked: string[];
  errors: string[];
}

/**
 * Prints a self-contained HTML page (no plotly.js needed: plots are images) to an A4 PDF,
 * with solutions open and a footer of the title and page numbers. Writes through a
 * temporary file, so a reader never sees half a PDF.
 */
export async function printPdf(
  html: string,
  pdfPath: string,
  { title = "", timeoutMs = 60000 } = {},
): Promise<PrintReport> {
  const blocked: string[] = [];
  const errors: string[] = [];
  const context = await offlineContext(await browser(), blocked, errors);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    await page.setContent(html, { waitUntil: "load", timeout: timeoutMs });
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => {
      for (const d of Array.from(document.querySelectorAll("details"))) d.open = true;
      // Code longer than a third of a page may break across pages; shorter code stays whole.
      for (const s of Array.from(document.querySelectorAll<HTMLElement>(".cell.code .source")))
        if (s.offsetHeight > 330) s.classList.add("tall");
    });
    const pdf = await page.pdf({
      format: "A4",
      margin: PDF_MARGIN,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: pdfFooter(title),
    });
    const tmp = `${pdfPath}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, pdf);
    fs.renameSync(tmp, pdfPath);
    return { bytes: pdf.length, blocked, errors };
  } finally {
    await context.close().catch(() => undefined);
  }
}
