// A small executed notebook, built in code, with one output of every kind the exporters meet:
// a plot as the rasterising pass leaves it (plotly JSON + kit HTML + SVG + PNG), a kit table
// (HTML + GFM Markdown + text), a foreign image, Markdown, plain results, streams, an error and
// a hidden solution. The tests of html.ts, markdown.ts and images.ts share it.
import type { Notebook } from "../../scripts/nbformat";

/** A 1x1 transparent PNG (the smallest valid PNG file), base64. */
export const TINY_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
export const PLOT_SVG =
  '<svg class="main-svg" xmlns="http://www.w3.org/2000/svg" width="860" height="450"><rect width="10" height="10"/></svg>';

export function fixtureNotebook(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      {
        cell_type: "markdown",
        source: ["# Title $x_1$\n", "\n", "See [next](02-next.ipynb#part) and \\[ a_b \\]."],
      },
      {
        cell_type: "code",
        execution_count: 1,
        source: "console.log(1)",
        outputs: [
          { output_type: "stream", name: "stdout", text: ["1\n", "```\n"] },
          {
            output_type: "display_data",
            metadata: { "image/png": { width: 860, height: 450 } },
            data: {
              "application/vnd.plotly.v1+json": {
                data: [{ y: [1, 2] }],
                layout: { title: { text: "Squares [demo]" } },
              },
              "text/html": '<div class="kit-private"></div><script>draw()</script>',
              "image/svg+xml": [PLOT_SVG],
              "image/png": TINY_PNG,
              "text/plain": 'Plot: 1 trace (scatter) "Squares [demo]"',
            },
          },
          { output_type: "execute_result", execution_count: 1, data: { "text/plain": "42" } },
          {
            output_type: "display_data",
            data: {
              "text/html":
                "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
              "text/markdown": "| a |\n| --: |\n| 1 |",
              "text/plain": "a\n-\n1",
            },
          },
          { output_type: "display_data", data: { "image/png": TINY_PNG, "text/plain": "<img>" } },
          {
            output_type: "error",
            ename: "Error",
            evalue: "boom",
            traceback: ["Error: boom", "\u001b[31m    at x\u001b[0m"],
          },
        ],
      },
      {
        cell_type: "code",
        execution_count: 2,
        metadata: { jupyter: { source_hidden: true } },
        source: "answer()",
        outputs: [{ output_type: "display_data", data: { "text/markdown": "**yes** \\(y\\)" } }],
      },
    ],
  };
}
