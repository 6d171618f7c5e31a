// The fourth referee pass on issue 18: exotic vectors on the SIMD path gave silent garbage where
// the JS path throws or is right (a Float64Array subclass whose `length` lies; an index getter that
// calls the library while a kernel pass copies the vector). The SIMD path must give what the JS
// path gives: the same double, bit for bit, or the same error.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { crossEntropy, entropy, klDivergence, logSumExp } from "../../lib/src/information";
import { setSimdDisabled, simdAvailable } from "../../lib/src/simd/instance";
import { PASS } from "../../lib/src/simd/passes";

/** The result or the error message of f, with the kernels on or off. */
function outcome(f: () => number, simd: boolean): string {
  setSimdDisabled(!simd);
  try {
    return `value ${Object.is(f(), -0) ? "-0" : String(f())}`;
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  } finally {
    setSimdDisabled(false);
  }
}

class Longer extends Float64Array {
  override get length(): number {
    return super.length + 2;
  }
}

class Honest extends Float64Array {}

const N = 64;

function longer(fillWith: number): Float64Array {
  const v = new Longer(N);
  v.fill(fillWith);
  return v;
}

const CALLS: [string, () => number][] = [
  ["entropy", () => entropy(longer(1 / (N + 2)), { normalize: true })],
  [
    "crossEntropy",
    () => crossEntropy(longer(1 / (N + 2)), longer(1 / (N + 2)), { normalize: true }),
  ],
  [
    "klDivergence",
    () => klDivergence(longer(1 / (N + 2)), longer(1 / (N + 2)), { normalize: true }),
  ],
  ["logSumExp", () => logSumExp(longer(-3))],
];

test("a Float64Array subclass whose length lies gets the JS path's error on the SIMD path too", () => {
  assert.ok(simdAvailable(), "the kernels run in this engine");
  // stale data in the kernels' input buffer first, as the referee did
  entropy(new Float64Array(4096).fill(1 / 4096));
  for (const [name, f] of CALLS) {
    const js = outcome(f, false);
    assert.match(js, /is not a number/, `${name}: the JS path throws`);
    assert.is(outcome(f, true), js, name);
  }
});

test("a Float64Array subclass that does not override length still runs on the kernels", () => {
  const p = new Honest(N).fill(1 / N);
  const h = entropy(p);
  assert.is(PASS.path, "simd");
  setSimdDisabled(true);
  try {
    assert.is(entropy(p), h);
  } finally {
    setSimdDisabled(false);
  }
});

test("a library call from inside an index getter does not disturb the kernel pass that reads it", () => {
  // entry 40's getter runs a kernel pass of its own on another vector while the outer pass copies
  const probs = (): number[] => {
    const a = new Array<number>(N).fill(1 / N);
    Object.defineProperty(a, 40, {
      get() {
        entropy(new Float64Array(4096).fill(1 / 4096));
        return 1 / N;
      },
      enumerable: true,
    });
    return a;
  };
  const logits = (): number[] => {
    const a = new Array<number>(N).fill(0);
    Object.defineProperty(a, 40, {
      get() {
        logSumExp(new Float64Array(4096).fill(5));
        return 0;
      },
      enumerable: true,
    });
    return a;
  };
  const cases: [string, () => number, number][] = [
    ["entropy", () => entropy(probs()), Math.log(N)],
    ["entropy normalize", () => entropy(probs(), { normalize: true }), Math.log(N)],
    ["klDivergence", () => klDivergence(probs(), new Float64Array(N).fill(1 / N)), 0],
    ["logSumExp", () => logSumExp(logits()), Math.log(N)],
  ];
  for (const [name, f, about] of cases) {
    const js = outcome(f, false);
    assert.is(outcome(f, true), js, name);
    // and the JS path is right (within a few ulps of the exact value)
    assert.ok(Math.abs(Number(js.slice(6)) - about) < 1e-14, `${name}: ${js}`);
  }
});

test.run();
