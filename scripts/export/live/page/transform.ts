// A notebook's TypeScript cells -> classic scripts that run one after another in one global
// scope, as tslab runs them: top-level names of one cell are seen by the next, imports become
// constants bound from the page's bundled modules, and the value of a cell's last expression
// is handed to `__mlekitLast` (printed like tslab prints it). Types are stripped by sucrase and
// not checked (the kernel checks them). Every rewrite keeps the cell's lines where they were,
// so an error's line is the line the student sees.
//
// The syntax tree comes from the TypeScript grammar of @lezer/javascript (which the editor
// also uses for highlighting); sucrase strips the types.
import { parser } from "@lezer/javascript";
import type { SyntaxNode } from "@lezer/common";
import { transform as sucrase } from "sucrase";

import { IMPORT_FN, LAST_FN } from "./transform-names";

export { IMPORT_FN, LAST_FN };

const tsParser = parser.configure({ dialect: "ts" });

/** A cell that could not be turned into a script: a syntax error, with its line (from 1). */
export interface TransformError {
  name: string;
  message: string;
  line?: number;
  column?: number;
}

/** One cell turned into a script, or its error. */
export type CellScript =
  { code: string; error?: undefined } | { code?: undefined; error: TransformError };

interface Edit {
  from: number;
  to: number;
  text: string;
}

const children = (node: SyntaxNode): SyntaxNode[] => {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
};

const isComment = (n: SyntaxNode) => /Comment$/.test(n.name);

function hasError(node: SyntaxNode): boolean {
  let found = false;
  node.toTree().iterate({
    enter: (n) => {
      if (n.type.isError) found = true;
      return !found;
    },
  });
  return found;
}

/** The names a top-level declaration binds (`const { a, b: c } = …` binds a and c). */
function declaredNames(decl: SyntaxNode, src: string): string[] {
  const names: string[] = [];
  const walk = (n: SyntaxNode, top: boolean) => {
    for (const c of children(n)) {
      if (c.name === "VariableDefinition") names.push(src.slice(c.from, c.to));
      // Initialisers and type annotations bind nothing; patterns do.
      else if (
        c.name === "ObjectPattern" ||
        c.name === "ArrayPattern" ||
        c.name === "PatternProperty"
      )
        walk(c, false);
      else if (!top && (c.name === "AssignmentPattern" || c.name === "PatternPropertyName"))
        walk(c, false);
    }
  };
  walk(decl, true);
  return names;
}

