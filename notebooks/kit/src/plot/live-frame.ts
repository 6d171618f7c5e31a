// The part of a live slider that runs wherever its figure is read: rebuilding a frame function
// from its source text, with nothing in reach but its arguments and JavaScript's built-ins,
// and applying one frame to a figure. No Node, no DOM: the kernel (checking a frame at `show`)
// and an exported page (recomputing the figure as the slider moves) run this same code.
import { labelKey } from "../i18n/labels";

import { LIVE_SLIDER_MIME } from "../format";
import type { SliderState } from "../display/describe-figure";

export { LIVE_SLIDER_MIME };

/** What one slider position changes: the title, and new x/y for some traces (by index). */
export interface LiveFrame {
  readonly title: string;
  readonly traces: Readonly<
    Record<number, { readonly x?: ArrayLike<number | string>; readonly y?: ArrayLike<number> }>
  >;
}

/**
 * A live slider as its output carries it, under {@link LIVE_SLIDER_MIME}: enough for a page to
 * redraw the figure at any value in `[min, max]` with mlekit alone.
 */
export interface LiveSliderSpec {
  readonly version: 1;
  /** The parameter's name, e.g. "θ"; the page shows `θ = 0.61`. */
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly start: number;
  /** Decimals shown for the value. */
  readonly digits: number;
  /** The values the static figure steps through (its plotly slider). */
  readonly steps: readonly number[];
  /** The indices of the traces every frame changes. */
  readonly traces: readonly number[];
  /** The frame function's JavaScript source: `(value, inputs, mlekit) => LiveFrame`. */
  readonly frame: string;
  /** The frame's data, as JSON. */
  readonly inputs: unknown;
  /**
   * The frame's title in the notebook's language, when that is not English: the English title
   * with its numbers as `{0}`, `{1}`, … (`from`) and its translation (`to`), from the course's
   * label table. The page fills the numbers of each new title into `to`.
   */
  readonly title?: { readonly from: string; readonly to: string };
}

/**
 * A live slider at `value`, as the figure's description says it (`describeFigure`'s `slider`).
 * @param spec the slider's spec
 * @param value the value the figure shows
 * @returns `{ label, min, max, step, digits, value }`
 * @example sliderState({ label: "θ", min: 0.3, max: 1.5, step: 0.01, digits: 2, … }, 0.62)
 * // => { label: "θ", min: 0.3, max: 1.5, step: 0.01, digits: 2, value: 0.62 }
 */
export function sliderState(
  spec: Pick<LiveSliderSpec, "label" | "min" | "max" | "step" | "digits">,
  value: number,
): SliderState {
  const { label, min, max, step, digits } = spec;
  return { label, min, max, step, digits, value };
}

/** What a rebuilt frame may name besides its arguments: JavaScript's own pure built-ins. */
export const FRAME_GLOBALS: ReadonlySet<string> = new Set([
  "undefined",
  "NaN",
  "Infinity",
  "Math",
  "Number",
  "String",
  "Boolean",
  "Array",
  "Object",
  "JSON",
  "BigInt",
  "Symbol",
  "isFinite",
  "isNaN",
  "parseFloat",
  "parseInt",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Float64Array",
  "Float32Array",
  "Int8Array",
  "Uint8Array",
  "Uint8ClampedArray",
  "Int16Array",
  "Uint16Array",
  "Int32Array",
  "Uint32Array",
  "Error",
  "RangeError",
  "TypeError",
]);

/** Raised when a rebuilt frame names something that is neither its own nor a pure built-in. */
export class FrameScopeError extends ReferenceError {
  /** The free name as the compiled source spells it (`exports`, `mlekit_1`, `xs`, …). */
  readonly freeName: string;
  constructor(freeName: string) {
    super(`${freeName} is not defined in a live frame`);
    this.name = "FrameScopeError";
    this.freeName = freeName;
  }
}

/**
 * The name a reader would recognise behind a free name of compiled code: tslab compiles a
 * notebook variable `xs` to `exports.xs` and an import `poisson` to `mlekit_1.poisson`
 * (TypeScript's CommonJS output). For those two forms the member read is the name; any other
 * free name is its own.
 * @param source the frame's source
 * @param freeName the free name that was read
 * @returns the notebook's name for it
 * @example
 * readableName("(t) => exports.xs.length", "exports");      // => "xs"
 * readableName("(t) => (0, mlekit_1.poisson)(t)", "mlekit_1"); // => "poisson"
 * readableName("(t) => xs.map((x) => x * t)", "xs");        // => "xs"
 */
export function readableName(source: string, freeName: string): string {
  if (freeName !== "exports" && !/^[A-Za-z_$][\w$]*_\d+$/.test(freeName)) return freeName;
  const escaped = freeName.replace(/[$]/g, "\\$");
  const m = new RegExp(`(?<![\\w$.])${escaped}\\s*\\.\\s*([A-Za-z_$][\\w$]*)`).exec(source);
  return m ? m[1] : freeName;
}

