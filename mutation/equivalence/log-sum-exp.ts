// Checks behind mutation/equivalent.md (information): a copy of sumRestPrecise of logSumExp (and of numerics.expShifted) with `i <= n`
// (variant 1) and with `s > t0` (variant 2), compared with the code on seeded inputs (ties, -Infinity
// entries, arrays and Float64Arrays): same1 and same2 must equal total.
// Run: node -r ./mutation/register.js mutation/equivalence/log-sum-exp.ts
function expShifted(z: number, m: number) { const d = z - m; const b = d - z; const r = z - (d - b) + (-m - b); const e = Math.exp(d); return e > 0 ? e + e * r : 0; }
function f(xs: ArrayLike<number>, n: number, m: number, k: number, variant: number) {
  let s = 0, c = 0;
  for (let i = 0; variant === 1 ? i <= n : i < n; i++) {
    if (i === k) continue;
    const t0 = expShifted(xs[i], m); const t = s + t0;
    c += (variant === 2 ? s > t0 : s >= t0) ? s - t + t0 : t0 - t + s; s = t;
  }
  return s + c;
}
let seed = 99; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
let same1 = 0, same2 = 0, ties = 0, total = 0;
for (let trial = 0; trial < 200000; trial++) {
  const n = 1 + Math.floor(rnd() * 8);
  const base = -rnd() * 3;
  // ties on purpose: entries drawn from a few values, some -Infinity
  const pool = [base, base - 0.5, base - rnd(), base - 30, -Infinity, base - Math.LN2];
  const xs0 = Array.from({ length: n }, () => pool[Math.floor(rnd() * pool.length)]);
  const xs = rnd() < 0.5 ? xs0 : Float64Array.from(xs0);
  let m = -Infinity, k = 0; for (let i = 0; i < n; i++) if (xs[i] > m) { m = xs[i]; k = i; }
  if (m === -Infinity) continue;
  total++;
  const a = f(xs, n, m, k, 0);
  if (Object.is(a, f(xs, n, m, k, 1))) same1++;
  if (Object.is(a, f(xs, n, m, k, 2))) same2++;
}
console.log({ total, same1, same2 });
// ties s === t0 actually occur: count them
let tieCount = 0;
{ const xs = [-1, -1.5, -1.5, -1.5]; let s = 0; for (let i = 1; i < 4; i++) { const t0 = expShifted(xs[i], -1); if (s === t0) tieCount++; s += t0; } console.log({ tieCount }); }
