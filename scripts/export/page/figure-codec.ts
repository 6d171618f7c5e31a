// Compact numeric arrays of a figure's JSON, for a site page's own bytes (the exporter packs,
// the page unpacks before anything reads the figure). A packed array is an object in place of
// the array:
//   {"$seq": [first, last, n, rule]}   an evenly spaced grid, rebuilt bit for bit by `rule`
//                                      (packed only when the rebuild equals every element);
//   {"$f4": base64, "$x": [[i, v], …]} float32 values (little-endian), with the elements `$x`
//                                      kept exact: every value a reader could see differently;
//   {"$f8": base64}                    float64 values, exact.
// A reader sees a figure's numbers in three places: the drawing, plotly's hover label (about 5
// significant digits) and the "show the data" table (6, describe-figure's formatNumber). An
// element is kept exact unless its float32 value shows the same at every precision from 1 to 6
// significant digits. A histogram's values also keep their bins: its smallest and largest value
// are kept exact (plotly's automatic bins start and step from them), and so is any value that a
// float32 rounding would move across a bin edge of any bin size plotly could pick (1, 2, 2.5 or
// 5 times a power of ten, edges at multiples of the size or offset by half of it).
// Arrays of fewer than MIN_PACKED numbers, or holding anything but finite numbers and null (a
// gap), are left as they are.

/** Arrays shorter than this stay plain JSON (packing would not pay). */
export const MIN_PACKED = 24;

export type PackedArray =
  | { $seq: [number, number, number, number] }
  | { $f4: string; $x?: [number, number][] }
  | { $f8: string };

/** The ways an evenly spaced grid is commonly computed (rule numbers are part of the format). */
const RULES: ((a: number, b: number, n: number, i: number) => number)[] = [
  // 0: mlekit's linspace (each half from its own end)
  (a, b, n, i) => {
    const div = n - 1;
    const h = (b - a) / div;
    if (i === 0) return a;
    if (i === div) return b;
    return i <= div >> 1 ? a + i * h : b - (div - i) * h;
  },
  // 1: a + (b − a)·i/(n − 1)
  (a, b, n, i) => a + ((b - a) * i) / (n - 1),
  // 2: a + i·h
  (a, b, n, i) => a + i * ((b - a) / (n - 1)),
];

function seq(a: number, b: number, n: number, rule: number): number[] {
  const f = RULES[rule];
  return Array.from({ length: n }, (_, i) => f(a, b, n, i));
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): DataView {
  const s = atob(b64);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new DataView(bytes.buffer);
}

/** Whether `r` reads as `v` at every precision a reader meets (1 to 6 significant digits). */
function showsAs(r: number, v: number): boolean {
  if (r === v) return true;
  for (let p = 1; p <= 6; p++) if (r.toPrecision(p) !== v.toPrecision(p)) return false;
  return true;
}

/** Whether float32 rounding keeps `v` in its bin for every bin layout plotly could choose. */
function keepsBin(r: number, v: number, sizes: number[]): boolean {
  if (r === v) return true;
  for (const d of sizes)
    for (const off of [0, d / 2])
      if (Math.floor((v - off) / d) !== Math.floor((r - off) / d)) return false;
  return true;
}

/** Nice bin sizes (1, 2, 2.5, 5 × 10^k) from a thousandth of the range up to the whole range. */
function binSizes(lo: number, hi: number): number[] {
  const range = hi - lo;
  if (!(range > 0)) return [];
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(range / 1000)); k <= Math.ceil(Math.log10(range)); k++)
    for (const m of [1, 2, 2.5, 5]) out.push(m * 10 ** k);
  return out;
}

const isPackable = (a: unknown): a is (number | null)[] =>
  Array.isArray(a) &&
  a.length >= MIN_PACKED &&
  a.every((v) => v === null || (typeof v === "number" && Number.isFinite(v)));

/**
 * An array packed as the smallest of the forms above whose unpacking a reader cannot tell from
 * the original (the array itself when none is smaller).
 * @param a the array
 * @param histogram the array holds a histogram's values (bins are kept, see above)
 */
