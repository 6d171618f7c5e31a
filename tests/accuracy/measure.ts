// Runs every case of a case file through the library and records, per function, the worst error
// under the function's metric (spec.ts), where it occurred, and any case that threw.
import { errorUlps, relError, ulp } from "../helpers/numeric";
import { materialize, type Case, type DD } from "./cases";
import type { FunctionSpec, Lib } from "./spec";

export interface Measurement {
  name: string;
  cases: number;
  /** The worst error (ulps, or relative), Infinity when a case gave ±∞/NaN wrongly or threw. */
  worst: number;
  /** The domain tag and a short description of the worst case. */
  worstTag: string;
  worstCase: string;
  /** Cases that threw, with their messages (counted in `worst` as Infinity). */
  thrown: string[];
}

function show(a: unknown[]): string {
  return JSON.stringify(a, (_k, v) => {
    if (typeof v === "number" && !Number.isFinite(v)) return String(v);
    if (v instanceof Float64Array) return `Float64Array(${v.length})`;
    if (Array.isArray(v) && v.length > 6) return `[${v.length} entries]`;
    return v;
  }).slice(0, 200);
}

/** The error of one scalar result against a double-double reference, under `spec`'s metric. */
export function scalarError(
  spec: FunctionSpec,
  args: unknown[],
  got: number,
  r: DD,
  index = 0,
  refs?: DD[],
): number {
  const [hi, lo] = r;
  switch (spec.metric) {
    case "ulp":
      return errorUlps(got, hi, lo);
    case "rel": {
      const e = relError(got, hi, lo);
      if (!spec.scale || e === 0 || !Number.isFinite(got) || !Number.isFinite(hi)) return e;
      return (
        Math.abs(got - hi - lo) / Math.max(Math.abs(hi), spec.scale(args as any[], hi, index, refs))
      );
    }
    case "exact":
      return got === hi ? 0 : Infinity;
    case "ulp-exp": {
      const e = errorUlps(got, hi, lo);
      if (!Number.isFinite(e) || e === 0) return e;
      // exp's condition number is |log p|; the log density's own error is absolute, up to an ulp of
      // its largest term T (spec.scale, as for logProb), which exp turns into a relative error
      const t = spec.scale ? spec.scale(args as any[], hi, index, refs) : 0;
      return e / Math.max(1, Math.abs(Math.log(hi)), t);
    }
    case "ulp-of": {
      const e = errorUlps(got, hi, lo);
      // an exact 0 is measured against T too (errorUlps calls any other value infinitely far)
      if (e === 0 || !Number.isFinite(got) || !Number.isFinite(hi)) return e;
      const t = Math.max(Math.abs(hi), spec.scale!(args as any[], hi, index, refs));
      return Math.abs(got - hi - lo) / ulp(t);
    }
    default:
      throw new Error(`metric ${spec.metric} is not scalar`);
  }
}

/** The error of one case (vector results: the worst component, or normwise for "norm-rel"). */
export function caseError(spec: FunctionSpec, c: Case, got: number | ArrayLike<number>): number {
  if (typeof got === "number") return scalarError(spec, c.a, got, c.r as DD);
  const refs = c.r as DD[];
  if (got.length !== refs.length) return Infinity;
  if (spec.metric === "norm-rel") {
    // ‖got − exact‖ / ‖exact‖, on components divided by the largest |exact| (no overflow at 1e200)
    let big = 0;
    for (const r of refs) big = Math.max(big, Math.abs(r[0]));
    if (big === 0) return Array.from(got).every((v) => v === 0) ? 0 : Infinity;
    let num = 0;
    let den = 0;
    for (let i = 0; i < refs.length; i++) {
      const d = (got[i] - refs[i][0] - refs[i][1]) / big;
      num += d * d;
      den += (refs[i][0] / big) ** 2;
    }
    if (!(num === num)) return Infinity;
    return Math.sqrt(num / den);
  }
  let worst = 0;
  for (let i = 0; i < refs.length; i++)
    worst = Math.max(worst, scalarError(spec, c.a, got[i], refs[i], i, refs));
  return worst;
}

/** Measures one function over its cases. */
export function measure(lib: Lib, spec: FunctionSpec, cases: readonly Case[]): Measurement {
  const m: Measurement = {
    name: spec.name,
    cases: cases.length,
    worst: 0,
    worstTag: "",
    worstCase: "",
    thrown: [],
  };
  for (const c of cases) {
    let err: number;
    let got: number | ArrayLike<number> | undefined;
    try {
      const args = materialize(c.a);
      got = spec.run(lib, args);
      err = caseError(spec, { ...c, a: args }, got);
    } catch (e) {
      err = Infinity;
      if (m.thrown.length < 5) m.thrown.push(`${show(c.a)}: ${(e as Error).message}`);
      else if (m.thrown.length === 5) m.thrown.push("…");
    }
    if (!(err <= m.worst)) {
      m.worst = err === err ? err : Infinity;
      m.worstTag = c.t;
      const shown =
        got === undefined
          ? "threw"
          : typeof got === "number"
            ? String(got)
            : `[${Array.from(got).slice(0, 4).join(", ")}${got.length > 4 ? ", …" : ""}]`;
      m.worstCase = `${show(c.a)} → ${shown}, exact ${JSON.stringify(c.r).slice(0, 120)}`;
    }
  }
  return m;
}
