// The samplers of bernoulli, exponential and gaussian against the construction their doc comments
// state, draw for draw on a generator seeded alike: bernoulli returns 1 when a uniform draw is < p,
// exponential inverts the CDF (x = −log(1 − u)/rate), gaussian draws mu + sigma·z with z from
// rng.normal(). Each value takes exactly one draw, so a sample taken in two calls is the sample
// taken in one. Also: the messages of a too-large n and of a bad entropy base name the method.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bernoulli } from "../../lib/src/distributions/bernoulli";
import { categorical } from "../../lib/src/distributions/categorical";
import { createRng } from "../../lib/src/distributions/create-rng";
import type { Rng } from "../../lib/src/distributions/create-rng";
import { exponential } from "../../lib/src/distributions/exponential";
import { gaussian } from "../../lib/src/distributions/gaussian";
import { ulp } from "../helpers/numeric";

/** The documented categorical draw: the first j whose running sum p_0 + … + p_j exceeds u, the last positive category taking the rest. */
function categoricalDraw(probs: number[], u: number): number {
  let last = probs.length - 1;
  while (probs[last] === 0) last--;
  let acc = 0;
  for (let j = 0; j < last; j++) {
    acc += probs[j];
    if (u < acc) return j;
  }
  return last;
}
const CAT = [0.2, 0.3, 0, 0.1, 0.4];

const families = [
  { name: "bernoulli", d: bernoulli(0.3), draw: (r: Rng) => (r.next() < 0.3 ? 1 : 0) },
  { name: "exponential", d: exponential(2.5), draw: (r: Rng) => -Math.log1p(-r.next()) / 2.5 },
  { name: "gaussian", d: gaussian(-1, 3), draw: (r: Rng) => -1 + 3 * r.normal() },
  { name: "categorical", d: categorical(CAT), draw: (r: Rng) => categoricalDraw(CAT, r.next()) },
];

for (const { name, d, draw } of families) {
  test(`${name}.sample(n, rng) is the documented transform of n draws of rng, one draw a value (seeded)`, () => {
    const r = createRng(2024);
    const xs = d.sample(9, r);
    const ref = createRng(2024);
    assert.equal(
      Array.from(xs),
      Array.from({ length: 9 }, () => draw(ref)),
    );
    // the generator is left where the reference is: exactly 9 draws (and no spare normal) used
    assert.is(r.next(), ref.next());
  });

  test(`${name}: two samples of 5 and 6 from one generator are one sample of 11 (seeded)`, () => {
    const r = createRng(77);
    const parts = [...d.sample(5, r), ...d.sample(6, r)];
    assert.equal(parts, Array.from(d.sample(11, createRng(77))));
  });

  test(`${name}.sample(n) with n too large to allocate names the method and n`, () => {
    assert.throws(
      () => d.sample(2 ** 40, createRng(1)),
      (e: Error) =>
        e instanceof RangeError &&
        e.message ===
          `${name}.sample: n = 1099511627776 is too large: more than 4294967295 entries`,
    );
  });

  test(`${name}.entropy with a bad base names ${name}.entropy`, () => {
    assert.throws(
      () => d.entropy({ base: -2 }),
      (e: Error) => e instanceof RangeError && e.message.startsWith(`${name}.entropy: base = -2 `),
    );
  });
}

test("bernoulli.sample gives 1 only for a draw strictly below p: a draw equal to p gives 0, and p = 0 never gives 1", () => {
  const constant = (u: number): Rng => ({ seed: 0, next: () => u, normal: () => 0, int: () => 0 });
  assert.equal(Array.from(bernoulli(0.25).sample(3, constant(0.25))), [0, 0, 0]);
  assert.equal(Array.from(bernoulli(0.25).sample(2, constant(0.2499999999999999))), [1, 1]);
  assert.equal(Array.from(bernoulli(0).sample(2, constant(0))), [0, 0]);
});

test("categorical.sample: a draw equal to a running sum goes to the next category, and a zero-mass category is never drawn", () => {
  const at = (u: number): Rng => ({ seed: 0, next: () => u, normal: () => 0, int: () => 0 });
  const d = categorical([0.25, 0.25, 0, 0.5]);
  // running sums 0.25, 0.5, 0.5, 1
  assert.equal(Array.from(d.sample(1, at(0))), [0]);
  assert.equal(Array.from(d.sample(1, at(0.25))), [1]);
  assert.equal(Array.from(d.sample(1, at(0.4999999999999999))), [1]);
  assert.equal(Array.from(d.sample(1, at(0.5))), [3]);
  assert.equal(Array.from(d.sample(1, at(0.9999999999999999))), [3]);
  for (let k = 1; k <= 9; k++) {
    const probs = Array.from({ length: k }, () => 1 / k);
    const u = (k - 1) / k;
    // the documented rule applied to these sums, category by category
    assert.equal(
      Array.from(categorical(probs).sample(1, at(u))),
      [categoricalDraw(probs, u)],
      `k = ${k}`,
    );
  }
});

test("gaussian: mu that is not finite throws RangeError 'must be a finite number'", () => {
  assert.throws(
    () => gaussian(Infinity, 1),
    (e: Error) =>
      e instanceof RangeError && e.message === "gaussian: mu = Infinity must be a finite number",
  );
});

/**
 * |v − p(1 − p)| in ulps of v, exactly (BigInt): p = m/2^E, so p(1 − p) = m(2^E − m)/2^(2E), and
 * v·2^(2E) and ulp(v)·2^(2E) are integers for the p drawn below (E ≤ 83, v ≥ 2^-31).
 */
function varianceError(p: number, v: number): number {
  let E = 0;
  while (!Number.isInteger(p * 2 ** E)) E++;
  const M = BigInt(p * 2 ** E);
  const exact = M * ((1n << BigInt(E)) - M);
  const diff = BigInt(v * 2 ** (2 * E)) - exact;
  return Number(diff < 0n ? -diff : diff) / (ulp(v) * 2 ** (2 * E));
}

test("bernoulli variance p(1 − p) is within one rounding of the exact product (Sterbenz correction of 1 − p), seeded p over (0, 1)", () => {
  const r = createRng(31);
  let worst = 0;
  for (let i = 0; i < 4000; i++) {
    // p log-uniform in [2^-30, 1) on half the cases (where 1 − p rounds), uniform on the rest
    const p = i % 2 ? r.next() : 2 ** (-30 * r.next());
    if (p === 0 || p === 1) continue;
    const e = varianceError(p, bernoulli(p).variance());
    worst = Math.max(worst, e);
  }
  assert.ok(worst <= 1, `worst ${worst} ulps`);
});

test.run();
