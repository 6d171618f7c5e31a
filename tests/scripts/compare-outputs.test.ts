// scripts/compare-outputs.ts (the kernel comparison of npm test) and joinCells of
// scripts/deno-check.ts.
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeRelative,
  kernelDifferences,
  kernelNeutral,
  outputDifferences,
  textDifference,
  KNOWN_KERNEL_DIFFERENCES,
  type Comparable,
} from "../../scripts/compare-outputs";
import { joinCells } from "../../scripts/deno-check";

test("closeRelative: one ulp apart agrees at 1e-12; 1e-9 relative apart does not; NaN and infinities only equal themselves", () => {
  assert.ok(closeRelative(0.1 + 0.2, 0.3, 1e-12));
  assert.ok(closeRelative(-3.083104049324683e-90, -3.0831040493246833e-90, 1e-12));
  assert.not.ok(closeRelative(1, 1 + 1e-9, 1e-12));
  assert.not.ok(
    closeRelative(1e-300, 2e-300, 1e-12),
    "tiny numbers compare relatively, not absolutely",
  );
  assert.ok(closeRelative(Infinity, Infinity, 1e-12));
  assert.not.ok(closeRelative(Infinity, 1e308, 1e-12));
  assert.not.ok(closeRelative(NaN, NaN, 1e-12));
});

test("textDifference reads numbers as JavaScript prints them: a last-ulp change and a shorter print of the same double agree", () => {
  assert.is(
    textDifference(
      "θ = 0.6100000000000001, L = 3.083104049324683e-90",
      "θ = 0.61, L = 3.0831040493246833e-90",
    ),
    undefined,
  );
  assert.is(textDifference("[1, 2, -3.5]\n", "[1, 2, -3.5]\n"), undefined);
});

test("textDifference names the first difference: a moved digit, other words, a missing number", () => {
  assert.is(textDifference("p = 0.31", "p = 0.3"), "0.31 vs 0.3");
  assert.is(textDifference("p = 0.3", "q = 0.3"), 'text "p = " vs "q = "');
  assert.match(textDifference("a 1 b 2", "a 1 b") ?? "", /^2 vs 1 numbers/);
  assert.is(textDifference("1e-12", "1e-11"), "1e-12 vs 1e-11");
});

test("outputDifferences: same outputs give none; a different count, field or number is located by cell and output", () => {
  const a: Comparable[][] = [
    [{ stream: "stdout", text: "x = 0.30000000000000004\n" }],
    [{ plain: "1", traces: '[{"y":[0.1,0.2]}]' }],
  ];
  const same: Comparable[][] = [
    [{ stream: "stdout", text: "x = 0.3\n" }],
    [{ plain: "1", traces: '[{"y":[0.1,0.2]}]' }],
  ];
  assert.equal(outputDifferences(a, same), []);
  const moved: Comparable[][] = [
    [{ stream: "stdout", text: "x = 0.3\n" }],
    [{ plain: "1", traces: '[{"y":[0.1,0.21]}]' }],
  ];
  assert.equal(outputDifferences(a, moved), [
    { cell: 2, output: 1, field: "traces", detail: "0.2 vs 0.21" },
  ]);
  const lost: Comparable[][] = [[], a[1]];
  const d = outputDifferences(a, lost);
  assert.is(d.length, 1);
  assert.equal([d[0].cell, d[0].field], [1, "count"]);
  const extra: Comparable[][] = [
    a[0],
    [{ plain: "1", traces: '[{"y":[0.1,0.2]}]', markdown: "| a |" }],
  ];
  assert.equal(
    outputDifferences(a, extra).map((x) => x.field),
    ["markdown"],
  );
});

test("joinCells joins the code cells in order, each after a comment naming it, and maps every line back to its cell", () => {
  const j = joinCells({
    cells: [
      { cell_type: "markdown", id: "m", metadata: {}, source: "# title" },
      {
        cell_type: "code",
        id: "a",
        metadata: {},
        outputs: [],
        execution_count: null,
        source: ['import { x } from "y";\n', "const a = x;\n"],
      },
      {
        cell_type: "code",
        id: "b",
        metadata: {},
        outputs: [],
        execution_count: null,
        source: "a + 1",
      },
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

test("kernelNeutral: tslab's printed value and Deno's execute_result of the same record compare equal; a changed value does not", () => {
  const tslab: Comparable[][] = [
    [
      {
        stream: "stdout",
        text: "note\n{\n  'θ_ML': 0.6100000000000001,\n  heads: 13,\n  flips: '1101'\n}\n",
      },
    ],
  ];
  const deno: Comparable[][] = [
    [
      { stream: "stdout", text: "note\n" },
      { plain: '{ "θ_ML": 0.6100000000000001, heads: 13, flips: "1101" }' },
    ],
  ];
  assert.equal(kernelNeutral(tslab), kernelNeutral(deno));
  assert.equal(outputDifferences(kernelNeutral(tslab), kernelNeutral(deno)), []);
  const changed: Comparable[][] = [
    [
      { stream: "stdout", text: "note\n" },
      { plain: '{ "θ_ML": 0.6100000000000001, heads: 14, flips: "1101" }' },
    ],
  ];
  assert.equal(
    outputDifferences(kernelNeutral(tslab), kernelNeutral(changed)).map((d) => d.detail),
    ["13 vs 14"],
  );
});

test("kernelNeutral keeps a display between two prints apart, and collapses a table's padding and rules", () => {
  const outs: Comparable[][] = [
    [
      { stream: "stdout", text: "a\n" },
      { plain: "x  y\n-  --\n1  2", markdown: "| x |" },
      { stream: "stdout", text: "b\n" },
    ],
  ];
  assert.equal(kernelNeutral(outs), [
    [
      { stream: "stdout", text: "a" },
      { plain: "x y -- -- 1 2", markdown: "| x |" },
      { stream: "stdout", text: "b" },
    ],
  ]);
});

test("kernelDifferences: a known cell's numbers pass within its own tolerance only; the same change elsewhere fails", () => {
  const k = KNOWN_KERNEL_DIFFERENCES.find(
    (x) => x.notebook === "08-map-and-regularisation" && x.cell === 4,
  );
  assert.ok(k, "08 cell 4 is listed");
  const cells = (v: string): Comparable[][] => [
    [],
    [],
    [],
    [{ plain: `{ grid: 0.8, "numeric, over z": ${v} }` }],
  ];
  const within = kernelDifferences(
    "08-map-and-regularisation",
    cells("0.7999999999997996"),
    cells("0.8000000000037673"),
  );
  assert.equal([within.unexpected.length, within.known.length], [0, 1]);
  const beyond = kernelDifferences(
    "08-map-and-regularisation",
    cells("0.7999999999997996"),
    cells("0.80001"),
  );
  assert.is(beyond.unexpected.length, 1);
  assert.match(beyond.unexpected[0].detail, "beyond this cell's known tolerance");
  const elsewhere = kernelDifferences(
    "07-properties-of-the-mle",
    cells("0.7999999999997996"),
    cells("0.8000000000037673"),
  );
  assert.equal([elsewhere.unexpected.length, elsewhere.known.length], [1, 0]);
});

test.run();
