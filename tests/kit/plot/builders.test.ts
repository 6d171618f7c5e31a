import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  bars,
  contour,
  curves,
  histogram,
  panels,
  plot,
  slider,
  type SliderFrame,
} from "../../../notebooks/kit/src/plot/builders";
import { line, points, vline } from "../../../notebooks/kit/src/plot/traces";

const axes = { x: "θ", y: "nats" };

test("plot puts the axis titles where plotly 3+ reads them and keeps the traces as given", () => {
  const f = plot([line([0, 1], [2, 3], { name: "a" })], {
    ...axes,
    title: "T",
    height: 300,
    yFromZero: true,
    xLog: true,
  });
  assert.equal(f.layout.xaxis, { title: { text: "θ" }, type: "log" });
  assert.equal(f.layout.yaxis, { title: { text: "nats" }, rangemode: "tozero" });
  assert.equal(f.layout.title, { text: "T" });
  assert.is(f.layout.height, 300);
  assert.equal(f.data[0].x, [0, 1]);
});

test("an axis without a title is a TypeError: every plot is labelled", () => {
  assert.throws(
    () => plot([], { x: "θ", y: "" }),
    (e: Error) =>
      e instanceof TypeError && /plot: y = "" must be a non-empty axis title/.test(e.message),
  );
  assert.throws(
    () => curves([0], { a: [1] }, { x: undefined as unknown as string, y: "p" }),
    (e: Error) => /x = undefined/.test(e.message),
  );
});

test("curves draws one named line per function on a shared grid, copying typed arrays to arrays", () => {
  const grid = new Float64Array([0, 0.5, 1]);
  const f = curves(grid, { "log L": [1, 2, 3], "NLL": new Float64Array([3, 2, 1]) }, axes);
  assert.equal(
    f.data.map((t) => t.name),
    ["log L", "NLL"],
  );
  assert.ok(Array.isArray(f.data[1].y));
  assert.equal(f.data[0].x, [0, 0.5, 1]);
});

test("non-finite y values become gaps (null), which plotly skips instead of failing to serialise", () => {
  const t = line([0, 1, 2], [1, -Infinity, NaN]);
  assert.equal(t.y, [1, null, null]);
});

test("add draws extra traces after the helper's own, on any figure", () => {
  const f = histogram([1, 2, 3], {
    x: "x",
    y: "density",
    add: [vline(2, [0, 1], { name: "mean" })],
  });
  assert.equal(
    f.data.map((t) => t.name),
    ["sample", "mean"],
  );
  const c = contour([0, 1], [0, 1], (x, y) => x * y, {
    x: "μ",
    y: "σ",
    z: "L",
    opacity: 0.4,
    add: [points([0.5], [0.5], { name: "θ_ML" })],
  });
  assert.equal(
    c.data.map((t) => [t.type, t.name]),
    [
      ["contour", undefined],
      ["scatter", "θ_ML"],
    ],
  );
  assert.is(c.data[0].opacity, 0.4);
  assert.not.ok(
    "opacity" in contour([0], [0], [[1]], { x: "μ", y: "σ", z: "L" }).data[0],
    "opaque unless asked",
  );
});

test("curves takes a function of x as well as values", () => {
  assert.equal(curves([1, 2], { double: (x) => 2 * x }, axes).data[0].y, [2, 4]);
});

test('bars with labels keeps every label as a category, so "5+" is not dropped beside "0" … "4"', () => {
  assert.is(
    (bars(["0", "1", "5+"], { p: [0.5, 0.3, 0.2] }, axes).layout.xaxis as { type: string }).type,
    "category",
  );
  assert.not.ok(
    "type" in (bars([0, 1], { p: [0.5, 0.5] }, axes).layout.xaxis as object),
    "numbers keep plotly's choice",
  );
});

test("bars stacks its series when asked", () => {
  assert.is(
    bars(["a"], { floor: [1], excess: [0.5] }, { x: "Q", y: "nats", stacked: true }).layout.barmode,
    "stack",
  );
});

test("a density function in the overlay is drawn at 200 points from the sample's min to its max, or across xRange", () => {
  const f = histogram([2, 5, 3], { x: "x", y: "density", overlay: { flat: () => 0.25 } });
  const x = f.data[1].x as number[];
  assert.equal([x.length, x[0], x[199]], [200, 2, 5]);
  assert.equal(f.data[1].y, Array(200).fill(0.25));
  const g = histogram([2, 5, 3], {
    x: "x",
    y: "density",
    xRange: [0, 10],
    overlay: { flat: () => 0.25 },
  });
  assert.equal([(g.data[1].x as number[])[0], (g.data[1].x as number[])[199]], [0, 10]);
});

test("bars groups one bar trace per series over the same outcomes", () => {
  const f = bars(
    [0, 1, 2],
    { p̂: [0.5, 0.3, 0.2], q: [0.4, 0.4, 0.2] },
    { x: "deaths", y: "probability" },
  );
  assert.is(f.layout.barmode, "group");
  assert.equal(
    f.data.map((t) => [t.type, t.name]),
    [
      ["bar", "p̂"],
      ["bar", "q"],
    ],
  );
});

