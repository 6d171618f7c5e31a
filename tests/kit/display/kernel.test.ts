import { test } from "uvu";
import * as assert from "uvu/assert";
import { DISPLAY_HOST, displayChannel } from "../../../notebooks/kit/src/display/kernel";
import { show } from "../../../notebooks/kit/src/display/show";
import { showTable } from "../../../notebooks/kit/src/display/show-table";
import { globalKernel, globalKernelWithoutPublicLoaded, noKernel, ownKernel } from "./fake-kernel";

test.after.each(noKernel);

test("plain Node, with no kernel running, has no display channel", () => {
  assert.is(displayChannel().kind, "none");
});

test("the project's own running tslab gets full MIME bundles", () => {
  const sent = ownKernel();
  const ch = displayChannel();
  assert.is(ch.kind, "bundle");
  if (ch.kind === "none") return;
  ch.send({ "text/plain": "x", "text/html": "<b>x</b>" });
  assert.is(sent.length, 1);
  assert.equal(sent[0].data, { "text/plain": "x", "text/html": "<b>x</b>" });
});

test("a host page (one that runs the cells itself) gets every display as a full bundle, before any kernel, with no plotly.js embedded", () => {
  const sent: Record<string, unknown>[] = [];
  const kernelSent = ownKernel();
  const g = globalThis as { [DISPLAY_HOST]?: unknown };
  g[DISPLAY_HOST] = { display: (b: Record<string, unknown>) => sent.push(b) };
  try {
    assert.is(displayChannel().kind, "host");
    assert.is(
      show({ data: [{ y: [1, 2] }] }),
      undefined,
      "displayed, so the cell prints nothing more",
    );
    assert.is(showTable([{ a: 1 }]), undefined);
    assert.equal(
      sent.map((b) => Object.keys(b).sort()),
      [
        ["application/vnd.plotly.v1+json", "text/html", "text/plain"],
        ["text/html", "text/markdown", "text/plain"],
      ],
    );
    assert.not.ok(
      String(sent[0]["text/html"]).includes("data-mlekit="),
      "no plotly.js inside the HTML",
    );
    assert.is(kernelSent.length, 0, "the host wins over a kernel");
  } finally {
    delete g[DISPLAY_HOST];
  }
  assert.is(displayChannel().kind, "bundle", "without the host, the kernel again");
});

test("another tslab (a global install) gets only text/html through its public display", () => {
  const html = globalKernel();
  const ch = displayChannel();
  assert.is(ch.kind, "html");
  if (ch.kind === "none") return;
  ch.send({ "text/plain": "x", "text/html": "<b>x</b>" });
  assert.equal(html, ["<b>x</b>"]);
});

test("another tslab whose public module no cell has loaded yet is still found", () => {
  const html = globalKernelWithoutPublicLoaded();
  const ch = displayChannel();
  assert.is(ch.kind, "html");
  if (ch.kind === "none") return;
  ch.send({ "text/html": "<i>y</i>" });
  assert.equal(html, ["<i>y</i>"]);
});

test("the own kernel wins when both are loaded", () => {
  globalKernel();
  ownKernel();
  assert.is(displayChannel().kind, "bundle");
});

test("a loaded tslab that is not executing (no writer yet) counts as no kernel", () => {
  require.cache[require.resolve("tslab/dist/jupyter")] = {
    exports: { lastWriteDisplayData: null },
  } as unknown as NodeModule;
  try {
    assert.is(displayChannel().kind, "none");
  } finally {
    delete require.cache[require.resolve("tslab/dist/jupyter")];
  }
});

test.run();
