import {
  arr,
  axesLayout,
  requireLabel,
  type AxesOptions,
  type Figure,
  type Numbers,
  type Trace,
} from "./figure";
import { bar, line, type Heights } from "./traces";

/**
 * A figure of any traces on one pair of labelled axes: d2l's one `plot()`. Traces that share a
 * name (a band's two edges) share one legend entry.
 *
 * @param traces from `line`, `points`, `vline`, `hline`, `bar`, or plain plotly traces
 * @param options axis titles `x` and `y` (required), `title`, `height`, ranges, log axes, `add` (drawn last)
 * @returns `{ data, layout }`, ready for `show`
 * @throws {TypeError} when an axis title is missing or empty
 * @example
 * plot([line(thetas, logL, { name: "log L(θ)" })], { x: "θ", y: "nats", title: "Log-likelihood" });
 */
export function plot(traces: readonly Trace[], options: AxesOptions): Figure {
  const data = onceInLegend([...traces, ...(options.add ?? [])]);
  return {
    data,
    layout: { ...axesLayout("plot", options), legend: { orientation: "h", y: -0.22 } },
  };
}

/** The dash of the k-th curve in {@link curves}: solid, dash, dot, dashdot, then again (d2l's `fmts`). */
const DASHES = ["solid", "dash", "dot", "dashdot"] as const;

/**
 * Curves y = f(x) over one grid, one per named function: the most common plot in the notes.
 * Successive curves are solid, dashed, dotted, dash-dotted (as d2l's `plot`), so curves that coincide stay visible.
 *
 * @param x the grid
 * @param curves legend name → the y values on the grid, or the function to evaluate there
 * @param options axis titles and layout, as for {@link plot}
 * @example
 * curves(thetas, { "log L(θ)": logL, "θ²": (t) => t * t }, { x: "θ", y: "nats" });
 */
export function curves(
  x: Numbers,
  curvesByName: Readonly<Record<string, Heights>>,
  options: AxesOptions,
): Figure {
  const xs = arr(x, "curves");
  return plot(
    Object.entries(curvesByName).map(([name, y], k) => line(xs, y, { name, dash: DASHES[k % 4] })),
    options,
  );
}

/** Options of {@link bars}. */
export interface BarsOptions extends AxesOptions {
  /** Stack the series on each other (e.g. a floor plus an excess) instead of side by side. Default false. */
  readonly stacked?: boolean;
}

/**
 * Distributions side by side as grouped bars over the same outcomes (or stacked, with `stacked`).
 *
 * @param outcomes the categories (numbers or labels)
 * @param series legend name → the probabilities (or counts) at each outcome
 * @param options axis titles and layout, as for {@link plot}, and `stacked`
 * @example
 * bars([0, 1, 2], { "p̂_data": pHat, "Poisson(λ_ML)": q }, { x: "deaths", y: "probability" });
 */
export function bars(
  outcomes: ArrayLike<number | string>,
  series: Readonly<Record<string, Numbers>>,
  options: BarsOptions,
): Figure {
  const fig = plot(
    Object.entries(series).map(([name, y]) => bar(outcomes, y, { name })),
    options,
  );
  fig.layout.barmode = options.stacked ? "stack" : "group";
  // Labels such as "0", …, "5+" are categories: without this plotly reads "0" as a number and drops "5+".
  if (Array.from(outcomes).some((o) => typeof o === "string"))
    (fig.layout.xaxis as Record<string, unknown>).type = "category";
  return fig;
}

/** Options of {@link histogram}. */
export interface HistogramOptions extends AxesOptions {
  /** Number of bins. Default: plotly's choice. */
  readonly bins?: number;
  /** Legend name of the histogram. Default "sample". */
  readonly name?: string;
  /**
   * Density curves drawn over the histogram: legend name → `[x, density(x)]`, or the density
   * function itself, drawn at 200 points across `xRange` (default: from the sample's min to its max).
   */
  readonly overlay?: Readonly<
    Record<string, readonly [Numbers, Numbers] | ((x: number) => number)>
  >;
}

/**
 * A histogram normalised as a density (area 1), with density curves drawn over it.
 *
 * @param sample the values
 * @param options axis titles, `bins`, `name`, `overlay` curves
 * @example
 * histogram(draws, { x: "x", y: "density", overlay: { "N(0, 1)": [grid, grid.map(phi)] } });
 */
