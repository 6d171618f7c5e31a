#!/usr/bin/env node
// `npm run mutation [-- <area>...] [--force] [--concurrency N] [--files part,...] [--survivors-only] [--plan | --check-plan | --report]`,
// `npm run mutation -- --breaks [break ...]` (issue 22's hand-made breaks: scripts/mutation-breaks.ts):
// mutation testing with Stryker (StrykerJS 9, its TypeScript checker, its command runner) over
// the code whose tests must fail when the code is wrong. Not part of `npm test`.
// mutation/README.md explains the arrangement, its measured cost and how to read the results.
//
// For each area (all of them, or the ones named):
//  1. the mutated code: whole files, or named top-level declarations of a file (turned into
//     Stryker line ranges here, so the ranges follow the code when it moves);
//  2. the plan for mutation/run-tests.js: for each mutated file, the area's test files that can
//     run its code (imports followed by name through barrels; the workspace packages count as
//     their sources, as mutation/register.js resolves them);
//  3. incremental mode: Stryker keeps its results in reports/mutation/<area>/incremental.json
//     (not committed) and re-tests only mutants whose code changed. Stryker cannot see test
//     changes through the command runner, so this script also keeps, per mutated file, a hash
//     of every file its tests load and every fixture they name; when that hash changes, the
//     file's old results are dropped and its mutants are tested again;
//  4. Stryker runs (HTML report reports/mutation/<area>/index.html), then the score is printed,
//     and the surviving mutants are written to mutation/survivors/<area>.txt (committed, so a
//     change in the survivors shows in review). A survivor listed in mutation/equivalent.md is
//     counted as classified; any other is "unexplained".
// At the end: one table, a row per area.
// --plan prints step 2; --check-plan checks it against V8 coverage; --report rescores the last
// run without running Stryker.
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawn, spawnSync } from "child_process";
import { pathToFileURL } from "url";
import * as ts from "typescript";
import { runBreaks } from "./mutation-breaks";

const ROOT = path.resolve(__dirname, "..");
const REPORTS = path.join(ROOT, "reports", "mutation");
const SURVIVORS = path.join(ROOT, "mutation", "survivors");
const EQUIVALENT = path.join(ROOT, "mutation", "equivalent.md");

/** What Stryker mutates: a whole file, or only the named top-level declarations in it. */
interface Target {
  file: string;
  declarations?: string[];
}

/** One mutated area: its code, the test files that may kill its mutants, the tsconfig the checker uses. */
interface Area {
  name: string;
  title: string;
  targets: Target[];
  /** Test files, as paths relative to tests/ matched by these regular expressions. */
  tests: RegExp[];
  tsconfig: string;
  /** The goal for the mutation score, from issue 22. */
  goal: number;
  /** The whole area, when `--files` picked a part of it (this area's targets are then that part). */
  whole?: Area;
}

/**
 * Every .ts file of a folder that holds code (not recursive: the areas are flat folders). A
 * file of types and re-exports only (an index, types.ts) has nothing to mutate.
 */
const tsFiles = (dir: string): Target[] =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && hasCode(`${dir}/${f}`))
    .sort()
    .map((f) => ({ file: `${dir}/${f}` }));

/** Whether a TypeScript file has a statement that runs (not only imports, re-exports and types). */
function hasCode(file: string): boolean {
  const sf = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), "utf8"),
    ts.ScriptTarget.ES2020,
    false,
  );
  return sf.statements.some(
    (st) =>
      !ts.isImportDeclaration(st) &&
      !(ts.isExportDeclaration(st) && st.moduleSpecifier) &&
      !ts.isInterfaceDeclaration(st) &&
      !ts.isTypeAliasDeclaration(st) &&
      !(
        ts.canHaveModifiers(st) &&
        (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
      ),
  );
}

