// High-level plot helpers: each returns a plain plotly `{ data, layout }` with labelled axes.
export type { AxesOptions, Figure, Numbers, Trace } from "./figure";
export { bar, hline, line, points, vline, type Heights, type Style } from "./traces";
export {
  bars,
  contour,
  curves,
  histogram,
  panels,
  plot,
  slider,
  type BarsOptions,
  type ContourOptions,
  type HistogramOptions,
  type PanelsOptions,
  type SliderFrame,
  type SliderOptions,
} from "./builders";
export {
  liveSlider,
  liveSliderSpec,
  isLiveSlider,
  LIVE_SLIDER_MIME,
  type LiveSliderOptions,
  type Mlekit,
} from "./live-slider";
export {
  rebuildFrame,
  applyFrame,
  FrameScopeError,
  type LiveFrame,
  type LiveSliderSpec,
} from "./live-frame";
