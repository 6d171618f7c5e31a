// Live notes in Chromium, with every request that is not file:, data: or blob: aborted:
//  - every exported note (English, and Chinese when exported), opened as <page>#run-all, runs
//    every cell in the page and ends data-run-state="done" with data-run-errors="0" (every
//    assertion of the notebook passed in the page), drawing as many plots as the kernel did;
//  - cross-runtime agreement: every number the page prints or plots is the kernel's to 1e-12
//    relative, and every text around the numbers is the kernel's;
//  - an edit changes a dependent figure; a broken edit shows its error (with its line) in
//    place, the cells after it say they did not run, and Reset brings the original back;
//  - an exercise answered in the page gets the kernel's verdict, in the note's language;
//  - 05's live slider, between the old steps, gives exactly e^−θ for the 0-death bar, and is a
//    real control: Tab reaches it, arrow keys step it, its value text and the figure follow;
//  - the static site opens from disk and from a local static server, in both languages;
//  - screenshots (before and after Run, an edited cell, the live slider) in SCREENS_DIR.
// The notes come from MLEKIT_LIVE_DIRS (npm test sets it to its fresh export folder; a zh/
// folder inside is the Chinese edition), else exports/ (after npm start).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { Output as RunOutput } from "../../scripts/export/live/page/protocol";
import { ROOT, SCREENS_DIR, launch, openOffline, type OfflinePage } from "./chromium";
import { parseNotebook, PLOTLY_MIME, text, type Notebook } from "../../scripts/nbformat";
import { writeSite } from "../../scripts/site";
import { Agreement, compareRun, REL, runInNode, SENSITIVITY_FACTOR } from "./live-node";
import { liveBundles } from "../../scripts/export/live/bundle";

const LIVE_DIRS = (
  process.env.MLEKIT_LIVE_DIRS
    ? process.env.MLEKIT_LIVE_DIRS.split(path.delimiter)
    : [path.join(ROOT, "exports")]
).filter((d) => fs.existsSync(d));
const TIMEOUT = 180_000;
/** Pages run at the same time (one Chromium; the machine has 2 cores). */
const PARALLEL = 2;

interface Note {
  lang: "en" | "zh";
  dir: string;
  name: string;
  html: string;
  nb: Notebook;
}

const notes: Note[] = LIVE_DIRS.flatMap((root) =>
  (["en", "zh"] as const).flatMap((lang) => {
    const dir = lang === "en" ? root : path.join(root, "zh");
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter(
        (f) =>
          f.endsWith(".html") &&
          f !== "index.html" &&
          fs.existsSync(path.join(dir, f.replace(/\.html$/, ".ipynb"))),
      )
      .sort()
      .map((f) => {
        const name = f.replace(/\.html$/, "");
        return {
          lang,
          dir,
          name,
          html: path.join(dir, f),
          nb: parseNotebook(fs.readFileSync(path.join(dir, `${name}.ipynb`), "utf8")),
        };
      });
  }),
);
const url = (file: string, hash = "") => `file://${file}${hash}`;
const find = (lang: string, prefix: string) =>
  notes.find((n) => n.lang === lang && n.name.startsWith(prefix));

// ---------------------------------------------------------------------------------------------
// What the page ran, and how it compares with the kernel's executed notebook.

type Output = {
  output_type: string;
  name?: string;
  text?: string;
  data?: Record<string, unknown>;
  ename?: string;
  evalue?: string;
  traceback?: string[];
};
interface PageRun {
  state?: string;
  errors?: string;
  ms: number;
  outputs: (Output[] | null)[];
  status: string;
  errorTexts: string[];
}

async function runRecord(page: Page): Promise<PageRun> {
  return page.evaluate((k) => {
    const rt = (
      window as unknown as Record<symbol, { lastRun(): { outputs: unknown[] } | undefined }>
    )[Symbol.for(k)];
    const last = rt?.lastRun();
    const h = document.documentElement;
    return {
      state: h.dataset.runState,
      errors: h.dataset.runErrors,
      ms: Number(h.dataset.runMs),
      outputs: (last?.outputs ?? []) as (Output[] | null)[],
      status: document.querySelector("[data-live=status]")?.textContent ?? "",
      errorTexts: Array.from(document.querySelectorAll(".output.error pre")).map(
        (e) => e.textContent ?? "",
      ),
    };
  }, "mlekit.liveRuntime");
}

