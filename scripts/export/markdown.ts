// Executed notebook -> Markdown for a blog or a README: prose as written (maths kept as
// `$…$` / `$$…$$`), code in ```ts fences, each output in the first representation Markdown can
// hold (MARKDOWN_ORDER: the kit's tables carry text/markdown; plots carry the image/svg+xml
// that the rasterising pass added), images written as files. Pure: the caller writes the
// Markdown and the attachments it returns.
import { protectCode } from "./math";
import {
  IMAGE_TYPES,
  PLOTLY_MIME,
  isDisplay,
  outputKey,
  pickMime,
  text,
  type MimeBundle,
  type Notebook,
  type Output,
} from "../nbformat";
import {
  altText,
  figureTitle,
  isHidden,
  isPredictThenCheck,
  notebookLanguage,
  retargetNotebookLinks,
  stripAnsi,
} from "./notebook";
import { pageStrings } from "./page-strings";
import { describeFigure } from "../../notebooks/kit/src/display/describe-figure";

/**
 * The representations Markdown can hold, best first: Markdown itself, images (vector first),
 * LaTeX (as `$$`), then static HTML (raw HTML is valid Markdown), then plain text.
 */
export const MARKDOWN_ORDER: readonly string[] = [
  "text/markdown",
  ...IMAGE_TYPES.map((t) => t.mime),
  "text/latex",
  "text/html",
  "text/plain",
];

/** An image file that the Markdown links. */
export interface Attachment {
  file: string;
  data: Buffer;
}

export interface MarkdownOptions {
  /** The folder (relative to the .md) that holds images, e.g. "02-foo_files". */
  filesDir: string;
  /** Summary line of a hidden (solution) cell's `<details>` (default: the page's, in the notebook's language). */
  solutionLabel?: string;
  /** Summary line of the `<details>` that folds what a predict-then-check cell reveals (default: the page's). */
  resultLabel?: string;
}

/** Markdown folded in a `<details>` block, blank lines around it so that it (and its maths) still renders inside. */
function detailsBlock(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** A fenced block whose fence is longer than any run of backticks inside `body`. */
export function fence(body: string, lang = ""): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const f = "`".repeat(longest + 1);
  return `${f}${lang}\n${body.replace(/\n+$/, "")}\n${f}`;
}

/** A GFM table row: a line that starts with `|`. */
const TABLE_ROW = /^ {0,3}\|/;

/** `\[…\]` as a `$$` block and `\(…\)` as `$…$`, in text with no code and no table row. */
function mathDelimiters(text: string): string {
  return text
    .replace(
      /[ \t]*\\\[([\s\S]+?)\\\][ \t]*/g,
      (_m, tex: string) => `\n\n$$\n${tex.trim()}\n$$\n\n`,
    )
    .replace(/\\\(([\s\S]+?)\\\)/g, (_m, tex: string) => `$${tex.trim()}$`);
}

/**
 * Maths in the forms Markdown renderers (GitHub, KaTeX/MathJax blog plug-ins) agree on:
 * `\[…\]` becomes a `$$` block on its own lines and `\(…\)` becomes `$…$`. Code is untouched,
 * and so are GFM table rows: there `\[` is Markdown's escaped bracket (the kit's tables write a
 * cell's `[0, 1]` as `\[0, 1\]`), and a `$$` block cannot sit in a row anyway.
 * @example normalizeMath("see \\(x\\)")            // => "see $x$"
 * @example normalizeMath("| θ in \\[0, 1\\] |")     // => "| θ in \\[0, 1\\] |"
 */
export function normalizeMath(src: string): string {
  return protectCode(src)
    .map((part) => {
      if (part.code) return part.text;
      // Runs of table rows and runs of other lines, each run with its line ends.
      const runs = part.text.match(/(?:^ {0,3}\|.*(?:\n|$))+|(?:^(?! {0,3}\|).*(?:\n|$))+/gm) ?? [
        part.text,
      ];
      return runs.map((run) => (TABLE_ROW.test(run) ? run : mathDelimiters(run))).join("");
    })
    .join("")
    .replace(/\n{3,}/g, "\n\n");
}

/**
 * Renders an executed notebook as Markdown.
 * @returns the Markdown and the image files it links (to be written under `filesDir`)
 */
