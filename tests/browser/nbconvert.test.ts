// Another standard tool sees the static images of our exports. For every executed notebook in
// the folders of MLEKIT_EXPORT_DIRS:
//   - each plot output (one that carries `application/vnd.plotly.v1+json`) also carries
//     `image/svg+xml` and `image/png` (the standard-MIME contract of issue 12);
//   - the notebook passes the nbformat schema (nbformat.validate, from the project's .venv);
//   - nbconvert's Markdown exporter links exactly one image file per plot output, and that
//     file exists and holds the image the output carries.
// nbconvert ranks `text/html` above every image for Markdown, so a plot would come out as its
// HTML (plotly.js inlined); the run passes the image-first priority that scripts/README.tools.md
// documents (IMAGE_FIRST below). A hand-made notebook checks the same assertions on known input.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile } from "child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "fs";
import { tmpdir } from "os";
import { basename, delimiter, join, relative, resolve } from "path";

import * as setup from "../../scripts/setup";
import { parseNotebook } from "../../scripts/nbformat";
import { leastPlots } from "./expected";

const PLOTLY = "application/vnd.plotly.v1+json";
const SVG = "image/svg+xml";
const PNG = "image/png";
/** nbconvert's Markdown priority with images first, then Markdown tables before their HTML. */
const IMAGE_FIRST = `['${SVG}','${PNG}','image/jpeg','text/markdown','text/latex','text/html','text/plain']`;
/** How many nbconvert / python processes run at once. */
const CONCURRENCY = 2;

type MimeBundle = Record<string, string | string[] | object>;
interface Output {
  output_type: string;
  data?: MimeBundle;
}
interface Cell {
  cell_type: string;
  outputs?: Output[];
}
interface Notebook {
  cells: Cell[];
}

/** A notebook read from disk, narrowed to the fields these checks use. */
function readNotebook(file: string): Notebook {
  const raw: unknown = JSON.parse(readFileSync(file, "utf8"));
  if (
    typeof raw !== "object" ||
    raw === null ||
    !Array.isArray((raw as { cells?: unknown }).cells)
  ) {
    throw new TypeError(`readNotebook: ${file} is not a notebook (no cells array)`);
  }
  return raw as Notebook;
}

/** A MIME value as one string (nbformat stores text as a string or a list of lines). */
const joined = (v: MimeBundle[string] | undefined): string =>
  Array.isArray(v) ? v.join("") : typeof v === "string" ? v : "";

/** Where each plot output sits: `{ cell, output, data }`, in document order. */
function plotOutputs(nb: Notebook): { cell: number; output: number; data: MimeBundle }[] {
  return nb.cells.flatMap((c, cell) =>
    (c.outputs || []).flatMap((o, output) =>
      o.data && PLOTLY in o.data ? [{ cell, output, data: o.data }] : [],
    ),
  );
}

/** Runs a command; resolves its output, rejects with its stderr tail when it fails. */
function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      cmd,
      args,
      { encoding: "utf8", timeout: 120000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err)
          reject(
            new Error(
              `${basename(cmd)} ${args.join(" ")} failed: ${String(stderr).trim().split("\n").slice(-4).join("\n")}`,
            ),
          );
        else resolvePromise(stdout);
      },
    );
  });
}

/** Calls `fn` on every item, at most `limit` at a time; resolves the results in input order. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

interface Conversion {
  /** The Markdown nbconvert wrote. */
  markdown: string;
  /** The folder the Markdown's relative links resolve against. */
  dir: string;
}

/** nbconvert's arguments for Markdown with the image-first priority, into `outDir`. */
const nbconvertArgs = (outDir: string, files: string[]): string[] => [
  "nbconvert",
  "--to",
  "markdown",
  `--NbConvertBase.display_data_priority=${IMAGE_FIRST}`,
  "--output-dir",
  outDir,
  ...files,
];

