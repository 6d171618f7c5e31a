// The one loader of the equivalence checks (mutation/equivalence/*.ts): a library file with one
// mutant written in, loaded beside the code it is compared with.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

/**
 * Loads a copy of the repository file `file` (a path from the repository root, e.g.
 * `"lib/src/estimators/fit-poisson.ts"`) in which the text `line` is replaced by `replacement`,
 * and returns the copy's exports. The copy's relative imports are pointed at the repository's
 * own modules, so only the mutated file differs from the code.
 * @throws {Error} when `line` does not occur exactly once in the file: the code moved, and the
 *   check must be updated, not run against something else
 * @example
 * const { fitPoisson } = loadMutant<typeof import("../../lib/src/estimators/fit-poisson")>(
 *   "lib/src/estimators/fit-poisson.ts", "if (sum >= 2 ** 53) {", "if (true) {");
 */
export function loadMutant<T = Record<string, unknown>>(file: string, line: string, replacement: string): T {
  const src = path.join(ROOT, file);
  const dir = path.dirname(src);
  const code = fs.readFileSync(src, "utf8");
  const count = code.split(line).length - 1;
  if (count !== 1)
    throw new Error(`loadMutant: "${line}" occurs ${count} times in ${file} (once expected): update this check`);
  const mutated = code
    .replace(line, () => replacement)
    .replace(
      /from "\.(\.?)\/([^"]+)"/g,
      (_, up: string, rest: string) => `from ${JSON.stringify(path.join(up ? path.dirname(dir) : dir, rest))}`,
    );
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mutant-"));
  try {
    const copy = path.join(tmp, path.basename(file));
    fs.writeFileSync(copy, mutated);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(copy) as T;
  } finally {
    // the module is compiled and cached by require; its imports are the repository's files
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