export const AREAS: Area[] = [
  {
    name: "information",
    title: "lib/src/information and lib/src/simd/passes.ts",
    // passes.ts holds the hot loops of entropy, crossEntropy, klDivergence and logSumExp (the
    // compensated block sums issue 22's breaks were about moved there with the SIMD kernels), in
    // JS and through the kernels; tests/simd/wired.test.ts checks the two paths against each other
    // and against the information fixtures. instance.ts and module.ts (loading the WebAssembly
    // module, its bytes) are not the information measures' arithmetic, and stay out.
    targets: [...tsFiles("lib/src/information"), { file: "lib/src/simd/passes.ts" }],
    tests: [/^information\//, /^simd\//],
    tsconfig: "lib/tsconfig.json",
    goal: 90,
  },
  {
    name: "estimators",
    title: "lib/src/estimators",
    targets: tsFiles("lib/src/estimators"),
    tests: [/^estimators\//],
    tsconfig: "lib/tsconfig.json",
    goal: 80,
  },
  {
    name: "distributions",
    title: "lib/src/distributions",
    targets: tsFiles("lib/src/distributions"),
    tests: [/^distributions\//],
    tsconfig: "lib/tsconfig.json",
    goal: 80,
  },
  {
    name: "exercises",
    title: "the kit's answer checker (notebooks/kit/src/exercises)",
    targets: tsFiles("notebooks/kit/src/exercises"),
    // The course's exercise tests check answers through this checker too.
    tests: [/^kit\/exercises\//, /^course\/exercises\//],
    tsconfig: "notebooks/kit/tsconfig.json",
    goal: 90,
  },
  {
    name: "escaping",
    title: "the exporter's escaping and heading ids, the kit's display escape",
    targets: [
      { file: "scripts/export/notebook.ts", declarations: ["HTML_ESCAPES", "escapeHtml"] },
      { file: "scripts/export/math.ts", declarations: ["markdownToHtml", "slug"] },
      { file: "scripts/export/math-svg.ts", declarations: ["escapeXml", "escapeAttribute"] },
      { file: "notebooks/kit/src/display/escape.ts" },
    ],
    tests: [/^export\//, /^kit\/display\//],
    tsconfig: "mutation/tsconfig.escaping.json",
    goal: 80,
  },
];

// ---------------------------------------------------------------- import graph

const PACKAGE_SOURCES: Record<string, string> = {
  "mlekit": "lib/src/index.ts",
  "notebook-kit": "notebooks/kit/src/index.ts",
  "mle-course": "notebooks/course/src/index.ts",
};

/** The repository file an import names, or undefined for a module outside the repository. */
function resolveImport(from: string, spec: string): string | undefined {
  if (spec in PACKAGE_SOURCES) return PACKAGE_SOURCES[spec];
  if (!spec.startsWith(".")) return undefined;
  const base = path.join(path.dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    path.join(base, "index.ts"),
    `${base}.js`,
    `${base}.json`,
  ]) {
    const abs = path.join(ROOT, candidate);
    if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return candidate.split(path.sep).join("/");
  }
  return undefined;
}

/** What one module's code does with other modules, read from its syntax. */
interface ModuleInfo {
  /** Names it imports by name: [module file, exported name]. `import type` is left out (erased). */
  named: [string, string][];
  /** Modules it loads whole: `import * as`, side-effect imports, `require()`, `import()`. */
  whole: string[];
  /** Names it exports from its own declarations (`export function f`, `export { f }`, `export default`). */
  own: Set<string>;
  /** `export { a as b } from "m"`: exported name -> [module file, name there]. */
  reexports: Map<string, [string, string]>;
  /** `export * from "m"` and `export * as ns from "m"` (with ns). */
  stars: { file: string; as?: string }[];
}

const moduleCache = new Map<string, ModuleInfo>();
function moduleInfo(file: string): ModuleInfo {
  const cached = moduleCache.get(file);
  if (cached) return cached;
  const info: ModuleInfo = {
    named: [],
    whole: [],
    own: new Set(),
    reexports: new Map(),
    stars: [],
  };
  moduleCache.set(file, info);
  if (!/\.[cm]?ts$/.test(file)) return info;
  const sf = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), "utf8"),
    ts.ScriptTarget.ES2020,
    true,
  );
  const target = (spec: ts.Expression | undefined): string | undefined =>
    spec && ts.isStringLiteral(spec) ? resolveImport(file, spec.text) : undefined;
  const exported = (n: ts.Node): boolean =>
    ts.canHaveModifiers(n) &&
    (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const stmt of sf.statements) {
    if (ts.isImportDeclaration(stmt)) {
      const m = target(stmt.moduleSpecifier);
      const clause = stmt.importClause;
      if (!m || clause?.isTypeOnly) continue;
      if (!clause) info.whole.push(m);
      else {
        if (clause.name) info.named.push([m, "default"]);
        const nb = clause.namedBindings;
        if (nb && ts.isNamespaceImport(nb)) info.whole.push(m);
        if (nb && ts.isNamedImports(nb))
          for (const el of nb.elements)
            if (!el.isTypeOnly) info.named.push([m, (el.propertyName ?? el.name).text]);
      }
    } else if (ts.isExportDeclaration(stmt)) {
      if (stmt.isTypeOnly) continue;
      const m = target(stmt.moduleSpecifier);
      const clause = stmt.exportClause;
      if (m && !clause) info.stars.push({ file: m });
      else if (m && clause && ts.isNamespaceExport(clause))
        info.stars.push({ file: m, as: clause.name.text });
      else if (clause && ts.isNamedExports(clause)) {
        for (const el of clause.elements) {
          if (el.isTypeOnly) continue;
          if (m) info.reexports.set(el.name.text, [m, (el.propertyName ?? el.name).text]);
          else info.own.add(el.name.text);
        }
      }
    } else if (ts.isExportAssignment(stmt)) info.own.add("default");
    else if (exported(stmt)) for (const name of declaredNames(stmt, sf)) info.own.add(name);
  }
  // require("m") and import("m") anywhere in the code (types like `typeof import("m")` are not calls).
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.arguments.length === 1) {
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const m = isRequire || isImport ? target(node.arguments[0]) : undefined;
      if (m) info.whole.push(m);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return info;
}

/**
 * The files whose code a name exported by `file` runs: the file that declares it, followed
 * through re-exports and `export *`. A name that cannot be found counts as the whole module.
 */
function definers(file: string, name: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const info = moduleInfo(file);
  if (info.own.has(name)) return [file];
  const re = info.reexports.get(name);
  if (re) return definers(re[0], re[1], seen);
  for (const star of info.stars) if (star.as === name) return [star.file];
  for (const star of info.stars) {
    if (star.as !== undefined) continue;
    const found = definers(star.file, name, seen);
    if (found.length) return found;
  }
  return seen.size === 1 ? [file] : [];
}

/**
 * Every repository file whose code a file can run: itself, and through its imports the files
 * that define what it imports (a barrel's other modules are not followed: a test that imports
 * `entropy` from lib/src/information/index.ts runs entropy.ts and what entropy.ts imports, not
 * kl-divergence.ts). A module loaded whole (namespace import, require) counts with all it exports.
 */
function closure(file: string): Set<string> {
  const seen = new Set<string>();
  const whole = new Set<string>();
  const stack: { file: string; whole: boolean }[] = [{ file, whole: true }];
  while (stack.length) {
    const next = stack.pop() as { file: string; whole: boolean };
    if (next.whole) {
      if (whole.has(next.file)) continue;
      whole.add(next.file);
    } else if (seen.has(next.file)) continue;
    seen.add(next.file);
    const info = moduleInfo(next.file);
    for (const [m, name] of info.named)
      for (const d of definers(m, name)) stack.push({ file: d, whole: false });
    for (const m of info.whole) stack.push({ file: m, whole: true });
    if (next.whole) {
      for (const [m, name] of info.reexports.values())
        for (const d of definers(m, name)) stack.push({ file: d, whole: false });
      for (const star of info.stars) stack.push({ file: star.file, whole: true });
    }
  }
  return seen;
}

const identifiersCache = new Map<string, Set<string>>();
/** Every identifier a TypeScript file names (declarations, uses, property names; comments and strings aside). */
function identifiersOf(file: string): Set<string> {
  let found = identifiersCache.get(file);
  if (!found) {
    const names = new Set<string>();
    if (/\.[cm]?[jt]s$/.test(file)) {
      const sf = ts.createSourceFile(
        file,
        fs.readFileSync(path.join(ROOT, file), "utf8"),
        ts.ScriptTarget.ES2020,
        false,
      );
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node)) names.add(node.text);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    identifiersCache.set(file, (found = names));
  }
  return found;
}

