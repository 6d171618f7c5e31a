// The Chinese edition: every markdown cell of every notebook has a translation, and the two
// languages carry the same maths, the same heading structure and the same links. Every code
// comment has a translation (notebooks/i18n/zh/comments/), and no entry there is stale. The
// generated notebooks run the English code: the same tokens on the same lines, only the comment
// text changed, plus the statement that sets the kit's language at the end of the import cell;
// no comment of theirs holds an English word, and a hidden solution opens with the neutral line.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as ts from "typescript";
import { CJK } from "../../notebooks/kit/src/i18n/english";
import { commentRuns, parseCell, tokensOf } from "../../scripts/code-comments";
import * as i18n from "../../scripts/i18n";
import type { Notebook, NotebookCell } from "../../scripts/notebooks";

/** A committed notebook: nbformat 4.5, so every cell has an id (npm test's hygiene step checks it). */
type CommittedNotebook = Omit<Notebook, "cells"> & { cells: (NotebookCell & { id: string })[] };
const read = (file: string): CommittedNotebook =>
  JSON.parse(readFileSync(file, "utf8")) as CommittedNotebook;
const nameOf = (file: string) => file.replace(/^.*[\\/]/, "").replace(/\.ipynb$/, "");

/** Text outside fenced code blocks. */
const prose = (md: string) => md.replace(/```[\s\S]*?```/g, "");
/** Every $$…$$ and $…$ expression, sorted: the maths a cell carries. */
function maths(md: string): string[] {
  const s = prose(md);
  const display = [...s.matchAll(/\$\$([\s\S]+?)\$\$/g)].map((m) => `$$${m[1].trim()}$$`);
  const rest = s.replace(/\$\$[\s\S]+?\$\$/g, " ");
  const inline = [...rest.matchAll(/(?<![\\$])\$(?!\s)([^$\n]+?)(?<![\s\\])\$/g)].map(
    (m) => `$${m[1]}$`,
  );
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
    const ids = read(file)
      .cells.filter((c) => c.cell_type === "markdown")
      .map((c) => c.id);
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
        assert.ok(
          /[\u4e00-\u9fff]/.test(stripped),
          `${name} cell ${cell.id}: the translation has no Chinese text`,
        );
      }
    }
  });
}

/** The generated notebooks, built once into a temporary folder (removed after the last test). */
let built: string | undefined;
function generated(): string {
  if (built) return built;
  const out = mkdtempSync(join(tmpdir(), "zh-notebooks-"));
  const { written } = i18n.buildTranslations({ outDir: out, quiet: true });
  assert.is(written.length, notebooks.length);
  built = out;
  return out;
}
test.after(() => {
  if (built) rmSync(built, { recursive: true, force: true });
});

/** The code's tokens, comments and spacing left out, each with its line: what runs, and where. */
function tokenLines(source: string): string[] {
  const sf = parseCell(source);
  return tokensOf(sf).map(
    (t) =>
      `${sf.getLineAndCharacterOfPosition(t.getStart(sf)).line + 1}: ${ts.SyntaxKind[t.kind]} ${t.getText(sf)}`,
  );
}
/** Columns a line takes in a monospaced font: East Asian wide characters take two. */
const columns = (line: string) =>
  [...line].reduce(
    (n, ch) =>
      n +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1),
    0,
  );
/** The neutral first line of a hidden worked solution, in each language (hidden-solutions.test.ts checks the English). */
const NEUTRAL = { en: "// Worked solution (expand to read)", zh: "// 参考解答（展开阅读）" };

test("the generated Chinese notebooks: the English cells, markdown translated, code cells the same but for their comment text and the language statement", () => {
  const out = generated();
  for (const file of notebooks) {
    const name = nameOf(file);
    const en = read(file);
    const zh = read(join(out, `${name}.ipynb`));
    assert.is(zh.cells.length, en.cells.length);
    const importCell = en.cells.findIndex((c) => c.cell_type === "code");
    en.cells.forEach((c, i) => {
      const z = zh.cells[i];
      assert.is(z.id, c.id);
      if (c.cell_type !== "code") {
        assert.is(i18n.text(z.source), i18n.readTranslation("zh", name)![c.id]);
        return;
      }
      assert.equal(
        { ...z, source: c.source },
        c,
        `${name} code cell ${c.id}: only its source changes`,
      );
      const english = i18n.text(c.source);
      const expected =
        i === importCell ? `${english}\n${i18n.languageStatement("zh").join("\n")}` : english;
      const source = i18n.text(z.source);
      assert.equal(
        tokenLines(source),
        tokenLines(expected),
        `${name} code cell ${c.id}: the code (tokens and their lines) differs from the English`,
      );
      assert.is(
        source.split("\n").length,
        expected.split("\n").length,
        `${name} code cell ${c.id}: the line count differs`,
      );
      if (i === importCell)
        assert.ok(
          source.endsWith(i18n.languageStatement("zh").join("\n")),
          `${name}: the import cell ends by setting the language`,
        );
    });
  }
  assert.equal(readdirSync(out).length, notebooks.length);
});

