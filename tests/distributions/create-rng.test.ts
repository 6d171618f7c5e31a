import { test } from "uvu";
import * as assert from "uvu/assert";
import { createRng } from "../../lib/src/distributions/create-rng";

const N = 200_000;

test("the same seed gives the same stream, draw for draw", () => {
  const a = createRng(2024);
  const b = createRng(2024);
  for (let i = 0; i < 1000; i++) {
    assert.is(a.next(), b.next());
    assert.is(a.normal(), b.normal());
    assert.is(a.int(10), b.int(10));
  }
});

test("the stream for a fixed seed is pinned (platform-independent integer arithmetic)", () => {
  const r = createRng(42);
  assert.is(r.next(), 0.8122404708611664);
  assert.is(r.normal(), -1.264182244470925);
  assert.is(r.int(6), 4);
});

test("neighbouring seeds give different streams", () => {
  const firsts = new Set<number>();
  for (let s = 0; s < 100; s++) firsts.add(createRng(s).next());
  assert.is(firsts.size, 100);
});

test("only the low 32 bits of the seed matter, as documented", () => {
  assert.is(createRng(7).next(), createRng(7 + 2 ** 32).next());
  assert.is(createRng(1).seed, 1);
});

test("next() stays in [0, 1) and its mean and variance are within 4 standard errors of 1/2 and 1/12", () => {
  const r = createRng(1);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < N; i++) {
    const u = r.next();
    assert.ok(u >= 0 && u < 1);
    s += u;
    s2 += u * u;
  }
  const mean = s / N;
  const variance = s2 / N - mean * mean;
  assert.ok(Math.abs(mean - 0.5) < 4 * Math.sqrt(1 / 12 / N));
  // Var of U² is 1/5 − 1/9 = 4/45; the variance estimate inherits roughly that scale
  assert.ok(Math.abs(variance - 1 / 12) < 4 * Math.sqrt(4 / 45 / N));
});

test("normal() has mean 0, variance 1, skewness 0 and kurtosis 3 within 4 standard errors", () => {
  const r = createRng(3);
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (let i = 0; i < N; i++) {
    const z = r.normal();
    s1 += z;
    s2 += z * z;
    s3 += z * z * z;
    s4 += z * z * z * z;
  }
  assert.ok(Math.abs(s1 / N) < 4 * Math.sqrt(1 / N));
  assert.ok(Math.abs(s2 / N - 1) < 4 * Math.sqrt(2 / N));
  assert.ok(Math.abs(s3 / N) < 4 * Math.sqrt(15 / N));
  assert.ok(Math.abs(s4 / N - 3) < 4 * Math.sqrt(96 / N));
});

test("normal() puts 68.27% of draws within one standard deviation (within 4 standard errors)", () => {
  const r = createRng(4);
  let inside = 0;
  for (let i = 0; i < N; i++) if (Math.abs(r.normal()) < 1) inside++;
  const p = 0.6826894921370859; // erf(1/√2)
  assert.ok(Math.abs(inside / N - p) < 4 * Math.sqrt((p * (1 - p)) / N));
});

test("int(k) returns integers in [0, k) with frequencies within 4 standard errors of 1/k", () => {
  const r = createRng(5);
  const k = 7;
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < N; i++) {
    const j = r.int(k);
    assert.ok(Number.isInteger(j) && j >= 0 && j < k);
    counts[j]++;
  }
  for (const c of counts)
    assert.ok(Math.abs(c / N - 1 / k) < 4 * Math.sqrt(((1 / k) * (1 - 1 / k)) / N));
  assert.is(r.int(1), 0);
});

test("a seed that is not an integer throws RangeError naming the value, a non-number a TypeError (the shared validator)", () => {
  assert.throws(
    () => createRng(1.5),
    (e: Error) =>
      e instanceof RangeError && e.message === "createRng: seed = 1.5 must be an integer",
  );
  assert.throws(
    () => createRng(NaN),
    (e: Error) => e instanceof RangeError && e.message === "createRng: seed = NaN is not a number",
  );
  assert.throws(
    () => createRng(Infinity),
    (e: Error) =>
      e instanceof RangeError && e.message === "createRng: seed = Infinity must be an integer",
  );
  assert.throws(
    () => createRng("42" as never),
    (e: Error) => e instanceof TypeError && e.message === 'createRng: seed = "42" is not a number',
  );
});

test("int(k) with k that is not an integer in [1, 2^53] throws RangeError", () => {
  const r = createRng(1);
  for (const k of [0, -1, 2.5, NaN, Infinity, 2 ** 54]) {
    assert.throws(
      () => r.int(k),
      (e: Error) => e instanceof RangeError && e.message.startsWith(`Rng.int: k = ${k}`),
    );
  }
});

test("normal() caches the second normal of each polar pair: two normals use the generator as much as one", () => {
  const two = createRng(5);
  const one = createRng(5);
  two.normal();
  two.normal(); // the cached spare: no generator output
  one.normal();
  assert.is(two.next(), one.next());
  // the third normal starts a new pair
  const three = createRng(5);
  three.normal();
  three.normal();
  three.normal();
  assert.is.not(three.next(), createRng(5).next());
});

test("int(2^53) is allowed (the documented upper end) and gives an integer in [0, 2^53)", () => {
  const r = createRng(8);
  for (let i = 0; i < 100; i++) {
    const j = r.int(2 ** 53);
    assert.ok(Number.isInteger(j) && j >= 0 && j < 2 ** 53, String(j));
  }
});

test("int(k) outside [1, 2^53] says what k must be", () => {
  assert.throws(
    () => createRng(1).int(0),
    (e: Error) =>
      e instanceof RangeError && e.message === "Rng.int: k = 0 must be an integer in [1, 2^53]",
  );
});

test.run();
