#!/usr/bin/env node
// `npm run count:english -- DIR [--report] [--json]`: the English words a reader of the Chinese
// edition sees outside code, in a folder of EXECUTED Chinese notebooks (exports/zh/ after
// `npm start`, or any folder of executed .ipynb files).
//
// What a reader sees, cell by cell:
//   - Markdown: the prose (fenced and inline code, link targets, URLs and HTML tags left out; link
//     text and image alt text kept) and the words inside maths (`\text{…}`, `\mathrm{…}`, other
//     commands dropped, subscripts such as p_\text{model} kept as notation);
//   - code comments: the text of every `//` and block comment of a code cell (found by
//     TypeScript's parser, scripts/code-comments.ts, so a `//` inside a string is not one), with
//     code in backticks left out. The code itself is code, and stays English;
//   - outputs: stream text (console.log), and for each rich output the representation the HTML
//     export shows (plotly JSON → its titles, axes, legends, annotations, slider labels and
//     categories; else text/html as text, so tables; else text/markdown; else text/plain).
//     The other representations of the same output (a plot's one-line text/plain, which screen
//     readers get as its label; a table's Markdown and plain text) are checked too and reported,
//     but not counted twice.
// What counts as an English word is notebook-kit's `englishWords` (src/i18n/english.ts: one
// letter, acronyms, maths function names, proper names, unit symbols, code in backticks and
// JavaScript's own words in outputs do not count), with the course's glossary (a term beside its
// Chinese rendering is a gloss) and its allowed names (notebooks/course/src/labels.ts). The
// course's terms also give renderings to avoid (种子笔记) and a rendering given once per notebook
// at most (对数几率): those are reported as "term" findings.
//
// With the exported pages beside the notebooks (an export folder), the exporter's own words on
// them, the page chrome, are counted too (scripts/page-chrome.ts), apart from the notebooks'.
//
// The count printed is of words a reader sees (the counted representations); the check
// (tests/notebooks/zh-edition.executed.ts) fails on any finding.
import * as fs from "fs";
import * as path from "path";
import { englishWords, type EnglishWordsOptions } from "../notebooks/kit/src/i18n/english";
import { commentRuns } from "./code-comments";
import { figureTexts } from "../notebooks/kit/src/i18n/display";
import { ALLOW, TERMS } from "../notebooks/course/src/labels";
import {
  PLOTLY_MIME,
  isDisplay,
  parseNotebook,
  text,
  type Notebook,
  type Output,
} from "./nbformat";
import { formatTable } from "./notebooks";
import { chromeFindings, chromeSummary } from "./page-chrome";

/** Where in a cell a word was seen. */
export type Where =
  | "prose"
  | "maths"
  | "comment"
  | "stream"
  | "plot"
  | "text/html"
  | "text/markdown"
  | "text/plain"
  | "term";

/** One English word (or avoided term) a reader sees. */
export interface Finding {
  /** The notebook's file name without `.ipynb`. */
  readonly notebook: string;
  /** The cell's number in the notebook, from 1, and its id. */
  readonly cell: number;
  readonly cellId: string;
  readonly where: Where;
  /** The word as it appears (or the avoided rendering, for `term`). */
  readonly word: string;
  /** The text around it. */
  readonly context: string;
  /** False for a representation a reader of the HTML export does not see (counted apart). */
  readonly counted: boolean;
}

/** The course's vocabulary for the detector: its glossary and its allowed names. */
const VOCABULARY: Pick<EnglishWordsOptions, "glossary" | "allow"> = {
  glossary: TERMS,
  allow: ALLOW,
};

/** Text around position `at`, on one line. */
function around(s: string, at: number, width = 40): string {
  return s
    .slice(Math.max(0, at - width), at + width)
    .replace(/\s+/g, " ")
    .trim();
}

/** HTML entities a table or a Markdown cell may hold. */
function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");
}

/** The text of HTML a reader sees: scripts and styles dropped, tags removed, entities decoded. */
export function htmlText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d|caption|table|thead|tbody)>/gi, "\n")
      .replace(/<\/t[dh]>/gi, " | ")
      .replace(/<[^>]+>/g, " "),
  );
}

