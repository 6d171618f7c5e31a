// JupyterLab shows the first line of a hidden cell: it must give nothing away.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";

const DIR = join(__dirname, "..", "..", "notebooks");
const NEUTRAL = "// Worked solution (expand to read)";
const files = readdirSync(DIR)
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();

for (const f of files) {
  test(`${f}: every hidden cell starts with the neutral line "${NEUTRAL}"`, () => {
    const nb = JSON.parse(readFileSync(join(DIR, f), "utf8")) as {
      cells: {
        cell_type: string;
        source: string | string[];
        metadata?: { jupyter?: { source_hidden?: boolean } };
      }[];
    };
    const hidden = nb.cells.filter((c) => c.metadata?.jupyter?.source_hidden === true);
    assert.ok(hidden.length >= 2, `${f}: ${hidden.length} hidden solution cells`);
    for (const c of hidden) {
      const first = (Array.isArray(c.source) ? c.source.join("") : c.source).split("\n")[0];
      assert.is(first, NEUTRAL);
    }
  });
}

test.run();
