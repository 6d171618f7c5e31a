// How a value is printed in a page that runs the notes: the text Node's `console.log` (and so
// tslab, which prints a cell's last expression with it) writes for the same value, so that a
// page and the kernel print the same lines. Written for this project from Node's documented
// behaviour (util.inspect with its defaults: depth 2, breakLength 80, compact 3,
// maxArrayLength 100, maxStringLength 10000) and checked against Node's own util.format by
// tests/export/live-inspect.test.ts on a corpus and on random values.

const DEPTH = 2;
const BREAK = 80;
const COMPACT = 3;
const MAX_ITEMS = 100;
const MAX_STRING = 10000;

/** Mutable state of one formatting pass (indentation, nesting, the objects on the path). */
interface Pass {
  indent: number;
  /** The nesting level of the object entered last (how deep the last-formatted branch went). */
  lastDepth: number;
  path: object[];
  /** Objects seen twice on one path, numbered in order of discovery. */
  circular: Map<object, number>;
}

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

/** Escapes of the C0 controls, quote and backslash, as Node writes them. */
function escapeChar(c: string, quote: string): string {
  const code = c.charCodeAt(0);
  switch (c) {
    case "\b":
      return "\\b";
    case "\t":
      return "\\t";
    case "\n":
      return "\\n";
    case "\f":
      return "\\f";
    case "\r":
      return "\\r";
    case "\\":
      return "\\\\";
  }
  if (c === quote) return `\\${quote}`;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f))
    return `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`;
  return `\\u${code.toString(16).padStart(4, "0")}`; // a lone surrogate
}

/** A string as Node quotes it: single quotes unless the text holds one (then " or `). */
export function quote(s: string): string {
  let q = "'";
  if (s.includes("'")) {
    if (!s.includes('"')) q = '"';
    else if (!s.includes("`") && !s.includes("${")) q = "`";
  }
  const needs = new RegExp(
    `[\\x00-\\x1f\\x7f-\\x9f\\\\${q === "'" ? "'" : ""}]|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]`,
    "g",
  );
  return q + s.replace(needs, (c) => escapeChar(c, q)) + q;
}