/**
 * The top-level declarations of a file that run the given ones: the given names, and every
 * declaration whose code names one of them, to a fixed point.
 */
function callersWithin(file: string, declarations: string[]): Set<string> {
  const sf = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), "utf8"),
    ts.ScriptTarget.ES2020,
    true,
  );
  const decls = sf.statements.flatMap((stmt) =>
    declaredNames(stmt, sf).map((name) => ({ name, ids: new Set<string>(), stmt })),
  );
  for (const d of decls) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) d.ids.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(d.stmt);
  }
  const reach = new Set(declarations);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of decls) {
      if (!reach.has(d.name) && [...reach].some((r) => d.ids.has(r))) {
        reach.add(d.name);
        grew = true;
      }
    }
  }
  return reach;
}

/** The names a top-level statement declares. */
function declaredNames(stmt: ts.Statement, sf: ts.SourceFile): string[] {
  if (ts.isVariableStatement(stmt))
    return stmt.declarationList.declarations.map((d) => d.name.getText(sf));
  if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt)) && stmt.name)
    return [stmt.name.text];
  return [];
}

/**
 * Whether a test file can run a target's code: its imports reach the file and, when only some
 * declarations of the file are mutated, some file it loads (the test included, the mutated
 * file aside) names one of those declarations or a declaration of the file that runs them.
 * Identifiers are compared by name, so the test over-approximates (never misses a caller that
 * names the function; a property reached by a computed name would be missed, and the code
 * here has none).
 */
function reaches(target: Target, testClosure: Set<string>): boolean {
  if (!testClosure.has(target.file)) return false;
  if (!target.declarations) return true;
  const names = callersWithin(target.file, target.declarations);
  return [...testClosure].some(
    (f) => f !== target.file && [...names].some((n) => identifiersOf(f).has(n)),
  );
}

/** Test files under tests/ (relative to tests/, forward slashes). */
function allTestFiles(dir = path.join(ROOT, "tests"), prefix = ""): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? allTestFiles(path.join(dir, e.name), `${prefix}${e.name}/`)
        : e.name.endsWith(".test.ts")
          ? [`${prefix}${e.name}`]
          : [],
    )
    .sort();
}

// ---------------------------------------------------------------- mutate ranges

/** `file:start-end` line ranges of the named top-level declarations (function, const, class, ...). */
function mutatePatterns(target: Target): string[] {
  if (!target.declarations) return [target.file];
  const source = fs.readFileSync(path.join(ROOT, target.file), "utf8");
  const sf = ts.createSourceFile(target.file, source, ts.ScriptTarget.ES2020, true);
  const ranges = new Map<string, string>();
  for (const stmt of sf.statements) {
    for (const name of declaredNames(stmt, sf)) {
      if (!target.declarations.includes(name)) continue;
      const start = sf.getLineAndCharacterOfPosition(stmt.getStart(sf, false)).line + 1;
      const end = sf.getLineAndCharacterOfPosition(stmt.getEnd()).line + 1;
      ranges.set(name, `${target.file}:${start}-${end}`);
    }
  }
  const missing = target.declarations.filter((d) => !ranges.has(d));
  if (missing.length)
    throw new Error(
      `mutation: ${target.file} has no top-level declaration named ${missing.join(", ")}`,
    );
  return [...ranges.values()];
}

// ---------------------------------------------------------------- reports

