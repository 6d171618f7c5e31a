// The kit's output format: the names inside the HTML that `show` and `showTable` write for
// Jupyter front ends.
//
// They are the kit's own business. The exporter (scripts/export) never reads them: it reads
// only standard MIME types (application/vnd.plotly.v1+json, image/svg+xml, text/markdown, …).
// The display code and the front-end tests (which look for drawn plots inside JupyterLab)
// import them from here. Nothing here depends on Node or the DOM.

/** The `class` of the `<div>` that a plot is drawn into. */
export const PLOT_CLASS = "mlekit-plot";
/** Every plot `<div>` id starts with this, followed by a hash of the figure. */
export const PLOT_ID_PREFIX = "mlekit-plot-";
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

/**
 * The project's own MIME type for a live slider's spec (see `liveSlider`): the frame's source,
 * its inputs and the range. A plot output that carries it can be recomputed by a page.
 */
export const LIVE_SLIDER_MIME = "application/vnd.mlekit.live-slider.v1+json";

/** CSS selector of every plot `<div>`. */
export const PLOT_SELECTOR = `.${PLOT_CLASS}`;
