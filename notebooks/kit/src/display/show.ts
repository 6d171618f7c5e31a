import { displayChannel } from "./kernel";
import {
  currentFrontend,
  ensureNotebookPlotly,
  figureBundle,
  type FigureLike,
} from "./figure-bundle";
import { localizeFigure } from "../i18n/display";
import { LIVE_SLIDER_MIME, liveSliderSpec } from "../plot/live-slider";

/** Options for {@link show}. */
export interface ShowOptions {
  /**
   * Embed plotly.js in this output. Default: in a kernel, only the session's first plot embeds
   * it (later plots reuse the copy already on the page); in plain Node, always, so every
   * returned string is a self-contained page fragment. Ignored under the project's JupyterLab
   * (`MLEKIT_FRONTEND=lab`), whose Jupyter server serves the one shared plotly.js.
   */
  readonly includePlotly?: boolean;
}

let embeddedInKernel = false;
/** Front end "own": plotly.js's path beside the notebook, once the session's first plot wrote it. */
let notebookPlotly: string | undefined;

/** Forgets that plotly.js was embedded; for tests that simulate a new kernel session. */
export function resetDisplaySession(): void {
  embeddedInKernel = false;
  notebookPlotly = undefined;
}

/**
 * Displays a plotly figure in the running notebook, or returns its HTML outside a kernel.
 *
 * - Under the project's own tslab kernel it emits ONE output whose MIME bundle holds
 *   `application/vnd.plotly.v1+json`, `text/html` and a one-line `text/plain` summary.
 *   For nbclient runs and exports (the default) the HTML draws with a current plotly.js that is
 *   embedded once per kernel session, so outputs and exports work offline. Under the kernelspec
 *   of `npm run lab` (`MLEKIT_FRONTEND=lab`) no plotly.js is embedded: JupyterLab draws the JSON
 *   with plotly's renderer when it is installed, and otherwise the HTML loads the one plotly.js
 *   the project's Jupyter server serves. A notebook saved after Run All then weighs kilobytes
 *   per plot instead of 5 MB for the first one. Under the kernelspec of `npm run kernel:install`
 *   (`MLEKIT_FRONTEND=own`, the student's own Jupyter) the session's first plot writes one
 *   plotly.js into `_mlekit/` beside the notebook, and the HTML loads it through the server's
 *   `files/` URL, once per page.
 * - Under another tslab (say, a global install with no local tslab beside the notebook) it
 *   degrades to a single `text/html` output.
 * - In plain Node it displays nothing, does not throw, and returns the HTML.
 * - In a page that runs the cells itself (a display host, see `DISPLAY_HOST`) it sends the
 *   same bundle, with no plotly.js embedded: the page has its own.
 * - A figure from `liveSlider` is checked first (its frame must depend on its arguments alone;
 *   see `liveSliderSpec`), and its output also carries the live spec under
 *   `application/vnd.mlekit.live-slider.v1+json`, which an exported page turns into a
 *   continuous slider.
 *
 * @param figure what plotly-notebook-js's `createPlot(data, layout)` returns, or a plain
 *   `{ data, layout, config?, frames? }`; typed arrays in the traces are fine
 * @param options see {@link ShowOptions}
 * @returns `undefined` when the figure was displayed in a kernel (so the cell prints nothing
 *   more), otherwise the figure's HTML
 * @throws {TypeError} when `figure` has no `data` array, or a live slider's frame reads a name
 *   that is not one of its arguments (the message names it)
 * @example
 * import { createPlot } from "plotly-notebook-js";
 * show(createPlot([{ x: [1, 2, 3], y: [1, 4, 9] }], { title: { text: "squares" } })); // titles as { text }
 * // => draws the plot in the notebook; in plain Node returns '<script …' HTML
 */
export function show(figure: FigureLike, options: ShowOptions = {}): string | undefined {
  const live = liveSliderSpec(figure); // read before localizing: the copy does not carry the frame
  figure = localizeFigure(figure); // titles, axes, legends, slider labels in the reader's language
  const channel = displayChannel();
  if (channel.kind === "none") {
    const bundle = figureBundle(figure, { includePlotly: options.includePlotly ?? true });
    return bundle["text/html"] as string;
  }
  const frontend = currentFrontend();
  // A host page draws the plotly JSON with its own plotly.js: nothing to embed. Nor does Deno's
  // kernel get plotly.js: a 4.8 MB output makes it lose a cell's result (see denoChannel).
  const includePlotly =
    channel.kind !== "host" &&
    channel.kind !== "deno" &&
    frontend === "run" &&
    (options.includePlotly ?? !embeddedInKernel);
  // The student's own Jupyter (kernelspec of `npm run kernel:install`): one plotly.js beside
  // the notebook, loaded by the page's first plot (see figureBundle's "own" front end).
  if (frontend === "own" && channel.kind !== "host" && notebookPlotly === undefined)
    notebookPlotly = ensureNotebookPlotly();
  const bundle = figureBundle(figure, { includePlotly, frontend, plotlySrc: notebookPlotly });
  channel.send(live ? { ...bundle, [LIVE_SLIDER_MIME]: live } : bundle);
  if (includePlotly) embeddedInKernel = true;
  return undefined;
}
