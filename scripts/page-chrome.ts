// The page chrome of an exported folder: the words the exporter (not the notebook) puts on a
// note page, its Markdown and the index: navigation and format links, "Show the worked
// solution", "Show the result", the figure captions, descriptions and "Show the data", the
// live bar (Run, Reset, its note and status), the names of code and table regions and of other
// labelled elements, what shows without JavaScript, and the whole index page (code, such as a
// note's file name, left out as code is in the notebook count).
// `npm run count:english -- DIR` counts the English words in it (with notebook-kit's
// `englishWords`), split into those marked `lang="en"` (a screen reader reads them as English)
// and those not marked. The notebook's own words are counted from the .ipynb files.
import * as fs from "fs";
import * as path from "path";
import { englishWords, type EnglishWordsOptions } from "../notebooks/kit/src/i18n/english";

/** One piece of chrome text on a page. */
export interface ChromeText {
  /** Which part of the chrome, e.g. "nav", "summary", "caption", "aria-label", "index". */
  readonly part: string;
  readonly text: string;
  /** The element (or an element around it) says `lang="en"`. */
  readonly markedEnglish: boolean;
}

/** One English word of the chrome. */
export interface ChromeFinding {
  readonly page: string;
  readonly part: string;
  readonly word: string;
  readonly context: string;
  readonly markedEnglish: boolean;
}

const decode = (s: string) =>
  s
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, "&");

/** Text of an HTML fragment: tags dropped, KaTeX's MathML and scripts left out, entities decoded. */
function textOf(html: string): string {
  return decode(
    html
      .replace(/<(script|style|math|annotation)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " "),
  ).trim();
}

const marked = (attrs: string) => /\slang="en"/.test(attrs);

/** The text runs of an HTML fragment, each with whether an element around it (or `outer`) is marked English. */
function textRuns(html: string, outer = false): { text: string; markedEnglish: boolean }[] {
  const out: { text: string; markedEnglish: boolean }[] = [];
  const stack: boolean[] = [outer];
  let skip = 0;
  for (const m of html
    .replace(/<(script|style|math|annotation)\b[\s\S]*?<\/\1>/gi, " ")
    .matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*)>|[^<]+/g)) {
    if (m[2] === undefined) {
      const t = decode(m[0]).replace(/\s+/g, " ").trim();
      if (t && !skip) out.push({ text: t, markedEnglish: stack.some(Boolean) });
      continue;
    }
    const [, close, tag, attrs] = m;
    if (/^(br|img|hr|input|meta|link|wbr)$/i.test(tag) || attrs.endsWith("/")) continue;
    // Code (a file name, an identifier) is code in every language, as in the notebook count.
    if (/^(code|pre)$/i.test(tag)) skip += close ? -1 : 1;
    if (close) stack.pop();
    else stack.push(marked(attrs));
  }
  return out;
}

/**
 * The chrome texts of one exported page (a note page or an index).
 * @param html the page's HTML
 * @param kind "note" or "index" (every word of an index is the exporter's or a note's title)
 * @returns the texts, each with the part of the chrome it is and whether it is marked English
 * @example chromeTexts('<nav aria-label="x"><a>All notes</a></nav>', "note")
 * // => [{ part: "nav", text: "All notes", markedEnglish: false }, { part: "aria-label", text: "x", markedEnglish: false }]
 */
export function chromeTexts(html: string, kind: "note" | "index"): ChromeText[] {
  const out: ChromeText[] = [];
  const add = (part: string, text: string, markedEnglish: boolean) => {
    const t = text.trim();
    if (t) out.push({ part, text: t, markedEnglish });
  };
  const body = html.replace(/<script\b[\s\S]*?<\/script>/gi, " ");
  const addRuns = (part: string, inner: string, attrs: string) =>
    textRuns(inner, marked(attrs)).forEach((r) => add(part, r.text, r.markedEnglish));
  if (kind === "index") {
    addRuns("index", /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(body)?.[1] ?? body, "");
  } else {
    for (const m of body.matchAll(/<nav\b([^>]*)>([\s\S]*?)<\/nav>/gi)) addRuns("nav", m[2], m[1]);
    for (const m of body.matchAll(/<summary\b([^>]*)>([\s\S]*?)<\/summary>/gi))
      addRuns("summary", m[2], m[1]);
    for (const m of body.matchAll(/<figcaption\b([^>]*)>([\s\S]*?)<\/figcaption>/gi))
      addRuns("caption", m[2], m[1]);
    for (const m of body.matchAll(/<p\b([^>]*class="plot-desc"[^>]*)>([\s\S]*?)<\/p>/gi))
      addRuns("description", m[2], m[1]);
    for (const m of body.matchAll(/<noscript>([\s\S]*?)<\/noscript>/gi))
      addRuns("noscript", m[1], "");
    const bar = /<div id="mlekit-live-bar"([^>]*)>([\s\S]*?)<\/div>/i.exec(body);
    if (bar) {
      addRuns("live bar", bar[2], bar[1]);
      const loading = /data-loading="([^"]*)"/.exec(bar[1]);
      if (loading) add("live bar", decode(loading[1]), marked(bar[1]));
    }
  }
  for (const m of body.matchAll(/<[a-zA-Z][\w-]*\b([^>]*?)\saria-label="([^"]*)"/g))
    add("aria-label", decode(m[2]), marked(m[1]));
  return out;
}

/** The chrome of a Markdown export: the summaries of its `<details>` blocks. */
export function markdownChromeTexts(md: string): ChromeText[] {
  return Array.from(md.matchAll(/<summary>([\s\S]*?)<\/summary>/g), (m) => ({
    part: "md summary",
    text: textOf(m[1]),
    markedEnglish: false,
  }));
}

/**
 * The English words of the chrome of every page of a folder (`*.html`, `*.md`; `index.html` as
 * an index).
 * @param dir an exported folder (e.g. exports/zh)
 * @param vocabulary the course's glossary and allowed names
 * @returns every finding; none when the folder has no page
 */
export function chromeFindings(
  dir: string,
  vocabulary: Pick<EnglishWordsOptions, "glossary" | "allow"> = {},
): ChromeFinding[] {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) return [];
  const findings: ChromeFinding[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    const file = path.join(dir, f);
    let texts: ChromeText[];
    if (f.endsWith(".html"))
      texts = chromeTexts(fs.readFileSync(file, "utf8"), f === "index.html" ? "index" : "note");
    else if (f.endsWith(".md")) texts = markdownChromeTexts(fs.readFileSync(file, "utf8"));
    else continue;
    for (const t of texts) {
      for (const word of englishWords(t.text, vocabulary)) {
        findings.push({
          page: f,
          part: t.part,
          word,
          context: t.text.length > 90 ? `${t.text.slice(0, 87)}…` : t.text,
          markedEnglish: t.markedEnglish,
        });
      }
    }
  }
  return findings;
}

/** One line per page: words not marked, words marked `lang="en"`, by part. */
export function chromeSummary(findings: readonly ChromeFinding[]): string {
  const pages = [...new Set(findings.map((f) => f.page))];
  const lines = pages.map((p) => {
    const on = findings.filter((f) => f.page === p);
    const parts = [...new Set(on.map((f) => f.part))]
      .map((part) => `${part} ${on.filter((f) => f.part === part).length}`)
      .join(", ");
    return `  ${p}: ${on.filter((f) => !f.markedEnglish).length} not marked, ${on.filter((f) => f.markedEnglish).length} marked lang="en" (${parts})`;
  });
  return lines.join("\n");
}
