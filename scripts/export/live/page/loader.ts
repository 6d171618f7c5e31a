// In every exported note page (a few hundred bytes minified): shows the "Run in browser" bar,
// loads the live slider script at once when the page has a live slider, and the runtime when
// the reader asks for it (or the page is opened as `#run-all`). A script comes either from the
// page itself (a single-file page carries it as inert text) or from the shared assets folder
// of a site; either way it loads as a `<script>`, which works from file:// too.

const loaded: Record<string, Promise<void>> = {};

/** Loads one live script by name (`slider`, `runtime`). */
function load(name: string): Promise<void> {
  return (loaded[name] ??= new Promise<void>((resolve, reject) => {
    const s = document.createElement("script");
    const inline = document.querySelector<HTMLScriptElement>(
      `script[type="text/mlekit-live"][data-live-asset="${name}"]`,
    );
    const base =
      document.querySelector<HTMLScriptElement>("script[data-live-base]")?.dataset.liveBase;
    s.src = inline
      ? URL.createObjectURL(new Blob([inline.text], { type: "text/javascript" }))
      : `${base ?? ""}${name}.js`;
    s.onload = () => resolve();
    s.onerror = () => reject(new Error(`the ${name} script did not load (${s.src})`));
    document.body.appendChild(s);
  }));
}

interface Runtime {
  start(options: { run: boolean }): void;
}
const RUNTIME = Symbol.for("mlekit.liveRuntime");
(globalThis as Record<symbol, unknown>)[Symbol.for("mlekit.liveLoad")] = load;

function init(): void {
  const bar = document.getElementById("mlekit-live-bar");
  const html = document.documentElement;
  if (document.querySelector(".live-slider")) load("slider").catch((e) => console.error(e));
  if (!bar) return;
  bar.hidden = false;
  const button = bar.querySelector<HTMLButtonElement>("button[data-live=run]");
  const status = bar.querySelector<HTMLElement>("[data-live=status]");
  const go = (run: boolean) => {
    if (status) status.textContent = bar.dataset.loading ?? "";
    if (run) html.setAttribute("data-run-state", "running");
    load("runtime")
      .then(() => ((globalThis as Record<symbol, unknown>)[RUNTIME] as Runtime).start({ run }))
      .catch((e: Error) => {
        html.setAttribute("data-run-state", "error");
        if (status) status.textContent = e.message;
      });
  };
  button?.addEventListener("click", () => go(true), { once: true });
  if (location.hash === "#run-all") go(true);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
else init();
