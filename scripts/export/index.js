// Export of one executed notebook to every format the worked notes come in.
"use strict";
const fs = require("fs");
const path = require("path");
const { notebookToHtml } = require("./html");

let plotly;
function plotlyJs() {
  if (plotly === undefined) plotly = require("mlekit").plotlyJs();
  return plotly;
}

/** Writes exports/<name>.html from the executed notebook; returns the files written. */
async function exportNotebook(result, executedPath, outDir) {
  const nb = JSON.parse(fs.readFileSync(executedPath, "utf8"));
  const warnings = [];
  const html = notebookToHtml(nb, { plotlyJs: plotlyJs(), onWarning: (w) => warnings.push(w) });
  const htmlPath = path.join(outDir, `${result.name}.html`);
  fs.writeFileSync(htmlPath, html);
  for (const w of warnings) console.warn(`  warning (${result.name}): ${w}`);
  return [executedPath, htmlPath];
}

module.exports = { exportNotebook };
