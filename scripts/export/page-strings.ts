// The words an exported page and the index add around a note, in each language a note is
// exported in: navigation, solution labels, code regions, figures. The page's `lang` picks the
// table; a language without one gets English, and the page marks that text `lang="en"`.
// (The figure's own words, such as "Show the data", live with the figure descriptions in the
// kit: notebooks/kit/src/display/describe-figure.ts.)

export interface PageStrings {
  /** The language of this table (BCP 47 primary tag). */
  lang: string;
  allNotes: string;
  otherFormats: string;
  /** "this note as {pdf} · {md} · {ipynb}" with the three links filled in. */
  thisNoteAs(pdf: string, md: string, ipynb: string): string;
  notebook: string;
  showSolution: string;
  solution: string;
  /** The fold over a result the reader was asked to predict first (a predict-then-check cell), and its label on paper. */
  showResult: string;
  result: string;
  /** The accessible name of a code cell's region. */
  codeCell(n: number): string;
  /** The accessible name of the scrolling region around a table in the prose. */
  proseTable: string;
  /** The accessible name of a table output's region. */
  tableOutput(n: number): string;
  /** Shown instead of a plot when scripts do not run. */
  plotNeedsScript: string;
  /** Index page words. */
  index: {
    ranOk: string;
    failed: string;
    atCell(n: number): string;
    notRun: string;
    codeCells(n: number): string;
    notes(n: number, ok: number, seconds: string): string;
    formats: Record<"html" | "pdf" | "md" | "ipynb", [label: string, hint: string]>;
    notExported: string;
    chain: string;
  };
}

const EN: PageStrings = {
  lang: "en",
  allNotes: "All notes",
  otherFormats: "This note in other formats",
  thisNoteAs: (pdf, md, ipynb) => `this note as ${pdf} · ${md} · ${ipynb}`,
  notebook: "notebook",
  showSolution: "Show the worked solution",
  solution: "Worked solution",
  showResult: "Show the result",
  result: "Result",
  codeCell: (n) => `Code cell ${n}`,
  proseTable: "Table",
  tableOutput: (n) => `Table, output of code cell ${n}`,
  plotNeedsScript: "The interactive plot needs JavaScript; its description and data follow.",
  index: {
    ranOk: "ran ok",
    failed: "failed",
    atCell: (n) => ` at cell ${n}`,
    notRun: "not run",
    codeCells: (n) => `${n} code cells`,
    notes: (n, ok, s) =>
      `${n} note${n === 1 ? "" : "s"}, ${ok} ran ok, ${s} s of kernel time in all. Read them in order: each note builds on the one before.`,
    formats: {
      html: ["HTML", "interactive, offline"],
      pdf: ["PDF", "to print"],
      md: ["Markdown", "for a blog, with images"],
      ipynb: ["notebook", "executed, with outputs"],
    },
    notExported: "not exported",
    chain: "The notes, in reading order",
  },
};

const ZH: PageStrings = {
  lang: "zh",
  allNotes: "全部笔记",
  otherFormats: "本笔记的其他格式",
  thisNoteAs: (pdf, md, ipynb) => `本笔记的 ${pdf} · ${md} · ${ipynb} 版本`,
  notebook: "笔记本",
  showSolution: "显示解答过程",
  solution: "解答过程",
  showResult: "显示结果",
  result: "结果",
  codeCell: (n) => `代码单元 ${n}`,
  proseTable: "表格",
  tableOutput: (n) => `表格：代码单元 ${n} 的输出`,
  plotNeedsScript: "交互图需要 JavaScript；下面是它的描述和数据。",
  index: {
    ranOk: "运行成功",
    failed: "运行失败",
    atCell: (n) => `（第 ${n} 个单元）`,
    notRun: "未运行",
    codeCells: (n) => `${n} 个代码单元`,
    notes: (n, ok, s) =>
      `共 ${n} 篇笔记，${ok} 篇运行成功，内核共用时 ${s} 秒。请按顺序阅读：每篇都建立在前一篇之上。`,
    formats: {
      html: ["HTML", "可交互，可离线"],
      pdf: ["PDF", "供打印"],
      md: ["Markdown", "供博客使用，含图片"],
      ipynb: ["笔记本", "已执行，含输出"],
    },
    notExported: "未导出",
    chain: "按阅读顺序排列的笔记",
  },
};

const TABLES: Record<string, PageStrings> = { en: EN, zh: ZH };

/** The strings for a page language (`zh`, `zh-CN`, `en`, …); English when there is no table. */
export function pageStrings(lang: string | undefined): PageStrings {
  return (
    TABLES[
      String(lang ?? "en")
        .toLowerCase()
        .split("-")[0]
    ] ?? EN
  );
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** Units and other letters that are no English word to a reader of another language. */
const NOT_WORDS = new Set(["kB", "MB", "GB"]);

/** True when `text` has an English word: two or more Latin letters, some lower-case (HTML, PDF, MB are names, not words). */
export function hasEnglishWord(text: string): boolean {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).some((w) => /[a-z]/.test(w) && !NOT_WORDS.has(w));
}

/**
 * ` lang="en"` when `text` is English on a page in another language: it has an English word
 * ({@link hasEnglishWord}) and no CJK character (a mixed sentence keeps the page's language);
 * "" otherwise.
 * @example englishOn("zh", "ran ok") // => ' lang="en"'
 * @example englishOn("zh", "运行成功 (ok)") // => ""
 * @example englishOn("en", "ran ok") // => ""
 */
export function englishOn(pageLang: string, text: string): string {
  if (/^en\b/i.test(pageLang)) return "";
  return hasEnglishWord(text) && !CJK.test(text) ? ' lang="en"' : "";
}

/**
 * The text a reader sees in an HTML fragment: tags dropped, and KaTeX's rendering skipped (its
 * letters are maths, in no language).
 * @example visibleText('<p>a <span class="katex"><span>log</span></span> b</p>') // => "a  b"
 */
export function visibleText(html: string): string {
  let out = "";
  let skip = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>|[^<]+/g)) {
    if (m[2] === undefined) {
      if (!skip) out += m[0];
      continue;
    }
    const [, close, tag, attrs] = m;
    if (/^(script|style|math)$/i.test(tag)) skip += close ? -1 : 1;
    else if (tag.toLowerCase() === "span" && (skip || /class="katex\b/.test(attrs)))
      skip += close ? -1 : 1;
  }
  return out.replace(/&[a-z]+;|&#\d+;/g, " ");
}

/** The innermost text blocks `lang` can be put on. */
const TEXT_BLOCK =
  /<(p|li|td|th|h[1-6]|caption|dt|dd|figcaption|summary)((?:\s[^>]*)?)>([\s\S]*?)<\/\1>/g;
const HAS_BLOCK = /<(p|li|ul|ol|table|div|h[1-6]|blockquote|pre)[\s>]/i;

/**
 * An HTML fragment (a Markdown cell, a table output) with `lang="en"` on each innermost text
 * block (paragraph, list item, table cell, heading, caption) that is English on a page in
 * another language; unchanged on an English page.
 * @example markEnglish("<td>rain</td><td>雨</td>", "zh") // => '<td lang="en">rain</td><td>雨</td>'
 */
export function markEnglish(html: string, pageLang: string): string {
  if (/^en\b/i.test(pageLang)) return html;
  return html.replace(TEXT_BLOCK, (all, tag: string, attrs: string, inner: string) => {
    if (/\slang=/.test(attrs) || HAS_BLOCK.test(inner)) return all;
    return englishOn(pageLang, visibleText(inner))
      ? `<${tag}${attrs} lang="en">${inner}</${tag}>`
      : all;
  });
}