test("histogram is normalised as a density and overlays the given curves", () => {
  const f = histogram([1, 2, 2, 3], {
    x: "x",
    y: "density",
    bins: 5,
    overlay: {
      "N(2, 1)": [
        [1, 2, 3],
        [0.24, 0.4, 0.24],
      ],
    },
  });
  assert.is(f.data[0].histnorm, "probability density");
  assert.is(f.data[0].nbinsx, 5);
  assert.is(f.data[1].name, "N(2, 1)");
});

test("contour evaluates f on the grid as rows z[j][i] = f(x[i], y[j]) and labels the colour bar", () => {
  const f = contour([0, 1, 2], [10, 20], (x, y) => x + y, { x: "μ", y: "σ", z: "log L" });
  assert.equal(f.data[0].z, [
    [10, 11, 12],
    [20, 21, 22],
  ]);
  assert.equal((f.data[0].colorbar as { title: unknown }).title, { text: "log L" });
});

test("panels places each figure on its own pair of axes, side by side, keeping titles", () => {
  const a = plot([line([0], [1])], { x: "θ", y: "L(θ)", title: "likelihood" });
  const b = plot([line([0], [1]), points([0], [1])], { x: "θ", y: "log L(θ)" });
  const f = panels([a, b], { title: "two views" });
  assert.equal(
    f.data.map((t) => [t.xaxis, t.yaxis]),
    [
      ["x", "y"],
      ["x2", "y2"],
      ["x2", "y2"],
    ],
  );
  const x1 = f.layout.xaxis as { domain: number[]; title: unknown };
  const x2 = f.layout.xaxis2 as { domain: number[]; title: unknown };
  assert.ok(x1.domain[1] < x2.domain[0], "the panels do not overlap");
  assert.equal((f.layout.yaxis2 as { title: unknown }).title, { text: "log L(θ)" });
  assert.is((f.layout.annotations as { text: string }[])[0].text, "likelihood");
  assert.throws(() => panels([]), RangeError);
});

test("panels lists a legend name once, however many panels draw a trace of that name", () => {
  const fig = (m: number) =>
    plot([line([0], [m], { name: "p̂" }), points([0], [1], { name: "p_data" })], {
      x: "face",
      y: "p",
    });
  const f = panels([fig(10), fig(100), fig(1000)]);
  assert.equal(
    f.data.map((t) => t.showlegend),
    [undefined, undefined, false, false, false, false],
  );
});

test("plot lists a shared name once: a band's two edges have one legend entry", () => {
  const f = plot(
    [
      line([0], [1], { name: "ŷ ± σ̂" }),
      line([0], [-1], { name: "ŷ ± σ̂" }),
      line([0], [0], { name: "ŷ" }),
    ],
    axes,
  );
  assert.equal(
    f.data.map((t) => t.showlegend),
    [undefined, false, undefined],
  );
});

test("curves draws successive curves solid, dashed, dotted, dash-dotted, then starts again", () => {
  const f = curves([0], { a: [0], b: [0], c: [0], d: [0], e: [0] }, axes);
  assert.equal(
    f.data.map((t) => (t.line as { dash: string }).dash),
    ["solid", "dash", "dot", "dashdot", "solid"],
  );
});

test("slider starts at the chosen value and each step restyles only the traces its frame changes", () => {
  const base = plot(
    [line([0, 1], [0, 0], { name: "fixed" }), line([0, 1], [0, 0], { name: "moving" })],
    axes,
  );
  const f = slider(base, {
    values: [0.5, 1, 2],
    start: 1,
    label: "θ = ",
    frame: (t) => ({ title: `θ = ${t}`, traces: { 1: { y: [t, 2 * t] } } }),
  });
  assert.equal(f.data[1].y, [1, 2], "the figure shows the start frame");
  assert.equal(f.data[0].y, [0, 0], "the fixed trace is untouched");
  assert.equal(f.layout.title, { text: "θ = 1" });
  const s = (
    f.layout.sliders as {
      active: number;
      steps: { label: string; method: string; args: unknown[] }[];
    }[]
  )[0];
  assert.is(s.active, 1);
  assert.equal(
    s.steps.map((x) => x.label),
    ["0.50", "1.00", "2.00"],
  );
  assert.is(s.steps[2].method, "update");
  assert.equal(s.steps[2].args, [{ x: [[0, 1]], y: [[2, 4]] }, { "title.text": "θ = 2" }, [1]]);
  assert.not.ok("sliders" in base.layout, "the base figure is not modified");
  assert.equal([base.layout.height, f.layout.height], [400, 550], "150 px taller, for the slider");
});

test("slider rejects an empty grid, a start outside it, and frames that change different traces", () => {
  const base = plot([line([0], [0]), line([0], [0])], axes);
  const frame = (t: number) => ({ title: "", traces: { 0: { y: [t] } } });
  assert.throws(() => slider(base, { values: [], label: "θ", frame }), /slider: values is empty/);
  assert.throws(
    () => slider(base, { values: [1, 2], start: 2, label: "θ", frame }),
    /slider: start = 2 is not an index/,
  );
  assert.throws(
    () =>
      slider(base, {
        values: [1, 2],
        label: "θ",
        frame: (t, i): SliderFrame => ({
          title: "",
          traces: i === 0 ? { 0: { y: [t] } } : { 1: { y: [t] } },
        }),
      }),
    /slider: frame 1 changes traces \[1\], frame 0 changes \[0\]/,
  );
});

test.run();
