#!/usr/bin/env python3
"""Execute one notebook through nbclient (real Jupyter protocol) with the tslab kernel.

Writes the executed notebook (also when a cell fails, so the error can be read in place) and
prints one JSON object per line on stdout:
  {"event": "start", "cells": N}
  {"event": "cell", "n": k, "cells": N, "index": i}      before code cell k of N (notebook index i)
  {"event": "ready", "seconds": s}                         the kernel answered kernel_info (its start-up)
  {"event": "done", "status": "ok"|"error"|"errors-allowed", "seconds": s, "cells": N, "error": {...},
   "late": {"rescued": n, "cells": k, "unrouted": u}}

"error": {"kind", "cell" (1-based among code cells), "index", "firstLine", "message", "errorOutput"}
names the first failing cell, or is null when every cell ran without error; "errorOutput" says
whether the kernel published an error output for it (Deno's kernel sometimes fails a cell with
none: see DENO_FLAKE in scripts/test.ts).

With --allow-errors every cell runs even after one fails (nbclient's allow_errors): the error
outputs stay in the notebook, and the status is "errors-allowed" when a cell failed. A timeout
or a dead kernel still stops the run with status "error".

Output a kernel publishes after its cell's `idle` (Deno's kernel does, deno issue #24437) is routed
back to its own cell by its parent message id (late_outputs.py); after the last cell, an empty
silent request and a quiet iopub collect what is still on its way. "late" counts them.

With --flush-code CODE (the Deno kernel), every cell is followed by a handshake: CODE with a
one-off token in place of {token} runs as a request of its own and prints the token. Deno
publishes captured stdout in order but under whichever request is current when it sends it, so
a cell's last lines can arrive under the next request. Every stream line published under the
handshake's request before its token belongs to the cell just run, and once the token has arrived
every earlier line has too: the next cell starts only then. No timing is involved.

usage: execute_notebook.py IN.ipynb OUT.ipynb [--timeout SECONDS] [--kernel NAME] [--cwd DIR]
                           [--allow-errors] [--flush-code CODE]
"""
import argparse
import asyncio
import json
import os
import sys
import time
from queue import Empty

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import ensure_async

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from late_outputs import OUTPUT_TYPES, LateOutputRouter, merge_streams  # noqa: E402


# Seconds tslab discards requests after a failed cell (200 ms in tslab's jupyter.js), with margin.
TSLAB_ABORT_WINDOW = 0.3


# After the last cell: how long iopub must stay silent before the run ends, and how long the
# closing empty request may take to go idle.
QUIET_SECONDS = 0.3
BARRIER_TIMEOUT = 10


class RoutingClient(NotebookClient):
    """nbclient that keeps output published after its cell's idle (see late_outputs.py)."""

    def __init__(self, *args, last_code_index=None, flush_code=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.router = LateOutputRouter(self._append_late)
        self.last_code_index = last_code_index
        # The handshake after every cell (see the module docstring); None: no handshake.
        self.flush_code = flush_code
        self.flushes = 0
        self.flush_prefix = f"mlekit-flush-{os.getpid()}-"
        # Handshakes whose token never came within BARRIER_TIMEOUT (the run is then not trusted).
        self.flush_timeouts = 0

    def _append_late(self, cell, index, msg):
        # Status messages never reach here, so this cannot raise CellExecutionComplete. The
        # running cell's pending clear_output(wait=True) is its own: kept out of the late cell.
        pending = getattr(self, "clear_before_next_output", False)
        self.clear_before_next_output = False
        try:
            self.process_message(msg, cell, index)
        finally:
            self.clear_before_next_output = pending

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        self.router.start(parent_msg_id, cell, cell_index)
        while True:
            msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=None))
            if self.router.route(msg):
                continue
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                return

    async def async_execute_cell(self, cell, cell_index, execution_count=None, store_history=True):
        result = await super().async_execute_cell(cell, cell_index, execution_count, store_history)
        if self.flush_code is not None and cell.cell_type == "code":
            await self.flush(cell, cell_index)
        if cell_index == self.last_code_index:
            await self.drain()
        return result

    async def flush(self, cell, cell_index):
        """The handshake after `cell`: runs flush_code, which prints a token, and takes every
        stream line published under its request before the token as `cell`'s own."""
        self.flushes += 1
        token = f"{self.flush_prefix}{self.flushes}"
        request = await ensure_async(
            self.kc.execute(self.flush_code.replace("{token}", token), silent=False, store_history=False)
        )
        self.router.current = request
        deadline = time.monotonic() + BARRIER_TIMEOUT
        seen, idle = False, False
        while not (seen and idle):
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=max(0.01, deadline - time.monotonic())))
            except Empty:
                self.flush_timeouts += 1
                break
            if self.router.route(msg):
                continue
            kind = msg["msg_type"]
            if kind == "status":
                idle = idle or msg["content"].get("execution_state") == "idle"
                continue
            if kind == "stream":
                text = msg["content"].get("text", "")
                if token in text:
                    seen = True
                    text = text.replace(token + "\n", "").replace(token, "")
                if not text:
                    continue
                msg = {**msg, "content": {**msg["content"], "text": text}}
            if kind in OUTPUT_TYPES:
                # Published under the handshake, so it was on its way from the cell just run.
                self.router.adopt(cell, cell_index, msg)
        try:
            await ensure_async(self.kc.shell_channel.get_msg(timeout=BARRIER_TIMEOUT))
        except Empty:
            pass

    async def drain(self):
        """Collects late output of the last cells before the kernel shuts down."""
        barrier = await ensure_async(self.kc.execute("", silent=True, store_history=False))
        self.router.current = barrier
        idle = False
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=QUIET_SECONDS if idle else BARRIER_TIMEOUT))
            except Empty:
                break
            if self.router.route(msg):
                continue
            if msg["msg_type"] == "status" and msg["content"].get("execution_state") == "idle":
                idle = True
        try:
            await ensure_async(self.kc.shell_channel.get_msg(timeout=BARRIER_TIMEOUT))
        except Empty:
            pass
        for index in self.router.cells:
            self.nb.cells[index].outputs = merge_streams(self.nb.cells[index].outputs)


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


