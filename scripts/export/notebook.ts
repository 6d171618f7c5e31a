// Small pure helpers over notebook JSON that every export format shares: escaping, hidden
// (solution) cells, the plot outputs (by the standard plotly MIME type) and a note's title.
import {
  isDisplay,
  outputKey,
  plotlyFigure,
  text,
  type Cell,
  type DisplayOutput,
  type Notebook,
  type PlotlyFigure,
} from "../nbformat";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
};

/** Text escaped for HTML content or a double-quoted attribute (the one escaper of the scripts). */
export function escapeHtml(s: unknown): string {
  return String(s).replace(/[&<>"]/g, (c) => HTML_ESCAPES[c]);
}

/**
 * A complete HTML page: the document shell every exported page shares (language, charset,
 * viewport, title), with `head` and `body` as given.
 */
export function htmlDocument({
  lang,
  title,
  head,
  body,
}: {
  lang: string;
  title: string;
  head: string;
  body: string;
}): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mlekit notebook export">
<title>${escapeHtml(title)}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/** Text without ANSI escape sequences (kernels colour tracebacks and some logs). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
}

/** A code cell whose source is collapsed in Jupyter: exports show it as a worked solution. */
export function isHidden(cell: Cell): boolean {
  return Boolean(cell.metadata?.jupyter?.source_hidden);
}

/** The tag of a cell that reveals a result the reader was asked to predict (its outputs, or the prose itself). */
export const PREDICT_TAG = "predict-then-check";

/** Whether a cell carries the {@link PREDICT_TAG} tag: the page folds what it reveals behind "Show the result". */
export function isPredictThenCheck(cell: Cell): boolean {
  const tags = (cell.metadata as { tags?: unknown } | undefined)?.tags;
  return Array.isArray(tags) && tags.includes(PREDICT_TAG);
}

/** One plot output: where it is, its number (from 1), its title and its figure. */
export interface PlotOutput {
  key: string;
  cell: number;
  output: number;
  n: number;
  title: string;
  figure: PlotlyFigure;
  /** The output itself (the notebook's own object, not a copy). */
  out: DisplayOutput;
}

/** The title of a plotly figure's layout as plain text, or "". */
export function figureTitle(fig: PlotlyFigure): string {
  const t = fig.layout?.title;
  const s =
    typeof t === "string"
      ? t
      : t && typeof (t as { text?: unknown }).text === "string"
        ? (t as { text: string }).text
        : "";
  return s.replace(/<[^>]*>/g, "").trim();
}

/** Every output that carries `application/vnd.plotly.v1+json`, in notebook order. */
export function plotOutputs(nb: Notebook): PlotOutput[] {
  const plots: PlotOutput[] = [];
  nb.cells.forEach((cell, c) => {
    if (cell.cell_type !== "code") return;
    cell.outputs.forEach((out, o) => {
      const figure = plotlyFigure(out);
      if (figure && isDisplay(out))
        plots.push({
          key: outputKey(c, o),
          cell: c,
          output: o,
          n: plots.length + 1,
          title: figureTitle(figure),
          figure,
          out,
        });
    });
  });
  return plots;
}

/** The language of a notebook's exports: its `mlekit_translation.language` (e.g. "zh-CN"), else "en". */
export function notebookLanguage(nb: Notebook): string {
  const translation = nb.metadata.mlekit_translation as { language?: string } | undefined;
  return translation?.language ?? "en";
}

/** Alt text for the image of an output: the plot's title, else "Plot n" / "Output n". */
export function altText(title: string, fallback: string): string {
  return (title || fallback)
    .replace(/[[\]\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Markdown inline syntax reduced to plain text (emphasis, code, links); maths kept. */
export function plainInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[^\w$\\])[*_]([^*_\n]+)[*_](?![\w])/g, "$1$2")
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1")
    .trim();
}

/**
 * A note's title (the first H1) and subtitle (the first paragraph after it), from the
 * notebook's Markdown cells; maths stays as `$…$`.
 */
export function noteTitle(nb: Notebook): { title: string; subtitle: string } {
  for (const [i, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "markdown") continue;
    const src = text(cell.source);
    const m = /^#\s+(.+?)\s*#*\s*$/m.exec(src);
    if (!m) continue;
    let rest = src.slice(m.index + m[0].length);
    // The subtitle may sit in the next Markdown cell.
    if (!rest.trim()) {
      const next = nb.cells.slice(i + 1).find((c) => c.cell_type === "markdown");
      rest = next ? text(next.source) : "";
    }
    const para = rest
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .find((p) => p && !/^(#|```|\$\$|>|[-*] |\d+\. |\|)/.test(p));
    return {
      title: plainInline(m[1]),
      subtitle: para ? plainInline(para.split("\n").join(" ")) : "",
    };
  }
  return { title: "", subtitle: "" };
}

/** A title with its `$…$` delimiters dropped, for places that cannot show maths (tab titles, PDF footers). */
export function plainTitle(title: string): string {
  return title.replace(/\$([^$]*)\$/g, "$1").trim();
}

/**
 * Rewrites relative links to sibling notebooks (`02-foo.ipynb`, `./02-foo.ipynb#part`) to the
 * same note in another format (`.html`, `.md`). Only bare file names: a link with a folder or a
 * scheme is left alone.
 */
export function retargetNotebookLinks(s: string, ext: string, { html = false } = {}): string {
  if (html) return s.replace(/(href=")(?:\.\/)?([\w.-]+)\.ipynb((?:#[^"]*)?")/g, `$1$2${ext}$3`);
  return s.replace(
    /(\]\()(?:\.\/)?([\w.-]+)\.ipynb((?:#[^)\s]*)?(?:\s+"[^"]*")?\))/g,
    `$1$2${ext}$3`,
  );
}
