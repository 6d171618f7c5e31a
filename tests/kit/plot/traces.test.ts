import { test } from "uvu";
import * as assert from "uvu/assert";
import { bar, hline, line, points, vline } from "../../../notebooks/kit/src/plot/traces";

test("line and points carry their style into plotly's attributes", () => {
  const l = line([0, 1], [1, 2], {
    name: "a",
    color: "red",
    dash: "dot",
    width: 3,
    hideLegend: true,
  });
  assert.equal(l, {
    type: "scatter",
    mode: "lines",
    x: [0, 1],
    y: [1, 2],
    line: { color: "red", width: 3, dash: "dot" },
    name: "a",
    showlegend: false,
  });
  const p = points([0.61], [1.2], { symbol: "star", size: 12 });
  assert.equal(p.marker, { size: 12, symbol: "star" });
  assert.is(p.mode, "markers");
});

test("vline is a dotted vertical segment at x between the two heights", () => {
  const v = vline(0.61, [0, 2], { name: "θ_ML" });
  assert.equal([v.x, v.y, v.name], [[0.61, 0.61], [0, 2], "θ_ML"]);
  assert.is((v.line as { dash: string }).dash, "dot");
});

test("line evaluates a function of x at each grid point, with non-finite values as gaps", () => {
  assert.equal(line([0, 1, 2], (x) => x * x).y, [0, 1, 4]);
  assert.equal(line([0, 1], (x) => Math.log(x)).y, [null, 0]);
});

test("points are 10 px when there are at most 20 of them (marked values) and plotly's 6 px for a cloud", () => {
  assert.is((points([1], [2]).marker as { size: number }).size, 10);
  const cloud = Array.from({ length: 21 }, (_, i) => i);
  assert.is((points(cloud, cloud).marker as { size: number }).size, 6);
  assert.is((points(cloud, cloud, { size: 4 }).marker as { size: number }).size, 4);
});

test("points coloured by numbers get a titled colour bar, diverging around 0 only when the numbers have both signs", () => {
  const signed = points([0, 1, 2], [0, 1, 2], {
    color: [-1, 0, 2],
    colorbar: "H(Q) − H(P)",
  }).marker;
  assert.equal(signed, {
    color: [-1, 0, 2],
    colorscale: "RdBu",
    cmid: 0,
    colorbar: { title: { text: "H(Q) − H(P)" } },
    size: 10,
  });
  const positive = points([0, 1], [0, 1], { color: [1, 2] }).marker as Record<string, unknown>;
  assert.not.ok("colorscale" in positive);
  assert.equal(positive.colorbar, {});
});

test("points accept categories as x, to mark values over bars", () => {
  assert.equal(points(["Q = P", "uniform"], [1, 2]).x, ["Q = P", "uniform"]);
});

test("hline is a dashed black horizontal segment at y between the two x values, restylable", () => {
  const h = hline(1, [4, 240], { name: "bound" });
  assert.equal(
    [h.x, h.y, h.name, h.line],
    [[4, 240], [1, 1], "bound", { color: "black", dash: "dash" }],
  );
  assert.equal(hline(0, [0, 1], { color: "grey" }).line, { color: "grey", dash: "dash" });
});

test("a trace without a name stays out of the legend", () => {
  assert.is(vline(1, [0, 1]).showlegend, false);
  assert.not.ok("showlegend" in line([0], [1], { name: "a" }));
});

test("bar accepts labels as categories", () => {
  assert.equal(bar(["H", "T"], [0.5, 0.5]).x, ["H", "T"]);
});

test("a non-array is a TypeError naming the helper", () => {
  assert.throws(
    () => line(5 as unknown as number[], [1]),
    (e: Error) =>
      e instanceof TypeError && /line: expected an array of numbers, got 5/.test(e.message),
  );
});

test.run();
