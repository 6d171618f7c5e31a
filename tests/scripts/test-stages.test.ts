// npm test runs every browser-test file exactly once: each tests/browser/*.test.ts is matched by
// one and only one of the uvu patterns scripts/test.ts starts (scripts/test-stages.ts), no
// pattern is dead, and no helper module (chromium.ts, expected.ts, …) is run as a test file.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, statSync } from "fs";
import { join } from "path";
import { parse } from "uvu/parse";
import { BROWSER_STAGES, UNIT_IGNORE, UNIT_PATTERN } from "../../scripts/test-stages";

const DIR = join(__dirname, "..", "browser");

/** Files under `dir` as uvu names them: paths relative to it. */
function files(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f);
    return statSync(full).isDirectory() ? files(full, `${prefix}${f}/`) : [`${prefix}${f}`];
  });
}

// uvu builds its pattern as new RegExp(pattern, "i") and tests it on these relative names.
const matching = (name: string) =>
  BROWSER_STAGES.filter(({ pattern }) => new RegExp(pattern, "i").test(name)).map((s) => s.stage);
const all = files(DIR);
const testFiles = all.filter((f) => f.endsWith(".test.ts"));

test("tests/browser holds the browser-test files (the front ends, the readers' and live-notes' checks)", () => {
  for (const f of ["jupyterlab.test.ts", "readers.test.ts", "live-notes.test.ts"])
    assert.ok(testFiles.includes(f), `${f} not found in ${DIR}`);
});

test("every browser-test file is run by exactly one stage of npm test", () => {
  const wrong = testFiles
    .map((f) => ({ f, stages: matching(f) }))
    .filter(({ stages }) => stages.length !== 1)
    .map(({ f, stages }) => `${f}: ${stages.length ? stages.join(" and ") : "no stage"}`);
  assert.equal(wrong, []);
});

test("every stage's pattern runs at least one file, and none runs a helper module as a test file", () => {
  for (const { stage, pattern } of BROWSER_STAGES) {
    const hits = all.filter((f) => new RegExp(pattern, "i").test(f));
    assert.ok(hits.length > 0, `${stage}: ${pattern} matches no file`);
    const helpers = hits.filter((f) => !f.endsWith(".test.ts"));
    assert.equal(helpers, [], `${stage}: ${pattern} matches helper modules`);
  }
});

test("the unit-test run collects every test file under tests/ outside tests/browser/ (uvu's own file walk, with npm test's pattern and ignore)", async () => {
  const TESTS = join(__dirname, "..");
  const expected = files(TESTS)
    .filter((f) => f.endsWith(".test.ts") && !f.startsWith("browser/"))
    .sort();
  const { suites } = await parse(TESTS, UNIT_PATTERN, { ignore: [UNIT_IGNORE] });
  const collected = suites.map((s) => s.name.split("\\").join("/")).sort();
  assert.ok(
    expected.includes("package/browser-bundle.test.ts"),
    "the bundle test is where expected",
  );
  assert.equal(collected, expected);
});

test.run();
