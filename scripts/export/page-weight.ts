#!/usr/bin/env node
// The weight of a static site (`npm run site`): each note page's own bytes, in both languages,
// against the budget of issue 19 (at most PAGE_BUDGET bytes a page), and the shared assets.
//   npm run site:weights -- SITE_DIR               a table of the pages and the shared assets
//   npm run site:weights -- SITE_DIR --vs OLD_DIR  the same pages of another site beside them
// A page's own bytes are its HTML file; everything it links from assets/ is shared by all pages
// (and cached by the browser after the first).
import * as fs from "fs";
import * as path from "path";
import { ASSETS_DIR } from "./assets";

/** A note page's own bytes may be at most this (150 kB, decimal). */
export const PAGE_BUDGET = 150_000;

export interface PageWeight {
  lang: string;
  name: string;
  bytes: number;
}

export interface SiteWeight {
  pages: PageWeight[];
  /** Every file under the shared assets folder, by its path there. */
  assets: { file: string; bytes: number }[];
}

const LANG_DIRS: [string, string][] = [
  ["en", ""],
  ["zh", "zh"],
];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
    );
}

/**
 * The note pages (every `<name>.html` but the index, in the site folder and its zh/ folder)
 * and shared assets of a site folder, with their sizes on disk.
 * @param site a folder written by `npm run site` (or `writeSite`)
 * @throws Error when the folder does not exist
 */
export function siteWeight(site: string): SiteWeight {
  if (!fs.existsSync(site)) throw new Error(`siteWeight: ${site} does not exist`);
  const pages = LANG_DIRS.flatMap(([lang, sub]) => {
    const dir = path.join(site, sub);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".html") && f !== "index.html")
      .sort()
      .map((f) => ({ lang, name: f.slice(0, -5), bytes: fs.statSync(path.join(dir, f)).size }));
  });
  const assetsDir = path.join(site, ASSETS_DIR);
  const assets = filesUnder(assetsDir)
    .sort()
    .map((f) => ({
      file: path.relative(assetsDir, f).split(path.sep).join("/"),
      bytes: fs.statSync(f).size,
    }));
  return { pages, assets };
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** The pages as a Markdown table (with a second site's sizes beside them), then the shared assets. */
export function weightTable(now: SiteWeight, before?: SiteWeight): string {
  const old = (p: PageWeight) =>
    before?.pages.find((b) => b.lang === p.lang && b.name === p.name)?.bytes;
  const head = before
    ? "| page | before | after | ≤ 150 kB |\n| --- | ---: | ---: | :---: |"
    : "| page | bytes | ≤ 150 kB |\n| --- | ---: | :---: |";
  const rows = now.pages.map((p) => {
    const ok = p.bytes <= PAGE_BUDGET ? "yes" : "**no**";
    const b = old(p);
    return before
      ? `| ${p.lang}/${p.name} | ${b === undefined ? "–" : kB(b)} | ${kB(p.bytes)} | ${ok} |`
      : `| ${p.lang}/${p.name} | ${kB(p.bytes)} | ${ok} |`;
  });
  const groups = new Map<string, number>();
  for (const a of now.assets) {
    const g = a.file.startsWith("katex/") ? "katex/ (css + fonts)" : a.file;
    groups.set(g, (groups.get(g) ?? 0) + a.bytes);
  }
  const assets = [...groups].map(([f, b]) => `| assets/${f} | ${kB(b)} |`);
  return [
    head,
    ...rows,
    "",
    "| shared asset | bytes |",
    "| --- | ---: |",
    ...assets,
    `| (all) | ${kB(now.assets.reduce((a, f) => a + f.bytes, 0))} |`,
  ].join("\n");
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  let site: string | undefined;
  let before: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--vs") before = argv[++i];
    else site ??= argv[i];
  }
  if (!site) {
    console.error("usage: npm run site:weights -- SITE_DIR [--vs OTHER_SITE_DIR]");
    process.exit(2);
  }
  try {
    const now = siteWeight(path.resolve(site));
    console.log(weightTable(now, before ? siteWeight(path.resolve(before)) : undefined));
    const over = now.pages.filter((p) => p.bytes > PAGE_BUDGET);
    if (over.length) {
      console.error(`${over.length} page(s) over ${kB(PAGE_BUDGET)}`);
      process.exitCode = 1;
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
