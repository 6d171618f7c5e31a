import { arr, type Numbers, type Trace } from "./figure";

/** Style of a line or a set of points. */
export interface Style {
  /** Legend name. */
  readonly name?: string;
  /** A colour; for `points`, also one number per point, drawn on a colour scale (see `colorbar`). */
  readonly color?: string | Numbers;
  /** Title of the colour bar when `color` is numbers (points). */
  readonly colorbar?: string;
  /** Line width in px. */
  readonly width?: number;
  readonly dash?: "solid" | "dash" | "dot" | "dashdot";
  /** Marker size in px (points). Default 10 for up to 20 points (marked values), plotly's 6 for a cloud. */
  readonly size?: number;
  /** Marker symbol (points), e.g. "star", "circle-open". */
  readonly symbol?: string;
  /** Opacity in [0, 1]. */
  readonly opacity?: number;
  /** Hide from the legend (a trace without a `name` is always hidden). */
  readonly hideLegend?: boolean;
}

/** Sets the common style; a trace without a name stays out of the legend (no plotly "trace 3"). */
function styled(t: Trace, s: Style): Trace {
  if (s.name !== undefined) t.name = s.name;
  else t.showlegend = false;
  if (s.opacity !== undefined) t.opacity = s.opacity;
  if (s.hideLegend) t.showlegend = false;
  return t;
}

/** Heights: the values themselves, or a function evaluated at each x. */
export type Heights = Numbers | ((x: number) => number);

/**
 * A curve through the points (x[i], y[i]), where y is an array or a function of x.
 * `null`/non-finite y values leave gaps.
 * @example
 * line([0, 1, 2], [0, 1, 4], { name: "x²" }); // => { type: "scatter", mode: "lines", x: [0,1,2], y: [0,1,4], name: "x²", line: {} }
 * line([0, 1, 2], (x) => x * x).y; // => [0, 1, 4]
 */
export function line(x: Numbers, y: Heights, style: Style = {}): Trace {
  const lineStyle: Record<string, unknown> = {};
  if (typeof style.color === "string") lineStyle.color = style.color;
  if (style.width) lineStyle.width = style.width;
  if (style.dash) lineStyle.dash = style.dash;
  const xs = arr(x, "line");
  return styled(
    { type: "scatter", mode: "lines", x: xs, y: finiteOrGap(heights(xs, y)), line: lineStyle },
    style,
  );
}

/**
 * Markers at the points (x[i], y[i]); x may be categories (bar labels). A few points (up to 20: marked values such as θ_ML) are drawn
 * 10 px wide, a cloud at plotly's 6 px. `color` may be one number per point: the markers then take
 * a colour scale (diverging "RdBu" centred on 0 when the numbers have both signs) titled `colorbar`.
 * @example
 * points([0.61], [1.2], { name: "θ_ML", symbol: "star" }).marker; // => { size: 10, symbol: "star" }
 */
export function points(x: ArrayLike<number | string>, y: Numbers, style: Style = {}): Trace {
  const xs: (number | string)[] = arr(x as Numbers, "points"); // arr checks and copies labels as well as numbers
  const marker: Record<string, unknown> = {};
  if (typeof style.color === "string") marker.color = style.color;
  else if (style.color !== undefined) {
    const c = arr(style.color, "points");
    marker.color = c;
    if (Math.min(...c) < 0 && Math.max(...c) > 0)
      Object.assign(marker, { colorscale: "RdBu", cmid: 0 });
    marker.colorbar = style.colorbar === undefined ? {} : { title: { text: style.colorbar } };
  }
  marker.size = style.size ?? (xs.length <= 20 ? 10 : 6);
  if (style.symbol) marker.symbol = style.symbol;
  return styled({ type: "scatter", mode: "markers", x: xs, y: finiteOrGap(y), marker }, style);
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
 * A horizontal reference line at height y from x0 to x1 (dashed black by default), e.g. a limit or a bound.
 * @example
 * hline(1, [4, 240], { name: "Cramér–Rao bound" }).y; // => [1, 1]
 */
export function hline(y: number, [x0, x1]: readonly [number, number], style: Style = {}): Trace {
  return line([x0, x1], [y, y], { color: "black", dash: "dash", ...style });
}

/**
 * Bars of heights y at the categories x (numbers or labels).
 * @example
 * bar(["H", "T"], [0.5, 0.5], { name: "fair coin" }).type; // => "bar"
 */
export function bar(x: ArrayLike<number | string>, y: Numbers, style: Style = {}): Trace {
  const marker: Record<string, unknown> = {};
  if (typeof style.color === "string") marker.color = style.color;
  return styled({ type: "bar", x: Array.from(x), y: arr(y, "bar"), marker }, style);
}

/** The heights at xs: a copy of the array, or the function evaluated at each x. */
export function heights(xs: readonly number[], y: Heights): number[] {
  return typeof y === "function" ? xs.map((x) => y(x)) : arr(y, "plot");
}

/** y as a plain array, with non-finite values (which plotly cannot draw) as gaps (`null`). */
function finiteOrGap(y: Numbers): (number | null)[] {
  return arr(y, "plot").map((v) => (v === null || !Number.isFinite(v) ? null : v));
}
