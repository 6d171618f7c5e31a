#!/usr/bin/env node
// The project's tslab kernel: tslab 1.0.22 (pinned) with its start-up race closed.
//
// Why: in about 1 of 40 starts the kernel logged "Socket is blocked by a bind or unbind
// operation" and never answered. tslab's ZmqServer.init() starts reading the shell and control
// sockets, then binds all five sockets at once (Promise.all). zeromq 6 marks a socket "blocked"
// while its bind runs, and send() on a blocked socket throws EBUSY. When the front end's first
// request (kernel_info) reaches the already-bound shell socket before the iopub bind has
// finished, tslab's handler publishes "busy" on iopub, the send throws, the rejection is only
// logged, and that request is never answered: the front end waits forever on "connecting".
//
// Fix, without editing node_modules: every shell/control message waits until init() (all binds)
// has finished before tslab handles it. If init() fails (a port taken, say), the process exits
// non-zero, so the Jupyter server's restarter starts a fresh kernel instead of leaving a dead one.
//
// usage (from kernel.json): node scripts/tslab-kernel.js kernel --config-path {connection_file}
"use strict";
const path = require("path");

// Resolve tslab from the repo, so that cell code's `require("tslab")` and the kit's display
// code reach this same module instance.
const ROOT = path.resolve(__dirname, "..");
const jupyterPath = require.resolve("tslab/dist/jupyter", { paths: [ROOT] });
const mainPath = require.resolve("tslab/dist/main", { paths: [ROOT] });
const { ZmqServer } = require(jupyterPath);

const proto = ZmqServer.prototype;
if (!proto.__mlekitPatched) {
  const init = proto.init;
  const handle = proto.handleShellMessage;
  proto.init = function patchedInit(...args) {
    const ready = Promise.resolve(init.apply(this, args));
    this.__mlekitReady = ready;
    ready.catch((err) => {
      console.error(`tslab kernel: could not bind its sockets (${err && err.message ? err.message : err}); exiting so Jupyter restarts it`);
      process.exit(70);
    });
    return ready;
  };
  proto.handleShellMessage = async function patchedHandle(...args) {
    if (this.__mlekitReady) await this.__mlekitReady;
    return handle.apply(this, args);
  };
  proto.__mlekitPatched = true;
}

require(mainPath).main();
