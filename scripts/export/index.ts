// Export of one executed notebook to every format the worked notes come in, and the index.
//   exportNotebook(run, executedPath, outDir)  per note, right after it ran:
//     1. the rasterising pass: each plot output gets image/svg+xml + image/png (images.ts)
//     <name>.html                 offline page (KaTeX maths, highlighted code, plotly.js once)
//     <name>.md + <name>_files/   Markdown with the images as files (maths as $…$ or as SVG)
//     <name>.pdf                  printed by Chromium from the static flavour of the page
//     <name>.ipynb                the executed notebook with the images, for GitHub & co.
//   exportIndex(results, outDir)  run.json (merged with earlier runs) and index.html
//   closeExports()                closes the one Chromium all notes share
import * as fs from "fs";
import * as path from "path";
import { PLOTLY_BUNDLES, plotlyJs, writeSharedBundle, type AssetMode } from "./assets";
import { closeBrowser, holdBrowser, printPdf } from "./browser";
import { notebookToHtml, pagePlotlyBundle } from "./html";
import { prepareLive } from "./live";
import { addPlotImages, forStaticReaders } from "./images";
import {
  FORMATS,
  formatBytes,
  indexHtml,
  type FormatKind,
  type IndexCard,
  type IndexFile,
} from "./index-page";
import { notebookToMarkdown } from "./markdown";
import { blogLayout, blogPost, type FrontMatterFlavour } from "./blog";
import { markdownMathToSvg, rawTexLeft } from "./math-svg";
import { parseNotebook, type Notebook } from "../nbformat";
import { noteTitle, plainTitle } from "./notebook";

export { formatBytes };

/** The kinds of file an export writes (`index` for index.html and run.json, `assets` for shared assets). */
export type FileKind = FormatKind | "index" | "assets";

/** A file written, with its size. */
export interface WrittenFile {
  kind: FileKind;
  path: string;
  bytes: number;
}

/** What exporting one note needs to know of its run. */
export interface RunRecord {
  name: string;
  status: string;
  seconds: number;
  cells: number;
  error?: { cell?: number; firstLine?: string; message?: string } | null;
  /** The source notebook. */
  file?: string;
}

/** The result of exporting one note. */
export interface NoteExport {
  name: string;
  files: WrittenFile[];
  /** Problems found while exporting; the formats that could be written were written. */
  problems: string[];
  plots: number;
  seconds: number;
}

/** Options of {@link exportNotebook}. */
export interface ExportOptions {
  /** Receives a short label for each step. */
  onProgress?: (step: string) => void;
  /** Inline plotly.js and KaTeX in every page (default) or link a shared copy. */
  assets?: AssetMode;
  /**
   * Turns the note's Markdown into the flavour asked for (SVG maths, front matter, another
   * layout) and writes it; by default `<name>.md` + `<name>_files/` with `$…$` maths.
   */
  writeMarkdown?: (md: MarkdownExport) => WrittenFile[];
}

/** The Markdown of one note before it is written. */
export interface MarkdownExport {
  name: string;
  nb: Notebook;
  outDir: string;
  /** The title as plain text (maths delimiters dropped). */
  title: string;
  /** The subtitle as plain text. */
  subtitle: string;
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export function fileInfo(kind: FileKind, file: string): WrittenFile {
  return { kind, path: file, bytes: fs.statSync(file).size };
}

/** Every file under `dir` (recursively) with its size. */
export function filesUnder(kind: FileKind, dir: string): WrittenFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(kind, p) : [fileInfo(kind, p)];
  });
}

const firstLine = (err: unknown) => String((err as Error)?.message ?? err).split("\n")[0];

/** How the Markdown export writes maths: as `$…$` TeX (default) or as SVG images. */
export type MarkdownMath = "tex" | "svg";

/** Options of {@link markdownWriter}. */
export interface MarkdownFlavour {
  /** Default "tex". */
  math?: MarkdownMath;
  /** Add front matter and lay the files out for this site generator. */
  frontMatter?: FrontMatterFlavour;
  /** Tags for the front matter when the notebook's metadata has none. */
  tags?: readonly string[];
  /** The front matter's date (default: now). */
  date?: Date;
}