async function waitRun(page: Page): Promise<void> {
  await page.waitForFunction(
    () => ["done", "error"].includes(document.documentElement.dataset.runState ?? ""),
    null,
    { timeout: TIMEOUT },
  );
}

const kernelPlots = (nb: Notebook) =>
  nb.cells.reduce(
    (n, c) =>
      n +
      (c.cell_type === "code"
        ? c.outputs.filter((o) => (o as Output).data?.[PLOTLY_MIME]).length
        : 0),
    0,
  );
const pagePlots = (run: PageRun) =>
  run.outputs.flat().filter((o) => o && o.data?.[PLOTLY_MIME]).length;

// ---------------------------------------------------------------------------------------------

let browser: Browser;
const results = new Map<
  string,
  {
    run?: PageRun;
    wall: number;
    error?: string;
    blocked: string[];
    console: string[];
    agree: Agreement;
    shaken?: boolean;
  }
>();
const key = (n: Note) => `${n.lang}/${n.name}`;
/** 05's pages, kept open after their run for the editing and exercise tests. */
const kept = new Map<string, OfflinePage>();
/** The text of every output of en/05 as exported (taken before the run replaced them). */
let exportedOutputs: string[] = [];

async function pool<T>(items: readonly T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(n, queue.length) }, async () => {
      while (queue.length) await fn(queue.shift() as T);
    }),
  );
}

const nodeRuns = new Map<string, { agree: Agreement; ok: boolean; ms: number }>();
const shakes = new Map<string, Promise<(RunOutput[] | null)[][]>>();
/** The note run three times in Node with another libm (cached: a Chinese note runs the English code). */
function sensitivity(note: Note): Promise<(RunOutput[] | null)[][]> {
  const k = note.name;
  if (!shakes.has(k))
    shakes.set(
      k,
      liveBundles().then(async ({ worker }) => {
        const runs: (RunOutput[] | null)[][] = [];
        for (const seed of [1, 2, 3]) runs.push((await runInNode(worker, note.nb, seed)).outputs);
        return runs;
      }),
    );
  return shakes.get(k)!;
}
const SNAPSHOT = () =>
  document.addEventListener("DOMContentLoaded", () => {
    // The outputs' text without plotly's drawing (the page draws plots after it paints).
    (window as unknown as { __exported: string[] }).__exported = Array.from(
      document.querySelectorAll("main .output"),
    ).map((e) => {
      const c = e.cloneNode(true) as Element;
      c.querySelectorAll(".figure > :not(noscript)").forEach((d) => d.remove());
      return c.textContent ?? "";
    });
  });

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".pdf": "application/pdf",
  ".md": "text/markdown",
  ".ipynb": "application/json",
};
let site = "";
let origin = "";
let server: http.Server | undefined;
let built: Awaited<ReturnType<typeof writeSite>> | undefined;
/** Requests from the site's pages that tried to leave the machine (all aborted). */
const siteBlocked: string[] = [];

/** Writes the site (npm run site --from) and serves it on 127.0.0.1. */
async function startSite(): Promise<void> {
  site = fs.mkdtempSync(path.join(os.tmpdir(), "mlekit-site-"));
  built = await writeSite(LIVE_DIRS[0], site);
  server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url ?? "/").split("?")[0].split("#")[0]);
    const file = path.join(site, rel.endsWith("/") ? `${rel}index.html` : rel);
    if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory())
      return void res.writeHead(404).end();
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "max-age=3600",
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}
const siteUrl = (note: Note, hash = "") =>
  `${origin}/${note.lang === "en" ? "" : "zh/"}${note.name}.html${hash}`;

