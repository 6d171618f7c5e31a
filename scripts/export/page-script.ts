// The script every exported note page carries (page/figures.ts and what it imports: the page
// layout of figures and the kit's figure descriptions), bundled once per process by esbuild
// into a minified IIFE that declares no global. A site page (shared assets) links a larger
// shared copy, `assets/page.js` (page/site.ts): the same script, after it has rendered the
// maths and code the page carries as source (KaTeX and highlight.js inside it).
import * as path from "path";
import { buildSync } from "esbuild";

const bundled = new Map<string, string>();

function bundle(entry: string): string {
  let s = bundled.get(entry);
  if (s === undefined) {
    const r = buildSync({
      entryPoints: [path.join(__dirname, "page", entry)],
      bundle: true,
      format: "iife",
      minify: true,
      target: "es2019",
      write: false,
      logLevel: "silent",
      legalComments: "none",
    });
    s = r.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
    bundled.set(entry, s);
  }
  return s;
}

/** The page script's source, safe to inline in a `<script>` element. */
export function pageScript(): string {
  return bundle("figures.ts");
}

/** The shared script of a site page (`assets/page.js`): maths and code rendered, then {@link pageScript}'s work. */
export function sitePageScript(): string {
  return bundle("site.ts");
}
