// `npm run mutation -- --breaks [name ...]`: issue 22's hand-made breaks, applied one at a time
// in a scratch copy of this tree, each followed by the tests that must notice it. Not part of
// `npm test`. Prints, per break, the test files run and the tests that failed; exits 1 when a
// break fails no test, or when a test already fails on the unbroken copy (the control).
//
// The audit behind issue 22 broke the code on purpose 14 times; 9 of the breaks survived every
// test. Those 9 are written here as text replacements, so anyone can re-apply them: a
// replacement whose original text is no longer found exactly once stops the run (the code
// moved; update the break, do not skip it).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const ROOT = path.resolve(__dirname, "..");

/** One break: replacements in one file, and the test files (relative to tests/) that must fail. */
export interface Break {
  name: string;
  /** What the break does, as issue 22 words it. */
  what: string;
  file: string;
  edits: { from: string; to: string }[];
  /** Test folders or files (`*.test.ts`), relative to tests/; every test file of a folder runs. */
  tests: string[];
}

export const BREAKS: Break[] = [
  {
    name: "entropy-compensation",
    what: "entropy: the compensated sum of block sums dropped (block sums added plainly)",
    file: "lib/src/information/entropy.ts",
    edits: [
      {
        from: "  SUM = sHi - sHi === 0 ? sHi + sLo : sHi;\n  return hHi - hHi === 0 ? hHi + hLo : hHi;",
        to: "  SUM = sHi;\n  return hHi;",
      },
    ],
    tests: ["information"],
  },
  {
    name: "logsumexp-compensation",
    what: "logSumExp: the compensated sum dropped (the correction term c ignored)",
    file: "lib/src/information/log-sum-exp.ts",
    edits: [{ from: "  return s - 1 + c;\n}", to: "  return s - 1;\n}" }],
    tests: ["information"],
  },
  {
    name: "binary-entropy-log1p",
    what: "binaryEntropy: log1p(-θ) replaced by log(1 - θ)",
    file: "lib/src/information/binary-entropy.ts",
    edits: [{ from: "Math.log1p(-theta)", to: "Math.log(1 - theta)" }],
    tests: ["information"],
  },
  {
    name: "bce-logit-tail",
    what: "binaryCrossEntropyFromLogit: the log1p(exp(-|z|)) term dropped for |z| > 36",
    file: "lib/src/information/binary-cross-entropy-from-logit.ts",
    edits: [
      {
        from: "const tail = Math.log1p(Math.exp(-Math.abs(z)));",
        to: "const tail = Math.abs(z) > 36 ? 0 : Math.log1p(Math.exp(-Math.abs(z)));",
      },
    ],
    tests: ["information"],
  },
  {
    name: "bce-logit-soft-label",
    what: "binaryCrossEntropyFromLogit: a soft label at z = -Infinity returns 0 (only y = 1 gives Infinity)",
    file: "lib/src/information/binary-cross-entropy-from-logit.ts",
    edits: [
      {
        from: "if (z === -Infinity) return y === 0 ? 0 : Infinity;",
        to: "if (z === -Infinity) return y === 1 ? Infinity : 0;",
      },
    ],
    tests: ["information"],
  },
  {
    name: "choice-inner-space",
    what: "answer checker: the inner-space rule of a choice dropped (runs of spaces inside an answer no longer collapse)",
    file: "notebooks/kit/src/exercises/expect-choice.ts",
    edits: [
      {
        from: 'return String(x).trim().toLowerCase().replace(/\\s+/g, " ");',
        to: "return String(x).trim().toLowerCase();",
      },
    ],
    tests: ["kit/exercises", "course/exercises"],
  },
  {
    name: "undefined-no-answer",
    what: 'answer checker: `undefined` no longer taken as "no answer yet" (only null is)',
    file: "notebooks/kit/src/exercises/check-answer.ts",
    edits: [{ from: "if (value === undefined || value === null) {", to: "if (value === null) {" }],
    tests: ["kit/exercises", "course/exercises"],
  },
  {
    name: "plain-text-escaping",
    what: "exporter: a text/plain output written into the HTML page without escaping",
    file: "scripts/export/html.ts",
    edits: [
      {
        from: "return { html: `<pre>${escapeHtml(stripAnsi(text(data[mime])))}</pre>`, plot: false };",
        to: "return { html: `<pre>${stripAnsi(text(data[mime]))}</pre>`, plot: false };",
      },
    ],
    tests: ["export/html-escaping.test.ts", "export/html.test.ts", "export/notebook.test.ts"],
  },
  {
    name: "heading-ids",
    what: "exporter: headings written without their ids",
    file: "scripts/export/math.ts",
    edits: [
      {
        from: 'return id ? `<h${level} id="${id}">${inner}</h${level}>` : `<h${level}>${inner}</h${level}>`;',
        to: "return `<h${level}>${inner}</h${level}>`;",
      },
    ],
    tests: ["export/math.test.ts", "export/html.test.ts", "export/markdown.test.ts"],
  },
];

