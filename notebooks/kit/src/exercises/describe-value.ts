import { msg } from "../i18n/messages";
import type { Translated } from "../i18n/text";

/**
 * Describes a value for a hint, in both languages.
 * @example
 * describeValue("0.5").en; // => 'a string ("0.5")'
 * describeValue([1, 2]).zh; // => "长度为 2 的数组"
 * describeValue(3).en;     // => "number 3"
 */
export function describeValue(value: unknown): Translated {
  if (typeof value === "string")
    return msg("value.string", {
      text: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value),
    });
  if (Array.isArray(value)) return msg("value.array", { n: value.length });
  if (ArrayBuffer.isView(value)) return msg("value.typedArray");
  if (value === null) return msg("value.null");
  if (value === undefined) return msg("value.undefined");
  if (typeof value === "function") return msg("value.function");
  if (typeof value === "object") return msg("value.object");
  if (typeof value === "number") return msg("value.number", { v: String(value) });
  if (typeof value === "boolean") return msg("value.boolean", { v: String(value) });
  return msg("value.other", { type: typeof value, v: String(value) });
}

/**
 * A short rendering of a value for a hint or an assert message.
 * @example
 * brief([0.5, 0.5, 0]);          // => "[0.5, 0.5, 0]"
 * brief([1, 2, 3, 4, 5, 6, 7]);  // => "[1, 2, 3, 4, 5, 6, …] (7)"
 * brief({ mu: 1 });              // => "{ mu: 1 }"
 */
export function brief(x: unknown, depth = 0): string {
  if (typeof x === "number") return Object.is(x, -0) ? "-0" : String(x);
  if (typeof x === "string") return JSON.stringify(x.length > 30 ? `${x.slice(0, 30)}…` : x);
  if (Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView))) {
    const xs = Array.from(x as ArrayLike<unknown>);
    const shown = xs.slice(0, 6).map((v) => brief(v, depth + 1));
    return xs.length > 6 ? `[${shown.join(", ")}, …] (${xs.length})` : `[${shown.join(", ")}]`;
  }
  if (x !== null && typeof x === "object" && depth < 2) {
    const entries = Object.entries(x)
      .slice(0, 4)
      .map(([k, v]) => `${k}: ${brief(v, depth + 1)}`);
    return `{ ${entries.join(", ")}${Object.keys(x).length > 4 ? ", …" : ""} }`;
  }
  return String(x);
}
