import { arr, type Numbers, type Trace } from "./figure";

/** Style of a line or a set of points. */
export interface Style {
  /** Legend name. */
  readonly name?: string;
  readonly color?: string;
  /** Line width in px. */
  readonly width?: number;
  readonly dash?: "solid" | "dash" | "dot" | "dashdot";
  /** Marker size in px (points). */
  readonly size?: number;
  /** Marker symbol (points), e.g. "star", "circle-open". */
  readonly symbol?: string;
  /** Opacity in [0, 1]. */
  readonly opacity?: number;
  /** Hide from the legend. */
  readonly hideLegend?: boolean;
}

function styled(t: Trace, s: Style): Trace {
  if (s.name !== undefined) t.name = s.name;
  if (s.opacity !== undefined) t.opacity = s.opacity;
  if (s.hideLegend) t.showlegend = false;
  return t;
}

/**
 * A curve through the points (x[i], y[i]). `null`/non-finite y values leave gaps.
 * @example
 * line([0, 1, 2], [0, 1, 4], { name: "x²" }); // => { type: "scatter", mode: "lines", x: [0,1,2], y: [0,1,4], name: "x²", line: {} }
 */
export function line(x: Numbers, y: Numbers, style: Style = {}): Trace {
  const lineStyle: Record<string, unknown> = {};
  if (style.color) lineStyle.color = style.color;
  if (style.width) lineStyle.width = style.width;
  if (style.dash) lineStyle.dash = style.dash;
  return styled({ type: "scatter", mode: "lines", x: arr(x, "line"), y: finiteOrGap(y), line: lineStyle }, style);
}

/**
 * Markers at the points (x[i], y[i]).
 * @example
 * points([0.61], [1.2], { name: "θ_ML", symbol: "star" }).mode; // => "markers"
 */
export function points(x: Numbers, y: Numbers, style: Style = {}): Trace {
  const marker: Record<string, unknown> = {};
  if (style.color) marker.color = style.color;
  if (style.size) marker.size = style.size;
  if (style.symbol) marker.symbol = style.symbol;
  return styled({ type: "scatter", mode: "markers", x: arr(x, "points"), y: finiteOrGap(y), marker }, style);
}

/**
 * A vertical marker line at x from y0 to y1 (dotted grey by default), e.g. where θ_ML sits.
 * @example
 * vline(0.61, [0, 2], { name: "θ_ML" }).x; // => [0.61, 0.61]
 */
export function vline(x: number, [y0, y1]: readonly [number, number], style: Style = {}): Trace {
  return line([x, x], [y0, y1], { color: "grey", dash: "dot", width: 1.5, ...style });
}

/**
 * Bars of heights y at the categories x (numbers or labels).
 * @example
 * bar(["H", "T"], [0.5, 0.5], { name: "fair coin" }).type; // => "bar"
 */
export function bar(x: ArrayLike<number | string>, y: Numbers, style: Style = {}): Trace {
  const marker: Record<string, unknown> = {};
  if (style.color) marker.color = style.color;
  return styled({ type: "bar", x: Array.from(x), y: arr(y, "bar"), marker }, style);
}

/** y as a plain array, with non-finite values (which plotly cannot draw) as gaps (`null`). */
function finiteOrGap(y: Numbers): (number | null)[] {
  return arr(y, "plot").map((v) => (v === null || !Number.isFinite(v) ? null : v));
}
