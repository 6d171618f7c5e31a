import { TABLE_CLASS, TABLE_SHAPE_CLASS } from "../format";
import { displayChannel, type MimeBundle } from "./kernel";
import { escapeHtml } from "./escape";
import { localizeCell } from "../i18n/display";
import { msg } from "../i18n/messages";
import { localize } from "../i18n/text";

/** The part of a danfojs `DataFrame` that {@link showTable} reads. */
export interface DataFrameLike {
  readonly columns: readonly string[];
  /** Rows of values (a one-column frame may give scalars instead of one-element rows). */
  readonly values: readonly unknown[];
  readonly index?: readonly (string | number)[];
}

/** Something {@link showTable} can render: a danfojs DataFrame or an array of row objects. */
export type TableLike = DataFrameLike | readonly Readonly<Record<string, unknown>>[];

/** Options for {@link showTable} and {@link tableBundle}. */
export interface ShowTableOptions {
  /** Significant digits for non-integer numbers. Default 6. */
  readonly digits?: number;
  /** Most rows shown; longer tables show their head and tail around an ellipsis row. Default 40. */
  readonly maxRows?: number;
  /** A caption above the table. */
  readonly caption?: string;
}

interface Grid {
  columns: string[];
  rows: unknown[][];
  index?: string[];
}

function isDataFrame(x: unknown): x is DataFrameLike {
  return (
    x !== null &&
    typeof x === "object" &&
    !Array.isArray(x) &&
    Array.isArray((x as DataFrameLike).columns) &&
    Array.isArray((x as DataFrameLike).values)
  );
}

function toGrid(x: TableLike): Grid {
  if (isDataFrame(x)) {
    return {
      columns: x.columns.map(String),
      rows: x.values.map((r) => (Array.isArray(r) ? [...r] : [r])),
      index: x.index?.map(String),
    };
  }
  if (Array.isArray(x)) {
    const columns: string[] = [];
    const seen = new Set<string>();
    x.forEach((row, i) => {
      if (row === null || typeof row !== "object") {
        throw new TypeError(`showTable: rows[${i}] = ${String(row)} is not an object`);
      }
      for (const k of Object.keys(row)) if (!seen.has(k)) (seen.add(k), columns.push(k));
    });
    return {
      columns,
      rows: x.map((row) => columns.map((c) => (row as Record<string, unknown>)[c])),
    };
  }
  throw new TypeError(
    `showTable: expected a DataFrame or an array of row objects, got ${String(x)}`,
  );
}

/** Column names, index labels and string cells in the reader's language (numbers untouched). */
function localizeGrid(g: Grid): Grid {
  return {
    columns: g.columns.map(localizeCell),
    rows: g.rows.map((r) => r.map(localizeCell)),
    index: g.index?.map(localizeCell),
  };
}

function formatCell(v: unknown, digits: number): string {
  if (typeof v === "number") {
    if (Number.isInteger(v) || !Number.isFinite(v)) return String(v);
    return String(Number(v.toPrecision(digits)));
  }
  if (v === undefined || v === null) return "";
  return String(v);
}

/** Cell text made literal inside a GFM table cell: Markdown punctuation and pipes escaped. */
function markdownCell(text: string): string {
  const escaped = text.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replace(/\s+/g, " ");
  return escaped === "" ? " " : escaped;
}

/**
 * The MIME bundle of a table: `text/html`, the same table as GFM `text/markdown` (for Markdown
 * exports and front ends that prefer it) and an aligned `text/plain`.
 *
 * @param table a danfojs DataFrame (its index, columns and values) or an array of row objects
 *   (columns in first-seen key order)
 * @param options digits, maxRows, caption
 * @returns `{ "text/html", "text/markdown", "text/plain" }`
 * @throws {TypeError} when `table` is neither
 * @example
 * tableBundle([{ x: 1, p: 0.25 }])["text/plain"] // => 'x     p\n-  ----\n1  0.25'
 */
