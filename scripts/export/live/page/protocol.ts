// The messages between a page and the worker that runs its cells (worker.ts), and the
// outputs as nbformat writes them (the exporter's own renderer draws them).
import type { TransformError } from "./transform";

/** One output, as nbformat 4 stores it (strings unsplit); an error also knows its line. */
export type Output =
  | { output_type: "stream"; name: "stdout" | "stderr"; text: string }
  | {
      output_type: "display_data";
      data: Record<string, unknown>;
      metadata: Record<string, unknown>;
    }
  | { output_type: "error"; ename: string; evalue: string; traceback: string[]; line?: number };

/** A cell as the worker gets it: the script, or the syntax error that stopped it. */
export interface WorkerCell {
  /** Position among the note's code cells (0-based). */
  index: number;
  /** The student's TypeScript, to quote an error's line. */
  source: string;
  code?: string;
  error?: TransformError;
}

/** `prelude`: a script run before the cells, in the same scope (for tools; see runtime.ts). */
export type ToWorker = { type: "run"; cells: WorkerCell[]; prelude?: string };

export type FromWorker =
  | { type: "ready" }
  | { type: "cell"; index: number; outputs: Output[]; ok: boolean; ms: number }
  | { type: "done"; ok: boolean };
