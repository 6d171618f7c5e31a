import { test } from "uvu";
import * as assert from "uvu/assert";
import { poisson } from "mlekit";
import {
  liveSlider,
  liveSliderSpec,
  isLiveSlider,
  LIVE_SLIDER_MIME,
} from "../../../notebooks/kit/src/plot/live-slider";
import { localTitle, rebuildFrame } from "../../../notebooks/kit/src/plot/live-frame";
import { titleTemplate } from "../../../notebooks/kit/src/plot/live-slider";
import { setLanguage } from "../../../notebooks/kit/src/i18n/language";
import { registerLabels } from "../../../notebooks/kit/src/i18n/labels";
import { plot, slider } from "../../../notebooks/kit/src/plot/builders";
import { line } from "../../../notebooks/kit/src/plot/traces";
import { show, resetDisplaySession } from "../../../notebooks/kit/src/display/show";
import { noKernel, ownKernel } from "../display/fake-kernel";

const axes = { x: "deaths", y: "probability" };
const base = () =>
  plot(
    [
      line([0, 1, 2], [0.5, 0.3, 0.2], { name: "p̂" }),
      line([0, 1, 2], [0, 0, 0], { name: "model" }),
    ],
    axes,
  );
const support = [0, 1, 2];
// The frame uses only its arguments: the value, its inputs and mlekit (third argument).
const pure = {
  label: "θ",
  min: 0.2,
  max: 1.5,
  step: 0.01,
  start: 0.61,
  steps: [0.31, 0.61, 0.91],
  inputs: { support },
  frame: (t: number, { support }: { support: number[] }, { poisson }: typeof import("mlekit")) => ({
    title: `θ = ${t.toFixed(2)}`,
    traces: { 1: { y: support.map((v) => poisson(t).prob(v)) } },
  }),
};

test.after.each(noKernel);

test("liveSlider gives the static slider of the same frames (what JupyterLab, Markdown and PDF show)", () => {
  const live = liveSlider(base(), pure);
  const stat = slider(base(), {
    values: pure.steps,
    start: 1,
    label: "θ = ",
    digits: 2,
    frame: (t) => pure.frame(t, pure.inputs, require("mlekit")),
  });
  assert.equal(JSON.parse(JSON.stringify(live)), JSON.parse(JSON.stringify(stat)));
  assert.equal(
    live.data[1].y,
    support.map((v) => poisson(0.61).prob(v)),
    "the figure starts at start",
  );
  assert.ok(isLiveSlider(live));
  assert.not.ok(
    JSON.stringify(live).includes("support"),
    "the live parts are not in the figure's JSON",
  );
});

test("liveSliderSpec carries the frame's source, its inputs as JSON and the range", () => {
  const spec = liveSliderSpec(liveSlider(base(), pure))!;
  assert.equal(
    { ...spec, frame: undefined },
    {
      version: 1,
      label: "θ",
      min: 0.2,
      max: 1.5,
      step: 0.01,
      start: 0.61,
      digits: 2,
      steps: [0.31, 0.61, 0.91],
      traces: [1],
      frame: undefined,
      inputs: { support },
    },
  );
  // The spec is enough to recompute the figure anywhere, at a value that is not a step.
  const again = rebuildFrame(spec.frame)(0.9, spec.inputs, require("mlekit")) as {
    traces: { 1: { y: number[] } };
  };
  assert.is(again.traces[1].y[0], poisson(0.9).prob(0));
  assert.is(liveSliderSpec(base()), undefined, "any other figure has no spec");
});

test("a frame that reads a variable from outside is refused with its name", () => {
  const xs = [0, 1, 1, 2];
  const reaching = liveSlider(base(), {
    ...pure,
    frame: (t: number) => ({ title: "", traces: { 1: { y: xs.map((x) => x * t) } } }),
  });
  assert.throws(
    () => liveSliderSpec(reaching),
    (e: Error) =>
      e instanceof TypeError &&
      /liveSlider: the frame reads "xs", which is not one of its arguments/.test(e.message),
  );
});

test("tslab's compiled names are reported as the notebook's: exports.xs as xs, mlekit_1.poisson as poisson", () => {
  // What Function.prototype.toString gives for a frame in a tslab cell (TypeScript's CommonJS output).
  const fromCell = new Function(
    "exports",
    "mlekit_1",
    "return (t) => ({ title: '', traces: { 1: { y: exports.xs.map((x) => x * t) } } })",
  )({ xs: [1] }, {});
  const importing = new Function(
    "exports",
    "mlekit_1",
    "return (t) => ({ title: '', traces: { 1: { y: [(0, mlekit_1.poisson)(t).prob(0)] } } })",
  )({}, { poisson });
  for (const [frame, name] of [
    [fromCell, "xs"],
    [importing, "poisson"],
  ] as const) {
    const fig = liveSlider(base(), { ...pure, frame });
    assert.throws(
      () => liveSliderSpec(fig),
      (e: Error) => new RegExp(`the frame reads "${name}"`).test(e.message),
      name,
    );
  }
});

