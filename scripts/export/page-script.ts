// The script every exported note page carries (page/figures.ts and what it imports: the page
// layout of figures and the kit's figure descriptions), bundled once per process by esbuild
// into a minified IIFE that declares no global.
import * as path from "path";
import { buildSync } from "esbuild";

let bundled: string | undefined;

/** The page script's source, safe to inline in a `<script>` element. */
export function pageScript(): string {
  if (bundled === undefined) {
    const r = buildSync({
      entryPoints: [path.join(__dirname, "page", "figures.ts")],
      bundle: true,
      format: "iife",
      minify: true,
      target: "es2019",
      write: false,
      logLevel: "silent",
      legalComments: "none",
    });
    bundled = r.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
  }
  return bundled;
}
