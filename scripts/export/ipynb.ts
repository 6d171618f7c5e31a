// @ts-nocheck
// The executed notebook, made readable where plotly.js cannot run (GitHub, untrusted
// JupyterLab, nbviewer): every plot output also carries an `image/png` of itself, rendered by
// Chromium from the same figure.
//
// Front ends choose one MIME type per output, and most rank `text/html` above `image/png`; an
// untrusted front end sanitises that HTML (scripts dropped), which would leave an empty box.
// So the PNG also goes inside the plot's <div> as a static <img>, and a one-line style hides it
// as soon as plotly.js has drawn the interactive plot in the same <div>.
"use strict";
const FORMAT = require("notebook-kit/dist/format");
const { text, isPlotOutput, outputKey } = require("./notebook");

const STATIC_CLASS = FORMAT.PLOT_STATIC_CLASS;
const HIDE_WHEN_DRAWN = `<style>${FORMAT.PLOT_SELECTOR} .plot-container ~ img.${STATIC_CLASS}{display:none}</style>`;

/** A string in nbformat's multiline form: lines, each keeping its newline. */
const lines = (s) => s.split(/(?<=\n)/);

const escAttr = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/**
 * Adds the rendered PNGs to the plot outputs of `nb` (mutates and returns it).
 * @param nb executed notebook JSON
 * @param images Map of output key (`c3-o0`) -> `{ png (base64), width, height, alt }`
 * @returns the number of plot outputs that received an image
 */
function addPlotImages(nb, images) {
  let added = 0;
  nb.cells.forEach((cell, c) => {
    if (cell.cell_type !== "code") return;
    (cell.outputs || []).forEach((out, o) => {
      if (!isPlotOutput(out)) return;
      const img = images.get(outputKey(c, o));
      if (!img || !img.png) return;
      out.data["image/png"] = img.png;
      out.metadata = { ...(out.metadata || {}), "image/png": { width: img.width, height: img.height } };
      const html = text(out.data["text/html"]);
      if (html && !html.includes(STATIC_CLASS)) {
        const tag =
          `<img class="${STATIC_CLASS}" alt="${escAttr(img.alt || "plot")}" width="${img.width}" ` +
          `style="max-width:100%;height:auto" src="data:image/png;base64,${img.png}">`;
        const withImg = html.replace(new RegExp(`(<div\\b[^>]*class="${FORMAT.PLOT_CLASS}"[^>]*>)`), `$1${tag}`);
        if (withImg !== html) out.data["text/html"] = lines(withImg + HIDE_WHEN_DRAWN);
      }
      added++;
    });
  });
  return added;
}

/**
 * Undoes {@link addPlotImages} (mutates and returns `nb`): the outputs exactly as the kernel
 * sent them, e.g. to compare an exported notebook with a fresh run.
 */
function stripPlotImages(nb) {
  for (const cell of nb.cells) {
    for (const out of cell.outputs || []) {
      if (!isPlotOutput(out)) continue;
      const html = text(out.data["text/html"]);
      if (!html.includes(STATIC_CLASS)) continue;
      delete out.data["image/png"];
      if (out.metadata) delete out.metadata["image/png"];
      out.data["text/html"] = lines(html.replace(new RegExp(`<img class="${STATIC_CLASS}"[^>]*>`), "").replace(HIDE_WHEN_DRAWN, ""));
    }
  }
  return nb;
}

module.exports = { addPlotImages, stripPlotImages, STATIC_CLASS };