/**
 * Rebuilds a function from its source text with nothing in scope but its own parameters and
 * {@link FRAME_GLOBALS}: every other name it reads or writes throws a {@link FrameScopeError}
 * when the function runs. This is how a frame is proven to depend on its arguments only, and
 * how a page turns a spec's `frame` back into a function.
 *
 * Accepts what `Function.prototype.toString` gives for arrow functions, function expressions
 * and method shorthands (`frame(t) { … }`).
 *
 * @param source the function's source
 * @returns the rebuilt function
 * @throws {TypeError} when the source is native code or not a function
 * @throws {SyntaxError} when the source does not parse
 * @example
 * rebuildFrame("(t, inputs) => t * inputs.k")(2, { k: 3 });  // => 6
 * rebuildFrame("(t) => t * k")(2);                           // throws FrameScopeError: k is not defined in a live frame
 */
export function rebuildFrame(source: string): (...args: unknown[]) => unknown {
  let src = String(source).trim();
  if (/\{\s*\[native code\]\s*\}$/.test(src))
    throw new TypeError(
      `rebuildFrame: ${src.slice(0, 60)} is native or bound code, which has no source to rebuild`,
    );
  // A method shorthand `frame(t) { … }` is not an expression; `function frame(t) { … }` is.
  if (
    /^(async\s+)?(?!function\b)[A-Za-z_$][\w$]*\s*\(/.test(src) &&
    !/^(async\s+)?[A-Za-z_$][\w$]*\s*\([^)]*\)\s*=>/.test(src)
  ) {
    src = src.replace(/^(async\s+)?/, (a) => `${a}function `);
  }
  const scope = new Proxy(Object.create(null) as Record<string, unknown>, {
    // Every name the function does not declare itself is looked up here first.
    has: (_t, key) => typeof key === "string",
    get: (_t, key) => {
      if (key === Symbol.unscopables) return undefined;
      if (typeof key === "string" && FRAME_GLOBALS.has(key))
        return (globalThis as Record<string, unknown>)[key];
      throw new FrameScopeError(String(key));
    },
    set: (_t, key) => {
      throw new FrameScopeError(String(key));
    },
  });
  // `with` is what makes every free name go through `scope` (sloppy-mode code, on purpose).
  const make = new Function("__frameScope", `with (__frameScope) { return (${src}\n); }`) as (
    s: object,
  ) => unknown;
  const fn = make(scope);
  if (typeof fn !== "function")
    throw new TypeError(`rebuildFrame: the source is not a function: ${src.slice(0, 60)}`);
  return fn as (...args: unknown[]) => unknown;
}

/** Copies typed arrays to arrays and drops functions, as JSON would carry the value. */
export function plainData(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(plainData);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v !== "function") out[k] = plainData(v);
    return out;
  }
  return value;
}

/**
 * A canonical text of a frame's data in which two values are equal exactly when every number
 * is the same double (`-0`, `NaN` and `±Infinity` kept apart, unlike JSON).
 */
export function exactText(value: unknown): string {
  return JSON.stringify(plainData(value), (_k, v) =>
    typeof v === "number" ? (Object.is(v, -0) ? "-0" : `n:${v}`) : v,
  );
}

/** A figure as plain data: what {@link applyFrame} reads and returns. */
export interface PlainFigure {
  data: Record<string, unknown>[];
  layout: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The figure at one frame: a copy whose changed traces get the frame's `x`/`y` and whose
 * title is the frame's. The input figure is not modified.
 * @param figure the figure
 * @param frame the frame
 * @returns the new figure
 * @throws {RangeError} when the frame names a trace the figure does not have
 * @example
 * applyFrame({ data: [{ y: [0] }], layout: {} }, { title: "θ = 1", traces: { 0: { y: [1] } } }).data[0].y; // => [1]
 */
export function applyFrame(figure: PlainFigure, frame: LiveFrame): PlainFigure {
  const data = figure.data.map((t) => ({ ...t }));
  for (const [key, change] of Object.entries(frame.traces)) {
    const i = Number(key);
    if (!data[i])
      throw new RangeError(
        `applyFrame: the frame changes trace ${key}; the figure has ${data.length}`,
      );
    if (change.x) data[i].x = Array.from(change.x);
    if (change.y) data[i].y = Array.from(change.y);
  }
  return {
    ...figure,
    data,
    layout: {
      ...figure.layout,
      title: { ...((figure.layout.title as object) ?? {}), text: frame.title },
    },
  };
}

/**
 * A title the frame computed, in the spec's language (the `title` template with its numbers),
 * or as it is when the spec has no template or the title does not fit it.
 * @example localTitle({ title: { from: "θ = {0} nats", to: "θ = {0} 奈特" } }, "θ = 0.9 nats") // => "θ = 0.9 奈特"
 */
export function localTitle(spec: Pick<LiveSliderSpec, "title">, title: string): string {
  if (!spec.title) return title;
  const { key, numbers } = labelKey(title);
  return key === spec.title.from
    ? spec.title.to.replace(/\{(\d+)\}/g, (all, i: string) => numbers[Number(i)] ?? all)
    : title;
}