type Status =
  | "Killed"
  | "Survived"
  | "NoCoverage"
  | "Timeout"
  | "CompileError"
  | "RuntimeError"
  | "Ignored"
  | "Pending";
interface ReportMutant {
  id: string;
  mutatorName: string;
  replacement?: string;
  status: Status;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
interface Report {
  files: Record<string, { source: string; mutants: ReportMutant[] }>;
  [key: string]: unknown;
}

/** The text a mutant replaced (one line, shortened). */
function originalText(source: string, m: ReportMutant): string {
  const lines = source.split("\n");
  const { start, end } = m.location;
  const part =
    start.line === end.line
      ? lines[start.line - 1].slice(start.column - 1, end.column - 1)
      : [
          lines[start.line - 1].slice(start.column - 1),
          ...lines.slice(start.line, end.line - 1),
          lines[end.line - 1].slice(0, end.column - 1),
        ].join("\n");
  return oneLine(part);
}
const oneLine = (s: string, max = 100): string => {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The key a survivor is listed by in mutation/equivalent.md: `file:line:column Mutator replacement`. */
const mutantKey = (file: string, m: ReportMutant): string =>
  `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} ${oneLine(m.replacement ?? "")}`;

/** A key as a Markdown code span: a fence of backticks longer than any run inside it, and spaces. */
function codeSpan(key: string): string {
  const fence = "`".repeat(Math.max(1, ...(key.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  return `${fence} ${key} ${fence}`;
}

/**
 * Keys listed in mutation/equivalent.md: each list item starts with the key as a code span of
 * two or more backticks and a space on each side (as {@link codeSpan} writes it).
 */
function listedEquivalents(): Set<string> {
  if (!fs.existsSync(EQUIVALENT)) return new Set();
  const keys = [
    ...fs.readFileSync(EQUIVALENT, "utf8").matchAll(/^\s*[-*]\s+(`{2,}) (.+?) \1(?!`)/gm),
  ].map((m) => m[2]);
  return new Set(keys);
}

interface Score {
  area: string;
  mutants: number;
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  invalid: number;
  score: number;
  classified: number;
  unexplained: number;
  tested: number;
  seconds: number;
  goal: number;
}

function score(
  area: Area,
  report: Report,
  seconds: number,
  tested: number,
  { write = true, label = area.name }: { write?: boolean; label?: string } = {},
): Score {
  const all = Object.entries(report.files).flatMap(([file, f]) =>
    f.mutants.map((m) => ({ file, m, source: f.source })),
  );
  const count = (s: Status) => all.filter(({ m }) => m.status === s).length;
  const killed = count("Killed");
  const timeout = count("Timeout");
  const survived = count("Survived");
  const noCoverage = count("NoCoverage");
  const invalid = count("CompileError") + count("RuntimeError");
  const valid = killed + timeout + survived + noCoverage;
  const listed = listedEquivalents();
  const undetected = all.filter(({ m }) => m.status === "Survived" || m.status === "NoCoverage");
  const lines = undetected
    .map(({ file, m, source }) => ({
      key: mutantKey(file, m),
      text: `${m.status === "NoCoverage" ? "[no coverage] " : ""}${codeSpan(mutantKey(file, m))}  (was: ${originalText(source, m)})`,
    }))
    .sort((a, b) => a.key.localeCompare(b.key, "en", { numeric: true }));
  const classified = lines.filter((l) => listed.has(l.key)).length;
  // A timeout counts as detected (Stryker's rule). On a loaded machine a slow run can time out,
  // so they are listed too, to be confirmed on a quiet one.
  const timeouts = all
    .filter(({ m }) => m.status === "Timeout")
    .map(
      ({ file, m, source }) => `${codeSpan(mutantKey(file, m))}  (was: ${originalText(source, m)})`,
    )
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  if (write) {
    fs.mkdirSync(SURVIVORS, { recursive: true });
    fs.writeFileSync(
      path.join(SURVIVORS, `${area.name}.txt`),
      `# Surviving mutants of area "${area.name}" (${area.title}), written by \`npm run mutation -- ${area.name}\`${area.title.includes(", only ") ? " --files …" : ""}.\n` +
        `# One line per mutant: its key (file:line:column Mutator replacement), as mutation/equivalent.md lists it, then the code it replaced.\n` +
        `# [E] = listed in mutation/equivalent.md as equivalent (with the reason there).\n` +
        lines.map((l) => `${listed.has(l.key) ? "[E] " : ""}${l.text}`).join("\n") +
        (lines.length ? "\n" : "") +
        (timeouts.length
          ? `# Timed out (counted as detected; a loaded machine can make a run time out, so confirm these on a quiet one):\n${timeouts.join("\n")}\n`
          : ""),
    );
  }
  return {
    area: label,
    mutants: all.length,
    killed,
    timeout,
    survived,
    noCoverage,
    invalid,
    score: valid ? (100 * (killed + timeout)) / valid : NaN,
    classified,
    unexplained: lines.length - classified,
    tested,
    seconds,
    goal: area.goal,
  };
}

// ---------------------------------------------------------------- incremental bookkeeping

const sha1 = (s: string | Buffer): string => crypto.createHash("sha1").update(s).digest("hex");

let dataFiles: Map<string, string[]> | undefined;
/** Data files of the repository (fixtures, datasets) by base name: tests read them by name, not by import. */
function dataFilesByName(): Map<string, string[]> {
  if (!dataFiles) {
    dataFiles = new Map();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) {
          if (!["node_modules", "dist", "zh", ".ipynb_checkpoints"].includes(e.name)) walk(rel);
        } else if (/\.(json|csv|tsv|txt|ipynb|ya?ml)$/.test(e.name)) {
          dataFiles?.set(e.name, [...(dataFiles.get(e.name) ?? []), rel]);
        }
      }
    };
    walk("tests");
    walk("notebooks");
  }
  return dataFiles;
}

/** The data files a code file names in a string (`"../fixtures/estimators.json"`, `"horse-kicks.csv"`). */
function dataReadBy(file: string): string[] {
  if (!/\.[cm]?ts$/.test(file)) return [];
  const sf = ts.createSourceFile(
    file,
    fs.readFileSync(path.join(ROOT, file), "utf8"),
    ts.ScriptTarget.ES2020,
    false,
  );
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      found.push(...(dataFilesByName().get(path.basename(node.text)) ?? []));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Per mutated file: a hash of the runner, its test files, every file they load and every data
 * file those name (fixtures), the mutated file itself aside (Stryker follows its changes).
 */
function inputHashes(testsByFile: Record<string, string[]>): Record<string, string> {
  const runner = ["mutation/run-tests.js", "mutation/register.js"];
  const hashes: Record<string, string> = {};
  for (const [file, tests] of Object.entries(testsByFile)) {
    const inputs = new Set<string>(runner);
    for (const t of tests) {
      for (const f of closure(`tests/${t}`)) {
        if (f !== file) inputs.add(f);
        for (const d of dataReadBy(f)) inputs.add(d);
      }
    }
    const parts = [...inputs]
      .sort()
      .map((f) => `${f} ${sha1(fs.readFileSync(path.join(ROOT, f)))}`);
    hashes[file] = sha1(`${tests.join("\n")}\n--\n${parts.join("\n")}`);
  }
  return hashes;
}

/**
 * Drops from Stryker's incremental file the results of every mutated file whose tests (or what
 * they load) changed since the results were recorded, so Stryker tests those mutants again.
 * Returns the files dropped.
 */
function invalidate(
  incrementalFile: string,
  hashFile: string,
  current: Record<string, string>,
): string[] {
  if (!fs.existsSync(incrementalFile)) return [];
  const previous: Record<string, string> = fs.existsSync(hashFile)
    ? JSON.parse(fs.readFileSync(hashFile, "utf8"))
    : {};
  const report = JSON.parse(fs.readFileSync(incrementalFile, "utf8")) as Report;
  const dropped: string[] = [];
  for (const [file, entry] of Object.entries(report.files)) {
    const rel = path.isAbsolute(file) ? path.relative(ROOT, file).split(path.sep).join("/") : file;
    if (previous[rel] !== current[rel] && entry.mutants.length) {
      entry.mutants = [];
      dropped.push(rel);
    }
  }
  if (dropped.length) fs.writeFileSync(incrementalFile, JSON.stringify(report));
  return dropped;
}

/**
 * `--survivors-only`: for the files of this run, drops only the undetected results (survived, no
 * coverage) from the incremental file and records the current hashes, so Stryker tests those
 * mutants again and reuses every detected one. Sound only when what changed since the last run
 * can only detect more: tests added or made stricter, a runner that finds more failures. A test
 * removed or loosened can let a killed mutant live: then run without it, which re-tests the files.
 */
function retestSurvivors(
  incrementalFile: string,
  hashFile: string,
  current: Record<string, string>,
  area: Area,
): void {
  if (!fs.existsSync(incrementalFile)) return;
  const report = JSON.parse(fs.readFileSync(incrementalFile, "utf8")) as Report;
  const previous: Record<string, string> = fs.existsSync(hashFile)
    ? JSON.parse(fs.readFileSync(hashFile, "utf8"))
    : {};
  const inPart = new Set(area.targets.map((t) => t.file));
  let n = 0;
  for (const [file, entry] of Object.entries(report.files)) {
    const rel = relFile(file);
    if (!inPart.has(rel)) continue;
    const before = entry.mutants.length;
    entry.mutants = entry.mutants.filter(
      (m) => m.status !== "Survived" && m.status !== "NoCoverage",
    );
    n += before - entry.mutants.length;
    previous[rel] = current[rel];
  }
  fs.writeFileSync(incrementalFile, JSON.stringify(report));
  fs.writeFileSync(hashFile, JSON.stringify(previous, null, 1));
  console.log(`  --survivors-only: ${n} undetected mutant(s) to test again; detected ones reused`);
}

// ---------------------------------------------------------------- one area

/** Which test files each mutated file's mutants run (relative to tests/), and all of the area's test files. */
function planOf(area: Area): { tests: string[]; testsByFile: Record<string, string[]> } {
  const tests = allTestFiles().filter((t) => area.tests.some((re) => re.test(t)));
  const closures = new Map(tests.map((t) => [t, closure(`tests/${t}`)]));
  const testsByFile: Record<string, string[]> = {};
  for (const target of area.targets)
    testsByFile[target.file] = tests.filter((t) => reaches(target, closures.get(t) as Set<string>));
  return { tests, testsByFile };
}

/**
 * Checks the plan against what the tests really run: each test file of the area runs alone
 * under V8's coverage, and every mutated file (or, for declaration targets, every function of
 * the mutated declarations and their callers) that ran a function is looked up in the plan.
 * A test that runs a file's code but is not planned for it would leave that file's mutants
 * alive unfairly: reported as a miss. Returns the number of misses.
 */
function checkPlan(area: Area): number {
  const { tests, testsByFile } = planOf(area);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `mutation-coverage-${area.name}-`));
  let misses = 0;
  let extra = 0;
  for (const t of tests) {
    const dir = path.join(tmp, t.replace(/\W/g, "_"));
    const plan = path.join(tmp, "plan.json");
    fs.writeFileSync(
      plan,
      JSON.stringify({
        area: area.name,
        root: ROOT,
        testRoot: "tests",
        allTests: [t],
        testsByFile: {},
      }),
    );
    const r = spawnSync(process.execPath, [path.join(ROOT, "mutation", "run-tests.js")], {
      cwd: ROOT,
      env: { ...process.env, MUTATION_PLAN: plan, NODE_V8_COVERAGE: dir, MUTATION_TS_NODE: "1" },
      encoding: "utf8",
    });
    if (r.status !== 0)
      console.log(`  tests/${t} fails on its own (exit ${r.status}); its coverage still counts`);
    const ran = new Map<string, Set<string>>(); // file -> names of functions that ran ("" for anonymous)
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const cov = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as {
        result: {
          url: string;
          functions: { functionName: string; ranges: { count: number }[] }[];
        }[];
      };
      for (const script of cov.result) {
        if (!script.url.startsWith("file://")) continue;
        const rel = path.relative(ROOT, new URL(script.url).pathname).split(path.sep).join("/");
        if (!(rel in testsByFile)) continue;
        // The first function is the module itself (it runs on load); the others ran when called.
        const names = new Set(
          script.functions
            .slice(1)
            .filter((fn) => fn.ranges[0].count > 0)
            .map((fn) => fn.functionName),
        );
        if (names.size) ran.set(rel, names);
      }
    }
    for (const target of area.targets) {
      const names = ran.get(target.file);
      const runs =
        names !== undefined &&
        (!target.declarations ||
          [...callersWithin(target.file, target.declarations)].some((n) => names.has(n)));
      const planned = testsByFile[target.file].includes(t);
      if (runs && !planned) {
        misses++;
        console.log(
          `  MISS: tests/${t} runs ${target.file}${target.declarations ? ` (${target.declarations.join(", ")})` : ""} but is not planned for it`,
        );
      } else if (planned && !runs) extra++;
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(
    `${area.name}: ${tests.length} test files checked; ${misses} miss(es); ${extra} planned pair(s) (test, file) that ran none of the file's functions (over-approximation, harmless)`,
  );
  return misses;
}

async function runArea(
  area: Area,
  {
    force,
    concurrency,
    planOnly,
    survivorsOnly,
  }: { force: boolean; concurrency: number; planOnly: boolean; survivorsOnly: boolean },
): Promise<Score[] | undefined> {
  const dir = path.join(REPORTS, area.name);
  fs.mkdirSync(dir, { recursive: true });
  const { tests, testsByFile } = planOf(area);
  // The dry run (and a mutant that cannot be placed in a file) runs every test that reaches some target.
  const planned = tests.filter((t) => Object.values(testsByFile).some((list) => list.includes(t)));
  const planFile = path.join(dir, "plan.json");
  fs.writeFileSync(
    planFile,
    JSON.stringify(
      { area: area.name, root: ROOT, testRoot: "tests", allTests: planned, testsByFile },
      null,
      1,
    ),
  );
  for (const [file, t] of Object.entries(testsByFile))
    if (t.length === 0) console.log(`  note: no test of the area reaches ${file}`);
  if (planOnly) {
    console.log(`\n== ${area.name}: the test files each mutated file's mutants run`);
    for (const [file, t] of Object.entries(testsByFile))
      console.log(`${file}\n${t.map((x) => `    tests/${x}`).join("\n")}`);
    return undefined;
  }

  const incrementalFile = path.join(dir, "incremental.json");
  const hashFile = path.join(dir, "inputs.json");
  // Hashes for every file of the whole area, so that a part (--files) keeps the valid results of
  // the area's other files, and drops those whose tests changed.
  const whole = area.whole ?? area;
  const hashes = inputHashes(area.whole ? planOf(area.whole).testsByFile : testsByFile);
  if (survivorsOnly && !force) retestSurvivors(incrementalFile, hashFile, hashes, area);
  const dropped = force ? [] : invalidate(incrementalFile, hashFile, hashes);
  if (dropped.length)
    console.log(
      `  tests changed for ${dropped.length} file(s): their mutants are tested again, or dropped from the area's results until they are (${dropped.join(", ")})`,
    );
  // Stryker writes its incremental file with the files of this run only: keep the others' results.
  const inPart = new Set(area.targets.map((t) => t.file));
  const kept: Report["files"] = {};
  if (area.whole && fs.existsSync(incrementalFile)) {
    const before = JSON.parse(fs.readFileSync(incrementalFile, "utf8")) as Report;
    for (const [file, entry] of Object.entries(before.files))
      if (!inPart.has(relFile(file)) && entry.mutants.length) kept[relFile(file)] = entry;
  }

  const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join("/");
  const config = {
    $schema: "../../../node_modules/@stryker-mutator/core/schema/stryker-schema.json",
    packageManager: "npm",
    testRunner: "command",
    commandRunner: { command: "node mutation/run-tests.js" },
    // The command runner reports no coverage; mutation/run-tests.js narrows the tests instead.
    coverageAnalysis: "off",
    checkers: ["typescript"],
    tsconfigFile: area.tsconfig,
    typescriptChecker: { prioritizePerformanceOverAccuracy: true },
    mutate: area.targets.flatMap(mutatePatterns),
    // Copy to the sandbox only what the tests read.
    ignorePatterns: [
      "/*",
      "!/lib",
      "!/notebooks",
      "!/scripts",
      "!/tests",
      "!/mutation",
      "!/package.json",
      "!/tsconfig.json",
      "!/requirements-jupyter.txt",
      "/lib/dist",
      "/notebooks/kit/dist",
      "/notebooks/course/dist",
      "/notebooks/zh",
      "/tests/.out",
      "**/.ipynb_checkpoints",
    ],
    incremental: true,
    incrementalFile: rel(incrementalFile),
    force,
    reporters: ["html", "json", "progress", "clear-text"],
    htmlReporter: { fileName: rel(path.join(dir, "index.html")) },
    jsonReporter: { fileName: rel(path.join(dir, "mutation.json")) },
    clearTextReporter: {
      reportMutants: false,
      reportTests: false,
      logTests: false,
      allowEmojis: false,
    },
    concurrency,
    // A shared machine: a slow test run is not an infinite loop. Stryker allows 1.5 x the dry
    // run (every test of the area) plus this; a timeout counts as detected, so err on the long side.
    timeoutMS: 60000,
    // One folder per area, so two areas can run at once (Stryker deletes its folder when done).
    tempDirName: `.stryker-tmp/${area.name}`,
    thresholds: { high: area.goal, low: area.goal - 10, break: null },
  };
  const configFile = path.join(dir, "stryker.config.json");
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));

