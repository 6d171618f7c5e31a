// "Run in browser": what a note page does when the reader asks it to run.
//  - every code cell becomes an editor (editor.ts);
//  - a run rewrites every cell (transform.ts) and runs them, top to bottom, in a fresh Web
//    Worker (worker.ts) holding the real mlekit, notebook-kit and mle-course;
//  - each cell's outputs replace the old ones in place, rendered by the exporter's own
//    renderer (html.ts: plots, tables, Markdown with maths, printed values, errors);
//  - the first failing cell shows its error with its line, and the cells after it say that
//    they did not run; "Reset" brings back the original cells and outputs.
// The page's <html> carries the run for tests and tools: data-run-state = running, then done
// (every cell ran) or error (a cell failed, or the runtime could not start), data-run-errors =
// the number of cells that failed, data-run-ms = the run's wall time.
import type { EditorView } from "@codemirror/view";
import { outputHtml, pageContext } from "../../html";
import { fill, liveStrings } from "../strings";
import { createEditor, setText } from "./editor";
import { cellsToScripts } from "./transform";
import { unpackFigure } from "../../page/figure-codec";
import type { FromWorker, Output, WorkerCell } from "./protocol";
import type { Output as NbOutput } from "../../../nbformat";

declare const __MLEKIT_WORKER_SOURCE__: string;

interface CellView {
  /** The cell element (section or details) that holds the source and the outputs. */
  el: HTMLElement;
  source: HTMLElement;
  /** The cell's number among the code cells, from 1 (its data-cell). */
  number: number;
  original: string;
  /** The page's own outputs, kept (detached) for Reset. */
  originalOutputs: Element[];
  editor: EditorView;
}

/** One run's result, for tools and tests (`runtime.lastRun()`). */
export interface RunRecord {
  state: "running" | "done" | "error";
  errors: number;
  ms: number;
  /** Outputs of each code cell, in order; null for a cell that did not run. */
  outputs: (Output[] | null)[];
  /** Milliseconds each cell took. */
  cellMs: (number | null)[];
}

const html = document.documentElement;
const t = liveStrings(html.lang);
let cells: CellView[] = [];
let worker: Worker | undefined;
let runNo = 0;
let last: RunRecord | undefined;
let touched = false;

const bar = () => document.getElementById("mlekit-live-bar");
const button = (name: string) =>
  bar()?.querySelector<HTMLButtonElement>(`button[data-live=${name}]`) ?? null;
function status(text: string): void {
  const s = bar()?.querySelector<HTMLElement>("[data-live=status]");
  if (s) s.textContent = text;
}

type PlotlyLike = {
  newPlot(el: HTMLElement, fig: object): Promise<unknown>;
  purge(el: HTMLElement): void;
};
const plotly = () => (window as unknown as { Plotly?: PlotlyLike }).Plotly;

/** Draws every figure under `root` as the page's own draw script does. */
function drawFigures(root: Element): void {
  // A page script that draws figures its own way (layout for phones, captions) registers it here.
  const pageDraw = (globalThis as Record<symbol, unknown>)[Symbol.for("mlekit.drawFigures")];
  if (typeof pageDraw === "function") return void (pageDraw as (r: Element) => void)(root);
  root.querySelectorAll<HTMLScriptElement>("script.figure-data").forEach((b) => {
    const el = document.getElementById(b.dataset.for ?? "");
    if (!el) return;
    const f = unpackFigure(
      JSON.parse(b.text) as {
        data: unknown[];
        layout?: object;
        frames?: unknown[];
        config?: object;
      },
    );
    const config = { displaylogo: false, responsive: true, ...(f.config ?? {}) };
    const draw = () =>
      plotly()!.newPlot(el, { data: f.data, layout: f.layout ?? {}, frames: f.frames, config });
    if (plotly()) draw();
    else {
      const wait = () => (plotly() ? draw() : setTimeout(wait, 30));
      wait();
    }
  });
}

/** The output elements of a cell (what the exporter put after its source). */
// A predict-then-check cell's outputs sit in a <details class="reveal">: it goes and comes back
// with them. A run's new outputs are shown unfolded (the reader ran the check).
const isOutput = (e: Element) =>
  e.classList.contains("output") || e.classList.contains("reveal-outputs");
