// Which browser-test files each stage of `npm test` (scripts/test.ts) runs, as uvu file patterns
// relative to tests/browser/. Kept apart from test.ts (which runs when imported) so that
// tests/scripts/test-stages.test.ts can check that every browser-test file runs exactly once.

/** The front ends, started right after the build: JupyterLab 4 (every notebook) and Notebook 7. */
export const FRONT_ENDS = "^jupyter(lab|-frontends)\\.test\\.ts$";

/** The student's own JupyterLab with the kernel of `npm run kernel:install`. */
export const OWN_LAB = "^own-jupyterlab\\.test\\.ts$";

/** The browser tests on the fresh exports, as two uvu processes that run side by side. */
export const EXPORT_CHECKS = [
  { label: "as readers meet the pages (readers.test.ts)", pattern: "^readers\\.test\\.ts$" },
  {
    label:
      "live notes, offline HTML, index, static exports, PDFs, the foreign notebook, nbconvert, Markdown",
    pattern:
      "^(offline-html|index-page|static-exports|pdf|foreign-notebook|nbconvert|markdown-math|markdown-flavours|live-notes)\\.test\\.ts$",
  },
];

/** Every pattern `npm test` runs in tests/browser/, with the stage it belongs to. */
export const BROWSER_STAGES: { stage: string; pattern: string }[] = [
  { stage: "front ends", pattern: FRONT_ENDS },
  { stage: "own JupyterLab", pattern: OWN_LAB },
  ...EXPORT_CHECKS.map((c) => ({ stage: `export checks: ${c.label}`, pattern: c.pattern })),
];
