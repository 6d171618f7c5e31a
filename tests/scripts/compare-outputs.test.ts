// scripts/compare-outputs.ts (the kernel comparison of npm test) and joinCells of
// scripts/deno-check.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { closeRelative, outputDifferences, textDifference, type Comparable } from "../../scripts/compare-outputs";
import { joinCells } from "../../scripts/deno-check";

test("closeRelative: one ulp apart agrees at 1e-12; 1e-9 relative apart does not; NaN and infinities only equal themselves", () => {
  assert.ok(closeRelative(0.1 + 0.2, 0.3, 1e-12));
  assert.ok(closeRelative(-3.083104049324683e-90, -3.0831040493246833e-90, 1e-12));
  assert.not.ok(closeRelative(1, 1 + 1e-9, 1e-12));
  assert.not.ok(closeRelative(1e-300, 2e-300, 1e-12), "tiny numbers compare relatively, not absolutely");
  assert.ok(closeRelative(Infinity, Infinity, 1e-12));
  assert.not.ok(closeRelative(Infinity, 1e308, 1e-12));
  assert.not.ok(closeRelative(NaN, NaN, 1e-12));
});

test("textDifference reads numbers as JavaScript prints them: a last-ulp change and a shorter print of the same double agree", () => {
  assert.is(textDifference("θ = 0.6100000000000001, L = 3.083104049324683e-90", "θ = 0.61, L = 3.0831040493246833e-90"), undefined);
  assert.is(textDifference("[1, 2, -3.5]\n", "[1, 2, -3.5]\n"), undefined);
});

test("textDifference names the first difference: a moved digit, other words, a missing number", () => {
  assert.is(textDifference("p = 0.31", "p = 0.3"), "0.31 vs 0.3");
  assert.is(textDifference("p = 0.3", "q = 0.3"), 'text "p = " vs "q = "');
  assert.match(textDifference("a 1 b 2", "a 1 b") ?? "", /^2 vs 1 numbers/);
  assert.is(textDifference("1e-12", "1e-11"), "1e-12 vs 1e-11");
});

test("outputDifferences: same outputs give none; a different count, field or number is located by cell and output", () => {
  const a: Comparable[][] = [[{ stream: "stdout", text: "x = 0.30000000000000004\n" }], [{ plain: "1", traces: '[{"y":[0.1,0.2]}]' }]];
  const same: Comparable[][] = [[{ stream: "stdout", text: "x = 0.3\n" }], [{ plain: "1", traces: '[{"y":[0.1,0.2]}]' }]];
  assert.equal(outputDifferences(a, same), []);
  const moved: Comparable[][] = [[{ stream: "stdout", text: "x = 0.3\n" }], [{ plain: "1", traces: '[{"y":[0.1,0.21]}]' }]];
  assert.equal(outputDifferences(a, moved), [{ cell: 2, output: 1, field: "traces", detail: "0.2 vs 0.21" }]);
  const lost: Comparable[][] = [[], a[1]];
  const d = outputDifferences(a, lost);
  assert.is(d.length, 1);
  assert.equal([d[0].cell, d[0].field], [1, "count"]);
  const extra: Comparable[][] = [a[0], [{ plain: "1", traces: '[{"y":[0.1,0.2]}]', markdown: "| a |" }]];
  assert.equal(outputDifferences(a, extra).map((x) => x.field), ["markdown"]);
});

test("joinCells joins the code cells in order, each after a comment naming it, and maps every line back to its cell", () => {
  const j = joinCells({
    cells: [
      { cell_type: "markdown", id: "m", metadata: {}, source: "# title" },
      { cell_type: "code", id: "a", metadata: {}, outputs: [], execution_count: null, source: ["import { x } from \"y\";\n", "const a = x;\n"] },
      { cell_type: "code", id: "b", metadata: {}, outputs: [], execution_count: null, source: "a + 1" },
    ],
  });
  assert.is(j.source, '// cell 1\nimport { x } from "y";\nconst a = x;\n// cell 2\na + 1\n');
  assert.equal(j.origin, [
    { cell: 1, line: 0 },
    { cell: 1, line: 1 },
    { cell: 1, line: 2 },
    { cell: 2, line: 0 },
    { cell: 2, line: 1 },
  ]);
});

test.run();
