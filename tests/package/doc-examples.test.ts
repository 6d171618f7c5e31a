// Every `@example` in lib/src's doc comments is run against the built library (mlekit), and each `// => value`
// (or `// throws Kind: message`, `// => throws Kind "message"`) must be what the code gives: the
// documented values cannot go stale (logFactorial(1000) was documented 5912.128178939938 where it
// is 5912.128178488163).
//
// An example is read line by line: code lines are statements (a statement ends with `;` at the end
// of a line, brackets balanced); a marker on a code line checks that line's statement, a marker on
// a line of its own checks the statement just before. Statements without a marker run as setup, in
// order, in one scope per example, with every export of mlekit in scope. The text after the value
// (a parenthesised remark) is commentary. Numbers compare exactly (0 and −0 alike), arrays entry
// by entry (`Float64Array [...]` must be a Float64Array), objects key by key.
import { test } from "uvu";
import * as assert from "uvu/assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import * as lib from "mlekit"; // the built package (lib/dist), as users get it

const SRC = path.join(__dirname, "..", "..", "lib", "src");

interface Check {
  file: string;
  line: number;
  expr: string;
  expected: string;
}

interface Example {
  file: string;
  line: number;
  /** Setup statements and checks, in order. */
  steps: ({ stmt: string } | { check: Check })[];
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? walk(path.join(dir, e.name))
        : e.name.endsWith(".ts")
          ? [path.join(dir, e.name)]
          : [],
    );
}

/** Brackets opened minus closed in a line of code (strings are not special-cased: the examples keep brackets balanced inside strings). */
function depth(code: string): number {
  let d = 0;
  for (const ch of code) {
    if (ch === "(" || ch === "[" || ch === "{") d++;
    else if (ch === ")" || ch === "]" || ch === "}") d--;
  }
  return d;
}

const MARKER = /\/\/\s*(=>\s*throws\b|=>|throws\b)(.*)$/;

/** The @example blocks of one file, parsed into steps. */
export function examplesOf(file: string): Example[] {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const out: Example[] = [];
  let inExample = false;
  let current: Example | undefined;
  let pending: string[] = []; // the statement being read
  let last: string | undefined; // the last complete statement not yet run
  let pendingDepth = 0;
  const flushLast = (): void => {
    if (last !== undefined && current) current.steps.push({ stmt: last });
    last = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const docLine = /^\s*\*(?:\s(.*))?$/.exec(raw);
    const endOfBlock = /\*\/\s*$/.test(raw);
    if (!docLine || endOfBlock || /^\s*\*\s*@(?!example)\w/.test(raw)) {
      if (inExample) {
        flushLast();
        inExample = false;
      }
      if (!docLine || endOfBlock) continue;
    }
    const text = docLine[1] ?? "";
    if (/^@example\b/.test(text)) {
      inExample = true;
      current = { file, line: i + 1, steps: [] };
      out.push(current);
      pending = [];
      last = undefined;
      pendingDepth = 0;
      continue;
    }
    if (!inExample || !current) continue;
    const m = MARKER.exec(text);
    const code = (m ? text.slice(0, m.index) : text).trim();
    if (code) {
      pending.push(code);
      pendingDepth += depth(code);
      if (pendingDepth <= 0 && /[;}]$/.test(code)) {
        flushLast();
        last = pending.join("\n");
        pending = [];
        pendingDepth = 0;
      }
    }
    if (m) {
      const expr = last ?? pending.join("\n");
      if (!expr) throw new Error(`${file}:${i + 1}: a marker with no statement before it`);
      const kind = m[1].replace(/\s+/g, " ");
      const expected = kind === "=>" ? m[2].trim() : `throws${m[2]}`.trim();
      current.steps.push({
        check: { file, line: i + 1, expr: expr.replace(/;\s*$/, ""), expected },
      });
      last = undefined;
      if (!last && pending.length && expr === pending.join("\n")) {
        pending = [];
        pendingDepth = 0;
      }
    }
  }
  return out.filter((e) => e.steps.some((s) => "check" in s));
}

