// scripts/export/live/page/transform.ts: a notebook's TypeScript cells -> classic scripts that
// share one global scope, as tslab runs them; and the page pieces the exporter writes
// (live/index.ts) and the page's fs/path shims.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as vm from "vm";
import { cellToScript, cellsToScripts } from "../../scripts/export/live/page/transform";
import {
  hasLiveSlider,
  liveFigure,
  livePageParts,
  liveSliderControl,
  withLiveBar,
} from "../../scripts/export/live";
import { LIVE_SLIDER_MIME } from "../../notebooks/kit/src/format";
import { outputHtml, pageContext } from "../../scripts/export/html";
import * as pathShim from "../../scripts/export/live/page/shims/path";
import { liveStrings, fill } from "../../scripts/export/live/strings";

/** Runs the scripts one after another in one fresh global scope; returns what the last expressions gave. */
function run(
  sources: string[],
  modules: Record<string, unknown> = {},
): { last: unknown[]; ctx: vm.Context } {
  const last: unknown[] = [];
  const ctx = vm.createContext({
    __mlekitImport: (m: string) => modules[m],
    __mlekitLast: (...v: unknown[]) => last.push(v[v.length - 1]),
  });
  for (const s of cellsToScripts(sources)) {
    assert.ok(s.code !== undefined, s.error?.message);
    vm.runInContext(s.code!, ctx);
  }
  return { last: JSON.parse(JSON.stringify(last)) as unknown[], ctx };
}

test("imports become constants bound from the page's modules, and later cells see them", () => {
  const { last } = run(
    [
      'import { entropy, poisson as p } from "mlekit";\nimport assert from "node:assert/strict";\nimport * as kit from "notebook-kit";',
      "[entropy(2), p, assert.name, kit.k]",
    ],
    {
      "mlekit": { entropy: (x: number) => x * 10, poisson: "P" },
      "node:assert/strict": { default: { name: "assert" } },
      "notebook-kit": { k: 1 },
    },
  );
  assert.equal(last, [[20, "P", "assert", 1]]);
});

test("types are stripped, lines kept: an error's line is the line the student wrote", () => {
  const s = cellToScript(
    "const a: number = 1;\ninterface P { x: number }\nconst b = a as number;\nthrow new Error('x');",
  );
  assert.is(s.code!.split("\n").length, 4);
  assert.ok(/throw new Error/.test(s.code!.split("\n")[3]));
});

test("the last expression goes to __mlekitLast (a sequence: its last value), a declaration does not", () => {
  assert.equal(run(["const x = 2;\nx * 3"]).last, [6]);
  assert.equal(run(["const y = 2;"]).last, []);
  assert.equal(run(["({ a: 1 })"]).last, [{ a: 1 }]);
  assert.equal(run(["1, 2"]).last, [2]);
  assert.equal(run(["let z = 1;\n// a comment at the end\nz"]).last, [1]);
});

test("a name declared again in a later cell is allowed, as under tslab (const becomes var for it)", () => {
  const { last } = run(["const thetas = [1];", "const thetas = [1, 2];\nthetas.length"]);
  assert.equal(last, [2]);
  const once = cellsToScripts(["const only = 1;", "only"]);
  assert.ok(once[0].code!.startsWith("const only"), "a name declared once stays const");
});

test("importing the same name again in a later cell binds it once", () => {
  const { last } = run(['import { f } from "m";', 'import { f, g } from "m";\n[f, g]'], {
    m: { f: 1, g: 2 },
  });
  assert.equal(last, [[1, 2]]);
});

test("type-only imports vanish; a syntax error comes back with its line and column", () => {
  assert.is(cellToScript('import type { Figure } from "notebook-kit";').code!.trim(), "");
  const e = cellToScript("const a = 1;\nconst b = ;").error!;
  assert.is(e.name, "SyntaxError");
  assert.is(e.line, 2);
});

