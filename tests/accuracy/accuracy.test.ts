// The domain-wide differential test (issue 18): every exported numeric function of mlekit and every
// distribution method, on the reference cases of tests/fixtures/generate_accuracy.py (mpmath, ≥ 50
// digits, on the exact double inputs), must stay within its documented bound (tests/accuracy/spec.ts).
// The last test checks that lib/README.md's accuracy table is exactly what this run measured.
// The n = 1e6 … 1e7 sweep runs with ACCURACY_FULL=1 (or `npm run accuracy -- --full`).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as lib from "../../lib/src";
import { readCases } from "./cases";
import { measure, type Measurement } from "./measure";
import { SPECS, type Lib } from "./spec";
import { readFullResults, readmeTable, renderTable } from "./table";

const file = readCases("cases.json");
const results: Measurement[] = [];
const FULL = process.env.ACCURACY_FULL === "1";
const big = FULL ? readCases("full.json") : undefined;

test("every function in the reference cases has a spec, and every spec has cases", () => {
  const specified = new Set(SPECS.map((s) => s.name));
  const generated = Object.keys(file.functions);
  assert.equal(
    generated.filter((n) => !specified.has(n)),
    [],
    "cases without a spec",
  );
  assert.equal(
    SPECS.filter((s) => !(file.functions[s.name]?.length > 0)).map((s) => s.name),
    [],
    "specs without cases",
  );
});

for (const spec of SPECS) {
  const unit = spec.metric === "exact" ? "" : ` (${spec.metric} ${spec.bound})`;
  test(`${spec.name} stays within its documented bound${unit} on every reference case`, () => {
    const m = measure(lib as unknown as Lib, spec, file.functions[spec.name] ?? []);
    results.push(m);
    assert.equal(m.thrown, [], `${spec.name} threw`);
    assert.ok(
      m.worst <= spec.bound,
      `${spec.name}: worst error ${m.worst} > bound ${spec.bound} at ${m.worstTag}: ${m.worstCase}`,
    );
  });
  if (big?.functions[spec.name]) {
    test(`${spec.name} stays within its bound on the n = 1e6 … 1e7 sweep`, () => {
      const m = measure(lib as unknown as Lib, spec, big.functions[spec.name]);
      assert.ok(
        m.worst <= spec.bound,
        `${spec.name}: worst error ${m.worst} > bound ${spec.bound} at ${m.worstTag}: ${m.worstCase}`,
      );
    });
  }
}

test("lib/README.md's accuracy table is the one this run measured (npm run accuracy -- --write)", () => {
  assert.is(results.length, SPECS.length, "every function was measured first");
  const expected = renderTable(results, readFullResults());
  assert.fixture(readmeTable() ?? "(no accuracy table in lib/README.md)", expected);
});

test("the committed n = 1e6 … 1e7 sweep results cover the functions of full.json and are within bound", () => {
  const full = readFullResults();
  const names = Object.keys(readCases("full.json").functions).sort();
  assert.equal(full.map((m) => m.name).sort(), names);
  for (const m of full) {
    const spec = SPECS.find((s) => s.name === m.name)!;
    assert.ok(m.worst <= spec.bound, `${m.name}: ${m.worst} > ${spec.bound}`);
  }
});

test.run();