export function histogram(sample: Numbers, options: HistogramOptions): Figure {
  const h: Trace = {
    type: "histogram",
    x: arr(sample, "histogram"),
    histnorm: "probability density",
    name: options.name ?? "sample",
    opacity: 0.6,
  };
  if (options.bins) h.nbinsx = options.bins;
  const xs = h.x as number[];
  const [lo, hi] = options.xRange ?? [Math.min(...xs), Math.max(...xs)];
  const grid = Array.from({ length: 200 }, (_, i) => lo + ((hi - lo) * i) / 199);
  const over = Object.entries(options.overlay ?? {}).map(([name, o]) =>
    typeof o === "function"
      ? line(grid, o, { name, width: 2.5 })
      : line(o[0], o[1], { name, width: 2.5 }),
  );
  const fig = plot([h, ...over], options);
  fig.layout.bargap = 0.02;
  return fig;
}

/** Options of {@link contour}. */
export interface ContourOptions extends AxesOptions {
  /** The colour bar's title (what z is). */
  readonly z: string;
  /** Number of contour levels. Default 20. */
  readonly levels?: number;
  /** Opacity of the filled contours, lower to let points drawn over them (`add`) show. Default 1. */
  readonly opacity?: number;
}

/**
 * Contours of z = f(x, y) over a grid.
 *
 * @param xs the x grid
 * @param ys the y grid
 * @param f the function, or its values as rows `z[j][i] = f(xs[i], ys[j])`
 * @param options axis titles, the colour-bar title `z`, `levels`, `opacity`, `add`
 * @example
 * contour(mus, sigmas, (mu, s) => logLikelihood(gaussian(mu, s), xs), { x: "μ", y: "σ", z: "log L" });
 */
export function contour(
  xs: Numbers,
  ys: Numbers,
  f: ((x: number, y: number) => number) | readonly Numbers[],
  options: ContourOptions,
): Figure {
  const x = arr(xs, "contour");
  const y = arr(ys, "contour");
  const z =
    typeof f === "function"
      ? y.map((yj) => x.map((xi) => f(xi, yj)))
      : f.map((row) => arr(row, "contour"));
  const trace: Trace = {
    type: "contour",
    x,
    y,
    z,
    ncontours: options.levels ?? 20,
    colorbar: { title: { text: requireLabel("contour", "z", options.z) } },
  };
  if (options.opacity !== undefined) trace.opacity = options.opacity;
  return plot([trace], options);
}

/** Options of {@link panels}. */
export interface PanelsOptions {
  /** The title over all panels. */
  readonly title?: string;
  /** Height in px. Default 400. */
  readonly height?: number;
}

/**
 * Figures side by side, each keeping its own axes, titles and traces. A legend name that an
 * earlier trace already shows is listed once (the same curve drawn in every panel has one entry).
 *
 * @param figures figures from the other helpers (their own titles become the panels' titles)
 * @param options the overall `title` and `height`
 * @returns one figure with `figures.length` columns
 * @throws {RangeError} when `figures` is empty
 * @example
 * panels([plot([line(t, L)], { x: "θ", y: "L(θ)" }), plot([line(t, logL)], { x: "θ", y: "log L(θ)" })]);
 */
export function panels(figures: readonly Figure[], options: PanelsOptions = {}): Figure {
  if (!Array.isArray(figures) || figures.length === 0)
    throw new RangeError("panels: figures is empty");
  const n = figures.length;
  const gap = 0.08;
  const width = (1 - gap * (n - 1)) / n;
  const data: Trace[] = [];
  const layout: Record<string, unknown> = {
    height: options.height ?? 400,
    legend: { orientation: "h", y: -0.22 },
    annotations: [],
  };
  if (options.title !== undefined) layout.title = { text: options.title };
  const annotations = layout.annotations as Record<string, unknown>[];
  figures.forEach((fig, k) => {
    const suffix = k === 0 ? "" : String(k + 1);
    for (const t of fig.data) data.push({ ...t, xaxis: `x${suffix}`, yaxis: `y${suffix}` });
    const x0 = k * (width + gap);
    layout[`xaxis${suffix}`] = {
      ...(fig.layout.xaxis as object),
      domain: [x0, x0 + width],
      anchor: `y${suffix}`,
    };
    layout[`yaxis${suffix}`] = { ...(fig.layout.yaxis as object), anchor: `x${suffix}` };
    const sub = (fig.layout.title as { text?: string } | undefined)?.text;
    if (sub)
      annotations.push({
        text: sub,
        x: x0 + width / 2,
        y: 1.08,
        xref: "paper",
        yref: "paper",
        showarrow: false,
        font: { size: 13 },
      });
    if (fig.layout.barmode !== undefined) layout.barmode = fig.layout.barmode;
  });
  return { data: onceInLegend(data), layout };
}

