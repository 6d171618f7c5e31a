"""Routes kernel output that arrives after its cell's `idle` back to that cell.

Deno's Jupyter kernel (2.x) can publish a cell's output after the `status: idle` that ends the
cell: it flushes captured stdout on a timer (deno issue #24437) and `Deno.jupyter.display` sends
asynchronously. Plain nbclient reads iopub only for the cell it is running and drops every
message whose parent is another request, so such output is lost. Every iopub message names the
request it belongs to in `parent_header.msg_id`; this router remembers which cell each request
ran and hands a late output to that cell. Standard library only, so it is tested with a fake
message stream (tests/scripts/late-outputs.test.ts).
"""

# Message types that add to (or clear) a cell's outputs; any other message of a finished
# request (its status, its execute_input) carries nothing to keep.
OUTPUT_TYPES = frozenset({"stream", "display_data", "execute_result", "error", "update_display_data", "clear_output"})


class LateOutputRouter:
    """Remembers the cell of every execute request and routes late outputs to it.

    append(cell, index, msg) is called for each late output message, in arrival order.
    """

    def __init__(self, append):
        self._append = append
        self._cells = {}
        self.current = None
        # Late outputs handed back to their cell, and the cells (by index) that got them.
        self.rescued = 0
        self.cells = set()
        # Output messages whose parent is no request of this run (a kernel's start-up banner).
        self.unrouted = 0

    def start(self, msg_id, cell, index):
        """Records that request `msg_id` runs `cell` (at `index`); it becomes the current one."""
        self._cells[msg_id] = (cell, index)
        self.current = msg_id

    def route(self, msg):
        """Handles `msg` when it belongs to an earlier request.

        Returns False when `msg` belongs to the current request (the caller processes it),
        True when the router consumed it: a late output appended to its own cell, or a
        message with nothing to keep.
        """
        parent = (msg.get("parent_header") or {}).get("msg_id")
        if parent is not None and parent == self.current:
            return False
        if msg.get("msg_type") not in OUTPUT_TYPES:
            return True
        hit = self._cells.get(parent)
        if hit is None:
            self.unrouted += 1
            return True
        cell, index = hit
        self._append(cell, index, msg)
        self.rescued += 1
        self.cells.add(index)
        return True


    def adopt(self, cell, index, msg):
        """Appends `msg`, published under a request of the runner's own, to `cell` (at `index`)
        and counts it as a late output of that cell."""
        self._append(cell, index, msg)
        self.rescued += 1
        self.cells.add(index)


def merge_streams(outputs):
    """Consecutive stream outputs of the same name merged into one, as nbclient coalesces them.

    A late stream output is appended after the cell was coalesced, so a cell could otherwise
    hold two adjacent stdout outputs where a front end shows one.
    """
    merged = []
    for out in outputs:
        last = merged[-1] if merged else None
        if (
            last is not None
            and out.get("output_type") == "stream"
            and last.get("output_type") == "stream"
            and last.get("name") == out.get("name")
        ):
            last["text"] = last["text"] + out["text"]
        else:
            merged.append(out)
    return merged
