// mlekit's published types, as a `nodenext` ES-module consumer sees them (issue 18): the `import`
// condition of the exports map must give ES-module types (no default export, as dist/esm has none),
// klBetween must reject a mixed pair even when the first argument is only typed `Distribution`,
// klMonteCarlo must take a Beta, and ProbModel must be exported. One tsc run on a throwaway project
// that links the built package.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "child_process";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

/** Type-checks `files` in an ES-module project (nodenext) with mlekit linked; returns tsc's output per file. */
function typeCheck(files: Record<string, string>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), "mlekit-types-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(ROOT, "lib"), join(dir, "node_modules", "mlekit"), "dir");
    symlinkSync(
      join(ROOT, "node_modules", "pure-rand"),
      join(dir, "node_modules", "pure-rand"),
      "dir",
    );
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "ES2022",
          strict: true,
          noEmit: true,
          types: [],
        },
      }),
    );
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const r = spawnSync(process.execPath, [TSC, "-p", dir], { encoding: "utf8" });
    const out: Record<string, string> = {};
    for (const name of Object.keys(files)) {
      out[name] = (r.stdout + r.stderr)
        .split("\n")
        .filter((l) => l.includes(`${name}(`))
        .join("\n");
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const result = typeCheck({
  "default-import.ts": 'import mlekit from "mlekit";\nexport const x = mlekit;\n',
  "named-imports.ts": [
    'import { entropy, klBetween, klMonteCarlo, gaussian, beta, createRng, likelihood, type ProbModel } from "mlekit";',
    "const model: ProbModel = { prob: (x: number) => (x === 0 ? 1 : 0) };",
    "export const values = [entropy([0.5, 0.5]), klBetween(gaussian(0, 1), gaussian(1, 1)), likelihood(model, [0])];",
    "export const mc = klMonteCarlo(beta(2, 3), beta(3, 2), 100, createRng(1));",
    "",
  ].join("\n"),
  "mixed-pair.ts": [
    'import { klBetween, gaussian, poisson, type Distribution } from "mlekit";',
    "const d: Distribution = gaussian(0, 1);",
    "export const kl = klBetween(d, poisson(1));",
    "",
  ].join("\n"),
});

test('under nodenext, `import mlekit from "mlekit"` is a type error (the ESM build has no default export)', () => {
  assert.match(result["default-import.ts"], /TS1192|has no default export/);
});

test("under nodenext, the named imports type-check, klMonteCarlo takes a beta and ProbModel is exported", () => {
  assert.is(result["named-imports.ts"], "");
});

test("klBetween rejects a mixed pair at type level even when the first argument is typed Distribution", () => {
  assert.match(result["mixed-pair.ts"], /TS2769|No overload matches/);
});

test("the ESM entry runs under Node with the named imports the types promise", () => {
  const r = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      'import { entropy, logBeta } from "mlekit"; process.stdout.write(entropy([0.5, 0.5]) + " " + logBeta(1, 2));',
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout.trim(), `${Math.LN2} ${-Math.LN2}`); // H(½, ½) = ln 2; B(1, 2) = ½
});

test.run();
