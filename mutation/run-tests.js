// The command Stryker's command runner runs for the dry run and for every mutant
// (`npm run mutation` writes the plan and the Stryker config; see mutation/README.md).
//
// Stryker puts every mutant of an area into one instrumented copy of the code (mutation
// switching) and selects one by the environment variable __STRYKER_ACTIVE_MUTANT__. The
// command runner reports no coverage, so on its own it would run the area's whole test set
// for every mutant. This script narrows that, soundly: it finds the source file that holds
// the active mutant (the instrumented sources name their mutants' ids), and runs only the
// test files whose imports reach that file (the plan, computed by scripts/mutation.ts from
// the import graph). A test file that does not import a file, directly or through others,
// cannot run its code, so it cannot kill its mutants. The test files run in this process,
// through uvu's own runner, with mutation/register.js loaded first.
//
// Without an active mutant (Stryker's dry run) it runs every test file of the area. If the
// mutant cannot be placed in a file, it also runs them all: slower, never wrong.
"use strict";
const fs = require("fs");
const path = require("path");

const ACTIVE = process.env.__STRYKER_ACTIVE_MUTANT__;
const planFile = process.env.MUTATION_PLAN;
if (!planFile) {
  console.error("mutation/run-tests.js: MUTATION_PLAN is not set (run it through `npm run mutation`)");
  process.exit(2);
}
/** @type {{ area: string, root: string, testRoot: string, allTests: string[], testsByFile: Record<string, string[]> }} */
const plan = JSON.parse(fs.readFileSync(planFile, "utf8"));

// A few tests run the project's Python (.venv/, e.g. to read front matter back with PyYAML).
// Stryker's sandbox is a copy without it (hundreds of MB); a link to the original's serves.
const venv = path.join(plan.root, ".venv");
if (path.resolve(process.cwd()) !== path.resolve(plan.root) && fs.existsSync(venv) && !fs.existsSync(".venv")) {
  try {
    fs.symlinkSync(venv, ".venv", "dir");
  } catch (err) {
    if (err.code !== "EEXIST") throw err;
  }
}

/** The mutated file (relative, with forward slashes) whose instrumented source holds mutant `id`. */
function fileOfMutant(id) {
  const needle = `stryMutAct_9fa48("${id}")`;
  for (const file of Object.keys(plan.testsByFile)) {
    let source;
    try {
      source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
    } catch {
      continue;
    }
    if (source.includes(needle)) return file;
  }
  return undefined;
}

let tests = plan.allTests;
let own;
if (ACTIVE !== undefined) {
  const file = fileOfMutant(ACTIVE);
  if (file === undefined) console.error(`mutation/run-tests.js: mutant ${ACTIVE} found in no planned file; running all ${tests.length} test files`);
  else {
    tests = plan.testsByFile[file];
    own = `${path.basename(file, ".ts")}.test.ts`;
  }
}
if (tests.length === 0) {
  // No test file of the area imports the mutated file: nothing can kill the mutant.
  console.log(`no test of area ${plan.area} reaches the file of mutant ${ACTIVE}`);
  process.exit(0);
}

// The mutated file's own test file first (the likeliest to kill it, and usually the fastest),
// then the others in name order; `bail` stops at the first failing file.
const ordered = [...tests].sort((a, b) => Number(path.basename(b) === own) - Number(path.basename(a) === own) || a.localeCompare(b));
require("./register.js");
// uvu's exit code alone misses a failure: a test that throws something that is not an Error
// (`throw undefined`, a string) makes uvu's report of that failure throw in turn, and its
// runner's `finally` returns "no errors", so uvu exits 0 with fewer tests passed than it ran
// (and skips the rest of that file). The counts it prints tell: Total − Skipped must equal Passed
// (scripts/test.ts counts the same way for `npm test`).
let printed = "";
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  printed += String(chunk);
  return write(chunk, ...rest);
};
process.on("exit", () => {
  const count = (label) => {
    const m = new RegExp(`${label}:\\s+(\\d+)`).exec(printed);
    return m ? Number(m[1]) : undefined;
  };
  const total = count("Total");
  const passed = count("Passed");
  const skipped = count("Skipped") ?? 0;
  if (!process.exitCode && (total === undefined || passed === undefined || total - skipped !== passed)) {
    console.error(`mutation/run-tests.js: uvu exited 0 but passed ${passed} of ${total} tests (${skipped} skipped): a failure`);
    process.exitCode = 1;
  }
});
// uvu's runner decides it runs under its command line from process.argv.
process.argv = [process.execPath, path.join(__dirname, "..", "node_modules", "uvu", "bin.js")];
process.env.FORCE_COLOR = "0";
const suites = ordered.map((t) => ({ name: t, file: path.resolve(plan.testRoot, t) }));
require("uvu/run")
  .run(suites, { bail: true })
  .catch((err) => {
    console.error(err && err.stack ? err.stack : err);
    process.exit(1);
  });
