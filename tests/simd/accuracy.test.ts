// The domain-wide differential test of issue 18 (tests/accuracy/) on both paths of the SIMD
// dispatch: every reference case of tests/fixtures/accuracy/cases.json (mpmath, ≥ 50 digits) of
// each function that runs on the SIMD passes, once with the kernels forced on at every length
// (break-even 1, so the 1- to 5-entry cases run the kernels' tails) and once with them off (the
// JS path of an engine without WebAssembly SIMD). Each path must stay within the function's
// documented bound (tests/accuracy/spec.ts, the figures of lib/README.md's accuracy table), and
// the two may differ (their logs and exps may round apart by an ulp; they sum in the same order)
// by no more than PATH_DIFF, the largest difference measured over these cases, in the function's
// own metric with the JS path's result as the reference (lib/wasm/README.md quotes it).
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as lib from "../../lib/src";
import { setSimdDisabled } from "../../lib/src/simd/instance";
import { breakEvenLengths, PASS, setBreakEven } from "../../lib/src/simd/passes";
import { materialize, readCases } from "../accuracy/cases";
import { measure, scalarError } from "../accuracy/measure";
import { SPECS, type Lib } from "../accuracy/spec";

const file = readCases("cases.json");

/**
 * The largest difference between the two paths measured over every case below, in each
 * function's metric (relative, or ulps of T for logSumExp), rounded up in the second digit: the
 * bound lib/wasm/README.md states. Measured with the kernels of lib/wasm/kernels.c as committed.
 */
const PATH_DIFF: Record<string, number> = {
  entropy: 2.5e-16, // 2.50e-16 measured (normalize, tiny log-uniform weights), 3 of 259 cases differ
  crossEntropy: 2.5e-16, // 2.44e-16 measured (q = p(1 ± 2^-k), equal sums), 10 of 524 cases differ: all number[] inputs, on the kernels since branch simd9 (before it, the same bits: number[] took the JS path)
  klDivergence: 6.6e-16, // 6.60e-16 measured (periodic p, q), 3 of 592 cases differ
  logSumExp: 0, // the same bits on all 505 cases
  klBetween: 0, // the same bits on all 280 cases (categorical pairs are short: k <= 300)
  mutualInformation: 3.8e-16, // 3.79e-16 measured (random tables), 4 of 148 cases differ: rows of 32 cells and more (and every row with the kernels forced on) take them, a near cell by one polynomial of u instead of atanhSeries
};
/** The public functions on the SIMD passes, and those that call them (categorical's entropy, klBetween). */
const ON_SIMD = [
  "entropy",
  "crossEntropy",
  "klDivergence",
  "logSumExp",
  "klBetween",
  "mutualInformation",
];

/** f with the kernels forced on at every length, or off; the break-even lengths are restored after. */
function withPath<T>(simd: boolean, f: () => T): T {
  const saved = breakEvenLengths();
  if (simd) setBreakEven(1);
  setSimdDisabled(!simd);
  try {
    return f();
  } finally {
    setBreakEven(saved);
    setSimdDisabled(false);
  }
}

for (const name of ON_SIMD) {
  const spec = SPECS.find((s) => s.name === name)!;
  const cases = file.functions[name] ?? [];
  test(`${name}: within its documented bound (${spec.metric} ${spec.bound}) on every reference case with the kernels forced on and with them off, and the two within the measured path difference`, () => {
    assert.ok(cases.length > 0, "no reference cases");
    for (const simd of [true, false]) {
      const m = withPath(simd, () => measure(lib as unknown as Lib, spec, cases));
      assert.equal(m.thrown, [], `${name} threw (${simd ? "kernels" : "JS"})`);
      assert.ok(
        m.worst <= spec.bound,
        `${name} (${simd ? "kernels" : "JS"}): worst ${m.worst} > ${spec.bound} at ${m.worstTag}: ${m.worstCase}`,
      );
      console.log(
        `  ${name} ${simd ? "kernels" : "JS path"}: worst ${m.worst.toExponential(2)} over ${m.cases} cases`,
      );
    }
    let ranKernels = 0;
    let worst = 0;
    let worstAt = "";
    let differ = 0;
    for (const c of cases) {
      const args = materialize(c.a);
      const run = (simd: boolean): unknown =>
        withPath(simd, () => {
          try {
            const v = spec.run(lib as unknown as Lib, args as never);
            if (simd && PASS.path === "simd") ranKernels++;
            return v;
          } catch (e) {
            return `throws ${(e as Error).message}`;
          }
        });
      const a = run(true);
      const b = run(false);
      if (typeof a === "number" && typeof b === "number") {
        if (Object.is(a, b)) continue;
        differ++;
        // the JS path's result as the reference, in the function's own metric
        const d = Number.isFinite(b) ? scalarError(spec, args, a, [b, 0]) : Infinity;
        if (d > worst) [worst, worstAt] = [d, c.t];
      } else assert.equal(a, b, `${name} ${c.t}: kernels ${String(a)}, JS ${String(b)}`);
    }
    console.log(
      `  ${name}: the paths differ on ${differ} of ${cases.length} cases, by at most ${worst.toExponential(2)} (${spec.metric}; at ${worstAt || "-"})`,
    );
    assert.ok(
      worst <= PATH_DIFF[name],
      `${name}: the paths differ by ${worst} at ${worstAt} (bound ${PATH_DIFF[name]})`,
    );
    assert.ok(ranKernels > 0, "the kernels never ran");
  });
}

test.run();
