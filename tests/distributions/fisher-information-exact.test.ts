// fisherInformation of a categorical, entry by entry against the exact value by BigInt rational
// arithmetic (no fixture needed: the probabilities are doubles, so 1/p_i + 1/p_last is a ratio of
// integers), on seeded probabilities; and its ends: two categories, and zero probabilities.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { categorical } from "../../lib/src/distributions/categorical";
import { createRng } from "../../lib/src/distributions/create-rng";
import { fisherInformation } from "../../lib/src/distributions/fisher-information";
import { ulp } from "../helpers/numeric";

/** A positive double as an integer over a power of two: x = n / 2^s (s ≥ 0). */
function ratio(x: number): [bigint, bigint] {
  let s = 0;
  while (!Number.isInteger(x * 2 ** s)) s++;
  return [BigInt(x * 2 ** s), BigInt(s)];
}

/** |v − (1/a + 1/b)| in ulps of v, exactly: 1/a + 1/b = (2^sa/na + 2^sb/nb). */
function errorUlps(v: number, a: number, b: number): number {
  const [na, sa] = ratio(a);
  const [nb, sb] = ratio(b);
  const [nv, sv] = ratio(v);
  const [nu, su] = ratio(ulp(v));
  // exact = ((nb << sa) + (na << sb)) / (na·nb); v = nv / 2^sv; ulp = nu / 2^su
  const num = (nb << sa) + (na << sb);
  const den = na * nb;
  const S = sv > su ? sv : su; // a common power of two
  const diff = (nv << (S - sv)) * den - (num << S); // (v − exact)·den·2^S
  const abs = diff < 0n ? -diff : diff;
  // error in ulps = abs / (nu·2^(S−su)·den), to about 1e-15
  const q = (abs * 1000000n) / ((nu << (S - su)) * den);
  return Number(q) / 1e6;
}

test("each diagonal entry 1/p_i + 1/p_last of a categorical's information is one rounding from the exact value (≤ 0.5 ulp + a hair), seeded", () => {
  const r = createRng(611);
  let worst = 0;
  for (let t = 0; t < 3000; t++) {
    // three probabilities, the two free ones log-uniform over [2^-20, 1/4)
    const p0 = 2 ** (-2 - 18 * r.next());
    const p2 = 2 ** (-2 - 18 * r.next());
    const probs = [p0, 1 - p0 - p2, p2];
    const info = fisherInformation(categorical(probs));
    const d = categorical(probs).params.probs; // the stored probabilities (the last positive one absorbs the sum's rounding)
    for (let i = 0; i < 2; i++) {
      const e = errorUlps(info[i][i], d[i], d[2]);
      worst = Math.max(worst, e);
      // off the diagonal: 1/p_last, the nearest double
      assert.is(info[i][1 - i], 1 / d[2]);
    }
  }
  assert.ok(worst <= 0.51, `worst ${worst} ulp`);
});

test("two categories have one free parameter: a 1×1 matrix [[1/p0 + 1/p1]]", () => {
  const info = fisherInformation(categorical([0.25, 0.75]));
  assert.equal(info, [[16 / 3]]); // exact 4 + 4/3, correctly rounded
});

test("a zero probability gives Infinity entries, never NaN or −Infinity: in a free category and in the last one", () => {
  assert.equal(fisherInformation(categorical([0, 0.5, 0.5])), [
    [Infinity, 2],
    [2, 4],
  ]);
  assert.equal(fisherInformation(categorical([0.5, 0.5, 0])), [
    [Infinity, Infinity],
    [Infinity, Infinity],
  ]);
});

test.run();
