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
  if (typeof value === "string") return msg("value.string", { text: JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) });
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
