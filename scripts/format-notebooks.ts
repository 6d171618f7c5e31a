#!/usr/bin/env node
// `npm run format:notebooks`: formats every code cell of every notebook with Prettier (pinned
// in package.json; options from the repository's .prettierrc: width 100), in place, writing each
// notebook byte for byte as Jupyter does (scripts/clean-notebooks.ts), so the hygiene check
// still passes.
//
//   npm run format:notebooks                      format every notebooks/*.ipynb in place
//   npm run format:notebooks -- FILE...           format these
//   npm run format:notebooks -- --check [FILE...] report cells that are not formatted and code
//                                                 lines longer than 100 characters; exit 1 if any
//
// A cell is formatted as a TypeScript module, then its final newline is dropped (a cell's source
// has none). Prettier keeps the program as it is: it never turns `{ y: y }` into `{ y }`, which
// tslab 1.0.22 would break when y comes from another cell (tests/scripts/format-notebooks.test.ts
// checks it), and the semicolon it adds after a cell's last expression does not stop tslab from
// showing its value. A cell Prettier cannot parse is reported with its notebook and number.
import * as fs from "fs";
import * as path from "path";
import { serialize } from "./clean-notebooks";
import { listNotebooks, splitLines, text, type Notebook } from "./notebooks";
import { ROOT } from "./setup";

/** The longest code line a notebook may have, in characters (code points). */
export const MAX_LINE = 100;

type PrettierApi = {
  format(source: string, options: Record<string, unknown>): Promise<string>;
  resolveConfig(file: string): Promise<Record<string, unknown> | null>;
};

let prettier: PrettierApi | undefined;
let options: Record<string, unknown> | undefined;

/** Prettier's options for a notebook cell: the repository's .prettierrc, the TypeScript parser. */
async function cellOptions(): Promise<Record<string, unknown>> {
  prettier ??= require("prettier") as PrettierApi;
  if (!options) {
    const config = (await prettier.resolveConfig(path.join(ROOT, "notebooks", "cell.ts"))) ?? {};
    if (config.printWidth !== MAX_LINE)
      throw new Error(
        `format-notebooks: .prettierrc gives printWidth ${String(config.printWidth)}, expected ${MAX_LINE}`,
      );
    options = { ...config, parser: "typescript" };
  }
  return options;
}

/**
 * One code cell's source, formatted.
 * @param source the cell's code
 * @returns the formatted code, without a final newline (an empty cell stays empty)
 * @throws Error (Prettier's SyntaxError) when the cell is not valid TypeScript
 * @example
 * await formatCell("const a={y:y}"); // => "const a = { y: y };"
 */
export async function formatCell(source: string): Promise<string> {
  if (source.trim() === "") return source;
  const opts = await cellOptions();
  return (await prettier!.format(source, opts)).replace(/\n+$/, "");
}

/** A line longer than {@link MAX_LINE}. */
export interface LongLine {
  /** The cell's number in the notebook (from 1) and its id. */
  readonly cell: number;
  readonly cellId: string;
  /** The line's number in the cell (from 1) and its length in characters. */
  readonly line: number;
  readonly length: number;
}

/** The code lines of a notebook longer than {@link MAX_LINE} characters (code points). */
export function longLines(nb: Notebook): LongLine[] {
  const out: LongLine[] = [];
  nb.cells.forEach((c, i) => {
    if (c.cell_type !== "code") return;
    text(c.source)
      .split("\n")
      .forEach((l, j) => {
        const length = [...l].length;
        if (length > MAX_LINE)
          out.push({ cell: i + 1, cellId: String(c.id ?? i + 1), line: j + 1, length });
      });
  });
  return out;
}

/** What `--check` finds in one notebook. */
export interface FormatReport {
  readonly file: string;
  /** Cells Prettier would change (number, id, first changed line) or cannot parse. */
  readonly unformatted: readonly string[];
  readonly long: readonly LongLine[];
  /** All of it as lines, empty when the notebook passes. */
  readonly problems: readonly string[];
}

