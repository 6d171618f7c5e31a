import * as mlekit from "mlekit";
import { slider } from "./builders";
import type { Figure, Numbers } from "./figure";
import { label as translate, labelKey } from "../i18n/labels";
import { language } from "../i18n/language";
import {
  FrameScopeError,
  LIVE_SLIDER_MIME,
  exactText,
  plainData,
  readableName,
  rebuildFrame,
  type LiveFrame,
  type LiveSliderSpec,
} from "./live-frame";

/** The `mlekit` namespace, the third argument of every live frame. */
export type Mlekit = typeof mlekit;

/** Options of {@link liveSlider}. */
export interface LiveSliderOptions<I> {
  /** The parameter's name, shown as `θ = 0.61`. */
  readonly label: string;
  /** The range a page's slider covers, and its resolution. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Where the slider starts; one of `steps`. */
  readonly start: number;
  /**
   * The values the static figure steps through, for every front end that cannot run the frame
   * (JupyterLab, Markdown, PDF, the `.ipynb`). Default: 21 values evenly spread from `min` to
   * `max` (on the `step` grid), with `start` among them.
   */
  readonly steps?: Numbers;
  /** Decimals shown for the value. Default: the decimals of `step`. */
  readonly digits?: number;
  /** The frame's data: plain numbers, strings, arrays and objects (it travels as JSON). */
  readonly inputs: I;
  /**
   * The figure at one value: a PURE function of its arguments. It may read only `value`,
   * `inputs`, the `mlekit` namespace (third argument) and JavaScript's built-ins (`Math`,
   * `Array`, …); never a notebook variable or an import. `show` checks this.
   */
  readonly frame: (value: number, inputs: I, mlekit: Mlekit) => LiveFrame;
}

/** What `show` needs of a live slider besides the figure (kept off the figure's JSON). */
interface LiveParts {
  readonly spec: Omit<LiveSliderSpec, "frame" | "inputs">;
  readonly frame: (value: number, inputs: unknown, mlekit: Mlekit) => LiveFrame;
  readonly inputs: unknown;
}

/** Where a live slider's parts ride on its figure: a symbol, which JSON and `{ ...fig }` copies leave out. */
const LIVE = Symbol.for("mlekit.liveSlider");

/** Decimals of a number as written: 0.01 → 2, 0.5 → 1, 1 → 0. */
function decimalsOf(x: number): number {
  const s = String(x);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + (s.split("e")[0].split(".")[1]?.length ?? 0);
  return s.split(".")[1]?.length ?? 0;
}

function finite(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new TypeError(`${fn}: ${name} = ${String(v)} is not a finite number`);
  return v;
}

/**
 * A figure with a slider whose frames are recomputed wherever the figure is read and JavaScript
 * runs: in an exported page the slider is continuous (any value in `[min, max]` on the `step`
 * grid), computed by mlekit in the page. Everywhere else it steps through `steps`, precomputed
 * here, exactly as {@link slider} does.
 *
 * The frame must be pure: a function of `(value, inputs, mlekit)` alone. `show` rebuilds it
 * from its source text, in a scope holding only its arguments and JavaScript's built-ins, and
 * compares the rebuilt frame with the original at `start`; a frame that reads a notebook
 * variable or an import is refused there, with the name.
 *
 * @param base the figure at any position (its traces give the fixed parts and the styles)
 * @param options `label`, `min`, `max`, `step`, `start`, `steps`, `digits`, `inputs`, `frame`
 * @returns the figure at `start` with the static slider of {@link slider} (150 px taller), carrying
 *   the live spec for `show`
 * @throws {TypeError} when a bound is not a finite number or `frame` is not a function
 * @throws {RangeError} when `min >= max`, `step <= 0`, `start` or a step lies outside `[min, max]`,
 *   `start` is not among `steps`, or frames change different traces
 * @example
 * // 05: the Poisson model against p̂_data; the frame uses only its arguments.
 * show(liveSlider(fig, {
 *   label: "θ", min: 0.2, max: 1.5, step: 0.01, start: 0.61,
 *   inputs: { support: [0, 1, 2, 3, 4] },
 *   frame: (t, { support }, { poisson }) => ({ title: `θ = ${t.toFixed(2)}`, traces: { 1: { y: support.map((v) => poisson(t).prob(v)) } } }),
 * }));
 * // => one output: the static steps for JupyterLab, Markdown and PDF, and a continuous slider in the exported page
 * // A frame that reads a notebook variable: show(liveSlider(fig, { …, frame: (t) => ({ title: "", traces: { 1: { y: xs } } }) }))
 * // => throws TypeError: liveSlider: the frame reads "xs", which is not one of its arguments …
 */
