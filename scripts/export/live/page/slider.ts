// The live slider control of an exported page: an <input type="range"> under a figure whose
// output carries a live-slider spec. Each move recomputes the figure with the spec's frame,
// rebuilt from its source and run with the page's own mlekit, whether or not the reader has
// pressed "Run in browser". The control is a real slider for keyboards and screen readers: it
// is named by its <label>, arrow keys step it, `aria-valuetext` reads "θ = 0.61". Each new
// figure goes out in a cancelable `mlekit:figure-changed` event (detail `{ figure, title, value,
// text }`) from the plot element: the page script draws it and its caption, description (which
// ends "now θ = 0.61", the value the drawn traces were computed for) and data table follow; a
// page without one has it drawn here, its aria-label set to the title.
// Chromium 156 keeps aria-valuetext apart from a native range input's own value: its platform
// tree (ATK's `valuetext`, what Orca reads) says "θ = 0.61", while CDP's Accessibility domain
// reports its `valuetext` property from the value, "0.61" (tests/browser/readers.test.ts).
import * as mlekit from "mlekit";
import {
  applyFrame,
  rebuildFrame,
  type LiveFrame,
  type LiveSliderSpec,
  type PlainFigure,
} from "../../../../notebooks/kit/src/plot/live-frame";
import { unpackFigure } from "../../page/figure-codec";
import { localTitle } from "../../../../notebooks/kit/src/plot/live-frame";
import { sliderValueText } from "../../../../notebooks/kit/src/display/describe-figure";

type Plotly = {
  react(el: HTMLElement, data: unknown[], layout: unknown, config?: unknown): Promise<unknown>;
};

/** The figure config the page's draw script uses (kept to what a reader needs offline). */
function figureConfig(fig: PlainFigure): Record<string, unknown> {
  return { displaylogo: false, responsive: true, ...((fig.config as object) ?? {}) };
}

/** Waits for plotly.js, which a page may load after it paints. */
function plotly(): Promise<Plotly> {
  return new Promise((resolve) => {
    const tick = () => {
      const p = (window as unknown as { Plotly?: Plotly }).Plotly;
      if (p) resolve(p);
      else setTimeout(tick, 30);
    };
    tick();
  });
}

/** The value text of the control, e.g. "θ = 0.61" (the kit's, as the figure's description says it). */
export function valueText(spec: LiveSliderSpec, v: number): string {
  return sliderValueText(spec.label, v, spec.digits);
}

function activateOne(control: HTMLElement): void {
  const id = control.dataset.liveFor;
  if (!id || control.dataset.liveActive) return;
  const specEl = document.querySelector<HTMLScriptElement>(
    `script.live-slider-spec[data-for="${id}"]`,
  );
  const figEl = document.querySelector<HTMLScriptElement>(`script.figure-data[data-for="${id}"]`);
  const target = document.getElementById(id);
  const input = control.querySelector<HTMLInputElement>("input[type=range]");
  const out = control.querySelector<HTMLOutputElement>("output");
  if (!specEl || !figEl || !target || !input) return;
  const spec = JSON.parse(specEl.text) as LiveSliderSpec;
  const base = unpackFigure(JSON.parse(figEl.text) as PlainFigure);
  const frame = rebuildFrame(spec.frame) as (
    v: number,
    inputs: unknown,
    m: typeof mlekit,
  ) => LiveFrame;
  control.dataset.liveActive = "1";
  control.hidden = false;
  let pending = false;
  let drawn = Promise.resolve<unknown>(undefined);
  const update = () => {
    pending = false;
    const v = Number(input.value);
    let fig: PlainFigure;
    try {
      fig = applyFrame(base, frame(v, spec.inputs, mlekit));
    } catch (e) {
      if (out) out.textContent = `${valueText(spec, v)}: ${(e as Error).message}`;
      return;
    }
    // The frame computes an English title; the spec's template puts it in the notebook's language.
    const title = localTitle(
      spec,
      String((fig.layout.title as { text?: string } | undefined)?.text ?? ""),
    );
    if (title && fig.layout.title !== undefined)
      fig = {
        ...fig,
        layout: { ...fig.layout, title: { ...(fig.layout.title as object), text: title } },
      };
    const text = valueText(spec, v);
    input.setAttribute("aria-valuetext", text);
    if (out) out.textContent = text;
    // The figure as computed, for tests and tools.
    (target as unknown as { liveFigure: PlainFigure }).liveFigure = fig;
    // The page script (export/page/figures.ts) takes the figure: it draws it laid out for the
    // width, and its caption, description and data table follow (it calls preventDefault).
    const change = new CustomEvent("mlekit:figure-changed", {
      bubbles: true,
      cancelable: true,
      detail: { figure: fig, title, value: v, text },
    });
    if (!target.dispatchEvent(change)) return;
    // No page script took it: draw it here, and name the figure by its title.
    target.setAttribute("aria-label", title || text);
    drawn = drawn
      .then(() => plotly())
      .then((P) => P.react(target, fig.data, fig.layout, figureConfig(fig)));
  };
  input.addEventListener("input", () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(update);
  });
  // A value the browser restored into the control (Back/Forward restores form state) is not the
  // value the exported figure, its caption and description were made for: start where they are.
  if (Number(input.value) !== spec.start) input.value = String(spec.start);
  input.setAttribute("aria-valuetext", valueText(spec, Number(input.value)));
}

/** Activates every live slider control under `root` (once each). */
export function activate(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>(".live-slider[data-live-for]").forEach(activateOne);
}

(globalThis as Record<symbol, unknown>)[Symbol.for("mlekit.liveSliders")] = { activate };
activate();
