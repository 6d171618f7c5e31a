// The kit's output format: the names inside the HTML that `show` and `showTable` write.
//
// This is the one place they are defined. The exporter, the browser tests and the display code
// import them from here (scripts: `require("notebook-kit/dist/format")`), so a change here
// changes every reader at once. Nothing here depends on Node or the DOM.

/** The `class` of the `<div>` that a plot is drawn into. */
export const PLOT_CLASS = "mlekit-plot";
/** Every plot `<div>` id starts with this, followed by a hash of the figure. */
export const PLOT_ID_PREFIX = "mlekit-plot-";
/** The `class` of the static image (PNG) an export puts inside a plot `<div>`. */
export const PLOT_STATIC_CLASS = "mlekit-plot-static";
/** The `class` of a table written by `showTable`. */
export const TABLE_CLASS = "mlekit-table";
/** The `class` of the "N rows × K columns" line under a shortened table. */
export const TABLE_SHAPE_CLASS = "mlekit-table-shape";
/** The attribute on the `<script>` that embeds plotly.js; its value is `plotly.js <version>`. */
export const PLOTLY_SCRIPT_ATTRIBUTE = "data-mlekit";
/** The value prefix of {@link PLOTLY_SCRIPT_ATTRIBUTE}. */
export const PLOTLY_SCRIPT_VALUE_PREFIX = "plotly.js";
/** Jupyter's MIME type for a plotly figure, which JupyterLab's plotly renderer draws. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

/** CSS selector of every plot `<div>`. */
export const PLOT_SELECTOR = `.${PLOT_CLASS}`;
/** CSS selector of the plotly.js embed. */
export const PLOTLY_SCRIPT_SELECTOR = `script[${PLOTLY_SCRIPT_ATTRIBUTE}^="${PLOTLY_SCRIPT_VALUE_PREFIX}"]`;

/** True when an output's HTML holds a kit plot `<div>`. */
export function isPlotHtml(html: string): boolean {
  return html.includes(`class="${PLOT_CLASS}"`);
}
