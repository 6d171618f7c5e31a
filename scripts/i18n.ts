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
// The code cells stay the English ones but for two things:
//
// 1. Their comments are translated. notebooks/i18n/zh/comments/<name>.json maps each English
//    comment text of the notebook (the text after `//`, trimmed; a comment that wraps over
//    several whole lines may be one key, its lines joined by "\n") to its Chinese, with as many
//    lines. Only the comment text changes: the comments are found by TypeScript's parser
//    (scripts/code-comments.ts), so `//` inside a string, a template or a URL is never touched,
//    and every line stays where it was (an error's line number is the same in both languages).
//    A comment with no English word (notebook-kit's `englishWords`, with the course's glossary
//    and names: `// θ_ML = 1: z_ML = +∞`, `// (1/m) Σ_i f(x⁽ⁱ⁾)`) needs no entry and stays as
//    it is. Any other comment without an entry stays English and is reported, by
//    `npm run translate` and by tests/notebooks/translation.test.ts, with its notebook, cell and
//    text; an entry no comment uses is reported as stale. The comment files are apart from the
//    prose files so that the two are edited independently.
// 2. The import cell of a translated notebook ends with the statement that sets the kit's
//    language, so verdicts, hints, plot and table labels, assert messages and printed result
//    labels show in that language:
//        // 中文版（由 `npm run translate` 生成）：输出使用中文
//        import { setLanguage } from "mle-course";
//        setLanguage("zh");
//    It is ordinary code, visible in the notebook, so it works the same in tslab, in Deno's
//    kernel and in a page (no notebook metadata or environment variable is read inside the kernel).
import * as fs from "fs";
import * as path from "path";
import { englishWords } from "../notebooks/kit/src/i18n/english";
import { ALLOW, TERMS } from "../notebooks/course/src/labels";
import {
  entryProblem,
  translateComments,
  type CommentLine,
  type CommentTable,
} from "./code-comments";
import {
  NOTEBOOK_DIR,
  isCourseNotebook,
  listNotebooks,
  splitLines,
  text,
  type Notebook,
} from "./notebooks";
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
export const LANGUAGES = {
  zh: {
    name: "中文",
    jupyterLanguage: "zh-CN",
    note: "中文版（由 `npm run translate` 生成）：输出使用中文",
  },
} satisfies Record<string, Language>;
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
  if (
    typeof json !== "object" ||
    json === null ||
    Array.isArray(json) ||
    Object.values(json).some((v) => typeof v !== "string")
  ) {
    throw new TypeError(
      `readTranslation: ${path.relative(ROOT, file)} is not an object of strings by cell id`,
    );
  }
  return json as Translation;
}

/** The file of a notebook's comment translations, relative to the repository. */
export function commentFile(lang: string, name: string): string {
  return path.join("notebooks", "i18n", lang, "comments", `${name}.json`);
}

/**
 * The comment translations of one notebook, notebooks/i18n/<lang>/comments/<name>.json.
 * @returns English comment text → translation; an empty table when there is no such file
 * @throws TypeError when the file is not an object of strings, or an entry is malformed
 *   (a translation with another number of lines than its key, an empty line, a line break other
 *   than "\n"); the message names the file and the key
 */
export function readCommentTranslation(lang: string, name: string): CommentTable {
  const file = path.join(ROOT, commentFile(lang, name));
  if (!fs.existsSync(file)) return {};
  const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new TypeError(
      `readCommentTranslation: ${commentFile(lang, name)} is not an object of translations by English comment text`,
    );
  }
  for (const [key, value] of Object.entries(json)) {
    const problem = entryProblem(key, value);
    if (problem)
      throw new TypeError(`readCommentTranslation: ${commentFile(lang, name)}: ${problem}`);
  }
  return json as CommentTable;
}

/**
 * Whether a code comment needs a translation: it holds a word a Chinese reader would see in
 * English (notebook-kit's `englishWords`, with the course's glossary and allowed names, as
 * `npm run count:english` counts). Notation (`θ_ML = 1: z_ML = +∞`), numbers and code in
 * backticks do not.
 * @example needsCommentTranslation("step 0.005"); // => true
 * @example needsCommentTranslation("(1/m) Σ_i f(x⁽ⁱ⁾)"); // => false
 */
export function needsCommentTranslation(comment: string): boolean {
  return englishWords(comment, { glossary: TERMS, allow: ALLOW }).length > 0;
}

/** A code comment of an English notebook that has no translation. */
export interface MissingComment {
  /** The code cell's id. */
  readonly cellId: string;
  /** The line in the cell, from 1. */
  readonly line: number;
  /** The English comment text. */
  readonly text: string;
}