test("a frame whose result depends on what JSON loses (Infinity in inputs) is refused: the page would draw something else", () => {
  const fig = liveSlider(base(), {
    ...pure,
    inputs: { cap: Infinity },
    frame: (t: number, { cap }: { cap: number }) => ({
      title: String(cap),
      traces: { 1: { y: [t] } },
    }),
  });
  assert.throws(() => liveSliderSpec(fig), /gives a different frame at θ = 0.61/);
});

test("a frame that fails when rebuilt (not the scope) is reported with its error", () => {
  const fig = liveSlider(base(), {
    ...pure,
    inputs: { v: [1] },
    frame: (t: number, inputs: { v: number[] }) => ({
      title: "",
      traces: { 1: { y: inputs.v.map((x) => x * t) } },
    }),
  });
  const spec = liveSliderSpec(fig);
  assert.equal(spec?.inputs, { v: [1] });
});

test("show puts the spec next to the plotly JSON under the project's MIME type, and refuses an impure frame before drawing", () => {
  resetDisplaySession();
  const sent = ownKernel();
  show(liveSlider(base(), pure));
  assert.equal(
    Object.keys(sent[0].data).sort(),
    [LIVE_SLIDER_MIME, "application/vnd.plotly.v1+json", "text/html", "text/plain"].sort(),
  );
  assert.is((sent[0].data[LIVE_SLIDER_MIME] as { start: number }).start, 0.61);
  const k = 2;
  assert.throws(
    () =>
      show(
        liveSlider(base(), {
          ...pure,
          frame: (t: number) => ({ title: "", traces: { 1: { y: [k * t] } } }),
        }),
      ),
    /reads "k"/,
  );
  assert.is(sent.length, 1, "nothing drawn for the refused frame");
});

test("liveSlider checks its range, start and steps, naming the value", () => {
  const f = (o: object) => () => liveSlider(base(), { ...pure, ...o });
  assert.throws(f({ min: 2 }), /liveSlider: min = 2 is not below max = 1.5/);
  assert.throws(f({ step: 0 }), /liveSlider: step = 0 is not positive/);
  assert.throws(f({ start: 3 }), /liveSlider: start = 3 is outside \[0.2, 1.5\]/);
  assert.throws(f({ steps: [0.3, 2] }), /liveSlider: steps\[1\] = 2 is outside/);
  assert.throws(
    f({ steps: [0.3, 0.4] }),
    /liveSlider: start = 0.61 is not one of steps \(0.3, 0.4\)/,
  );
  assert.throws(
    f({ min: NaN }),
    (e: Error) => e instanceof TypeError && /min = NaN is not a finite number/.test(e.message),
  );
  assert.throws(f({ label: " " }), /label = " " must be a non-empty name/);
  assert.throws(f({ frame: 3 }), /frame = 3 is not a function/);
});

test("without steps, 21 values on the step grid from min to max are precomputed, start among them", () => {
  const spec = liveSliderSpec(liveSlider(base(), { ...pure, steps: undefined }))!;
  assert.is(spec.steps.length, 22, "20 intervals plus the start");
  assert.equal([spec.steps[0], spec.steps[21]], [0.2, 1.5]);
  assert.ok(spec.steps.includes(0.61));
  assert.ok(
    spec.steps.every((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9),
    "on the 0.01 grid",
  );
});

test("in Chinese the spec carries the frame title's translation as a template, and the page fills each new title into it", () => {
  registerLabels("zh", {
    phrases: {
      "θ = {0}: KL = {1} nats": "θ = {0}：KL = {1} 奈特",
      "{0} nats at θ = {1}": "θ = {1} 时为 {0} 奈特",
    },
    terms: [],
  });
  const titled = {
    ...pure,
    frame: (
      t: number,
      { support }: { support: number[] },
      { poisson }: typeof import("mlekit"),
    ) => ({
      title: `θ = ${t.toFixed(2)}: KL = ${(t / 10).toFixed(4)} nats`,
      traces: { 1: { y: support.map((v) => poisson(t).prob(v)) } },
    }),
  };
  try {
    assert.is(
      liveSliderSpec(liveSlider(base(), titled))!.title,
      undefined,
      "no template in English",
    );
    setLanguage("zh");
    const spec = liveSliderSpec(liveSlider(base(), titled))!;
    assert.equal(spec.title, { from: "θ = {0}: KL = {1} nats", to: "θ = {0}：KL = {1} 奈特" });
    // What the page does with the title its rebuilt frame computes at a value that is not a step.
    const again = rebuildFrame(spec.frame)(0.9, spec.inputs, require("mlekit")) as {
      title: string;
    };
    assert.is(localTitle(spec, again.title), "θ = 0.90：KL = 0.0900 奈特");
    assert.is(
      localTitle(spec, "another title 3"),
      "another title 3",
      "a title that does not fit the template stays as it is",
    );
    // A translation that puts the numbers in another order keeps each number with its place.
    assert.equal(titleTemplate("2.5 nats at θ = 0.61"), {
      from: "{0} nats at θ = {1}",
      to: "θ = {1} 时为 {0} 奈特",
    });
    assert.is(
      localTitle({ title: titleTemplate("2.5 nats at θ = 0.61") }, "3.25 nats at θ = 0.7"),
      "θ = 0.7 时为 3.25 奈特",
    );
    assert.is(titleTemplate("no table entry 4"), undefined, "untranslated: no template");
  } finally {
    setLanguage("en");
  }
});

test.run();