/** Converts `file` to Markdown into `outDir` with nbconvert (image-first priority). */
async function convert(file: string, outDir: string): Promise<Conversion> {
  setup.ensureJupyter();
  mkdirSync(outDir, { recursive: true });
  await run(setup.venvBin("jupyter"), nbconvertArgs(outDir, [file]));
  return {
    markdown: readFileSync(join(outDir, `${basename(file, ".ipynb")}.md`), "utf8"),
    dir: outDir,
  };
}

/**
 * Converts `files` (no two with the same name) into `outDir` with ONE nbconvert process: Python
 * and nbconvert start once for the batch, not once a notebook (about 2 CPU-seconds each here).
 * A notebook the batch left without its Markdown (nbconvert stops at the first failure) is
 * converted on its own, so one failure fails that notebook's tests, not its neighbours'.
 * @returns each file's conversion, or the error that stopped it
 */
async function convertBatch(
  files: string[],
  outDir: string,
): Promise<Map<string, Conversion | Error>> {
  setup.ensureJupyter();
  mkdirSync(outDir, { recursive: true });
  await run(setup.venvBin("jupyter"), nbconvertArgs(outDir, files)).catch(() => undefined);
  const done = new Map<string, Conversion | Error>();
  for (const [i, file] of files.entries()) {
    const md = join(outDir, `${basename(file, ".ipynb")}.md`);
    if (existsSync(md)) done.set(file, { markdown: readFileSync(md, "utf8"), dir: outDir });
    else
      done.set(
        file,
        await convert(file, join(outDir, `alone-${i}`)).catch((err: unknown) =>
          err instanceof Error ? err : new Error(String(err)),
        ),
      );
  }
  return done;
}

/** `files` split into at least `n` batches, none holding two files with the same name. */
function batches(files: string[], n: number): string[][] {
  const out: string[][] = Array.from({ length: n }, () => []);
  for (const f of files) {
    const name = basename(f);
    const fits = out.filter((b) => !b.some((g) => basename(g) === name));
    const target = fits.length ? fits.reduce((a, b) => (b.length < a.length ? b : a)) : [];
    if (!fits.length) out.push(target);
    target.push(f);
  }
  return out.filter((b) => b.length > 0);
}

/** Python run by {@link validate}: nbformat.validate on each file, the verdicts as one JSON object. */
const VALIDATE_PY = [
  "import json, sys, nbformat",
  "verdicts = {}",
  "for f in sys.argv[1:]:",
  "    try:",
  "        nbformat.validate(nbformat.read(f, 4))",
  "        verdicts[f] = ''",
  "    except Exception as e:",
  "        verdicts[f] = type(e).__name__ + ': ' + (str(e).splitlines() or [''])[0]",
  "print(json.dumps(verdicts))",
].join("\n");

/**
 * nbformat's schema verdict on each file, from one Python process (nbformat.read + validate
 * cost about 1 s a notebook here; one process saves the start-up of the others).
 * @returns file -> "" when valid, else the error's class and first line
 */
async function validate(files: string[]): Promise<Map<string, string>> {
  const python = setup.ensureJupyter();
  const parsed: unknown = JSON.parse(await run(python, ["-c", VALIDATE_PY, ...files]));
  if (typeof parsed !== "object" || parsed === null)
    throw new TypeError(`validate: nbformat printed ${String(parsed)}, not an object`);
  return new Map(Object.entries(parsed as Record<string, string>));
}

/** The targets of the Markdown's image links, decoded. */
function imageLinks(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => decodeURI(m[1]));
}

/**
 * Problems with the images nbconvert's Markdown links for the plot outputs of `nb`: for each
 * plot output exactly one link to a file extracted from that output (nbconvert names it
 * `<name>_<cell>_<output>.<ext>`), which exists and holds the output's SVG or PNG.
 */
