// Front matter and file layout for static-site generators (Hugo, Hexo), so an exported note
// drops into a blog's content folder with its images where the generator looks for them.
//
// Facts this file relies on (checked in the generators' documentation):
// - Hugo, https://gohugo.io/content-management/page-bundles/ : a leaf bundle is a folder holding
//   `index.md` and its resources next to it; a relative link in `index.md` resolves against the
//   page's own URL, where Hugo publishes the resources.
// - Hugo, https://gohugo.io/content/front-matter/ and https://gohugo.io/methods/page/date/ : YAML
//   front matter between `---` lines; `date` as RFC 3339 (`2023-10-19T00:40:04-07:00`); `tags` is
//   the default taxonomy; `description` is a predefined field.
// - Hugo, https://gohugo.io/content-management/mathematics/ : the documented set-up loads the maths
//   engine from a partial guarded by the page parameter `math` (`math: true` in front matter);
//   themes following that recipe (and Hugo's own docs pages) read the same key.
// - Hexo, https://hexo.io/docs/front-matter : YAML front matter; `date` written like
//   `2013/7/13 20:46:25` (Hexo's `hexo new` writes `YYYY-MM-DD HH:mm:ss`), read in the site's
//   `timezone`; `tags` a list; `description` is used by themes and the open_graph helper.
// - Hexo, https://hexo.io/docs/asset-folders : with `post_asset_folder: true` a post `<name>.md`
//   has its assets in the folder `<name>/`; with hexo-renderer-marked >= 3.1's `marked.postAsset:
//   true`, a Markdown image linked by its bare file name (`![](plot.svg)`) resolves to that folder.
//   On the post's own page (default permalink ending in `/`) a bare relative `<img src>` resolves
//   there too, which is what the baseline-aligned formula images (raw HTML) rely on.
// - Hexo themes: NexT (`math.per_page: true`) and hexo-filter-mathjax render maths only on posts
//   whose front matter has `mathjax: true`, hence that key for Hexo.

import { protectCode as proseParts } from "./math";

/** The static-site generators whose conventions the Markdown export can follow. */
export type FrontMatterFlavour = "hugo" | "hexo";

/** Every supported flavour, in the order the CLI lists them. */
export const FRONT_MATTER_FLAVOURS: readonly FrontMatterFlavour[] = ["hugo", "hexo"];

/** What a post's front matter says about it. */
export interface PostMeta {
  /** The post title (any text: colons, quotes, `$`, CJK are quoted safely). */
  title: string;
  /** Publication date; written in UTC. */
  date: Date;
  /** Tags, e.g. `["machine-learning", "maximum-likelihood"]`; may be empty. */
  tags: string[];
  /** A one-line summary for listings and link previews. */
  description?: string;
  /**
   * True when the Markdown keeps TeX (`$…$`) for the site to render: sets the key the common
   * themes read to load KaTeX/MathJax (`math` for Hugo, `mathjax` for Hexo). False for the SVG
   * maths flavour (nothing to typeset); the key is then left out so site defaults apply.
   */
  math: boolean;
  /**
   * Hexo only: `disableNunjucks: true`, so Hexo does not read `{{`, `{%` or `{#` in the body
   * (which TeX can contain) as template tags. {@link blogPost} sets it when the body has them.
   */
  disableNunjucks?: boolean;
}

/** Throws unless `flavour` is a supported flavour. */
function checkFlavour(fn: string, flavour: unknown): asserts flavour is FrontMatterFlavour {
  if (!FRONT_MATTER_FLAVOURS.includes(flavour as FrontMatterFlavour)) {
    throw new RangeError(
      `${fn}: flavour must be one of ${FRONT_MATTER_FLAVOURS.join(", ")}, got ${JSON.stringify(flavour)}`,
    );
  }
}

/**
 * Quotes text as a YAML double-quoted scalar. JSON's string syntax is valid YAML; on top of it,
 * characters YAML treats as line breaks or forbids raw (U+0085, U+2028, U+2029, DEL, C1
 * controls, U+FEFF) are escaped too, so the value reads back exactly.
 */
