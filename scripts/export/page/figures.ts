// The script of an exported note page (bundled by esbuild into one inline script at the end of
// <body>; it declares no global). It makes the page paint first and draw plots after:
//  1. the prose, maths and code paint with no script in the way; then, after the first frame,
//     plotly.js is loaded from the page's inert holder (`script[data-plotly-version]`, inline
//     source or `data-src`) as a script of its own;
//  2. the figures are drawn one per task, the ones on screen first, each laid out for its width
//     (page/layout.ts), the legend moved under the x-axis titles by measuring them;
//  3. each figure's caption and description follow its slider; "show the data" builds the
//     figure's data tables when opened (the kit's describe-figure module, as the exporter uses);
//  4. printing opens the worked solutions (and closes them after) and plots scale to the paper.
// Contract for other scripts (see scripts/README.md): `<html data-plotly="ready">` and a
// `mlekit:plotly-ready` event on document once plotly.js runs; `data-drawn` on each plot element
// and a bubbling `mlekit:figure-drawn` event from its <figure>; `<html data-plots="drawn">` when
// every plot is drawn (at once on a page without plots; "failed" when plotly.js cannot load),
// with `performance.measure` entries "mlekit:plotly.js" and "mlekit:draw <id>" for timing,
// and `data-plots-width` the window width the plots were last laid out for. The page's figure
// drawing is `window[Symbol.for("mlekit.drawFigures")](root)`: the live runtime (live/) calls it
// for the outputs of a run. A script that changes a drawing (the live slider) dispatches one
// cancelable, bubbling `mlekit:figure-changed` event from the plot element, detail
// `{ figure?, title?, value? }`: with a figure, this script draws it laid out for the width and
// calls preventDefault (the sender then does not draw it); the caption, description and open
// data table follow the traces as drawn. A figure with a live slider beside it
// (`script.live-slider-spec` for its id) ends its description with the slider's range and the
// value text of the value the drawn traces were computed for ("now θ = 0.62").
import {
  dataTablesHtml,
  describeFigure,
  figureDataTables,
  figureLanguage,
  type BinsByTrace,
  type SliderState,
} from "../../../notebooks/kit/src/display/describe-figure";
import { sliderState, type LiveSliderSpec } from "../../../notebooks/kit/src/plot/live-frame";
import { unpackFigure } from "./figure-codec";
import { applySliderStep, legendPatch, NARROW_PX, prepareFigure, type FigureSpec } from "./layout";

interface PlotlyApi {
  newPlot(
    el: HTMLElement,
    fig: { data: unknown[]; layout: unknown; config: unknown; frames?: unknown },
  ): Promise<unknown>;
  react(
    el: HTMLElement,
    fig: { data: unknown[]; layout: unknown; config: unknown; frames?: unknown },
  ): Promise<unknown>;
  relayout(el: HTMLElement, patch: Record<string, unknown>): Promise<unknown>;
  Plots: { resize(el: HTMLElement): Promise<unknown> };
}

interface FullLayout {
  height: number;
  margin: { b: number };
  showlegend?: boolean;
  legend?: { y: number };
  sliders?: { active: number; pad: { t: number } }[];
  _size: { t: number; h: number };
}

interface PlotElement extends HTMLElement {
  /** The traces as drawn now (plotly keeps them on the element). */
  data?: Record<string, unknown>[];
  _fullLayout?: FullLayout;
  _fullData?: {
    index?: number;
    type?: string;
    xbins?: { start: number; end: number; size: number };
  }[];
  on?(event: string, handler: () => void): void;
}

interface Entry {
  el: PlotElement;
  figure: HTMLElement;
  spec: FigureSpec;
  caption: HTMLElement | null;
  desc: HTMLElement | null;
  data: HTMLDetailsElement | null;
  stepTitles: (string | undefined)[];
  narrow: boolean;
  drawn: boolean;
  /** The figure another script (a live slider) last gave, drawn instead of `spec`. */
  live?: FigureSpec;
  /** With `live`: its title and the slider value it was computed for. */
  liveTitle?: string;
  liveValue?: number;
  /** The live slider beside the figure (its spec on the page), at the value the drawing shows. */
  slider?: SliderState;
}

