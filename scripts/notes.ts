// The one function that builds the worked notes: build the packages, execute each notebook
// through Jupyter (nbclient + the project's tslab kernel), export every format as each one
// finishes, then write the index. `npm start`, `npm run export` and `npm test` all call it.
import * as fs from "fs";
import * as path from "path";
import * as setup from "./setup";
import * as i18n from "./i18n";
import {
  defaultJobs,
  listNotebooks,
  progressPrinter,
  runNotebooks,
  type NotebookRun,
} from "./notebooks";
import { ASSETS_DIR, writeSharedAssets, type AssetMode } from "./export/assets";
import { writeLiveAssets } from "./export/live";
import {
  closeExports,
  holdExports,
  exportIndex,
  exportNotebook,
  filesUnder,
  pruneStale,
  writePlainMarkdown,
  type MarkdownExport,
  type NoteExport,
  type WrittenFile,
} from "./export";

export type Lang = "en" | "zh" | "all";

/** What to build; every field but `outDir` has a default. */
export interface BuildOptions {
  /** The export folder. */
  outDir: string;
  /** Names, stems, prefixes or paths of notebooks; empty: every notebook in notebooks/. */
  notebooks?: readonly string[];
  /** Default: "all" for a full run, "en" when notebooks are named. */
  lang?: Lang;
  /** Seconds allowed per cell (default 120). */
  timeout?: number;
  /** Build lib, kit and course first (default true). */
  build?: boolean;
  /** Run every cell even after an error and export the errors in place (default false). */
  allowErrors?: boolean;
  /** Link one plotly.js and KaTeX in `<outDir>/assets/` instead of inlining them in each page. */
  sharedAssets?: boolean;
  /** Writes each note's Markdown (default: `<name>.md` with `$…$` maths, images in `<name>_files/`). */
  writeMarkdown?: (md: MarkdownExport) => WrittenFile[];
  /** The index page's heading and first line. */
  title?: string;
  lede?: string;
  /** Print progress (default true). */
  progress?: boolean;
  /** Notebooks executed at once, each in its own kernel (default: one per core, at most 2). */
  jobs?: number;
  /** The kernel: "tslab" (default) or "deno". */
  kernel?: setup.KernelName;
}

/** One language's run. */
export interface LangRun {
  lang: "en" | "zh";
  outDir: string;
  results: NotebookRun[];
  exports: NoteExport[];
}

/** Everything a build did. */
export interface NotesBuild {
  runs: LangRun[];
  /** index.html and run.json files, and the shared assets when asked for. */
  files: WrittenFile[];
  seconds: number;
}

/** The Chinese edition: its folder under the export folder, its label and its index page. */
export const ZH = {
  dir: "zh",
  label: "中文",
  title: "学习笔记",
  lede: "最大似然、KL 散度与交叉熵，逐步推导并用代码验证。",
};

/**
 * Builds the worked notes into `options.outDir`. Never exits the process: failures are in the
 * results (`status`) and the exports (`problems`).
 */