/** Runs one page to its end and compares it with the kernel. */
async function runAndCompare(
  page: Page,
  note: Note,
  t0: number,
  blocked: string[],
  consoleErrors: string[],
) {
  await waitRun(page);
  const run = await runRecord(page);
  let agree = new Agreement();
  compareRun(note.nb, run.outputs, agree, [], note.name);
  let shaken = false;
  if (agree.problems.length && run.state === "done") {
    // Some numbers differ by more than 1e-12: measure how far another libm moves each of
    // them in the kernel's own V8 (the page's runtime in Node, Math one ulp off for one
    // argument in eight, three seeds) and allow SENSITIVITY_FACTOR times that.
    agree = new Agreement();
    compareRun(note.nb, run.outputs, agree, await sensitivity(note), note.name);
    shaken = true;
  }
  return { run, wall: (Date.now() - t0) / 1000, blocked, console: consoleErrors, agree, shaken };
}

test.before(async () => {
  browser = await launch();
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  // Meanwhile, in this process: the page's runtime in Node's own V8 (English notes; the Chinese
  // ones run the same code).
  const inNode = (async () => {
    const { worker } = await liveBundles();
    for (const note of notes.filter((n) => n.lang === "en")) {
      const t0 = Date.now();
      const r = await runInNode(worker, note.nb);
      const agree = new Agreement();
      compareRun(note.nb, r.outputs, agree);
      nodeRuns.set(note.name, { agree, ok: r.ok, ms: Date.now() - t0 });
    }
  })();
  await startSite();
  // Every note of the site, #run-all, a few at a time, in one browser context: the shared
  // plotly.js and runtime are fetched and compiled once, as a reader's browser would.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  context.setDefaultTimeout(TIMEOUT);
  await context.route("**/*", (route) => {
    const u = route.request().url();
    if (/^(file|data|blob):/.test(u) || u.startsWith(origin)) return route.continue();
    siteBlocked.push(u);
    return route.abort();
  });
  await pool(notes, PARALLEL, async (note) => {
    const t0 = Date.now();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(siteUrl(note, "#run-all"), { timeout: TIMEOUT });
      results.set(key(note), await runAndCompare(page, note, t0, siteBlocked, errors));
    } catch (e) {
      results.set(key(note), {
        wall: (Date.now() - t0) / 1000,
        error: (e as Error).message.split("\n")[0],
        blocked: siteBlocked,
        console: errors,
        agree: new Agreement(),
      });
    } finally {
      await page.close();
    }
  });
  await context.close();
  // The single-file pages of 05 (plotly.js and the runtime inside the page), from disk; kept
  // open for the editing and exercise tests.
  await pool(
    notes.filter((n) => n.name.startsWith("05")),
    PARALLEL,
    async (note) => {
      const t0 = Date.now();
      let o: OfflinePage | undefined;
      try {
        o = await openOffline(browser, url(note.html, "#run-all"), {
          timeoutMs: TIMEOUT,
          init: note.lang === "en" ? SNAPSHOT : undefined,
        });
        results.set(
          `${key(note)} (single file)`,
          await runAndCompare(o.page, note, t0, o.network, o.errors),
        );
        if (note.lang === "en")
          exportedOutputs = await o.page.evaluate(
            () => (window as unknown as { __exported: string[] }).__exported,
          );
        kept.set(note.lang, o);
      } catch (e) {
        results.set(`${key(note)} (single file)`, {
          wall: (Date.now() - t0) / 1000,
          error: (e as Error).message.split("\n")[0],
          blocked: o?.network ?? [],
          console: o?.errors ?? [],
          agree: new Agreement(),
        });
        await o?.context.close();
      }
    },
  );
  await inNode;
});
test.after(async () => {
  for (const o of kept.values()) await o.context.close();
  await browser?.close();
});

test("the exported notes are here (English, and Chinese when exported)", () => {
  assert.ok(
    notes.some((n) => n.lang === "en"),
    `no exported note page in ${LIVE_DIRS.join(", ") || "(none)"}`,
  );
  const en = notes.filter((n) => n.lang === "en").length;
  const zh = notes.filter((n) => n.lang === "zh").length;
  console.log(`    live pages: ${en} English, ${zh} Chinese`);
  if (zh) assert.is(zh, en, "every English note has its Chinese page");
});

