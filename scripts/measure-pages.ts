#!/usr/bin/env node
// `npm run measure:pages`: what a reader's browser meets on the exported pages, measured in
// the project's Chromium with the network closed. Prints tables, writes nothing.
//
//   axe        axe-core (from node_modules) on every exported page of DIR and DIR/zh and both
//              indexes, after the plots are drawn: violations per page by impact, with the
//              rules and how many elements each one hit.
//   paint      first paint, first contentful paint, the first plot drawn, every plot drawn,
//              and the longest main-thread task (PerformanceObserver "longtask") of one page,
//              unthrottled and with the CPU throttled 4x (CDP Emulation.setCPUThrottlingRate),
//              RUNS times each, the two settings interleaved; medians with min-max.
//   sizes      the page's bytes and the plotly.js bundles on disk.
//
// Usage: npm run measure:pages -- [--dir exports] [--vs OTHER_DIR] [--axe] [--paint 05] [--runs 5] [--json]
//        (no part named: all three). `--vs` measures the same page of a second export folder
//        (say, an export from before a change) in the same loop, interleaved, so both see the
//        same machine. The machine is shared: read the spread, not one number.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./export/browser";

const argv = process.argv.slice(2);
const opt = (name: string, dflt?: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[i + 1] : dflt;
};
const has = (name: string) => argv.includes(`--${name}`);
const DIR = path.resolve(opt("dir", "exports")!);
const VS = opt("vs") ? path.resolve(opt("vs")!) : undefined;
const RUNS = Number(opt("runs", "5"));
const ALL = !has("axe") && !has("paint") && !has("sizes");

/** A context where only file:, data: and blob: load. */
async function offline(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, offline: true });
  await context.route("**/*", (route) => {
    const u = route.request().url();
    return /^(file|data|blob):/.test(u) || u === "about:blank" ? route.continue() : route.abort();
  });
  return context;
}

/** Waits (at most `ms`) until every plot container on the page holds plotly's SVG. */
async function plotsDrawn(page: Page, ms = 60000): Promise<[number, number]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const c = await page.evaluate(() => {
      const plots = Array.from(document.querySelectorAll(".output.plot .figure"));
      return [plots.length, plots.filter((p) => p.querySelector("svg.main-svg")).length] as [
        number,
        number,
      ];
    });
    if (c[0] === c[1] || Date.now() > deadline) return c;
    await page.waitForTimeout(100);
  }
}

/** The pages to audit: notes of DIR and DIR/zh, then the indexes. */
function pagesOf(dir: string): string[] {
  const out: string[] = [];
  for (const d of [dir, path.join(dir, "zh")]) {
    if (!fs.existsSync(d)) continue;
    const files = fs
      .readdirSync(d)
      .filter((f) => f.endsWith(".html"))
      .sort();
    out.push(...files.filter((f) => f !== "index.html").map((f) => path.join(d, f)));
    if (files.includes("index.html")) out.push(path.join(d, "index.html"));
  }
  return out;
}

interface AxeResult {
  page: string;
  counts: Record<string, number>;
  rules: { id: string; impact: string; nodes: number }[];
}

async function axe(browser: Browser): Promise<AxeResult[]> {
  const source = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const results: AxeResult[] = [];
  for (const file of pagesOf(DIR)) {
    const context = await offline(browser);
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 120000 });
    await plotsDrawn(page);
    await page.addScriptTag({ content: source });
    const r = await page.evaluate(async () => {
      const w = window as unknown as {
        axe: {
          run(
            ctx: unknown,
            o: unknown,
          ): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
        };
      };
      const res = await w.axe.run(document, { resultTypes: ["violations"], preload: false });
      return res.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    });
    const counts: Record<string, number> = { critical: 0, serious: 0, moderate: 0, minor: 0 };
    for (const v of r) counts[v.impact] = (counts[v.impact] ?? 0) + v.nodes;
    results.push({ page: path.relative(DIR, file), counts, rules: r });
    await context.close();
  }
  return results;
}

interface PaintRun {
  /** The page's own measures (page/figures.ts): loading plotly.js, drawing each figure (ms). */
  measures?: Record<string, number>;
  firstPaint: number;
  firstContentfulPaint: number;
  firstPlot: number;
  allPlots: number;
  longestTask: number;
  longTasks: number;
}

