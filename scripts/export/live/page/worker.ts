// The Web Worker that runs a notebook's cells in a page: one fresh worker per run, so every run
// starts from an empty global scope (a redeclared const is never an error), and a long cell
// never freezes the page. Each cell arrives as a classic script (see transform.ts) and runs
// with importScripts, so its top-level names are seen by the cells after it, as in tslab.
//
// The modules a cell may import are the real packages, bundled at export time: mlekit,
// notebook-kit and mle-course (their data files embedded), and node:assert. The kit sends
// its displays to this worker through its display-host channel; console output becomes
// stream outputs; the first failing cell stops the run, as nbclient does.
import * as mlekit from "mlekit";
import * as kit from "notebook-kit";
import * as course from "mle-course";
import { legacyAssert, strictAssert } from "./assert";
import { formatLog } from "./inspect";
import type { FromWorker, Output, ToWorker } from "./protocol";
import { IMPORT_FN, LAST_FN } from "./transform-names";

declare const importScripts: (...urls: string[]) => void;

// Captured now: a cell may declare names such as `postMessage` or `self` for itself.
const scope = globalThis as unknown as Record<string | symbol, unknown>;
const post = (globalThis as unknown as { postMessage(m: FromWorker): void }).postMessage.bind(
  globalThis,
);
const load = importScripts.bind(globalThis);
const makeUrl = URL.createObjectURL.bind(URL);
const dropUrl = URL.revokeObjectURL.bind(URL);
const BlobCtor = Blob;
const now = () => performance.now();

const assertModule = (a: object) => Object.assign(Object.create(null), a, { default: a });
const MODULES: Record<string, unknown> = {
  mlekit,
  "notebook-kit": kit,
  "mle-course": course,
  "node:assert/strict": assertModule(strictAssert),
  "assert/strict": assertModule(strictAssert),
  "node:assert": assertModule(legacyAssert),
  "assert": assertModule(legacyAssert),
};

let outputs: Output[] = [];

function stream(name: "stdout" | "stderr", text: string): void {
  const last = outputs[outputs.length - 1];
  if (last && last.output_type === "stream" && last.name === name) last.text += text;
  else outputs.push({ output_type: "stream", name, text });
}

/** The line of the cell's own script in an error's stack (the script's URL is `url`). */
function lineIn(err: unknown, url: string): number | undefined {
  const stack = String((err as Error)?.stack ?? "");
  for (const line of stack.split("\n")) {
    const at = line.lastIndexOf(url);
    if (at < 0) continue;
    const m = /^:(\d+):(\d+)/.exec(line.slice(at + url.length));
    if (m) return Number(m[1]);
  }
  return undefined;
}

function errorOutput(err: unknown, url: string, source: string): Output {
  const e = err as Error;
  const ename = e && typeof e === "object" && typeof e.name === "string" ? e.name : "Error";
  const evalue = e && typeof e === "object" && "message" in e ? String(e.message) : String(err);
  const line =
    lineIn(err, url) ??
    (typeof (e as { lineNumber?: unknown })?.lineNumber === "number"
      ? (e as unknown as { lineNumber: number }).lineNumber
      : undefined);
  const traceback: string[] = [];
  if (line !== undefined) {
    const text = source.split("\n")[line - 1];
    traceback.push(`at line ${line}${text === undefined ? "" : `: ${text.trim()}`}`);
  }
  return { output_type: "error", ename, evalue, traceback, line };
}

function install(): void {
  scope[IMPORT_FN] = (name: string) => {
    if (Object.prototype.hasOwnProperty.call(MODULES, name)) return MODULES[name];
    throw new Error(
      `import: "${name}" cannot be loaded in the page; cells here can import ${Object.keys(MODULES).join(", ")}`,
    );
  };
  scope[LAST_FN] = (...values: unknown[]) => {
    const v = values[values.length - 1];
    if (v !== null && v !== undefined) stream("stdout", formatLog([v]) + "\n");
    return v;
  };
  const consoleObject = (globalThis as { console: Console }).console;
  const toOut = (...args: unknown[]) => stream("stdout", formatLog(args) + "\n");
  const toErr = (...args: unknown[]) => stream("stderr", formatLog(args) + "\n");
  Object.assign(consoleObject, {
    log: toOut,
    info: toOut,
    debug: toOut,
    warn: toErr,
    error: toErr,
    trace: toErr,
  });
  scope[kit.DISPLAY_HOST as unknown as symbol] = {
    display(bundle: Record<string, unknown>) {
      outputs.push({
        output_type: "display_data",
        data: JSON.parse(JSON.stringify(bundle)),
        metadata: {},
      });
    },
  };
}

function run(msg: Extract<ToWorker, { type: "run" }>): void {
  install();
  if (msg.prelude) {
    const url = makeUrl(new BlobCtor([msg.prelude], { type: "text/javascript" }));
    try {
      load(url);
    } finally {
      dropUrl(url);
    }
  }
  for (const cell of msg.cells) {
    outputs = [];
    const t0 = now();
    if (cell.error) {
      post({
        type: "cell",
        index: cell.index,
        outputs: [
          {
            output_type: "error",
            ename: cell.error.name,
            evalue: cell.error.message,
            traceback: cell.error.line
              ? [
                  `at line ${cell.error.line}${cell.error.column !== undefined ? `, column ${cell.error.column + 1}` : ""}`,
                ]
              : [],
            line: cell.error.line,
          },
        ],
        ok: false,
        ms: 0,
      });
      post({ type: "done", ok: false });
      return;
    }
    const url = makeUrl(new BlobCtor([cell.code as string], { type: "text/javascript" }));
    let ok = true;
    try {
      load(url);
    } catch (err) {
      ok = false;
      outputs.push(errorOutput(err, url, cell.source));
    } finally {
      dropUrl(url);
    }
    post({ type: "cell", index: cell.index, outputs, ok, ms: now() - t0 });
    if (!ok) {
      post({ type: "done", ok: false });
      return;
    }
  }
  post({ type: "done", ok: true });
}

(globalThis as unknown as { onmessage: (e: MessageEvent<ToWorker>) => void }).onmessage = (e) => {
  if (e.data.type === "run") run(e.data);
};
post({ type: "ready" });