const runTests: { label: string; k: string; note: Note }[] = [
  ...notes.map((note) => ({
    label: `site ${note.lang}/${note.name}.html#run-all (from a local server)`,
    k: key(note),
    note,
  })),
  ...notes
    .filter((n) => n.name.startsWith("05"))
    .map((note) => ({
      label: `single-file ${note.lang}/${note.name}.html#run-all (from disk)`,
      k: `${key(note)} (single file)`,
      note,
    })),
];
for (const { label, k, note } of runTests) {
  test(`${label} runs every cell in the page: done, 0 errors, the kernel's plots and numbers`, () => {
    const r = results.get(k);
    assert.ok(r, "not run");
    assert.not.ok(r!.error, r!.error);
    const run = r!.run!;
    assert.equal(r!.blocked, [], "nothing leaves the page");
    assert.is(
      run.state,
      "done",
      `state ${run.state} (${run.status}) ${run.errorTexts.join(" | ")}`,
    );
    assert.is(run.errors, "0");
    assert.is(pagePlots(run), kernelPlots(note.nb), "as many plots as the kernel drew");
    assert.equal(
      r!.agree.problems.slice(0, 8),
      [],
      `${r!.agree.problems.length} disagreements with the kernel`,
    );
    assert.ok(r!.agree.numbers > 50, `only ${r!.agree.numbers} numbers compared`);
    assert.equal(r!.console, [], "no console error");
    const a = r!.agree;
    console.log(
      `    ${k}: ${run.outputs.length} cells in ${(run.ms / 1000).toFixed(2)} s in the page (${r!.wall.toFixed(1)} s with loading); ` +
        `${a.numbers} numbers, ${a.identical} bit-identical, worst ${a.worst.toExponential(1)} within ${REL}` +
        (r!.shaken
          ? `; ${a.sensitive} moved by another libm, each within ${SENSITIVITY_FACTOR}× that move`
          : ""),
    );
  });
}

for (const note of notes.filter((n) => n.lang === "en")) {
  test(`${note.name}: the page's runtime, run by Node's V8 (the kernel's), reproduces every kernel output bit for bit`, () => {
    const r = nodeRuns.get(note.name);
    assert.ok(r?.ok, "ran to the end");
    assert.equal(r!.agree.problems.slice(0, 5), []);
    assert.is(
      r!.agree.identical,
      r!.agree.numbers,
      `${r!.agree.numbers - r!.agree.identical} of ${r!.agree.numbers} numbers not identical`,
    );
  });
}

test("the cross-runtime check itself fails on a wrong number, a wrong word and a missing output", () => {
  const a = new Agreement();
  a.text("θ = 0.61", "θ = 0.6100000000001", "near");
  assert.equal(a.problems, [], "1.6e-13 relative passes");
  a.text("KL = 0.0022", "KL = 0.0023", "number");
  a.text("✓ correct", "✗ correct", "word");
  a.value({ y: [1, 2] }, { y: [1] }, "length");
  assert.is(a.problems.length, 3);
  // A number another libm moves by 1e-9 may differ by up to 10× that, not by 1e-6.
  const b = new Agreement();
  b.num(0.61, 0.61 + 5e-9, "optimiser", [0.61 + 1e-9, 0.61]);
  assert.equal(b.problems, []);
  b.num(0.61, 0.61 + 1e-6, "wrong", [0.61 + 1e-9]);
  b.num(0.5, 0.5 + 1e-9, "insensitive", [0.5, 0.5]);
  assert.is(b.problems.length, 2, b.problems.join("; "));
});

// ---------------------------------------------------------------------------------------------
// Editing, errors, Reset and exercises, on 05's pages kept open after their run.

const rt = <T>(page: Page, fn: string, ...args: unknown[]) =>
  page.evaluate(
    ([f, a]) =>
      (window as unknown as Record<symbol, Record<string, (...x: unknown[]) => unknown>>)[
        Symbol.for("mlekit.liveRuntime")
      ][f as string](...(a as unknown[])),
    [fn, args] as const,
  ) as Promise<T>;

async function cellNumber(page: Page, pattern: RegExp): Promise<number> {
  const n = await page.evaluate((src) => {
    const re = new RegExp(src);
    const cells = Array.from(document.querySelectorAll<HTMLElement>("main [data-cell]"));
    const api = (window as unknown as Record<symbol, { cellText(n: number): string | undefined }>)[
      Symbol.for("mlekit.liveRuntime")
    ];
    const hit = cells.find((c) => re.test(api.cellText(Number(c.dataset.cell)) ?? ""));
    return hit ? Number(hit.dataset.cell) : -1;
  }, pattern.source);
  if (n < 0) throw new Error(`no code cell matches ${pattern} (the test looks for it in 05)`);
  return n;
}
const runAgain = async (page: Page) => {
  await page.evaluate(() => document.documentElement.removeAttribute("data-run-state"));
  await page.click("#mlekit-live-bar button[data-live=run]");
  await waitRun(page);
};

