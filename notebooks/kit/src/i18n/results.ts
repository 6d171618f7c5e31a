// A record of named results, as a notebook cell ends with it, with its labels in the reader's language.
import { label } from "./labels";

/**
 * The same record with its keys (and string values) in the current language, for a cell that
 * ends by showing named results. The values are unchanged, so the record prints as before.
 *
 * @param record named results, the names being display labels (`"min KL"`, `"θ_ML"`)
 * @returns a new plain object, keys in first order, translated through the course's label table
 * @throws {Error} when two keys translate to one (the table gives two terms one rendering)
 * @example
 * results({ "θ_ML": 0.61, "min KL": 0.0187 });
 * // => { "θ_ML": 0.61, "min KL": 0.0187 } in English; { "θ_ML": 0.61, "最小 KL": 0.0187 } in Chinese
 */
export function results<T extends Readonly<Record<string, unknown>>>(
  record: T,
): Record<string, unknown> {
  if (record === null || typeof record !== "object" || Array.isArray(record)) {
    throw new TypeError(
      `results: expected a record of named results, got ${Array.isArray(record) ? "an array" : String(record)}`,
    );
  }
  const out: Record<string, unknown> = {};
  const from = new Map<string, string>();
  for (const [k, v] of Object.entries(record)) {
    const key = label(k);
    if (from.has(key)) throw new Error(`results: "${from.get(key)}" and "${k}" both read "${key}"`);
    from.set(key, k);
    out[key] = typeof v === "string" ? label(v) : v;
  }
  return out;
}
