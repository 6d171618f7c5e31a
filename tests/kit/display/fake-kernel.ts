// Simulates the three display settings by planting modules in require.cache, the way a
// running tslab kernel leaves them: the project's own tslab, another (global) tslab, or none.
import { mkdirSync, mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";

type Content = { data: Record<string, unknown>; metadata: unknown; transient: unknown };

export const OWN_JUPYTER = require.resolve("tslab/dist/jupyter");
export const GLOBAL_DIR = "/opt/fake-global/lib/node_modules/tslab/dist";

const planted: string[] = [];

function plant(path: string, exports: unknown): void {
  require.cache[path] = {
    id: path,
    filename: path,
    loaded: true,
    exports,
  } as unknown as NodeModule;
  planted.push(path);
}

/** The project's own tslab is executing a cell: every display arrives here. */
export function ownKernel(): Content[] {
  const sent: Content[] = [];
  plant(OWN_JUPYTER, { lastWriteDisplayData: (c: Content) => sent.push(c) });
  return sent;
}

/** A different tslab (say, a global install) is executing a cell: only display.html is used. */
export function globalKernel(): string[] {
  const html: string[] = [];
  plant(join(GLOBAL_DIR, "jupyter.js"), {
    lastWriteDisplayData: () => {
      throw new Error("internal API must not be used");
    },
  });
  plant(join(GLOBAL_DIR, "public.js"), { display: { html: (s: string) => html.push(s) } });
  return html;
}

/**
 * Another tslab whose public.js has not been required by any cell yet: only jupyter.js is in
 * the cache; public.js is a real file on disk that the display must load itself.
 */
export function globalKernelWithoutPublicLoaded(): string[] {
  const dir = mkdtempSync(join(tmpdir(), "fake-tslab-"));
  const dist = join(dir, "tslab", "dist");
  mkdirSync(dist, { recursive: true });
  const html: string[] = [];
  const sinkKey = `__fakeTslabHtml_${Date.now()}`;
  (globalThis as Record<string, unknown>)[sinkKey] = html;
  writeFileSync(
    join(dist, "public.js"),
    `exports.display = { html: (s) => globalThis[${JSON.stringify(sinkKey)}].push(s) };\n`,
  );
  plant(join(dist, "jupyter.js"), { lastWriteDisplayData: () => undefined });
  planted.push(join(dist, "public.js"));
  return html;
}

/** Removes every planted module: back to plain Node. */
export function noKernel(): void {
  while (planted.length) delete require.cache[planted.pop() as string];
}

export const ownTslabDir = dirname(OWN_JUPYTER);