test("an edit changes a dependent figure; a broken edit shows its error with its line, later cells do not run, and Reset restores", async () => {
  const o = kept.get("en");
  assert.ok(o, "en/05 ran and was kept");
  const page = o!.page;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(SCREENS_DIR, "live-05-after-run.png"),
    clip: { x: 0, y: 0, width: 1100, height: 900 },
  });
  const n = await cellNumber(page, /const thetas = linspace\(0\.2, 1\.5, 1301\);/);
  const original = await rt<string>(page, "cellText", n);
  const curvePoints = () =>
    page.evaluate(() => {
      const api = (
        window as unknown as Record<
          symbol,
          {
            lastRun(): {
              outputs: ({ data?: Record<string, { data: { x: unknown[] }[] }> }[] | null)[];
            };
          }
        >
      )[Symbol.for("mlekit.liveRuntime")];
      return api
        .lastRun()
        .outputs.flat()
        .filter((x) => x?.data?.["application/vnd.plotly.v1+json"])
        .map((x) => x!.data!["application/vnd.plotly.v1+json"].data[0].x.length);
    });
  const before = await curvePoints();
  assert.ok(before.includes(1301), `a figure plots the 1301-point grid: ${before}`);

  // 1. An edit: a coarser grid in an early cell; the later figure over it changes. And the
  //    last cell shows Markdown with maths, which the page renders as the exporter does (KaTeX).
  const last = await page.locator("main [data-cell]").count();
  const lastSource = await rt<string>(page, "cellText", last);
  await rt(page, "setCell", n, original.replace("1301", "651"));
  // The cell's source holds the TeX in a JS string, so its backslashes are doubled there.
  const markdownCell = String.raw`import { displayChannel } from "notebook-kit";
const ch = displayChannel();
if (ch.kind !== "none") ch.send({ "text/markdown": "**KL** is $\\sum_x p(x) \\log \\frac{p(x)}{q(x)}$" });`;
  await rt(page, "setCell", last, markdownCell);
  await runAgain(page);
  assert.is(
    await page.evaluate(() => document.documentElement.dataset.runState),
    "done",
    (await runRecord(page)).status,
  );
  const after = await curvePoints();
  assert.ok(
    after.includes(651) && !after.includes(1301),
    `the dependent figure now plots 651 points: ${after}`,
  );
  const md = page.locator(`main [data-cell="${last}"] .output`);
  assert.is(await md.locator("strong").textContent(), "KL");
  assert.is(
    await md.locator(".katex math").count(),
    1,
    "the formula is typeset by KaTeX, with MathML",
  );
  assert.is(await md.locator(".katex-error").count(), 0);
  await rt(page, "setCell", last, lastSource);
  const cellEl = page.locator(`main [data-cell="${n}"]`);
  await cellEl.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS_DIR, "live-05-edited-cell.png") });

  // 2. A broken edit: its error, with the line, where its output goes; the rest did not run.
  await rt(page, "setCell", n, `${original}\nnotDefinedAnywhere + 1;`);
  await runAgain(page);
  const run = await runRecord(page);
  assert.is(run.state, "error");
  assert.is(run.errors, "1");
  const err = await cellEl.locator(".output.error pre").textContent();
  assert.match(err ?? "", /ReferenceError: notDefinedAnywhere is not defined/);
  assert.match(err ?? "", /at line 2: notDefinedAnywhere \+ 1;/);
  const codeCells = await page.locator("main [data-cell]").count();
  assert.is(
    await page.locator(".output.live-skipped").count(),
    codeCells - n,
    "every later cell says it did not run",
  );
  assert.match(
    (await page.locator(".output.live-skipped").first().textContent()) ?? "",
    new RegExp(`cell ${n} above failed`),
  );
  await cellEl.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENS_DIR, "live-05-broken-edit.png") });

  // A syntax error is shown with its line too.
  await rt(page, "setCell", n, "const a = 1;\nconst thetas = linspace(0.2, 1.5,, 1301);");
  await runAgain(page);
  assert.match(
    (await cellEl.locator(".output.error pre").textContent()) ?? "",
    /SyntaxError: .*\n.*line 2/,
  );

  // 3. Reset: the original code and the page's own outputs, as exported.
  await page.click("#mlekit-live-bar button[data-live=reset]");
  assert.is(await rt<string>(page, "cellText", n), original);
  assert.is(await page.evaluate(() => document.documentElement.dataset.runState ?? "none"), "none");
  assert.ok(exportedOutputs.length > 10, "the exported outputs were recorded before the run");
  const outputsNow = await page.evaluate(() =>
    Array.from(document.querySelectorAll("main .output")).map((e) => {
      const c = e.cloneNode(true) as Element;
      c.querySelectorAll(".figure > :not(noscript)").forEach((d) => d.remove());
      return c.textContent ?? "";
    }),
  );
  assert.equal(outputsNow, exportedOutputs, "the outputs are the exported ones again");
  assert.equal(o!.network, []);
});

