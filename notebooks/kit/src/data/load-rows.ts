import { readFileSync } from "fs";
import { extname } from "path";

/** A value in a loaded row: numbers where the text is numeric, `null` where it is empty or "NA". */
export type Cell = string | number | null;

/** Splits one CSV line; fields may be double-quoted, with "" for a literal quote. */
function splitCsvLine(text: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      out.push(field);
      field = "";
    } else field += c;
  }
  out.push(field);
  return out;
}

function cell(text: string): Cell {
  const t = text.trim();
  if (t === "" || t === "NA" || t === "NaN") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/**
 * Reads a small dataset file into an array of row objects: CSV (header row, numbers parsed,
 * empty or "NA" cells as `null`) or JSON (an array of objects, missing values as `null`).
 *
 * The caller names the row type. Every row gets every column of the first row: a value
 * missing from a JSON row becomes `null`, so no column is ever `undefined`.
 *
 * @param file path to a `.csv` or `.json` file
 * @returns the rows
 * @throws {Error} when the file is missing, the format is unknown, or rows disagree on columns
 * @example
 * const rows = loadRows<{ deaths: number; corps_years: number }>("data/horse-kicks.csv");
 * rows[0]; // => { deaths: 0, corps_years: 109 }
 */
export function loadRows<Row = Record<string, Cell>>(file: string): Row[] {
  const ext = extname(file).toLowerCase();
  const text = readFileSync(file, "utf8");
  let rows: Record<string, Cell>[];
  if (ext === ".json") {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed))
      throw new Error(`loadRows: ${file} does not hold a JSON array of rows`);
    rows = parsed as Record<string, Cell>[];
  } else if (ext === ".csv") {
    const lines = text
      .replace(/\r\n?/g, "\n")
      .split("\n")
      .filter((l) => l.trim() !== "");
    if (lines.length === 0) throw new Error(`loadRows: ${file} is empty`);
    const header = splitCsvLine(lines[0]).map((h) => h.trim());
    rows = lines.slice(1).map((line, i) => {
      const fields = splitCsvLine(line);
      if (fields.length !== header.length) {
        throw new Error(
          `loadRows: ${file} line ${i + 2} has ${fields.length} fields, the header has ${header.length}`,
        );
      }
      const row: Record<string, Cell> = {};
      header.forEach((h, k) => (row[h] = cell(fields[k])));
      return row;
    });
  } else {
    throw new Error(`loadRows: ${file} is neither .csv nor .json`);
  }
  const columns = rows.length > 0 ? Object.keys(rows[0]) : [];
  rows.forEach((row, i) => {
    if (row === null || typeof row !== "object" || Array.isArray(row))
      throw new Error(`loadRows: ${file} row ${i} is not an object`);
    for (const c of columns) if (row[c] === undefined) row[c] = null;
  });
  return rows as unknown as Row[];
}

/**
 * The same rows as a danfojs DataFrame, for `describe()`, `groupby` and friends. danfojs is
 * loaded on the first call only (it brings TensorFlow.js, about a second to load).
 *
 * @param rows rows from {@link loadRows}
 * @returns a `dfd.DataFrame`
 * @example
 * toDataFrame(loadRows("data/seattle-weather.csv")).shape; // => [1461, 6]
 */
export function toDataFrame(rows: readonly object[]): import("danfojs-node").DataFrame {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const dfd = require("danfojs-node") as typeof import("danfojs-node");
  return new dfd.DataFrame(rows as object[]);
}