const outputsOf = (c: CellView) => Array.from(c.el.children).filter(isOutput);

function clearOutputs(c: CellView, keep: boolean): void {
  for (const e of outputsOf(c)) {
    if (!keep)
      e.querySelectorAll<HTMLElement>(".js-plotly-plot").forEach((p) => plotly()?.purge(p));
    e.remove();
  }
}

function place(c: CellView, nodes: Element[]): void {
  let after: Element = c.source;
  for (const n of nodes) {
    after.after(n);
    after = n;
  }
}

/** Replaces a cell's outputs with new ones, rendered as the exporter renders them. */
function render(c: CellView, index: number, outputs: Output[]): void {
  clearOutputs(
    c,
    c.originalOutputs.length > 0 && outputsOf(c).every((e) => c.originalOutputs.includes(e)),
  );
  const tpl = document.createElement("template");
  tpl.innerHTML = outputs
    .map(
      (o, k) =>
        outputHtml(
          o as unknown as NbOutput,
          `${index}-${k}-run${runNo}`,
          c.number,
          pageContext({ lang: html.lang || "en", live: true }),
        ).html,
    )
    .filter(Boolean)
    .join("\n");
  const nodes = Array.from(tpl.content.children);
  place(c, nodes);
  for (const n of nodes) drawFigures(n);
  if (nodes.some((n) => n.querySelector(".live-slider"))) void activateSliders(nodes);
}

type SliderApi = { activate(root: ParentNode): void };
type Load = (name: string) => Promise<void>;
const globals = globalThis as Record<symbol, unknown>;

/**
 * Activates the live sliders of new outputs with the page's slider script (slider.js, which
 * the loader loads for a page with a live slider; loaded here if the page had none), so
 * runtime.js does not carry a second copy of it and of mlekit.
 */
async function activateSliders(nodes: Element[]): Promise<void> {
  try {
    if (!globals[Symbol.for("mlekit.liveSliders")])
      await (globals[Symbol.for("mlekit.liveLoad")] as Load)("slider");
    const api = globals[Symbol.for("mlekit.liveSliders")] as SliderApi;
    for (const n of nodes) api.activate(n);
  } catch (e) {
    console.error(`live slider: ${(e as Error).message}`);
  }
}

function skipped(c: CellView, failed: number): void {
  clearOutputs(
    c,
    outputsOf(c).every((e) => c.originalOutputs.includes(e)),
  );
  const div = document.createElement("div");
  div.className = "output live-skipped";
  div.textContent = fill(t.notRun, { n: failed });
  place(c, [div]);
}

function setState(state: RunRecord["state"], errors?: number): void {
  html.setAttribute("data-run-state", state);
  if (errors === undefined) html.removeAttribute("data-run-errors");
  else html.setAttribute("data-run-errors", String(errors));
}

/**
 * Runs every cell from the top in a fresh worker.
 * @param options `prelude`: a script run in the worker before the first cell, for tools (the
 *   cross-runtime test runs one that makes Math another libm, to measure each number's
 *   sensitivity to the last ulp); readers never need it
 */
