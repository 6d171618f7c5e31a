#!/usr/bin/env node
// The main job (`npm start`): build the packages, execute every notebook through real Jupyter
// with the project's tslab kernel, and export the worked notes to exports/ (buildNotes).
//   npm start                      every notebook, English and Chinese
//   npm run export -- 02           one notebook (a name, stem, prefix, or a path to any .ipynb)
// Options:
//   --out DIR              export folder (default exports)
//   --timeout SECONDS      per cell (default 120)
//   --jobs N               notebooks executed at once, one kernel each (default: one per core, at most 2)
//   --lang en|zh|all       default: all for a full run, en when notebooks are named
//   --no-build             use the packages' dist/ as they are
//   --allow-errors         run every cell even after an error; the errors are exported in place
//   --shared-assets        one plotly.js and KaTeX in DIR/assets/, linked from every page
//   --md-math tex|svg      maths in the Markdown as $…$ (default) or as SVG images
//   --front-matter hugo|hexo   Markdown with front matter, laid out for that site generator
//   --kernel tslab|deno    the kernel that runs the notebooks (default tslab; deno: Deno's own Jupyter kernel)
import * as path from "path";
import * as setup from "./setup";
import { describeFailure, formatTable } from "./notebooks";
import { buildNotes, type BuildOptions, type Lang } from "./notes";
import { formatBytes, markdownWriter, type MarkdownFlavour, type WrittenFile } from "./export";
import { FRONT_MATTER_FLAVOURS, type FrontMatterFlavour } from "./export/blog";

/** The command line as build options. */
export function parseArgs(argv: readonly string[]): BuildOptions & { notebooks: string[] } {
  const opts: BuildOptions & { notebooks: string[] } = {
    notebooks: [],
    outDir: path.join(setup.ROOT, "exports"),
  };
  const markdown: MarkdownFlavour = {};
  const value = (i: number, flag: string): string => {
    const v = argv[i];
    if (v === undefined || v.startsWith("--")) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") continue;
    else if (a === "--timeout") {
      opts.timeout = Number(value(++i, a));
      if (!(opts.timeout > 0))
        throw new Error(`--timeout ${argv[i]}: expected a positive number of seconds`);
    } else if (a === "--out") opts.outDir = path.resolve(value(++i, a));
    else if (a === "--no-build") opts.build = false;
    else if (a === "--lang") {
      const l = value(++i, a);
      if (l !== "en" && l !== "zh" && l !== "all")
        throw new Error(`--lang ${l}: expected en, zh or all`);
      opts.lang = l as Lang;
    } else if (a === "--allow-errors") opts.allowErrors = true;
    else if (a === "--kernel") {
      const k = value(++i, a);
      if (!setup.KERNELS.includes(k as setup.KernelName))
        throw new Error(`--kernel ${k}: expected ${setup.KERNELS.join(" or ")}`);
      opts.kernel = k as setup.KernelName;
    } else if (a === "--shared-assets") opts.sharedAssets = true;
    else if (a === "--md-math") {
      const m = value(++i, a);
      if (m !== "tex" && m !== "svg") throw new Error(`--md-math ${m}: expected tex or svg`);
      markdown.math = m;
    } else if (a === "--front-matter") {
      const f = value(++i, a);
      if (!FRONT_MATTER_FLAVOURS.includes(f as FrontMatterFlavour))
        throw new Error(`--front-matter ${f}: expected ${FRONT_MATTER_FLAVOURS.join(" or ")}`);
      markdown.frontMatter = f as FrontMatterFlavour;
    } else if (a.startsWith("--"))
      throw new Error(`unknown option ${a} (see the comment at the top of scripts/start.ts)`);
    else opts.notebooks.push(a);
  }
  if (markdown.math || markdown.frontMatter) opts.writeMarkdown = markdownWriter(markdown);
  return opts;
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function rel(p: string): string {
  const r = path.relative(process.cwd(), p);
  return !r || r.startsWith("..") ? p : r;
}

const KIND_LABEL: Record<string, string> = {
  html: "HTML",
  md: "Markdown + images",
  pdf: "PDF",
  ipynb: "executed notebooks",
  index: "index + run.json",
  assets: "shared assets",
};

/** The files written, one line each with its size, then the total of each kind. */
function filesReport(files: readonly WrittenFile[], outDir: string): string {
  const byKind = new Map<string, { n: number; bytes: number }>();
  for (const f of files) {
    const k = byKind.get(f.kind) ?? { n: 0, bytes: 0 };
    k.n++;
    k.bytes += f.bytes;
    byKind.set(f.kind, k);
  }
  const kinds = [...byKind].map(
    ([k, v]) =>
      `${KIND_LABEL[k] ?? k} ${formatBytes(v.bytes)} (${v.n} file${v.n === 1 ? "" : "s"})`,
  );
  const total = files.reduce((s, f) => s + f.bytes, 0);
  const listed = files.filter((f) => f.kind !== "assets" || f.path.endsWith(".js"));
  return `${formatTable(
    ["file", "size"],
    listed.map((f) => [rel(f.path), formatBytes(f.bytes)]),
  )}\n\nby kind: ${kinds.join(", ")}; ${formatBytes(total)} in all under ${rel(outDir)}/`;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const build = await buildNotes({
    ...opts,
    lede: opts.lede ?? (require("../package.json") as { description: string }).description,
  });
  const all = build.runs.flatMap((r) =>
    r.results.map((res) => ({ res, lang: r.lang, ex: r.exports.find((e) => e.name === res.name) })),
  );
  console.log(
    "\n" +
      formatTable(
        ["notebook", "lang", "cells", "run s", "export s", "result"],
        all.map(({ res: r, lang, ex }) => {
          const bad = ex && ex.problems.length ? `, ${ex.problems.length} export problem(s)` : "";
          const result =
            r.status === "ok"
              ? "ok"
              : r.status === "errors-allowed"
                ? `errors allowed (first at cell ${r.error?.cell})`
                : `FAILED at cell ${r.error?.cell}`;
          return [
            r.name,
            lang,
            r.cells,
            r.seconds.toFixed(1),
            ex ? ex.seconds.toFixed(1) : "-",
            result + bad,
          ];
        }),
      ),
  );
  const exported = build.runs.flatMap((r) => r.exports);
  console.log(
    `\n[start] files written:\n${filesReport([...exported.flatMap((e) => e.files), ...build.files], opts.outDir)}`,
  );
  const failed = all.filter(({ res }) => res.status !== "ok" && res.status !== "errors-allowed");
  const problems = exported.flatMap((e) => e.problems.map((p) => `${e.name}: ${p}`));
  const exportSeconds = exported.reduce((s, e) => s + e.seconds, 0);
  console.log(
    `\n[start] ${all.length - failed.length}/${all.length} notebooks ok (${build.runs.map((r) => `${r.results.length} ${r.lang}`).join(", ")}); ` +
      `export ${exportSeconds.toFixed(1)} s of ${build.seconds.toFixed(1)} s in all; open ${rel(path.join(opts.outDir, "index.html"))}`,
  );
  if (failed.length || problems.length) {
    for (const { res } of failed) console.error(describeFailure(res));
    for (const p of problems) console.error(`export problem: ${p}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error((err as Error)?.message ?? err);
    process.exitCode = 1;
  });
}
