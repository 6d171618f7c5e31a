// Shared by the export tests (not a test file itself): how an HTML parser reads escaped text
// back, written from the HTML standard's character references (§13.5, "named character
// references" for the five the exporters write, and decimal / hexadecimal numeric ones), so a
// test can check an escaper against the reading instead of against its own output.
import fc from "fast-check";

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text an HTML parser reads from `html` (no tags inside): character references decoded. */
export function decodeReferences(html: string): string {
  return html.replace(
    /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(\w+));/g,
    (all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (dec !== undefined) return String.fromCodePoint(Number(dec));
      if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
      return name !== undefined && name in NAMED ? NAMED[name] : all;
    },
  );
}

/**
 * Whether every `&` in `html` starts a complete character reference: a bare `&` followed by
 * a name and `;` (`&copy;` in a user's text) would be read as that reference instead.
 */
export function ampersandsAreReferences(html: string): boolean {
  return !/&(?!(?:#\d+|#[xX][0-9a-fA-F]+|\w+);)/.test(html);
}

/** Text that is hard to escape: markup, quotes, ampersands that look like references, line breaks, any Unicode. */
export const trickyText = fc.string({
  unit: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "<",
        ">",
        "&",
        '"',
        "'",
        "|",
        "\n",
        "\r\n",
        "&amp;",
        "&lt;",
        "&#39;",
        "&copy;",
        "</script>",
        "<!--",
        "\u2028",
        "\u2029",
      ),
    },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 3 }) },
  ),
  maxLength: 30,
});
