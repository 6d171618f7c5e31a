// High-level plot helpers: each returns a plain plotly `{ data, layout }` with labelled axes.
export type { AxesOptions, Figure, Numbers, Trace } from "./figure";
export { bar, line, points, vline, type Style } from "./traces";
export {
  bars, contour, curves, histogram, panels, plot, slider,
  type ContourOptions, type HistogramOptions, type PanelsOptions, type SliderFrame, type SliderOptions,
} from "./builders";
