#!/usr/bin/env node
// `npm run site`: the worked notes as a static site, in one folder that any static host serves
// and that also opens from disk: both languages, every note page live ("Run in browser", live
// sliders), one shared copy of plotly.js, KaTeX, the editor and the runtime in assets/, the
// other formats (PDF, Markdown, .ipynb) beside each page, and an index per language.
//   npm run site                     execute every notebook (as npm start does) into site/
//   npm run site -- --from exports   no execution: re-render the executed notebooks of an
//                                    earlier `npm start` (exports/ and exports/zh/) into site/
//   --out DIR                        the site folder (default site)
import * as fs from "fs";
import * as path from "path";
import * as setup from "./setup";
import { ASSETS_DIR, writeSharedAssets } from "./export/assets";
import { notebookToHtml } from "./export/html";
import { prepareLive, writeLiveAssets } from "./export/live";
import {
  exportIndex,
  fileInfo,
  filesUnder,
  formatBytes,
  writeAtomic,
  type WrittenFile,
} from "./export";
import { noteTitle, plainTitle } from "./export/notebook";
import { parseNotebook } from "./nbformat";
import { buildNotes, ZH } from "./notes";

/** What {@link writeSite} wrote: every file with its size, and the notes per language. */
export interface SiteBuild {
  files: WrittenFile[];
  notes: { lang: string; names: string[] }[];
}

function copyInto(src: string, dst: string, kind: WrittenFile["kind"], files: WrittenFile[]): void {
  if (!fs.existsSync(src)) return;
  if (fs.statSync(src).isDirectory()) {
    fs.rmSync(dst, { recursive: true, force: true });
    fs.cpSync(src, dst, { recursive: true });
    files.push(...filesUnder(kind, dst));
  } else {
    fs.copyFileSync(src, dst);
    files.push(fileInfo(kind, dst));
  }
}

/**
 * Writes a site from executed notes: every `<name>.ipynb` of `from` (and of `from/zh/`) is
 * rendered as a live page that links the shared assets; its PDF, Markdown (with its images)
 * and notebook are copied beside it; run.json and the index pages follow.
 * @param from an export folder written by `npm start` (executed notebooks in it)
 * @param out the site folder
 */
export async function writeSite(
  from: string,
  out: string,
  { title = "Worked notes", lede = "" } = {},
): Promise<SiteBuild> {
  if (!fs.existsSync(from))
    throw new Error(
      `writeSite: ${from} does not exist (run npm start first, or npm run site without --from)`,
    );
  const files: WrittenFile[] = [];
  fs.mkdirSync(out, { recursive: true });
  writeSharedAssets(out);
  await writeLiveAssets(path.join(out, ASSETS_DIR));
  files.push(...filesUnder("assets", path.join(out, ASSETS_DIR)));
  const notes: SiteBuild["notes"] = [];
  for (const [lang, sub] of [
    ["en", ""],
    ["zh", ZH.dir],
  ] as const) {
    const src = path.join(from, sub);
    const dst = path.join(out, sub);
    if (!fs.existsSync(src)) continue;
    fs.mkdirSync(dst, { recursive: true });
    const href = path.relative(dst, path.join(out, ASSETS_DIR)).split(path.sep).join("/");
    const live = await prepareLive({ kind: "shared", href });
    const names = fs
      .readdirSync(src)
      .filter((f) => f.endsWith(".ipynb"))
      .map((f) => f.slice(0, -6))
      .sort();
    for (const name of names) {
      const nb = parseNotebook(fs.readFileSync(path.join(src, `${name}.ipynb`), "utf8"), name);
      const pageTitle = plainTitle(noteTitle(nb).title) || name;
      const page = path.join(dst, `${name}.html`);
      writeAtomic(
        page,
        notebookToHtml(nb, { name, title: pageTitle, assets: { kind: "shared", href }, live }),
      );
      files.push(fileInfo("html", page));
      copyInto(path.join(src, `${name}.pdf`), path.join(dst, `${name}.pdf`), "pdf", files);
      copyInto(path.join(src, `${name}.md`), path.join(dst, `${name}.md`), "md", files);
      copyInto(path.join(src, `${name}_files`), path.join(dst, `${name}_files`), "md", files);
      copyInto(path.join(src, `${name}.ipynb`), path.join(dst, `${name}.ipynb`), "ipynb", files);
    }
    copyInto(path.join(src, "run.json"), path.join(dst, "run.json"), "index", []);
    notes.push({ lang, names });
  }
  const hasZh = notes.some((n) => n.lang === "zh");
  files.push(
    ...exportIndex([], out, { title, lede, translations: hasZh ? [{ ...ZH, results: [] }] : [] }),
  );
  return { files, notes };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let from: string | undefined;
  let out = path.join(setup.ROOT, "site");
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--from") from = path.resolve(argv[++i] ?? "");
    else if (argv[i] === "--out") out = path.resolve(argv[++i] ?? "");
    else
      throw new Error(`unknown option ${argv[i]} (see the comment at the top of scripts/site.ts)`);
  }
  const lede = (require("../package.json") as { description: string }).description;
  let files: WrittenFile[];
  if (from) {
    files = (await writeSite(from, out, { lede })).files;
  } else {
    const b = await buildNotes({ outDir: out, sharedAssets: true, lang: "all", lede });
    const failed = b.runs.flatMap((r) => r.results).filter((r) => r.status !== "ok");
    if (failed.length) process.exitCode = 1;
    files = [...b.runs.flatMap((r) => r.exports.flatMap((e) => e.files)), ...b.files];
  }
  const by = (kind: string) =>
    files.filter((f) => f.kind === kind).reduce((a, f) => a + f.bytes, 0);
  const pages = files.filter((f) => f.kind === "html");
  console.log(
    `[site] ${pages.length} note pages (${formatBytes(by("html"))}, largest ${formatBytes(Math.max(0, ...pages.map((p) => p.bytes)))}), shared assets ${formatBytes(by("assets"))}`,
  );
  console.log(
    `[site] open ${path.join(out, "index.html")} (or serve ${out} with any static server)`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`[site] ${(e as Error).message}`);
    process.exit(1);
  });
}
