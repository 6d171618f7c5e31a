// scripts/export/page/layout.ts: how an exported page lays a figure out for its width.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  LEGEND_GAP_PX,
  NARROW_PX,
  applySliderStep,
  legendPatch,
  prepareFigure,
  wrapLabel,
  type FigureSpec,
} from "../../scripts/export/page/layout";
import { bars, contour, curves, panels, slider } from "../../notebooks/kit/src/plot";

const grid = [0, 0.5, 1];
const twoPanels = (): FigureSpec =>
  panels(
    [
      curves(
        grid,
        { a: [1, 2, 3] },
        { x: "a rather long x-axis title that cannot fit on a phone", y: "nats", title: "left" },
      ),
      curves(grid, { b: [3, 2, 1] }, { x: "θ", y: "bits", title: "right" }),
    ],
    { title: "Both" },
  ) as FigureSpec;
const withSlider = (): FigureSpec =>
  slider(bars([0, 1], { p: [0.5, 0.5] }, { x: "k", y: "P" }), {
    values: [0.2, 0.4],
    label: "θ = ",
    frame: (t) => ({ title: `θ = ${t}`, traces: { 0: { y: [t, 1 - t] } } }),
  }) as FigureSpec;

test("on every screen: the title moves to the page's caption, the mode bar is off, the figure's own data untouched", () => {
  const fig = twoPanels();
  const before = JSON.stringify(fig);
  const p = prepareFigure(fig, 900);
  assert.is(p.narrow, false);
  assert.is(p.layout.title, undefined);
  assert.equal(p.config, { displaylogo: false, displayModeBar: false, responsive: false });
  assert.equal(
    (p.layout.margin as { t: number }).t,
    44,
    "room for the panel titles, none for a title",
  );
  assert.equal(p.layout.xaxis, fig.layout!.xaxis, "nothing else changes on a wide screen");
  assert.is(JSON.stringify(fig), before, "the input is not mutated");
});

test("a slider's step titles are taken out of its steps (the caption follows them instead)", () => {
  const p = prepareFigure(withSlider(), 900);
  assert.equal(p.stepTitles, ["θ = 0.2", "θ = 0.4"]);
  const steps = (p.layout.sliders as { steps: { args: unknown[] }[] }[])[0].steps;
  for (const s of steps) assert.equal(s.args[1], {}, "no title update left in the step");
});

test(`below ${NARROW_PX} px: legend below and left, panels stacked top to bottom, each panel's title over its own row`, () => {
  const p = prepareFigure(twoPanels(), 390);
  assert.ok(p.narrow);
  assert.equal(p.layout.legend, {
    orientation: "h",
    y: -0.3,
    x: 0,
    xanchor: "left",
    yanchor: "top",
    font: { size: 12 },
  });
  const l = p.layout as Record<string, { domain: number[]; automargin?: boolean }>;
  assert.equal(l.xaxis.domain, [0, 1]);
  assert.equal(l.xaxis2.domain, [0, 1]);
  assert.ok(
    l.yaxis.domain[0] > l.yaxis2.domain[1],
    `rows ${l.yaxis.domain} and ${l.yaxis2.domain} are stacked without overlap`,
  );
  assert.ok(l.xaxis.automargin && l.yaxis2.automargin, "axes make room for their labels");
  const notes = p.layout.annotations as { text: string; x: number; y: number }[];
  assert.equal(
    notes.map((a) => [a.text, a.x]),
    [
      ["left", 0.5],
      ["right", 0.5],
    ],
  );
  assert.ok(
    notes[0].y > l.yaxis.domain[1] && notes[0].y < 1.1,
    "the first title sits over the first row",
  );
  assert.ok(
    notes[1].y > l.yaxis2.domain[1] && notes[1].y < l.yaxis.domain[0],
    "the second over the second row, under the first",
  );
  assert.ok((p.layout.height as number) > 2 * 260, "tall enough for two rows");
  assert.match(
    (l.xaxis as unknown as { title: { text: string } }).title.text,
    /<br>/,
    "the long x title wraps",
  );
});

