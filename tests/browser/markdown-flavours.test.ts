// The Markdown flavours `npm test` wrote from the fresh exports (MLEKIT_MD_FLAVOURS, a JSON map
// { svg, hugo, hexo } -> folder): every image a post links resolves, the way its generator
// resolves it, to a real image file; the SVG flavours keep no raw TeX; the posts carry front
// matter with the note's title and the maths switch their generator reads.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, resolve } from "path";
import {
  blogLayout,
  imageLinks,
  resolveBlogLink,
  type FrontMatterFlavour,
} from "../../scripts/export/blog";
import { rawTexLeft } from "../../scripts/export/math-svg";
import { isPng } from "./png";

const DIRS = process.env.MLEKIT_MD_FLAVOURS
  ? (JSON.parse(process.env.MLEKIT_MD_FLAVOURS) as Record<string, string>)
  : undefined;

/** Checks that `file` is a non-empty SVG or PNG. */
function assertImage(file: string, link: string): void {
  assert.ok(
    existsSync(file) && statSync(file).isFile(),
    `${link} does not resolve to a file (${file})`,
  );
  const head = readFileSync(file).subarray(0, 400);
  if (file.endsWith(".svg"))
    assert.ok(/<svg[\s>]/.test(head.toString("utf8")), `${link} is not an SVG`);
  else if (file.endsWith(".png")) assert.ok(isPng(head), `${link} is not a PNG`);
  else assert.unreachable(`${link}: unexpected image type`);
}

/** The front matter of a post as `key: value` lines (the YAML itself is parsed in tests/export/blog.test.ts). */
function frontMatterLines(md: string): string[] {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  assert.ok(m, "the post starts with front matter between --- lines");
  return m![1].split("\n");
}

if (!DIRS) {
  test("MLEKIT_MD_FLAVOURS names the folders of the Markdown flavours", () => {
    assert.unreachable(
      'MLEKIT_MD_FLAVOURS is not set: npm test sets it to {"svg": DIR, "hugo": DIR, "hexo": DIR}',
    );
  });
} else {
  const svgDir = DIRS.svg;
  const notes = readdirSync(svgDir)
    .filter((f) => f.endsWith(".md"))
    .sort();

  test("every note of the SVG-maths flavour was also written as a Hugo and as a Hexo post", () => {
    assert.ok(notes.length > 0, `no .md in ${svgDir}`);
    for (const name of notes.map((f) => f.slice(0, -3))) {
      assert.ok(
        existsSync(join(DIRS.hugo, blogLayout("hugo", name).markdownPath)),
        `hugo: ${name}`,
      );
      assert.ok(
        existsSync(join(DIRS.hexo, blogLayout("hexo", name).markdownPath)),
        `hexo: ${name}`,
      );
    }
  });

  for (const file of notes) {
    const name = file.slice(0, -3);
    test(`--md-math svg, ${name}: every image resolves, formulas are images with their TeX as alt text, no raw TeX is left`, () => {
      const md = readFileSync(join(svgDir, file), "utf8");
      const links = imageLinks(md);
      const formulas = links.filter((l) => /\/math-[0-9a-f]{8}\.svg$/.test(l));
      assert.ok(formulas.length > 0, "the note has formulas, and they are images");
      for (const link of links) assertImage(resolve(svgDir, decodeURI(link)), link);
      assert.equal(rawTexLeft(md), []);
      assert.ok(
        /<img src="[^"]+\/math-[0-9a-f]{8}\.svg" alt="[^"]+"/.test(md),
        "a formula image carries its TeX as alt text",
      );
    });

    for (const flavour of ["hugo", "hexo"] as FrontMatterFlavour[]) {
      test(`--front-matter ${flavour}, ${name}: front matter first, every image resolves where ${flavour} looks for it`, () => {
        const post = join(DIRS[flavour], blogLayout(flavour, name).markdownPath);
        const md = readFileSync(post, "utf8");
        const fm = frontMatterLines(md);
        assert.ok(
          fm.some((l) => /^title: ".+"$/.test(l)),
          fm.join("\n"),
        );
        assert.ok(fm.some((l) => /^date: \S/.test(l)) && fm.includes("tags:"), fm.join("\n"));
        const links = imageLinks(md);
        assert.ok(links.length > 0, "the post links images");
        for (const link of links) {
          assert.not.ok(
            link.includes("/"),
            `${flavour} posts link images by bare file name: ${link}`,
          );
          const target = resolveBlogLink(flavour, name, link);
          assert.ok(target, `${link} does not resolve`);
          assertImage(join(DIRS[flavour], target!), link);
        }
        if (flavour === "hugo") {
          assert.equal(rawTexLeft(md), [], "the Hugo flavour was written with SVG maths");
          assert.not.ok(
            fm.includes("math: true"),
            "no maths engine is asked for when the maths is already images",
          );
          assert.is(
            dirname(post),
            join(DIRS.hugo, name),
            "a leaf bundle: index.md beside its images",
          );
        } else {
          assert.ok(
            fm.includes("mathjax: true"),
            "the Hexo flavour keeps TeX and switches MathJax on",
          );
          assert.ok(/\$[^$\n]+\$/.test(md), "TeX kept as $…$");
        }
      });
    }
  }
}

test.run();