export function runAll({ prelude }: { prelude?: string } = {}): void {
  worker?.terminate();
  runNo++;
  const run = runNo;
  const t0 = performance.now();
  const record: RunRecord = {
    state: "running",
    errors: 0,
    ms: 0,
    outputs: cells.map(() => null),
    cellMs: cells.map(() => null),
  };
  last = record;
  setState("running");
  html.removeAttribute("data-run-ms");
  const runButton = button("run");
  if (runButton) runButton.disabled = true;
  const reset = button("reset");
  if (reset) reset.disabled = false;
  touched = true;
  status(fill(t.running, { n: 1, total: cells.length }));
  const scripts = cellsToScripts(cells.map((c) => c.editor.state.doc.toString()));
  const payload: WorkerCell[] = scripts.map((s, i) => ({
    index: i,
    source: cells[i].editor.state.doc.toString(),
    code: s.code,
    error: s.error,
  }));
  const url = URL.createObjectURL(
    new Blob([__MLEKIT_WORKER_SOURCE__], { type: "text/javascript" }),
  );
  const w = new Worker(url);
  worker = w;
  const finish = (state: "done" | "error", message: string) => {
    if (run !== runNo) return;
    record.state = state;
    record.ms = performance.now() - t0;
    setState(state, record.errors);
    html.setAttribute("data-run-ms", record.ms.toFixed(0));
    status(message);
    if (runButton) {
      runButton.disabled = false;
      runButton.textContent = t.runAgain;
    }
    w.terminate();
    URL.revokeObjectURL(url);
    if (worker === w) worker = undefined;
  };
  w.onmessage = (e: MessageEvent<FromWorker>) => {
    if (run !== runNo) return;
    const m = e.data;
    if (m.type === "ready") w.postMessage({ type: "run", cells: payload, prelude });
    else if (m.type === "cell") {
      record.outputs[m.index] = m.outputs;
      record.cellMs[m.index] = m.ms;
      render(cells[m.index], m.index, m.outputs);
      if (!m.ok) {
        record.errors++;
        const n = cells[m.index].number;
        for (const c of cells.slice(m.index + 1)) skipped(c, n);
        finish("error", fill(t.failed, { n }));
      } else if (m.index + 1 < cells.length)
        status(fill(t.running, { n: m.index + 2, total: cells.length }));
    } else if (m.type === "done" && m.ok)
      finish(
        "done",
        fill(t.done, { total: cells.length, s: ((performance.now() - t0) / 1000).toFixed(1) }),
      );
  };
  w.onerror = (e) => {
    e.preventDefault();
    finish("error", e.message || "the runtime failed");
  };
}

/** Brings back the original cells and the page's own outputs. */
export function resetAll(): void {
  worker?.terminate();
  worker = undefined;
  runNo++;
  for (const c of cells) {
    setText(c.editor, c.original);
    if (
      !outputsOf(c).every((e) => c.originalOutputs.includes(e)) ||
      outputsOf(c).length !== c.originalOutputs.length
    ) {
      clearOutputs(c, false);
      place(c, c.originalOutputs);
    }
  }
  html.removeAttribute("data-run-state");
  html.removeAttribute("data-run-errors");
  html.removeAttribute("data-run-ms");
  const runButton = button("run");
  if (runButton) {
    runButton.disabled = false;
    runButton.textContent = t.run;
  }
  const reset = button("reset");
  if (reset) reset.disabled = true;
  touched = false;
  last = undefined;
  status(t.resetDone);
}

/** Turns every code cell into an editor (once). */
function setup(): void {
  if (cells.length) return;
  const els = Array.from(document.querySelectorAll<HTMLElement>("main [data-cell]"));
  cells = els.flatMap((el) => {
    const source = el.querySelector<HTMLElement>(".source");
    const pre = source?.querySelector("pre");
    if (!source || !pre) return [];
    const original = pre.textContent ?? "";
    const number = Number(el.dataset.cell);
    const editor = createEditor({
      doc: original,
      label: fill(t.editor, { n: number }),
      onRun: () => runAll(),
      onChange: () => {
        const reset = button("reset");
        if (reset) reset.disabled = false;
      },
    });
    pre.replaceWith(editor.dom);
    return [
      {
        el,
        source,
        number,
        original,
        originalOutputs: Array.from(el.children).filter(isOutput),
        editor,
      },
    ];
  });
  button("run")?.addEventListener("click", () => runAll());
  button("reset")?.addEventListener("click", () => resetAll());
}

/** Called by the page's loader: make the cells editable, and run them when asked. */
export function start({ run }: { run: boolean }): void {
  setup();
  if (run) runAll();
  else status("");
}

(globalThis as Record<symbol, unknown>)[Symbol.for("mlekit.liveRuntime")] = {
  start,
  runAll,
  resetAll,
  /** The last run's record (outputs per code cell), or undefined before a run / after Reset. */
  lastRun: () => last,
  /** The editors, for tools and tests: set a cell's text by its number. */
  setCell: (number: number, text: string) => {
    const c = cells.find((x) => x.number === number);
    if (!c)
      throw new Error(
        `setCell: no code cell ${number} (cells ${cells.map((x) => x.number).join(", ")})`,
      );
    setText(c.editor, text);
  },
  cellText: (number: number) => cells.find((x) => x.number === number)?.editor.state.doc.toString(),
  touched: () => touched,
};
