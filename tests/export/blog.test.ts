// scripts/export/blog.ts: front matter and file layout of a note exported as a Hugo or Hexo post.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join, posix } from "path";
import {
  blogLayout,
  blogPost,
  frontMatter,
  frontMatterDate,
  imageLinks,
  resolveBlogLink,
  rewriteImageLinks,
  type FrontMatterFlavour,
  type PostMeta,
} from "../../scripts/export/blog";
import { markdownMathToSvg, rawTexLeft } from "../../scripts/export/math-svg";
import { ROOT, notebookProse } from "../fixtures/markdown/prose";
const FLAVOURS: FrontMatterFlavour[] = ["hugo", "hexo"];
import * as setup from "../../scripts/setup";

/**
 * Parses the YAML between the `---` lines with PyYAML (a dependency of the project's Jupyter, in
 * .venv/), dates printed by Python's str(); returns the mapping as JSON.
 */
function parseYaml(frontMatterText: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n$/.exec(frontMatterText);
  assert.ok(m, `front matter is fenced by --- lines:\n${frontMatterText}`);
  const script =
    "import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read()), default=str, ensure_ascii=True))";
  const r = spawnSync(setup.ensureJupyter(), ["-c", script], { input: m![1], encoding: "utf8" });
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

const DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const TRICKY_TITLES = [
  'MLE: min KL "P||Q" isn\'t $\\theta$ #1',
  "05 · 最大似然即最小 KL 散度：交叉熵",
  "- starts like a list item",
  "@ & * ! % | > ? { } [ ] , ` ~",
  "true",
  "123",
  "null",
  "  spaces around  ",
];

test("front matter reads back as YAML to the same title, tags and description, whatever the characters", () => {
  for (const flavour of FLAVOURS) {
    for (const title of TRICKY_TITLES) {
      const meta: PostMeta = {
        title,
        date: DATE,
        tags: ["machine-learning", "最大似然", "a: b", "#hash"],
        description: `Line one: "quoted"\nline two\u2028after U+2028 \u0085 $x$`,
        math: false,
      };
      const data = parseYaml(frontMatter(flavour, meta));
      assert.is(data.title, title, `${flavour}: ${title}`);
      assert.equal(data.tags, meta.tags);
      assert.is(data.description, meta.description);
    }
  }
});

test("the date is a YAML timestamp in the form each generator documents (RFC 3339 for Hugo, YYYY-MM-DD HH:mm:ss for Hexo)", () => {
  assert.is(frontMatterDate("hugo", DATE), "2024-01-02T03:04:05Z");
  assert.is(frontMatterDate("hexo", DATE), "2024-01-02 03:04:05");
  // PyYAML reads both as timestamps (a datetime, printed by str()), not as strings.
  assert.is(
    parseYaml(frontMatter("hugo", { title: "t", date: DATE, tags: [], math: false })).date,
    "2024-01-02 03:04:05+00:00",
  );
  assert.is(
    parseYaml(frontMatter("hexo", { title: "t", date: DATE, tags: [], math: false })).date,
    "2024-01-02 03:04:05",
  );
});

test("the maths switch is math: true for Hugo and mathjax: true for Hexo, and absent when the page has no TeX", () => {
  const meta = { title: "t", date: DATE, tags: ["kl"], math: true };
  const hugo = parseYaml(frontMatter("hugo", meta));
  const hexo = parseYaml(frontMatter("hexo", meta));
  assert.is(hugo.math, true);
  assert.is(hugo.mathjax, undefined);
  assert.is(hexo.mathjax, true);
  assert.is(hexo.math, undefined);
  for (const flavour of FLAVOURS) {
    const none = parseYaml(frontMatter(flavour, { ...meta, math: false }));
    assert.equal(Object.keys(none).sort(), ["date", "tags", "title"]);
  }
});

test("front matter rejects an unknown flavour, an empty title, an invalid date and a non-string tag, naming the function", () => {
  const ok: PostMeta = { title: "t", date: DATE, tags: [], math: false };
  assert.throws(
    () => frontMatter("jekyll" as FrontMatterFlavour, ok),
    (e: Error) => e instanceof RangeError && /^frontMatter: .*"jekyll"/.test(e.message),
  );
  assert.throws(
    () => frontMatter("hugo", { ...ok, title: " " }),
    (e: Error) => e instanceof RangeError && e.message.startsWith("frontMatter: title"),
  );
  assert.throws(
    () => frontMatter("hugo", { ...ok, date: new Date("nope") }),
    (e: Error) => e instanceof RangeError && e.message.includes("Invalid Date"),
  );
  assert.throws(
    () => frontMatter("hexo", { ...ok, tags: ["a", ""] }),
    (e: Error) => e instanceof TypeError && e.message.includes("tags[1]"),
  );
});

test("Hugo gets a leaf bundle (<name>/index.md, images beside it); Hexo a post <name>.md with its asset folder <name>/", () => {
  assert.equal(blogLayout("hugo", "05-mle"), {
    markdownPath: "05-mle/index.md",
    assetDir: "05-mle",
    assetLink: "",
  });
  assert.equal(blogLayout("hexo", "05-mle"), {
    markdownPath: "05-mle.md",
    assetDir: "05-mle",
    assetLink: "",
  });
  for (const bad of ["", "..", "a/b", "a\\b"]) {
    assert.throws(
      () => blogLayout("hugo", bad),
      (e: Error) => e instanceof RangeError && e.message.startsWith("blogLayout:"),
    );
  }
});

test("a bare image link resolves inside the bundle (Hugo) or the post asset folder (Hexo); URLs resolve to nothing", () => {
  assert.is(resolveBlogLink("hugo", "n", "math-1.svg"), "n/math-1.svg");
  assert.is(resolveBlogLink("hexo", "n", "plot%2001.svg"), "n/plot 01.svg");
  assert.is(resolveBlogLink("hugo", "n", "https://example.org/a.png"), null);
  assert.is(resolveBlogLink("hexo", "n", "data:image/png;base64,AAAA"), null);
});

test("rewriteImageLinks moves Markdown images, reference definitions and <img src> links, and leaves code and other links alone", () => {
  const md = [
    '![plot](n_files/plot-01.svg) and ![t](<n_files/plot-02.svg> "title")',
    "<img src=\"n_files/math-1.svg\" alt=\"x\"> <img alt='y' src='n%20files/math-2.svg'>",
    "[ref]: n_files/plot-03.png",
    "[a link](n_files/data.csv) ![far](https://example.org/n_files/x.png)",
    "`![code](n_files/keep.svg)`",
  ].join("\n");
  const out = rewriteImageLinks(md, "n_files/", "");
  const spaced = rewriteImageLinks(md, "n files/", "img/");
  assert.is(
    out,
    [
      '![plot](plot-01.svg) and ![t](<plot-02.svg> "title")',
      "<img src=\"math-1.svg\" alt=\"x\"> <img alt='y' src='n%20files/math-2.svg'>",
      "[ref]: plot-03.png",
      "[a link](n_files/data.csv) ![far](https://example.org/n_files/x.png)",
      "`![code](n_files/keep.svg)`",
    ].join("\n"),
  );
  assert.ok(
    spaced.includes("src='img/math-2.svg'"),
    "the percent-encoded form of the prefix is matched too",
  );
  assert.equal(imageLinks(out), [
    "plot-01.svg",
    "plot-02.svg",
    "math-1.svg",
    "n%20files/math-2.svg",
    "plot-03.png",
    "https://example.org/n_files/x.png",
  ]);
});

test("a Hexo post whose body holds {{ or {% (TeX can) switches off Nunjucks in its front matter", () => {
  const meta: PostMeta = { title: "t", date: DATE, tags: [], math: true };
  assert.ok(
    blogPost("hexo", "n", "$\\frac{{a}}{b}$", "n_files", meta).text.includes(
      "\ndisableNunjucks: true\n",
    ),
  );
  assert.not.ok(
    blogPost("hexo", "n", "$\\frac{a}{b}$", "n_files", meta).text.includes("disableNunjucks"),
  );
  assert.not.ok(
    blogPost("hugo", "n", "$\\frac{{a}}{b}$", "n_files", meta).text.includes("disableNunjucks"),
  );
});

test("every image link of a converted note resolves to a written file under each flavour's layout, with no raw TeX left", () => {
  const name = "05-mle-is-min-kl-is-min-cross-entropy";
  const filesDir = `${name}_files`;
  // What the Markdown export produces: the note's prose, plus plots in <name>_files/.
  const exported =
    notebookProse(join(ROOT, "notebooks", `${name}.ipynb`)) +
    `\n\n![The likelihood](${filesDir}/plot-01.svg)\n\n<img src="${filesDir}/plot-02.png" alt="slider">\n`;
  for (const flavour of FLAVOURS) {
    const out = mkdtempSync(join(tmpdir(), `mlekit-blog-${flavour}-`));
    try {
      const layout = blogLayout(flavour, name);
      const assets = join(out, layout.assetDir);
      mkdirSync(assets, { recursive: true });
      writeFileSync(join(assets, "plot-01.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
      writeFileSync(join(assets, "plot-02.png"), "png");
      const converted = markdownMathToSvg(exported, {
        filesDir,
        write: (f, svg) => writeFileSync(join(assets, f), svg),
      });
      const post = blogPost(flavour, name, converted.markdown, filesDir, {
        title: "05 · MLE: min KL",
        date: DATE,
        tags: ["kl"],
        math: false,
      });
      mkdirSync(dirname(join(out, post.layout.markdownPath)), { recursive: true });
      writeFileSync(join(out, post.layout.markdownPath), post.text);

      const text = readFileSync(join(out, layout.markdownPath), "utf8");
      assert.ok(text.startsWith("---\ntitle: "), flavour);
      const links = imageLinks(text);
      assert.is(
        links.length,
        converted.formulas + 2,
        `${flavour}: one link per formula plus the two plots`,
      );
      for (const link of links) {
        assert.not.ok(link.includes("/"), `${flavour}: ${link} is a bare file name`);
        // Both generators resolve a bare name in the post's own folder: the bundle, or the asset folder.
        assert.ok(
          existsSync(join(out, name, decodeURI(link))),
          `${flavour}: ${link} resolves to a written file`,
        );
        assert.is(resolveBlogLink(flavour, name, link), posix.join(name, link));
      }
      assert.equal(
        rawTexLeft(text.replace(/^---\n[\s\S]*?\n---\n/, "")),
        [],
        `${flavour}: raw TeX left`,
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
});

test.run();