for (const file of notebooks) {
  const name = nameOf(file);
  const where = `notebooks/i18n/zh/comments/${name}.json`;

  test(`${name}: every English code comment has its Chinese in ${where}, and every entry there is used`, () => {
    const t = i18n.translateNotebook(
      read(file),
      i18n.readTranslation("zh", name) ?? {},
      "zh",
      i18n.readCommentTranslation("zh", name),
    );
    const problems = i18n.commentProblems(name, "zh", t);
    assert.equal(problems, [], `\n  ${problems.join("\n  ")}\n`);
  });

  test(`${name}: each comment translation keeps the numbers and the code of its English, in Chinese`, () => {
    const table = i18n.readCommentTranslation("zh", name);
    const digits = (s: string) => (s.match(/[0-9]+/g) ?? []).sort();
    const code = (s: string) => (s.match(/`[^`]+`/g) ?? []).sort();
    for (const [en, zh] of Object.entries(table)) {
      assert.equal(digits(zh), digits(en), `${where}: «${en}» → «${zh}»: the numbers differ`);
      for (const c of code(en))
        assert.ok(zh.includes(c), `${where}: «${en}» → «${zh}»: ${c} is missing`);
      assert.ok(CJK.test(zh), `${where}: «${en}» → «${zh}» is not Chinese`);
    }
  });

  test(`${name} (zh): no code comment holds an English word a reader sees, hidden solutions open with the neutral line, and no line is wider than 100 columns where the English is not`, () => {
    const zh = read(join(generated(), `${name}.ipynb`));
    const en = read(file);
    const english: string[] = [];
    zh.cells.forEach((c, i) => {
      if (c.cell_type !== "code") return;
      const source = i18n.text(c.source);
      for (const line of commentRuns(source).flat()) {
        if (i18n.needsCommentTranslation(line.text))
          english.push(`cell ${c.id}, line ${line.line + 1}: «${line.text}»`);
      }
      if (c.metadata?.jupyter?.source_hidden === true) {
        assert.is(i18n.text(en.cells[i].source).split("\n")[0], NEUTRAL.en);
        assert.is(source.split("\n")[0], NEUTRAL.zh, `${name} hidden cell ${c.id}: its first line`);
      }
      const englishLines = i18n.text(en.cells[i].source).split("\n");
      source.split("\n").forEach((l, k) => {
        const limit = Math.max(100, englishLines[k]?.length ?? 0);
        assert.ok(
          columns(l) <= limit,
          `${name} cell ${c.id} line ${k + 1}: ${columns(l)} columns: ${l}`,
        );
      });
    });
    assert.equal(
      english,
      [],
      `${name}: comments a Chinese reader sees in English:\n  ${english.join("\n  ")}\n`,
    );
  });
}

test("the English-word rule for comments: words need a translation; notation, numbers and code in backticks do not", () => {
  assert.ok(i18n.needsCommentTranslation("step 0.005"));
  assert.ok(i18n.needsCommentTranslation("← your answer"));
  assert.ok(i18n.needsCommentTranslation("3.8414…: scipy.stats.chi2.ppf(0.95, 1)"));
  assert.not.ok(i18n.needsCommentTranslation("θ_ML = 1: z_ML = +∞"));
  assert.not.ok(i18n.needsCommentTranslation("(1/m) Σ_i f(x⁽ⁱ⁾)"));
  assert.not.ok(i18n.needsCommentTranslation("3.8414…：由 `scipy.stats.chi2.ppf(0.95, 1)` 算出"));
  assert.not.ok(i18n.needsCommentTranslation("分对数 logit 的网格"));
});

test("a changed English comment is reported as missing, naming the notebook, the cell and the comment, and its old entry as stale", () => {
  const nb = {
    cells: [
      {
        cell_type: "code",
        id: "c1",
        metadata: {},
        source: "x(); // the new wording\ny(); // θ_ML\n",
        outputs: [],
        execution_count: null,
      },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  } as unknown as Notebook;
  const t = i18n.translateNotebook(nb, {}, "zh", { "the old wording": "旧的说法" });
  assert.equal(t.missingComments, [{ cellId: "c1", line: 1, text: "the new wording" }]);
  assert.equal(t.unusedComments, ["the old wording"]);
  assert.equal(i18n.commentProblems("09-x", "zh", t), [
    "09-x: cell c1, line 1: comment without a translation in notebooks/i18n/zh/comments/09-x.json: «the new wording»",
    "09-x: notebooks/i18n/zh/comments/09-x.json translates a comment the notebook no longer has (stale): «the old wording»",
  ]);
  assert.is(i18n.text(t.notebook.cells[0].source), "x(); // the new wording\ny(); // θ_ML\n");
});

test("the language statement: appended with its import, or without it when setLanguage is imported, or the language of a call replaced", () => {
  assert.equal(i18n.languageStatement("zh"), [
    "// 中文版（由 `npm run translate` 生成）：输出使用中文",
    'import { setLanguage } from "mle-course";',
    'setLanguage("zh");',
  ]);
  assert.is(
    i18n.setLanguageIn('import { a } from "b";\n', "zh"),
    `import { a } from "b";\n${i18n.languageStatement("zh").join("\n")}`,
  );
  assert.is(
    i18n.setLanguageIn('import { a, setLanguage } from "notebook-kit";', "zh"),
    'import { a, setLanguage } from "notebook-kit";\n// 中文版（由 `npm run translate` 生成）：输出使用中文\nsetLanguage("zh");',
  );
  assert.is(
    i18n.setLanguageIn('import { setLanguage } from "mle-course";\nsetLanguage("en");', "zh"),
    'import { setLanguage } from "mle-course";\nsetLanguage("zh");',
  );
});

test("the maths extractor finds inline and display maths and ignores code fences", () => {
  assert.equal(maths("a $x^2$ and $$\\sum_i p_i$$ b\n```\n$not$\n```"), [
    "$$\\sum_i p_i$$",
    "$x^2$",
  ]);
  assert.equal(headings("# A\ntext\n## B\n```\n# not\n```"), [1, 2]);
});

test.run();
