// @ts-nocheck
// One headless Debian Chromium (playwright-core) for the whole export run. For each note it
// opens the offline HTML once, with every request that would leave the machine aborted, waits
// for plotly.js to draw every plot, renders each plot to SVG and PNG with `Plotly.toImage`,
// then prints the page to an A4 PDF.
"use strict";
const FORMAT = require("notebook-kit/dist/format");
const fs = require("fs");
const { pathToFileURL } = require("url");
const setup = require("../setup");

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A4 with these margins leaves 186 mm = 703 CSS px of line width; the page is laid out at it. */
const PDF_MARGIN = { top: "14mm", bottom: "16mm", left: "12mm", right: "12mm" };
const PRINT_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);
/** Static plot images: this wide (CSS px) unless the figure sets its own width. */
const IMAGE_WIDTH = 860;
/** PNGs are rendered at this device-pixel ratio (sharp on high-density screens). */
const PNG_SCALE = 1.5;

let launching;

/** Launches Chromium once (installing Debian's package where missing); later calls reuse it. */
function browser() {
  if (!launching) {
    launching = (async () => {
      if (!process.env.CHROMIUM_PATH) setup.ensureCommands([["chromium", "chromium"]]);
      // The notes' glossary is bilingual: without a CJK font the PDF and the plot images show
      // empty boxes for 中文. WenQuanYi Micro Hei is small (about 5 MB) and in Debian main.
      setup.ensureDebianPackages(["fonts-wqy-microhei"]);
      if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
      const { chromium } = require("playwright-core");
      return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60000 });
    })();
    launching.catch(() => {});
  }
  return launching;
}

/** Closes the shared Chromium if it was launched. */
async function closeBrowser() {
  if (!launching) return;
  const p = launching;
  launching = undefined;
  try {
    await (await p).close();
  } catch {
    /* it never started, or is gone already */
  }
}

/** A footer on every PDF page: the note's title and the page number. */
function pdfFooter(title) {
  const esc = String(title).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  return (
    `<div style="font:8px system-ui,sans-serif;color:#7b8794;width:100%;padding:0 12mm;display:flex;justify-content:space-between">` +
    `<span>${esc}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
  );
}

/**
 * Opens `htmlPath` offline and renders what the static formats need.
 * @param htmlPath the exported offline HTML
 * @param opts.pdfPath where to print the PDF (skipped when absent)
 * @param opts.title the title in the PDF footer
 * @param opts.timeoutMs bound for loading the page and drawing the plots
 * @returns `{ images: Map key -> { svg, png, width, height }, plots, drawn, blocked, errors, pdfBytes }`
 */
async function renderPage(htmlPath, { pdfPath, title = "", timeoutMs = 60000 } = {}) {
  const b = await browser();
  const context = await b.newContext({ viewport: { width: PRINT_WIDTH_PX, height: 1100 }, offline: true });
  const blocked = [];
  const errors = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:") || u.startsWith("data:") || u.startsWith("blob:")) return route.continue();
    blocked.push(u);
    return route.abort();
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load", timeout: timeoutMs });
    const [plots, drawn] = await waitForPlots(page, timeoutMs);

    const rendered = await page.evaluate(
      async ({ width, scale, sel }) => {
        const out = [];
        for (const wrap of document.querySelectorAll(`[data-output] ${sel}`)) {
          const key = wrap.closest("[data-output]").getAttribute("data-output");
          const gd = wrap;
          if (!gd._fullLayout || !window.Plotly) continue;
          const w = (gd.layout && typeof gd.layout.width === "number" && gd.layout.width) || width;
          const h = (gd.layout && typeof gd.layout.height === "number" && gd.layout.height) || gd._fullLayout.height || 450;
          const svg = await window.Plotly.toImage(gd, { format: "svg", width: w, height: h });
          const png = await window.Plotly.toImage(gd, { format: "png", width: w, height: h, scale });
          out.push({ key, width: w, height: h, svg, png });
        }
        return out;
      },
      { width: IMAGE_WIDTH, scale: PNG_SCALE, sel: FORMAT.PLOT_SELECTOR },
    );
    const images = new Map();
    for (const r of rendered) {
      images.set(r.key, {
        width: r.width,
        height: r.height,
        svg: decodeSvgDataUrl(r.svg),
        png: r.png.slice(r.png.indexOf(",") + 1),
      });
    }

    let pdfBytes = 0;
    if (pdfPath) {
      await page.emulateMedia({ media: "print" });
      // Solutions print open; plots re-measure themselves for the printed line width.
      await page.evaluate(async (sel) => {
        for (const d of document.querySelectorAll("details.solution")) d.open = true;
        // Code longer than a third of a page may break across pages; shorter code stays whole.
        for (const s of document.querySelectorAll(".cell.code .source")) if (s.offsetHeight > 330) s.classList.add("tall");
        const gds = Array.from(document.querySelectorAll(sel)).filter((g) => g._fullLayout);
        if (window.Plotly) await Promise.all(gds.map((g) => window.Plotly.Plots.resize(g)));
      }, FORMAT.PLOT_SELECTOR);
      const pdf = await page.pdf({
        format: "A4",
        margin: PDF_MARGIN,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: pdfFooter(title),
        timeout: timeoutMs,
      });
      const tmp = `${pdfPath}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, pdf);
      fs.renameSync(tmp, pdfPath);
      pdfBytes = pdf.length;
    }
    return { images, plots, drawn, blocked, errors, pdfBytes };
  } finally {
    await context.close().catch(() => {});
  }
}

/** `data:image/svg+xml,…` (URI-encoded or base64) -> the SVG text. */
function decodeSvgDataUrl(url) {
  const comma = url.indexOf(",");
  const head = url.slice(0, comma);
  const body = url.slice(comma + 1);
  return head.endsWith(";base64") ? Buffer.from(body, "base64").toString("utf8") : decodeURIComponent(body);
}

/** Waits (bounded) until every kit plot `<div>` holds plotly's SVG; returns [plots, drawn]. */
async function waitForPlots(page, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await page.evaluate((sel) => {
      const plots = Array.from(document.querySelectorAll(sel));
      return [plots.length, plots.filter((p) => p.querySelector("svg.main-svg")).length];
    }, FORMAT.PLOT_SELECTOR);
    if (counts[0] === counts[1] || Date.now() > deadline) return counts;
    await page.waitForTimeout(100);
  }
}

module.exports = { browser, closeBrowser, renderPage, waitForPlots, decodeSvgDataUrl, CHROMIUM, CHROMIUM_ARGS, PRINT_WIDTH_PX, PDF_MARGIN };
