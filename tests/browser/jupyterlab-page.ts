// What a JupyterLab 4 / Notebook 7 page shows, read through the app the page exposes
// (`window.jupyterapp`, page config exposeAppInBrowser) and the DOM: cells run, errors,
// plots drawn, maths rendered, hidden inputs. Shared by the front-end tests.
import type { Page } from "playwright-core";

export interface NotebookState {
  /** The notebook panel is open and its model loaded. */
  open: boolean;
  codeCells: number;
  /** Code cells with an execution count. */
  ran: number;
  kernel: string;
  /** Error outputs and stderr streams, first 300 characters each. */
  errors: string[];
  /** Outputs carrying a plot (plotly JSON or the kit's plot HTML). */
  plots: number;
  /** Plot outputs where plotly drew its SVG (or plotly's renderer shows its saved PNG). */
  drawn: number;
  /** Plot outputs that show nothing: no SVG and no visible text (height or text empty). */
  blank: number;
  /** Plot outputs that show the kit's "trust the notebook" fallback text instead of a plot. */
  fallbacks: number;
  /** Markdown cells whose source has $…$ maths. */
  mathCells: number;
  /** Of those, cells rendered with MathJax (an mjx-container inside). */
  mathRendered: number;
  /** Cells whose metadata hides the source. */
  hiddenCells: number;
  /** Of those, cells whose input JupyterLab shows collapsed. */
  hiddenCollapsed: number;
  trusted: boolean;
}

