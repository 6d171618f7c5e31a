import { test } from "uvu";
import * as assert from "uvu/assert";
import { bar, line, points, vline } from "../../../notebooks/kit/src/plot/traces";

test("line and points carry their style into plotly's attributes", () => {
  const l = line([0, 1], [1, 2], { name: "a", color: "red", dash: "dot", width: 3, hideLegend: true });
  assert.equal(l, { type: "scatter", mode: "lines", x: [0, 1], y: [1, 2], line: { color: "red", width: 3, dash: "dot" }, name: "a", showlegend: false });
  const p = points([0.61], [1.2], { symbol: "star", size: 12 });
  assert.equal(p.marker, { size: 12, symbol: "star" });
  assert.is(p.mode, "markers");
});

test("vline is a dotted vertical segment at x between the two heights", () => {
  const v = vline(0.61, [0, 2], { name: "θ_ML" });
  assert.equal([v.x, v.y, v.name], [[0.61, 0.61], [0, 2], "θ_ML"]);
  assert.is((v.line as { dash: string }).dash, "dot");
});

test("bar accepts labels as categories", () => {
  assert.equal(bar(["H", "T"], [0.5, 0.5]).x, ["H", "T"]);
});

test("a non-array is a TypeError naming the helper", () => {
  assert.throws(() => line(5 as unknown as number[], [1]), (e: Error) => e instanceof TypeError && /line: expected an array of numbers, got 5/.test(e.message));
});

test.run();
