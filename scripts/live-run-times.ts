#!/usr/bin/env node
// `npm run live:times`: how long each note takes to run in its page ("Run in browser"), in
// both languages, measured in the project's Chromium with the network closed. Each page of a
// static site is opened from disk as `<page>#run-all`, one at a time, and its run's wall time
// is read from `<html data-run-ms>` (set by the live runtime when the run ends: every cell, in
// the page's worker, from the first cell's start to the last output). Prints a Markdown table
// (median, min-max over the runs), the machine's cores and load average before and after, and
// writes nothing.
//
//   npm run live:times -- [--site DIR] [--runs 3]
//     --site DIR   a folder written by `npm run site` (default site/)
//     --runs N     runs per page (default 3); the pages are visited round-robin, so a burst of
//                  load from other work falls on every page alike
//
// Timings on a shared machine move with its load: read the spread and the load line.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "./export/browser";

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
};
const SITE = path.resolve(opt("site", "site"));
const RUNS = Math.max(1, Number(opt("runs", "3")));
const TIMEOUT = 180_000;

interface Page {
  lang: string;
  name: string;
  file: string;
}

function pages(): Page[] {
  return (
    [
      ["en", SITE],
      ["zh", path.join(SITE, "zh")],
    ] as const
  ).flatMap(([lang, dir]) =>
    fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((f) => f.endsWith(".html") && f !== "index.html")
          .sort()
          .map((f) => ({ lang, name: f.slice(0, -5), file: path.join(dir, f) }))
      : [],
  );
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");

async function main(): Promise<void> {
  const list = pages();
  if (!list.length) throw new Error(`no note page in ${SITE} (write one with npm run site)`);
  const before = load();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const version = browser.version();
  const ms = new Map<string, number[]>();
  const cells = new Map<string, number>();
  try {
    for (let r = 0; r < RUNS; r++) {
      for (const p of list) {
        const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
        await context.route("**/*", (route) =>
          /^(file|data|blob):/.test(route.request().url()) ? route.continue() : route.abort(),
        );
        const page = await context.newPage();
        try {
          await page.goto(`file://${p.file}#run-all`, { timeout: TIMEOUT });
          await page.waitForFunction(
            () => ["done", "error"].includes(document.documentElement.dataset.runState ?? ""),
            null,
            { timeout: TIMEOUT },
          );
          const got = await page.evaluate(() => ({
            state: document.documentElement.dataset.runState,
            errors: document.documentElement.dataset.runErrors,
            ms: Number(document.documentElement.dataset.runMs),
            cells: document.querySelectorAll(".cell.code[data-cell]").length,
          }));
          if (got.state !== "done" || got.errors !== "0")
            throw new Error(
              `${p.lang}/${p.name}: run ended ${got.state} with ${got.errors} errors`,
            );
          const k = `${p.lang}/${p.name}`;
          ms.set(k, [...(ms.get(k) ?? []), got.ms]);
          cells.set(k, got.cells);
          process.stderr.write(`  run ${r + 1}/${RUNS} ${k}: ${got.ms} ms\n`);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  const after = load();
  console.log(
    `| note | lang | code cells | run in the page, median (ms) | min–max (ms) |\n| --- | --- | ---: | ---: | ---: |`,
  );
  for (const p of list) {
    const k = `${p.lang}/${p.name}`;
    const xs = ms.get(k) ?? [];
    console.log(
      `| ${p.name} | ${p.lang} | ${cells.get(k)} | ${median(xs).toFixed(0)} | ${Math.min(...xs)}–${Math.max(...xs)} |`,
    );
  }
  console.log(
    `\n${RUNS} run(s) a page, one page at a time, Chromium ${version} headless; ` +
      `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}); ` +
      `load average (1, 5, 15 min) ${before} before, ${after} after.`,
  );
}

main().catch((e: unknown) => {
  console.error(`[live:times] ${(e as Error).message}`);
  process.exit(1);
});
