#!/usr/bin/env python3
"""Execute one notebook through nbclient (real Jupyter protocol) with the tslab kernel.

Writes the executed notebook (also when a cell fails, so the error can be read in place) and
prints one JSON object per line on stdout:
  {"event": "start", "cells": N}
  {"event": "cell", "n": k, "cells": N, "index": i}      before code cell k of N (notebook index i)
  {"event": "done", "status": "ok"|"error", "seconds": s, "cells": N, "error": {...}}

usage: execute_notebook.py IN.ipynb OUT.ipynb [--timeout SECONDS] [--kernel NAME] [--cwd DIR]
"""
import argparse
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell")
    ap.add_argument("--kernel", default="tslab")
    ap.add_argument("--cwd", default=None, help="kernel working directory (default: the notebook's)")
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

    cwd = args.cwd or os.path.dirname(os.path.abspath(args.input))
    client = NotebookClient(
        nb,
        timeout=args.timeout,
        kernel_name=args.kernel,
        resources={"metadata": {"path": cwd}},
        on_cell_start=on_cell_start,
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
        source = cell.get("source", "")
        first = next((line for line in source.splitlines() if line.strip()), "")
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
            "firstLine": first,
            "message": detail,
        }
    seconds = time.monotonic() - started
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    nbformat.write(nb, args.output)
    emit(event="done", status=status, seconds=round(seconds, 2), cells=len(code), error=error)
    return 0 if status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
