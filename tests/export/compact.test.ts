// A site page's compact form (scripts/export/compact.ts, page/figure-codec.ts): what the page
// carries instead of rendered maths, highlighted code and long float arrays, and that what its
// script rebuilds is what the reader of a single-file page sees.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { linspace } from "mlekit";
import { compactPage } from "../../scripts/export/compact";
import { notebookToHtml } from "../../scripts/export/html";
import { highlightTs } from "../../scripts/export/page/code-lines";
import {
  MIN_PACKED,
  packArray,
  packFigure,
  unpackArray,
  unpackFigure,
} from "../../scripts/export/page/figure-codec";
import { texHtml } from "../../scripts/export/page/tex";
import { fixtureNotebook } from "./fixture-notebook";

/** A seeded uniform generator (mulberry32), so the arrays below are the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digits = (v: number | null) =>
  v === null ? ["null"] : [1, 2, 3, 4, 5, 6].map((p) => v.toPrecision(p));

test("an evenly spaced grid (mlekit's linspace, or a + (b−a)·i/(n−1)) packs to its ends and comes back bit for bit", () => {
  const grid = Array.from(linspace(0.2, 1.5, 1301));
  const p = packArray(grid);
  assert.equal(p, { $seq: [0.2, 1.5, 1301, 0] });
  assert.ok(
    (unpackArray(p) as number[]).every((v, i) => Object.is(v, grid[i])),
    "every element identical",
  );
  const other = Array.from({ length: 200 }, (_, i) => -3 + (7 * i) / 199);
  const q = unpackArray(packArray(other)) as number[];
  assert.ok(q.every((v, i) => Object.is(v, other[i])));
  // One element off the grid by one ulp: not a grid any more, and still exact where it shows.
  const bent = [...grid];
  bent[600] = bent[600] + Number.EPSILON;
  assert.not.ok("$seq" in (packArray(bent) as object));
});

test("values pack as float32 with every element that would show differently at 1 to 6 significant digits kept exact", () => {
  const r = rng(7);
  const a = Array.from({ length: 5000 }, () => (r() - 0.5) * 10 ** Math.floor(r() * 12 - 6));
  a[10] = 1e-70; // below float32's range: kept exact
  a[11] = 4.5e300; // above it
  const p = packArray(a) as { $f4: string; $x?: [number, number][] };
  assert.type(p.$f4, "string");
  const back = unpackArray(p) as number[];
  assert.is(back.length, a.length);
  a.forEach((v, i) => assert.equal(digits(back[i]), digits(v), `element ${i}: ${v} -> ${back[i]}`));
  assert.is(back[10], 1e-70);
  assert.is(back[11], 4.5e300);
  assert.ok(
    JSON.stringify(p).length < JSON.stringify(a).length / 2.5,
    "at least 2.5 times smaller",
  );
});

test("a gap (null) stays a gap; short arrays, strings and non-finite values are left as they are", () => {
  const a: (number | null)[] = Array.from({ length: 40 }, (_, i) => Math.sqrt(i + 0.5));
  a[3] = null;
  const back = unpackArray(packArray(a)) as (number | null)[];
  assert.is(back[3], null);
  a.forEach((v, i) => assert.equal(digits(back[i]), digits(v)));
  const short = [0.1234567891, 2.345678912];
  assert.is(packArray(short), short);
  assert.ok(MIN_PACKED > short.length);
  const words = Array.from({ length: 40 }, (_, i) => `c${i}`);
  assert.is(packArray(words as never), words);
});

test("a histogram's values keep their bins: its ends exact, and a value a float32 rounding would move across an edge", () => {
  const r = rng(11);
  const a = Array.from({ length: 3000 }, () => r() * 4 - 2);
  // Just below an edge of 0.3 (bins of 0.1): float32 rounds it to 0.30000001, into the next bin,
  // though it shows as 0.300000 either way; and a value float32 would make a whole number.
  a[5] = 0.3 - 1e-9;
  a[6] = 1.0000000001;
  const p = packArray(a, { histogram: true }) as { $x: [number, number][] };
  const exact = new Map(p.$x);
  const lo = Math.min(...a);
  const hi = Math.max(...a);
  assert.is(exact.get(a.indexOf(lo)), lo, "the smallest value is exact");
  assert.is(exact.get(a.indexOf(hi)), hi, "the largest value is exact");
  assert.ok(Math.fround(a[5]) > 0.3 && a[5] < 0.3, "(float32 would move it across 0.3)");
  assert.is(exact.get(5), 0.3 - 1e-9, "a value just below an edge is exact");
  assert.is(exact.get(6), 1.0000000001, "a value float32 would make whole is exact");
  const back = unpackArray(p) as number[];
  for (const d of [0.05, 0.1, 0.2, 0.25, 0.5, 1])
    for (const off of [0, d / 2])
      a.forEach((v, i) =>
        assert.is(Math.floor((back[i] - off) / d), Math.floor((v - off) / d), `bin of ${v}`),
      );
  // The same values as a scatter's y need no such care.
  assert.ok(((packArray(a) as { $x?: unknown[] }).$x?.length ?? 0) < p.$x.length);
});

test("packFigure packs x, y, z (row by row), customdata and marker colours and sizes; unpackFigure gives them back", () => {
  const r = rng(3);
  const n = 100;
  const xs = Array.from(linspace(0, 1, n));
  const fig = {
    data: [
      {
        type: "scatter",
        x: xs,
        y: xs.map((x) => Math.exp(-x)),
        marker: { color: xs.map(() => r()), size: 4 },
      },
      { type: "contour", x: xs, y: xs, z: xs.map((x) => xs.map((y) => Math.sin(x * y))) },
      { type: "bar", x: ["a", "b"], y: [0.1, 0.2] },
    ],
    layout: { title: { text: "t" } },
  };
  const packed = packFigure(fig);
  const json = JSON.stringify(packed);
  assert.ok(json.length < JSON.stringify(fig).length / 3, `${json.length} B`);
  assert.equal(packed.layout, fig.layout);
  assert.equal(packed.data[2], fig.data[2], "a short trace stays as it is");
  const back = unpackFigure(JSON.parse(json) as typeof fig);
  type Scatter = { x: number[]; y: number[]; marker: { color: number[]; size: number } };
  const t0 = back.data[0] as unknown as Scatter;
  const f0 = fig.data[0] as unknown as Scatter;
  assert.equal(t0.x, xs);
  t0.y.forEach((v, i) => assert.equal(digits(v), digits(f0.y[i])));
  t0.marker.color.forEach((v, i) => assert.equal(digits(v), digits(f0.marker.color[i])));
  assert.is(t0.marker.size, 4);
  const z = (back.data[1] as { z: number[][] }).z;
  assert.is(z.length, n);
  z.forEach((row, i) =>
    row.forEach((v, j) => assert.equal(digits(v), digits(fig.data[1].z![i][j]))),
  );
  assert.equal(unpackFigure(fig), fig, "a plain figure unpacks to itself");
});

test("compactPage leaves maths as TeX and code as text exactly where the page's own calls give back the same markup", () => {
  const html = notebookToHtml(fixtureNotebook());
  const main = html.slice(html.indexOf("<main>"), html.indexOf("</main>"));
  const c = compactPage(main);
  assert.ok(c.formulas >= 2, `${c.formulas} formulas`);
  assert.ok(c.code >= 1, `${c.code} code blocks`);
  assert.is(c.figures, 1);
  assert.not.match(c.html, /class="katex/);
  // What page/expand.ts does, as strings: each TeX span rendered, each code block highlighted.
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .replace(/&amp;/g, "&");
  const expanded = c.html
    .replace(
      /<span class="tex( tex-display)?">([^<]*)<\/span>/g,
      (_m, d: string | undefined, t: string) => texHtml(unescape(t), d !== undefined),
    )
    .replace(
      /<code class="hljs language-typescript" data-highlight>([^<]*)<\/code>/g,
      (_m, t: string) =>
        `<code class="hljs language-typescript">${highlightTs(unescape(t))}</code>`,
    );
  const figureData = /<script type="application\/json" class="figure-data"[\s\S]*?<\/script>/g;
  assert.is(expanded.replace(figureData, ""), main.replace(figureData, ""));
});

test("a formula KaTeX cannot read stays as rendered (red); markup its TeX does not render to is kept and counted", () => {
  const bad =
    '<p><span class="katex-error" title="x">\\frac{</span> and <span class="katex"><span class="katex-mathml"><math><semantics><annotation encoding="application/x-tex">x</annotation></semantics></math></span>not what KaTeX writes for x</span></p>';
  const c = compactPage(bad);
  assert.is(c.formulas, 0);
  assert.is(c.kept, 1);
  assert.is(c.html, bad);
  const good = texHtml("x", false);
  assert.is(compactPage(`<p>${good}</p>`).html, '<p><span class="tex">x</span></p>');
});

test.run();