export function notebookToMarkdown(
  nb: Notebook,
  options: MarkdownOptions,
): { markdown: string; attachments: Attachment[] } {
  const attachments: Attachment[] = [];
  const blocks: string[] = [];
  const lang = notebookLanguage(nb);
  const words = pageStrings(lang);
  const { filesDir, solutionLabel = words.showSolution, resultLabel = words.showResult } = options;
  let plotNumber = 0;
  const link = (alt: string, file: string) =>
    `![${alt}](${encodeURI(filesDir ? `${filesDir}/${file}` : file)})`;

  function displayMarkdown(data: MimeBundle, key: string): string {
    const fig = data[PLOTLY_MIME] as
      { layout?: Record<string, unknown>; data: Record<string, unknown>[] } | undefined;
    if (fig) plotNumber++;
    const mime = pickMime(data, MARKDOWN_ORDER);
    if (mime === undefined) return "";
    const image = IMAGE_TYPES.find((t) => t.mime === mime);
    if (image) {
      const raw = text(data[mime]);
      const file = fig
        ? `plot-${String(plotNumber).padStart(2, "0")}.${image.ext}`
        : `output-${key}.${image.ext}`;
      attachments.push({
        file,
        data: image.base64
          ? Buffer.from(raw.replace(/\s+/g, ""), "base64")
          : Buffer.from(raw, "utf8"),
      });
      if (!fig) return link(altText("", "Output"), file);
      // The plot's caption and the description the kit generates from its traces, as alt text.
      const t = describeFigure(fig, { lang });
      // Braces (TeX grouping in a series name such as E_{x~p̂}) and $ mean nothing in alt text, and would read as raw TeX.
      const alt = (s: string, fallback: string) => altText(s.replace(/[{}$]/g, ""), fallback);
      return link(
        `${alt(t.caption, `Plot ${plotNumber}`)}${lang.startsWith("zh") ? "：" : ": "}${alt(t.description, "")}`,
        file,
      );
    }
    if (fig && mime === "text/html")
      return `> *${altText(figureTitle(fig), `Plot ${plotNumber}`)}: interactive plot, see the HTML export (no static image was rendered).*`;
    switch (mime) {
      case "text/markdown":
        return normalizeMath(text(data[mime])).trim();
      case "text/latex":
        return text(data[mime]).trim();
      case "text/html":
        // Static HTML is valid Markdown; scripts would not run on a blog and are dropped.
        return text(data[mime])
          .replace(/<script\b[\s\S]*?<\/script>/gi, "")
          .trim();
      default:
        return fence(stripAnsi(text(data[mime])), "text");
    }
  }

  function outputMarkdown(out: Output, key: string): string {
    if (out.output_type === "stream") return fence(stripAnsi(text(out.text)), "text");
    if (out.output_type === "error")
      return fence(
        stripAnsi([`${out.ename}: ${out.evalue}`, ...(out.traceback ?? []).slice(1)].join("\n")),
        "text",
      );
    return isDisplay(out) ? displayMarkdown(out.data ?? {}, key) : "";
  }

  nb.cells.forEach((cell, c) => {
    const src = text(cell.source);
    if (cell.cell_type === "markdown") {
      if (!src.trim()) return;
      const md = retargetNotebookLinks(normalizeMath(src).trim(), ".md");
      blocks.push(isPredictThenCheck(cell) ? detailsBlock(resultLabel, md) : md);
      return;
    }
    if (cell.cell_type !== "code") return;
    const parts: string[] = [];
    if (src.trim()) parts.push(fence(src, "ts"));
    const outputs = cell.outputs
      .map((out, o) => outputMarkdown(out, outputKey(c, o)))
      .filter(Boolean);
    if (outputs.length)
      parts.push(
        isPredictThenCheck(cell)
          ? detailsBlock(resultLabel, outputs.join("\n\n"))
          : outputs.join("\n\n"),
      );
    if (parts.length === 0) return;
    blocks.push(
      isHidden(cell) ? detailsBlock(solutionLabel, parts.join("\n\n")) : parts.join("\n\n"),
    );
  });
  return { markdown: blocks.join("\n\n") + "\n", attachments };
}

/** The ATX headings of Markdown text (outside code fences): `{ level, text }`. */
export function markdownHeadings(src: string): { level: number; text: string }[] {
  const out: { level: number; text: string }[] = [];
  let inFence: string | null = null;
  for (const line of src.split("\n")) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!inFence) inFence = f[1];
      else if (f[1][0] === inFence[0] && f[1].length >= inFence.length) inFence = null;
      continue;
    }
    if (inFence) continue;
    const h = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (h) out.push({ level: h[1].length, text: h[2] });
  }
  return out;
}