/** The lines the translation tool adds to the import cell: a comment, the import, the call. */
export function languageStatement(lang: LanguageCode): string[] {
  return [
    `// ${LANGUAGES[lang].note}`,
    `import { setLanguage } from "mle-course";`,
    `setLanguage("${lang}");`,
  ];
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

/** What {@link translateNotebook} returns. */
export interface TranslatedNotebook {
  readonly notebook: Notebook;
  /** The ids of markdown cells left in English. */
  readonly missing: string[];
  /** Code comments left in English: no entry in the comment table, and English words in them. */
  readonly missingComments: MissingComment[];
  /** Entries of the comment table that no comment of the notebook uses (stale), in table order. */
  readonly unusedComments: string[];
}

/**
 * The translated notebook: the English one with each markdown cell's source replaced, the
 * comments of its code cells translated (only the comment text changes), and the kit's
 * language set in its import cell.
 * @param nb the English notebook
 * @param translation the markdown cells' translations, by cell id
 * @param lang the language
 * @param comments the comment translations (default none: every comment that needs one is
 *   reported in `missingComments`)
 * @returns the notebook, and what was left in English or never used
 * @throws TypeError when an entry of `comments` that a comment uses is malformed
 */
export function translateNotebook(
  nb: Notebook,
  translation: Translation,
  lang: LanguageCode,
  comments: CommentTable = {},
): TranslatedNotebook {
  const out = JSON.parse(JSON.stringify(nb)) as Notebook;
  const missing: string[] = [];
  const missingComments: MissingComment[] = [];
  const used = new Set<string>();
  out.cells.forEach((cell, i) => {
    if (cell.cell_type === "code") {
      const t = translateComments(text(cell.source), comments, needsCommentTranslation);
      if (t.used.length) cell.source = splitLines(t.source);
      for (const key of t.used) used.add(key);
      const cellId = String(cell.id ?? i + 1);
      missingComments.push(
        ...t.missing.map((l: CommentLine) => ({ cellId, line: l.line + 1, text: l.text })),
      );
      return;
    }
    if (cell.cell_type !== "markdown") return;
    const t = cell.id === undefined ? undefined : translation[cell.id];
    if (typeof t === "string") cell.source = splitLines(t);
    else missing.push(String(cell.id));
  });
  const at = importCellIndex(out);
  if (at >= 0) out.cells[at].source = splitLines(setLanguageIn(text(out.cells[at].source), lang));
  out.metadata = {
    ...out.metadata,
    mlekit_translation: { language: LANGUAGES[lang].jupyterLanguage },
  };
  const unusedComments = Object.keys(comments).filter((k) => !used.has(k));
  return { notebook: out, missing, missingComments, unusedComments };
}

/** One line per problem of a translated notebook's comments, naming the notebook, cell and text. */
export function commentProblems(
  name: string,
  lang: string,
  t: Pick<TranslatedNotebook, "missingComments" | "unusedComments">,
): string[] {
  const file = commentFile(lang, name);
  return [
    ...t.missingComments.map(
      (c) =>
        `${name}: cell ${c.cellId}, line ${c.line}: comment without a translation in ${file}: «${c.text}»`,
    ),
    ...t.unusedComments.map(
      (k) =>
        `${name}: ${file} translates a comment the notebook no longer has (stale): «${k.replace(/\n/g, "⏎")}»`,
    ),
  ];
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
 * @returns the written paths and the problems: per notebook, the markdown cells that had no
 *   translation, each comment left in English and each stale comment translation
 */
export function buildTranslations({
  lang = "zh",
  outDir = path.join(NOTEBOOK_DIR, lang),
  quiet = false,
}: TranslateOptions = {}): { written: string[]; problems: string[] } {
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
    const english = JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
    const translated = translateNotebook(
      english,
      translation,
      lang,
      readCommentTranslation(lang, name),
    );
    const { notebook, missing } = translated;
    if (missing.length)
      problems.push(
        `${name}: ${missing.length} markdown cell(s) without a translation (${missing.join(", ")})`,
      );
    problems.push(...commentProblems(name, lang, translated));
    const target = path.join(outDir, `${name}.ipynb`);
    const body = `${JSON.stringify(notebook, null, 1)}\n`;
    if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== body)
      fs.writeFileSync(target, body);
    written.push(target);
  }
  if (!quiet) {
    console.log(
      `[translate] ${written.length} ${LANGUAGES[lang].name} notebook(s) in ${path.relative(ROOT, outDir)}/`,
    );
    for (const p of problems) console.warn(`[translate] ${p}`);
  }
  return { written, problems };
}

if (require.main === module) {
  const { problems } = buildTranslations();
  process.exit(problems.length && process.argv.includes("--strict") ? 1 : 0);
}
