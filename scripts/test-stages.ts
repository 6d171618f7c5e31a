// Which browser-test files each stage of `npm test` (scripts/test.ts) runs, as uvu file patterns
// relative to tests/browser/. Kept apart from test.ts (which runs when imported) so that
// tests/scripts/test-stages.test.ts can check that every browser-test file runs exactly once.

/**
 * The unit-test run (uvu over tests/) ignores the paths this matches: the folder tests/browser/
 * alone, whose files the stages below run. uvu tests it against each path relative to tests/.
 */
export const UNIT_IGNORE = "^browser$";

/** The unit-test run's file pattern (uvu, over tests/). */
export const UNIT_PATTERN = "\\.test\\.ts$";

/** The front ends, started right after the build: JupyterLab 4 (every notebook) and Notebook 7. */
export const FRONT_ENDS = "^jupyter(lab|-frontends)\\.test\\.ts$";

/** The student's own JupyterLab with the kernel of `npm run kernel:install`. */
export const OWN_LAB = "^own-jupyterlab\\.test\\.ts$";

/**
 * The live notes (every note run in its page, the site): they read only the notes' own export
 * folder, so they start as soon as the notes are exported, beside the export fixtures' runs.
 */
export const LIVE_NOTES = {
  label: "live notes: every note run in its page, the site (live-notes.test.ts)",
  pattern: "^live-notes\\.test\\.ts$",
};

/** The other browser tests on the fresh exports (they read the fixtures' exports too), as two uvu processes side by side. */
export const EXPORT_CHECKS = [
  { label: "as readers meet the pages (readers.test.ts)", pattern: "^readers\\.test\\.ts$" },
  {
    label: "offline HTML, index, static exports, PDFs, the foreign notebook, nbconvert, Markdown",
    pattern:
      "^(offline-html|index-page|static-exports|pdf|foreign-notebook|nbconvert|markdown-math|markdown-flavours)\\.test\\.ts$",
  },
];

/** Every pattern `npm test` runs in tests/browser/, with the stage it belongs to. */
export const BROWSER_STAGES: { stage: string; pattern: string }[] = [
  { stage: "front ends", pattern: FRONT_ENDS },
  { stage: "own JupyterLab", pattern: OWN_LAB },
  { stage: `export checks: ${LIVE_NOTES.label}`, pattern: LIVE_NOTES.pattern },
  ...EXPORT_CHECKS.map((c) => ({ stage: `export checks: ${c.label}`, pattern: c.pattern })),
];
