import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  NOTEBOOK_PLOTLY_DIR,
  PLOT_FALLBACK_CLASS,
  SHARED_PLOTLY_PATH,
  ensureNotebookPlotly,
  figureBundle,
  normalizeFigure,
  plotlyJs,
  plotlyVersion,
} from "../../../notebooks/kit/src/display/figure-bundle";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as FORMAT from "../../../notebooks/kit/src/format";

const fig = {
  data: [
    { x: [1, 2], y: [3, 4] },
    { type: "bar", y: [1] },
  ],
  layout: { title: { text: "t" }, xaxis: { title: { text: "θ" } } },
};

test("the text/plain is the plot's caption (its title) and its generated description", () => {
  const b = figureBundle(fig, { includePlotly: false });
  assert.is(
    b["text/plain"],
    "Plot: t\nBar and line chart. x axis: θ, from 0 to 2. y axis: y, from 0 to 4. 1 unnamed line; 1 unnamed bar.",
  );
});

test("the plot's HTML is a figure named by its caption and described by the description", () => {
  const html = figureBundle(fig, { includePlotly: false })["text/html"] as string;
  const id = /id="([^"]+)"/.exec(html)![1];
  assert.ok(html.includes(`role="figure" aria-label="t" aria-describedby="${id}-about"`));
  assert.ok(
    html.includes(`<p id="${id}-about" lang="en" style="position:absolute;`),
    "a description a screen reader reads and the eye does not see",
  );
  assert.ok(html.includes(">Bar and line chart. x axis: θ"));
});

test("the same figure gets the same element id on every run (deterministic outputs)", () => {
  const a = figureBundle(fig, { includePlotly: false })["text/html"] as string;
  const b = figureBundle(fig, { includePlotly: false })["text/html"] as string;
  assert.is(a, b);
  const other = figureBundle({ data: [{ y: [9] }] }, { includePlotly: false })[
    "text/html"
  ] as string;
  assert.is.not(/id="([^"]+)"/.exec(a)![1], /id="([^"]+)"/.exec(other)![1]);
});

test("a string title, which plotly.js 3+ would silently not draw, is a TypeError naming where it is", () => {
  assert.equal(normalizeFigure(fig).layout.title, { text: "t" });
  assert.throws(
    () => normalizeFigure({ data: [], layout: { title: "t" } }),
    (e: Error) =>
      e instanceof TypeError &&
      e.message === 'show: layout.title = "t" is a string; plotly.js 3+ draws only { text: "t" }',
  );
  assert.throws(
    () => normalizeFigure({ data: [], layout: { yaxis2: { title: "nats" } } }),
    /layout\.yaxis2\.title = "nats"/,
  );
  assert.throws(
    () =>
      figureBundle(
        { data: [{ type: "contour", z: [[1]], colorbar: { title: "z" } }] },
        { includePlotly: false },
      ),
    /figureBundle: data\[0\]\.colorbar\.title/,
  );
});

test("a script-breaking string in the data cannot end the script element", () => {
  const html = figureBundle(
    { data: [{ name: "</script><script>alert(1)</script>", y: [1] }] },
    { includePlotly: false },
  )["text/html"] as string;
  assert.not.ok(html.includes("</script><script>alert"));
  assert.ok(html.includes("\\u003c/script\\u003e"));
});

test("frames and config reach the plotly JSON; the default config is not responsive (a responsive figure collapsed under plotly's renderer)", () => {
  const b = figureBundle(
    {
      data: [{ y: [1] }],
      frames: [{ name: "a", data: [{ y: [2] }] }],
      config: { staticPlot: true },
    },
    { includePlotly: false },
  );
  const j = b["application/vnd.plotly.v1+json"] as {
    frames: unknown[];
    config: Record<string, unknown>;
  };
  assert.is(j.frames.length, 1);
  assert.equal(j.config, { displaylogo: false, staticPlot: true });
  for (const frontend of ["run", "lab"] as const) {
    const html = figureBundle({ data: [{ y: [1] }] }, { includePlotly: false, frontend })[
      "text/html"
    ] as string;
    assert.not.ok(html.includes("responsive"), `the ${frontend} HTML sets no responsive config`);
  }
});

/** The HTML as an untrusted front end shows it: scripts and styles dropped, tags removed. */
const sanitisedText = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

