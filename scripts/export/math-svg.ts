// TeX -> standalone SVG images (MathJax 4, run in Node with its lite DOM adaptor), and the
// Markdown pass that swaps every formula of a note for such an image, for blog platforms that
// neither render LaTeX nor let raw maths through their HTML sanitiser.
//
// Form of the images in the Markdown (why, in short):
// - Inline: raw HTML `<img src alt style="vertical-align:-<depth>ex;width:<w>ex;height:<h+d>ex;…">`.
//   A Markdown image `![alt](src)` puts the picture's bottom edge on the text baseline, so every
//   formula with a descender (`p_{data}`, `(x)`) would float up by its depth. `vertical-align`
//   with MathJax's own depth puts the formula's baseline on the text baseline, and sizes in `ex`
//   scale the formula with the surrounding font.
// - If a platform strips the `style` attribute, the SVG's own `width`/`height` (in `ex`, resolved
//   by the browser against its default font) still size the image like text, and the formula
//   sits up by its depth (at most about half an ex for ordinary inline maths): legible, slightly
//   raised. Padding the SVG so that its baseline sits in its middle (and `align="middle"`) would fix
//   that case, but costs extra line spacing under every inline formula where styles do survive,
//   which is the common case; so no padding.
//   The style also resets `display`, `margin`, `padding`, `border` and `max-width`, which blog
//   themes often set on content images (a theme's `img { max-width: 100% }` would squash a wide
//   formula while `vertical-align` stays put).
// - Display: its own centred paragraph, `<p align="center"><img …></p>`, when the formula stands
//   on its own line (the usual `$$…$$` layout); `align` survives sanitisers that drop `style`.
//   Its style is `width:<w>ex;max-width:100%;height:auto` (plus no padding or border): wider than
//   the column, it scales down with its aspect ratio kept instead of overflowing.
//   A display formula in the middle of a line becomes an inline image styled as a centred block.
// - The alt text is the TeX source, attribute-escaped (`&`, `"`, `<`, `>`, `|` for tables,
//   newlines as `&#10;`), so screen readers and copy-paste get the source back.
import { createHash } from "crypto";
import { mathjax } from "@mathjax/src/cjs/mathjax.js";
import "@mathjax/src/cjs/util/asyncLoad/node.js";
import { TeX } from "@mathjax/src/cjs/input/tex.js";
import { SVG } from "@mathjax/src/cjs/output/svg.js";
import { liteAdaptor, type LiteAdaptor } from "@mathjax/src/cjs/adaptors/liteAdaptor.js";
import { RegisterHTMLHandler } from "@mathjax/src/cjs/handlers/html.js";
import "@mathjax/src/cjs/input/tex/base/BaseConfiguration.js";
import "@mathjax/src/cjs/input/tex/ams/AmsConfiguration.js";
import "@mathjax/src/cjs/input/tex/newcommand/NewcommandConfiguration.js";
import "@mathjax/src/cjs/input/tex/boldsymbol/BoldsymbolConfiguration.js";
import "@mathjax/src/cjs/input/tex/textmacros/TextMacrosConfiguration.js";

import * as scanner from "./math";

/** One formula rendered by MathJax: a standalone SVG document and its metrics in `ex`. */
export interface MathSvg {
  /** A complete SVG document (`xmlns` set, glyphs defined inside it, no external reference). */
  svg: string;
  /** Advance width. */
  widthEx: number;
  /** Height above the baseline. */
  heightEx: number;
  /** Depth below the baseline: how far the SVG's bottom edge lies under it (0 for `x^2`-like boxes MathJax rests on the baseline). */
  depthEx: number;
  /** The TeX it was made from. */
  tex: string;
}

/** TeX packages loaded: what the notes use (AMS environments, `\boldsymbol`, `\text{…$x$…}`, `\newcommand`). */
const PACKAGES = ["base", "ams", "newcommand", "boldsymbol", "textmacros"];

let engine: { adaptor: LiteAdaptor; doc: ReturnType<typeof mathjax.document> } | undefined;

