// The exported HTML of every notebook opens offline in a real browser and draws its plots.
// Run by `npm test` after the notebooks are exported to exports/.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readdirSync } from "fs";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import type { Browser } from "playwright-core";
import { launch, openOffline, waitForPlots } from "./chromium";

const EXPORTS = resolve(__dirname, "..", "..", "exports");
const SCREENS = join(EXPORTS, "screens");
const pages = existsSync(EXPORTS) ? readdirSync(EXPORTS).filter((f) => f.endsWith(".html") && f !== "index.html").sort() : [];

let browser: Browser;
test.before(async () => {
  browser = await launch();
  mkdirSync(SCREENS, { recursive: true });
});
test.after(async () => {
  await browser?.close();
});

test("the notebooks were exported to HTML", () => {
  assert.ok(pages.length > 0, `no .html in ${EXPORTS}`);
  assert.ok(pages.includes("00-start-here.html"), "00-start-here.html is missing");
});

for (const file of pages) {
  test(`${file} opens with the network blocked, draws every plot as SVG, logs no console error`, async () => {
    const { page, context, errors, network } = await openOffline(browser, pathToFileURL(join(EXPORTS, file)).href);
    try {
      const [plots, drawn] = await waitForPlots(page);
      assert.ok(plots > 0, "the page has no plot");
      assert.is(drawn, plots, `${drawn} of ${plots} plots drew plotly's SVG`);
      assert.equal(network, [], `the page tried the network: ${network.join(", ")}`);
      assert.equal(errors, [], `console errors: ${errors.join(" | ")}`);
      await page.screenshot({ path: join(SCREENS, file.replace(/\.html$/, ".png")), fullPage: false });
    } finally {
      await context.close();
    }
  });
}

test.run();
