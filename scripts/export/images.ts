// The rasterising pass: every plot output (standard type application/vnd.plotly.v1+json) gets
// `image/svg+xml` and `image/png` of itself in its own MIME bundle, rendered once by plotly.js
// in Chromium. From then on every exporter, and any other tool (nbconvert, GitHub, mystmd),
// finds the static images where Jupyter keeps them.
import { renderFigures } from "./browser";
import { isDisplay, plotlyFigure, splitLines, type Notebook } from "../nbformat";
import { plotOutputs } from "./notebook";

/** What {@link addPlotImages} did. */
export interface RasterReport {
  /** Plot outputs in the notebook. */
  plots: number;
  /** Plot outputs that received images in this pass (the others had them already). */
  rendered: number;
  /** One line per plot that could not be rendered. */
  problems: string[];
}

/**
 * Adds `image/svg+xml` and `image/png` (with its size in the output metadata) to every plot
 * output of `nb` that lacks them. Mutates `nb`.
 * @param nb an executed notebook
 * @param plotlyJs the plotly.js source to render with
 */
export async function addPlotImages(nb: Notebook, plotlyJs: string): Promise<RasterReport> {
  const plots = plotOutputs(nb);
  const todo = plots.filter(
    (p) => p.out.data["image/svg+xml"] === undefined || p.out.data["image/png"] === undefined,
  );
  const images = await renderFigures(
    todo.map((p) => p.figure),
    plotlyJs,
  );
  const problems: string[] = [];
  todo.forEach((p, i) => {
    const img = images[i];
    if (img instanceof Error) {
      problems.push(
        `plot ${p.n}${p.title ? ` "${p.title}"` : ""} could not be rendered: ${img.message}`,
      );
      return;
    }
    const out = p.out;
    out.data["image/svg+xml"] = splitLines(img.svg);
    out.data["image/png"] = img.png;
    out.metadata = {
      ...(out.metadata ?? {}),
      "image/png": { width: img.width, height: img.height },
    };
  });
  return { plots: plots.length, rendered: todo.length - problems.length, problems };
}

/**
 * The executed notebook made for readers that run no script (GitHub, nbviewer, an untrusted
 * JupyterLab, nbconvert): every plot output that carries its images loses its `text/html`,
 * so a front end shows the plotly JSON where it has plotly's renderer and the image
 * everywhere else, never an empty box. Returns a copy; `nb` is untouched.
 */
export function forStaticReaders(nb: Notebook): Notebook {
  const copy = JSON.parse(JSON.stringify(nb)) as Notebook;
  for (const cell of copy.cells) {
    if (cell.cell_type !== "code") continue;
    for (const out of cell.outputs) {
      if (!isDisplay(out) || !plotlyFigure(out)) continue;
      if (out.data["image/png"] !== undefined || out.data["image/svg+xml"] !== undefined)
        delete out.data["text/html"];
    }
  }
  return copy;
}
