// What a notebook says a page made from it must show, read from the notebook itself, so an
// "every X is drawn" check has a lower bound that does not come from the page it checks: a page
// whose plots all vanished must not pass as "0 of 0 drawn".
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { extractMath } from "../../scripts/export/math";
import { parseNotebook, plotlyFigure, text, type Cell } from "../../scripts/nbformat";

/** The cells of `<dir>/<name>.ipynb`; throws, naming the file, when it is missing. */
export function notebookCells(dir: string, name: string): Cell[] {
  const file = join(dir, `${name}.ipynb`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: the executed notebook must sit beside its exports`);
  return parseNotebook(readFileSync(file, "utf8"), file).cells;
}

/**
 * The least number of plots a notebook's code draws: one per call of the kit's `show(` in its
 * code cells (a call in a loop may draw more). Read from the code, not the outputs, so it
 * holds even when the outputs lost their plots. For the course notebooks it equals the number
 * of plot outputs (checked when this was written: 2, 4, 7, 6, 3, 4, 5, 4, 2 for 00 to 08).
 */
export function leastPlots(cells: Cell[]): number {
  return cells
    .filter((c) => c.cell_type === "code")
    .reduce((n, c) => n + (text(c.source).match(/(?<![\w.$])show\(/g) ?? []).length, 0);
}

/** The outputs of a notebook that carry a plotly figure. */
export function plotOutputCount(cells: Cell[]): number {
  return cells
    .flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
    .filter((o) => plotlyFigure(o) !== undefined).length;
}

/** The formulas in a notebook's Markdown cells (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`, code aside). */
export function formulaCount(cells: Cell[]): number {
  return cells
    .filter((c) => c.cell_type === "markdown")
    .reduce((n, c) => n + extractMath(text(c.source)).formulas.length, 0);
}

/** Markdown cells whose source has `$…$` on one line: the cells a JupyterLab test expects MathJax in (jupyterlab-page.ts counts the same). */
export function dollarMathCellCount(cells: Cell[]): number {
  return cells.filter((c) => c.cell_type === "markdown" && /\$[^$\n]+\$/.test(text(c.source)))
    .length;
}

/** Cells whose source Jupyter collapses (`metadata.jupyter.source_hidden`). */
export function hiddenCellCount(cells: Cell[]): number {
  return cells.filter((c) => c.metadata?.jupyter?.source_hidden === true).length;
}