  console.log(
    `\n== mutation: ${area.name} (${area.title}); ${planned.length} of its ${tests.length} test files reach the mutated code; report ${rel(path.join(dir, "index.html"))}`,
  );
  const t0 = Date.now();
  const stryker = path.join(ROOT, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js");
  // mutation/cap-runners.mjs: Stryker alone runs 2 test runners at --concurrency 1 (see there).
  const cap = path.join(ROOT, "mutation", "cap-runners.mjs");
  const { status, output } = await runShown(
    process.execPath,
    ["--import", pathToFileURL(cap).href, stryker, "run", rel(configFile)],
    { ...process.env, MUTATION_PLAN: planFile, MUTATION_CONCURRENCY: String(concurrency) },
  );
  const seconds = (Date.now() - t0) / 1000;
  if (status !== 0)
    throw new Error(`mutation: Stryker failed on area ${area.name} (exit ${status})`);
  fs.writeFileSync(hashFile, JSON.stringify(hashes, null, 1));
  const report = JSON.parse(fs.readFileSync(path.join(dir, "mutation.json"), "utf8")) as Report;
  // Stryker's own count: "Incremental report: ... 12 of 80 mutant result(s) are reused."
  const reused = /(\d+) of (\d+) mutant result\(s\) are reused/.exec(output);
  const total = Object.values(report.files).reduce((n, f) => n + f.mutants.length, 0);
  const tested = reused ? +reused[2] - +reused[1] : total;
  if (!area.whole) return [score(area, report, seconds, tested)];
  // A part: the other files' kept results go back into the incremental file, and the area is
  // scored over every file that has results (its survivors file lists them all).
  const merged = JSON.parse(fs.readFileSync(incrementalFile, "utf8")) as Report;
  for (const [file, entry] of Object.entries(kept))
    if (!Object.keys(merged.files).some((f) => relFile(f) === file)) merged.files[file] = entry;
  fs.writeFileSync(incrementalFile, JSON.stringify(merged, null, 2));
  return [
    score(area, report, seconds, tested, { write: false, label: `${area.name} (this part)` }),
    wholeScore(whole, merged),
  ];
}

/** A path of a report's file, relative to the repository, with forward slashes. */
function relFile(file: string): string {
  return path.isAbsolute(file) ? path.relative(ROOT, file).split(path.sep).join("/") : file;
}

/**
 * The whole area's score from an incremental file that parts (--files) have filled: every file
 * whose results are there and whose source is still the one they were measured on. The title
 * (and so the survivors file) names the files left out.
 */
function wholeScore(area: Area, incremental: Report): Score {
  const files: Report["files"] = {};
  for (const [file, entry] of Object.entries(incremental.files)) {
    const rel = relFile(file);
    if (
      entry.mutants.length &&
      area.targets.some((t) => t.file === rel) &&
      fs.readFileSync(path.join(ROOT, rel), "utf8") === entry.source
    )
      files[rel] = entry;
  }
  const missing = area.targets.filter((t) => !(t.file in files)).map((t) => path.basename(t.file));
  const title = missing.length
    ? `${area.title}, every file with current results: ${missing.length} of ${area.targets.length} files without (${missing.join(", ")})`
    : `${area.title}, all ${area.targets.length} files`;
  return score({ ...area, title }, { ...incremental, files }, NaN, NaN, {
    label: missing.length
      ? `${area.name} (${area.targets.length - missing.length}/${area.targets.length} files)`
      : area.name,
  });
}

/** Runs a command with its output shown as it comes, and also returned (colour codes removed). */
function runShown(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (d: Buffer) => {
      // eslint-disable-next-line no-control-regex
      output += d.toString().replace(/\u001b\[[0-9;]*m/g, "");
    };
    child.stdout.on("data", (d: Buffer) => (process.stdout.write(d), keep(d)));
    child.stderr.on("data", (d: Buffer) => (process.stderr.write(d), keep(d)));
    child.on("close", (status) => resolve({ status, output }));
    child.on("error", (e) => resolve({ status: 1, output: String(e) }));
  });
}

