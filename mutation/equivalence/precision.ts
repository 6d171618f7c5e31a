// Checks behind mutation/equivalent.md (exercises): variants of agrees, closeness and decimalOf with
// one listed mutant each, compared with the code on 300,000 seeded inputs (every count must be 0).
// Run: node -r ./mutation/register.js mutation/equivalence/precision.ts
// Mutant variants of agrees/closeness, compared with the originals on seeded random inputs.
import { agrees as agrees0, closeness as closeness0, decimalOf } from "../../notebooks/kit/src/exercises/precision";
const EXACT = 1e-12;
const pow10 = (p: number): number => (p >= 0 ? 10 ** p : 1 / 10 ** -p);
function withinHalf(xk: number, target: number, k: number): boolean {
  const place = pow10(decimalOf(xk).lead - k + 1);
  return Math.abs(target - xk) <= 0.5 * place + 4 * Number.EPSILON * Math.abs(target);
}
function agreesM(x: number, target: number, minDigits: number, atol: number, v: number): boolean {
  if (x === target) return true;
  if (!Number.isFinite(x) || !Number.isFinite(target)) return false;
  if (Math.abs(x - target) <= atol || Math.abs(x - target) <= EXACT * Math.abs(target)) return true;
  const c = v === 1 ? (false || Math.sign(x) !== Math.sign(target)) : v === 2 ? (x === 0 && Math.sign(x) !== Math.sign(target)) : (x === 0 || false);
  if (c) return false;
  const n = decimalOf(x).digits.length;
  return withinHalf(x, target, Math.max(n, minDigits));
}
function closenessM(x: number, target: number, need: number, v: number) {
  if (!Number.isFinite(x) || !Number.isFinite(target) || x === 0 || Math.sign(x) !== Math.sign(target)) return undefined;
  const d = decimalOf(x);
  const n = d.digits.length;
  if (d.stripped < need && withinHalf(x, target, d.stripped)) return "digits";
  const last = pow10(d.lead - n + 1);
  const gap = Math.abs(target) - Math.abs(x);
  if (n <= need && (v === 1 ? gap >= 0 : gap > 0) && gap < last * (1 - 1e-9)) return "truncated";
  if ((v === 2 ? true : n >= need) && Math.abs(x - target) < 1.5 * pow10(d.lead - need + 1)) return "last";
  return undefined;
}
function decM(x: number, v: number) {
  const re = v === 1 ? /-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/ : v === 2 ? /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?/ : /^-?(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;
  const m = re.exec(String(x))!;
  const [, int, frac = "", exp = v === 3 ? "" : "0"] = m;
  const all = int + frac; const first = all.search(/[1-9]/);
  return JSON.stringify({ digits: all.slice(first), lead: int.length - 1 + Number(exp) - first, stripped: all.slice(first).replace(/0+$/, "").length || 1 });
}
let seed = 4242; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
let n = 0, diffs = [0, 0, 0, 0, 0, 0, 0, 0, 0];
for (let i = 0; i < 300000; i++) {
  const e = Math.floor(rnd() * 40) - 20;
  const target = (rnd() < 0.5 ? -1 : 1) * (1 + rnd() * 9) * 10 ** e;
  const k = 1 + Math.floor(rnd() * 6);
  let x = Number(target.toPrecision(k)) + (rnd() < 0.5 ? 0 : (Math.floor(rnd() * 5) - 2) * 10 ** (Math.floor(Math.log10(Math.abs(target))) - k + 1));
  if (rnd() < 0.1) x = -x;
  if (rnd() < 0.02) x = 0;
  if (rnd() < 0.05) x = Math.trunc(x) || x;
  const need = 1 + Math.floor(rnd() * 5);
  n++;
  const a0 = agrees0(x, target, need);
  for (const v of [1, 2, 3]) if (agreesM(x, target, need, 0, v) !== a0) diffs[v - 1]++;
  if (!a0) {
    const c0 = closeness0(x, target, need);
    for (const v of [1, 2]) if (closenessM(x, target, need, v) !== c0) diffs[2 + v]++;
  }
  if (x !== 0 && Number.isFinite(x)) { const d0 = JSON.stringify(decimalOf(x)); for (const v of [1, 2, 3]) if (decM(x, v) !== d0) diffs[4 + v]++; }
}
console.log({ n, agrees_89_7_false: diffs[0], agrees_89_7_and: diffs[1], agrees_89_18_false: diffs[2], closeness_124_20: diffs[3], closeness_125_7: diffs[4], regex_noCaret: diffs[5], regex_noDollar: diffs[6], exp_default: diffs[7] });