for (const lang of ["en", "zh"] as const) {
  test(`${lang}: an exercise answered in the page gets the kernel's verdict, in the note's language`, async () => {
    const note = find(lang, "05");
    if (!note)
      return assert.ok(lang === "zh" && !notes.some((n) => n.lang === "zh"), "05 was exported");
    // The kernel's verdict for the right answer: what the worked solution printed.
    const kernelLine = note.nb.cells
      .flatMap((c) => (c.cell_type === "code" ? c.outputs : []))
      .flatMap((x) => (x.output_type === "stream" ? text(x.text).split("\n") : []))
      .find((l) => l.startsWith("✓ 05.1"));
    assert.ok(kernelLine, "the kernel printed a ✓ verdict for 05.1");
    const o = kept.get(lang);
    assert.ok(o, `${lang}/05 ran and was kept`);
    const page = o!.page;
    const n = await cellNumber(page, /const answer051\b/);
    const src = await rt<string>(page, "cellText", n);
    const verdict = async () =>
      (
        await page.locator(`main [data-cell="${n}"] .output.stdout pre`).first().textContent()
      )?.trim() ?? "";
    // H(p̂) of (1/6, 2/6, 3/6): the worked solution's formula.
    const right = -(
      (1 / 6) * Math.log(1 / 6) +
      (1 / 3) * Math.log(1 / 3) +
      (1 / 2) * Math.log(1 / 2)
    );
    await rt(page, "setCell", n, src.replace(/=\s*null;/, `= ${right};`));
    await runAgain(page);
    assert.is(await verdict(), kernelLine);
    await rt(page, "setCell", n, src.replace(/=\s*null;/, "= Math.log(3);"));
    await runAgain(page);
    assert.match(await verdict(), /^✗ 05\.1 /, "a wrong answer: not yet, with a hint");
    assert.is.not(await verdict(), kernelLine);
  });
}

// ---------------------------------------------------------------------------------------------
// The static site, and 05's live slider in it without "Run in browser".

interface SliderState {
  value: string;
  valueText: string | null;
  label: string | null;
  title: string;
  y0: number;
  expected: number;
  output: string;
}
async function sliderState(page: Page, theta: number): Promise<SliderState> {
  return page.evaluate((t) => {
    const input = document.querySelector<HTMLInputElement>(".live-slider input[type=range]")!;
    const id = input.closest<HTMLElement>(".live-slider")!.dataset.liveFor!;
    const fig = document.getElementById(id) as HTMLElement & {
      data: { y: number[] }[];
      liveFigure: { layout: { title: { text: string } } };
    };
    // The figure's accessible name: its caption when the page has one, else the plot's label.
    const label =
      document.getElementById(`${id}-cap`)?.textContent ?? fig.getAttribute("aria-label");
    return {
      value: input.value,
      valueText: input.getAttribute("aria-valuetext"),
      label,
      title: fig.liveFigure.layout.title.text,
      y0: fig.data[1].y[0],
      expected: Math.exp(-t),
      output: input.closest(".live-slider")!.querySelector("output")!.textContent ?? "",
    };
  }, theta);
}
/** Waits until the live slider's output reads `text` and its figure is redrawn at that value. */
const movedTo = (page: Page, text: string) =>
  page.waitForFunction(
    (t) => {
      const c = document.querySelector<HTMLElement>(".live-slider");
      type Drawn = HTMLElement & {
        liveFigure?: { layout: { title: { text: string } }; data: { y?: unknown }[] };
        data?: { y?: unknown }[];
      };
      const fig = c ? (document.getElementById(c.dataset.liveFor ?? "") as Drawn | null) : null;
      return (
        c?.querySelector("output")?.textContent === t &&
        fig?.liveFigure?.layout.title.text.startsWith(t) === true &&
        JSON.stringify(fig.data?.[1]?.y) === JSON.stringify(fig.liveFigure.data[1].y)
      );
    },
    text,
    { timeout: 30_000 },
  );

