// exports/index.html: the chain map of the worked notes. One card a note, in reading order,
// joined by arrows: its title and subtitle (from the notebook), links to the note in every
// format, and how its last run went (status, cells, seconds). Self-contained: inline CSS,
// maths as MathML (rendered by KaTeX at export time, no fonts needed), no script. Its own words
// come in the page's language (page-strings.ts); English left on a Chinese index (a note's
// untranslated title, an error message) is marked `lang="en"`.
import katex from "katex";
import { englishOn, pageStrings } from "./page-strings";
import { MATH_RE, formulaOf } from "./math";
import { escapeHtml as esc, htmlDocument } from "./notebook";

/** One exported file of a note, as the index links it. */
export interface IndexFile {
  file: string;
  bytes: number;
}

/** A note's card on the index page. */
export interface IndexCard {
  name: string;
  title: string;
  subtitle: string;
  status?: string;
  seconds?: number;
  cells?: number;
  error?: { cell?: number; message?: string } | null;
  files: Partial<Record<FormatKind, IndexFile>>;
  translations?: {
    label: string;
    lang: string;
    title: string;
    files: Partial<Record<FormatKind, IndexFile>>;
  }[];
}

/** Plain text with `$…$` maths -> HTML with the maths as MathML. */
export function inlineMath(s: string): string {
  let out = "";
  let last = 0;
  for (const m of String(s).matchAll(new RegExp(MATH_RE.source, "g"))) {
    out += esc(s.slice(last, m.index));
    const { tex } = formulaOf(m);
    try {
      out += katex.renderToString(tex, { output: "mathml", throwOnError: true, strict: "ignore" });
    } catch {
      out += esc(m[0]);
    }
    last = (m.index ?? 0) + m[0].length;
  }
  return out + esc(s.slice(last));
}

/** 1234567 -> "1.2 MB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10240 ? 1 : 0)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The formats of a note, as file extensions. */
export type FormatKind = "html" | "pdf" | "md" | "ipynb";

/** Each format with its label and a hint, in the order the index lists them. */
export const FORMATS: readonly [FormatKind, string, string][] = [
  ["html", "HTML", "interactive, offline"],
  ["pdf", "PDF", "to print"],
  ["md", "Markdown", "for a blog, with images"],
  ["ipynb", "notebook", "executed, with outputs"],
];

const CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--rule:#e4e7eb;--accent:#2563eb;--ok:#047857;--bad:#b91c1c}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:#f8fafc}
main{max-width:860px;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;line-height:1.25;margin:.2rem 0}
.lede{color:var(--muted);margin:.2rem 0 1.6rem}
ol.chain{list-style:none;margin:0;padding:0;counter-reset:note}
ol.chain>li{position:relative;padding-left:3.4rem;margin:0 0 1.4rem}
ol.chain>li::before{content:attr(data-step);position:absolute;left:0;top:.9rem;width:2.4rem;height:2.4rem;border-radius:50%;background:var(--accent);color:#fff;font-weight:700;display:flex;align-items:center;justify-content:center;font-size:.95rem}
ol.chain>li:not(:last-child)::after{content:"";position:absolute;left:1.15rem;top:3.5rem;bottom:-1.3rem;border-left:2px solid #bfdbfe}
.card{background:#fff;border:1px solid var(--rule);border-radius:10px;padding:.9rem 1.1rem}
.card h2{font-size:1.15rem;margin:0}
.card h2 a{color:inherit;text-decoration:none}
.card h2 a:hover{text-decoration:underline}
.sub{margin:.25rem 0 .6rem;color:var(--muted)}
.formats{display:flex;flex-wrap:wrap;gap:.4rem;margin:.2rem 0 .5rem;padding:0;list-style:none}
.formats a,.formats span.missing{display:inline-block;border:1px solid #cbd2d9;border-radius:999px;padding:.05rem .7rem;font-size:.85rem;text-decoration:none;color:var(--accent)}
.formats a:hover{background:#eff6ff}
.formats small{color:var(--muted)}
.formats span.missing{color:var(--muted);border-style:dashed}
.run{font-size:.85rem;color:var(--muted)}
.run .ok{color:var(--ok);font-weight:600}
.run .failed{color:var(--bad);font-weight:600}
.run code{font-size:.8rem}
footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
.tr{margin:.5rem 0 .2rem;font-size:.95rem}
.tr .lang{display:inline-block;background:#eef2ff;color:#3730a3;border-radius:4px;padding:0 .4rem;margin-right:.3rem;font-size:.8rem;font-weight:600}
.home{margin:0 0 .4rem;font-size:.9rem}
`;

/**
 * The index page.
 * @param opts.title page heading
 * @param opts.lede one line under it
 * @param opts.notes `{ name, title, subtitle, status, seconds, cells, error, files, translations? }` in
 *   reading order; `files` maps html|pdf|md|ipynb to `{ file, bytes }` for the files that exist;
 *   `translations` lists the same note in other languages, `{ label, lang, title, files }`
 * @param opts.lang the page's language (default "en")
 * @param opts.home a link back to the main index `{ href, label }`, for a translated index
 */
export function indexHtml({
  title,
  lede = "",
  notes,
  lang = "en",
  home,
}: {
  title: string;
  lede?: string;
  notes: IndexCard[];
  lang?: string;
  home?: { href: string; label: string };
}): string {
  const s = pageStrings(lang);
  const en = (text: string) => englishOn(lang, text);
  const total = notes.reduce((sum, n) => sum + (Number(n.seconds) || 0), 0);
  const okCount = notes.filter((n) => n.status === "ok").length;
  const items = notes.map((note, i) => {
    const step = (/^(\d+)/.exec(note.name) || [])[1] ?? String(i + 1);
    const formatLinks = (files: IndexCard["files"], words = s) =>
      FORMATS.map(([kind]) => {
        const [label, hint] = words.index.formats[kind];
        const f = files[kind];
        if (!f)
          return `<li${englishOn(words.lang, label)}><span class="missing" title="${esc(words.index.notExported)}">${label}</span></li>`;
        return `<li${englishOn(words.lang, label)}><a href="${encodeURI(f.file)}" title="${esc(hint)}">${label} <small>${formatBytes(f.bytes)}</small></a></li>`;
      }).join("");
    const links = formatLinks(note.files);
    const other = (note.translations || [])
      .map(
        (t) =>
          `<p class="tr" lang="${esc(t.lang)}"><span class="lang">${esc(t.label)}</span> ${inlineMath(t.title || "")}</p>\n<ul class="formats" lang="${esc(t.lang)}">${formatLinks(t.files, pageStrings(t.lang))}</ul>`,
      )
      .join("\n");
    const message =
      note.error && note.error.message
        ? String(note.error.message).split("\n")[0].slice(0, 160)
        : "";
    const status =
      note.status === "ok"
        ? `<span class="ok">${s.index.ranOk}</span>`
        : note.status
          ? `<span class="failed">${s.index.failed}${note.error && note.error.cell ? s.index.atCell(note.error.cell) : ""}</span>` +
            (message ? ` <code${en(message)}>${esc(message)}</code>` : "")
          : `<span>${s.index.notRun}</span>`;
    const timing = note.status
      ? ` · ${s.index.codeCells(Number(note.cells))} · ${Number(note.seconds || 0).toFixed(1)} s`
      : "";
    const href = note.files.html
      ? encodeURI(note.files.html.file)
      : note.files.ipynb
        ? encodeURI(note.files.ipynb.file)
        : "";
    const titleText = note.title || note.name;
    const heading = href ? `<a href="${href}">${inlineMath(titleText)}</a>` : inlineMath(titleText);
    return `<li data-step="${esc(step)}" id="${esc(note.name)}"><article class="card" aria-labelledby="${esc(note.name)}-title">
<h2 id="${esc(note.name)}-title"${en(titleText)}>${heading}</h2>
${note.subtitle ? `<p class="sub"${en(note.subtitle)}>${inlineMath(note.subtitle)}</p>` : ""}
<ul class="formats">${links}</ul>
${other}
<div class="run">${status}${timing} · <code translate="no">${esc(note.name)}</code></div>
</article></li>`;
  });
  return htmlDocument({
    lang,
    title,
    head: `<style>${CSS}</style>`,
    body: `<main>
${home ? `<p class="home"><a href="${esc(home.href)}"${en(home.label)}>${esc(home.label)}</a></p>` : ""}
<h1>${inlineMath(title)}</h1>
${lede ? `<p class="lede">${inlineMath(lede)}</p>` : ""}
<ol class="chain" aria-label="${esc(s.index.chain)}">
${items.join("\n")}
</ol>
<footer>${esc(s.index.notes(notes.length, okCount, total.toFixed(1)))}</footer>
</main>`,
  });
}