test("a live slider's figure is drawn without plotly's stepped slider, with a range input named by its label", () => {
  const spec = {
    version: 1,
    label: "θ",
    min: 0.3,
    max: 1.5,
    step: 0.01,
    start: 0.61,
    digits: 2,
    steps: [0.61],
    traces: [1],
    frame: "(t) => t",
    inputs: {},
  };
  const fig = { data: [], layout: { height: 550, sliders: [{}], title: { text: "x" } } };
  const data = { [LIVE_SLIDER_MIME]: spec, "application/vnd.plotly.v1+json": fig };
  const drawn = liveFigure(fig, data);
  assert.equal(drawn.layout, { height: 400, title: { text: "x" } });
  assert.is(liveFigure(fig, {}), fig, "any other figure as it is");
  const html = liveSliderControl(data, "figure-c1-o0");
  assert.match(
    html,
    /<label for="figure-c1-o0-slider">θ<\/label><input type="range" id="figure-c1-o0-slider" min="0.3" max="1.5" step="0.01" value="0.61" aria-valuetext="θ = 0.61">/,
  );
  assert.match(
    html,
    /<script type="application\/json" class="live-slider-spec" data-for="figure-c1-o0">/,
  );
  assert.is(liveSliderControl({}, "x"), "");
  const nb = {
    cells: [
      {
        cell_type: "code",
        source: "",
        metadata: {},
        outputs: [{ output_type: "display_data", data, metadata: {} }],
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  };
  assert.ok(hasLiveSlider(nb as never));
});

test("a live slider's figure is described, from the start, with the slider's range and the value text it shows; print keeps plotly's steps", () => {
  const spec = {
    version: 1,
    label: "θ",
    min: 0.3,
    max: 1.5,
    step: 0.01,
    start: 0.61,
    digits: 2,
    steps: [0.3, 0.61, 1.5],
    traces: [0],
    frame: "(t) => t",
    inputs: {},
  };
  const fig = {
    data: [{ type: "scatter", mode: "lines", name: "KL", x: [0.3, 1.5], y: [1, 0] }],
    layout: {
      height: 550,
      title: { text: "θ = 0.61" },
      sliders: [
        {
          active: 1,
          currentvalue: { prefix: "θ = " },
          steps: [{ label: "0.30" }, { label: "0.61" }, { label: "1.50" }],
        },
      ],
    },
  };
  const out = {
    output_type: "display_data" as const,
    data: { [LIVE_SLIDER_MIME]: spec, "application/vnd.plotly.v1+json": fig },
    metadata: {},
  };
  const desc = (html: string) => /class="plot-desc"[^>]*>([^<]*)</.exec(html)?.[1];
  const page = outputHtml(out as never, "c1-o0", 1, pageContext({ live: true })).html;
  assert.is(
    desc(page),
    "Line chart. x axis: x, from 0.3 to 1.5. y axis: y, from 0 to 1. 1 series: KL (line). A slider sets θ from 0.30 to 1.50 in steps of 0.01; now θ = 0.61.",
  );
  assert.match(page, /aria-describedby="figure-c1-o0-desc"/);
  assert.match(page, /aria-valuetext="θ = 0\.61"/, "the control says the same value text");
  const zh = outputHtml(out as never, "c1-o0", 1, pageContext({ live: true, lang: "zh" })).html;
  assert.match(desc(zh) ?? "", /滑块设置 θ，从 0\.30 到 1\.50，步长 0\.01；当前为 θ = 0\.61。$/);
  // Paper shows the static figure at its first step: plotly's stepped slider is described.
  const print = outputHtml(out as never, "c1-o0", 1, pageContext({ flavour: "print" })).html;
  assert.match(desc(print) ?? "", /A slider sets θ in 3 steps from 0\.30 to 1\.50; now 0\.61\.$/);
});

test("the Run bar follows the title cell, in the page's language; a single-file page carries the slider script (a run may add a slider), a site page links the shared scripts", () => {
  const bundles = {
    loader: "L",
    slider: "S",
    runtime: "R",
    siteRuntime: "SR",
    worker: "W",
    warnings: [],
  };
  const zh = livePageParts({ kind: "inline", bundles }, { lang: "zh" });
  assert.match(zh.bar, /在浏览器中运行/);
  assert.match(
    zh.scripts,
    /data-live-asset="slider">S<\/script><script type="text\/mlekit-live" data-live-asset="runtime">R<\/script><script>L<\/script>/,
  );
  const shared = livePageParts({ kind: "shared", href: "../assets", bundles });
  assert.is(
    shared.scripts,
    '<script src="../assets/live/loader.js" data-live-base="../assets/live/" defer></script>',
  );
  assert.equal(withLiveBar(['<section class="cell markdown">T</section>', "c"], "B"), [
    '<section class="cell markdown">T</section>',
    "B",
    "c",
  ]);
  assert.equal(withLiveBar(['<section class="cell code">'], "B"), [
    "B",
    '<section class="cell code">',
  ]);
  assert.is(
    fill(liveStrings("zh-CN").done, { total: 3, s: "1.0" }),
    "完成：3 个单元运行了 1.0 秒。",
  );
  assert.is(liveStrings("fr").run, "Run in browser", "English where there is no table");
});

test("the page's path shim follows POSIX rules, relative paths from the notebooks' folder", () => {
  assert.is(pathShim.join("/notebooks/course/src", "..", "..", "data"), "/notebooks/data");
  assert.is(pathShim.resolve("data/x.csv"), "/notebooks/data/x.csv");
  assert.is(pathShim.extname("/a/b.CSV"), ".CSV");
  assert.is(pathShim.dirname("/a/b/c"), "/a/b");
  assert.is(pathShim.basename("/a/b.json", ".json"), "b");
  assert.is(pathShim.normalize("a/../../b"), "../b");
});

test.run();
