// The kit's display channel under Deno's Jupyter kernel (notebooks/kit/src/display/kernel.ts),
// with a fake `Deno.jupyter` on the global object: every display goes out as one raw MIME
// bundle, a failed send is reported, a host page still wins, and show embeds no plotly.js.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  DISPLAY_HOST,
  denoChannel,
  displayChannel,
} from "../../../notebooks/kit/src/display/kernel";
import { resetDisplaySession, show } from "../../../notebooks/kit/src/display/show";
import { showTable } from "../../../notebooks/kit/src/display/show-table";
import { PLOTLY_MIME, PLOTLY_SCRIPT_ATTRIBUTE } from "../../../notebooks/kit/src/format";
import { noKernel, ownKernel } from "./fake-kernel";

type Call = { obj: unknown; options: unknown };
const g = globalThis as { Deno?: unknown; [DISPLAY_HOST]?: unknown };

/** Plants a fake Deno kernel; its display resolves, or rejects with `fail`. */
function fakeDeno(fail?: Error): Call[] {
  const calls: Call[] = [];
  g.Deno = {
    jupyter: {
      display(obj: unknown, options?: unknown) {
        calls.push({ obj, options });
        return fail ? Promise.reject(fail) : Promise.resolve();
      },
    },
  };
  return calls;
}

test.before.each(() => resetDisplaySession());
test.after.each(() => {
  delete g.Deno;
  delete g[DISPLAY_HOST];
  noKernel();
});

test("denoChannel is undefined outside Deno's kernel: no Deno, Deno without jupyter, jupyter without display", () => {
  assert.is(denoChannel({}), undefined);
  assert.is(denoChannel({ Deno: {} }), undefined);
  assert.is(denoChannel({ Deno: { jupyter: { display: "no" } } }), undefined);
  assert.is(displayChannel().kind, "none", "plain Node");
});

test("under Deno's kernel every display is one raw MIME bundle through Deno.jupyter.display", () => {
  const calls = fakeDeno();
  const ch = displayChannel();
  assert.is(ch.kind, "deno");
  if (ch.kind === "none") return;
  ch.send({ "text/plain": "x", "text/html": "<b>x</b>" });
  assert.equal(calls, [
    { obj: { "text/plain": "x", "text/html": "<b>x</b>" }, options: { raw: true } },
  ]);
});

test("Deno wins over a tslab module in require.cache, and a host page wins over Deno", () => {
  const tslabSent = ownKernel();
  const calls = fakeDeno();
  assert.is(displayChannel().kind, "deno");
  showTable([{ a: 1 }]);
  assert.is(tslabSent.length, 0);
  assert.is(calls.length, 1);
  const hostSent: unknown[] = [];
  g[DISPLAY_HOST] = { display: (b: unknown) => hostSent.push(b) };
  assert.is(displayChannel().kind, "host");
});

test("a send Deno rejects is reported on stderr with the reason, not left as an unhandled rejection", async () => {
  fakeDeno(new Error("iopub closed"));
  const errors: string[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => void errors.push(a.join(" "));
  try {
    const ch = displayChannel();
    if (ch.kind === "none") throw new Error("no channel");
    ch.send({ "text/plain": "x" });
    await new Promise((r) => setTimeout(r, 0));
  } finally {
    console.error = original;
  }
  assert.equal(errors, ["show: Deno.jupyter.display failed: iopub closed"]);
});

test("show under Deno: one bundle with the plotly JSON, HTML and text, returns undefined, and never embeds plotly.js", () => {
  const calls = fakeDeno();
  const fig = {
    data: [{ type: "bar", x: [1, 2], y: [0.25, 0.75] }],
    layout: { title: { text: "coin" } },
  };
  assert.is(show(fig), undefined);
  assert.is(show(fig), undefined);
  assert.is(calls.length, 2);
  const bundle = calls[0].obj as Record<string, unknown>;
  assert.equal(Object.keys(bundle).sort(), [PLOTLY_MIME, "text/html", "text/plain"].sort());
  assert.equal((bundle[PLOTLY_MIME] as { data: unknown }).data, fig.data);
  for (const c of calls)
    assert.not.ok(
      String((c.obj as Record<string, unknown>)["text/html"]).includes(
        `${PLOTLY_SCRIPT_ATTRIBUTE}="plotly.js`,
      ),
      "no plotly.js inlined",
    );
});

test.run();