const sitePage = (lang: string, from: "disk" | "server", hash = "") => {
  const sub = lang === "en" ? "" : "zh/";
  const name = built!.notes.find((n) => n.lang === lang)!.names.find((x) => x.startsWith("05"))!;
  return from === "disk"
    ? `file://${path.join(site, sub, `${name}.html`)}${hash}`
    : `${origin}/${sub}${name}.html${hash}`;
};

test("the site is written: every page links one shared plotly.js, KaTeX, editor and runtime", () => {
  assert.ok(built, "the site was written");
  const pages = built!.files.filter((f) => f.kind === "html");
  const assets = built!.files.filter((f) => f.kind === "assets");
  console.log(
    `    site: ${pages.length} pages, own bytes ${Math.min(...pages.map((p) => p.bytes))}–${Math.max(...pages.map((p) => p.bytes))} B; shared assets ${assets.reduce((a, f) => a + f.bytes, 0)} B`,
  );
  assert.is(pages.length, notes.filter((n) => n.dir.startsWith(LIVE_DIRS[0])).length);
  for (const f of [
    "plotly-cartesian.min.js",
    "katex/katex.min.css",
    "live/runtime.js",
    "live/slider.js",
    "live/loader.js",
  ])
    assert.ok(fs.existsSync(path.join(site, "assets", f)), f);
  for (const p of pages) {
    const html = fs.readFileSync(p.path, "utf8");
    assert.not.ok(
      html.includes('data-live-asset="runtime"'),
      `${p.path} carries the runtime instead of linking it`,
    );
    assert.ok(
      html.includes("assets/live/loader.js") && html.includes("assets/plotly-cartesian.min.js"),
      `${p.path} links the shared copies`,
    );
  }
});

for (const lang of ["en", "zh"] as const) {
  test(`${lang}: the site's 05 from disk: its live slider at θ = 0.9 (between the old steps 0.86 and 0.91) gives exactly e^−0.9 for the 0-death bar, without Run`, async () => {
    if (lang === "zh" && !built?.notes.some((n) => n.lang === "zh"))
      return assert.not.ok(notes.some((n) => n.lang === "zh"));
    const o = await openOffline(browser, sitePage(lang, "disk"), { timeoutMs: TIMEOUT });
    try {
      const page = o.page;
      const slider = page.locator(".live-slider input[type=range]");
      await slider.waitFor({ state: "visible", timeout: 60_000 });
      if (lang === "en")
        await page.screenshot({
          path: path.join(SCREENS_DIR, "live-05-before-run.png"),
          clip: { x: 0, y: 0, width: 1100, height: 900 },
        });
      await slider.scrollIntoViewIfNeeded();
      const figure = page.locator(".output.plot", { has: slider });
      if (lang === "en")
        await figure.screenshot({ path: path.join(SCREENS_DIR, "live-05-slider-start.png") });
      await slider.fill("0.9");
      await movedTo(page, "θ = 0.90");
      const s = await sliderState(page, 0.9);
      assert.is(s.y0, s.expected, `p_model(0; 0.9) = ${s.y0}, e^−0.9 = ${s.expected}`);
      assert.is(s.valueText, "θ = 0.90");
      assert.is(s.output, "θ = 0.90");
      // The frame computes an English title; the Chinese page shows the label table's translation.
      assert.match(
        s.title,
        lang === "en" ? /^θ = 0\.90: KL = \d\.\d{4} nats$/ : /^θ = 0\.90：KL = \d\.\d{4} 奈特$/,
      );
      assert.is(s.label, s.title, "the figure's accessible name follows the value");
      if (lang === "en")
        await figure.screenshot({ path: path.join(SCREENS_DIR, "live-05-slider-0.90.png") });
      assert.is(
        await page.evaluate(() => document.documentElement.dataset.runState ?? "none"),
        "none",
        "nothing was run",
      );
      assert.equal(o.network, []);
      assert.equal(o.errors, []);
    } finally {
      await o.context.close();
    }
  });
}