export function tableBundle(table: TableLike, options: ShowTableOptions = {}): MimeBundle {
  const { digits = 6, maxRows = 40 } = options;
  const caption = localizeCell(options.caption);
  if (!Number.isInteger(digits) || digits < 1 || digits > 21) {
    throw new RangeError(`showTable: digits = ${digits} must be an integer in [1, 21]`);
  }
  if (!Number.isInteger(maxRows) || maxRows < 2) {
    throw new RangeError(`showTable: maxRows = ${maxRows} must be an integer >= 2`);
  }
  const grid = localizeGrid(toGrid(table));
  const n = grid.rows.length;
  const tail = Math.min(5, Math.floor(maxRows / 4));
  const keep =
    n <= maxRows
      ? [...Array(n).keys()]
      : [
          ...Array.from({ length: maxRows - tail }, (_, i) => i),
          -1,
          ...Array.from({ length: tail }, (_, i) => n - tail + i),
        ];
  const header = grid.index ? ["", ...grid.columns] : grid.columns;
  const cells = keep.map((r) => {
    if (r === -1) return header.map(() => "…");
    const body = grid.rows[r].map((v) => formatCell(v, digits));
    return grid.index ? [grid.index[r] ?? String(r), ...body] : body;
  });
  const numeric = header.map((_, c) =>
    cells.every((row) => row[c] === "…" || row[c] === "" || !Number.isNaN(Number(row[c]))),
  );
  const shape = localize(msg("table.shape", { rows: n, columns: grid.columns.length }));

  const th = header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const trs = cells
    .map(
      (row) =>
        `<tr>${row.map((v, c) => `<td${numeric[c] ? ' class="num"' : ""}>${escapeHtml(v)}</td>`).join("")}</tr>`,
    )
    .join("\n");
  const html =
    `<table class="${TABLE_CLASS}">` +
    (caption ? `<caption>${escapeHtml(caption)}</caption>` : "") +
    `<thead><tr>${th}</tr></thead>\n<tbody>\n${trs}\n</tbody></table>` +
    (n > maxRows ? `<p class="${TABLE_SHAPE_CLASS}">${escapeHtml(shape)}</p>` : "");

  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row
      .map((v, c) => (numeric[c] && c > 0 ? v.padStart(widths[c]) : v.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const text = [
    ...(caption ? [caption] : []),
    line(header),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map(line),
    ...(n > maxRows ? [`(${shape})`] : []),
  ].join("\n");
  const mdRow = (row: string[]) => `| ${row.map(markdownCell).join(" | ")} |`;
  const markdown = [
    ...(caption ? [`*${markdownCell(caption)}*`, ""] : []),
    mdRow(header),
    `| ${numeric.map((n) => (n ? "--:" : "---")).join(" | ")} |`,
    ...cells.map(mdRow),
    ...(n > maxRows ? ["", `*${markdownCell(shape)}*`] : []),
  ].join("\n");
  return { "text/html": html, "text/markdown": markdown, "text/plain": text };
}

/**
 * Displays a table in the running notebook, or returns its HTML outside a kernel.
 *
 * Under the project's tslab the output carries `text/html` and `text/plain`; under another
 * tslab only `text/html`; in plain Node nothing is displayed and the HTML is returned.
 *
 * @param table a danfojs DataFrame or an array of row objects
 * @param options digits (default 6), maxRows (default 40), caption
 * @returns `undefined` when displayed in a kernel, otherwise the table's HTML
 * @throws {TypeError} when `table` is neither a DataFrame nor an array of objects
 * @example
 * showTable([{ outcome: "heads", p: 0.5 }, { outcome: "tails", p: 0.5 }]);
 * // => a two-row table in the notebook
 */
export function showTable(table: TableLike, options: ShowTableOptions = {}): string | undefined {
  const bundle = tableBundle(table, options);
  const channel = displayChannel();
  if (channel.kind === "none") return bundle["text/html"] as string;
  channel.send(bundle);
  return undefined;
}
