// The domain-wide differential test of issue 18 (tests/accuracy/) on both paths of the SIMD
// dispatch: every reference case of tests/fixtures/accuracy/cases.json (mpmath, ≥ 50 digits) of
// each function that runs on the SIMD passes, once with the kernels forced on at every length
// (break-even 1, so the 1- to 5-entry cases run the kernels' tails) and once with them off (the
// JS path of an engine without WebAssembly SIMD). Each path must stay within the function's
// documented bound (tests/accuracy/spec.ts, the figures of lib/README.md's accuracy table), and
// the two must give the same bits on every case.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as lib from "../../lib/src";
import { setSimdDisabled } from "../../lib/src/simd/instance";
import { BREAK_EVEN, PASS } from "../../lib/src/simd/passes";
import { materialize, readCases } from "../accuracy/cases";
import { measure } from "../accuracy/measure";
import { SPECS, type Lib } from "../accuracy/spec";

const file = readCases("cases.json");
/** The public functions on the SIMD passes, and those that call them (categorical's entropy, klBetween). */
const ON_SIMD = ["entropy", "crossEntropy", "klDivergence", "logSumExp", "klBetween"];

/** f with the kernels forced on at every length, or off; the break-even lengths are restored after. */
function withPath<T>(simd: boolean, f: () => T): T {
  const saved = { ...BREAK_EVEN };
  if (simd)
    for (const k of Object.keys(BREAK_EVEN) as (keyof typeof BREAK_EVEN)[]) BREAK_EVEN[k] = 1;
  setSimdDisabled(!simd);
  try {
    return f();
  } finally {
    Object.assign(BREAK_EVEN, saved);
    setSimdDisabled(false);
  }
}

for (const name of ON_SIMD) {
  const spec = SPECS.find((s) => s.name === name)!;
  const cases = file.functions[name] ?? [];
  test(`${name}: within its documented bound (${spec.metric} ${spec.bound}) on every reference case with the kernels forced on and with them off, and the same bits on both`, () => {
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
      const same =
        typeof a === "number" ? Object.is(a, b) : JSON.stringify(a) === JSON.stringify(b);
      assert.ok(same, `${name} ${c.t}: kernels ${String(a)}, JS ${String(b)}`);
    }
    assert.ok(ranKernels > 0, "the kernels never ran");
  });
}

test.run();
