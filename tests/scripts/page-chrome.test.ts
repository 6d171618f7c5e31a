// scripts/page-chrome.ts: the exporter's own words on a page, and whether each is marked English.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromeFindings, chromeTexts, markdownChromeTexts } from "../../scripts/page-chrome";

const PAGE =
  `<html lang="zh"><body><main><nav class="formats" aria-label="本笔记的其他格式"><a href="index.html">All notes</a></nav>` +
  `<section class="cell markdown"><p>Prose of the notebook is not chrome.</p></section>` +
  `<details class="reveal"><summary><span class="on-screen">显示结果</span><span class="on-paper">结果</span></summary><pre>out</pre></details>` +
  `<figure class="plot"><figcaption id="c" class="plot-caption" lang="en">mean NLL</figcaption><p id="d" class="plot-desc">折线图。</p></figure>` +
  `<div id="mlekit-live-bar" data-loading="Loading…"><button>Run</button><p class="live-note">按 <kbd lang="en">Shift+Enter</kbd></p></div>` +
  `<pre class="code" aria-label="Code cell 1"><code>const notChrome = 1;</code></pre></main></body></html>`;

test("a note page's chrome: nav, summaries, caption, description, live bar and labels; not its prose or code", () => {
  const t = chromeTexts(PAGE, "note");
  const parts = (p: string) => t.filter((x) => x.part === p).map((x) => [x.text, x.markedEnglish]);
  assert.equal(parts("nav"), [["All notes", false]]);
  assert.equal(parts("summary"), [
    ["显示结果", false],
    ["结果", false],
  ]);
  assert.equal(parts("caption"), [["mean NLL", true]]);
  assert.equal(parts("description"), [["折线图。", false]]);
  assert.equal(parts("live bar"), [
    ["Run", false],
    ["按", false],
    ["Shift+Enter", true],
    ["Loading…", false],
  ]);
  assert.equal(parts("aria-label"), [
    ["本笔记的其他格式", false],
    ["Code cell 1", false],
  ]);
  assert.not.ok(t.some((x) => /Prose|notChrome/.test(x.text)));
});

test("an index counts its whole main text, except code such as a file name", () => {
  const t = chromeTexts(
    `<main><p>运行成功</p><p lang="en"><a>English</a></p><p><code>00-start-here</code> ran ok</p></main>`,
    "index",
  );
  assert.equal(
    t.map((x) => [x.text, x.markedEnglish]),
    [
      ["运行成功", false],
      ["English", true],
      ["ran ok", false],
    ],
  );
});

test("chromeFindings counts English words per page, marked or not, in .html and .md", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chrome-"));
  try {
    fs.writeFileSync(path.join(dir, "01-x.html"), PAGE);
    fs.writeFileSync(
      path.join(dir, "01-x.md"),
      "<details>\n<summary>Show the worked solution</summary>\n\nx\n\n</details>\n<details>\n<summary>显示结果</summary>\n</details>",
    );
    const f = chromeFindings(dir);
    const words = (page: string, marked: boolean) =>
      f.filter((x) => x.page === page && x.markedEnglish === marked).map((x) => x.word);
    assert.equal(words("01-x.md", false), ["Show", "the", "worked", "solution"]);
    assert.equal(words("01-x.html", false), ["All", "notes", "Run", "Loading", "Code", "cell"]);
    assert.equal(words("01-x.html", true), ["mean", "Shift", "Enter"]);
    assert.equal(markdownChromeTexts("no details").length, 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