/** Tags of a note's front matter when its notebook metadata has no `tags` list. */
export const DEFAULT_TAGS: readonly string[] = [
  "deep-learning",
  "maximum-likelihood",
  "information-theory",
];

/**
 * The writer of one flavour of Markdown. Default: `<name>.md` with its images in
 * `<name>_files/` and maths as `$…$`. `math: "svg"` turns every formula into an SVG image
 * (and fails when any TeX is left); `frontMatter` adds Hugo/Hexo front matter and moves the
 * files where that generator looks for them (see blog.ts).
 */
export function markdownWriter({
  math = "tex",
  frontMatter,
  tags = DEFAULT_TAGS,
  date = new Date(),
}: MarkdownFlavour = {}): (md: MarkdownExport) => WrittenFile[] {
  return ({ name, nb, outDir, title, subtitle }) => {
    const filesDirName = `${name}_files`;
    const post = frontMatter ? blogLayout(frontMatter, name) : undefined;
    const assetDir = path.join(outDir, post ? post.assetDir : filesDirName);
    const mdPath = path.join(outDir, post ? post.markdownPath : `${name}.md`);
    fs.rmSync(assetDir, { recursive: true, force: true });
    const written: string[] = [];
    const put = (file: string, data: string | Buffer) => {
      fs.mkdirSync(assetDir, { recursive: true });
      fs.writeFileSync(path.join(assetDir, file), data);
      written.push(path.join(assetDir, file));
    };
    const { markdown, attachments } = notebookToMarkdown(nb, { filesDir: filesDirName });
    for (const a of attachments) put(a.file, a.data);
    let body = markdown;
    if (math === "svg") {
      body = markdownMathToSvg(body, { filesDir: filesDirName, write: put }).markdown;
      const left = rawTexLeft(body);
      if (left.length)
        throw new Error(`raw TeX left after --md-math svg: ${left.slice(0, 3).join(", ")}`);
    }
    if (frontMatter) {
      const own = (nb.metadata as { tags?: unknown }).tags;
      const noteTags =
        Array.isArray(own) && own.every((t) => typeof t === "string")
          ? (own as string[])
          : [...tags];
      body = blogPost(frontMatter, name, body, filesDirName, {
        title,
        date,
        tags: noteTags,
        description: plainDescription(subtitle),
        math: math === "tex",
      }).text;
    }
    fs.mkdirSync(path.dirname(mdPath), { recursive: true });
    writeAtomic(mdPath, body);
    return [fileInfo("md", mdPath), ...[...new Set(written)].map((f) => fileInfo("md", f))];
  };
}

const GREEK =
  "alpha α beta β gamma γ delta δ epsilon ε zeta ζ eta η theta θ iota ι kappa κ lambda λ mu μ nu ν xi ξ pi π rho ρ sigma σ tau τ phi φ chi χ psi ψ omega ω Gamma Γ Delta Δ Theta Θ Lambda Λ Pi Π Sigma Σ Phi Φ Psi Ψ Omega Ω".split(
    " ",
  );
const GREEK_LETTERS = new Map(
  GREEK.flatMap((w, i) => (i % 2 ? [] : [[w, GREEK[i + 1]] as [string, string]])),
);

/**
 * A one-line text (a subtitle) as plain text for front matter, which no site typesets: Greek
 * letter commands become the letters; undefined when any other TeX command is left.
 */
export function plainDescription(s: string): string | undefined {
  const out = plainTitle(s).replace(
    /\\([A-Za-z]+)\b/g,
    (all, name: string) => GREEK_LETTERS.get(name) ?? all,
  );
  return out && !out.includes("\\") ? out : undefined;
}

/** The default Markdown: `<name>.md` and its images in `<name>_files/`, maths as `$…$`. */
export const writePlainMarkdown = markdownWriter();

/**
 * Writes every format of one executed notebook. Never throws for a problem in one format: each
 * problem is returned, and the other formats are still written.
 * @param run the run's record (`name`, `status`, …)
 * @param executedPath the executed .ipynb; when it lies in `outDir` as `<name>.ipynb` it becomes the ipynb export
 * @param outDir the export folder
 */