/** Reads the current notebook's state; scrolls through it first so every cell is rendered. */
export async function notebookState(page: Page, { scroll = false } = {}): Promise<NotebookState> {
  return page.evaluate(async (doScroll) => {
    type J = Record<string, unknown>;
    const app = (window as unknown as { jupyterapp?: { shell: { currentWidget: unknown } } })
      .jupyterapp;
    const panel = app?.shell.currentWidget as
      | {
          content?: {
            widgets: {
              model: { type: string; toJSON(): J; trusted?: boolean };
              node: HTMLElement;
              inputHidden: boolean;
            }[];
            model?: unknown;
            node: HTMLElement;
          };
          sessionContext?: { session?: { kernel?: { status: string; connectionStatus: string } } };
        }
      | undefined;
    const empty = {
      open: false,
      codeCells: 0,
      ran: 0,
      kernel: "",
      errors: [],
      plots: 0,
      drawn: 0,
      blank: 0,
      fallbacks: 0,
      mathCells: 0,
      mathRendered: 0,
      hiddenCells: 0,
      hiddenCollapsed: 0,
      trusted: false,
    };
    if (!panel?.content?.model) return empty;
    const widgets = panel.content.widgets;
    if (doScroll) {
      for (const w of widgets) {
        w.node.scrollIntoView({ block: "center" });
        await new Promise((r) => setTimeout(r, 15));
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    const src = (s: unknown) => (Array.isArray(s) ? s.join("") : String(s ?? ""));
    const k = panel.sessionContext?.session?.kernel;
    const out = {
      ...empty,
      open: true,
      kernel: k ? `${k.connectionStatus}/${k.status}` : "none",
      errors: [] as string[],
      trusted: true,
    };
    for (const w of widgets) {
      const j = w.model.toJSON();
      const meta = (j.metadata ?? {}) as { jupyter?: { source_hidden?: boolean } };
      if (meta.jupyter?.source_hidden) {
        out.hiddenCells++;
        if (w.inputHidden && w.node.querySelector(".jp-InputPlaceholder")) out.hiddenCollapsed++;
      }
      if (w.model.type === "markdown") {
        if (/\$[^$\n]+\$/.test(src(j.source))) {
          out.mathCells++;
          if (w.node.querySelector("mjx-container")) out.mathRendered++;
        }
        continue;
      }
      if (w.model.type !== "code") continue;
      out.codeCells++;
      if (j.execution_count !== null && j.execution_count !== undefined) out.ran++;
      if (w.model.trusted === false) out.trusted = false;
      const outputs = (j.outputs ?? []) as J[];
      for (const o of outputs) {
        if (o.output_type === "error") out.errors.push(`${o.ename}: ${o.evalue}`.slice(0, 300));
        if (o.output_type === "stream" && o.name === "stderr")
          out.errors.push(`stderr: ${src(o.text)}`.slice(0, 300));
      }
      const areas = Array.from(w.node.querySelectorAll(".jp-OutputArea-child"));
      outputs.forEach((o, i) => {
        const data = (o.data ?? {}) as J;
        const isPlot =
          data["application/vnd.plotly.v1+json"] !== undefined ||
          /class="mlekit-plot"/.test(src(data["text/html"]));
        if (!isPlot) return;
        out.plots++;
        const area = areas[i] as HTMLElement | undefined;
        // plotly's renderer shows the PNG it saved into the output on reopening, and swaps in
        // the interactive plot on hover; a loaded PNG counts as drawn.
        const png = area?.querySelector("img.plot-img") as HTMLImageElement | null;
        const pngShown = Boolean(
          png && png.complete && png.naturalWidth > 0 && png.style.display !== "none",
        );
        if (area?.querySelector("svg.main-svg") || pngShown) out.drawn++;
        else {
          // textContent: a cell scrolled out of view (content-visibility) has no innerText.
          const text = (area?.textContent ?? "").trim();
          if (!area || area.getBoundingClientRect().height < 10 || text.length === 0) out.blank++;
          if (/Trust Notebook/.test(text)) out.fallbacks++;
        }
      });
    }
    return out;
  }, scroll);
}

/** Runs a JupyterLab command by id in the page (e.g. notebook:run-all-cells, docmanager:save). */
export async function command(
  page: Page,
  id: string,
  args: Record<string, unknown> = {},
): Promise<void> {
  await page.evaluate(
    // Nothing is returned: a command may resolve to a widget, which cannot be serialised out of the page.
    async ([c, a]) => {
      await (
        window as unknown as {
          jupyterapp: { commands: { execute(id: string, args: unknown): Promise<unknown> } };
        }
      ).jupyterapp.commands.execute(c, a);
    },
    [id, args] as const,
  );
}

/** Waits (bounded) until the page's notebook is open with its kernel connected and idle. */
export async function waitOpen(page: Page, timeoutMs = 90000): Promise<NotebookState> {
  await page
    .waitForFunction(
      () => Boolean((window as unknown as { jupyterapp?: { started?: unknown } }).jupyterapp),
      undefined,
      { timeout: timeoutMs },
    )
    .catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = (await page
      .evaluate(() => Boolean((window as unknown as { jupyterapp?: unknown }).jupyterapp))
      .catch(() => false))
      ? await notebookState(page)
      : undefined;
    if ((s && s.open && s.kernel === "connected/idle") || Date.now() > deadline)
      return s ?? (await notebookState(page).catch(() => ({ open: false }) as NotebookState));
    await page.waitForTimeout(300);
  }
}

/**
 * Run All, then waits until every code cell has run and the kernel is idle, or an error is
 * shown and the kernel stayed idle for 3 s (JupyterLab stops at the first error).
 */
export async function runAll(
  page: Page,
  timeoutMs: number,
): Promise<{ state: NotebookState; finished: boolean }> {
  // Cleared first (outputs and execution counts), so "every cell has a count" means this run.
  await command(page, "notebook:clear-all-cell-outputs");
  await command(page, "notebook:run-all-cells");
  const deadline = Date.now() + timeoutMs;
  let idleSince = 0;
  for (;;) {
    const s = await notebookState(page);
    const now = Date.now();
    const idle = s.kernel === "connected/idle";
    idleSince = idle ? idleSince || now : 0;
    if (s.ran === s.codeCells && idle && now - idleSince > 300) return { state: s, finished: true };
    if (s.errors.length > 0 && idleSince && now - idleSince > 3000)
      return { state: s, finished: false };
    if (now > deadline) return { state: s, finished: false };
    await page.waitForTimeout(400);
  }
}

/**
 * Waits (bounded) until there are at least `atLeast` plot outputs and every one is drawn (or
 * shows its fallback when `untrusted`); without `atLeast`, a page whose outputs are not there
 * yet would count as "0 of 0 drawn".
 */
export async function waitDrawn(
  page: Page,
  timeoutMs = 60000,
  untrusted = false,
  atLeast = 0,
): Promise<NotebookState> {
  const deadline = Date.now() + timeoutMs;
  let first = true;
  for (;;) {
    const s = await notebookState(page, { scroll: first });
    first = false;
    const done = s.plots >= atLeast && (untrusted ? s.blank === 0 : s.drawn === s.plots);
    if (done || Date.now() > deadline) return notebookState(page, { scroll: true });
    await page.waitForTimeout(300);
  }
}

/** The plotly slider figure on the page: its title and height, after an optional click on its rail. */
export async function sliderFigure(
  page: Page,
  click: boolean,
): Promise<{ found: boolean; title: string; height: number; svgHeight: number }> {
  const box = await page.evaluate(() => {
    const gd = Array.from(document.querySelectorAll(".js-plotly-plot")).find((g) =>
      g.querySelector(".slider-container"),
    ) as HTMLElement | undefined;
    if (!gd) return undefined;
    gd.scrollIntoView({ block: "center" });
    const rail = gd.querySelector(".slider-rail-rect") as SVGGraphicsElement | null;
    const r = rail?.getBoundingClientRect();
    return r ? { x: r.left, y: r.top, w: r.width, h: r.height } : undefined;
  });
  if (!box) return { found: false, title: "", height: 0, svgHeight: 0 };
  if (click) {
    await page.mouse.click(box.x + box.w * 0.85, box.y + box.h / 2);
    await page.waitForTimeout(1500);
  }
  const r = await page.evaluate(() => {
    const gd = Array.from(document.querySelectorAll(".js-plotly-plot")).find((g) =>
      g.querySelector(".slider-container"),
    ) as HTMLElement | undefined;
    if (!gd) return { title: "", height: 0, svgHeight: 0 };
    const svg = gd.querySelector("svg.main-svg") as SVGElement | null;
    return {
      title: (gd.querySelector(".gtitle")?.textContent ?? "").trim(),
      height: Math.round(gd.getBoundingClientRect().height),
      svgHeight: Math.round(svg?.getBoundingClientRect().height ?? 0),
    };
  });
  return { found: true, ...r };
}

/** Opens `path` (relative to the server's root) in the page's JupyterLab and waits for its kernel. */
export async function openNotebook(
  page: Page,
  path: string,
  timeoutMs = 90000,
): Promise<NotebookState> {
  // JupyterLab registers its commands while its plugins start; wait for the app to be restored.
  await page.waitForFunction(
    () => {
      const app = (
        window as unknown as { jupyterapp?: { commands: { hasCommand(id: string): boolean } } }
      ).jupyterapp;
      return Boolean(
        app?.commands.hasCommand("docmanager:open") &&
        app.commands.hasCommand("notebook:run-all-cells"),
      );
    },
    undefined,
    { timeout: timeoutMs, polling: 200 },
  );
  await page.evaluate(
    () => (window as unknown as { jupyterapp: { restored: Promise<void> } }).jupyterapp.restored,
  );
  await command(page, "docmanager:open", { path });
  const deadline = Date.now() + timeoutMs;
  let reopenAt = Date.now() + 15000;
  for (;;) {
    const cur = await page.evaluate(() => {
      const w = (
        window as unknown as {
          jupyterapp: { shell: { currentWidget?: { context?: { path: string } } } };
        }
      ).jupyterapp.shell.currentWidget;
      return w?.context?.path ?? "";
    });
    if (cur === path) break;
    if (Date.now() > deadline) return notebookState(page);
    if (Date.now() > reopenAt) {
      // The workspace restore can close or hide the first document opened; open it again.
      await command(page, "docmanager:open", { path });
      reopenAt = Date.now() + 15000;
    }
    await page.waitForTimeout(200);
  }
  return waitOpen(page, Math.max(1000, deadline - Date.now()));
}

/** Saves the current notebook (File -> Save) and waits until the model is no longer dirty. */
export async function save(page: Page, timeoutMs = 30000): Promise<void> {
  await command(page, "docmanager:save");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dirty = await page.evaluate(() => {
      const w = (
        window as unknown as {
          jupyterapp: { shell: { currentWidget?: { context?: { model: { dirty: boolean } } } } };
        }
      ).jupyterapp.shell.currentWidget;
      return w?.context?.model.dirty ?? true;
    });
    if (!dirty || Date.now() > deadline) break;
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(300);
}

/** Closes every open document without the "save changes?" dialog (marks them clean first). */
export async function closeAll(page: Page): Promise<void> {
  await page
    .evaluate(() => {
      const app = (
        window as unknown as {
          jupyterapp: {
            shell: { widgets(area: string): Iterable<{ context?: { model: { dirty: boolean } } }> };
          };
        }
      ).jupyterapp;
      for (const w of Array.from(app.shell.widgets("main")))
        if (w.context) w.context.model.dirty = false;
    })
    .catch(() => undefined);
  await command(page, "application:close-all").catch(() => undefined);
}
