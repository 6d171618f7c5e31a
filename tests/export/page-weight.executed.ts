// The static site's page weight (issue 19): every note page's own bytes, in both languages, at
// most PAGE_BUDGET (150 kB), measured on a real site written from a real export.
//
// Not a unit test (its name does not end in .test.ts, so `uvu tests` skips it): it needs a
// folder of EXECUTED notebooks (an `npm start` export: <name>.ipynb, and zh/<name>.ipynb), which
// only a notebook run produces. scripts/test.ts runs it on its fresh export:
//
//   MLEKIT_LIVE_DIRS=<export folder> \
//     node node_modules/uvu/bin.js -r ts-node/register/transpile-only tests/export 'page-weight\.executed\.ts$'
//
// It writes the site with the exporter's own writeSite (as `npm run site -- --from DIR` does)
// into a temporary folder and reads each page's size on disk. It fails when the variable names
// no folder, when the folder holds no executed notebook or fewer Chinese than English ones, and
// when any page is over budget (naming every page with its size). It prints the table
// (`npm run site:weights -- SITE_DIR` prints the same for any site).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { writeSite } from "../../scripts/site";
import {
  PAGE_BUDGET,
  siteWeight,
  weightTable,
  type SiteWeight,
} from "../../scripts/export/page-weight";

const from = (process.env.MLEKIT_LIVE_DIRS ?? "").split(path.delimiter)[0];
const executed = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".ipynb")) : [];

let site = "";
let weight: SiteWeight = { pages: [], assets: [] };

test.before(async () => {
  if (!from || executed(from).length === 0) return;
  site = fs.mkdtempSync(path.join(os.tmpdir(), "mlekit-weight-"));
  await writeSite(from, site);
  weight = siteWeight(site);
  console.log(`\n${weightTable(weight)}\n`);
});
test.after(() => {
  if (site) fs.rmSync(site, { recursive: true, force: true });
});

test("an export folder of executed notebooks is given, in both languages", () => {
  assert.ok(from, "MLEKIT_LIVE_DIRS is not set: give the folder of an npm start export");
  const en = executed(from).length;
  assert.ok(en > 0, `${from} holds no executed notebook`);
  assert.is(executed(path.join(from, "zh")).length, en, "as many Chinese notebooks as English");
});

test("every note page of the site, English and Chinese, is written and at most 150 kB of its own", () => {
  const en = weight.pages.filter((p) => p.lang === "en");
  assert.ok(en.length > 0, "the site has note pages");
  assert.is(en.length, executed(from).length, "a page for every English notebook");
  assert.is(weight.pages.length, 2 * en.length, "and for every Chinese one");
  const over = weight.pages.filter((p) => p.bytes > PAGE_BUDGET);
  assert.equal(
    over.map((p) => `${p.lang}/${p.name}: ${p.bytes} B`),
    [],
    `over ${PAGE_BUDGET} B`,
  );
});

test("the pages link the shared assets they no longer carry: page.js, page.css, plotly.js, the live scripts", () => {
  const files = weight.assets.map((a) => a.file);
  for (const f of ["page.js", "page.css", "plotly-cartesian.min.js", "live/runtime.js"])
    assert.ok(files.includes(f), `assets/${f} is written`);
  const html = fs.readFileSync(path.join(site, `${weight.pages[0].name}.html`), "utf8");
  assert.match(html, /<script src="assets\/page\.js" onerror="[^"]*"><\/script>/);
  assert.match(html, /<link rel="stylesheet" href="assets\/page\.css">/);
});

test.run();
