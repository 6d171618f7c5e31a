// scripts/export/ipynb.js: plot outputs of the executed notebook also carry their PNG.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as FORMAT from "../../notebooks/kit/src/format";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addPlotImages, stripPlotImages } = require("../../scripts/export/ipynb") as {
  addPlotImages: (nb: unknown, images: Map<string, { png: string; width: number; height: number; alt?: string }>) => number;
  stripPlotImages: (nb: unknown) => unknown;
};

function nb() {
  return {
    cells: [
      {
        cell_type: "code",
        outputs: [
          { output_type: "stream", name: "stdout", text: "x" },
          {
            output_type: "display_data",
            metadata: {},
            data: {
              "application/vnd.plotly.v1+json": { data: [] },
              "text/html": [`<div id="${FORMAT.PLOT_ID_PREFIX}1" class="${FORMAT.PLOT_CLASS}" style="width:100%;height:450px"></div>\n`, "<script>draw()</script>"],
              "text/plain": "Plot",
            },
          },
        ],
      },
    ],
  };
}

test("a plot output gains image/png, its size in metadata, and a static <img> inside its <div>", () => {
  const book = nb();
  const n = addPlotImages(book, new Map([["c0-o1", { png: "AAAA", width: 860, height: 450, alt: 'a "quoted" title' }]]));
  assert.is(n, 1);
  const out = book.cells[0].outputs[1] as { data: Record<string, unknown>; metadata: Record<string, unknown> };
  assert.is(out.data["image/png"], "AAAA");
  assert.equal(out.metadata["image/png"], { width: 860, height: 450 });
  const html = (out.data["text/html"] as string[]).join("");
  assert.ok(html.startsWith(`<div id="${FORMAT.PLOT_ID_PREFIX}1" class="${FORMAT.PLOT_CLASS}" style="width:100%;height:450px"><img class="${FORMAT.PLOT_STATIC_CLASS}" alt="a &quot;quoted&quot; title"`), html.slice(0, 160));
  assert.ok(html.includes("<script>draw()</script>"), "the interactive drawing stays");
  assert.ok(html.endsWith("{display:none}</style>"), "the static image hides once plotly has drawn");
});

test("adding twice does not stack a second static image; outputs without an image are left alone", () => {
  const book = nb();
  const images = new Map([["c0-o1", { png: "AAAA", width: 860, height: 450 }]]);
  addPlotImages(book, images);
  addPlotImages(book, images);
  const html = (book.cells[0].outputs[1] as unknown as { data: Record<string, string[]> }).data["text/html"].join("");
  assert.is(html.split(FORMAT.PLOT_STATIC_CLASS).length - 1, 2, "one <img> and one style rule");
  const other = nb();
  assert.is(addPlotImages(other, new Map()), 0);
  assert.equal(other, nb());
});

test("stripPlotImages gives back the outputs as the kernel sent them", () => {
  const book = nb();
  addPlotImages(book, new Map([["c0-o1", { png: "AAAA", width: 860, height: 450 }]]));
  stripPlotImages(book);
  const out = book.cells[0].outputs[1] as unknown as { data: Record<string, unknown>; metadata: Record<string, unknown> };
  const original = nb().cells[0].outputs[1] as unknown as { data: Record<string, string[]> };
  assert.equal(out.data["text/html"], original.data["text/html"], "the same lines, in nbformat's list form");
  assert.is(out.data["image/png"], undefined);
  assert.equal(out.metadata, {});
});

test.run();
