// The stylesheet of the live controls (inline in a single-file page, in a site's page.css).
/** The live controls' own few rules; the page's design is the page stylesheet's. */
export const LIVE_CSS = `
#mlekit-live-bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0 0 1rem;padding:.5rem .75rem;border:1px solid var(--rule,#e4e7eb);border-radius:6px;font-size:14px}
#mlekit-live-bar[hidden]{display:none}
#mlekit-live-bar .live-note{flex-basis:100%;margin:0;color:var(--muted,#616e7c)}
#mlekit-live-bar button{font:inherit;padding:.25rem .8rem;border-radius:4px;border:1px solid var(--accent,#2563eb);background:#fff;color:var(--accent,#2563eb);cursor:pointer}
#mlekit-live-bar button[data-live=run]{background:var(--accent,#2563eb);color:#fff}
#mlekit-live-bar button:disabled{opacity:.5;cursor:default}
.live-slider{display:flex;align-items:center;gap:.75rem;margin:.2rem 0 .6rem;padding-left:.25rem;font-size:15px}
.live-slider[hidden]{display:none}
.live-slider input[type=range]{flex:1;max-width:32rem}
.live-slider output{font-variant-numeric:tabular-nums;min-width:6rem}
.cell.code .source .cm-editor{border:1px solid var(--rule,#e4e7eb);border-radius:6px;background:var(--code-bg,#f5f7fa);font:13.5px/1.5 ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
.cell.code .source .cm-editor.cm-focused{outline:2px solid var(--accent,#2563eb);outline-offset:1px}
.cell.code .source .cm-scroller{font:inherit}
.output.live-skipped{color:var(--muted,#616e7c);font-style:italic}
@media print{#mlekit-live-bar,.live-slider{display:none}}
`;
