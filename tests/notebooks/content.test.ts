// Content test of the notebooks (issue 5): each committed notebook has its required sections
// (found by heading), enough plots and assertions, an H1 + subtitle + one import cell first,
// 2–4 exercises with hidden worked solutions checked by the library's `checkAnswer`, no inline
// randomness, and 00-start-here links every other notebook.
//
// To add a notebook: add one row to NOTEBOOKS below. `sections` are matched case-insensitively
// against the notebook's Markdown headings (a string matches when some heading contains it;
// a RegExp when it matches some heading).
import fs from "fs";
import path from "path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allSets, exerciseIds } from "../../notebooks/course/src/exercises/registry";

interface NotebookExpectation {
  /** File name without `.ipynb`. */
  readonly name: string;
  /** Headings that must exist (the sections the issue asks for). */
  readonly sections: readonly (string | RegExp)[];
  /** Minimum number of `show(` calls (plots); never below 2. */
  readonly minPlots: number;
  /** Minimum number of assertion calls (`assert(`, `assert.ok(`, `assert.equal(`, …). */
  readonly minAssertions: number;
}

/** The seven notebooks after the introduction, as 00-start-here must link them. */
const CHAIN = [
  "01-iid-and-the-empirical-distribution",
  "02-maximum-likelihood",
  "03-self-information-and-entropy",
  "04-kl-divergence-and-cross-entropy",
  "05-mle-is-min-kl-is-min-cross-entropy",
  "06-conditional-likelihood-and-loss-functions",
  "07-properties-of-the-mle",
  "08-map-and-regularisation",
];

/** One row per notebook. */
const NOTEBOOKS: readonly NotebookExpectation[] = [
  {
    name: "00-start-here",
    sections: [
      "The chain",
      "The chain on one small dataset",
      "A continuous model",
      "How to run",
      "Notation",
      "Glossary",
      "Exercises",
    ],
    minPlots: 2,
    minAssertions: 15,
  },
  {
    name: "01-iid-and-the-empirical-distribution",
    sections: [
      "data-generating distribution",
      "i.i.d. sample",
      "empirical distribution",
      "Repeated values",
      "The open question",
      "Uniform over the support",
      "What it means for maximum likelihood",
      "Sampling from",
      "all values distinct",
      "The answer in one paragraph",
      "as $m$ grows",
      "How fast",
      "Exercises",
    ],
    minPlots: 4,
    minAssertions: 23,
  },
  {
    name: "02-maximum-likelihood",
    sections: [
      "model family",
      "likelihood is a product",
      "Underflow",
      "Bernoulli coin",
      "Poisson: Prussian horse-kick",
      "Gaussian: Adélie penguin",
      "Closed form against numeric MLE",
      "Contour of the Gaussian log-likelihood",
      "Exercises",
    ],
    minPlots: 7,
    minAssertions: 27,
  },
  {
    name: "03-self-information-and-entropy",
    sections: [
      "Self-information",
      "Nats and bits",
      "Shannon entropy",
      "Binary entropy",
      "uniform distribution maximises entropy",
      "The coding picture",
      "Seattle weather",
      "Differential entropy of a Gaussian",
      "Exercises",
    ],
    minPlots: 6,
    minAssertions: 39,
  },
  {
    name: "04-kl-divergence-and-cross-entropy",
    sections: [
      "definition of KL divergence",
      "Gibbs' inequality",
      "Asymmetry",
      "H(P, Q) = H(P) + KL(P‖Q)",
      "The coding picture",
      "Exercises",
    ],
    minPlots: 3,
    minAssertions: 29,
  },
  {
    name: "05-mle-is-min-kl-is-min-cross-entropy",
    sections: [
      "Step 1: maximise the likelihood",
      "Step 2: maximise the sum of logs",
      "Step 3: maximise the average",
      "Step 4: maximise an expectation",
      "Step 5: minimise the cross-entropy",
      "Step 6: minimise KL",
      "Step 7: minimise the negative log-likelihood",
      "Three curves, one minimiser",
      "Move θ yourself",
      "The continuous case",
      "Sampling from p̂_data",
      "Exercises",
    ],
    minPlots: 4,
    minAssertions: 33,
  },
  {
    name: "06-conditional-likelihood-and-loss-functions",
    sections: [
      "Conditional maximum likelihood",
      "Gaussian conditional likelihood gives MSE",
      "Bernoulli conditional likelihood gives binary cross-entropy",
      "Softmax and categorical cross-entropy from logits",
      "Why log-space matters",
      "Training curves",
      "When the MLE does not exist: separable classes",
      "Exercises",
    ],
    minPlots: 6,
    minAssertions: 55,
  },
  {
    name: "07-properties-of-the-mle",
    sections: [
      "Consistency",
      "Bias",
      "Efficiency",
      "Cramér–Rao",
      "What asymptotic efficiency does not promise",
      "Asymptotic normality",
      "misspecification",
      "When the MLE does not exist: a Gaussian mixture",
      "Exercises",
    ],
    minPlots: 5,
    minAssertions: 45,
  },
  {
    name: "08-map-and-regularisation",
    sections: [
      "Three heads out of three",
      "MAP: add the log prior",
      "The posterior against the likelihood and the prior",
      "When the closed form holds",
      "Move the prior's strength yourself",
      "MAP depends on the parametrisation",
      "A Gaussian prior on the weights is weight decay",
      "The fit path as the prior tightens",
      "Exercises",
    ],
    minPlots: 4,
    minAssertions: 43,
  },
];

