#!/usr/bin/env python3
"""Execute one notebook through nbclient (real Jupyter protocol) with the tslab kernel.

Writes the executed notebook (also when a cell fails, so the error can be read in place) and
prints one JSON object per line on stdout:
  {"event": "start", "cells": N}
  {"event": "cell", "n": k, "cells": N, "index": i}      before code cell k of N (notebook index i)
  {"event": "done", "status": "ok"|"error"|"errors-allowed", "seconds": s, "cells": N, "error": {...}}

"error": {"kind", "cell" (1-based among code cells), "index", "firstLine", "message"} names the
first failing cell, or is null when every cell ran without error.

With --allow-errors every cell runs even after one fails (nbclient's allow_errors): the error
outputs stay in the notebook, and the status is "errors-allowed" when a cell failed. A timeout
or a dead kernel still stops the run with status "error".

usage: execute_notebook.py IN.ipynb OUT.ipynb [--timeout SECONDS] [--kernel NAME] [--cwd DIR]
                           [--allow-errors]
"""
import argparse
import asyncio
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


# Seconds tslab discards requests after a failed cell (200 ms in tslab's jupyter.js), with margin.
TSLAB_ABORT_WINDOW = 0.3


def emit(**event):
    sys.stdout.write(json.dumps(event) + "\n")
    sys.stdout.flush()


def error_text(cell):
    """The text of a failed cell's error: its error output, else what it wrote to stderr."""
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            parts.append(f"{out.get('ename', '')}: {out.get('evalue', '')}".strip(": "))
        elif out.get("output_type") == "stream" and out.get("name") == "stderr":
            parts.append(out.get("text", "").strip())
    return "\n".join(p for p in parts if p)


def first_line(cell):
    """The first non-blank line of a cell's source."""
    return next((line for line in cell.get("source", "").splitlines() if line.strip()), "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--cwd", default=None, help="kernel working directory (default: the notebook's)")
    ap.add_argument("--allow-errors", action="store_true", help="run every cell even after one fails")
    args = ap.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    order = {index: n + 1 for n, index in enumerate(code)}
    current = {"index": None}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index
        if cell_index not in order:
            return
        emit(event="cell", n=order.get(cell_index, 0), cells=len(code), index=cell_index)

    # Called for every cell whose execute reply is an error, allowed or not; keeps the first.
    failed = {"index": None, "reply": None}

    async def on_cell_error(cell, cell_index, execute_reply, **_):
        if failed["index"] is None:
            failed["index"], failed["reply"] = cell_index, execute_reply.get("content", {})
        if args.allow_errors:
            # After a failed cell, tslab 1.0.22 aborts every request that reaches it within
            # 200 ms (it resets its execution queue): wait, so that the next cell really runs.
            await asyncio.sleep(TSLAB_ABORT_WINDOW)

    cwd = args.cwd or os.path.dirname(os.path.abspath(args.input))
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name=args.kernel,
        resources={"metadata": {"path": cwd}},
        on_cell_start=on_cell_start,
        on_cell_error=on_cell_error,
        allow_errors=args.allow_errors,
    )
    emit(event="start", cells=len(code))
    started = time.monotonic()
    status, error = "ok", None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        status = "error"
        index = current["index"]
        cell = nb.cells[index] if index is not None else {"source": "", "outputs": []}
        kind = type(exc).__name__
        detail = error_text(cell) or str(exc).strip().splitlines()[-1:] and str(exc).strip().splitlines()[-1]
        if isinstance(exc, CellTimeoutError):
            detail = f"cell timed out after {args.timeout} s"
        elif isinstance(exc, DeadKernelError):
            detail = f"kernel died: {exc}"
        error = {
            "kind": kind,
            "cell": order.get(index, 0),
            "index": index,
            "firstLine": first_line(cell),
            "message": detail,
        }
    if status == "ok" and failed["index"] is not None:
        # Reached with --allow-errors (or a cell tagged raises-exception): every cell ran, this one failed first.
        status = "errors-allowed"
        index, reply = failed["index"], failed["reply"]
        cell = nb.cells[index]
        error = {
            "kind": "CellExecutionError",
            "cell": order.get(index, 0),
            "index": index,
            "firstLine": first_line(cell),
            "message": error_text(cell) or f"{reply.get('ename', '')}: {reply.get('evalue', '')}".strip(": "),
        }
    seconds = time.monotonic() - started
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    nbformat.write(nb, args.output)
    emit(event="done", status=status, seconds=round(seconds, 2), cells=len(code), error=error)
    return 0 if status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
