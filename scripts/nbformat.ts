// The parts of the Jupyter notebook format (nbformat 4) that the scripts read and write, and
// the standard MIME types the exporters choose between. Nothing here knows the project's
// notebook kit: every exporter reads outputs only through these types.

/** A multiline string as nbformat stores it: one string, or a list of lines that keep their "\n". */
export type MultilineString = string | string[];

/** One output's representations, keyed by MIME type. JSON types (plotly) hold objects. */
export type MimeBundle = Record<string, unknown>;

/** A stream output (`console.log` → stdout, `console.error` → stderr). */
export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  text: MultilineString;
}

/** A rich output: `display_data`, or a cell's value as `execute_result`. */
export interface DisplayOutput {
  output_type: "display_data" | "execute_result";
  data: MimeBundle;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
}

/** The error a cell raised. */
export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | DisplayOutput | ErrorOutput;

/** Cell metadata the exporters read: `jupyter.source_hidden` marks a collapsed (solution) cell. */
export interface CellMetadata {
  jupyter?: { source_hidden?: boolean; outputs_hidden?: boolean };
  [key: string]: unknown;
}

export interface CodeCell {
  cell_type: "code";
  id?: string;
  source: MultilineString;
  metadata?: CellMetadata;
  outputs: Output[];
  execution_count: number | null;
}

export interface TextCell {
  cell_type: "markdown" | "raw";
  id?: string;
  source: MultilineString;
  metadata?: CellMetadata;
  attachments?: Record<string, MimeBundle>;
}

export type Cell = CodeCell | TextCell;

export interface Notebook {
  cells: Cell[];
  metadata: Record<string, unknown>;
  nbformat: number;
  nbformat_minor: number;
}

/** Jupyter's MIME type for a plotly figure (`{ data, layout, config?, frames? }`). */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** A plotly figure as the plotly MIME type carries it. */
export interface PlotlyFigure {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
  frames?: Record<string, unknown>[];
}

/**
 * The order a JupyterLab 4 front end ranks the standard types in (its rendermime ranks, plotly's
 * renderer first when installed). The interactive HTML export follows it.
 */
export const FRONTEND_ORDER: readonly string[] = [
  PLOTLY_MIME,
  "text/html",
  "text/markdown",
  "text/latex",
  "image/svg+xml",
  "image/png",
  "image/jpeg",
  "image/gif",
  "text/plain",
];

/** The image types an export can write as files, with their extension and encoding in nbformat. */
export const IMAGE_TYPES: readonly { mime: string; ext: string; base64: boolean }[] = [
  { mime: "image/svg+xml", ext: "svg", base64: false },
  { mime: "image/png", ext: "png", base64: true },
  { mime: "image/jpeg", ext: "jpg", base64: true },
  { mime: "image/gif", ext: "gif", base64: true },
];

/** A multiline string as one string; anything else (absent, a number) as its text or "". */
export function text(value: unknown): string {
  if (Array.isArray(value)) return value.join("");
  return value == null ? "" : String(value);
}

/**
 * A string in nbformat's multiline form: Python's `str.splitlines(keepends=True)`, which
 * nbformat uses, so a notebook written here matches one Jupyter writes byte for byte.
 * @example splitLines("a\nb") // => ["a\n", "b"]
 */
export function splitLines(s: string): string[] {
  if (s === "") return [];
  return (
    s.match(
      /[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*(?:\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|$)/g,
    ) ?? []
  ).filter((l) => l !== "");
}

/** True for an output that carries a MIME bundle. */
export function isDisplay(out: Output): out is DisplayOutput {
  return out.output_type === "display_data" || out.output_type === "execute_result";
}

/** The first MIME type of `order` that `data` carries, or undefined. */
export function pickMime(data: MimeBundle, order: readonly string[]): string | undefined {
  return order.find((mime) => data[mime] !== undefined);
}

/** The plotly figure an output carries, or undefined. */
export function plotlyFigure(out: Output): PlotlyFigure | undefined {
  if (!isDisplay(out)) return undefined;
  const fig = out.data[PLOTLY_MIME];
  if (fig === null || typeof fig !== "object" || !Array.isArray((fig as PlotlyFigure).data))
    return undefined;
  return fig as PlotlyFigure;
}

/** The key of output `o` of cell `c` (notebook indices), e.g. `c3-o0`: what ids and image files use. */
export function outputKey(c: number, o: number): string {
  return `c${c}-o${o}`;
}

/** Reads and parses an .ipynb, naming the file when it is not a notebook. */
export function parseNotebook(json: string, file = "notebook"): Notebook {
  const nb = JSON.parse(json) as Notebook;
  if (!nb || !Array.isArray(nb.cells))
    throw new TypeError(`${file}: not a Jupyter notebook (no cells array)`);
  return nb;
}