export function packArray(
  a: (number | null)[],
  { histogram = false }: { histogram?: boolean } = {},
): (number | null)[] | PackedArray {
  if (!isPackable(a)) return a;
  const n = a.length;
  if (a.every((v) => v !== null)) {
    const nums = a as number[];
    for (let rule = 0; rule < RULES.length; rule++) {
      const s = seq(nums[0], nums[n - 1], n, rule);
      if (s.every((v, i) => Object.is(v, nums[i])))
        return { $seq: [nums[0], nums[n - 1], n, rule] };
    }
  }
  const plain = JSON.stringify(a).length;
  const f8 = { $f8: toBase64(new Uint8Array(Float64Array.from(a, (v) => v ?? NaN).buffer)) };
  const nums = a.filter((v): v is number => v !== null);
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const sizes = histogram ? binSizes(lo, hi) : [];
  const f32 = Float32Array.from(a, (v) => v ?? NaN);
  const exact: [number, number][] = [];
  a.forEach((v, i) => {
    if (v === null) return;
    const r = f32[i];
    if (
      !showsAs(r, v) ||
      (histogram && (v === lo || v === hi || !keepsBin(r, v, sizes))) ||
      (Number.isInteger(r) && !Number.isInteger(v))
    )
      exact.push([i, v]);
  });
  const f4: PackedArray = {
    $f4: toBase64(new Uint8Array(f32.buffer)),
    ...(exact.length ? { $x: exact } : {}),
  };
  const best = [a, f4, f8].reduce((x, y) =>
    JSON.stringify(y).length < JSON.stringify(x).length ? y : x,
  );
  return JSON.stringify(best).length < plain ? best : a;
}

/** The array a packed array stands for (anything else as it is). */
export function unpackArray(p: unknown): unknown {
  if (!p || typeof p !== "object" || Array.isArray(p)) return p;
  const o = p as Record<string, unknown>;
  if (Array.isArray(o.$seq)) {
    const [a, b, n, rule] = o.$seq as number[];
    return seq(a, b, n, rule);
  }
  const width = typeof o.$f4 === "string" ? 4 : typeof o.$f8 === "string" ? 8 : 0;
  if (!width) return p;
  const view = fromBase64((width === 4 ? o.$f4 : o.$f8) as string);
  const out: (number | null)[] = [];
  for (let i = 0; i < view.byteLength / width; i++) {
    const v = width === 4 ? view.getFloat32(i * 4, true) : view.getFloat64(i * 8, true);
    out.push(Number.isNaN(v) ? null : v);
  }
  for (const [i, v] of (o.$x as [number, number][] | undefined) ?? []) out[i] = v;
  return out;
}

/** Any object with plotly traces in `data`. */
interface FigureLike {
  data?: readonly unknown[];
}

/** The trace attributes whose numeric arrays are packed (`z` row by row). */
const DATA_KEYS = ["x", "y", "z", "customdata"] as const;
/** The same, inside the trace's `marker`. */
const MARKER_KEYS = ["color", "size"] as const;

type Trace = Record<string, unknown>;

/** A copy of `trace` with `f` applied to each array attribute it packs (with `z`'s rows). */
function mapArrays(trace: Trace, f: (v: unknown) => unknown): Trace {
  const out = { ...trace };
  const each = (o: Record<string, unknown>, keys: readonly string[]) => {
    for (const k of keys) {
      const v = o[k];
      if (v === undefined) continue;
      o[k] =
        Array.isArray(v) && v.length > 0 && v.every((r) => Array.isArray(r) || isPacked(r))
          ? v.map(f)
          : f(v);
    }
  };
  each(out, DATA_KEYS);
  if (out.marker && typeof out.marker === "object" && !Array.isArray(out.marker)) {
    const marker = { ...(out.marker as Record<string, unknown>) };
    each(marker, MARKER_KEYS);
    out.marker = marker;
  }
  return out;
}

const isPacked = (v: unknown): boolean =>
  !!v && typeof v === "object" && !Array.isArray(v) && ("$seq" in v || "$f4" in v || "$f8" in v);

/**
 * The figure with the numeric arrays of its traces (x, y, z row by row, customdata,
 * marker.color, marker.size) packed.
 * @param fig a plotly figure (JSON)
 * @returns a copy; {@link unpackFigure} gives back the figure as a reader sees it
 */
export function packFigure<F extends FigureLike>(fig: F): F {
  if (!Array.isArray(fig.data)) return fig;
  const data = fig.data.map((t) => {
    if (!t || typeof t !== "object") return t;
    const histogram = (t as Trace).type === "histogram";
    return mapArrays(t as Trace, (v) =>
      Array.isArray(v) ? packArray(v as (number | null)[], { histogram }) : v,
    );
  });
  return { ...fig, data } as F;
}

/** The figure with every packed array of its traces unpacked (a plain figure as it is). */
export function unpackFigure<F extends FigureLike>(fig: F): F {
  if (!fig || !Array.isArray(fig.data)) return fig;
  const data = fig.data.map((t) =>
    t && typeof t === "object" ? mapArrays(t as Trace, unpackArray) : t,
  );
  return { ...fig, data } as F;
}