/** The detail of a `mlekit:figure-changed` event. */
interface FigureChange {
  /** The figure with the new traces (and title), for this script to draw; absent when the sender drew it. */
  figure?: FigureSpec;
  /** The figure's new title (else the figure's own). */
  title?: string;
  /** The live slider's value the new figure was computed for. */
  value?: number;
}

/** Every figure of the page, the ones a live run added too. */
const list: Entry[] = [];
/** plotly.js, once it is loaded (undefined before). */
let plotlyReady: Promise<PlotlyApi> | undefined;

const lang = figureLanguage(document.documentElement.lang);

/** Every figure under `root` with its JSON (from the `script.figure-data` beside it). */
function entries(root: ParentNode = document): Entry[] {
  const out: Entry[] = [];
  for (const block of Array.from(root.querySelectorAll<HTMLScriptElement>("script.figure-data"))) {
    const el = document.getElementById(block.getAttribute("data-for") ?? "") as PlotElement | null;
    const figure = el?.closest("figure");
    if (!el || !figure) continue;
    const sliderSpec = document.querySelector<HTMLScriptElement>(
      `script.live-slider-spec[data-for="${CSS.escape(el.id)}"]`,
    );
    const spec = sliderSpec
      ? (JSON.parse(sliderSpec.textContent ?? "{}") as LiveSliderSpec)
      : undefined;
    out.push({
      slider: spec && sliderState(spec, spec.start),
      el,
      figure,
      // A site page packs the figure's arrays (figure-codec.ts); a plain figure is unchanged.
      spec: unpackFigure(JSON.parse(block.textContent ?? "{}") as FigureSpec),
      caption: figure.querySelector(".plot-caption"),
      desc: figure.querySelector(".plot-desc"),
      data: figure.querySelector("details.plot-data"),
      stepTitles: [],
      narrow: false,
      drawn: false,
    });
  }
  return out;
}

/** Runs `cb` after the page's first frame is painted (rAF runs before a paint; the task after it, after). */
function afterFirstPaint(cb: () => void): void {
  let done = false;
  const go = () => {
    if (!done) {
      done = true;
      cb();
    }
  };
  requestAnimationFrame(() => setTimeout(go, 0));
  setTimeout(go, 250); // a page in a background tab gets no animation frame
}

/** A new task, so the browser can paint and handle input between two plots. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(0);
  });

const plotlyOf = () => (window as unknown as { Plotly?: PlotlyApi }).Plotly;

/** Loads plotly.js from the page's holder as a script of its own (a blob: URL for the inline copy). */
function loadPlotly(): Promise<PlotlyApi> {
  return new Promise((resolve, reject) => {
    const ready = plotlyOf();
    if (ready) return resolve(ready);
    const holder = document.querySelector<HTMLScriptElement>("script[data-plotly-version]");
    if (!holder) return reject(new Error("no plotly.js on the page"));
    const s = document.createElement("script");
    const src = holder.getAttribute("data-src");
    const t0 = performance.now();
    s.src =
      src ?? URL.createObjectURL(new Blob([holder.textContent ?? ""], { type: "text/javascript" }));
    s.onload = () => {
      const P = plotlyOf();
      if (!P) return reject(new Error("plotly.js loaded but defined no Plotly"));
      performance.measure("mlekit:plotly.js", { start: t0 });
      document.documentElement.setAttribute("data-plotly", "ready");
      document.dispatchEvent(new CustomEvent("mlekit:plotly-ready"));
      resolve(P);
    };
    s.onerror = () =>
      reject(new Error(`plotly.js could not be loaded${src ? ` from ${src}` : ""}`));
    document.body.appendChild(s);
  });
}

/** The slider position a figure shows (plotly keeps it in the full layout). */
const activeStep = (e: Entry): number | undefined => e.el._fullLayout?.sliders?.[0]?.active;

/** The figure as the reader sees it now: the traces as drawn (a slider's step or another script's update applied), the figure's own layout. */
function currentSpec(e: Entry): FigureSpec {
  const base = e.live ?? e.spec;
  const active = activeStep(e);
  const spec = active === undefined ? base : applySliderStep(base, active);
  return e.drawn && Array.isArray(e.el.data) ? { ...spec, data: e.el.data } : spec;
}