// ---------------------------------------------------------------- main

function table(scores: Score[]): string {
  const head = [
    "area",
    "mutants",
    "killed",
    "timeout",
    "survived",
    "no cov.",
    "invalid",
    "score %",
    "goal %",
    "equivalent",
    "unexplained",
    "tested now",
    "seconds",
  ];
  const rows = scores.map((s) =>
    [
      s.area,
      s.mutants,
      s.killed,
      s.timeout,
      s.survived,
      s.noCoverage,
      s.invalid,
      s.score.toFixed(2),
      s.goal,
      s.classified,
      s.unexplained,
      Number.isNaN(s.tested) ? "-" : s.tested,
      Number.isNaN(s.seconds) ? "-" : s.seconds.toFixed(0),
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [fmt(head), ...rows.map(fmt)].join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const planOnly = args.includes("--plan");
  const checkOnly = args.includes("--check-plan");
  const ci = args.indexOf("--concurrency");
  const concurrency = ci >= 0 ? Number(args[ci + 1]) : 2;
  if (!(concurrency >= 1)) throw new Error("mutation: --concurrency needs a number ≥ 1");
  const names = args.filter(
    (a, i) => !a.startsWith("--") && args[i - 1] !== "--concurrency" && args[i - 1] !== "--files",
  );
  if (args.includes("--breaks")) {
    // Issue 22's hand-made breaks, one at a time in a scratch copy (scripts/mutation-breaks.ts).
    process.exitCode = runBreaks(names);
    return;
  }
  const unknown = names.filter((n) => !AREAS.some((a) => a.name === n));
  if (unknown.length)
    throw new Error(
      `mutation: unknown area ${unknown.join(", ")} (areas: ${AREAS.map((a) => a.name).join(", ")})`,
    );
  // --files a,b: only the area's files whose path contains one of these (a part of an area, when
  // the whole does not fit in the time there is; the title and the survivors file say which part).
  const fi = args.indexOf("--files");
  const parts = fi >= 0 ? (args[fi + 1] ?? "").split(",").filter(Boolean) : [];
  if (fi >= 0 && !parts.length)
    throw new Error("mutation: --files needs a comma-separated list of file name parts");
  const areas = (names.length ? AREAS.filter((a) => names.includes(a.name)) : AREAS)
    .map((a) => {
      if (!parts.length) return a;
      const targets = a.targets.filter((t) => parts.some((p) => t.file.includes(p)));
      return {
        ...a,
        whole: a,
        targets,
        title: `${a.title}, only ${targets.map((t) => path.basename(t.file)).join(", ") || "no file"}`,
      };
    })
    .filter((a) => a.targets.length);
  if (checkOnly) {
    const misses = areas.reduce((n, a) => n + checkPlan(a), 0);
    if (misses) process.exitCode = 1;
    return;
  }
  const scores: Score[] = [];
  if (args.includes("--report")) {
    // The last run's results again (after editing mutation/equivalent.md), without running Stryker.
    // The incremental file holds every file's latest results (a part's run keeps the others').
    for (const area of areas) {
      const file = path.join(REPORTS, area.name, "incremental.json");
      if (!fs.existsSync(file))
        throw new Error(
          `mutation: no results for area ${area.name} yet (${path.relative(ROOT, file)}); run npm run mutation -- ${area.name}`,
        );
      scores.push(
        wholeScore(area.whole ?? area, JSON.parse(fs.readFileSync(file, "utf8")) as Report),
      );
    }
    console.log(table(scores));
    return;
  }
  for (const area of areas) {
    const s = await runArea(area, {
      force,
      concurrency,
      planOnly,
      survivorsOnly: args.includes("--survivors-only"),
    });
    if (s) scores.push(...s);
  }
  if (planOnly) return;
  console.log(
    `\nMutation score per area (Stryker ${strykerVersion()}; score = (killed + timeout) / (killed + timeout + survived + no coverage)):\n`,
  );
  console.log(table(scores));
  console.log(
    `\nsurvivors: mutation/survivors/<area>.txt; equivalents: mutation/equivalent.md; reports: reports/mutation/<area>/index.html`,
  );
}

function strykerVersion(): string {
  return (
    JSON.parse(
      fs.readFileSync(
        path.join(ROOT, "node_modules", "@stryker-mutator", "core", "package.json"),
        "utf8",
      ),
    ) as { version: string }
  ).version;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error((err as Error).message);
    process.exitCode = 1;
  });
}