export async function buildNotes(options: BuildOptions): Promise<NotesBuild> {
  const t0 = Date.now();
  const only = options.notebooks ?? [];
  const lang = options.lang ?? (only.length === 0 ? "all" : "en");
  if (!["en", "zh", "all"].includes(lang))
    throw new Error(`buildNotes: lang = ${JSON.stringify(lang)}; expected en, zh or all`);
  const {
    outDir,
    timeout = 120,
    allowErrors = false,
    sharedAssets = false,
    writeMarkdown = writePlainMarkdown,
    progress: show = true,
    jobs: jobCount = defaultJobs(),
    kernel = "tslab",
  } = options;
  const log = (line: string) => show && console.log(line);
  if (options.build ?? true) {
    log("[notes] building lib, kit and course");
    setup.buildLib();
  }
  const progress = progressPrinter();
  const files: WrittenFile[] = [];
  if (sharedAssets) {
    writeSharedAssets(outDir);
    await writeLiveAssets(path.join(outDir, ASSETS_DIR));
  }
  const assetsFor = (dir: string): AssetMode =>
    sharedAssets
      ? {
          kind: "shared",
          href: path.relative(dir, path.join(outDir, ASSETS_DIR)).split(path.sep).join("/"),
          dir: path.join(outDir, ASSETS_DIR),
        }
      : { kind: "inline" };

  const runs: LangRun[] = [];
  /** One notebook to run: its file, the language run it belongs to, its export folder. */
  type Job = { file: string; lang: "en" | "zh"; dir: string; label: string };
  const jobs: Job[] = [];
  holdExports(); // let go of in the finally below; another build may share the Chromium meanwhile
  try {
    const english = lang === "zh" ? [] : listNotebooks(only);
    if (english.length) {
      log(`[notes] ${english.length} notebook(s) -> ${outDir}/`);
      if (only.length === 0) {
        const removed = pruneStale(
          outDir,
          english.map((f) => path.basename(f, ".ipynb")),
        );
        if (removed.length)
          log(`[notes] removed the exports of notes that no longer exist: ${removed.join(", ")}`);
      }
      jobs.push(...english.map((file) => ({ file, lang: "en" as const, dir: outDir, label: "" })));
    }
    if (lang !== "en") {
      const { written, problems } = i18n.buildTranslations({ quiet: true });
      for (const p of problems) console.warn(`[notes] 中文: ${p}`);
      const stems = only.length ? listNotebooks(only).map((f) => path.basename(f)) : undefined;
      const chinese = written.filter((f) => !stems || stems.includes(path.basename(f)));
      const zhOut = path.join(outDir, ZH.dir);
      log(
        `[notes] ${chinese.length} Chinese notebook(s) (notebooks/zh/, built from notebooks/i18n/zh) -> ${zhOut}/`,
      );
      if (only.length === 0)
        pruneStale(
          zhOut,
          chinese.map((f) => path.basename(f, ".ipynb")),
        );
      jobs.push(
        ...chinese.map((file) => ({ file, lang: "zh" as const, dir: zhOut, label: " 中文" })),
      );
    }
    log(
      `[notes] executing ${jobs.length} notebook(s) with the project's ${kernel === "deno" ? "Deno" : "tslab"} kernel, ${jobCount} at a time`,
    );
    const exported = new Map<string, NoteExport>();
    const jobOf = new Map(jobs.map((j) => [j.file, j]));
    let finished = 0;
    const results = await runNotebooks(
      jobs.map((j) => j.file),
      {
        outDir,
        outDirOf: (file) => (jobOf.get(file) as Job).dir,
        labelOf: (file) => (jobOf.get(file) as Job).label,
        jobs: jobCount,
        kernel,
        timeout,
        allowErrors,
        quiet: !show,
        afterEach: async (r: NotebookRun, executed: string) => {
          const job = jobOf.get(r.file) as Job;
          const tag = `[${++finished}/${jobs.length}]${job.label} ${r.name}`;
          if (!fs.existsSync(executed)) {
            // The run left no notebook (its kernel never started, or died): a problem to report,
            // not a reason to stop the other notes.
            const why = `no executed notebook to export (run ${r.status}${r.error ? `: ${r.error.message.split("\n")[0]}` : ""})`;
            exported.set(r.file, {
              name: r.name,
              files: [],
              problems: [why],
              plots: 0,
              seconds: 0,
            });
            if (show) progress.done(`${tag}  not exported: ${why}`);
            return;
          }
          const ex = await exportNotebook(r, executed, job.dir, {
            assets: assetsFor(job.dir),
            writeMarkdown,
            onProgress: (step) =>
              show && jobCount === 1 && progress.update(`${tag}  exporting: ${step}`),
          });
          exported.set(r.file, ex);
          if (show) {
            const kinds = [...new Set(ex.files.map((f) => f.kind))].join(", ");
            progress.done(
              `${tag}  exported ${kinds} (${ex.plots} plot${ex.plots === 1 ? "" : "s"})  ${ex.seconds.toFixed(1)} s`,
            );
            for (const p of ex.problems) console.warn(`    problem: ${p}`);
          }
        },
      },
    );
    for (const l of ["en", "zh"] as const) {
      const mine = jobs.flatMap((j, i) => (j.lang === l ? [i] : []));
      if (mine.length === 0) continue;
      runs.push({
        lang: l,
        outDir: jobs[mine[0]].dir,
        results: mine.map((i) => results[i]),
        exports: mine.map((i) => exported.get(jobs[i].file) as NoteExport),
      });
    }
  } finally {
    await closeExports();
  }
  const en = runs.find((r) => r.lang === "en");
  const zh = runs.find((r) => r.lang === "zh");
  const hasZh = Boolean(zh) || fs.existsSync(path.join(outDir, ZH.dir, "run.json"));
  files.push(
    ...exportIndex(en ? en.results : [], outDir, {
      title: options.title ?? "Worked notes",
      lede: options.lede ?? "",
      translations: hasZh ? [{ ...ZH, results: zh ? zh.results : [] }] : [],
    }),
  );
  // Listed after the pages: a page may have added a larger plotly.js bundle.
  if (sharedAssets) files.push(...filesUnder("assets", path.join(outDir, ASSETS_DIR)));
  return { runs, files, seconds: (Date.now() - t0) / 1000 };
}
