// Launches Debian's Chromium (the headless shell, as the export does) through playwright-core
// with the same flags as the export, and
// opens pages with the network closed: every request outside the allowed origins is aborted
// and recorded. Also lists the export folders the browser tests look at.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { existsSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { delimiter, join, resolve } from "path";
import * as FORMAT from "../../notebooks/kit/src/format";

import {
  CHROMIUM,
  CHROMIUM_ARGS,
  FULL_CHROMIUM,
  FULL_CHROMIUM_ARGS,
} from "../../scripts/export/browser";

export { CHROMIUM, CHROMIUM_ARGS, FULL_CHROMIUM, FULL_CHROMIUM_ARGS };
export const ROOT = resolve(__dirname, "..", "..");

/**
 * The export folders to check: MLEKIT_EXPORT_DIRS (path-delimited; `npm test` sets it to the
 * temporary folders it just exported into, so no stale file in exports/ is ever read), else
 * exports/ and tests/.out/export (what `npm start` wrote), for a manual run.
 */
export const EXPORT_DIRS = (
  process.env.MLEKIT_EXPORT_DIRS
    ? process.env.MLEKIT_EXPORT_DIRS.split(delimiter).filter(Boolean)
    : [join(ROOT, "exports"), join(ROOT, "tests", ".out", "export")]
).filter((d) => existsSync(d));

/** Folders MLEKIT_EXPORT_DIRS names that do not exist: each test file that reads the exports fails on them. */
export const MISSING_EXPORT_DIRS = (process.env.MLEKIT_EXPORT_DIRS ?? "")
  .split(delimiter)
  .filter(Boolean)
  .filter((d) => !existsSync(d));

/** Where browser tests put screenshots: MLEKIT_SCREENS, else a folder in the OS temp folder. */
export const SCREENS_DIR = process.env.MLEKIT_SCREENS || join(tmpdir(), "mlekit-screens");

/** Every exported note (`<dir>/<name>.<ext>` files) with `ext`, index.html excluded. */
export function exportedFiles(ext: string): { dir: string; name: string; file: string }[] {
  return EXPORT_DIRS.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(`.${ext}`) && f !== "index.html")
      .sort()
      .map((f) => ({ dir, name: f.slice(0, -ext.length - 1), file: join(dir, f) })),
  );
}

/** A short label for a file in test titles: `exports/00-start-here.html`. */
export const label = (file: string): string => file.slice(ROOT.length + 1);

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium-headless-shell)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60000 });
}

export interface OfflinePage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type "error" and uncaught page errors. */
  errors: string[];
  /** Every request that tried to leave the machine (all were aborted). */
  network: string[];
}

/**
 * Opens `url` in a fresh context where only file:, data: and blob: URLs (and `allow`ed
 * origins, e.g. a local Jupyter server) load; everything else is aborted and recorded. `init`
 * runs in every page before its own scripts.
 */
export async function openOffline(
  browser: Browser,
  url: string,
  {
    viewport = { width: 1100, height: 900 },
    allow = [] as string[],
    timeoutMs = 60000,
    init = undefined as (() => void) | undefined,
  } = {},
): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport, offline: allow.length === 0 });
  if (init) await context.addInitScript(init);
  context.setDefaultTimeout(timeoutMs);
  const errors: string[] = [];
  const network: string[] = [];
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (
      u.startsWith("file:") ||
      u.startsWith("data:") ||
      u.startsWith("blob:") ||
      allow.some((o) => u.startsWith(o))
    ) {
      return route.continue();
    }
    network.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: "load", timeout: timeoutMs });
  return { page, context, errors, network };
}

/**
 * Waits (bounded) until there are at least `atLeast` plot elements (`plotSelector`: the kit's
 * plot `<div>` in a Jupyter front end by default; an export page passes the exporter's) under
 * `root` and every one holds plotly's SVG; returns [plots, drawn].
 */
export async function waitForPlots(
  page: Page,
  timeoutMs = 30000,
  root = "body",
  plotSelector = FORMAT.PLOT_SELECTOR,
  atLeast = 0,
): Promise<[number, number]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await page.evaluate(
      ([sel, plotSel]) => {
        const plots = Array.from(document.querySelectorAll(`${sel} ${plotSel}`));
        return [plots.length, plots.filter((p) => p.querySelector("svg.main-svg")).length] as [
          number,
          number,
        ];
      },
      [root, plotSelector] as const,
    );
    if ((counts[0] >= atLeast && counts[0] === counts[1]) || Date.now() > deadline) return counts;
    await page.waitForTimeout(150);
  }
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes; returns the last value. */
export async function until<T>(
  check: () => Promise<T>,
  timeoutMs: number,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
