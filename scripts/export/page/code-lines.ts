// Code highlighting of a note page, shared by the exporter (html.ts) and a site page's script
// (page/expand.ts), so a page that highlights its code in the browser gets the exporter's markup.
import hljs from "highlight.js/lib/core";
import typescript from "highlight.js/lib/languages/typescript";

hljs.registerLanguage("typescript", typescript);

/**
 * highlight.js HTML split into one `<span class="line">` per source line, each closing and
 * reopening the token spans it crosses, with its indent in `--i` (so a wrapped line hangs under
 * its own indent). Every line keeps its "\n", so the code's text is unchanged.
 * @example codeLines('<span class="a">x\n  y</span>')
 * // => '<span class="line"><span class="a">x\n</span></span><span class="line" style="--i:2ch"><span class="a">  y</span></span>'
 */
export function codeLines(highlighted: string): string {
  const lines: string[] = [];
  const open: string[] = [];
  let line = "";
  let plain = "";
  const finish = (nl: boolean) => {
    const indent = /^ */.exec(plain)![0].length;
    const style = indent ? ` style="--i:${indent}ch"` : "";
    lines.push(
      `<span class="line"${style}>${line}${nl ? "\n" : ""}${"</span>".repeat(open.length)}</span>`,
    );
  };
  for (const m of highlighted.matchAll(/<span[^>]*>|<\/span>|\n|[^<\n]+/g)) {
    const tok = m[0];
    if (tok === "\n") {
      finish(true);
      line = open.join("");
      plain = "";
    } else if (tok.startsWith("<span")) {
      open.push(tok);
      line += tok;
    } else if (tok === "</span>") {
      open.pop();
      line += tok;
    } else {
      line += tok;
      plain += tok;
    }
  }
  if (plain || line.replace(/<[^>]*>/g, "")) finish(false);
  return lines.join("");
}

/** TypeScript source highlighted by highlight.js, one `<span class="line">` per line ({@link codeLines}). */
export function highlightTs(src: string): string {
  return codeLines(hljs.highlight(src, { language: "typescript" }).value);
}