export async function exportNotebook(
  run: RunRecord,
  executedPath: string,
  outDir: string,
  options: ExportOptions = {},
): Promise<NoteExport> {
  const {
    onProgress = () => undefined,
    assets = { kind: "inline" },
    writeMarkdown = writePlainMarkdown,
  } = options;
  const t0 = Date.now();
  const name = run.name;
  const problems: string[] = [];
  const files: WrittenFile[] = [];
  fs.mkdirSync(outDir, { recursive: true });
  const nb = parseNotebook(fs.readFileSync(executedPath, "utf8"), executedPath);
  const heading = noteTitle(nb);
  const title = plainTitle(heading.title) || name;

  onProgress("rendering plots to SVG and PNG");
  let plots = 0;
  try {
    const r = await addPlotImages(nb, plotlyJs());
    plots = r.plots;
    problems.push(...r.problems);
  } catch (err) {
    problems.push(`Chromium could not render the plots: ${firstLine(err)}`);
  }

  onProgress("html");
  // A shared site has the smallest plotly.js; a page that needs a larger one brings it along.
  const bundle = pagePlotlyBundle(nb);
  if (assets.kind === "shared" && assets.dir && bundle && bundle !== PLOTLY_BUNDLES[0])
    writeSharedBundle(assets.dir, bundle);
  const warnings: string[] = [];
  const htmlPath = path.join(outDir, `${name}.html`);
  const live = await prepareLive(assets);
  writeAtomic(
    htmlPath,
    notebookToHtml(nb, { name, title, assets, live, onWarning: (w) => warnings.push(w) }),
  );
  files.push(fileInfo("html", htmlPath));
  problems.push(...[...new Set(warnings)].map((w) => `maths: ${w}`));

  onProgress("md");
  try {
    files.push(
      ...writeMarkdown({ name, nb, outDir, title, subtitle: plainTitle(heading.subtitle) }),
    );
  } catch (err) {
    problems.push(`Markdown: ${firstLine(err)}`);
  }

  onProgress("pdf");
  const pdfPath = path.join(outDir, `${name}.pdf`);
  try {
    const r = await printPdf(notebookToHtml(nb, { title, flavour: "print" }), pdfPath, { title });
    if (r.blocked.length)
      problems.push(`the printed page tried the network: ${r.blocked.slice(0, 3).join(", ")}`);
    if (r.errors.length)
      problems.push(`console errors in the printed page: ${r.errors.slice(0, 3).join(" | ")}`);
    files.push(fileInfo("pdf", pdfPath));
  } catch (err) {
    fs.rmSync(pdfPath, { force: true });
    problems.push(`Chromium could not print the PDF: ${firstLine(err)}`);
  }

  onProgress("ipynb");
  const ipynbPath = path.join(outDir, `${name}.ipynb`);
  writeAtomic(ipynbPath, JSON.stringify(forStaticReaders(nb), null, 1) + "\n");
  files.push(fileInfo("ipynb", ipynbPath));

  return { name, files, problems, plots, seconds: (Date.now() - t0) / 1000 };
}

/** A run record as `run.json` keeps it. */
interface StoredRun {
  name: string;
  source?: string;
  status: string;
  seconds: number;
  cells: number;
  error: RunRecord["error"] | null;
}

/** The runs recorded in `outDir/run.json`, by name. */
function readRuns(outDir: string): Map<string, StoredRun> {
  try {
    const runs = JSON.parse(fs.readFileSync(path.join(outDir, "run.json"), "utf8")) as StoredRun[];
    return new Map(runs.map((r) => [r.name, r]));
  } catch {
    return new Map();
  }
}

const ROOT = path.resolve(__dirname, "..", "..");

