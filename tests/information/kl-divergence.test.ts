import { test } from "uvu";
import * as assert from "uvu/assert";
import fc from "fast-check";
import { klDivergence } from "../../lib/src/information";
import { FIXTURES, SEED, baseOpt, close, dist, distPair, longSumInputs, relErr } from "./helpers";
import { assertUlps, assertRelClose } from "../helpers/numeric";

test("klDivergence matches scipy.stats.entropy(p, q) on every fixture", () => {
  for (const f of FIXTURES.klDivergence) {
    const opts = { base: baseOpt(f.base), normalize: f.normalize };
    close(klDivergence(f.p, f.q, opts), f.expected, 1e-14, f.call);
    close(
      klDivergence(Float64Array.from(f.p), Float64Array.from(f.q), opts),
      f.expected,
      1e-14,
      f.call,
    );
    close(klDivergence(f.p, Float64Array.from(f.q), opts), f.expected, 1e-14, f.call);
  }
});

test("KL(Bern(0.5) || Bern(0.25)) equals the hand computation ½ log(4/3)", () => {
  // ½ log(0.5/0.25) + ½ log(0.5/0.75) = ½ log 2 + ½ log(2/3) = ½ log(4/3) nats
  close(klDivergence([0.5, 0.5], [0.25, 0.75]), 0.5 * Math.log(4 / 3), 1e-15);
  close(klDivergence([0.5, 0.5], [0.25, 0.75], { base: 2 }), 1 - 0.5 * Math.log2(3), 1e-15);
});

test("KL is not symmetric: KL(Bern(0.25) || Bern(0.5)) differs", () => {
  // ¼ log(½) + ¾ log(3/2) by hand
  const back = klDivergence([0.25, 0.75], [0.5, 0.5]);
  close(back, 0.25 * Math.log(0.5) + 0.75 * Math.log(1.5), 1e-15);
  assert.ok(Math.abs(back - klDivergence([0.5, 0.5], [0.25, 0.75])) > 1e-3);
});

test("KL(p || q) >= 0 (Gibbs' inequality, property)", () => {
  fc.assert(
    fc.property(distPair(), ([p, q]) => klDivergence(p, q) >= 0),
    { seed: SEED },
  );
});

test("KL(p || p) is exactly 0 (property)", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 50 }).chain((n) => dist(n)),
      (p) => klDivergence(p, p) === 0,
    ),
    { seed: SEED },
  );
});

test("a ratio p/q beyond the double range still gives the right finite KL", () => {
  // 0.5 / 5e-324 overflows to Infinity; the slow branch takes log p - log q instead.
  const subnormal = 5e-324;
  close(
    klDivergence([0.5, 0.5], [subnormal, 1]),
    0.5 * (Math.log(0.5) - Math.log(subnormal)) + 0.5 * Math.log(0.5),
    1e-15,
  );
  // Normalizing analytically keeps this finite where scipy's stats.entropy([1e300, 1e300],
  // [1e-300, 2e300]) returns inf (its normalized q underflows). By hand, q/S_q ≈ [5e-601, 1]:
  // KL = ½ log(0.5 / 5e-601) + ½ log 0.5 = log 0.5 - ½ log 5 + 300.5 log 10.
  close(
    klDivergence([1e300, 1e300], [1e-300, 2e300], { normalize: true }),
    Math.log(0.5) - 0.5 * Math.log(5) + 300.5 * Math.log(10),
    1e-13,
  );
});

test("klDivergence with q within 1e-7 of p is within 1e-12 relative of 50-digit mpmath (log1p/atanh form near equality)", () => {
  // Before issue 10 the error was 3.9e-3 (first-order terms cancelling); scipy's rel_entr sum
  // ("scipy" in the fixture) is 4e-10 off on the same inputs.
  for (const f of FIXTURES.klNearEquality) {
    for (const [p, q] of [
      [f.p, f.q],
      [Float64Array.from(f.p), Float64Array.from(f.q)],
    ]) {
      const got = klDivergence(p, q);
      assert.ok(
        relErr(got, f.expected) <= 1e-12,
        `${f.p.length} entries: ${got} vs ${f.expected} (${relErr(got, f.expected)})`,
      );
    }
  }
});