test("05's slider is reached with Tab and stepped with the arrow keys; its value text and the figure follow (site page, from the server)", async () => {
  const o = await openOffline(browser, sitePage("en", "server"), {
    timeoutMs: TIMEOUT,
    allow: [origin],
  });
  try {
    const page = o.page;
    await page
      .locator(".live-slider input[type=range]")
      .waitFor({ state: "visible", timeout: 60_000 });
    let tabs = 0;
    for (; tabs < 400; tabs++) {
      await page.keyboard.press("Tab");
      if (
        await page.evaluate(
          () => document.activeElement?.matches(".live-slider input[type=range]") ?? false,
        )
      )
        break;
    }
    assert.ok(tabs < 400, "Tab reaches the slider");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await movedTo(page, "θ = 0.63");
    const s = await sliderState(page, 0.63);
    assert.is(s.value, "0.63");
    assert.is(s.valueText, "θ = 0.63");
    assert.match(s.label ?? "", /^θ = 0\.63: KL/);
    assert.is(s.y0, s.expected);
    const role = await page.evaluate(() => {
      const i = document.querySelector<HTMLInputElement>(".live-slider input[type=range]")!;
      return { name: i.labels?.[0]?.textContent, type: i.type };
    });
    assert.equal(role, { name: "θ", type: "range" }, "a native range input named by its label");
    assert.equal(o.network, []);
    console.log(`    the slider is tab stop ${tabs + 1} of 05`);
  } finally {
    await o.context.close();
  }
});

test("the site runs from disk too: #run-all of 05 ends done with 0 errors (every page ran from the server above)", async () => {
  const checks = [
    { where: "en from disk", url: sitePage("en", "disk", "#run-all"), allow: [] as string[] },
    ...(built!.notes.some((n) => n.lang === "zh")
      ? [{ where: "zh from disk", url: sitePage("zh", "disk", "#run-all"), allow: [] as string[] }]
      : []),
  ];
  const problems: string[] = [];
  await pool(checks, PARALLEL, async (c) => {
    const o = await openOffline(browser, c.url, { timeoutMs: TIMEOUT, allow: c.allow });
    try {
      await waitRun(o.page);
      const r = await runRecord(o.page);
      if (r.state !== "done" || r.errors !== "0")
        problems.push(`${c.where}: ${r.state} ${r.errors} ${r.status}`);
      if (o.network.length) problems.push(`${c.where}: requests outside: ${o.network.slice(0, 3)}`);
      if (o.errors.length) problems.push(`${c.where}: console: ${o.errors.slice(0, 3)}`);
      const index = await o.page.evaluate(
        () =>
          document.querySelector<HTMLAnchorElement>("nav.formats a[href$='index.html']")?.href ??
          "",
      );
      if (!index) problems.push(`${c.where}: no link to the index`);
    } catch (e) {
      problems.push(`${c.where}: ${(e as Error).message.split("\n")[0]}`);
    } finally {
      await o.context.close();
    }
  });
  assert.equal(problems, []);
  assert.equal(siteBlocked, [], "no page of the site tried the network");
  console.log(
    `    site ran: every page from ${origin}; ${checks.map((c) => c.where).join("; ")}; slider from disk (en, zh) and from the server (en) above`,
  );
  console.log(
    `    screenshots in ${SCREENS_DIR}: live-05-before-run, -after-run, -edited-cell, -broken-edit, -slider-start, -slider-0.90`,
  );
});

test.after(() => {
  server?.close();
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test.run();