/** The bins plotly chose for each histogram, so the data table lists the bars as drawn. */
function binsOf(el: PlotElement): BinsByTrace {
  const bins: Record<number, { start: number; end: number; size: number }> = {};
  (el._fullData ?? []).forEach((t, i) => {
    const b = t.xbins;
    if (t.type === "histogram" && b && typeof b.start === "number" && typeof b.size === "number")
      bins[t.index ?? i] = { start: b.start, end: b.end, size: b.size };
  });
  return bins;
}

/** Boxes of the elements under `el` matching `selector`, with a size. */
const boxes = (el: Element, selector: string) =>
  Array.from(el.querySelectorAll(selector))
    .map((n) => n.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);

/**
 * Moves a legend that sits below the plot under the x-axis titles and tick labels (and a slider
 * under the legend), growing the figure to fit: measure, relayout, measure again (at most 4 times).
 */
async function placeLegend(P: PlotlyApi, e: Entry): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const fl = e.el._fullLayout;
    const legendNode = e.el.querySelector("g.legend");
    if (!fl || fl.showlegend === false || !legendNode || !fl.legend) return;
    const legend = legendNode.getBoundingClientRect();
    const fig = e.el.getBoundingClientRect();
    const plotBottom = fig.top + fl._size.t + fl._size.h;
    if (legend.top < plotBottom - 1) return; // a legend beside or inside the plot is not in the way
    const axes = boxes(
      e.el,
      ".xaxislayer-above text, .infolayer g[class^='g-x'][class$='title'] text",
    ).filter((r) => r.left < legend.right && r.right > legend.left);
    const sliderBox = boxes(e.el, ".slider-group")[0];
    const patch = legendPatch({
      legend,
      axesBottom: Math.max(plotBottom, ...axes.map((r) => r.bottom)),
      slider: sliderBox ? { top: sliderBox.top, bottom: sliderBox.bottom } : undefined,
      figure: fig,
      plotHeight: fl._size.h,
      legendY: fl.legend.y,
      height: fl.height,
      marginB: fl.margin.b,
      sliderPadT: fl.sliders?.[0]?.pad.t,
    });
    if (!patch) return;
    await P.relayout(e.el, patch);
    if (patch.height) e.el.style.height = `${patch.height}px`;
  }
}

/** Gives plotly's SVG layers a viewBox, so print CSS can scale the drawing to the paper's width. */
function scalable(el: HTMLElement): void {
  let ratio = "";
  for (const svg of Array.from(el.querySelectorAll("svg.main-svg"))) {
    const w = svg.getAttribute("width");
    const h = svg.getAttribute("height");
    if (!w || !h) continue;
    svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
    ratio = `${w} / ${h}`;
  }
  if (ratio) el.style.setProperty("--plot-ratio", ratio);
}

/** Caption and description follow the slider (the title of its step, the data it shows). */
function followSlider(e: Entry): void {
  const active = activeStep(e);
  if (active === undefined) return;
  describeNow(e, e.stepTitles[active]);
}

/** Writes the caption and description of the figure as drawn now, with `title` (else the figure's own). */
function describeNow(e: Entry, title?: string): void {
  const spec = currentSpec(e);
  const layout = {
    ...(spec.layout ?? {}),
    ...(title !== undefined ? { title: { text: title } } : {}),
  };
  const text = describeFigure({ data: spec.data, layout }, { lang, slider: e.slider });
  if (e.caption) e.caption.textContent = text.caption;
  if (e.desc) e.desc.textContent = text.description;
  if (e.data?.open) fillTables(e);
}

function fillTables(e: Entry): void {
  const body = e.data?.querySelector(".plot-data-body");
  if (body)
    body.innerHTML = dataTablesHtml(
      figureDataTables(currentSpec(e), { lang, bins: binsOf(e.el) }),
      { lang },
    );
  focusableWhenScrolling(e.figure);
}

/**
 * The width a figure is laid out for: its own, or (inside a closed <details>: a worked solution
 * or a folded result) that of the nearest ancestor with one.
 */
