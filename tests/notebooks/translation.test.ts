// The Chinese edition: every markdown cell of every notebook has a translation, and the two
// languages carry the same maths, the same heading structure and the same links. The
// generated notebooks share the English code cells exactly, but for the statement that sets
// the kit's language at the end of the import cell.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as i18n from "../../scripts/i18n";
import type { Notebook, NotebookCell } from "../../scripts/notebooks";

/** A committed notebook: nbformat 4.5, so every cell has an id (npm test's hygiene step checks it). */
type CommittedNotebook = Omit<Notebook, "cells"> & { cells: (NotebookCell & { id: string })[] };
const read = (file: string): CommittedNotebook => JSON.parse(readFileSync(file, "utf8")) as CommittedNotebook;
const nameOf = (file: string) => file.replace(/^.*[\\/]/, "").replace(/\.ipynb$/, "");

/** Text outside fenced code blocks. */
const prose = (md: string) => md.replace(/```[\s\S]*?```/g, "");
/** Every $$…$$ and $…$ expression, sorted: the maths a cell carries. */
function maths(md: string): string[] {
  const s = prose(md);
  const display = [...s.matchAll(/\$\$([\s\S]+?)\$\$/g)].map((m) => `$$${m[1].trim()}$$`);
  const rest = s.replace(/\$\$[\s\S]+?\$\$/g, " ");
  const inline = [...rest.matchAll(/(?<![\\$])\$(?!\s)([^$\n]+?)(?<![\s\\])\$/g)].map((m) => `$${m[1]}$`);
  return [...display, ...inline].sort();
}
/** Heading levels in order, e.g. [1, 2, 2, 3]. */
const headings = (md: string) => [...prose(md).matchAll(/^(#{1,6})\s/gm)].map((m) => m[1].length);
/** Link targets, sorted. */
const links = (md: string) => [...prose(md).matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).sort();

const notebooks = i18n.englishNotebooks();

test("there are notebooks to translate", () => {
  assert.ok(notebooks.length >= 9, `${notebooks.length} notebooks`);
});

for (const file of notebooks) {
  const name = nameOf(file);
  test(`${name}: every markdown cell has a Chinese translation, and no translation names a cell that does not exist`, () => {
    const zh = i18n.readTranslation("zh", name);
    assert.ok(zh, `no notebooks/i18n/zh/${name}.json`);
    const ids = read(file).cells.filter((c) => c.cell_type === "markdown").map((c) => c.id);
    const missing = ids.filter((id) => typeof zh![id] !== "string" || zh![id].trim() === "");
    const extra = Object.keys(zh!).filter((id) => !ids.includes(id));
    assert.equal(missing, [], `untranslated cells: ${missing.join(", ")}`);
    assert.equal(extra, [], `translations of no cell: ${extra.join(", ")}`);
  });

  test(`${name}: each translated cell has the same maths, headings and links as the English, and is in Chinese`, () => {
    const zh = i18n.readTranslation("zh", name) ?? {};
    for (const cell of read(file).cells.filter((c) => c.cell_type === "markdown")) {
      const en = i18n.text(cell.source);
      const t = zh[cell.id];
      if (typeof t !== "string") continue; // reported by the test above
      assert.equal(maths(t), maths(en), `${name} cell ${cell.id}: maths differ`);
      assert.equal(headings(t), headings(en), `${name} cell ${cell.id}: heading structure differs`);
      assert.equal(links(t), links(en), `${name} cell ${cell.id}: links differ`);
      const stripped = prose(t).replace(/\$\$[\s\S]+?\$\$|\$[^$\n]+\$|`[^`]*`|\]\([^)]*\)/g, "");
      if (/[A-Za-z]{4,}/.test(prose(en).replace(/\$[^$]*\$|`[^`]*`|\]\([^)]*\)/g, ""))) {
        assert.ok(/[\u4e00-\u9fff]/.test(stripped), `${name} cell ${cell.id}: the translation has no Chinese text`);
      }
    }
  });
}

test("the generated Chinese notebooks share every code cell with the English ones, byte for byte, but the import cell, which ends by setting the language", () => {
  const out = mkdtempSync(join(tmpdir(), "zh-notebooks-"));
  try {
    const { written } = i18n.buildTranslations({ outDir: out, quiet: true });
    assert.is(written.length, notebooks.length);
    for (const file of notebooks) {
      const en = read(file);
      const zh = read(join(out, `${nameOf(file)}.ipynb`));
      assert.is(zh.cells.length, en.cells.length);
      const importCell = en.cells.findIndex((c) => c.cell_type === "code");
      en.cells.forEach((c, i) => {
        assert.is(zh.cells[i].id, c.id);
        if (i === importCell) {
          const source = i18n.text(zh.cells[i].source);
          assert.is(source, `${i18n.text(c.source)}\n${i18n.languageStatement("zh").join("\n")}`, `${nameOf(file)}: the import cell`);
          assert.equal({ ...zh.cells[i], source: c.source }, c, `${nameOf(file)} import cell ${c.id}: only its source changes`);
        } else if (c.cell_type === "code") assert.equal(zh.cells[i], c, `${nameOf(file)} code cell ${c.id}`);
        else assert.is(i18n.text(zh.cells[i].source), i18n.readTranslation("zh", nameOf(file))![c.id]);
      });
    }
    assert.equal(readdirSync(out).length, notebooks.length);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test("the language statement: appended with its import, or without it when setLanguage is imported, or the language of a call replaced", () => {
  assert.equal(i18n.languageStatement("zh"), ["// 中文版（npm run translate 生成）：输出使用中文", 'import { setLanguage } from "mle-course";', 'setLanguage("zh");']);
  assert.is(i18n.setLanguageIn('import { a } from "b";\n', "zh"), `import { a } from "b";\n${i18n.languageStatement("zh").join("\n")}`);
  assert.is(
    i18n.setLanguageIn('import { a, setLanguage } from "notebook-kit";', "zh"),
    'import { a, setLanguage } from "notebook-kit";\n// 中文版（npm run translate 生成）：输出使用中文\nsetLanguage("zh");',
  );
  assert.is(i18n.setLanguageIn('import { setLanguage } from "mle-course";\nsetLanguage("en");', "zh"), 'import { setLanguage } from "mle-course";\nsetLanguage("zh");');
});

test("the maths extractor finds inline and display maths and ignores code fences", () => {
  assert.equal(maths("a $x^2$ and $$\\sum_i p_i$$ b\n```\n$not$\n```"), ["$$\\sum_i p_i$$", "$x^2$"]);
  assert.equal(headings("# A\ntext\n## B\n```\n# not\n```"), [1, 2]);
});

test.run();