export function liveSlider<I>(base: Figure, options: LiveSliderOptions<I>): Figure {
  const fn = "liveSlider";
  const { label, inputs, frame } = options;
  const min = finite(fn, "min", options.min);
  const max = finite(fn, "max", options.max);
  const step = finite(fn, "step", options.step);
  const start = finite(fn, "start", options.start);
  if (typeof label !== "string" || label.trim() === "")
    throw new TypeError(`${fn}: label = ${JSON.stringify(label)} must be a non-empty name`);
  if (typeof frame !== "function")
    throw new TypeError(`${fn}: frame = ${String(frame)} is not a function`);
  if (!(min < max)) throw new RangeError(`${fn}: min = ${min} is not below max = ${max}`);
  if (!(step > 0)) throw new RangeError(`${fn}: step = ${step} is not positive`);
  if (start < min || start > max)
    throw new RangeError(`${fn}: start = ${start} is outside [${min}, ${max}]`);
  const digits = options.digits ?? decimalsOf(step);
  const steps = options.steps
    ? Array.from(options.steps)
    : defaultSteps(min, max, step, start, digits);
  steps.forEach((v, i) => {
    finite(fn, `steps[${i}]`, v);
    if (v < min || v > max)
      throw new RangeError(`${fn}: steps[${i}] = ${v} is outside [${min}, ${max}]`);
  });
  const at = steps.indexOf(start);
  if (at < 0)
    throw new RangeError(
      `${fn}: start = ${start} is not one of steps (${steps.slice(0, 5).join(", ")}${steps.length > 5 ? ", …" : ""})`,
    );
  const fig = slider(base, {
    values: steps,
    start: at,
    label: `${label} = `,
    digits,
    frame: (v) => frame(v, inputs, mlekit),
  });
  const traces = Object.keys(frame(start, inputs, mlekit).traces)
    .map(Number)
    .sort((a, b) => a - b);
  const parts: LiveParts = {
    spec: { version: 1, label, min, max, step, start, digits, steps, traces },
    frame: frame as LiveParts["frame"],
    inputs,
  };
  Object.defineProperty(fig, LIVE, { value: parts, enumerable: false });
  return fig;
}

/** 21 values from min to max on the step grid (rounded to `digits`), with `start`, sorted. */
function defaultSteps(
  min: number,
  max: number,
  step: number,
  start: number,
  digits: number,
): number[] {
  const n = Math.floor((max - min) / step + 1e-9);
  const values = new Set<number>([start]);
  for (let i = 0; i <= 20; i++)
    values.add(+(min + Math.round((i * n) / 20) * step).toFixed(digits));
  return [...values].sort((a, b) => a - b);
}

/** Whether a figure came from {@link liveSlider}. */
export function isLiveSlider(figure: object): boolean {
  return LIVE in figure;
}

