// The comments of a notebook's code cells, found by TypeScript's own parser, and their
// replacement by a translation table (the Chinese edition's code comments, see i18n.ts).
//
// Why the parser and not a pattern or the bare scanner: `//` also occurs inside strings, URLs,
// template literals and regular expressions, and the scanner alone cannot tell a template's
// closing `}` or a regular expression from a brace or a division without the parser's context.
// The parser knows every token; the comments are the trivia between tokens (the method of
// tsutils' `forEachComment`: the leading comments at each token's full start and the trailing
// comments at its end).
//
// A comment is handled line by line: each physical line of comment text is a `CommentLine`
// (the text after `//`, or one line of a block comment without its `*` margin, trimmed). Lines
// that belong together form a `CommentRun`: consecutive whole-line `//` comments, or the lines
// of one block comment; a trailing comment (`code; // note`) is a run of its own.
//
// A translation table maps English comment text to its translation. A key is one line's text,
// or the texts of several consecutive lines of a run joined by "\n" (a sentence that wraps);
// its value has as many lines. Each run is matched greedily: at each line, the longest key that
// starts there. Only the comment text is replaced: `//`, the spaces after it, the code and the
// line structure stay, so an error's line number is the same in both languages.
import * as ts from "typescript";

/** One line of comment text in a source. */
export interface CommentLine {
  /** The line's number in the source, from 0. */
  readonly line: number;
  /** Offsets of the trimmed text in the source: `source.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  /** The comment text of this line, trimmed (may be empty: a bare `//`). */
  readonly text: string;
  /** A `//` comment after code on the same line. */
  readonly trailing: boolean;
  /** A line of a block comment. */
  readonly block: boolean;
}

/** Comment lines that translate together (see the module comment). */
export type CommentRun = readonly CommentLine[];

/** Offsets of the line starts of `source`. */
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\n" || (c === "\r" && source[i + 1] !== "\n") || c === "\u2028" || c === "\u2029")
      starts.push(i + 1);
  }
  return starts;
}

/** The line (from 0) that holds offset `at`. */
function lineOf(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Every token of a parsed source, in order (tsutils' `forEachToken`): the leaves of the syntax
 * tree, JSDoc excluded.
 * @param sf a source file parsed with `setParentNodes`
 * @returns the tokens, keywords, identifiers and literals, then the end-of-file token
 */
export function tokensOf(sf: ts.SourceFile): ts.Node[] {
  const tokens: ts.Node[] = [];
  const stack: ts.Node[] = [sf];
  while (stack.length) {
    const node = stack.pop()!;
    if (ts.isTokenKind(node.kind)) {
      tokens.push(node);
      continue;
    }
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode)
      continue;
    const children = node.getChildren(sf);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return tokens;
}

/** Parses a cell's source as TypeScript (tslab's language), with parent links for `getChildren`. */
export function parseCell(source: string): ts.SourceFile {
  return ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Every comment of `source` as ranges `[pos, end)` with its kind, in source order. */
export function commentRanges(source: string): ts.CommentRange[] {
  const sf = parseCell(source);
  const found = new Map<number, ts.CommentRange>();
  const keep = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) found.set(r.pos, r);
  };
  for (const token of tokensOf(sf)) {
    keep(ts.getLeadingCommentRanges(source, token.pos));
    keep(ts.getTrailingCommentRanges(source, token.end));
  }
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}

/** The trimmed part of `source.slice(from, to)`, as offsets. */
function trimmed(source: string, from: number, to: number): { start: number; end: number } {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(source[start])) start++;
  while (end > start && /\s/.test(source[end - 1])) end--;
  return { start, end };
}

/**
 * The comments of a code cell, as runs of lines (see the module comment).
 * @param source a cell's TypeScript
 * @returns the runs in source order; each line's `text` is `source.slice(start, end)`
 * @example
 * commentRuns('const a = "// not a comment"; // a note').map((r) => r.map((l) => l.text)); // => [["a note"]]
 * commentRuns("// one\n// two\nx;").map((r) => r.map((l) => l.text)); // => [["one", "two"]]
 */
