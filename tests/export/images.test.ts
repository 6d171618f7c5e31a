// scripts/export/images.ts: the executed notebook made for readers that run no script.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { forStaticReaders } from "../../scripts/export/images";
import type { DisplayOutput } from "../../scripts/nbformat";
import { fixtureNotebook } from "./fixture-notebook";

const outputs = (nb: ReturnType<typeof fixtureNotebook>) =>
  (nb.cells[1] as { outputs: DisplayOutput[] }).outputs;

test("a plot output that carries its images loses its text/html and keeps the plotly JSON, SVG, PNG and text", () => {
  const nb = fixtureNotebook();
  const plot = outputs(forStaticReaders(nb))[1];
  assert.equal(Object.keys(plot.data).sort(), [
    "application/vnd.plotly.v1+json",
    "image/png",
    "image/svg+xml",
    "text/plain",
  ]);
  assert.ok(
    outputs(nb)[1].data["text/html"] !== undefined,
    "the notebook passed in is left untouched",
  );
});

test("a plot without images keeps its HTML, and outputs that are not plots are left as they are", () => {
  const nb = fixtureNotebook();
  delete outputs(nb)[1].data["image/png"];
  delete outputs(nb)[1].data["image/svg+xml"];
  const out = forStaticReaders(nb);
  assert.ok(outputs(out)[1].data["text/html"] !== undefined);
  assert.equal(outputs(out)[3], outputs(nb)[3]);
});

test.run();
