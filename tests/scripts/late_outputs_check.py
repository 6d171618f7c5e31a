"""Drives scripts/late_outputs.py and the runner's RoutingClient with a fake message stream.

Run by tests/scripts/late-outputs.test.ts with the project's .venv Python (nbclient); prints one
JSON object with what each case observed, which the uvu test asserts on.
"""
import asyncio
import json
import os
import sys
from queue import Empty

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "scripts"))

import nbformat  # noqa: E402
from late_outputs import LateOutputRouter, merge_streams  # noqa: E402
from execute_notebook import RoutingClient  # noqa: E402


def msg(parent, msg_type, **content):
    return {"parent_header": {"msg_id": parent}, "msg_type": msg_type, "header": {"msg_type": msg_type}, "content": content, "metadata": {}}


def stream(parent, text, name="stdout"):
    return msg(parent, "stream", name=name, text=text)


def status(parent, state):
    return msg(parent, "status", execution_state=state)


def router_case():
    got = []
    r = LateOutputRouter(lambda cell, index, m: got.append((cell["id"], index, m["content"].get("text"))))
    a, b = {"id": "A"}, {"id": "B"}
    r.start("a", a, 0)
    first = [r.route(m) for m in [status("a", "busy"), stream("a", "a1\n"), status("a", "idle")]]
    r.start("b", b, 2)
    stream_b = [
        stream("a", "a2 late\n"),
        msg("a", "display_data", data={"text/plain": "plot"}, metadata={}),
        status("a", "idle"),
        msg("a", "execute_input", code="x"),
        status("b", "busy"),
        stream("b", "b1\n"),
        stream("nobody", "banner\n"),
        stream("a", "a3 late\n", name="stderr"),
        status("b", "idle"),
    ]
    second = [r.route(m) for m in stream_b]
    return {
        "first": first,
        "second": second,
        "appended": got,
        "rescued": r.rescued,
        "cells": sorted(r.cells),
        "unrouted": r.unrouted,
    }


def merge_case():
    outs = [
        {"output_type": "stream", "name": "stdout", "text": "1\n"},
        {"output_type": "stream", "name": "stdout", "text": "2\n"},
        {"output_type": "stream", "name": "stderr", "text": "e\n"},
        {"output_type": "display_data", "data": {}},
        {"output_type": "stream", "name": "stdout", "text": "3\n"},
        {"output_type": "stream", "name": "stdout", "text": "4\n"},
    ]
    return [(o["output_type"], o.get("name"), o.get("text")) for o in merge_streams(outs)]


class FakeChannel:
    def __init__(self, messages):
        self.messages = list(messages)

    async def get_msg(self, timeout=None):
        if not self.messages:
            raise Empty()
        return self.messages.pop(0)


class FakeKernelClient:
    def __init__(self, iopub, shell):
        self.iopub_channel = FakeChannel(iopub)
        self.shell_channel = FakeChannel(shell)
        self.executed = []

    async def execute(self, code, silent=False, store_history=True, **_):
        self.executed.append({"code": code, "silent": silent, "store_history": store_history})
        return "barrier"


def client_case():
    """The real RoutingClient: the poll of cell 2 meets cell 1's late output, the drain after the
    last cell meets more of it, and both land in cell 1, streams merged."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("one"), nbformat.v4.new_markdown_cell("m"), nbformat.v4.new_code_cell("two")]
    client = RoutingClient(nb, kernel_name="fake", last_code_index=2, record_timing=False)
    one, two = nb.cells[0], nb.cells[2]
    one.outputs = [nbformat.v4.new_output("stream", name="stdout", text="one: 1\n")]
    client.router.start("m1", one, 0)
    client.kc = FakeKernelClient(
        iopub=[
            stream("m1", "one: 2 (late)\n"),
            status("m1", "idle"),
            status("m2", "busy"),
            stream("m2", "two: 1\n"),
            msg("m1", "display_data", data={"text/plain": "one's plot (late)"}, metadata={}),
            status("m2", "idle"),
            # after the last cell, read by drain()
            stream("m1", "one: 3 (late)\n"),
            status("barrier", "busy"),
            status("barrier", "idle"),
            stream("m2", "two: 2 (late)\n"),
        ],
        shell=[{"parent_header": {"msg_id": "barrier"}, "content": {"status": "ok"}}],
    )

    async def go():
        await client._async_poll_output_msg("m2", two, 2)
        after_poll = [o.get("text", o.get("data", {}).get("text/plain")) for o in one.outputs]
        await client.drain()
        return after_poll

    after_poll = asyncio.run(go())
    show = lambda cell: [(o["output_type"], o.get("name"), o.get("text", o.get("data", {}).get("text/plain"))) for o in cell.outputs]  # noqa: E731
    return {
        "afterPoll": after_poll,
        "one": show(one),
        "two": show(two),
        "rescued": client.router.rescued,
        "cells": sorted(client.router.cells),
        "barrier": client.kc.executed,
        "left": len(client.kc.iopub_channel.messages),
    }


def flush_case():
    """The handshake after a cell (Deno): the cell's last lines come under the handshake's
    request, before and in the same chunk as its token; a late display of the cell comes under the
    cell's own id. All of it lands in the cell, the token nowhere, and the next read starts after
    the handshake's idle."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("one")]
    client = RoutingClient(nb, kernel_name="fake", flush_code='console.log("{token}")', record_timing=False)
    client.flush_prefix = "T"
    one = nb.cells[0]
    one.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    client.router.start("m1", one, 0)
    client.kc = FakeKernelClient(
        iopub=[
            status("barrier", "busy"),
            msg("barrier", "execute_input", code="x"),
            stream("barrier", "2\n"),
            msg("m1", "display_data", data={"text/plain": "one's plot (late)"}, metadata={}),
            stream("barrier", "3\nT1\n"),
            status("barrier", "idle"),
            stream("m2", "next cell\n"),
        ],
        shell=[{"parent_header": {"msg_id": "barrier"}, "content": {"status": "ok"}}],
    )
    asyncio.run(client.flush(one, 0))
    from late_outputs import merge_streams as merge  # noqa: E402

    one.outputs = merge(one.outputs)
    return {
        "one": [(o["output_type"], o.get("name"), o.get("text", o.get("data", {}).get("text/plain"))) for o in one.outputs],
        "executed": client.kc.executed,
        "timeouts": client.flush_timeouts,
        "left": len(client.kc.iopub_channel.messages),
        "rescued": client.router.rescued,
    }


def flush_timeout_case():
    """A handshake whose token never comes is counted (the run is then reported as failed)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("one")]
    client = RoutingClient(nb, kernel_name="fake", flush_code='console.log("{token}")', record_timing=False)
    client.router.start("m1", nb.cells[0], 0)
    client.kc = FakeKernelClient(iopub=[status("barrier", "busy"), status("barrier", "idle")], shell=[])
    asyncio.run(client.flush(nb.cells[0], 0))
    return {"timeouts": client.flush_timeouts}


print(
    json.dumps(
        {
            "router": router_case(),
            "merge": merge_case(),
            "client": client_case(),
            "flush": flush_case(),
            "flushTimeout": flush_timeout_case(),
        }
    )
)
