// Builds, at export time, the scripts that make an exported note live (esbuild, from the
// workspace packages' TypeScript sources, so whatever the kit and the course hold today is
// what the page runs):
//   loader.js   a few kB, in every page: shows the "Run in browser" bar, loads the others
//   slider.js   mlekit + the live-slider control: continuous sliders without "Run in browser"
//   runtime.js  the editor (CodeMirror 6), the TypeScript-to-script rewrite (lezer + sucrase),
//               the exporter's own output renderer, and the worker's source, which holds the
//               real mlekit, notebook-kit and mle-course with the course's data files embedded.
//               A site's runtime.js (`siteRuntime`) takes KaTeX and highlight.js from the site's
//               page script (assets/page.js) instead of carrying a second copy.
// Built once per process; `npm test` and `npm start` each pay about a second or two.
import * as fs from "fs";
import * as path from "path";
import type { Plugin } from "esbuild";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const PAGE = path.join(__dirname, "page");

/** The source entry of each workspace package (bundled from source, not from dist/). */
const PACKAGES: Record<string, string> = {
  "mlekit": path.join(ROOT, "lib", "src", "index.ts"),
  "notebook-kit": path.join(ROOT, "notebooks", "kit", "src", "index.ts"),
  "mle-course": path.join(ROOT, "notebooks", "course", "src", "index.ts"),
};

/** The folder whose files a page embeds (the course's datasets). */
export const DATA_DIR = path.join(ROOT, "notebooks", "data");

/** The built scripts, as text. */
export interface LiveBundles {
  loader: string;
  slider: string;
  runtime: string;
  /** runtime.js for a site: KaTeX and highlight.js from the page script (shims/page-render.ts). */
  siteRuntime: string;
  /** The worker alone (it is also inside `runtime`), for sizes. */
  worker: string;
  /** esbuild's warnings, for the export's problems list. */
  warnings: string[];
}

/** The data files embedded in the worker, by their path in the repository (`/notebooks/data/x.csv`). */
export function embeddedData(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const f of fs.readdirSync(DATA_DIR).sort()) {
    if (!/\.(csv|json|tsv|txt)$/i.test(f)) continue;
    files[`/${path.relative(ROOT, path.join(DATA_DIR, f)).split(path.sep).join("/")}`] =
      fs.readFileSync(path.join(DATA_DIR, f), "utf8");
  }
  return files;
}

/** The workspace packages resolve to their sources; Node modules to the page's shims. */
function pagePlugin(kind: "worker" | "page", { sharedRender = false } = {}): Plugin {
  const shim = (name: string) => path.join(PAGE, "shims", `${name}.ts`);
  const stub = path.join(PAGE, "shims", "node-stub.js");
  const nodeShims: Record<string, string> =
    kind === "worker"
      ? { "fs": shim("fs"), "path": shim("path"), "danfojs-node": shim("danfo") }
      : {
          "fs": stub,
          "path": stub,
          "crypto": stub,
          "child_process": stub,
          "os": stub,
          "esbuild": stub,
          "playwright-core": stub,
        };
  return {
    name: "mlekit-live",
    setup(build) {
      build.onResolve({ filter: /^(mlekit|notebook-kit|mle-course)$/ }, (a) => ({
        path: PACKAGES[a.path],
      }));
      if (sharedRender)
        build.onResolve({ filter: /\/page\/(tex|code-lines)$/ }, () => ({
          path: path.join(PAGE, "shims", "page-render.ts"),
        }));
      build.onResolve(
        {
          filter:
            /^(node:)?(fs|path|crypto|child_process|os|danfojs-node|esbuild|playwright-core)$/,
        },
        (a) => {
          const name = a.path.replace(/^node:/, "");
          return nodeShims[name] ? { path: nodeShims[name] } : undefined;
        },
      );
      build.onResolve({ filter: /^mlekit-live:data$/ }, () => ({
        path: "data",
        namespace: "mlekit-live",
      }));
      build.onLoad({ filter: /.*/, namespace: "mlekit-live" }, () => ({
        contents: `export default ${JSON.stringify(embeddedData())};`,
        loader: "js",
      }));
      // A module's __dirname is its folder in the repository, so paths built from it (the
      // course's data folder) name the embedded files.
      build.onLoad({ filter: /\.ts$/ }, (a) => {
        const text = fs.readFileSync(a.path, "utf8");
        if (!/\b__dirname\b/.test(text)) return undefined;
        const dir = `/${path.relative(ROOT, path.dirname(a.path)).split(path.sep).join("/")}`;
        return { contents: `const __dirname = ${JSON.stringify(dir)};\n${text}`, loader: "ts" };
      });
    },
  };
}

const COMMON = {
  bundle: true,
  write: false,
  format: "iife" as const,
  platform: "browser" as const,
  target: "es2020",
  minify: true,
  legalComments: "none" as const,
  logLevel: "silent" as const,
  charset: "utf8" as const,
};

/** Text safe inside an inline `<script>` element. */
const inlineSafe = (js: string) => js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");

let building: Promise<LiveBundles> | undefined;

/** The live scripts, built once per process. */
export function liveBundles(): Promise<LiveBundles> {
  building ??= build();
  return building;
}

async function build(): Promise<LiveBundles> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const esbuild = require("esbuild") as typeof import("esbuild");
  const warnings: string[] = [];
  const one = async (
    entry: string,
    kind: "worker" | "page",
    extra: Partial<import("esbuild").BuildOptions> = {},
    sharedRender = false,
  ) => {
    const r = await esbuild.build({
      ...COMMON,
      entryPoints: [path.join(PAGE, entry)],
      plugins: [pagePlugin(kind, { sharedRender })],
      ...extra,
    });
    for (const w of r.warnings)
      warnings.push(
        `${entry}: ${w.text}${w.location ? ` (${path.relative(ROOT, w.location.file)}:${w.location.line})` : ""}`,
      );
    return inlineSafe((r.outputFiles ?? [])[0]?.text ?? "");
  };
  // keepNames: a function printed in the page is `[Function: prob]`, as in the kernel.
  const worker = await one("worker.ts", "worker", { keepNames: true });
  const runtimeOptions = {
    define: { __MLEKIT_WORKER_SOURCE__: JSON.stringify(worker) },
    inject: [path.join(PAGE, "shims", "buffer.ts")],
  };
  const [loader, slider, runtime, siteRuntime] = await Promise.all([
    one("loader.ts", "page"),
    one("slider.ts", "page"),
    one("runtime.ts", "page", runtimeOptions),
    one("runtime.ts", "page", runtimeOptions, true),
  ]);
  return { loader, slider, runtime, siteRuntime, worker, warnings };
}
