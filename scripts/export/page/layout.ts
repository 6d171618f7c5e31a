// How an exported page lays a plotly figure out for the width it has. Pure functions over the
// figure's JSON (no DOM, no plotly.js), so they are unit-tested in Node and bundled into the page.
//
// On every screen the figure's title moves out of the plot into the page's <figcaption> (HTML
// text wraps, is translated and is read by screen readers), and the mode bar is off. Below
// NARROW_PX of width:
//  - the legend goes below the plot, left-aligned, one entry after another (the page then moves
//    it under the x-axis titles by measuring them: see legendPatch);
//  - panels side by side are stacked, each with its own title above it;
//  - long axis and panel titles wrap;
//  - colour bars get thinner, and a slider keeps its current value but drops its crowded step labels.
// Nothing changes at or above NARROW_PX except the title and the mode bar.

/** A plotly figure as its JSON carries it. */
export interface FigureSpec {
  data: Record<string, unknown>[];
  layout?: Record<string, unknown>;
  config?: Record<string, unknown>;
  frames?: Record<string, unknown>[];
}

/** Below this width (CSS px of the plot's container) a figure is laid out for a phone. */
export const NARROW_PX = 600;

/** Approximate width of one character of plotly's 12-14 px labels, for wrapping. */
const CHAR_PX = 7.2;

/** What {@link prepareFigure} returns: what to draw, and the title of each slider step. */
export interface PreparedFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  config: Record<string, unknown>;
  /** The title each slider step sets (undefined where a step sets none); empty without a slider. */
  stepTitles: (string | undefined)[];
  narrow: boolean;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/**
 * Breaks a label into lines of at most `maxChars` at spaces (plotly draws `<br>` as a line
 * break); a single longer word stays whole.
 * @example wrapLabel("minibatch average of log p_model (B = 20)", 20) // => "minibatch average of<br>log p_model (B = 20)"
 * @example wrapLabel("short", 20) // => "short"
 */