/**
 * The spec of a live slider's figure, after checking that its frame depends on its arguments
 * alone: the frame is rebuilt from its source with nothing else in scope (see `rebuildFrame`),
 * run at `start` on the inputs as JSON carries them, and must give exactly the original frame.
 * `show` calls it and puts the spec in the output under {@link LIVE_SLIDER_MIME}.
 *
 * @param figure a figure from {@link liveSlider}
 * @returns the spec, or `undefined` for any other figure
 * @throws {TypeError} naming the outside name the frame reads, or saying where the rebuilt frame differs
 * @example
 * liveSliderSpec(liveSlider(fig, { label: "θ", min: 0, max: 1, step: 0.1, start: 0.5, inputs: {}, frame: (t) => ({ title: `θ = ${t}`, traces: { 0: { y: [t] } } }) })).frame;
 * // => "(t) => ({ title: `θ = ${t}`, traces: { 0: { y: [t] } } })"
 * liveSliderSpec({ data: [], layout: {} }); // => undefined
 */
export function liveSliderSpec(figure: object): LiveSliderSpec | undefined {
  const parts = (figure as { [LIVE]?: LiveParts })[LIVE];
  if (!parts) return undefined;
  const fn = "liveSlider";
  const { spec, frame, inputs } = parts;
  const source = Function.prototype.toString.call(frame);
  const json = JSON.stringify(plainData(inputs));
  if (json === undefined)
    throw new TypeError(`${fn}: inputs = ${String(inputs)} cannot travel as JSON`);
  const carried: unknown = JSON.parse(json);
  let rebuilt: (...args: unknown[]) => unknown;
  try {
    rebuilt = rebuildFrame(source);
  } catch (e) {
    throw new TypeError(
      `${fn}: the frame cannot be rebuilt from its source (${(e as Error).message})`,
    );
  }
  let again: unknown;
  try {
    again = rebuilt(spec.start, carried, mlekit);
  } catch (e) {
    if (e instanceof FrameScopeError) {
      const name = readableName(source, e.freeName);
      throw new TypeError(
        `${fn}: the frame reads "${name}", which is not one of its arguments; a live frame may use only (value, inputs, mlekit) and ` +
          `JavaScript's built-ins: pass data in inputs and take mlekit functions from the third argument, e.g. (t, { xs }, { poisson }) => …`,
      );
    }
    throw new TypeError(
      `${fn}: the frame rebuilt from its source fails at ${spec.label} = ${spec.start}: ${(e as Error).message}`,
    );
  }
  const original = frame(spec.start, inputs, mlekit);
  if (exactText(again) !== exactText(original)) {
    throw new TypeError(
      `${fn}: the frame rebuilt from its source gives a different frame at ${spec.label} = ${spec.start} (does it depend on something ` +
        `that does not travel as JSON in inputs, such as a typed array's type, Infinity or NaN?)`,
    );
  }
  const title = titleTemplate(original.title);
  return { ...spec, frame: source, inputs: carried, ...(title ? { title } : {}) };
}

/**
 * The translation of a frame title as a template, in the kit's language: the English title
 * with its numbers as `{0}`, `{1}`, … and the label table's translation with the same
 * placeholders (wherever the translation puts them); undefined in English or untranslated.
 * @example
 * setLanguage("zh"); titleTemplate("θ = 0.61: KL = 0.0123 nats");
 * // => { from: "θ = {0}: KL = {1} nats", to: "θ = {0}：KL = {1} 奈特" }
 */
export function titleTemplate(title: string | undefined): { from: string; to: string } | undefined {
  if (!title || language() === "en") return undefined;
  const { key, numbers } = labelKey(title);
  // Distinct stand-in numbers, to see where the translation puts each one.
  const probes = numbers.map((_, i) => String(314159 + 1000 * i));
  const probe = key.replace(/\{(\d+)\}/g, (all, i: string) => probes[Number(i)] ?? all);
  let to = translate(probe);
  if (to === probe) return undefined;
  probes.forEach((p, i) => (to = to.replace(new RegExp(`(?<![\\d.])${p}(?![\\d.])`), `{${i}}`)));
  return probes.every((_, i) => to.includes(`{${i}}`)) ? { from: key, to } : undefined;
}

export { LIVE_SLIDER_MIME };