/** The value part of an expected text (a bracketed or quoted value, or one token), without the remark after it. */
export function valueText(expected: string): string {
  const s = expected.trim();
  const open = s.startsWith("Float64Array [") ? s.indexOf("[") : /^[[{]/.test(s) ? 0 : -1;
  if (open >= 0) {
    let d = 0;
    for (let i = open; i < s.length; i++) {
      if ("[{(".includes(s[i])) d++;
      else if ("]})".includes(s[i]) && --d === 0) return s.slice(0, i + 1);
    }
    return s;
  }
  if (s.startsWith('"')) return s.slice(0, s.indexOf('"', 1) + 1);
  return s.split(/\s+/)[0];
}

function parseExpected(text: string): unknown {
  const js = text.startsWith("Float64Array [") ? `Float64Array.from(${text.slice(13)})` : text;
  return new Function(`return (${js});`)();
}

function same(actual: unknown, expected: unknown, typed: boolean): boolean {
  if (typeof expected === "number")
    return (
      typeof actual === "number" &&
      (actual === expected || (actual !== actual && expected !== expected))
    );
  if (expected instanceof Float64Array || Array.isArray(expected)) {
    if (typed && !(actual instanceof Float64Array)) return false;
    if (!(Array.isArray(actual) || ArrayBuffer.isView(actual))) return false;
    const a = actual as ArrayLike<unknown>;
    const e = expected as ArrayLike<unknown>;
    if (a.length !== e.length) return false;
    for (let i = 0; i < e.length; i++) if (!same(a[i], e[i], false)) return false;
    return true;
  }
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") return false;
    const ek = Object.keys(expected).sort();
    const ak = Object.keys(actual).sort();
    if (ek.join() !== ak.join()) return false;
    return ek.every((k) =>
      same((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], false),
    );
  }
  return Object.is(actual, expected);
}

function show(v: unknown): string {
  if (v instanceof Float64Array) return `Float64Array [${Array.from(v).join(", ")}]`;
  if (typeof v === "string") return JSON.stringify(v);
  return (
    JSON.stringify(v, (_k, x) =>
      typeof x === "number" && !Number.isFinite(x)
        ? String(x)
        : ArrayBuffer.isView(x)
          ? Array.from(x as Float64Array)
          : x,
    ) ?? String(v)
  );
}

/** Runs one check; returns a failure message or undefined. */
function verify(c: Check, run: () => unknown): string | undefined {
  const where = `${path.relative(SRC, c.file)}:${c.line}: ${c.expr.replace(/\s+/g, " ")}`;
  const thrown = /^throws\s+(\w+)(?:\s*:\s*|\s+"|\s*$)(.*?)"?\s*$/.exec(c.expected);
  let value: unknown;
  try {
    value = run();
  } catch (e) {
    if (!thrown)
      return `${where}: threw ${(e as Error).name}: ${(e as Error).message}, documented ${c.expected}`;
    const err = e as Error;
    if (err.constructor.name !== thrown[1])
      return `${where}: threw ${err.constructor.name}, documented ${thrown[1]}`;
    if (thrown[2] && err.message !== thrown[2])
      return `${where}: message ${JSON.stringify(err.message)}, documented ${JSON.stringify(thrown[2])}`;
    return undefined;
  }
  if (thrown) return `${where}: returned ${show(value)}, documented ${c.expected}`;
  const text = valueText(c.expected);
  let expected: unknown;
  try {
    expected = parseExpected(text);
  } catch {
    return `${where}: cannot read the documented value ${JSON.stringify(text)}`;
  }
  if (!same(value, expected, text.startsWith("Float64Array")))
    return `${where}: gives ${show(value)}, documented ${text}`;
  return undefined;
}

const NAMES = Object.keys(lib).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k));
const VALUES = NAMES.map((k) => (lib as Record<string, unknown>)[k]);

/** Runs an example: its statements in order in one scope; returns the failures. */
function runExample(ex: Example): string[] {
  const checks: Check[] = [];
  const body = ex.steps
    .map((s) => {
      if ("stmt" in s) return s.stmt;
      checks.push(s.check);
      return `__check(${checks.length - 1}, () => (${s.check.expr}));`;
    })
    .join("\n");
  const js = ts.transpileModule(body, {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.None },
  }).outputText;
  const failures: string[] = [];
  const check = (i: number, run: () => unknown): void => {
    const f = verify(checks[i], run);
    if (f) failures.push(f);
  };
  try {
    new Function(...NAMES, "__check", js)(...VALUES, check);
  } catch (e) {
    failures.push(
      `${path.relative(SRC, ex.file)}:${ex.line}: the example's setup threw ${(e as Error).message}`,
    );
  }
  return failures;
}

const EXAMPLES = walk(SRC).flatMap(examplesOf);

test("the reader finds the examples of lib/src: two hundred checked values or more", () => {
  const n = EXAMPLES.reduce((s, e) => s + e.steps.filter((x) => "check" in x).length, 0);
  assert.ok(n >= 200, `only ${n} documented values found`);
});

test("the reader fails a wrong documented value, a wrong error class and a wrong message", () => {
  const c = (expr: string, expected: string): string | undefined =>
    verify({ file: path.join(SRC, "x.ts"), line: 1, expr, expected }, () =>
      new Function(...NAMES, `return (${expr});`)(...VALUES),
    );
  assert.is(c("logGamma(10)", "12.801827480081469 (ln 9!)"), undefined);
  assert.ok(c("logGamma(10)", "12.80182748008147"));
  assert.ok(c("softmax([0, 0])", "[0.5, 0.5]") === undefined);
  assert.ok(c("[0.5, 0.5]", "Float64Array [0.5, 0.5]"));
  assert.is(c("logGamma(-1)", "throws RangeError"), undefined);
  assert.ok(c("logGamma(-1)", "throws TypeError"));
  assert.ok(c("logGamma(-1)", 'throws RangeError "logGamma: something else"'));
  assert.ok(c("logGamma(1)", "throws RangeError"));
});

test("every @example value in lib/src is what the library gives", () => {
  const failures = EXAMPLES.flatMap(runExample);
  assert.equal(failures, [], `${failures.length} stale example(s):\n${failures.join("\n")}`);
});

test.run();