/** `{ a, b as c, type T }` → `{ a, b: c }`; undefined when only types are imported. */
function bindingPattern(group: string): string | undefined {
  const specs = group
    .replace(/^\{|\}$/g, "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const parts = specs
    .filter((s) => !/^type\s/.test(s))
    .map((s) => {
      const m = /^(.+?)\s+as\s+([A-Za-z_$][\w$]*)$/.exec(s);
      return m ? `${m[1]}: ${m[2]}` : s;
    });
  return parts.length ? `{ ${parts.join(", ")} }` : undefined;
}

/** The statement an import declaration becomes, on as many lines as it had. */
function importStatement(node: SyntaxNode, src: string, alreadyBound: Set<string>): string {
  const text = src.slice(node.from, node.to);
  const lines = "\n".repeat((text.match(/\n/g) ?? []).length);
  const kids = children(node);
  const moduleNode = kids.find((k) => k.name === "String");
  if (/^import\s+type\b/.test(text) || !moduleNode) return lines;
  const module = src.slice(moduleNode.from, moduleNode.to);
  const call = `${IMPORT_FN}(${module})`;
  const out: string[] = [];
  const fromIdx = kids.findIndex((k) => k.name === "from");
  if (fromIdx < 0) return `${call};${lines}`; // `import "m";`: run it for its effects
  const clause = kids.slice(1, fromIdx);
  const fresh = (name: string) => {
    const key = `${module}\u0000${name}`;
    if (alreadyBound.has(key)) return false;
    alreadyBound.add(key);
    return true;
  };
  for (let i = 0; i < clause.length; i++) {
    const k = clause[i];
    const t = src.slice(k.from, k.to);
    if (k.name === "Star") {
      const name = src.slice(clause[i + 2].from, clause[i + 2].to);
      if (fresh(`*${name}`)) out.push(`const ${name} = ${call};`);
      i += 2;
    } else if (k.name === "VariableDefinition") {
      if (fresh(`default ${t}`)) out.push(`const ${t} = ${call}.default;`);
    } else if (k.name === "ImportGroup") {
      const pattern = bindingPattern(t);
      if (!pattern) continue;
      const kept = pattern
        .slice(2, -2)
        .split(", ")
        .filter((spec) => fresh(spec));
      if (kept.length) out.push(`const { ${kept.join(", ")} } = ${call};`);
    }
  }
  return out.join(" ") + lines;
}

/**
 * Rewrites one cell. `state` carries what earlier cells bound (imports already made, names
 * declared), so that a later cell may import or declare again as it may under tslab.
 */
function rewrite(src: string, state: TransformState): string {
  const tree = tsParser.parse(src);
  const top = tree.topNode;
  const statements = children(top).filter((n) => !isComment(n));
  const edits: Edit[] = [];
  for (const st of statements) {
    if (st.name === "ImportDeclaration")
      edits.push({ from: st.from, to: st.to, text: importStatement(st, src, state.imports) });
    if (st.name === "VariableDeclaration") {
      // tslab lets a later cell declare a name again; a classic script does not, for const/let.
      const names = declaredNames(st, src);
      const again = names.some((n) => state.redeclared.has(n));
      const kw = st.firstChild;
      if (again && kw && (kw.name === "const" || kw.name === "let"))
        edits.push({ from: kw.from, to: kw.to, text: "var" + " ".repeat(kw.to - kw.from - 3) });
    }
  }
  const last = statements[statements.length - 1];
  if (last && last.name === "ExpressionStatement" && !hasError(top)) {
    const expr = last.firstChild;
    if (expr) {
      edits.push({ from: expr.from, to: expr.from, text: `${LAST_FN}(` });
      edits.push({ from: expr.to, to: expr.to, text: ")" });
    }
  }
  edits.sort((a, b) => b.from - a.from || b.to - a.to);
  let out = src;
  for (const e of edits) out = out.slice(0, e.from) + e.text + out.slice(e.to);
  return out;
}

/** What the cells of one run share while they are rewritten. */
export interface TransformState {
  /** `module\0name` of every binding an import made so far. */
  imports: Set<string>;
  /** Names declared at top level by more than one cell (they become `var`). */
  redeclared: Set<string>;
}

/** The names each cell declares at top level (const, let, var; patterns included). */
function topLevelNames(src: string): string[] {
  const tree = tsParser.parse(src);
  return children(tree.topNode)
    .filter((n) => n.name === "VariableDeclaration")
    .flatMap((n) => declaredNames(n, src));
}

/**
 * Turns a notebook's code cells into classic scripts, in order.
 * @param sources the cells' TypeScript sources
 * @returns one script (or the syntax error) per cell
 * @example
 * cellsToScripts(['import { entropy } from "mlekit";', "entropy([0.5, 0.5])"]).map((c) => c.code);
 * // => ['const { entropy } = __mlekitImport("mlekit");', "__mlekitLast(entropy([0.5, 0.5]))"]
 */
export function cellsToScripts(sources: readonly string[]): CellScript[] {
  const seen = new Map<string, number>();
  for (const src of sources) {
    let names: string[] = [];
    try {
      names = topLevelNames(src);
    } catch {
      // a cell the grammar cannot read declares nothing here; sucrase reports it below
    }
    for (const n of new Set(names)) seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  const state: TransformState = {
    imports: new Set(),
    redeclared: new Set([...seen].filter(([, k]) => k > 1).map(([n]) => n)),
  };
  return sources.map((src) => cellToScript(src, state));
}

/**
 * Turns one cell into a classic script (see {@link cellsToScripts}).
 * @param src the cell's TypeScript
 * @param state what earlier cells of the run bound
 * @returns the script, or the syntax error with its line
 */
export function cellToScript(
  src: string,
  state: TransformState = { imports: new Set(), redeclared: new Set() },
): CellScript {
  let code: string;
  try {
    code = rewrite(src, state);
  } catch (e) {
    code = src;
  }
  try {
    return {
      code: sucrase(code, {
        transforms: ["typescript"],
        disableESTransforms: true,
        keepUnusedImports: true,
      }).code,
    };
  } catch (e) {
    const err = e as Error & { loc?: { line: number; column: number } };
    const pos = /\((\d+):(\d+)\)\s*$/.exec(err.message);
    const line = err.loc?.line ?? (pos ? Number(pos[1]) : undefined);
    const column = err.loc?.column ?? (pos ? Number(pos[2]) : undefined);
    return {
      error: {
        name: "SyntaxError",
        message: err.message.replace(/\s*\(\d+:\d+\)\s*$/, ""),
        line,
        column,
      },
    };
  }
}