function linkProblems(nb: Notebook, name: string, conv: Conversion): string[] {
  const links = imageLinks(conv.markdown);
  const problems: string[] = [];
  for (const p of plotOutputs(nb)) {
    const stem = `${name}_${p.cell}_${p.output}.`;
    const hits = links.filter((l) => basename(l).startsWith(stem));
    const where = `cell ${p.cell} output ${p.output}`;
    if (hits.length !== 1) {
      problems.push(`${where}: ${hits.length} image links to ${stem}*`);
      continue;
    }
    const target = resolve(conv.dir, hits[0]);
    if (!existsSync(target)) {
      problems.push(`${where}: ${hits[0]} does not exist`);
      continue;
    }
    const bytes = readFileSync(target);
    const ok = target.endsWith(".svg")
      ? bytes.toString("utf8") === joined(p.data[SVG])
      : target.endsWith(".png") &&
        bytes.equals(Buffer.from(joined(p.data[PNG]).replace(/\s+/g, ""), "base64"));
    if (!ok) problems.push(`${where}: ${hits[0]} does not hold the output's ${SVG} or ${PNG}`);
  }
  return problems;
}

/** Problems with the contract: a plot output without both static images. */
function contractProblems(nb: Notebook): string[] {
  return plotOutputs(nb).flatMap((p) => {
    const missing = [SVG, PNG].filter((m) => !joined(p.data[m]));
    return missing.length
      ? [`cell ${p.cell} output ${p.output} lacks ${missing.join(" and ")}`]
      : [];
  });
}

