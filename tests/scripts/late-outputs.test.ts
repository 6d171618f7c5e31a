// scripts/late_outputs.py and the runner's RoutingClient (scripts/execute_notebook.py), fed a
// fake iopub stream by tests/scripts/late_outputs_check.py: output a kernel publishes after its
// cell's idle (Deno's kernel does, deno issue #24437) lands in its own cell, none is lost, and
// the count is right. Needs the project's .venv (nbclient), created on first use.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "path";
import { ensureJupyter, run } from "../../scripts/setup";

type Observed = {
  router: {
    first: boolean[];
    second: boolean[];
    appended: [string, number, string | null][];
    rescued: number;
    cells: number[];
    unrouted: number;
  };
  merge: [string, string | null, string | null][];
  client: {
    afterPoll: string[];
    one: [string, string | null, string][];
    two: [string, string | null, string][];
    rescued: number;
    cells: number[];
    barrier: { code: string; silent: boolean; store_history: boolean }[];
    left: number;
  };
  flush: {
    one: [string, string | null, string][];
    executed: { code: string; silent: boolean; store_history: boolean }[];
    timeouts: number;
    left: number;
    rescued: number;
  };
  flushTimeout: { timeouts: number };
};

const r = run(ensureJupyter(), [join(__dirname, "late_outputs_check.py")]);
if (r.status !== 0) throw new Error(`late_outputs_check.py failed:\n${r.stderr}`);
const seen = JSON.parse(r.stdout) as Observed;

test("the router leaves every message of the running request to the caller", () => {
  assert.equal(seen.router.first, [false, false, false]);
  // cell B's own busy, stream and idle (positions 4, 5, 8) go to the caller
  assert.equal(
    [seen.router.second[4], seen.router.second[5], seen.router.second[8]],
    [false, false, false],
  );
});

test("an earlier request's stream, display and stderr outputs go to that earlier cell, in arrival order", () => {
  assert.equal(seen.router.appended, [
    ["A", 0, "a2 late\n"],
    ["A", 0, null],
    ["A", 0, "a3 late\n"],
  ]);
  assert.is(seen.router.rescued, 3);
  assert.equal(seen.router.cells, [0]);
});

test("an earlier request's status and execute_input are consumed and add nothing; an output of an unknown request is counted, not kept", () => {
  assert.equal([seen.router.second[2], seen.router.second[3]], [true, true]);
  assert.is(seen.router.unrouted, 1);
  assert.is(seen.router.appended.length, 3, "only the three outputs of A were appended");
});

test("merge_streams joins consecutive streams of one name and keeps the order around other outputs", () => {
  assert.equal(seen.merge, [
    ["stream", "stdout", "1\n2\n"],
    ["stream", "stderr", "e\n"],
    ["display_data", null, null],
    ["stream", "stdout", "3\n4\n"],
  ]);
});

test("RoutingClient: while cell 2 runs, cell 1's late stream and plot land in cell 1, not cell 2", () => {
  assert.equal(seen.client.afterPoll, ["one: 1\n", "one: 2 (late)\n", "one's plot (late)"]);
});

test("RoutingClient.drain after the last cell: one empty silent request, then every straggler of cells 1 and 2 is kept, streams merged", () => {
  assert.equal(seen.client.barrier, [{ code: "", silent: true, store_history: false }]);
  assert.equal(seen.client.one, [
    ["stream", "stdout", "one: 1\none: 2 (late)\n"],
    ["display_data", null, "one's plot (late)"],
    ["stream", "stdout", "one: 3 (late)\n"],
  ]);
  assert.equal(seen.client.two, [["stream", "stdout", "two: 1\ntwo: 2 (late)\n"]]);
  assert.is(seen.client.rescued, 4, "late outputs counted: 2 during cell 2, 2 in the drain");
  assert.equal(seen.client.cells, [0, 2]);
  assert.is(seen.client.left, 0, "the drain read the stream to its end");
});

test("RoutingClient.flush (Deno's handshake): the cell's last lines, sent under the handshake before its token, and its late plot land in the cell; the token is dropped", () => {
  assert.equal(seen.flush.executed, [
    { code: 'console.log("T1")', silent: false, store_history: false },
  ]);
  assert.equal(seen.flush.one, [
    ["stream", "stdout", "1\n2\n"],
    ["display_data", null, "one's plot (late)"],
    ["stream", "stdout", "3\n"],
  ]);
  assert.is(seen.flush.rescued, 3);
  assert.is(seen.flush.timeouts, 0);
  assert.is(seen.flush.left, 1, "the next cell's output is left for the next cell");
});

test("RoutingClient.flush: a handshake whose token never comes is counted, for the run to fail", () => {
  assert.is(seen.flushTimeout.timeouts, 1);
});

test.run();