export function wrapLabel(text: string, maxChars: number): string {
  if (text.length <= maxChars || /<br\s*\/?>/i.test(text)) return text;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && (line + " " + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join("<br>");
}

/** The layout keys of the x axes (`xaxis`, `xaxis2`, …) in order. */
function axisKeys(layout: Record<string, unknown>, letter: "x" | "y"): string[] {
  return Object.keys(layout)
    .filter((k) => new RegExp(`^${letter}axis\\d*$`).test(k))
    .sort((a, b) => Number(a.slice(5) || 1) - Number(b.slice(5) || 1));
}

/** The text of a title (`{ text }` or a string). */
const titleOf = (t: unknown): string =>
  typeof t === "string" ? t : typeof obj(t).text === "string" ? (obj(t).text as string) : "";

/**
 * The figure with a slider step's changes applied to its traces (the data a reader sees after
 * moving the slider there). `update`/`restyle` steps: `args[0]` holds `{ key: [value per trace] }`
 * for the trace indices in `args[2]` (all traces when absent).
 */
export function applySliderStep(fig: FigureSpec, active: number): FigureSpec {
  const out = clone(fig);
  const slider = obj((obj(out.layout).sliders as unknown[] | undefined)?.[0]);
  const step = obj((slider.steps as unknown[] | undefined)?.[active]);
  const args = Array.isArray(step.args) ? step.args : [];
  if (step.method !== "update" && step.method !== "restyle") return out;
  const change = obj(args[0]);
  const at = step.method === "update" ? args[2] : args[1];
  const indices: number[] = Array.isArray(at)
    ? (at as number[])
    : typeof at === "number"
      ? [at]
      : out.data.map((_, i) => i);
  for (const [key, vals] of Object.entries(change)) {
    indices.forEach((t, j) => {
      if (!out.data[t]) return;
      // restyle semantics: an array holds one value per trace index (so an array attribute comes wrapped)
      out.data[t][key] = Array.isArray(vals) ? vals[j] : vals;
    });
  }
  slider.active = active;
  return out;
}

/**
 * What to draw for a container `width` px wide: the figure's data and layout, adapted as the
 * module comment says, its config with the mode bar off, and each slider step's title (taken
 * out of the steps, since the page shows the title in the caption).
 * @param fig the figure JSON
 * @param width the container's width in CSS px
 */
export function prepareFigure(fig: FigureSpec, width: number): PreparedFigure {
  const data = clone(fig.data);
  const layout = clone(fig.layout ?? {});
  const narrow = width < NARROW_PX;
  const config = {
    ...(fig.config ?? {}),
    displaylogo: false,
    displayModeBar: false,
    responsive: false,
  };

  // The title is the page's caption; slider steps stop setting it (the page follows them instead).
  delete layout.title;
  const stepTitles: (string | undefined)[] = [];
  for (const slider of (layout.sliders as Record<string, unknown>[] | undefined) ?? []) {
    for (const step of (slider.steps as Record<string, unknown>[] | undefined) ?? []) {
      const args = Array.isArray(step.args) ? step.args : [];
      const layoutArg =
        step.method === "update" ? obj(args[1]) : step.method === "relayout" ? obj(args[0]) : {};
      const t =
        layoutArg["title.text"] ??
        (layoutArg.title !== undefined ? titleOf(layoutArg.title) : undefined);
      stepTitles.push(typeof t === "string" ? t : undefined);
      delete layoutArg["title.text"];
      delete layoutArg.title;
    }
  }
  const annotations = ((layout.annotations as Record<string, unknown>[] | undefined) ?? []).filter(
    (a) => a.xref === "paper" && a.yref === "paper",
  );
  const margin = obj(layout.margin);
  layout.margin = { ...margin, t: annotations.some((a) => Number(a.y) >= 1) ? 44 : 24 };
  if (!narrow) return { data, layout, config, stepTitles, narrow };

  const height = typeof layout.height === "number" ? layout.height : 450;
  const plotWidth = Math.max(120, width - 70);
  const xKeys = axisKeys(layout, "x");
  const yKeys = axisKeys(layout, "y");
  layout.margin = { ...obj(layout.margin), l: 48, r: 16, b: 60 };
  for (const k of [...xKeys, ...yKeys]) layout[k] = { ...obj(layout[k]), automargin: true };
  layout.legend = {
    ...obj(layout.legend),
    orientation: "h",
    x: 0,
    xanchor: "left",
    y: -0.3,
    yanchor: "top",
    font: { size: 12 },
  };

  // Panels side by side (x axes with their own domains) -> one above the other.
  const domains = xKeys.map((k) => obj(layout[k]).domain as number[] | undefined);
  const sideBySide =
    xKeys.length > 1 &&
    domains.every((d) => Array.isArray(d)) &&
    !yKeys.some((k) => obj(layout[k]).overlaying);
  let plotHeight = height - 24 - 60;
  if (sideBySide) {
    const n = xKeys.length;
    const rowPx = 260;
    const gapPx = 112;
    plotHeight = n * rowPx + (n - 1) * gapPx;
    const sliderPx = Array.isArray(layout.sliders) && layout.sliders.length ? 150 : 0;
    layout.height = plotHeight + 44 + 60 + sliderPx;
    const rh = rowPx / plotHeight;
    const g = gapPx / plotHeight;
    const moved = new Set<Record<string, unknown>>();
    xKeys.forEach((xk, k) => {
      const old = domains[k] as number[];
      const yk = `yaxis${xk.slice(5)}`;
      const top = 1 - k * (rh + g);
      layout[xk] = { ...obj(layout[xk]), domain: [0, 1] };
      layout[yk] = { ...obj(layout[yk]), domain: [Math.max(0, top - rh), top] };
      for (const a of annotations) {
        const x = Number(a.x);
        if (moved.has(a) || !(x > old[0] && x < old[1] && Number(a.y) >= 1)) continue;
        Object.assign(a, { x: 0.5, xanchor: "center", y: top + 8 / plotHeight, yanchor: "bottom" });
        moved.add(a);
      }
    });
  }
  for (const a of annotations)
    if (typeof a.text === "string") a.text = wrapLabel(a.text, Math.floor(plotWidth / CHAR_PX));
  for (const k of xKeys) {
    const axis = obj(layout[k]);
    const t = titleOf(axis.title);
    if (t) axis.title = { ...obj(axis.title), text: wrapLabel(t, Math.floor(plotWidth / CHAR_PX)) };
  }
  for (const k of yKeys) {
    const axis = obj(layout[k]);
    const t = titleOf(axis.title);
    const rows = sideBySide ? 260 : plotHeight;
    if (t) axis.title = { ...obj(axis.title), text: wrapLabel(t, Math.floor(rows / CHAR_PX)) };
  }
  // Colour bars: thinner, their title along the bar.
  for (const t of data) {
    const holder =
      t.type === "contour" || t.type === "heatmap"
        ? t
        : obj(t.marker).colorbar
          ? obj(t.marker)
          : undefined;
    if (!holder) continue;
    const cb = obj(holder.colorbar);
    holder.colorbar = {
      ...cb,
      thickness: 12,
      title: { ...obj(cb.title), text: titleOf(cb.title), side: "right" },
    };
  }
  // A slider: its current value stays; the step labels, which overlap at this width, go.
  for (const slider of (layout.sliders as Record<string, unknown>[] | undefined) ?? []) {
    slider.font = { ...obj(slider.font), color: "rgba(0,0,0,0)" };
    slider.currentvalue = { ...obj(slider.currentvalue), font: { size: 14, color: "#1f2933" } };
    slider.x = 0;
    slider.len = 1;
  }
  return { data, layout, config, stepTitles, narrow };
}

/** Boxes measured on the drawn figure (CSS px, page coordinates). */
export interface LegendMeasure {
  /** The legend's box. */
  legend: { top: number; bottom: number };
  /** The lowest bottom edge of the x-axis titles and tick labels. */
  axesBottom: number;
  /** The slider's box, when the figure has one. */
  slider?: { top: number; bottom: number };
  /** The figure's box. */
  figure: { bottom: number };
  /** The plot area's height (plotly's `_size.h`), which paper coordinates scale by. */
  plotHeight: number;
  /** Current values of what the patch may change. */
  legendY: number;
  height: number;
  marginB: number;
  sliderPadT?: number;
}

/** The space kept between the x-axis titles, the legend and the slider. */
export const LEGEND_GAP_PX = 8;

/** Moves smaller than this (px) are left alone, so measuring again converges. */
const SETTLE_PX = 3;

/**
 * The relayout that puts the legend just under the x-axis titles and tick labels, the slider
 * just under the legend, and sizes the figure (and its bottom margin, so the plot area keeps
 * its height) to end just under them; undefined when everything is in place already.
 * @example
 * legendPatch({ legend: { top: 300, bottom: 340 }, axesBottom: 310, figure: { bottom: 366 }, plotHeight: 200, legendY: -0.2, height: 400, marginB: 80 })
 * // => { "legend.y": -0.29 }
 */
export function legendPatch(m: LegendMeasure): Record<string, number> | undefined {
  const patch: Record<string, number> = {};
  const move = m.axesBottom + LEGEND_GAP_PX - m.legend.top;
  if (Math.abs(move) > SETTLE_PX)
    patch["legend.y"] = Math.round((m.legendY - move / m.plotHeight) * 1e4) / 1e4;
  const legendBottom = m.legend.bottom + (Math.abs(move) > SETTLE_PX ? move : 0);
  let bottom = legendBottom;
  if (m.slider && m.sliderPadT !== undefined) {
    const sliderMove = legendBottom + LEGEND_GAP_PX - m.slider.top;
    const moved =
      Math.abs(sliderMove) > SETTLE_PX && m.sliderPadT + sliderMove >= 0 ? sliderMove : 0;
    if (moved) patch["sliders[0].pad.t"] = Math.round(m.sliderPadT + moved);
    bottom = Math.max(bottom, m.slider.bottom + moved);
  }
  const grow = Math.round(bottom + LEGEND_GAP_PX - m.figure.bottom);
  if (grow > SETTLE_PX || (grow < -SETTLE_PX && m.marginB + grow >= 20)) {
    patch.height = m.height + grow;
    patch["margin.b"] = m.marginB + grow;
  }
  return Object.keys(patch).length ? patch : undefined;
}