/** The tracked and new (not ignored) files of this tree, copied into a scratch folder, with node_modules and .venv linked. */
function scratchCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutation-breaks-"));
  const list = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (list.status !== 0) throw new Error(`mutation --breaks: git ls-files failed: ${list.stderr}`);
  for (const f of list.stdout.split("\0").filter(Boolean)) {
    const src = path.join(ROOT, f);
    if (!fs.existsSync(src) || !fs.statSync(src).isFile()) continue; // deleted in the work tree
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.copyFileSync(src, path.join(dir, f));
  }
  for (const link of ["node_modules", ".venv"])
    if (fs.existsSync(path.join(ROOT, link)))
      fs.symlinkSync(path.join(ROOT, link), path.join(dir, link), "dir");
  // The workspaces' own node_modules (their dependencies, if any are not hoisted).
  for (const ws of ["lib", "notebooks/kit", "notebooks/course"]) {
    const nm = path.join(ROOT, ws, "node_modules");
    if (fs.existsSync(nm) && !fs.existsSync(path.join(dir, ws, "node_modules")))
      fs.symlinkSync(nm, path.join(dir, ws, "node_modules"), "dir");
  }
  return dir;
}

/** Runs the test files of `folders` (relative to tests/) in `dir` with uvu; returns the failing tests and the seconds. */
function runTests(
  dir: string,
  folders: string[],
): { failed: string[]; passed: number; seconds: number; output: string } {
  const failed: string[] = [];
  let passed = 0;
  let output = "";
  const t0 = Date.now();
  for (const entry of folders) {
    // Every test file of the folder (or the one file), each in its own process (one file's failure cannot hide another's).
    const isFile = entry.endsWith(".test.ts");
    const folder = isFile ? path.posix.dirname(entry) : entry;
    const files = isFile
      ? [path.posix.basename(entry)]
      : fs
          .readdirSync(path.join(dir, "tests", folder), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith(".test.ts"))
          .sort();
    for (const f of files) {
      const r = spawnSync(
        process.execPath,
        [
          "node_modules/uvu/bin.js",
          `tests/${folder}`,
          `^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`,
          "-r",
          path.join(dir, "mutation", "register.js"),
        ],
        {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" },
          maxBuffer: 1 << 28,
        },
      );
      // eslint-disable-next-line no-control-regex
      const out = `${r.stdout}\n${r.stderr}`.replace(/\u001b\[[0-9;]*m/g, "");
      output += out;
      // uvu prints `FAIL  "<test title>"` (with the suite's name before it, if it has one) for each failing test, and "Passed: N".
      for (const m of out.matchAll(/^\s*FAIL\s+(?:(\S[^"\n]*?)\s+)?"(.+)"\s*$/gm))
        failed.push(`tests/${folder}/${f}: ${m[1] ? `${m[1]} › ` : ""}${m[2]}`);
      const p = /Passed:\s+(\d+)/.exec(out);
      if (p) passed += +p[1];
      if (r.status !== 0 && !failed.some((x) => x.startsWith(`tests/${folder}/${f}:`)))
        failed.push(
          `tests/${folder}/${f}: (exit ${r.status}, no test named: ${out.trim().split("\n").slice(-3).join(" | ")})`,
        );
    }
  }
  return { failed, passed, seconds: (Date.now() - t0) / 1000, output };
}

export function runBreaks(names: string[]): number {
  const unknown = names.filter((n) => !BREAKS.some((b) => b.name === n));
  if (unknown.length)
    throw new Error(
      `mutation --breaks: unknown break ${unknown.join(", ")} (breaks: ${BREAKS.map((b) => b.name).join(", ")})`,
    );
  const breaks = names.length ? BREAKS.filter((b) => names.includes(b.name)) : BREAKS;
  const dir = scratchCopy();
  console.log(`scratch copy: ${dir}`);
  let bad = 0;
  try {
    // The control: every folder a break names passes on the unbroken copy, so a failure below is the break's.
    const folders = [...new Set(breaks.flatMap((b) => b.tests))];
    const control = runTests(dir, folders);
    console.log(
      `control (unbroken): ${control.passed} passed, ${control.failed.length} failed in tests/{${folders.join(",")}} (${control.seconds.toFixed(0)} s)`,
    );
    if (control.failed.length) {
      for (const f of control.failed) console.log(`  FAILS UNBROKEN: ${f}`);
      return 1;
    }
    const rows: string[] = [];
    for (const b of breaks) {
      const file = path.join(dir, b.file);
      const original = fs.readFileSync(file, "utf8");
      let broken = original;
      for (const e of b.edits) {
        const count = broken.split(e.from).length - 1;
        if (count !== 1)
          throw new Error(
            `mutation --breaks: ${b.name}: the text to replace is found ${count} times in ${b.file} (the code moved; update the break): ${JSON.stringify(e.from)}`,
          );
        broken = broken.replace(e.from, () => e.to);
      }
      fs.writeFileSync(file, broken);
      try {
        const r = runTests(dir, b.tests);
        console.log(
          `\n${b.name}: ${b.what}\n  ${b.file}; tests/{${b.tests.join(",")}}: ${r.failed.length} failing, ${r.passed} passing (${r.seconds.toFixed(0)} s)`,
        );
        for (const f of r.failed) console.log(`  fails: ${f}`);
        if (r.failed.length === 0) {
          console.log("  SURVIVED: no test failed");
          bad++;
        }
        rows.push(
          `| \`${b.name}\` | ${b.what.replace(/\|/g, "\\|")} | ${r.failed.length ? r.failed.map((f) => f.replace(/^(\S+): (.*)$/, "`$1`: $2").replace(/\|/g, "\\|")).join("<br>") : "**none: survived**"} |`,
        );
      } finally {
        fs.writeFileSync(file, original);
      }
    }
    console.log(`\n| break | what | tests that fail |\n| --- | --- | --- |\n${rows.join("\n")}`);
    console.log(`\n${breaks.length - bad} of ${breaks.length} breaks fail a test`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return bad ? 1 : 0;
}