export function yamlString(s: string): string {
  return JSON.stringify(s).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** A date in the form each generator documents: RFC 3339 in UTC for Hugo, `YYYY-MM-DD HH:mm:ss` (UTC) for Hexo. */
export function frontMatterDate(flavour: FrontMatterFlavour, date: Date): string {
  checkFlavour("frontMatterDate", flavour);
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError(`frontMatterDate: date must be a valid Date, got ${String(date)}`);
  }
  const day = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
  const time = `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
  return flavour === "hugo" ? `${day}T${time}Z` : `${day} ${time}`;
}

/**
 * Builds the YAML front matter (between `---` lines, ending with a newline) of a post for Hugo or Hexo.
 *
 * Keys: `title`, `date`, `tags` (block list), `description` when given, and the maths switch
 * when `math` is true (`math: true` for Hugo, `mathjax: true` for Hexo; see the file comment).
 * Every string is double-quoted, so colons, quotes, `#`, `$` and CJK text stay plain text.
 *
 * @param flavour `"hugo"` or `"hexo"`.
 * @param meta Title, date, tags, optional description, and whether the page needs a maths engine.
 * @returns The front matter block, e.g. `---\ntitle: "05 · MLE: min KL"\n…\n---\n`.
 * @throws {RangeError} For an unknown flavour, an empty title or an invalid date.
 * @throws {TypeError} If a tag is not a non-empty string.
 * @example
 * frontMatter("hugo", { title: 'KL: "P||Q"', date: new Date(Date.UTC(2024, 0, 2)), tags: ["kl"], math: true });
 * // => '---\ntitle: "KL: \\"P||Q\\""\ndate: 2024-01-02T00:00:00Z\ntags:\n  - "kl"\nmath: true\n---\n'
 */
export function frontMatter(flavour: FrontMatterFlavour, meta: PostMeta): string {
  checkFlavour("frontMatter", flavour);
  const { title, date, tags, description, math } = meta;
  if (typeof title !== "string" || title.trim() === "")
    throw new RangeError(`frontMatter: title must be non-empty text, got ${JSON.stringify(title)}`);
  if (!Array.isArray(tags))
    throw new TypeError(`frontMatter: tags must be an array, got ${JSON.stringify(tags)}`);
  tags.forEach((t, i) => {
    if (typeof t !== "string" || t.trim() === "")
      throw new TypeError(
        `frontMatter: tags[${i}] = ${JSON.stringify(t)} is not a non-empty string`,
      );
  });
  // Hexo and Hugo both accept the unquoted form; quoting it would make Hugo read a string.
  const lines = [`title: ${yamlString(title)}`, `date: ${frontMatterDate(flavour, date)}`];
  lines.push(
    tags.length ? `tags:\n${tags.map((t) => `  - ${yamlString(t)}`).join("\n")}` : "tags: []",
  );
  if (description !== undefined && description !== "")
    lines.push(`description: ${yamlString(description)}`);
  if (math) lines.push(flavour === "hugo" ? "math: true" : "mathjax: true");
  if (flavour === "hexo" && meta.disableNunjucks) lines.push("disableNunjucks: true");
  return `---\n${lines.join("\n")}\n---\n`;
}

/** Where a post and its images go, relative to the output folder, and how the Markdown links them. */
export interface BlogLayout {
  /** The Markdown file: `<name>/index.md` (Hugo leaf bundle) or `<name>.md` (Hexo post). */
  markdownPath: string;
  /** The folder of its images: `<name>` for both (the bundle itself, or Hexo's post asset folder). */
  assetDir: string;
  /** Prefix of an image link in the Markdown: `""`, i.e. images are linked by bare file name. */
  assetLink: string;
}

/**
 * The file layout a generator expects for the post `name`: a Hugo leaf bundle
 * (`<name>/index.md` with its images beside it) or a Hexo post with `post_asset_folder: true`
 * (`<name>.md` and the folder `<name>/`). Images are linked by bare file name in both.
 *
 * @param flavour `"hugo"` or `"hexo"`.
 * @param name The post's slug, e.g. `05-mle-is-min-kl-is-min-cross-entropy` (one path segment).
 * @returns `markdownPath`, `assetDir` (relative to the output folder, `/`-separated) and `assetLink`.
 * @throws {RangeError} For an unknown flavour, or a name that is empty, `.`/`..`, or holds `/`, `\` or `#`/`?`.
 * @example
 * blogLayout("hugo", "05-mle"); // => { markdownPath: "05-mle/index.md", assetDir: "05-mle", assetLink: "" }
 * blogLayout("hexo", "05-mle"); // => { markdownPath: "05-mle.md", assetDir: "05-mle", assetLink: "" }
 */
export function blogLayout(flavour: FrontMatterFlavour, name: string): BlogLayout {
  checkFlavour("blogLayout", flavour);
  if (
    typeof name !== "string" ||
    name === "" ||
    name === "." ||
    name === ".." ||
    /[/\\#?]/.test(name)
  ) {
    throw new RangeError(`blogLayout: name must be one path segment, got ${JSON.stringify(name)}`);
  }
  return flavour === "hugo"
    ? { markdownPath: `${name}/index.md`, assetDir: name, assetLink: "" }
    : { markdownPath: `${name}.md`, assetDir: name, assetLink: "" };
}

/**
 * The file (relative to the output folder) that a relative image link in a post resolves to, the
 * way the generator resolves it: against the bundle folder for Hugo, against the post asset
 * folder for Hexo. Returns null for absolute URLs, `data:` URLs and root-relative paths.
 *
 * @param flavour `"hugo"` or `"hexo"`.
 * @param name The post's slug, as given to {@link blogLayout}.
 * @param link The link as written in the Markdown (`math-1a2b3c4d.svg`), percent-encoded or not.
 * @returns A `/`-separated path such as `05-mle/math-1a2b3c4d.svg`, or null.
 */
export function resolveBlogLink(
  flavour: FrontMatterFlavour,
  name: string,
  link: string,
): string | null {
  const { assetDir } = blogLayout(flavour, name);
  if (/^(?:[a-z][a-z0-9+.-]*:|\/|#)/i.test(link)) return null;
  const parts = `${assetDir}/${decodeURI(link.split(/[?#]/)[0])}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}

/** Markdown images `![alt](url "title")`, reference definitions `[id]: url`, and `<img src="url">`. */
const IMAGE_LINK_RE =
  /(!\[(?:[^\]\\]|\\.)*\]\(\s*<?)([^\s)>]+)|(^[ \t]{0,3}\[[^\]]+\]:[ \t]*<?)([^\s>]+)|(<img\b[^>]*?\ssrc\s*=\s*)(["'])(.*?)\6/gim;

/**
 * Lists the image links of Markdown outside code spans and fenced code: Markdown images,
 * reference definitions and raw `<img src>`.
 *
 * @param markdown Markdown text.
 * @returns The link targets as written, in order.
 */
export function imageLinks(markdown: string): string[] {
  const links: string[] = [];
  for (const part of proseParts(markdown)) {
    if (part.code) continue;
    for (const m of part.text.matchAll(IMAGE_LINK_RE)) links.push(m[2] ?? m[4] ?? m[7]);
  }
  return links;
}

/**
 * Moves image links from one folder prefix to another in Markdown (Markdown images, reference
 * definitions and raw `<img src>`), outside code; other links and code are left alone.
 *
 * @param markdown Markdown text, e.g. an export linking `05-mle_files/plot-01.svg`.
 * @param fromPrefix The prefix to replace, e.g. `"05-mle_files/"`; also matched percent-encoded.
 * @param toPrefix Its replacement, e.g. `""` (bare file names) or `"images/"`.
 * @returns The Markdown with those links rewritten.
 * @throws {RangeError} If `fromPrefix` is empty.
 * @example
 * rewriteImageLinks('![a](n_files/p.svg) <img src="n_files/m.svg">', "n_files/", "");
 * // => '![a](p.svg) <img src="m.svg">'
 */
export function rewriteImageLinks(markdown: string, fromPrefix: string, toPrefix: string): string {
  if (!fromPrefix) throw new RangeError("rewriteImageLinks: fromPrefix must be non-empty");
  const froms = [...new Set([fromPrefix, encodeURI(fromPrefix)])];
  const move = (url: string): string => {
    const from = froms.find((f) => url.startsWith(f));
    return from === undefined ? url : toPrefix + url.slice(from.length);
  };
  return proseParts(markdown)
    .map((part) =>
      part.code
        ? part.text
        : part.text.replace(
            IMAGE_LINK_RE,
            (
              all,
              mdOpen?: string,
              mdUrl?: string,
              refOpen?: string,
              refUrl?: string,
              imgOpen?: string,
              q?: string,
              imgUrl?: string,
            ) => {
              if (mdOpen !== undefined && mdUrl !== undefined) return mdOpen + move(mdUrl);
              if (refOpen !== undefined && refUrl !== undefined) return refOpen + move(refUrl);
              if (imgOpen !== undefined && imgUrl !== undefined)
                return `${imgOpen}${q}${move(imgUrl)}${q}`;
              return all;
            },
          ),
    )
    .join("");
}

/**
 * Turns an exported note's Markdown into a post for `flavour`: front matter first, image links
 * moved from `<filesDir>/` to the layout's bare file names, and where to write it.
 *
 * @param flavour `"hugo"` or `"hexo"`.
 * @param name The post's slug (usually the notebook's base name).
 * @param markdown The exported Markdown (its images linked under `filesDir/`).
 * @param filesDir The image folder the export linked, e.g. `"05-mle_files"`.
 * @param meta Front matter values (see {@link frontMatter}).
 * @returns The layout (copy the images from `filesDir` into `layout.assetDir`) and the post text.
 *   For Hexo, `disableNunjucks: true` is added when the body holds `{{`, `{%` or `{#` (TeX can).
 */
export function blogPost(
  flavour: FrontMatterFlavour,
  name: string,
  markdown: string,
  filesDir: string,
  meta: PostMeta,
): { layout: BlogLayout; text: string } {
  const layout = blogLayout(flavour, name);
  const body = filesDir
    ? rewriteImageLinks(markdown, `${filesDir.replace(/\/+$/, "")}/`, layout.assetLink)
    : markdown;
  const disableNunjucks = flavour === "hexo" && (meta.disableNunjucks ?? /\{[{%#]/.test(body));
  return {
    layout,
    text: `${frontMatter(flavour, { ...meta, disableNunjucks })}\n${body.replace(/^\n+/, "")}`,
  };
}