const DIR = path.join(__dirname, "..", "..", "notebooks");

interface Cell {
  cell_type: string;
  source: string | string[];
  metadata?: { jupyter?: { source_hidden?: boolean } };
}

const text = (c: Cell): string => (Array.isArray(c.source) ? c.source.join("") : c.source);
const load = (name: string): Cell[] =>
  JSON.parse(fs.readFileSync(path.join(DIR, `${name}.ipynb`), "utf8")).cells;
const headings = (cells: Cell[]): string[] =>
  cells
    .filter((c) => c.cell_type === "markdown")
    .flatMap((c) =>
      text(c)
        .split("\n")
        .filter((l) => /^#{1,6}\s/.test(l))
        .map((l) => l.replace(/^#+\s*/, "")),
    );
const code = (cells: Cell[]): Cell[] => cells.filter((c) => c.cell_type === "code");
const hidden = (c: Cell): boolean => c.metadata?.jupyter?.source_hidden === true;
const count = (s: string, re: RegExp): number => (s.match(re) ?? []).length;
/** Code with comments and string contents blanked, so counts see calls, not prose. */
const stripComments = (s: string): string =>
  s.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

test("every notebook in notebooks/ has a row in the content table", () => {
  const files = fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith(".ipynb"))
    .map((f) => f.replace(/\.ipynb$/, ""));
  const rows = new Set(NOTEBOOKS.map((r) => r.name));
  const missing = files.filter((f) => !rows.has(f));
  assert.equal(
    missing,
    [],
    `add a row to NOTEBOOKS in tests/notebooks/content.test.ts for: ${missing.join(", ")}`,
  );
});

for (const row of NOTEBOOKS) {
  const exists = fs.existsSync(path.join(DIR, `${row.name}.ipynb`));

  test(`${row.name}: exists`, () => {
    assert.ok(exists, `notebooks/${row.name}.ipynb is missing`);
  });
  if (!exists) continue;
  const cells = load(row.name);
  const heads = headings(cells);
  const codeCells = code(cells);
  const allCode = codeCells.map((c) => stripComments(text(c))).join("\n");

  test(`${row.name}: opens with an H1 title and a one-line subtitle`, () => {
    assert.is(cells[0].cell_type, "markdown");
    const lines = text(cells[0])
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    assert.match(lines[0], /^# \S/, "first line is an H1");
    assert.ok(lines.length >= 2 && !lines[1].startsWith("#"), "a subtitle line follows the title");
  });

  test(`${row.name}: the first code cell is the only import cell and imports the library by package name`, () => {
    assert.is(cells[1].cell_type, "code", "the cell after the title is code");
    const first = stripComments(text(cells[1]));
    assert.match(first, /from\s+["']mlekit["']/);
    const rest = first
      .replace(/import\s[\s\S]*?from\s*["'][^"']+["'];?/g, "")
      .replace(/import\s*["'][^"']+["'];?/g, "");
    assert.is(rest.trim(), "", "the import cell holds imports only");
    codeCells.slice(1).forEach((c, i) => {
      assert.not.match(
        stripComments(text(c)),
        /^\s*import\s|\brequire\(/m,
        `code cell ${i + 2} imports something`,
      );
    });
    assert.not.match(
      allCode,
      /from\s+["']\.\.?\//,
      "no relative imports: the library is imported by package name",
    );
  });

  test(`${row.name}: has the required sections`, () => {
    for (const s of row.sections) {
      const found = heads.some((h) =>
        typeof s === "string" ? h.toLowerCase().includes(s.toLowerCase()) : s.test(h),
      );
      assert.ok(found, `no heading matches ${String(s)}; headings are:\n  ${heads.join("\n  ")}`);
    }
  });

  test(`${row.name}: has at least ${Math.max(2, row.minPlots)} plots and ${row.minAssertions} assertions`, () => {
    const plots = count(allCode, /(^|[^\w.])show\(/gm);
    const asserts = count(allCode, /\bassert(\.\w+)?\(/g);
    assert.ok(plots >= Math.max(2, row.minPlots), `${plots} show( calls`);
    assert.ok(asserts >= row.minAssertions, `${asserts} assertions`);
  });

  test(`${row.name}: randomness is seeded (createRng), never Math.random`, () => {
    assert.not.match(allCode, /Math\.random\(/);
  });

  test(`${row.name}: defines no estimator or information-theory function inline`, () => {
    // A code exercise is the exception: the student's cell (a stub marked "← your code") and its
    // hidden worked solution define the function the exercise asks for.
    const exerciseCell = (c: Cell): boolean => hidden(c) || text(c).includes("← your code");
    const ownCode = codeCells
      .filter((c) => !exerciseCell(c))
      .map((c) => stripComments(text(c)))
      .join("\n");
    assert.not.match(
      ownCode,
      /\bfunction\s+\w*(entropy|likelihood|divergence|kl|fit|mle|surprisal|information)\w*\s*\(/i,
    );
    assert.not.match(
      ownCode,
      /\b(const|let)\s+\w*(entropy|likelihood|divergence|fit|surprisal)\w*\s*=\s*(\([^)]*\)|\w+)\s*=>/i,
    );
  });

  test(`${row.name}: has 2–4 exercises, each with a hidden worked solution that checkAnswer accepts`, () => {
    const exercises = heads.filter((h) => /^Exercise\b/i.test(h));
    assert.ok(
      exercises.length >= 2 && exercises.length <= 4,
      `${exercises.length} exercise headings ("### Exercise …")`,
    );
    const solutions = codeCells.filter(hidden);
    assert.is(solutions.length, exercises.length, "one hidden solution cell per exercise");
    const nn = row.name.slice(0, 2);
    const registered = allSets().find((s) => s.notebook === row.name);
    assert.ok(
      registered,
      `no exercise set for ${row.name} in notebooks/course/src/exercises/registry.ts`,
    );
    const want = registered!.exercises.map((e) => e.id);
    const known = new Set(exerciseIds());
    const solved = solutions.map((c) => {
      const src = text(c);
      const m = /checkAnswer\(\s*["'](\d\d\.\d+)["']/.exec(src);
      assert.ok(m, 'a hidden solution calls checkAnswer("NN.k", …)');
      assert.match(
        src,
        /assert(\.ok)?\(\s*checkAnswer\(/,
        "a hidden solution asserts that checkAnswer accepts it",
      );
      assert.ok(known.has(m![1]), `exercise id ${m![1]} is not registered`);
      assert.ok(m![1].startsWith(`${nn}.`), `exercise id ${m![1]} belongs to another notebook`);
      return m![1];
    });
    assert.equal(solved, want, "the hidden solutions solve the registered exercises, in order");
  });
}

test("00-start-here links every other notebook", () => {
  const md = load("00-start-here")
    .filter((c) => c.cell_type === "markdown")
    .map(text)
    .join("\n");
  for (const name of CHAIN)
    assert.ok(md.includes(`](${name}.ipynb)`), `no Markdown link to ${name}.ipynb`);
});

test.run();
