// The kit's one figure model: a plain plotly `{ data, layout }` object.
// Every helper returns one, so a notebook can still adjust a figure before `show` draws it.

/** One plotly trace, as a plain object (plotly.js's trace attributes). */
export type Trace = Record<string, unknown>;

/** A plotly figure as plain data: what every plot helper returns and `show` draws. */
export interface Figure {
  data: Trace[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
  frames?: Record<string, unknown>[];
}

/** Numbers a helper accepts: a plain array or a typed array. */
export type Numbers = ArrayLike<number>;

/** Axis titles (required: every plot is labelled) and the common layout choices. */
export interface AxesOptions {
  /** The x-axis title. */
  readonly x: string;
  /** The y-axis title. */
  readonly y: string;
  /** The figure title. */
  readonly title?: string;
  /** Height in px. Default 400. */
  readonly height?: number;
  /** Fixed x range `[min, max]`. */
  readonly xRange?: readonly [number, number];
  /** Fixed y range `[min, max]`. */
  readonly yRange?: readonly [number, number];
  /** A logarithmic x or y axis. */
  readonly xLog?: boolean;
  readonly yLog?: boolean;
  /** Start the y axis at 0. */
  readonly yFromZero?: boolean;
  /** More traces drawn over the helper's own, e.g. a `vline` at θ_ML on a histogram or a point on a contour. */
  readonly add?: readonly Trace[];
}

/** Copies numbers into a plain array (plotly's JSON wants arrays, not typed arrays). */
export function arr(values: Numbers, fn = "plot"): number[] {
  if (values === null || typeof values !== "object" || typeof values.length !== "number") {
    throw new TypeError(`${fn}: expected an array of numbers, got ${String(values)}`);
  }
  return Array.from(values);
}

/** Throws unless `text` is a non-empty string: every axis must be labelled. */
export function requireLabel(fn: string, name: string, text: unknown): string {
  if (typeof text !== "string" || text.trim() === "") {
    throw new TypeError(`${fn}: ${name} = ${JSON.stringify(text)} must be a non-empty axis title`);
  }
  return text;
}

/** The layout of a single pair of axes, with titles as plotly 3+ reads them (`{ text }`). */
export function axesLayout(fn: string, o: AxesOptions): Record<string, unknown> {
  const xaxis: Record<string, unknown> = { title: { text: requireLabel(fn, "x", o.x) } };
  const yaxis: Record<string, unknown> = { title: { text: requireLabel(fn, "y", o.y) } };
  if (o.xRange) xaxis.range = [...o.xRange];
  if (o.yRange) yaxis.range = [...o.yRange];
  if (o.xLog) xaxis.type = "log";
  if (o.yLog) yaxis.type = "log";
  if (o.yFromZero) yaxis.rangemode = "tozero";
  const layout: Record<string, unknown> = { xaxis, yaxis, height: o.height ?? 400 };
  if (o.title !== undefined) layout.title = { text: o.title };
  return layout;
}