function numberText(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

function primitive(v: unknown, p: Pass): string | undefined {
  switch (typeof v) {
    case "number":
      return numberText(v);
    case "bigint":
      return `${v}n`;
    case "boolean":
      return String(v);
    case "undefined":
      return "undefined";
    case "symbol":
      return v.toString();
    case "string": {
      let s = v;
      let more = "";
      if (s.length > MAX_STRING) {
        more = `... ${s.length - MAX_STRING} more character${s.length - MAX_STRING > 1 ? "s" : ""}`;
        s = s.slice(0, MAX_STRING);
      }
      // A long multi-line string is written one quoted line at a time, joined by " +".
      if (s.length > 16 && s.length > BREAK - p.indent - 4 && s.includes("\n")) {
        const lines = s.split(/(?<=\n)/);
        if (lines.length > 1)
          return lines.map(quote).join(` +\n${" ".repeat(p.indent + 2)}`) + more;
      }
      return quote(s) + more;
    }
  }
  if (v === null) return "null";
  return undefined;
}

/** The constructor name an object shows (`Foo {`), or null for a null prototype. */
function constructorName(o: object): string | null {
  let proto = Object.getPrototypeOf(o);
  while (proto !== null) {
    const d = Object.getOwnPropertyDescriptor(proto, "constructor");
    if (d && typeof d.value === "function" && d.value.name !== "") return d.value.name;
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

function functionBase(f: Function): string {
  const src = Function.prototype.toString.call(f);
  if (src.startsWith("class") && /^class\b/.test(src)) {
    const ext = /^class\s*[\w$]*\s+extends\s+([\w$.]+)/.exec(src);
    return `[class ${f.name || "(anonymous)"}${ext ? ` extends ${ext[1]}` : ""}]`;
  }
  const kind = constructorName(f) ?? "Function";
  const type =
    kind === "AsyncFunction" || kind === "GeneratorFunction" || kind === "AsyncGeneratorFunction"
      ? kind
      : "Function";
  return f.name ? `[${type}: ${f.name}]` : `[${type} (anonymous)]`;
}

/** The keys shown for an object: own enumerable string keys, then enumerable symbols. */
function shownKeys(o: object, skipIndices: boolean): (string | symbol)[] {
  const keys: (string | symbol)[] = Object.keys(o).filter(
    (k) => !(skipIndices && /^(0|[1-9]\d*)$/.test(k) && Number(k) < 2 ** 32 - 1),
  );
  for (const s of Object.getOwnPropertySymbols(o))
    if (Object.getOwnPropertyDescriptor(o, s)?.enumerable) keys.push(s);
  return keys;
}

function keyText(k: string | symbol): string {
  if (typeof k === "symbol") return `[${k.toString()}]`;
  if (k === "__proto__") return "['__proto__']";
  return IDENTIFIER.test(k) ? k : quote(k);
}

/** One `key: value` entry (or, in an array, the value alone). */
function entry(o: object, k: string | symbol, depth: number, p: Pass, inArray: boolean): string {
  const d = Object.getOwnPropertyDescriptor(o, k) ?? {
    value: (o as Record<string | symbol, unknown>)[k],
    enumerable: true,
  };
  let text: string;
  if (d.value !== undefined || !("get" in d || "set" in d)) {
    p.indent += 2;
    text = format(d.value, depth, p);
    p.indent -= 2;
  } else if (d.get !== undefined) text = d.set !== undefined ? "[Getter/Setter]" : "[Getter]";
  else text = d.set !== undefined ? "[Setter]" : "undefined";
  return inArray ? text : `${keyText(k)}: ${text}`;
}

/** Up to 100 array items (holes counted as `<n empty items>`), then "... n more items". */
function arrayItems(a: readonly unknown[], depth: number, p: Pass): string[] {
  const out: string[] = [];
  let shown = 0;
  let i = 0;
  while (i < a.length && shown < MAX_ITEMS) {
    if (!Object.prototype.hasOwnProperty.call(a, i)) {
      let j = i;
      while (j < a.length && !Object.prototype.hasOwnProperty.call(a, j)) j++;
      out.push(`<${j - i} empty item${j - i > 1 ? "s" : ""}>`);
      i = j;
    } else {
      out.push(entry(a, String(i), depth, p, true));
      i++;
    }
    shown++;
  }
  const rest = a.length - i;
  if (rest > 0) out.push(`... ${rest} more item${rest > 1 ? "s" : ""}`);
  return out;
}

/**
 * Long lists of short items are laid out in aligned columns (numbers right-aligned), as Node
 * does for arrays of more than six items.
 */
function columns(items: string[], source: ArrayLike<unknown>, p: Pass): string[] {
  const hasMore =
    items.length > MAX_ITEMS || /^\.\.\. \d+ more item/.test(items[items.length - 1] ?? "");
  const n = hasMore && items.length > MAX_ITEMS ? items.length - 1 : items.length;
  const lengths = items.slice(0, n).map((s) => s.length);
  const total = lengths.reduce((a, b) => a + b + 2, 0);
  const longest = Math.max(0, ...lengths);
  const cell = longest + 2;
  if (!(cell * 3 + p.indent < BREAK && (total / cell > 5 || longest <= 6))) return items;
  const bias = Math.sqrt(cell - total / items.length);
  const biased = Math.max(cell - 3 - bias, 1);
  const cols = Math.min(
    Math.round(Math.sqrt(2.5 * biased * n) / biased),
    Math.floor((BREAK - p.indent) / cell),
    COMPACT * 4,
    15,
  );
  if (cols <= 1) return items;
  const widths: number[] = [];
  for (let c = 0; c < cols; c++) {
    let w = 0;
    for (let j = c; j < n; j += cols) w = Math.max(w, lengths[j]);
    widths.push(w + 2);
  }
  let numeric = true;
  for (let i = 0; i < items.length; i++) {
    const t = typeof source[i];
    if (t !== "number" && t !== "bigint") {
      numeric = false;
      break;
    }
  }
  const rows: string[] = [];
  for (let i = 0; i < n; i += cols) {
    const end = Math.min(i + cols, n);
    let line = "";
    for (let j = i; j < end - 1; j++)
      line += numeric
        ? `${items[j]}, `.padStart(widths[j - i])
        : `${items[j]}, `.padEnd(widths[j - i]);
    line += numeric ? items[end - 1].padStart(widths[end - 1 - i] - 2) : items[end - 1];
    rows.push(line);
  }
  if (n < items.length) rows.push(items[n]);
  return rows;
}

/** Joins the entries on one line when they fit, else one per line. */
function layout(
  entries: string[],
  open: string,
  close: string,
  base: string,
  depth: number,
  p: Pass,
  isArray: boolean,
  source?: ArrayLike<unknown>,
): string {
  const count = entries.length;
  let out = entries;
  if (isArray && count > 6) out = columns(entries, source ?? [], p);
  const head = base ? `${base} ` : "";
  if (p.lastDepth - depth < COMPACT && out.length === count) {
    let length = out.length + (out.length + p.indent + open.length + base.length + 10);
    let fits = length + out.length <= BREAK;
    for (const e of out) {
      if (!fits) break;
      length += e.length;
      fits = length <= BREAK;
    }
    if (fits && !base.includes("\n")) {
      const joined = out.join(", ");
      if (!joined.includes("\n")) return `${head}${open} ${joined} ${close}`;
    }
  }
  const nl = `\n${" ".repeat(p.indent)}`;
  return `${head}${open}${nl}  ${out.join(`,${nl}  `)}${nl}${close}`;
}

function isTypedArray(o: object): o is ArrayLike<number | bigint> & object {
  return ArrayBuffer.isView(o) && !(o instanceof DataView);
}

function format(v: unknown, depth: number, p: Pass): string {
  const prim = primitive(v, p);
  if (prim !== undefined) return prim;
  const o = v as object;
  if (p.path.includes(o)) {
    if (!p.circular.has(o)) p.circular.set(o, p.circular.size + 1);
    return `[Circular *${p.circular.get(o)}]`;
  }
  const text = formatObject(o, depth, p);
  const ref = p.circular.get(o);
  return ref === undefined ? text : `<ref *${ref}> ${text}`;
}

function formatObject(o: object, depth: number, p: Pass): string {
  const ctor = constructorName(o);
  const tag = (o as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag];
  const tagText = typeof tag === "string" && tag !== "" && tag !== ctor ? ` [${tag}]` : "";
  const prefix = (fallback: string, size = "") =>
    ctor === null ? `[${fallback}${size}: null prototype]${tagText} ` : `${ctor}${size}${tagText} `;
  let open = "{";
  let base = "";
  let isArray = false;
  let items: (d: number) => string[] = () => [];
  let keys: (string | symbol)[];
  let emptyText: string | undefined;
  let source: ArrayLike<unknown> | undefined;

  if (Array.isArray(o)) {
    keys = shownKeys(o, true);
    const pre = ctor === "Array" && tagText === "" ? "" : prefix("Array", `(${o.length})`);
    open = `${pre}[`;
    isArray = true;
    source = o;
    if (o.length === 0 && keys.length === 0) return `${open}]`;
    items = (d) => arrayItems(o, d, p);
    return finish(o, depth, p, open, "]", base, keys, items, isArray, source);
  }
  if (isTypedArray(o)) {
    keys = shownKeys(o, true);
    open = `${prefix(ctor ?? "TypedArray", `(${o.length})`)}[`;
    isArray = true;
    source = o;
    if (o.length === 0 && keys.length === 0) return `${open}]`;
    items = () => {
      const out: string[] = [];
      const n = Math.min(o.length, MAX_ITEMS);
      for (let i = 0; i < n; i++)
        out.push(typeof o[i] === "bigint" ? `${o[i]}n` : numberText(o[i] as number));
      if (o.length > n) out.push(`... ${o.length - n} more item${o.length - n > 1 ? "s" : ""}`);
      return out;
    };
    return finish(o, depth, p, open, "]", base, keys, items, isArray, source);
  }
  keys = shownKeys(o, false);
  if (o instanceof Map) {
    open = `${prefix("Map", `(${o.size})`)}{`;
    if (o.size === 0 && keys.length === 0) return `${open}}`;
    items = (d) => {
      p.indent += 2;
      const out = [...o].map(([k, val]) => `${format(k, d, p)} => ${format(val, d, p)}`);
      p.indent -= 2;
      return out;
    };
  } else if (o instanceof Set) {
    open = `${prefix("Set", `(${o.size})`)}{`;
    if (o.size === 0 && keys.length === 0) return `${open}}`;
    items = (d) => {
      p.indent += 2;
      const out = [...o].map((val) => format(val, d, p));
      p.indent -= 2;
      return out;
    };
  } else if (typeof o === "function") {
    base = functionBase(o as Function);
    if (keys.length === 0) return base;
  } else if (o instanceof RegExp) {
    base = RegExp.prototype.toString.call(o);
    if (keys.length === 0) return base;
  } else if (o instanceof Date) {
    base = Number.isNaN(o.getTime()) ? "Invalid Date" : o.toISOString();
    if (keys.length === 0) return base;
  } else if (o instanceof Error) {
    base = errorText(o);
    keys = keys.filter((k) => k !== "stack" && k !== "message");
    if (keys.length === 0) return base;
  } else if (o instanceof Number || o instanceof String || o instanceof Boolean) {
    const inner = o.valueOf();
    const type =
      typeof inner === "string" ? "String" : typeof inner === "number" ? "Number" : "Boolean";
    base = `[${type}: ${primitive(inner, p)}]`;
    if (o instanceof String) keys = keys.filter((k) => !(typeof k === "string" && /^\d+$/.test(k)));
    if (keys.length === 0) return base;
  } else {
    if (ctor === "Object") {
      if (tagText !== "") open = `Object${tagText} {`;
    } else open = `${prefix("Object")}{`;
    emptyText = `${open}}`;
    if (keys.length === 0) return emptyText;
  }
  return finish(o, depth, p, open, "}", base, keys, items, isArray, source);
}

function finish(
  o: object,
  depth: number,
  p: Pass,
  open: string,
  close: string,
  base: string,
  keys: (string | symbol)[],
  items: (d: number) => string[],
  isArray: boolean,
  source?: ArrayLike<unknown>,
): string {
  if (depth > DEPTH) {
    const ctor = constructorName(o);
    const fallback = isArray ? "Array" : typeof o === "function" ? "Function" : "Object";
    return `[${ctor === null ? `${fallback}: null prototype` : ctor}]`;
  }
  const d = depth + 1;
  p.path.push(o);
  p.lastDepth = d;
  const entries = items(d);
  for (const k of keys) entries.push(entry(o, k, d, p, false));
  p.path.pop();
  return layout(entries, open, close, base, d, p, isArray, source);
}

function errorText(e: Error): string {
  const stack = typeof e.stack === "string" && e.stack !== "" ? e.stack : `${e.name}: ${e.message}`;
  return stack.includes("\n    at") || stack.startsWith(`${e.name}`) ? stack : `[${stack}]`;
}

/**
 * A value as Node's `util.inspect` writes it with its default options.
 * @param value any value
 * @returns the text
 * @example
 * inspect({ mu: 5, sigma: 2 });   // => "{ mu: 5, sigma: 2 }"
 * inspect([0.5, -0]);             // => "[ 0.5, -0 ]"
 * inspect("it's");                // => "\"it's\""
 */
export function inspect(value: unknown): string {
  return format(value, 0, { indent: 0, lastDepth: 0, path: [], circular: new Map() });
}

/**
 * The line `console.log(...args)` writes, as Node's `util.format` builds it: a first string
 * argument may hold %s %d %i %f %j %o %O %c %% placeholders; strings are written as they are,
 * every other argument through {@link inspect}.
 * @example
 * formatLog(["θ =", 0.61]);          // => "θ = 0.61"
 * formatLog(["%d%% of %s", 50, "m"]); // => "50% of m"
 */
export function formatLog(args: readonly unknown[]): string {
  const parts: string[] = [];
  let rest = args;
  if (typeof args[0] === "string" && args.length > 1 && args[0].includes("%")) {
    let k = 1;
    const head = args[0].replace(/%([sdifjoOc%])/g, (all, c: string) => {
      if (c === "%") return "%";
      if (k >= args.length) return all;
      const a = args[k++];
      switch (c) {
        case "s":
          return typeof a === "string"
            ? a
            : typeof a === "bigint"
              ? `${a}n`
              : typeof a === "number"
                ? numberText(a)
                : a !== null && typeof a === "object"
                  ? inspectShallow(a)
                  : String(a);
        case "d":
          return typeof a === "bigint"
            ? `${a}n`
            : typeof a === "symbol"
              ? "NaN"
              : numberText(Number(a));
        case "i":
          return typeof a === "bigint"
            ? `${a}n`
            : typeof a === "symbol"
              ? "NaN"
              : numberText(parseInt(String(a), 10));
        case "f":
          return typeof a === "symbol" ? "NaN" : numberText(parseFloat(String(a)));
        case "j":
          try {
            return JSON.stringify(a) ?? "undefined";
          } catch {
            return "[Circular]";
          }
        case "c":
          return "";
        default:
          return inspect(a);
      }
    });
    parts.push(head);
    rest = args.slice(k);
  } else if (args.length > 0) {
    parts.push(typeof args[0] === "string" ? args[0] : inspect(args[0]));
    rest = args.slice(1);
  }
  for (const a of rest) parts.push(typeof a === "string" ? a : inspect(a));
  return parts.join(" ");
}

/** `%s` of an object: its inspect one level deep. */
function inspectShallow(o: object): string {
  return format(o, DEPTH, { indent: 0, lastDepth: DEPTH, path: [], circular: new Map() });
}
