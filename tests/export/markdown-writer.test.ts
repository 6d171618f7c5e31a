// scripts/export/index.ts: the Markdown writer of each flavour, on the fixture notebook.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { markdownWriter, plainDescription } from "../../scripts/export";
import { rawTexLeft } from "../../scripts/export/math-svg";
import { fixtureNotebook } from "./fixture-notebook";

const tmp = mkdtempSync(join(tmpdir(), "mlekit-md-writer-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));
const note = (outDir: string) => ({
  name: "n",
  nb: fixtureNotebook(),
  outDir,
  title: "Title x_1",
  subtitle: "Choose $\\theta$ well",
});

test("plainDescription turns Greek letter commands into letters and gives up on any other TeX", () => {
  assert.is(
    plainDescription("Choose $\\theta$ to make $\\Sigma$ small"),
    "Choose θ to make Σ small",
  );
  assert.is(plainDescription("with $\\hat p_\\text{data}$"), undefined);
  assert.is(plainDescription(""), undefined);
});

test("the default writes n.md and its images in n_files/, maths as TeX", () => {
  const dir = join(tmp, "plain");
  const files = markdownWriter()(note(dir))
    .map((f) => f.path.slice(dir.length + 1))
    .sort();
  assert.equal(files, ["n.md", "n_files/output-c1-o4.png", "n_files/plot-01.svg"]);
  assert.ok(readFileSync(join(dir, "n.md"), "utf8").includes("$$\na_b\n$$"));
});

test("--md-math svg writes each formula as an SVG file beside the plots and leaves no TeX", () => {
  const dir = join(tmp, "svg");
  markdownWriter({ math: "svg" })(note(dir));
  const md = readFileSync(join(dir, "n.md"), "utf8");
  assert.equal(rawTexLeft(md), []);
  assert.is(
    readdirSync(join(dir, "n_files")).filter((f) => /^math-[0-9a-f]{8}\.svg$/.test(f)).length,
    3,
    "x_1 (inline), a_b (display) and y (inline): three distinct formulas",
  );
});

test("--front-matter hugo writes a leaf bundle n/index.md whose images sit beside it, with the description in plain text", () => {
  const dir = join(tmp, "hugo");
  markdownWriter({ math: "svg", frontMatter: "hugo", date: new Date(Date.UTC(2026, 0, 2)) })(
    note(dir),
  );
  const md = readFileSync(join(dir, "n", "index.md"), "utf8");
  assert.ok(
    md.startsWith('---\ntitle: "Title x_1"\ndate: 2026-01-02T00:00:00Z\n'),
    md.slice(0, 80),
  );
  assert.ok(md.includes('description: "Choose θ well"'));
  assert.ok(
    md.includes(
      "![Squares demo: Line chart. x axis: x, from 0 to 1. y axis: y, from 1 to 2. 1 unnamed line.](plot-01.svg)",
    ) && existsSync(join(dir, "n", "plot-01.svg")),
  );
  assert.not.ok(existsSync(join(dir, "n_files")));
});

test.run();
