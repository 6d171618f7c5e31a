#!/usr/bin/env node
// `npm run count:notebooks`: code lines per notebook and the share spent on plot specification.
//
// A code line is a non-blank line of a code cell (hidden solutions included). A plot line is a
// line inside a call to `show(...)` or to one of the kit's figure helpers (plot, curves, bars,
// histogram, contour, panels, slider, line, points, vline, hline, bar), from the line the call starts on
// to the line its parentheses close on, and any other line that sets plotly layout by hand
// (`layout:`, `xaxis:`, `yaxis2:`, `sliders:`, `marker:`, `annotations:`, `shapes:`). Prints a table and the totals.
import * as fs from "fs";
import * as path from "path";
import { isCourseNotebook, listNotebooks, text, type Notebook } from "./notebooks";

const LAYOUT_KEY = /\b(layout|[xy]axis\d*|sliders|marker|annotations|shapes|legend|barmode)\s*:/;
const PLOT_CALL =
  /\b(show|plot|curves|bars|histogram|contour|panels|slider|line|points|vline|hline|bar|createPlot)\s*\(/;

/** Lines of code in one notebook, and how many of them specify a plot. */
export interface CodeCount {
  /** Non-blank lines of code cells. */
  code: number;
  /** Of those, lines inside a plot call or setting plotly layout. */
  plotLines: number;
}

/**
 * Counts the code lines of a notebook and the plot lines among them (see the top of this file).
 * @param file the notebook
 */
export function count(file: string): CodeCount {
  const nb = JSON.parse(fs.readFileSync(file, "utf8")) as Notebook;
  let code = 0;
  let plotLines = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== "code") continue;
    const src = text(cell.source);
    let depth = 0;
    for (const l of src.split("\n")) {
      if (!l.trim()) continue;
      code++;
      const bare = l.replace(/\/\/.*$/, "");
      if (depth === 0 && !PLOT_CALL.test(bare) && LAYOUT_KEY.test(bare)) {
        plotLines++;
        continue;
      }
      const inCall = depth > 0 || PLOT_CALL.test(bare);
      if (inCall) {
        plotLines++;
        for (const ch of l.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "")) {
          if (ch === "(") depth++;
          else if (ch === ")") depth = Math.max(0, depth - 1);
        }
      }
    }
  }
  return { code, plotLines };
}

/** Prints one row per course notebook and the totals. */
function main(): void {
  let total = 0;
  let plots = 0;
  for (const file of listNotebooks().filter(isCourseNotebook)) {
    const { code, plotLines } = count(file);
    total += code;
    plots += plotLines;
    console.log(
      `${path.basename(file).padEnd(55)} ${String(code).padStart(5)} code lines  ${String(plotLines).padStart(4)} plot lines`,
    );
  }
  console.log(
    `${"total".padEnd(55)} ${String(total).padStart(5)} code lines  ${String(plots).padStart(4)} plot lines (${((100 * plots) / total).toFixed(1)}%)`,
  );
}

if (require.main === module) main();