/** The traces, with `showlegend: false` on each one whose name an earlier trace already lists. */
function onceInLegend(traces: Trace[]): Trace[] {
  const listed = new Set<unknown>();
  return traces.map((t) => {
    if (t.name === undefined || t.showlegend === false) return t;
    if (listed.has(t.name)) return { ...t, showlegend: false };
    listed.add(t.name);
    return t;
  });
}

/** What one slider position changes: the title, and new x/y for some traces (by index). */
export interface SliderFrame {
  readonly title: string;
  readonly traces: Readonly<
    Record<number, { readonly x?: ArrayLike<number | string>; readonly y?: Numbers }>
  >;
}

/** Options of {@link slider}. */
export interface SliderOptions {
  /** The parameter values the slider steps through. */
  readonly values: Numbers;
  /** What the figure shows at one value. Every frame must change the same traces. */
  readonly frame: (value: number, index: number) => SliderFrame;
  /** The index in `values` where the slider starts. Default 0. */
  readonly start?: number;
  /** The label before the current value, e.g. "θ = ". */
  readonly label: string;
  /** Digits of the step labels. Default 2. */
  readonly digits?: number;
}

/**
 * A figure with a slider over a parameter grid: each step restyles some traces and the title.
 * It works offline in every front end and export (plotly's `update` method; no kernel needed).
 * The figure grows 150 px taller than the base (default 400 px) to make room for the slider.
 *
 * @param base the figure at any position (its traces give the fixed parts and the styles)
 * @param options `values`, `frame(value)`, `start`, `label`, `digits`
 * @returns the base figure set to the start position, 150 px taller, with `layout.sliders`
 * @throws {RangeError} when `values` is empty, `start` is out of range, or frames change different traces
 * @example
 * slider(fig, { values: thetas, label: "θ = ", frame: (t) => ({ title: `θ = ${t}`, traces: { 1: { y: q(t) } } }) });
 */
export function slider(base: Figure, options: SliderOptions): Figure {
  const values = arr(options.values, "slider");
  if (values.length === 0) throw new RangeError("slider: values is empty");
  const start = options.start ?? 0;
  if (!Number.isInteger(start) || start < 0 || start >= values.length) {
    throw new RangeError(
      `slider: start = ${String(start)} is not an index of values (0 … ${values.length - 1})`,
    );
  }
  const frames = values.map((v, i) => options.frame(v, i));
  const indices = Object.keys(frames[0].traces)
    .map(Number)
    .sort((a, b) => a - b);
  for (const [i, f] of frames.entries()) {
    const keys = Object.keys(f.traces)
      .map(Number)
      .sort((a, b) => a - b);
    if (keys.join() !== indices.join())
      throw new RangeError(
        `slider: frame ${i} changes traces [${keys}], frame 0 changes [${indices}]`,
      );
  }
  const column = (f: SliderFrame, key: "x" | "y") =>
    indices.map((t) => {
      const v = f.traces[t][key] ?? (base.data[t][key] as ArrayLike<number | string>);
      return Array.from(v as ArrayLike<number | string>);
    });
  const data = base.data.map((t, i) => {
    const change = frames[start].traces[i];
    if (!change) return { ...t };
    return {
      ...t,
      ...(change.x ? { x: Array.from(change.x) } : {}),
      ...(change.y ? { y: Array.from(change.y) } : {}),
    };
  });
  const digits = options.digits ?? 2;
  const layout = {
    ...base.layout,
    height: ((base.layout.height as number | undefined) ?? 400) + 150,
    title: { text: frames[start].title },
    sliders: [
      {
        active: start,
        currentvalue: { prefix: options.label },
        pad: { t: 110 }, // below the x-axis title and the legend
        steps: values.map((v, i) => ({
          label: v.toFixed(digits),
          method: "update",
          args: [
            { x: column(frames[i], "x"), y: column(frames[i], "y") },
            { "title.text": frames[i].title },
            indices,
          ],
        })),
      },
    ],
  };
  return { data, layout };
}