test("with its scripts removed (untrusted notebook) the plot's HTML still shows its summary and how to get it drawn", () => {
  for (const frontend of ["run", "lab", "own"] as const) {
    const html = figureBundle(fig, { includePlotly: frontend === "run", frontend })[
      "text/html"
    ] as string;
    const div = new RegExp(
      `<div id="[^"]+" class="${FORMAT.PLOT_CLASS}"[^>]*><div class="${PLOT_FALLBACK_CLASS}"`,
    );
    assert.ok(
      div.test(html),
      `${frontend}: the fallback sits inside the plot <div> the script draws into`,
    );
    const shown = sanitisedText(html);
    assert.ok(shown.startsWith("Plot: t Bar and line chart."), `${frontend}: ${shown}`);
    assert.match(shown, /trust the notebook \(File → Trust Notebook/);
    assert.match(shown, /re-run the cell/);
    assert.ok(
      html.includes(`querySelector(".${PLOT_FALLBACK_CLASS}")`),
      `${frontend}: the drawing script removes the fallback`,
    );
  }
});

test("for the project's JupyterLab the HTML embeds no plotly.js and loads the server's shared copy instead", () => {
  const lab = figureBundle(fig, { includePlotly: true, frontend: "lab" })["text/html"] as string;
  const run = figureBundle(fig, { includePlotly: true, frontend: "run" })["text/html"] as string;
  assert.not.ok(lab.includes(FORMAT.PLOTLY_SCRIPT_ATTRIBUTE), "no plotly.js embed");
  assert.ok(lab.includes(JSON.stringify(SHARED_PLOTLY_PATH)));
  assert.ok(lab.length < 3000, `lab HTML is ${lab.length} characters`);
  assert.ok(run.length > 1_000_000, "the run HTML embeds plotly.js");
});

test("for the student's own Jupyter (npm run kernel:install) the HTML embeds no plotly.js and names the copy beside the notebook in a src the front end resolves", () => {
  const bundle = figureBundle(fig, { includePlotly: true, frontend: "own" });
  assert.equal(
    Object.keys(bundle).sort(),
    ["text/html", "text/plain"],
    "the figure travels once: no plotly JSON for a renderer to save a PNG beside",
  );
  const own = bundle["text/html"] as string;
  assert.ok(own.includes('"y":[3,4]'), "the HTML carries the figure");
  assert.not.ok(own.includes(FORMAT.PLOTLY_SCRIPT_ATTRIBUTE), "no plotly.js embed");
  assert.ok(own.length < 4000, `own HTML is ${own.length} characters`);
  const marker = /<script type="([^"]+)" id="([^"]+)-plotly-src" src="([^"]+)"><\/script>/.exec(
    own,
  );
  assert.ok(marker, "a marker element whose src JupyterLab rewrites");
  assert.is(marker![3], `${NOTEBOOK_PLOTLY_DIR}/plotly-${plotlyVersion()}.min.js`);
  assert.not.match(marker![1], /javascript|module/, "a type the browser neither fetches nor runs");
  assert.ok(
    own.includes(`id="${marker![2]}" class="${FORMAT.PLOT_CLASS}"`),
    "the marker's id is the plot's",
  );
  const zh = figureBundle(fig, {
    includePlotly: false,
    frontend: "own",
    plotlySrc: "../_mlekit/x.js",
  })["text/html"] as string;
  assert.ok(zh.includes('src="../_mlekit/x.js"'));
});

test("ensureNotebookPlotly writes the kit's plotly.js beside the notebook once, and rewrites a truncated copy", () => {
  const dir = mkdtempSync(join(tmpdir(), "mlekit-own-"));
  try {
    const rel = ensureNotebookPlotly(dir);
    assert.is(rel, `${NOTEBOOK_PLOTLY_DIR}/plotly-${plotlyVersion()}.min.js`);
    const file = join(dir, rel);
    const bundle = readFileSync(require.resolve("plotly.js-dist-min/plotly.min.js"));
    assert.ok(readFileSync(file).equals(bundle), "the copy is the installed bundle");
    writeFileSync(file, "half a file");
    ensureNotebookPlotly(dir);
    assert.ok(readFileSync(file).equals(bundle), "a truncated copy is written again");
    assert.equal(
      readdirSync(join(dir, NOTEBOOK_PLOTLY_DIR)),
      [`plotly-${plotlyVersion()}.min.js`],
      "no temporary file left behind",
    );
    writeFileSync(join(dir, "blocker"), "");
    assert.throws(
      () => ensureNotebookPlotly(join(dir, "blocker")),
      /ensureNotebookPlotly: cannot write plotly\.js to .*blocker/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the embedded plotly.js is the installed current bundle, with no closing script tag inside", () => {
  assert.ok(Number(plotlyVersion().split(".")[0]) >= 2, `plotly.js ${plotlyVersion()}`);
  const src = plotlyJs();
  assert.ok(src.length > 1_000_000);
  assert.not.ok(/<\/script/i.test(src));
  const html = figureBundle(fig, { includePlotly: true })["text/html"] as string;
  assert.ok(
    html.startsWith(
      `<script type="text/javascript" ${FORMAT.PLOTLY_SCRIPT_ATTRIBUTE}="plotly.js ${plotlyVersion()}">`,
    ),
  );
});

test.run();
