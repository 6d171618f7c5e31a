/**
 * Internal: finds where a rich display can go.
 *
 * Five settings are told apart, without loading anything new:
 * - `"host"`: a page that runs notebook cells itself (the exported notes' "Run in browser")
 *   has registered a display host under {@link DISPLAY_HOST}; every display goes to it as a
 *   full MIME bundle. Checked first, and without `require`, which a page does not have.
 * - `"deno"`: Deno's Jupyter kernel (`deno jupyter`) is running; see {@link denoChannel}.
 * - `"bundle"`: the running kernel is the tslab this package resolves (the project's own
 *   `node_modules/tslab`). Its internal `lastWriteDisplayData` sends one output with a full
 *   MIME bundle (tested with tslab 1.0.22, which the project pins).
 * - `"html"`: some other tslab kernel is running (for example a globally installed one in a
 *   folder without a local tslab). Only its public `display.html` is relied on.
 * - `"none"`: plain Node, no kernel. Callers return their HTML instead of displaying it.
 *
 * A module counts as running when it is already in `require.cache` and its
 * `lastWriteDisplayData` is set, which tslab does at the start of every cell execution.
 */

/** One output as Jupyter's `display_data` content carries it. */
export interface MimeBundle {
  readonly [mime: string]: unknown;
}

/**
 * The global symbol under which a host page registers `{ display(bundle) }` (see the module
 * comment). A symbol, so it can never collide with a notebook's own names.
 */
export const DISPLAY_HOST = Symbol.for("mlekit.displayHost");

/** What a host page registers under {@link DISPLAY_HOST}. */
export interface DisplayHost {
  display(bundle: MimeBundle): void;
}

/** Where a display goes; see the module comment. */
export type DisplayChannel =
  | { readonly kind: "host"; send(bundle: MimeBundle): void }
  | { readonly kind: "deno"; send(bundle: MimeBundle): void }
  | { readonly kind: "bundle"; send(bundle: MimeBundle): void }
  | { readonly kind: "html"; send(bundle: MimeBundle): void }
  | { readonly kind: "none" };

type WriteDisplayData = (
  content: {
    data: MimeBundle;
    metadata: Record<string, unknown>;
    transient: Record<string, unknown>;
  },
  update: boolean,
) => void;

const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

function ownTslabPath(): string | undefined {
  try {
    return require.resolve("tslab/dist/jupyter");
  } catch {
    return undefined;
  }
}

function writerOf(exports: unknown): WriteDisplayData | undefined {
  const w = (exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
  return typeof w === "function" ? (w as WriteDisplayData) : undefined;
}

// ---- Deno's kernel ----------------------------------------------------------------------
/** The part of Deno's `Deno.jupyter` namespace the kit uses (Deno 2.x). */
interface DenoJupyter {
  display(obj: unknown, options?: { raw?: boolean }): Promise<void>;
}

/**
 * The display channel of Deno's Jupyter kernel, or undefined when the process is not one.
 * `Deno.jupyter` exists only while `deno jupyter --kernel` runs the code; its `display(bundle,
 * { raw: true })` sends the bundle as one `display_data` output, as tslab's internal writer
 * does. The send is asynchronous: Deno may publish it after the cell's `idle` (deno issue
 * #24437), which the project's runner routes back to the cell by its parent message id.
 * A failed send is reported on stderr, never lost in an unhandled rejection.
 *
 * `show` embeds no plotly.js in Deno's outputs: after an output of 4.8 MB (the first plot with
 * plotly.js inlined), Deno 2.9.6 answered 7 of 8 runs of notebook 05 with "Promise was
 * collected" in place of the cell's value (the V8 inspector lost the promise it awaited; deno
 * issue #20528), and 0 of 3 without it. Exports draw plots from their plotly JSON, so they do
 * not need the copy.
 * @param global the global object to look in (default `globalThis`; tests pass a fake)
 * @returns the channel, or undefined outside Deno's kernel
 * @example denoChannel({}) // => undefined
 * @example denoChannel({ Deno: { jupyter: { display } } })?.kind // => "deno"
 */
export function denoChannel(global: unknown = globalThis): DisplayChannel | undefined {
  const jupyter = (global as { Deno?: { jupyter?: Partial<DenoJupyter> } }).Deno?.jupyter;
  if (!jupyter || typeof jupyter.display !== "function") return undefined;
  const display = jupyter.display.bind(jupyter) as DenoJupyter["display"];
  return {
    kind: "deno",
    send(bundle) {
      Promise.resolve(display(bundle, { raw: true })).catch((e: unknown) =>
        console.error(`show: Deno.jupyter.display failed: ${(e as Error)?.message ?? e}`),
      );
    },
  };
}

/** Returns the display channel for the current process (see the module comment). */
export function displayChannel(): DisplayChannel {
  const host = (globalThis as { [DISPLAY_HOST]?: Partial<DisplayHost> })[DISPLAY_HOST];
  if (host && typeof host.display === "function") {
    const display = host.display.bind(host);
    return { kind: "host", send: (bundle) => display(bundle) };
  }
  const deno = denoChannel();
  if (deno) return deno;
  const own = ownTslabPath();
  if (own !== undefined) {
    const mod = require.cache[own];
    if (mod && writerOf(mod.exports)) {
      return {
        kind: "bundle",
        send(bundle) {
          // Read the writer at call time: tslab replaces it for every execute request.
          const write = writerOf(require.cache[own]?.exports);
          if (!write) throw new Error("show: the tslab kernel is not executing a cell");
          write({ data: bundle, metadata: {}, transient: {} }, false);
        },
      };
    }
  }
  for (const key of Object.keys(require.cache)) {
    if (key === own || !JUPYTER_MODULE.test(key)) continue;
    if (!writerOf(require.cache[key]?.exports)) continue;
    // The kernel's public API module: loaded from the same install (it reuses the cached
    // jupyter.js), unless a cell already required it.
    const publicPath = key.replace(/jupyter\.js$/, "public.js");
    let publicApi = require.cache[publicPath]?.exports as
      { display?: { html?: unknown } } | undefined;
    if (!publicApi) {
      try {
        publicApi = require(publicPath);
      } catch {
        continue;
      }
    }
    const display = publicApi?.display;
    if (display && typeof display.html === "function") {
      const html = display.html.bind(display) as (s: string) => void;
      return {
        kind: "html",
        send(bundle) {
          html(String(bundle["text/html"] ?? ""));
        },
      };
    }
  }
  return { kind: "none" };
}
