// scripts/export/index-page.ts: the chain map of the notes.
import { test } from "uvu";
import * as assert from "uvu/assert";

import * as idx from "../../scripts/export/index-page";

const note = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  title: `${name} title with $\\theta$`,
  subtitle: "A subtitle & more",
  status: "ok",
  seconds: 3.25,
  cells: 7,
  error: null,
  files: {
    html: { file: `${name}.html`, bytes: 5e6 },
    pdf: { file: `${name}.pdf`, bytes: 2048 },
    md: { file: `${name}.md`, bytes: 900 },
    ipynb: { file: `${name}.ipynb`, bytes: 1e6 },
  },
  ...extra,
});

test("one card a note in order, each linking every format with its size, the run status and time", () => {
  const html = idx.indexHtml({ title: "Worked notes", notes: [note("00-a"), note("01-b")] });
  assert.ok(html.indexOf('id="00-a"') < html.indexOf('id="01-b"'));
  assert.ok(html.includes('data-step="01"'));
  for (const ext of ["html", "pdf", "md", "ipynb"])
    assert.ok(html.includes(`href="01-b.${ext}"`), ext);
  assert.ok(
    html.includes("ran ok</span> · 7 code cells · 3.2 s") ||
      html.includes("ran ok</span> · 7 code cells · 3.3 s"),
  );
  assert.ok(html.includes("<math"), "maths in titles as MathML");
  assert.ok(html.includes("A subtitle &amp; more"));
  assert.not.ok(
    /<script|https?:\/\//.test(
      html.replace(/xmlns="http:\/\/www\.w3\.org\/1998\/Math\/MathML"/g, ""),
    ),
    "no script, no remote URL",
  );
});

test("a failed note shows the failing cell and message; a missing format is marked, not linked", () => {
  const failed = note("02-c", {
    status: "error",
    error: { cell: 4, message: "AssertionError: <bad>\nmore" },
    files: { ipynb: { file: "02-c.ipynb", bytes: 10 } },
  });
  const html = idx.indexHtml({ title: "t", notes: [failed] });
  assert.ok(html.includes("failed at cell 4"));
  assert.ok(html.includes("AssertionError: &lt;bad&gt;"));
  assert.ok(html.includes('class="missing"'));
  assert.not.ok(html.includes('href="02-c.pdf"'));
});

test("formatBytes", () => {
  assert.is(idx.formatBytes(512), "512 B");
  assert.is(idx.formatBytes(2048), "2.0 kB");
  assert.is(idx.formatBytes(5 * 1024 * 1024), "5.0 MB");
});

test("a note with a Chinese edition links it in every format under its Chinese title; a translated index says its language and links home", () => {
  const zh = {
    label: "中文",
    lang: "zh",
    title: "01 · 最大似然",
    files: {
      html: { file: "zh/01-b.html", bytes: 5e6 },
      pdf: { file: "zh/01-b.pdf", bytes: 4096 },
    },
  };
  const html = idx.indexHtml({
    title: "Worked notes",
    notes: [note("01-b", { translations: [zh] })],
  });
  assert.ok(
    html.includes('<p class="tr" lang="zh"><span class="lang">中文</span> 01 · 最大似然</p>'),
    html,
  );
  assert.ok(
    html.includes(`href="${encodeURI("zh/01-b.html")}"`) &&
      html.includes(`href="${encodeURI("zh/01-b.pdf")}"`),
  );
  assert.ok(
    html.includes('<span class="missing" title="未导出">Markdown</span>'),
    "a format missing in Chinese is shown as missing, in Chinese",
  );
  const page = idx.indexHtml({
    title: "学习笔记",
    notes: [note("01-b")],
    lang: "zh",
    home: { href: "../index.html", label: "English" },
  });
  assert.ok(page.includes('<html lang="zh">'));
  assert.ok(
    page.includes('<a href="../index.html" lang="en">English</a>'),
    "the link home says English, marked as English",
  );
});

test("a Chinese index says its own words in Chinese and marks the English left on it", () => {
  const failed = note("02-c", {
    status: "error",
    error: { cell: 4, message: "AssertionError: bad" },
    title: "Maximum likelihood",
    subtitle: "",
  });
  const page = idx.indexHtml({
    title: "学习笔记",
    notes: [note("01-b", { title: "最大似然", subtitle: "一个副标题" }), failed],
    lang: "zh",
  });
  assert.ok(page.includes("运行成功</span> · 7 个代码单元"), "status and cell count in Chinese");
  assert.ok(page.includes("运行失败（第 4 个单元）"), "a failure in Chinese");
  assert.ok(
    page.includes('<code lang="en">AssertionError: bad</code>'),
    "the English error message is marked English",
  );
  assert.ok(
    page.includes('<h2 id="02-c-title" lang="en">'),
    "an untranslated title is marked English",
  );
  assert.ok(page.includes('<h2 id="01-b-title">'), "a Chinese title is not");
  assert.ok(page.includes('title="可交互，可离线">HTML'), "format hints in Chinese");
  assert.not.ok(
    /ran ok|code cells|not exported|interactive, offline/.test(page),
    "no English words of the index's own",
  );
  const en = idx.indexHtml({ title: "Worked notes", notes: [note("01-b")] });
  assert.is(en.split('lang="en"').length - 1, 1, "an English page marks nothing but its <html>");
});

test.run();
