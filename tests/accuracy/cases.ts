// Reads the reference cases written by tests/fixtures/generate_accuracy.py and expands the hashed
// inputs exactly as the generator does (its docstring and expand() define the format).
import * as fs from "fs";
import * as path from "path";

/** A double-double reference: the double nearest the exact value, and the double nearest the rest. */
export type DD = [number, number];

/** One reference case: arguments (inputs already decoded), the reference, and its domain tag. */
export interface Case {
  a: unknown[];
  r: DD | DD[];
  t: string;
}

export interface CaseFile {
  generator: string;
  seed: number;
  /** Input vectors shared by several cases, referred to as {"v": index}. */
  vectors: number[][];
  functions: Record<string, Case[]>;
}

export const FIXTURE_DIR = path.join(__dirname, "..", "fixtures", "accuracy");

/** A hashed input: see expand() in generate_accuracy.py. */
interface Recipe {
  hash: "prob" | "int" | "grid" | "block" | "tiles";
  n: number;
  k: number;
  o: number;
  c?: number;
  d?: number;
  first?: number;
  last?: number;
  /** "block": from this index on, every entry is `e` */
  from?: number;
  e?: number;
  /** "tiles": tiles[0] repeated counts[0] times, then tiles[1] counts[1] times, … */
  tiles?: number[][];
  counts?: number[];
}

/** The 32-bit integer hash of the generator (Math.imul and >>> 0 are its uint32 arithmetic). */
export function mix(i: number): number {
  const g = Math.imul(i, 0x9e3779b1) >>> 0;
  const h1 = (g ^ (g >>> 15)) >>> 0;
  const h2 = Math.imul(h1, 0x85ebca77) >>> 0;
  return (h2 ^ (h2 >>> 13)) >>> 0;
}

/** The Float64Array a recipe stands for (one IEEE operation per entry, as the generator builds it). */
export function expand(r: Recipe): Float64Array {
  const { n, k, o } = r;
  const x = new Float64Array(n);
  if (r.hash === "prob") {
    let W = 0;
    for (let i = 0; i < n; i++) W += x[i] = (mix(i + o) % k) + 1;
    for (let i = 0; i < n; i++) x[i] /= W;
  } else if (r.hash === "int") {
    for (let i = 0; i < n; i++) x[i] = mix(i + o) % k;
  } else if (r.hash === "block") {
    for (let i = 0; i < n; i++) x[i] = i % k < o ? r.c! : r.d!;
    if (r.from !== undefined) for (let i = r.from; i < n; i++) x[i] = r.e!;
  } else if (r.hash === "tiles") {
    let at = 0;
    r.tiles!.forEach((tile, t) => {
      for (let c = 0; c < r.counts![t]; c++, at += tile.length) x.set(tile, at);
    });
    if (at !== n) throw new Error(`tiles recipe covers ${at} of ${n} entries`);
  } else if (r.hash === "grid") {
    const c = r.c!;
    const d = r.d!;
    const half = Math.floor(k / 2);
    for (let i = 0; i < n; i++) x[i] = c + d * ((mix(i + o) % k) - half);
  } else {
    throw new Error(`unknown recipe ${JSON.stringify(r)}`);
  }
  if (r.first !== undefined) x[0] = r.first;
  if (r.last !== undefined) x[n - 1] = r.last;
  return x;
}

const SPECIAL: Record<string, number> = {
  "Infinity": Infinity,
  "-Infinity": -Infinity,
  "NaN": NaN,
};

/** JSON reviver: "Infinity", "-Infinity", "NaN" become numbers (recipes stay recipes until used). */
function revive(_key: string, value: unknown): unknown {
  if (typeof value === "string" && value in SPECIAL) return SPECIAL[value];
  return value;
}

function isRecipe(x: unknown): x is Recipe {
  return x !== null && typeof x === "object" && !Array.isArray(x) && "hash" in (x as object);
}

/** A case's arguments with every recipe (also a table's row recipes) expanded into its
 *  Float64Array (one case at a time, so the 1e7 sweep holds one input in memory). */
export function materialize(args: readonly unknown[]): unknown[] {
  // a table argument may be a list of row recipes (ref4's 1e6-cell tables)
  return args.map((x) =>
    isRecipe(x)
      ? expand(x)
      : Array.isArray(x) && x.some(isRecipe)
        ? x.map((r) => (isRecipe(r) ? expand(r) : r))
        : x,
  );
}

/** Replaces every {"v": i} in x by the shared vector i. */
function resolve(x: unknown, vectors: number[][]): unknown {
  if (Array.isArray(x)) return x.map((v) => resolve(v, vectors));
  if (
    x !== null &&
    typeof x === "object" &&
    "v" in (x as object) &&
    Object.keys(x as object).length === 1
  ) {
    return vectors[(x as { v: number }).v];
  }
  return x;
}

/** Reads one case file (`cases.json` or `full.json`). */
export function readCases(name: string): CaseFile {
  const file = JSON.parse(
    fs.readFileSync(path.join(FIXTURE_DIR, name), "utf8"),
    revive,
  ) as CaseFile;
  for (const list of Object.values(file.functions))
    for (const c of list) c.a = resolve(c.a, file.vectors) as unknown[];
  return file;
}