/**
 * Formats the code cells of a notebook (in memory).
 * @returns the notebook with formatted cells, and the cells that changed or failed
 */
export async function formatNotebook(
  nb: Notebook,
): Promise<{ notebook: Notebook; changed: string[]; failed: string[] }> {
  const out = JSON.parse(JSON.stringify(nb)) as Notebook;
  const changed: string[] = [];
  const failed: string[] = [];
  for (const [i, c] of out.cells.entries()) {
    if (c.cell_type !== "code") continue;
    const before = text(c.source);
    const name = `cell ${i + 1} (${String(c.id ?? "")})`;
    try {
      const after = await formatCell(before);
      if (after !== before) {
        const a = before.split("\n");
        const b = after.split("\n");
        const k = a.findIndex((l, j) => l !== b[j]);
        changed.push(
          `${name} line ${(k < 0 ? a.length : k) + 1}: ${JSON.stringify((a[k < 0 ? a.length - 1 : k] ?? "").slice(0, 80))}`,
        );
        c.source = splitLines(after);
      }
    } catch (e) {
      failed.push(`${name}: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  return { notebook: out, changed, failed };
}

/**
 * Checks notebooks: every code cell as Prettier formats it, no code line over {@link MAX_LINE}.
 * @param files notebooks (default: every notebook in notebooks/)
 */
export async function checkNotebooks(
  files: readonly string[] = listNotebooks(),
): Promise<FormatReport[]> {
  const reports: FormatReport[] = [];
  for (const file of files) {
    const nb = JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
    const { changed, failed } = await formatNotebook(nb);
    const long = longLines(nb);
    const unformatted = [...failed, ...changed];
    const problems = [
      ...failed.map((f) => `Prettier cannot parse ${f}`),
      ...changed.map((c) => `not formatted: ${c}`),
      ...long.map(
        (l) =>
          `cell ${l.cell} (${l.cellId}) line ${l.line}: ${l.length} characters (> ${MAX_LINE})`,
      ),
    ];
    reports.push({ file, unformatted, long, problems });
  }
  return reports;
}

async function main(argv: readonly string[]): Promise<void> {
  const check = argv.includes("--check");
  const named = argv.filter((a) => !a.startsWith("--"));
  const files = named.length ? named.map((f) => path.resolve(f)) : listNotebooks();
  if (check) {
    const reports = await checkNotebooks(files);
    let bad = 0;
    for (const r of reports) {
      if (!r.problems.length) continue;
      bad++;
      console.log(
        `${path.relative(ROOT, r.file)}: ${r.unformatted.length} cell(s) not formatted, ${r.long.length} line(s) over ${MAX_LINE} characters`,
      );
      for (const p of r.problems) console.log(`  ${p}`);
    }
    const lines = reports.reduce((s, r) => s + r.long.length, 0);
    console.log(
      `${reports.length - bad} of ${reports.length} notebook(s) formatted with no line over ${MAX_LINE} characters (${lines} long line(s) in all)`,
    );
    if (bad) {
      console.log(
        "fix with: npm run format:notebooks (then split by hand the lines Prettier cannot break: long strings, comments)",
      );
      process.exitCode = 1;
    }
    return;
  }
  for (const file of files) {
    const raw = fs.readFileSync(file, "utf8");
    const { notebook, changed, failed } = await formatNotebook(JSON.parse(raw) as Notebook);
    for (const f of failed)
      console.error(`${path.relative(ROOT, file)}: Prettier cannot parse ${f}`);
    const body = serialize(notebook);
    if (body !== raw) {
      fs.writeFileSync(file, body);
      console.log(`formatted ${path.relative(ROOT, file)} (${changed.length} cell(s))`);
    }
    if (failed.length) process.exitCode = 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message);
    process.exitCode = 1;
  });
}
