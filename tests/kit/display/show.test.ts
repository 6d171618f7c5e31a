import { test } from "uvu";
import * as assert from "uvu/assert";
import { resetDisplaySession, show } from "../../../notebooks/kit/src/display/show";
import { globalKernel, noKernel, ownKernel } from "./fake-kernel";
import * as FORMAT from "../../../notebooks/kit/src/format";

// plotly-notebook-js's createPlot returns an object of this shape (data, layout, methods).
const createPlotLike = (data: object[], layout: object) => ({
  data,
  layout,
  restyle() {
    return this;
  },
});
const fig = createPlotLike([{ type: "bar", x: [1, 2], y: new Float64Array([0.25, 0.75]) }], {
  title: { text: "coin" },
});
const PLOTLY_SCRIPT = `${FORMAT.PLOTLY_SCRIPT_ATTRIBUTE}="plotly.js`;

test.before.each(() => resetDisplaySession());
test.after.each(noKernel);

test("in plain Node show returns self-contained HTML and does not throw", () => {
  const html = show(fig);
  assert.type(html, "string");
  assert.ok(html!.includes(PLOTLY_SCRIPT), "plotly.js is embedded");
  assert.ok(html!.includes(`class="${FORMAT.PLOT_CLASS}"`));
  assert.ok(show(fig)!.includes(PLOTLY_SCRIPT), "every returned page fragment embeds plotly.js");
});

test("under the project's tslab show emits one output with the plotly JSON, HTML and a text summary", () => {
  const sent = ownKernel();
  assert.is(show(fig), undefined);
  assert.is(sent.length, 1);
  assert.equal(Object.keys(sent[0].data).sort(), [
    "application/vnd.plotly.v1+json",
    "text/html",
    "text/plain",
  ]);
  const json = sent[0].data["application/vnd.plotly.v1+json"] as { data: { y: number[] }[] };
  assert.equal(json.data[0].y, [0.25, 0.75], "typed arrays become plain arrays");
  assert.is(
    sent[0].data["text/plain"],
    "Plot: coin\nBar chart. x axis: x, from 1 to 2. y axis: y, from 0 to 0.75. 1 unnamed bar.",
  );
});

test("plotly.js is embedded once per kernel session and reused by later plots", () => {
  const sent = ownKernel();
  show(fig);
  show(fig);
  show(fig);
  const embeds = sent.map((c) => String(c.data["text/html"]).includes(PLOTLY_SCRIPT));
  assert.equal(embeds, [true, false, false]);
  resetDisplaySession();
  show(fig);
  assert.is(
    String(sent[3].data["text/html"]).includes(PLOTLY_SCRIPT),
    true,
    "a new session embeds again",
  );
});

test("under another tslab show degrades to a single text/html output", () => {
  const html = globalKernel();
  assert.is(show(fig), undefined);
  assert.is(html.length, 1);
  assert.ok(html[0].includes("Plotly.newPlot"));
  assert.ok(html[0].includes(PLOTLY_SCRIPT));
});

test("show rejects something that is not a figure, naming the function", () => {
  assert.throws(() => show({} as never), /figureBundle: expected a figure with a data array/);
  assert.throws(() => show(null as never), TypeError);
});

test("under the project's JupyterLab kernelspec (MLEKIT_FRONTEND=lab) no output embeds plotly.js, the first included", () => {
  const sent = ownKernel();
  const prior = process.env.MLEKIT_FRONTEND;
  process.env.MLEKIT_FRONTEND = "lab";
  try {
    show(fig);
    show(fig, { includePlotly: true });
  } finally {
    if (prior === undefined) delete process.env.MLEKIT_FRONTEND;
    else process.env.MLEKIT_FRONTEND = prior;
  }
  assert.is(sent.length, 2);
  for (const out of sent) {
    assert.not.ok(String(out.data["text/html"]).includes(PLOTLY_SCRIPT));
    assert.ok(
      out.data["application/vnd.plotly.v1+json"],
      "the plotly JSON is still there for plotly's renderer",
    );
  }
  show(fig);
  assert.ok(
    String(sent[2].data["text/html"]).includes(PLOTLY_SCRIPT),
    "without the variable the first plot embeds plotly.js",
  );
});

test("includePlotly: false leaves plotly.js out even of the first plot", () => {
  const sent = ownKernel();
  show(fig, { includePlotly: false });
  assert.not.ok(String(sent[0].data["text/html"]).includes(PLOTLY_SCRIPT));
  show(fig);
  assert.ok(String(sent[1].data["text/html"]).includes(PLOTLY_SCRIPT), "still embedded once later");
});

test.run();