/** The MathJax document, created on first use (loading the font data takes ~100 ms). */
function mathjaxDocument(): NonNullable<typeof engine> {
  if (!engine) {
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    const tex = new TeX({
      packages: PACKAGES,
      // Make a TeX error an exception instead of an <merror> in the output.
      formatError: (_jax: unknown, err: unknown) => {
        throw err;
      },
    });
    // fontCache "local": each SVG carries the glyph paths it uses in its own <defs>.
    // linebreaks.inline false: MathJax 4 otherwise splits an inline formula at its breakpoints
    // into several <svg> elements (one per piece) so a browser can wrap it; one image needs one.
    const svg = new SVG({ fontCache: "local", linebreaks: { inline: false } });
    engine = { adaptor, doc: mathjax.document("", { InputJax: tex, OutputJax: svg }) };
  }
  return engine;
}

/** Reads a number in `ex` from an attribute or style value like `-0.439ex` (or a unitless `0`). */
function exValue(what: string, text: string | undefined, tex: string): number {
  const m = /^(-?[\d.]+)ex$|^(0)$/.exec((text ?? "").trim());
  if (!m)
    throw new Error(
      `texToSvg: MathJax gave no ${what} in ex (${JSON.stringify(text)}) for ${JSON.stringify(tex)}`,
    );
  return Number(m[1] ?? m[2]);
}

/**
 * Renders one TeX formula as a standalone SVG document, with its width, height and depth in `ex`.
 *
 * @param tex The formula, without delimiters (`p_{data}`, not `$p_{data}$`).
 * @param display True for display style (`$$…$$`), false for inline (`$…$`).
 * @returns The SVG text and the metrics needed to put its baseline on the text baseline.
 * @throws {TypeError} If `tex` is not a non-empty string.
 * @throws {Error} If MathJax cannot parse the TeX; the message names the function, the TeX and
 *   MathJax's reason (`texToSvg: cannot render "\\frac{1}{" (Missing close brace)`).
 * @example
 * texToSvg("p_{data}", false).depthEx; // => 0.439 (the descender of the p)
 * texToSvg("x", false).svg.startsWith("<svg"); // => true
 */
