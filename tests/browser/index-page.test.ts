// exports/index.html: opens offline without errors, lists every note of run.json with its run
// status and time, and every link on it resolves to a file that exists.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdirSync, readFileSync, statSync } from "fs";
import { dirname, join, resolve } from "path";
import { fileURLToPath, pathToFileURL } from "url";
import type { Browser } from "playwright-core";
import { EXPORT_DIRS, MISSING_EXPORT_DIRS, label, launch, openOffline } from "./chromium";
import { pageStrings } from "../../scripts/export/page-strings";

// Every export folder gets an index (buildNotes writes one per folder); a folder without one
// fails its test below instead of being left out.
const indexes = EXPORT_DIRS.map((d) => join(d, "index.html"));

let browser: Browser;
test.before(async () => {
  browser = await launch();
});
test.after(async () => {
  await browser?.close();
});

test("an index page was exported", () => {
  assert.equal(MISSING_EXPORT_DIRS, [], "folders named by MLEKIT_EXPORT_DIRS are missing");
  assert.ok(indexes.length > 0, "no export folder");
});

for (const file of indexes) {
  test(`${label(file)}: every note is listed with its status and time, every link resolves`, async () => {
    assert.ok(existsSync(file), `${file} is missing`);
    const runs = JSON.parse(readFileSync(join(dirname(file), "run.json"), "utf8")) as {
      name: string;
      status: string;
      seconds: number;
    }[];
    assert.ok(runs.length > 0, "run.json lists no note");
    const { page, context, errors, network } = await openOffline(browser, pathToFileURL(file).href);
    try {
      const cards = await page.evaluate(() =>
        Array.from(document.querySelectorAll("ol.chain > li")).map((li) => ({
          id: li.id,
          title: (li.querySelector("h2") as HTMLElement).innerText,
          run: (li.querySelector(".run") as HTMLElement).innerText,
          // the note's own formats (a translation's list follows it in the same card)
          links: Array.from(li.querySelector(".formats")?.querySelectorAll("a") ?? []).map(
            (a) => a.textContent!.split(" ")[0],
          ),
        })),
      );
      assert.equal(
        cards.map((c) => c.id),
        runs.map((r) => r.name),
        "one card per note of run.json, in order",
      );
      const words = pageStrings(await page.evaluate(() => document.documentElement.lang)).index;
      for (const [i, r] of runs.entries()) {
        assert.ok(cards[i].title.trim().length > 0, `${r.name}: no title`);
        assert.ok(
          cards[i].run.includes(r.status === "ok" ? words.ranOk : words.failed),
          `${r.name}: status not shown`,
        );
        assert.ok(
          cards[i].run.includes(`${r.seconds.toFixed(1)} s`),
          `${r.name}: run time not shown`,
        );
        assert.equal(
          cards[i].links,
          (["html", "pdf", "md", "ipynb"] as const).map((k) => words.formats[k][0]),
          `${r.name}: not linked in every format`,
        );
      }
      const hrefs = await page.evaluate(() =>
        Array.from(document.querySelectorAll("a[href]")).map((a) => (a as HTMLAnchorElement).href),
      );
      assert.ok(hrefs.length >= runs.length * 4, "too few links");
      for (const href of hrefs) {
        assert.ok(href.startsWith("file:"), `link leaves the folder: ${href}`);
        const p = fileURLToPath(href.split("#")[0]);
        assert.ok(existsSync(p) && statSync(p).size > 0, `link to a missing file: ${href}`);
      }
      assert.equal(network, [], `the page tried the network: ${network.join(", ")}`);
      assert.equal(errors, [], `console errors: ${errors.join(" | ")}`);
      mkdirSync(join(resolve(dirname(file)), "screens"), { recursive: true });
      await page.screenshot({
        path: join(resolve(dirname(file)), "screens", "index.png"),
        fullPage: true,
      });
    } finally {
      await context.close();
    }
  });
}

test.run();