test("klDivergence near equality with normalize: true keeps the same precision on rescaled inputs", () => {
  for (const f of FIXTURES.klNearEquality) {
    const got = klDivergence(
      f.p.map((v: number) => v * 4),
      f.q.map((v: number) => v * 4),
      { normalize: true, tolerance: 1e-6 },
    );
    // ×4 is exact, so only Sp vs Sq rounding separates the two.
    assert.ok(relErr(got, klDivergence(f.p, f.q, { normalize: true })) <= 1e-12, `${got}`);
  }
});

test("klDivergence with normalize: true matches the exact value for masses from 5e-324 to 1.7e308", () => {
  for (const f of FIXTURES.normalizeExtremes) {
    const got = klDivergence(f.p, f.q, { normalize: true });
    assert.ok(
      relErr(got, f.klDivergence) <= 3e-15,
      `klDivergence(${f.p}, ${f.q}) = ${got}, want ${f.klDivergence}`,
    );
  }
});

test("klDivergence over 1e7 masses is within 1e-15 relative of the 50-digit mpmath value, a bound a plain loop misses", () => {
  // The bound is tighter than a plain loop's error on the same input (measured here, not assumed):
  // so the blocked, compensated sum is what passes, and dropping its compensation fails.
  const L = FIXTURES.longSums;
  const { p, q } = longSumInputs(L.n);
  const got = klDivergence(p, q);
  assert.ok(
    relErr(got, L.klDivergence) <= 1e-15,
    `klDivergence ${got} vs ${L.klDivergence50}: ${relErr(got, L.klDivergence)}`,
  );
  let naive = 0;
  for (let i = 0; i < p.length; i++) naive += p[i] * Math.log(p[i] / q[i]);
  assert.ok(
    relErr(naive, L.klDivergence) > 1e-15,
    `a plain loop is within the bound (${relErr(naive, L.klDivergence)}): the test would not tell the sums apart`,
  );
});

test("normalize: sums 1e±170 apart (Sq/Sp underflows) give the normalized KL, not 0 (issue 18: it returned 0)", () => {
  const p = [1e170, 2e170, 3e170];
  const q = [3e-170, 2e-170, 1e-170];
  // mpmath (60 digits) on p/Σp, q/Σq for [1, 2, 3] and [3, 2, 1]: the rounding of the inputs moves it by < 1e-16
  assertRelClose(klDivergence(p, q, { normalize: true }), 0.3662040962227032, 4e-16);
  assertRelClose(klDivergence(q, p, { normalize: true }), 0.3662040962227032, 4e-16);
});

test("near-equal terms beside far ones keep full precision: the cancellation test counts each log's rounding, not only the sum's", () => {
  // two terms at q = p(1 ± 2^-42) and two 20% off; equal sums; mpmath (60 digits): 0.010205498630063778
  const d = 2 ** -44;
  assertUlps(
    klDivergence([0.25, 0.25, 0.25, 0.25], [0.25 + d, 0.25 - d, 0.3, 0.2]),
    0.010205498630063778,
    8,
  );
});

test("normalize divides by blocked sums, not the fast pass's plain ones: 0.3 against 0.1, 0.7 alternating, 1e6 entries, within 2e-14", () => {
  // Sp and Sq are the fast pass's plain sums otherwise (1.4e-11 off here). The exact value on the
  // doubles a = 0.1, b = 0.7: KL = ½ log((a + b)² / (4ab)); mpmath (dps 40):
  // log((mpf(0.1) + mpf(0.7))**2 / (4 * mpf(0.1) * mpf(0.7))) / 2 = 0.41333928659223392167…
  const ref = 0.41333928659223392167461277;
  const n = 1e6;
  const p = new Float64Array(n).fill(0.3);
  const q = new Float64Array(n);
  for (let i = 0; i < n; i++) q[i] = i % 2 === 0 ? 0.1 : 0.7;
  assert.ok(relErr(klDivergence(p, q, { normalize: true }), ref) < 2e-14);
  assert.ok(relErr(klDivergence(Array.from(p), Array.from(q), { normalize: true }), ref) < 2e-14);
});

test.run();