function layoutWidth(e: Entry): number {
  let n: HTMLElement | null = e.el;
  while (n && !n.clientWidth) n = n.parentElement;
  return n ? n.clientWidth : innerWidth;
}

/** Draws (or draws anew, keeping the slider where it is) one figure for its current width. */
async function draw(P: PlotlyApi, e: Entry): Promise<void> {
  const t0 = performance.now();
  const base = e.live ?? e.spec;
  const active = e.drawn ? activeStep(e) : undefined;
  const spec = active === undefined ? base : applySliderStep(base, active);
  const p = prepareFigure(spec, layoutWidth(e));
  e.narrow = p.narrow;
  e.stepTitles = p.stepTitles;
  if (typeof p.layout.height === "number") e.el.style.height = `${p.layout.height}px`;
  const fig = { data: p.data, layout: p.layout, config: p.config, frames: spec.frames };
  // A new plot, also when a drawn figure is laid out again (for the other side of NARROW_PX):
  // Plotly.react, given a layout without a width, keeps the size it autosized before (plots'
  // supplyDefaults keeps width and height once the first autosize is done), and its legend
  // stayed where the other layout had put it. Drawn at 390 px, then again for 1280 px, 05's
  // first plot stayed 366 px wide in its 880 px box (and its SVG's viewBox with it), so on
  // paper its labels ran past the box; its fourth plot's legend sat on its tick labels.
  // newPlot drops the plot's listeners (Plots.purge): they are added after each one.
  await P.newPlot(e.el, fig);
  e.el.on?.("plotly_sliderchange", () => followSlider(e));
  e.el.on?.("plotly_afterplot", () => scalable(e.el));
  await placeLegend(P, e);
  scalable(e.el);
  e.drawn = true;
  performance.measure(`mlekit:draw ${e.el.id}`, { start: t0 });
  e.el.setAttribute("data-drawn", "");
  e.figure.dispatchEvent(new CustomEvent("mlekit:figure-drawn", { bubbles: true }));
}

/** On-screen figures first, then by distance from the viewport. */
function byDistance(list: Entry[]): Entry[] {
  const d = (e: Entry) => {
    const r = e.figure.getBoundingClientRect();
    return r.bottom < 0 ? -r.bottom : r.top > innerHeight ? r.top - innerHeight : 0;
  };
  return [...list].sort((a, b) => d(a) - d(b));
}

/**
 * Elements that scroll sideways (a wide formula, output or data table) become focusable, so a
 * keyboard can scroll them; the others stay out of the tab order.
 */
function focusableWhenScrolling(root: ParentNode = document): void {
  for (const el of Array.from(
    root.querySelectorAll<HTMLElement>(".katex-display, .output, .plot-table"),
  )) {
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
    else if (!scrolls && el.getAttribute("tabindex") === "0" && !el.hasAttribute("role"))
      el.removeAttribute("tabindex");
  }
}