export function commentRuns(source: string): CommentRun[] {
  const starts = lineStarts(source);
  const runs: CommentLine[][] = [];
  let open: CommentLine[] | undefined; // the run of whole-line // comments being extended
  for (const r of commentRanges(source)) {
    const line = lineOf(starts, r.pos);
    const before = source.slice(starts[line], r.pos);
    const wholeLine = before.trim() === "";
    if (r.kind === ts.SyntaxKind.SingleLineCommentTrivia) {
      const { start, end } = trimmed(source, r.pos + 2, r.end);
      const cl: CommentLine = {
        line,
        start,
        end,
        text: source.slice(start, end),
        trailing: !wholeLine,
        block: false,
      };
      const last = open?.[open.length - 1];
      if (wholeLine && open && last && last.line === line - 1) open.push(cl);
      else {
        const run = [cl];
        runs.push(run);
        open = wholeLine ? run : undefined;
      }
      continue;
    }
    // a block comment: one line per physical line, without `/*`, `*/` and a leading `*` margin
    open = undefined;
    const run: CommentLine[] = [];
    const innerStart = r.pos + 2;
    const innerEnd = r.end - 2;
    const first = lineOf(starts, innerStart);
    const lastLine = lineOf(starts, innerEnd);
    for (let l = first; l <= lastLine; l++) {
      let from = Math.max(starts[l], innerStart);
      const to = Math.min(l + 1 < starts.length ? starts[l + 1] : source.length, innerEnd);
      const margin = /^[ \t]*\*+(?!\/)/.exec(source.slice(from, to));
      if (margin) from += margin[0].length;
      const { start, end } = trimmed(source, from, to);
      if (start === end) continue;
      run.push({
        line: l,
        start,
        end,
        text: source.slice(start, end),
        trailing: false,
        block: true,
      });
    }
    if (run.length) runs.push(run);
  }
  return runs;
}

/** A translation table: English comment text (lines joined by "\n") → its translation. */
export type CommentTable = Readonly<Record<string, string>>;

/** What {@link translateComments} did. */
export interface CommentTranslation {
  /** The source with every comment text that has a translation replaced. */
  readonly source: string;
  /** The keys of the table that were used. */
  readonly used: readonly string[];
  /** Comment lines left as they are because the table has no key for them and `needs(text)` said so. */
  readonly missing: readonly CommentLine[];
}

/**
 * Characters a translated comment line may not hold: a line terminator (it would move the
 * following code to another line) or, in a block comment, its end `*\/`.
 */
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * Checks one entry of a comment table.
 * @returns the problem, or undefined when the entry is usable
 */
export function entryProblem(key: string, value: unknown): string | undefined {
  if (typeof value !== "string") return `the translation of «${key}» is not a string`;
  const keyLines = key.split("\n");
  const valueLines = value.split("\n");
  if (keyLines.some((l) => l !== l.trim() || l === ""))
    return `the key «${key}» has a line with surrounding spaces or an empty line`;
  if (valueLines.length !== keyLines.length)
    return `«${key}» has ${keyLines.length} line(s), its translation ${valueLines.length}: a translation keeps the line structure`;
  if (valueLines.some((l) => LINE_TERMINATOR.test(l) || l.trim() === ""))
    return `the translation of «${key}» has an empty line or a line terminator other than \\n`;
  if (valueLines.some((l) => l.includes("*/"))) return `the translation of «${key}» holds */`;
  return undefined;
}

/**
 * Replaces the comment text of `source` by its translation in `table`, touching nothing else.
 *
 * Each run of comment lines is matched greedily (the longest key, of one or more consecutive
 * lines, that starts at each line). A line that no key covers is left as it is, and reported in
 * `missing` when `needs(text)` is true (by default: any line that is not empty).
 *
 * @param source a code cell's TypeScript
 * @param table the translations (checked by {@link entryProblem})
 * @param needs whether an untranslated line is a problem (default: non-empty text)
 * @returns the new source, the keys used and the lines missing a translation
 * @throws TypeError when a table entry the source uses is malformed (names the key)
 * @example
 * translateComments("x(); // a note", { "a note": "注释" }).source; // => "x(); // 注释"
 * translateComments('s = "// a note";', { "a note": "注释" }).source; // => 's = "// a note";'
 */
export function translateComments(
  source: string,
  table: CommentTable,
  needs: (text: string) => boolean = (text) => text !== "",
): CommentTranslation {
  const edits: { start: number; end: number; text: string }[] = [];
  const used: string[] = [];
  const missing: CommentLine[] = [];
  for (const run of commentRuns(source)) {
    let i = 0;
    while (i < run.length) {
      let matched = 0;
      for (let j = run.length; j > i; j--) {
        const key = run
          .slice(i, j)
          .map((l) => l.text)
          .join("\n");
        if (!Object.prototype.hasOwnProperty.call(table, key)) continue;
        const problem = entryProblem(key, table[key]);
        if (problem) throw new TypeError(`translateComments: ${problem}`);
        table[key]
          .split("\n")
          .forEach((text, k) =>
            edits.push({ start: run[i + k].start, end: run[i + k].end, text: text.trimEnd() }),
          );
        used.push(key);
        matched = j - i;
        break;
      }
      if (matched === 0) {
        if (needs(run[i].text)) missing.push(run[i]);
        matched = 1;
      }
      i += matched;
    }
  }
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { source: out, used, missing };
}