const tmp = mkdtempSync(join(tmpdir(), "mlekit-nbconvert-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

// ---- A hand-made notebook: known input, so the checks above are checked too ---------------

/** A 1×1 red PNG (fixture input). */
const PNG_1X1 =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC";
const SVG_4X4 =
  '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="red"/></svg>';

/** A notebook with one plot output holding `mimes` of the three plot types, and a table. */
function fixture(mimes: string[]): object {
  const all: MimeBundle = {
    [PLOTLY]: { data: [{ type: "scatter", x: [1, 2], y: [3, 4] }], layout: {} },
    [SVG]: SVG_4X4,
    [PNG]: PNG_1X1,
  };
  const plot: MimeBundle = { "text/html": "<div>plot</div>", "text/plain": "Plot" };
  for (const m of mimes) plot[m] = all[m];
  const code = (id: string, outputs: object[]) => ({
    cell_type: "code",
    id,
    metadata: {},
    source: "plot()",
    execution_count: 1,
    outputs,
  });
  return {
    cells: [
      { cell_type: "markdown", id: "m0", metadata: {}, source: "# Fixture\n\nMaths $x^2$." },
      code("c1", [{ output_type: "display_data", metadata: {}, data: plot }]),
      code("c2", [
        {
          output_type: "display_data",
          metadata: {},
          data: {
            "text/html": "<table><tr><td>1</td></tr></table>",
            "text/markdown": "| n |\n|---|\n| 1 |\n",
          },
        },
      ]),
    ],
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

test("a hand-made plot output with SVG and PNG meets the contract, validates, and nbconvert links its SVG file", async () => {
  const file = join(tmp, "fixture", "fixture.ipynb");
  mkdirSync(join(tmp, "fixture"), { recursive: true });
  writeFileSync(file, JSON.stringify(fixture([PLOTLY, SVG, PNG]), null, 1));
  const nb = readNotebook(file);
  const conv = await convert(file, join(tmp, "fixture-md"));
  assert.equal(contractProblems(nb), []);
  assert.equal([...(await validate([file]))], [[file, ""]]);
  assert.equal(linkProblems(nb, "fixture", conv), []);
  assert.equal(imageLinks(conv.markdown), ["fixture_files/fixture_1_0.svg"]);
  assert.ok(conv.markdown.includes("| n |"), "the table's text/markdown is used, not its HTML");
  assert.not.ok(
    conv.markdown.includes("<div>plot</div>"),
    "the plot's HTML is not pasted into the Markdown",
  );
});

test("a hand-made plot output with only the plotly JSON breaks the contract and leaves nbconvert no image to link", async () => {
  const file = join(tmp, "bare", "bare.ipynb");
  mkdirSync(join(tmp, "bare"), { recursive: true });
  writeFileSync(file, JSON.stringify(fixture([PLOTLY]), null, 1));
  const nb = readNotebook(file);
  const conv = await convert(file, join(tmp, "bare-md"));
  assert.equal(contractProblems(nb), [`cell 1 output 0 lacks ${SVG} and ${PNG}`]);
  assert.equal(linkProblems(nb, "bare", conv), [`cell 1 output 0: 0 image links to bare_1_0.*`]);
});

// ---- Every exported notebook ---------------------------------------------------------------

const EXPORT_DIRS = (process.env.MLEKIT_EXPORT_DIRS || "").split(delimiter).filter(Boolean);
const label = (file: string) => (file.startsWith(setup.ROOT) ? relative(setup.ROOT, file) : file);

if (EXPORT_DIRS.length === 0) {
  test("MLEKIT_EXPORT_DIRS names the export folders whose notebooks nbconvert checks", () => {
    assert.unreachable(
      "MLEKIT_EXPORT_DIRS is not set: npm test sets it to its fresh export folders; only the hand-made notebooks were checked",
    );
  });
} else {
  const missing = EXPORT_DIRS.filter((d) => !existsSync(d));
  const notebooks = EXPORT_DIRS.filter((d) => existsSync(d)).flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".ipynb"))
      .sort()
      .map((f) => join(dir, f)),
  );
  /** Each notebook's conversion, or the error that stopped it (so one failure fails one notebook's tests). */
  const conversions = new Map<string, Conversion | Error>();
  let verdicts = new Map<string, string>();
  const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));

  test.before(async () => {
    // The schema check is one more job in the same queue of CONCURRENCY processes.
    const jobs: (() => Promise<void>)[] = [
      async () => {
        verdicts = await validate(notebooks).catch(
          (err: unknown) => new Map(notebooks.map((f) => [f, asError(err).message])),
        );
      },
      // One nbconvert process a batch (CONCURRENCY batches), not one a notebook.
      ...batches(notebooks, CONCURRENCY).map((batch, i) => async () => {
        const done = await convertBatch(batch, join(tmp, String(i))).catch(
          (err: unknown) => new Map(batch.map((f) => [f, asError(err)] as const)),
        );
        for (const [file, c] of done) conversions.set(file, c);
      }),
    ];
    await pool(jobs, CONCURRENCY, (job) => job());
  });

  /** The conversion of `file`; throws the error that stopped it. */
  const converted = (file: string): Conversion => {
    const c = conversions.get(file);
    if (c === undefined) throw new Error(`nbconvert did not run on ${file}`);
    if (c instanceof Error) throw c;
    return c;
  };

  test("every folder in MLEKIT_EXPORT_DIRS exists and holds executed notebooks", () => {
    assert.equal(missing, [], "missing folders");
    assert.ok(notebooks.length > 0, `no .ipynb in ${EXPORT_DIRS.join(", ")}`);
  });

  for (const file of notebooks) {
    const name = basename(file, ".ipynb");
    test(`${label(file)}: every plot output also carries ${SVG} and ${PNG}, and there is one per show() call at least`, () => {
      const nb = readNotebook(file);
      const least = leastPlots(parseNotebook(readFileSync(file, "utf8"), file).cells);
      assert.ok(
        plotOutputs(nb).length >= least,
        `${plotOutputs(nb).length} plot outputs, but the code calls show() ${least} times`,
      );
      assert.equal(contractProblems(nb), []);
    });
    test(`${label(file)}: the notebook passes the nbformat schema`, () => {
      assert.is(verdicts.get(file), "");
    });
    test(`${label(file)}: nbconvert's Markdown links one existing image file per plot output`, () => {
      assert.equal(linkProblems(readNotebook(file), name, converted(file)), []);
    });
  }
}

test.run();
