import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { entropy } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, dist, normalized } from "./helpers";

test("entropy matches scipy.stats.entropy on every fixture, raw and normalized", () => {
  for (const f of FIXTURES.entropy) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(entropy(f.p, opts), f.expected, 1e-12, f.call);
    close(entropy(Float64Array.from(f.p), opts), f.expected, 1e-12, f.call);
  }
});

test("a fair coin carries exactly one bit", () => {
  assert.is(entropy([0.5, 0.5], { base: 2 }), 1);
});

test("the uniform distribution over k outcomes has entropy log k", () => {
  for (const k of [1, 2, 3, 6, 52, 1000]) {
    const u = new Array<number>(k).fill(1 / k);
    // k equal terms summed in sequence: the rounding bound is about k ulps.
    close(entropy(u), Math.log(k), k * Number.EPSILON, `k=${k}`);
    close(entropy(u, { base: 2 }), Math.log2(k), k * Number.EPSILON, `k=${k} bits`);
  }
});

test("a card drawn from a fair 52-card deck carries log2 52 bits; its suit alone 2 bits", () => {
  // By hand: 52 equally likely cards -> log2 52 = 2 + log2 13; 4 equally likely suits -> 2.
  close(entropy(new Array<number>(52).fill(1 / 52), { base: 2 }), 2 + Math.log2(13), 1e-15);
  assert.is(entropy([13 / 52, 13 / 52, 13 / 52, 13 / 52], { base: 2 }), 2);
});

test("normalize: true gives the entropy of the rescaled masses", () => {
  close(entropy([3, 1], { normalize: true }), entropy([0.75, 0.25]), 1e-15);
  close(entropy(new Float64Array([2e6, 0, 2e6]), { normalize: true, base: 2 }), 1, 1e-15);
});

test("entropy is between 0 and log n (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60 }).chain((n) => dist(n)),
      (p) => {
        const h = entropy(p);
        return h >= 0 && h <= Math.log(p.length) + 1e-12;
      },
    ),
    { seed: SEED },
  );
});

test("changing the base divides the entropy by log(base) (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 30 }).chain((n) => dist(n)),
      fc.oneof(fc.double({ min: 0.05, max: 0.95, noNaN: true }), fc.double({ min: 1.05, max: 1e3, noNaN: true })),
      (p, b) => {
        const nats = entropy(p);
        const inB = entropy(p, { base: b });
        return Math.abs(inB - nats / Math.log(b)) <= 1e-12 * Math.max(1, Math.abs(inB));
      },
    ),
    { seed: SEED },
  );
});

test("number[] and Float64Array inputs give the same entropy", () => {
  const p = normalized([1, 2, 3, 4, 0, 5]);
  assert.is(entropy(p), entropy(Float64Array.from(p)));
});

test.run();