/** The run records of `outDir`, merged with `results` and written back to `outDir/run.json`, as index cards. */
function indexCards(results: readonly RunRecord[], outDir: string, prefix = ""): IndexCard[] {
  const runs = readRuns(outDir);
  for (const r of results) {
    const { name, status, seconds, cells, error } = r;
    const source = r.file ? path.relative(ROOT, r.file) : runs.get(name)?.source;
    runs.set(name, { name, source, status, seconds, cells, error: error ?? null });
  }
  const notes = [...runs.values()]
    .filter((r) => fs.existsSync(path.join(outDir, `${r.name}.ipynb`)))
    .sort((a, b) => a.name.localeCompare(b.name));
  fs.mkdirSync(outDir, { recursive: true });
  writeAtomic(path.join(outDir, "run.json"), JSON.stringify(notes, null, 2) + "\n");
  return notes.map((r) => {
    const t = noteTitle(
      parseNotebook(fs.readFileSync(path.join(outDir, `${r.name}.ipynb`), "utf8")),
    );
    const files: IndexCard["files"] = {};
    for (const [kind] of FORMATS) {
      const file = `${r.name}.${kind}`;
      const p = path.join(outDir, file);
      if (fs.existsSync(p)) files[kind] = { file: `${prefix}${file}`, bytes: fs.statSync(p).size };
    }
    return { ...r, title: t.title || r.name, subtitle: t.subtitle, files };
  });
}

/** Another edition of the notes, exported into a subfolder. */
export interface Translation {
  dir: string;
  label: string;
  title?: string;
  lede?: string;
  results?: readonly RunRecord[];
}

/**
 * Writes `outDir/index.html` (and `run.json`): one card a note, in reading order. Each
 * `translations` entry (an edition exported into a subfolder) is linked from every card and
 * gets its own index page too.
 * @returns the files written
 */
export function exportIndex(
  results: readonly RunRecord[],
  outDir: string,
  { title = "Worked notes", lede = "", translations = [] as readonly Translation[] } = {},
): WrittenFile[] {
  const cards = indexCards(results, outDir);
  const written: WrittenFile[] = [];
  for (const tr of translations) {
    const dir = path.join(outDir, tr.dir);
    const trCards = indexCards(tr.results ?? [], dir, `${tr.dir}/`);
    for (const card of cards) {
      const match = trCards.find((c) => c.name === card.name);
      if (match)
        (card.translations ??= []).push({
          label: tr.label,
          lang: tr.dir,
          title: match.title,
          files: match.files,
        });
    }
    const unprefix = (f: IndexFile): IndexFile => ({ ...f, file: f.file.slice(tr.dir.length + 1) });
    const local = trCards.map((c) => ({
      ...c,
      files: Object.fromEntries(Object.entries(c.files).map(([k, f]) => [k, unprefix(f)])),
    }));
    const trIndex = path.join(dir, "index.html");
    writeAtomic(
      trIndex,
      indexHtml({
        title: tr.title || title,
        lede: tr.lede || "",
        notes: local,
        lang: tr.dir,
        home: { href: "../index.html", label: "English" },
      }),
    );
    written.push(fileInfo("index", trIndex), fileInfo("index", path.join(dir, "run.json")));
  }
  const indexPath = path.join(outDir, "index.html");
  writeAtomic(indexPath, indexHtml({ title, lede, notes: cards }));
  return [
    fileInfo("index", indexPath),
    fileInfo("index", path.join(outDir, "run.json")),
    ...written,
  ];
}

/** Removes the exports of notes that no longer exist (for a full run). Returns what it removed. */
export function pruneStale(outDir: string, keepNames: readonly string[]): string[] {
  if (!fs.existsSync(outDir)) return [];
  const keep = new Set(keepNames);
  const removed: string[] = [];
  for (const e of fs.readdirSync(outDir, { withFileTypes: true })) {
    const m = e.isDirectory()
      ? /^(.+)_files$/.exec(e.name)
      : /^(.+)\.(html|md|pdf|ipynb)$/.exec(e.name);
    if (!m || m[1] === "index" || keep.has(m[1])) continue;
    fs.rmSync(path.join(outDir, e.name), { recursive: true, force: true });
    removed.push(e.name);
  }
  return removed;
}

/** Holds the shared Chromium for one build; pair it with {@link closeExports}. */
export function holdExports(): void {
  holdBrowser();
}

/** Closes the shared Chromium. Call once after the last exportNotebook (of each holder). */
export function closeExports(): Promise<void> {
  return closeBrowser();
}
