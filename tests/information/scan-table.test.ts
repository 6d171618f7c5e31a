import { test } from "uvu";
import * as assert from "uvu/assert";
import { scanTable } from "../../lib/src/information/scan-table";
import { close } from "./helpers";

test("scanTable returns -Σ p log p over cells, rows and columns, and the total", () => {
  const t = [
    [0.5, 0.25],
    [0, 0.25],
  ];
  const s = scanTable("t", t, true, false, 1e-9);
  close(s.cells, -(0.5 * Math.log(0.5) + 2 * 0.25 * Math.log(0.25)), 1e-15);
  close(s.rows, -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)), 1e-15);
  close(s.columns, Math.log(2), 1e-15);
  assert.is(s.total, 1);
});

test("scanTable skips the column sums unless asked", () => {
  assert.is(scanTable("t", [[0.5, 0.5]], false, false, 1e-9).columns, 0);
});

test("scanTable reports the first bad cell in row-major order, even a later-found Infinity", () => {
  assert.throws(
    () =>
      scanTable(
        "t",
        [
          [0.5, Infinity],
          [-1, 0.5],
        ],
        false,
        true,
        1e-9,
      ),
    /t: pxy\[0\]\[1\] = Infinity is not finite/,
  );
});

test.run();