/** One load of `file`, CPU slowed `rate` times. Times in ms from navigation start. */
async function paintOnce(browser: Browser, file: string, rate: number): Promise<PaintRun> {
  const context = await offline(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await page.addInitScript(() => {
    const w = window as unknown as {
      __m: { tasks: number[]; firstPlot: number; allPlots: number };
    };
    w.__m = { tasks: [], firstPlot: 0, allPlots: 0 };
    new PerformanceObserver((l) =>
      l.getEntries().forEach((e) => w.__m.tasks.push(e.duration)),
    ).observe({ type: "longtask", buffered: true });
    const check = () => {
      const plots = Array.from(document.querySelectorAll(".output.plot .figure"));
      const drawn = plots.filter((p) => p.querySelector("svg.main-svg")).length;
      if (drawn > 0 && !w.__m.firstPlot) w.__m.firstPlot = performance.now();
      if (plots.length > 0 && drawn === plots.length && !w.__m.allPlots)
        w.__m.allPlots = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load", timeout: 300000 });
  const deadline = Date.now() + 300000;
  while (
    !(await page.evaluate(
      () => (window as unknown as { __m: { allPlots: number } }).__m.allPlots,
    )) &&
    Date.now() < deadline
  )
    await page.waitForTimeout(100);
  await page.waitForTimeout(300); // let a trailing long task be reported
  const r = await page.evaluate(() => {
    const w = window as unknown as {
      __m: { tasks: number[]; firstPlot: number; allPlots: number };
    };
    const paint = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    return {
      firstPaint: paint("first-paint"),
      firstContentfulPaint: paint("first-contentful-paint"),
      firstPlot: w.__m.firstPlot,
      allPlots: w.__m.allPlots,
      longestTask: Math.max(0, ...w.__m.tasks),
      longTasks: w.__m.tasks.length,
      measures: Object.fromEntries(
        performance
          .getEntriesByType("measure")
          .filter((m) => m.name.startsWith("mlekit:"))
          .map((m) => [m.name.slice(7), m.duration]),
      ),
    };
  });
  await context.close();
  return r;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs: number[]) =>
  `${(median(xs) / 1000).toFixed(2)} s (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})`;

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const json: Record<string, unknown> = { dir: DIR };
  try {
    if (ALL || has("sizes")) {
      const bundles = [
        "plotly.js-dist-min/plotly.min.js",
        "plotly.js-cartesian-dist-min/plotly-cartesian.min.js",
        "plotly.js-basic-dist-min/plotly-basic.min.js",
      ];
      console.log("\n== sizes");
      for (const b of bundles) {
        let f: string | undefined;
        try {
          f = require.resolve(b);
        } catch {
          /* not installed */
        }
        console.log(
          `${b.padEnd(56)} ${f ? `${(fs.statSync(f).size / 1e6).toFixed(2)} MB` : "not installed"}`,
        );
      }
      for (const p of pagesOf(DIR))
        console.log(
          `${path.relative(DIR, p).padEnd(56)} ${(fs.statSync(p).size / 1e6).toFixed(2)} MB`,
        );
      const assets = path.join(DIR, "assets");
      if (fs.existsSync(assets))
        for (const f of fs.readdirSync(assets))
          if (f.endsWith(".js"))
            console.log(
              `assets/${f}`.padEnd(56),
              `${(fs.statSync(path.join(assets, f)).size / 1e6).toFixed(2)} MB`,
            );
    }
    if (ALL || has("axe")) {
      const r = await axe(browser);
      json.axe = r;
      console.log(
        `\n== axe-core ${(require("axe-core/package.json") as { version: string }).version}: violations (elements) per page`,
      );
      console.log(`${"page".padEnd(56)} crit  ser  mod  min  rules`);
      for (const p of r) {
        const c = p.counts;
        console.log(
          `${p.page.padEnd(56)} ${String(c.critical).padStart(4)} ${String(c.serious).padStart(4)} ${String(c.moderate).padStart(4)} ${String(c.minor).padStart(4)}  ` +
            p.rules.map((v) => `${v.id}(${v.impact[0]})×${v.nodes}`).join(" "),
        );
      }
    }
    if (ALL || has("paint")) {
      const which = opt("paint", "05")!;
      const dirs = [DIR, ...(VS ? [VS] : [])];
      const files = dirs.map((d) => {
        const f = pagesOf(d).find(
          (p) => path.basename(p).startsWith(which) && path.dirname(p) === d,
        );
        if (!f) throw new Error(`no page ${which}* in ${d}`);
        return f;
      });
      const runs: Record<string, PaintRun[]>[] = files.map(() => ({ "1x": [], "4x": [] }));
      for (const f of files) await paintOnce(browser, f, 1); // warm the file cache alike for all
      for (let i = 0; i < RUNS; i++) {
        for (const [k, f] of files.entries()) {
          runs[k]["1x"].push(await paintOnce(browser, f, 1));
          runs[k]["4x"].push(await paintOnce(browser, f, 4));
        }
      }
      json.paint = files.map((f, k) => ({ page: f, runs: runs[k] }));
      for (const [k, f] of files.entries()) {
        console.log(
          `\n== ${f} (${(fs.statSync(f).size / 1e6).toFixed(2)} MB), ${RUNS} loads each, median (min–max)`,
        );
        for (const [rate, rs] of Object.entries(runs[k])) {
          console.log(
            `CPU ${rate}: first paint ${fmt(rs.map((r) => r.firstPaint))}, first contentful paint ${fmt(rs.map((r) => r.firstContentfulPaint))}`,
          );
          console.log(
            `        first plot ${fmt(rs.map((r) => r.firstPlot))}, every plot ${fmt(rs.map((r) => r.allPlots))}`,
          );
          console.log(
            `        longest task ${fmt(rs.map((r) => r.longestTask))}, long tasks ${median(rs.map((r) => r.longTasks))}`,
          );
          const names = [...new Set(rs.flatMap((r) => Object.keys(r.measures ?? {})))];
          if (names.length)
            console.log(
              `        page measures (median ms): ${names.map((n) => `${n} ${median(rs.map((r) => r.measures?.[n] ?? NaN)).toFixed(0)}`).join(", ")}`,
            );
        }
      }
    }
    if (has("json")) console.log(JSON.stringify(json));
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