/** Printing: worked solutions and folded results open (closed again after); plots scale by CSS (see `scalable`). */
function printing(): void {
  let opened: HTMLDetailsElement[] = [];
  addEventListener("beforeprint", () => {
    opened = Array.from(
      document.querySelectorAll<HTMLDetailsElement>(
        "details.solution:not([open]), details.reveal:not([open])",
      ),
    );
    for (const d of opened) d.open = true;
  });
  addEventListener("afterprint", () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

/** The slider of `e` at `value` (unchanged without a value or a slider). */
function sliderAt(e: Entry, value: number | undefined): void {
  if (e.slider && typeof value === "number") e.slider = { ...e.slider, value };
}

/**
 * Draws a figure that another script changed: its latest traces in the layout as drawn now;
 * then the caption and description say that figure's title and slider value (taken together
 * with it, so a burst of changes never describes one figure with another's value).
 */
async function redrawChanged(P: PlotlyApi, e: Entry): Promise<void> {
  const { live, liveTitle, liveValue } = e;
  if (!e.drawn || !live) return;
  const layout = (e.el as unknown as { layout?: unknown }).layout ?? {};
  const config = prepareFigure(live, layoutWidth(e)).config;
  await P.react(e.el, {
    data: JSON.parse(JSON.stringify(live.data)) as unknown[],
    layout,
    config,
  });
  sliderAt(e, liveValue);
  describeNow(e, liveTitle);
}

/** Readies new entries: their data table, and their answer to another script's change. */
function adopt(found: Entry[]): void {
  for (const e of found) {
    if (list.some((x) => x.el === e.el)) continue;
    list.push(e);
    if (e.data) {
      const d = e.data;
      d.hidden = false;
      d.addEventListener("toggle", () => d.open && fillTables(e));
    }
    let drawing = Promise.resolve();
    e.figure.addEventListener("mlekit:figure-changed", (ev) => {
      const detail = (ev as CustomEvent<FigureChange | undefined>).detail ?? {};
      if (!detail.figure) {
        sliderAt(e, detail.value);
        return describeNow(e, detail.title);
      }
      ev.preventDefault();
      e.live = detail.figure;
      e.liveTitle = detail.title;
      e.liveValue = detail.value;
      if (!e.drawn) {
        sliderAt(e, detail.value);
        return describeNow(e, detail.title); // drawn later, with e.live
      }
      const P = plotlyReady!;
      drawing = drawing
        .then(() => P)
        .then((p) => redrawChanged(p, e))
        .catch((err) => console.error(`figure ${e.el.id}: ${String(err)}`));
    });
  }
}

/** Draws the entries, the ones on screen first, one per task. */
async function drawAll(P: PlotlyApi, todo: Entry[]): Promise<void> {
  for (const e of byDistance(todo)) {
    await nextTask();
    try {
      await draw(P, e);
    } catch (err) {
      console.error(`figure ${e.el.id}: ${String(err)}`);
    }
  }
}

/** The page's figure drawing for figures added after load (the live runtime's outputs). */
function drawFiguresUnder(root: ParentNode): void {
  const found = entries(root).filter((e) => !list.some((x) => x.el === e.el));
  adopt(found);
  focusableWhenScrolling(root);
  if (!found.length) return;
  (plotlyReady ??= loadPlotly())
    .then((P) => drawAll(P, found))
    .catch((err) => console.error(String(err)));
}

function main(): void {
  (window as unknown as Record<symbol, unknown>)[Symbol.for("mlekit.drawFigures")] =
    drawFiguresUnder;
  adopt(entries());
  printing();
  focusableWhenScrolling();
  const root = document.documentElement;
  if (!list.length) {
    const laidOut = () => {
      focusableWhenScrolling();
      root.setAttribute("data-plots", "drawn");
      root.setAttribute("data-plots-width", String(innerWidth));
    };
    laidOut();
    addEventListener("resize", laidOut);
    return;
  }
  afterFirstPaint(async () => {
    let P: PlotlyApi;
    try {
      P = await (plotlyReady ??= loadPlotly());
    } catch (err) {
      console.error(String(err));
      root.setAttribute("data-plots", "failed");
      return;
    }
    /** Lays the drawn figures (under `within`) out again for the width they have now. */
    const relayout = async (within: ParentNode = document) => {
      for (const e of list) {
        if (!e.drawn || !e.el.isConnected || !within.contains(e.el)) continue; // not drawn yet: it will be, for the width it has then
        const narrow = layoutWidth(e) < NARROW_PX;
        if (narrow !== e.narrow) await draw(P, e);
        else {
          await P.Plots.resize(e.el);
          await placeLegend(P, e);
          scalable(e.el);
        }
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    addEventListener("resize", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        await relayout();
        focusableWhenScrolling();
        root.setAttribute("data-plots-width", String(innerWidth));
      }, 150);
    });
    // A figure drawn inside a closed <details> had no box of its own: size it when it opens.
    document.addEventListener(
      "toggle",
      (ev) => {
        const d = ev.target as HTMLDetailsElement;
        if (d.open && !d.classList.contains("plot-data"))
          void relayout(d).then(() => focusableWhenScrolling(d));
      },
      true,
    );
    await drawAll(P, [...list]);
    root.setAttribute("data-plots", "drawn");
    root.setAttribute("data-plots-width", String(innerWidth));
  });
}

main();
