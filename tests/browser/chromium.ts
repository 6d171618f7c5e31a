// Launches Debian's Chromium through playwright-core, with the network closed: every request
// that is not the file:// page itself is aborted and recorded.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { existsSync } from "fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface OfflinePage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type "error" and uncaught page errors. */
  errors: string[];
  /** Every request that tried to leave the machine (all were aborted). */
  network: string[];
}

/** Opens `url` in a fresh context where only file:// and data: URLs load. */
export async function openOffline(browser: Browser, url: string, viewport = { width: 1100, height: 900 }): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport, offline: true });
  const errors: string[] = [];
  const network: string[] = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith("file:") || u.startsWith("data:")) return route.continue();
    network.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });
  return { page, context, errors, network };
}

/** Waits until every `.mlekit-plot` holds plotly's SVG; returns [plots, drawn]. */
export async function waitForPlots(page: Page, timeoutMs = 20000): Promise<[number, number]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await page.evaluate(() => {
      const plots = Array.from(document.querySelectorAll(".mlekit-plot"));
      return [plots.length, plots.filter((p) => p.querySelector("svg.main-svg")).length] as [number, number];
    });
    if (counts[0] === counts[1] || Date.now() > deadline) return counts;
    await page.waitForTimeout(100);
  }
}