/** A Markdown source split into what a reader sees: prose lines and maths, code and link targets left out. */
export function markdownParts(md: string): { prose: string[]; maths: string[] } {
  const maths: string[] = [];
  let s = md
    .replace(/^(```|~~~)[\s\S]*?^\1[^\n]*$/gm, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/`[^`\n]*`/g, " ");
  s = s.replace(
    /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]/g,
    (_m, a?: string, b?: string) => (maths.push(a ?? b ?? ""), " "),
  );
  s = s.replace(
    /(?<![\\$])\$(?!\s)([^$\n]+?)(?<![\s\\])\$|\\\(([\s\S]+?)\\\)/g,
    (_m, a?: string, b?: string) => (maths.push(a ?? b ?? ""), " "),
  );
  s = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<https?:[^>]*>/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/\{#[\w-]+\}/g, " ");
  s = htmlText(s);
  return { prose: s.split("\n").filter((l) => l.trim() !== ""), maths };
}

/** The representation of a rich output the HTML export shows, and the others. */
function representations(out: Output): {
  counted?: { where: Where; texts: string[] };
  others: { where: Where; texts: string[] }[];
} {
  if (out.output_type === "stream")
    return { counted: { where: "stream", texts: [text(out.text)] }, others: [] };
  if (!isDisplay(out)) return { others: [] };
  const d = out.data;
  const all: { where: Where; texts: string[] }[] = [];
  if (d[PLOTLY_MIME] !== undefined)
    all.push({ where: "plot", texts: figureTexts(d[PLOTLY_MIME] as object) });
  if (d["text/html"] !== undefined && d[PLOTLY_MIME] === undefined)
    all.push({ where: "text/html", texts: [htmlText(text(d["text/html"]))] });
  if (d["text/markdown"] !== undefined) {
    const parts = markdownParts(text(d["text/markdown"]).replace(/\\([\\`*_[\]<>|~&])/g, "$1"));
    all.push({ where: "text/markdown", texts: [...parts.prose] });
  }
  if (d["text/plain"] !== undefined)
    all.push({ where: "text/plain", texts: [text(d["text/plain"])] });
  const [counted, ...others] = all;
  return { counted, others };
}

/**
 * Every English word a reader of this (executed, Chinese) notebook sees outside code, and every
 * avoided rendering of a term.
 * @param nb the executed notebook
 * @param name its name, for the findings
 * @returns the findings, in cell order
 */
export function findEnglish(nb: Notebook, name: string): Finding[] {
  const findings: Finding[] = [];
  const add = (
    cell: number,
    cellId: string,
    where: Where,
    source: string,
    options: EnglishWordsOptions,
    counted: boolean,
  ): string[] => {
    const words = englishWords(source, { ...VOCABULARY, ...options });
    let from = 0;
    for (const word of words) {
      const at = source.indexOf(word, from);
      from = at >= 0 ? at + word.length : from;
      findings.push({
        notebook: name,
        cell,
        cellId,
        where,
        word,
        context: around(source, Math.max(at, 0)),
        counted,
      });
    }
    return words;
  };
  const seen: string[] = [];
  nb.cells.forEach((c, i) => {
    const n = i + 1;
    const id = String(c.id ?? n);
    if (c.cell_type === "markdown") {
      const src = text(c.source);
      seen.push(src);
      const { prose, maths } = markdownParts(src);
      for (const line of prose) add(n, id, "prose", line, {}, true);
      for (const m of maths) add(n, id, "maths", m, { context: "math" }, true);
      return;
    }
    if (c.cell_type !== "code") return;
    for (const line of commentRuns(text(c.source)).flat()) {
      seen.push(line.text);
      add(n, id, "comment", line.text, {}, true);
    }
    for (const out of c.outputs ?? []) {
      const { counted, others } = representations(out);
      const shown = new Set<string>();
      if (counted) {
        for (const t of counted.texts) {
          seen.push(t);
          for (const w of add(n, id, counted.where, t, { context: "output" }, true)) shown.add(w);
        }
      }
      for (const o of others) {
        for (const t of o.texts) {
          for (const w of englishWords(t, { ...VOCABULARY, context: "output" })) {
            if (shown.has(w)) continue;
            shown.add(w);
            const at = t.indexOf(w);
            findings.push({
              notebook: name,
              cell: n,
              cellId: id,
              where: o.where,
              word: w,
              context: around(t, at),
              counted: false,
            });
          }
        }
      }
    }
  });
  // Terms: renderings to avoid, and renderings given at most once per notebook.
  const all = seen.join("\n");
  for (const t of TERMS) {
    for (const a of t.avoid ?? []) {
      for (const m of all.matchAll(new RegExp(a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g"))) {
        findings.push({
          notebook: name,
          cell: 0,
          cellId: "",
          where: "term",
          word: a,
          context: `${around(all, m.index!)} (write ${t.zh} for ${t.en})`,
          counted: false,
        });
      }
    }
    if (t.once) {
      const hits = [...all.matchAll(new RegExp(t.zh, "g"))];
      if (hits.length > 1) {
        findings.push({
          notebook: name,
          cell: 0,
          cellId: "",
          where: "term",
          word: t.zh,
          context: `${hits.length} times; give ${t.zh} once (${t.en})`,
          counted: false,
        });
      }
    }
  }
  return findings;
}

/** One notebook's findings and its count of words a reader sees. */
export interface NotebookScan {
  readonly name: string;
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Words a reader sees (counted findings). */
  readonly count: number;
  /** Code cells that have outputs: 0 means the notebook was not executed. */
  readonly executedCells: number;
  /** Error outputs: a notebook that failed. */
  readonly errors: number;
}

/**
 * Scans every .ipynb of a folder (or one file).
 * @throws Error when the path does not exist or holds no notebook
 */
export function scanFolder(dir: string): NotebookScan[] {
  if (!fs.existsSync(dir)) throw new Error(`english-words: ${dir} does not exist`);
  const files = fs.statSync(dir).isDirectory()
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".ipynb"))
        .sort()
        .map((f) => path.join(dir, f))
    : [dir];
  if (files.length === 0) throw new Error(`english-words: ${dir} holds no .ipynb file`);
  return files.map((file) => {
    const nb = parseNotebook(fs.readFileSync(file, "utf8"), file);
    const name = path.basename(file, ".ipynb");
    const findings = findEnglish(nb, name);
    const code = nb.cells.flatMap((c) => (c.cell_type === "code" ? [c] : []));
    return {
      name,
      file,
      findings,
      count: findings.filter((f) => f.counted).length,
      executedCells: code.filter((c) => (c.outputs ?? []).length > 0).length,
      errors: code.reduce(
        (s, c) => s + (c.outputs ?? []).filter((o) => o.output_type === "error").length,
        0,
      ),
    };
  });
}

/** The per-notebook table: counted words by kind, then the rest. */
export function summary(scans: readonly NotebookScan[]): string {
  const kinds: Where[] = [
    "prose",
    "maths",
    "comment",
    "stream",
    "plot",
    "text/html",
    "text/markdown",
    "text/plain",
  ];
  const row = (name: string, fs: readonly Finding[]) => [
    name,
    ...kinds.map((k) => fs.filter((f) => f.counted && f.where === k).length),
    fs.filter((f) => f.counted).length,
    fs.filter((f) => !f.counted).length,
  ];
  const all = scans.flatMap((s) => s.findings);
  return formatTable(
    [
      "notebook",
      ...kinds.map((k) => (k === "text/html" ? "tables" : k === "comment" ? "code comments" : k)),
      "a reader sees",
      "also (other reps, terms)",
    ],
    [...scans.map((s) => row(s.name, s.findings)), row("total", all)],
  );
}

/** Every finding, by notebook and cell, for the notebook helpers to work from. */
export function report(scans: readonly NotebookScan[]): string {
  const lines: string[] = [];
  for (const s of scans) {
    if (!s.findings.length) continue;
    lines.push(
      `\n## ${s.name}: ${s.count} words a reader sees, ${s.findings.length - s.count} more`,
    );
    for (const f of s.findings) {
      lines.push(
        `  cell ${String(f.cell).padStart(2)}${f.cellId ? ` (${f.cellId})` : ""} ${f.where}${f.counted ? "" : " [not counted]"}: ${f.word}  — ${f.context}`,
      );
    }
  }
  return lines.join("\n");
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--"));
  if (!dir) {
    console.error(
      "usage: npm run count:english -- DIR [--report] [--json]   (DIR: executed Chinese notebooks, e.g. exports/zh)",
    );
    process.exit(2);
  }
  try {
    const scans = scanFolder(path.resolve(dir));
    if (args.includes("--json")) {
      console.log(
        JSON.stringify(
          scans.map((s) => ({ name: s.name, count: s.count, findings: s.findings })),
          null,
          1,
        ),
      );
    } else {
      console.log(summary(scans));
      if (args.includes("--report")) console.log(report(scans));
      const total = scans.reduce((a, s) => a + s.count, 0);
      const unexecuted = scans.filter((s) => s.executedCells === 0).map((s) => s.name);
      console.log(
        `\n${total} English words a reader sees outside code in ${dir} (${scans.length} notebooks)`,
      );
      if (unexecuted.length)
        console.log(`warning: not executed (no outputs): ${unexecuted.join(", ")}`);
      // The exporter's own words on the pages of the folder (scripts/page-chrome.ts).
      const chrome = chromeFindings(path.resolve(dir), VOCABULARY);
      if (chrome.length || fs.readdirSync(path.resolve(dir)).some((f) => f.endsWith(".html"))) {
        console.log(
          `\npage chrome (the exporter's words on the .html and .md pages):\n${chromeSummary(chrome)}`,
        );
        if (args.includes("--report"))
          for (const f of chrome)
            console.log(
              `  ${f.page} ${f.part}${f.markedEnglish ? ' [lang="en"]' : ""}: ${f.word}  — ${f.context}`,
            );
        const unmarked = chrome.filter((f) => !f.markedEnglish).length;
        console.log(
          `${chrome.length} English words in the page chrome: ${unmarked} not marked, ${chrome.length - unmarked} marked lang="en"`,
        );
      }
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