export function texToSvg(tex: string, display: boolean): MathSvg {
  if (typeof tex !== "string" || tex.trim() === "") {
    throw new TypeError(`texToSvg: tex must be a non-empty string, got ${JSON.stringify(tex)}`);
  }
  const { adaptor, doc } = mathjaxDocument();
  let container: ReturnType<typeof doc.convert>;
  try {
    container = doc.convert(tex, { display });
  } catch (err) {
    // MathJax's TexError is not an Error subclass, but has a string `message`.
    const message = (err as { message?: unknown } | null)?.message;
    const reason = typeof message === "string" ? message : String(err);
    throw new Error(`texToSvg: cannot render ${JSON.stringify(tex)} (${reason})`);
  }
  const html: string = adaptor.outerHTML(container);
  // Belt and braces: an error that reached the output as an <merror> node anyway.
  const merror = /data-mml-node="merror"(?:[^>]*?data-mjx-error="([^"]*)")?/.exec(html);
  if (merror)
    throw new Error(
      `texToSvg: cannot render ${JSON.stringify(tex)} (${merror[1] ?? "merror in output"})`,
    );
  const open = /<svg\b[^>]*>/.exec(html);
  const close = html.lastIndexOf("</svg>");
  if (!open || close < 0)
    throw new Error(`texToSvg: MathJax produced no <svg> for ${JSON.stringify(tex)}`);
  const pieces = adaptor.childNodes(container).filter((n) => adaptor.kind(n) === "svg").length;
  if (pieces !== 1)
    throw new Error(
      `texToSvg: MathJax produced ${pieces} <svg> pieces for ${JSON.stringify(tex)}, expected one`,
    );
  const attr = (name: string): string | undefined =>
    new RegExp(`\\s${name}="([^"]*)"`).exec(open[0])?.[1];
  const widthEx = exValue("width", attr("width"), tex);
  const totalEx = exValue("height", attr("height"), tex);
  const valign = /vertical-align:\s*([^;"]+)/.exec(attr("style") ?? "")?.[1];
  const depthEx = valign === undefined ? 0 : 0 - exValue("vertical-align", valign, tex);
  const body = html
    .slice(open.index + open[0].length, close)
    // Ids are numbered per conversion (MJX-7-…); one number per file keeps output reproducible.
    .replace(/\bMJX-\d+-/g, "MJX-")
    // data-* attributes only serve MathJax's in-page CSS and its menu; an <img> needs none.
    .replace(/\sdata-[a-z-]+="[^"]*"/g, "");
  const viewBox = attr("viewBox");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"` +
    ` width="${widthEx}ex" height="${totalEx}ex" viewBox="${viewBox}" role="img" focusable="false">` +
    `<title>${escapeXml(tex)}</title>${body}</svg>`;
  return { svg, widthEx, heightEx: round3(totalEx - depthEx), depthEx, tex };
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Escapes text for an XML/HTML element body. */
function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Escapes text for a double-quoted HTML attribute that also sits inside Markdown: `|` would end a
 * table cell and a newline could end the HTML, so both become character references.
 */
export function escapeAttribute(s: string): string {
  return escapeXml(s).replace(/"/g, "&quot;").replace(/\|/g, "&#124;").replace(/\r?\n/g, "&#10;");
}

/** The file name of a formula's image: `math-` + 8 hex digits of SHA-1 over display mode and TeX. */
export function mathFileName(tex: string, display: boolean): string {
  return `math-${createHash("sha1")
    .update(`${display ? "display" : "inline"}\n${tex}`)
    .digest("hex")
    .slice(0, 8)}.svg`;
}

/** Options of {@link markdownMathToSvg}. */
export interface MarkdownMathOptions {
  /** The image folder as linked from the Markdown file (`"05-x_files"`), or `""` for beside it. */
  filesDir: string;
  /** Writes one SVG file; called once per distinct formula, with its bare file name. */
  write(file: string, svg: string): void;
  /**
   * Receives the message of a formula MathJax cannot render; that formula is then kept as a code
   * span showing its TeX. Without `onError`, such a formula throws.
   */
  onError?(msg: string): void;
}

/** A code span that shows `text` verbatim (fence longer than any backtick run inside). */
function codeSpan(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, " ");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const fmt = (x: number): string => String(round3(x));

/**
 * Replaces every formula in Markdown (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`, outside code spans and
 * fenced code) by an SVG image of it whose alt text is the TeX source; one file per distinct formula.
 *
 * Inline formulas become `<img … style="vertical-align:-<depth>ex;width:…ex;height:…ex">` so their
 * baseline sits on the text baseline; display formulas on their own line become a centred
 * `<p align="center"><img …></p>` block (see the file comment for the reasons).
 *
 * @param markdown Markdown source (one cell or a whole note).
 * @param opts `filesDir` (link prefix), `write(file, svg)` and optional `onError(msg)`.
 * @returns The converted Markdown, the number of formulas replaced and the files written, in order.
 * @throws {TypeError} If `markdown` is not a string or `opts.write` is not a function.
 * @throws {Error} From {@link texToSvg} for malformed TeX when no `onError` is given.
 * @example
 * const files = new Map<string, string>();
 * markdownMathToSvg("Let $x$ be.", { filesDir: "n_files", write: (f, s) => files.set(f, s) }).markdown;
 * // => 'Let <img src="n_files/math-….svg" alt="x" style="vertical-align:-0.025ex;…"> be.'
 */
export function markdownMathToSvg(
  markdown: string,
  opts: MarkdownMathOptions,
): { markdown: string; formulas: number; files: string[] } {
  if (typeof markdown !== "string")
    throw new TypeError(`markdownMathToSvg: markdown must be a string, got ${typeof markdown}`);
  if (!opts || typeof opts.write !== "function")
    throw new TypeError("markdownMathToSvg: opts.write must be a function");
  const { filesDir, write, onError } = opts;
  const prefix = filesDir
    ? `${filesDir.replace(/\/+$/, "").split("/").map(encodeURIComponent).join("/")}/`
    : "";
  const { text, formulas } = scanner.extractMath(markdown);
  const files: string[] = [];
  const made = new Map<string, { file: string; math: MathSvg } | null>(); // key: display + tex; null = failed
  const keyOf = new Map<string, string>(); // file name -> key, to catch a hash collision

  /** The image for formula i, or null if it could not be rendered (reported through onError). */
  const imageOf = (i: number): { file: string; math: MathSvg } | null => {
    const { tex, display } = formulas[i];
    const key = `${display ? "D" : "I"}${tex}`;
    if (made.has(key)) return made.get(key) ?? null;
    let math: MathSvg;
    try {
      math = texToSvg(tex, display);
    } catch (err) {
      if (!onError) throw err;
      onError(err instanceof Error ? err.message : String(err));
      made.set(key, null);
      return null;
    }
    const file = mathFileName(tex, display);
    const other = keyOf.get(file);
    if (other !== undefined && other !== key) {
      throw new Error(
        `markdownMathToSvg: file name ${file} collides for ${JSON.stringify(tex)} and ${JSON.stringify(other.slice(1))}`,
      );
    }
    keyOf.set(file, key);
    write(file, math.svg);
    files.push(file);
    made.set(key, { file, math });
    return { file, math };
  };

  /** The HTML for formula i: inline (baseline-aligned), or centred when `block`; a code span if it failed. */
  const img = (i: number, block: boolean): string => {
    const image = imageOf(i);
    const { tex, display } = formulas[i];
    if (!image) return codeSpan(display ? `$$${tex}$$` : `$${tex}$`);
    const { widthEx, heightEx, depthEx } = image.math;
    const style = display
      ? // Scales down with its aspect ratio kept when wider than the column (narrow screens).
        `${block ? "" : "display:block;margin:0.5em auto;"}width:${fmt(widthEx)}ex;max-width:100%;height:auto;padding:0;border:0`
      : // Fixed size: a theme's `img { max-width:100% }` must not squash it off its baseline;
        // display/margin/padding/border reset what themes commonly set on content images.
        `display:inline;vertical-align:${fmt(-depthEx)}ex;width:${fmt(widthEx)}ex;height:${fmt(heightEx + depthEx)}ex;max-width:none;margin:0;padding:0;border:0`;
    const tag = `<img src="${escapeAttribute(prefix + image.file)}" alt="${escapeAttribute(tex)}" style="${style}">`;
    return block ? `<p align="center">${tag}</p>` : tag;
  };

  // A display formula alone on its line (after any list indent or blockquote marks) becomes its
  // own HTML block, with blank lines (continuing the indent or quote) around it.
  let out = text.replace(/^([ \t>]*)MLEKITMATH(\d+)X[ \t]*$/gm, (all, lead: string, n: string) => {
    const i = Number(n);
    if (!formulas[i].display) return all;
    const html = img(i, true);
    if (!html.startsWith("<p")) return `${lead}${html}`;
    const blank = lead.trimEnd();
    return `${blank}\n${lead}${html}\n${blank}`;
  });
  out = out.replace(/MLEKITMATH(\d+)X/g, (_m, n: string) => img(Number(n), false));
  return { markdown: out, formulas: formulas.length, files };
}

/**
 * Lists the raw TeX left in Markdown outside code spans, fenced code and `<img>` tags: formula
 * delimiters the maths scanner still finds, and TeX commands or sub/superscript groups
 * (`\frac`, `_{`, `^{`) in the prose.
 *
 * @param markdown Markdown, typically the output of {@link markdownMathToSvg}.
 * @returns The leftover snippets, in order; empty when no raw TeX is left.
 * @example
 * rawTexLeft("a $x$ and `$y$` and <img alt=\"$z$\">"); // => ["$x$"]
 * rawTexLeft("p\\_{data} costs \\$5"); // => ["_{"]
 */
export function rawTexLeft(markdown: string): string[] {
  const prose = scanner
    .protectCode(markdown)
    .filter((p) => !p.code)
    .map((p) => p.text.replace(/<img\b[^>]*>/gi, " "))
    .join("\n");
  const left: string[] = [];
  const { text, formulas } = scanner.extractMath(prose);
  for (const f of formulas) left.push(f.display ? `$$${f.tex}$$` : `$${f.tex}$`);
  for (const m of text.matchAll(/\\[A-Za-z]{2,}|[_^]\{/g)) left.push(m[0]);
  return left;
}
