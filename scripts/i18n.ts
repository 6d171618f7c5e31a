#!/usr/bin/env node
// `npm run translate`: builds the Chinese edition of the notebooks.
//
// One source for the code: each English notebook in notebooks/ plus its translation file
// notebooks/i18n/zh/<name>.json ({ "<markdown cell id>": "<Chinese markdown>" }) gives
// notebooks/zh/<name>.ipynb, with the same code cells and every markdown cell in Chinese.
// The generated notebooks are not committed (notebooks/zh/ is ignored): `npm start`,
// `npm test` and `npm run lab` regenerate them, so they never drift from the English ones.
// tests/notebooks/translation.test.ts checks that every markdown cell has a translation that
// carries the same maths, headings and links.
//
// The code cells stay the English ones, with one exception: the import cell of a translated
// notebook ends with the statement that sets the kit's language, so verdicts, hints, plot and
// table labels, assert messages and printed result labels show in that language:
//     // 中文版（npm run translate 生成）：输出使用中文
//     import { setLanguage } from "mle-course";
//     setLanguage("zh");
// It is ordinary code, visible in the notebook, so it works the same in tslab, in Deno's kernel
// and in a page (no notebook metadata or environment variable is read inside the kernel).
import * as fs from "fs";
import * as path from "path";
import { NOTEBOOK_DIR, isCourseNotebook, listNotebooks, splitLines, text, type Notebook } from "./notebooks";
import { ROOT } from "./setup";

/** A language of the course besides English. */
export interface Language {
  /** The language's own name, for messages. */
  name: string;
  /** The BCP 47 tag written into the notebook's metadata. */
  jupyterLanguage: string;
  /** The comment above the statement that sets the kit's language in the import cell. */
  note: string;
}

/** The languages the notebooks are translated into, by folder name. */
export const LANGUAGES = { zh: { name: "中文", jupyterLanguage: "zh-CN", note: "中文版（npm run translate 生成）：输出使用中文" } } satisfies Record<string, Language>;
/** A key of {@link LANGUAGES}. */
export type LanguageCode = keyof typeof LANGUAGES;

/** Re-exported: callers imported it from here before it moved to notebooks.ts. */
export { text };

/** A translation file: the translated markdown of each markdown cell, by cell id. */
export type Translation = Record<string, string>;

/**
 * The translation file of one notebook, notebooks/i18n/<lang>/<name>.json.
 * @returns its cells by id, or undefined when there is no such file
 * @throws TypeError when the file is not an object of strings
 */
export function readTranslation(lang: string, name: string): Translation | undefined {
  const file = path.join(NOTEBOOK_DIR, "i18n", lang, `${name}.json`);
  if (!fs.existsSync(file)) return undefined;
  const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (typeof json !== "object" || json === null || Array.isArray(json) || Object.values(json).some((v) => typeof v !== "string")) {
    throw new TypeError(`readTranslation: ${path.relative(ROOT, file)} is not an object of strings by cell id`);
  }
  return json as Translation;
}

/** The lines the translation tool adds to the import cell: a comment, the import, the call. */
export function languageStatement(lang: LanguageCode): string[] {
  return [`// ${LANGUAGES[lang].note}`, `import { setLanguage } from "mle-course";`, `setLanguage("${lang}");`];
}

/**
 * The import cell's source with the kit's language set to `lang`: a `setLanguage("…")` call
 * already there gets `lang`; otherwise the lines of {@link languageStatement} are appended
 * (without the import when the cell already imports `setLanguage`).
 */
export function setLanguageIn(source: string, lang: LanguageCode): string {
  const call = /\bsetLanguage\(\s*(["'])[\w-]+\1/;
  if (call.test(source)) return source.replace(call, `setLanguage("${lang}"`);
  const [comment, importLine, callLine] = languageStatement(lang);
  const imported = /import\s*\{[^}]*\bsetLanguage\b[^}]*\}/.test(source);
  const lines = imported ? [comment, callLine] : [comment, importLine, callLine];
  return `${source.replace(/\s+$/, "")}\n${lines.join("\n")}`;
}

/** Index of the import cell: the first code cell (the course's notebooks open with it). */
function importCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c) => c.cell_type === "code" && /^\s*import\s/m.test(text(c.source)));
}

/**
 * The translated notebook: the English one with each markdown cell's source replaced, and the
 * kit's language set in its import cell.
 * @returns `{ notebook, missing }`, `missing` listing the ids of markdown cells left in English
 */
export function translateNotebook(nb: Notebook, translation: Translation, lang: LanguageCode): { notebook: Notebook; missing: string[] } {
  const out = JSON.parse(JSON.stringify(nb)) as Notebook;
  const missing: string[] = [];
  for (const cell of out.cells) {
    if (cell.cell_type !== "markdown") continue;
    const t = cell.id === undefined ? undefined : translation[cell.id];
    if (typeof t === "string") cell.source = splitLines(t);
    else missing.push(String(cell.id));
  }
  const at = importCellIndex(out);
  if (at >= 0) out.cells[at].source = splitLines(setLanguageIn(text(out.cells[at].source), lang));
  out.metadata = { ...out.metadata, mlekit_translation: { language: LANGUAGES[lang].jupyterLanguage } };
  return { notebook: out, missing };
}

/** The English notebooks (the numbered ones in notebooks/), sorted by name. */
export function englishNotebooks(): string[] {
  return listNotebooks().filter(isCourseNotebook);
}

/** Options of {@link buildTranslations}. */
export interface TranslateOptions {
  /** The language (default "zh"). */
  lang?: LanguageCode;
  /** Where the notebooks go (default notebooks/<lang>/). */
  outDir?: string;
  /** No summary on the console. */
  quiet?: boolean;
}

/**
 * Writes notebooks/<lang>/<name>.ipynb for every English notebook that has a translation file.
 * @returns the written paths and, per notebook, the markdown cells that had no translation
 */
export function buildTranslations({ lang = "zh", outDir = path.join(NOTEBOOK_DIR, lang), quiet = false }: TranslateOptions = {}): { written: string[]; problems: string[] } {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const problems: string[] = [];
  for (const file of englishNotebooks()) {
    const name = path.basename(file, ".ipynb");
    const translation = readTranslation(lang, name);
    if (!translation) {
      problems.push(`${name}: no notebooks/i18n/${lang}/${name}.json`);
      continue;
    }
    const { notebook, missing } = translateNotebook(JSON.parse(fs.readFileSync(file, "utf8")) as Notebook, translation, lang);
    if (missing.length) problems.push(`${name}: ${missing.length} markdown cell(s) without a translation (${missing.join(", ")})`);
    const target = path.join(outDir, `${name}.ipynb`);
    const body = `${JSON.stringify(notebook, null, 1)}\n`;
    if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== body) fs.writeFileSync(target, body);
    written.push(target);
  }
  if (!quiet) {
    console.log(`[translate] ${written.length} ${LANGUAGES[lang].name} notebook(s) in ${path.relative(ROOT, outDir)}/`);
    for (const p of problems) console.warn(`[translate] ${p}`);
  }
  return { written, problems };
}

if (require.main === module) {
  const { problems } = buildTranslations();
  process.exit(problems.length && process.argv.includes("--strict") ? 1 : 0);
}