def exception_text(exc):
    """What an exception says when its cell holds no error output: a CellExecutionError's
    ename and evalue (its traceback may be empty, as Deno's kernel leaves it), else its last line."""
    named = f"{getattr(exc, 'ename', '') or ''}: {getattr(exc, 'evalue', '') or ''}".strip(": ")
    if named:
        return named
    lines = [line for line in str(exc).strip().splitlines() if line.strip(" -")]
    return lines[-1] if lines else type(exc).__name__


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
    ap.add_argument("--flush-code", default=None, help="code run after every cell that prints {token} (see above)")
    args = ap.parse_args()

    nb = nbformat.read(args.input, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    order = {index: n + 1 for n, index in enumerate(code)}
    current = {"index": None}
    started = time.monotonic()
    ready = {"seconds": None}

    def on_cell_start(cell, cell_index, **_):
        current["index"] = cell_index
        if ready["seconds"] is None:
            ready["seconds"] = round(time.monotonic() - started, 2)
            emit(event="ready", seconds=ready["seconds"])
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
    client = RoutingClient(
        nb,
        last_code_index=code[-1] if code else None,
        timeout=args.timeout,
        kernel_name=args.kernel,
        resources={"metadata": {"path": cwd}},
        on_cell_start=on_cell_start,
        on_cell_error=on_cell_error,
        allow_errors=args.allow_errors,
        flush_code=args.flush_code,
    )
    emit(event="start", cells=len(code))
    status, error = "ok", None
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
        status = "error"
        index = current["index"]
        cell = nb.cells[index] if index is not None else {"source": "", "outputs": []}
        kind = type(exc).__name__
        detail = error_text(cell) or exception_text(exc)
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
            # False when the kernel failed the cell without publishing an error output.
            "errorOutput": any(o.get("output_type") == "error" for o in cell.get("outputs", [])),
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
    if status == "ok" and client.flush_timeouts:
        status = "error"
        error = {
            "kind": "FlushTimeout",
            "cell": 0,
            "index": None,
            "firstLine": "",
            "message": f"{client.flush_timeouts} handshake(s) after a cell got no token within {BARRIER_TIMEOUT} s: "
            "the kernel's output may be incomplete",
        }
    # As a front end shows them: consecutive stream outputs of one name are one block.
    for c in nb.cells:
        if c.cell_type == "code":
            c.outputs = merge_streams(c.outputs)
    seconds = time.monotonic() - started
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    nbformat.write(nb, args.output)
    late = {"rescued": client.router.rescued, "cells": len(client.router.cells), "unrouted": client.router.unrouted}
    emit(event="done", status=status, seconds=round(seconds, 2), cells=len(code), error=error, late=late)
    return 0 if status == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
