#!/usr/bin/env node
// The project's tslab kernel: tslab 1.0.22 (pinned) with its start-up race closed.
//
// Why: in about 1 of 40 starts the kernel logged "Socket is blocked by a bind or unbind
// operation" and never answered. tslab's ZmqServer.init() starts reading the shell, control and
// heartbeat sockets FIRST and only then binds all five sockets at once (Promise.all). zeromq 6
// marks a socket "blocked" while its bind runs, and every send/receive on a blocked socket
// fails with EBUSY. Two ways this kills the kernel:
//  - a read already waiting on the shell or control socket is served during that socket's own
//    bind: the receive rejects, the `for await` loop over the socket ends, and the kernel never
//    reads a request again (the front end waits on "connecting" for ever);
//  - the first request reaches the bound shell socket while iopub is still binding: publishing
//    "busy" throws, and that request is never answered.
//
// Fix, without editing node_modules: init() below binds the sockets one after the other and
// starts reading only once all five are bound (a client's early requests wait in ZeroMQ's queue
// meanwhile). If a bind fails or a read loop ends while the socket is still open, the process
// exits non-zero, so the Jupyter server's restarter starts a fresh kernel instead of leaving a
// dead one.
//
// usage (from kernel.json, see kernelJson in scripts/setup.ts):
//   node -r ts-node/register/transpile-only scripts/tslab-kernel.ts kernel --config-path {connection_file}
import * as fs from "fs";
import * as path from "path";
import type * as Jupyter from "tslab/dist/jupyter";
import type * as Zmq from "zeromq";

// Resolve tslab from the repo, so that cell code's `require("tslab")` and the kit's display
// code reach this same module instance.
const ROOT = path.resolve(__dirname, "..");
const jupyterPath = require.resolve("tslab/dist/jupyter", { paths: [ROOT] });
const mainPath = require.resolve("tslab/dist/main", { paths: [ROOT] });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ZmqServer } = require(jupyterPath) as typeof Jupyter;
// tslab's own zeromq, as tslab would load it.
const tslabDir = path.dirname(require.resolve("tslab/package.json", { paths: [ROOT] }));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zmq = require(require.resolve("zeromq", { paths: [tslabDir] })) as typeof Zmq;

/** tslab's private ZmqServer.bindSocket: binds one socket to a port of the connection file. */
type BindSocket = (sock: Zmq.Socket, port: number) => Promise<void>;

/** Logs why the kernel gives up and exits with status 70, so that Jupyter's restarter starts a new one. */
function die(what: string, err: unknown): never {
  console.error(
    `tslab kernel: ${what} (${err instanceof Error ? err.message : String(err)}); exiting so Jupyter restarts the kernel`,
  );
  process.exit(70);
}

/** Reads `sock` until it is closed, handing each message to `handle`; a read that fails on an open socket kills the kernel. */
function serve(
  sock: Zmq.Router | Zmq.Reply,
  name: string,
  handle: (msgs: Buffer[]) => unknown,
): void {
  (async () => {
    for await (const msgs of sock) handle(msgs);
  })().catch((err: unknown) => {
    if (!sock.closed) die(`the ${name} socket stopped reading`, err);
  });
}

/** tslab's ZmqServer.init, binding every socket before reading any (see the top of this file). */
ZmqServer.prototype.init = async function initBindFirst(this: Jupyter.ZmqServer): Promise<void> {
  const bindSocket = (this as unknown as { bindSocket: BindSocket }).bindSocket.bind(this);
  // The connection file Jupyter wrote for this kernel (ports, key, transport).
  const cinfo = JSON.parse(
    fs.readFileSync(this.configPath, "utf-8"),
  ) as Jupyter.ZmqServer["connInfo"];
  this.connInfo = cinfo;
  this.iopub = new zmq.Publisher();
  this.shell = new zmq.Router();
  this.control = new zmq.Router();
  this.stdin = new zmq.Router();
  this.hb = new zmq.Reply();
  const sockets: [Zmq.Socket, number][] = [
    [this.iopub, cinfo.iopub_port],
    [this.shell, cinfo.shell_port],
    [this.control, cinfo.control_port],
    [this.stdin, cinfo.stdin_port],
    [this.hb, cinfo.hb_port],
  ];
  try {
    for (const [sock, port] of sockets) await bindSocket(sock, port);
  } catch (err) {
    die("could not bind its sockets", err);
  }
  serve(this.shell, "shell", (msgs) => this.handleShellMessage(this.shell, ...msgs));
  serve(this.control, "control", (msgs) => this.handleShellMessage(this.control, ...msgs));
  serve(this.hb, "heartbeat", (msgs) => this.hb.send(msgs));
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
(require(mainPath) as { main(): void }).main();