test("below the breakpoint a colour bar gets thinner with its title along it, and a slider drops its crowded step labels", () => {
  const c = prepareFigure(
    contour([0, 1], [0, 1], (x, y) => x + y, { x: "μ", y: "σ", z: "log L" }) as FigureSpec,
    390,
  );
  assert.equal(c.data[0].colorbar, { title: { text: "log L", side: "right" }, thickness: 12 });
  const s = prepareFigure(withSlider(), 390);
  const sl = (s.layout.sliders as Record<string, unknown>[])[0];
  assert.equal(sl.font, { color: "rgba(0,0,0,0)" });
  assert.equal(
    (sl.currentvalue as { font: unknown }).font,
    { size: 14, color: "#1f2933" },
    "the current value stays readable",
  );
});

test("wrapLabel breaks at spaces and keeps a long word whole", () => {
  assert.is(
    wrapLabel("minibatch average of log p_model (B = 20)", 20),
    "minibatch average of<br>log p_model (B = 20)",
  );
  assert.is(wrapLabel("short", 20), "short");
  assert.is(wrapLabel("supercalifragilistic word", 5), "supercalifragilistic<br>word");
  assert.is(
    wrapLabel("already<br>broken but long enough to wrap", 5),
    "already<br>broken but long enough to wrap",
  );
});

test("applySliderStep gives the data a reader sees at a step", () => {
  const fig = withSlider();
  const at1 = applySliderStep(fig, 1);
  assert.equal(at1.data[0].y, [0.4, 0.6]);
  assert.is((at1.layout!.sliders as { active: number }[])[0].active, 1);
  assert.equal(fig.data[0].y, [0.2, 0.8], "the input is not mutated");
  assert.equal(
    applySliderStep(curves(grid, { a: [1, 2, 3] }, { x: "x", y: "y" }) as FigureSpec, 0).data[0].y,
    [1, 2, 3],
    "no slider, no change",
  );
});

const base = { plotHeight: 200, legendY: -0.2, height: 400, marginB: 80 };

test("legendPatch moves a legend that overlaps the x-axis title just under it, and one too far away up", () => {
  assert.equal(
    legendPatch({
      ...base,
      legend: { top: 300, bottom: 340 },
      axesBottom: 310,
      figure: { bottom: 366 },
    }),
    { "legend.y": -0.29 },
  );
  assert.equal(
    legendPatch({
      ...base,
      legend: { top: 300, bottom: 340 },
      axesBottom: 310,
      figure: { bottom: 356 },
    }),
    { "legend.y": -0.29, "height": 410, "margin.b": 90 },
    "and 10 px more room",
  );
  const up = legendPatch({
    ...base,
    marginB: 150,
    legend: { top: 400, bottom: 440 },
    axesBottom: 310,
    figure: { bottom: 456 },
  });
  assert.equal(
    up,
    { "legend.y": 0.21, "height": 310, "margin.b": 60 },
    "moved up by 82 px, the figure 90 px shorter",
  );
});

test("legendPatch leaves a legend in place, puts a slider under the legend, and grows the figure to fit", () => {
  assert.is(
    legendPatch({
      ...base,
      legend: { top: 318, bottom: 340 },
      axesBottom: 310,
      figure: { bottom: 348 },
    }),
    undefined,
    "already in place",
  );
  const p = legendPatch({
    ...base,
    legend: { top: 318, bottom: 380 },
    axesBottom: 310,
    slider: { top: 360, bottom: 420 },
    sliderPadT: 110,
    figure: { bottom: 400 },
  })!;
  assert.equal(p, {
    "sliders[0].pad.t": 110 + (380 + LEGEND_GAP_PX - 360),
    "height": 400 + (420 + 28 + LEGEND_GAP_PX - 400),
    "margin.b": 80 + (420 + 28 + LEGEND_GAP_PX - 400),
  });
});

test.run();
