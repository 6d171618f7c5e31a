// Preloaded into Stryker's main process by `npm run mutation` (node --import): keeps the number of
// test-runner processes at the `concurrency` asked for.
//
// Stryker 9.6.1 with a checker splits `concurrency` N into ceil(N/2) checker processes and
// max(floor(N/2), 1) test runners; when the checker has finished (early in a run: it outpaces the
// tests) it disposes the checkers and adds ceil(N/2) more test runners
// (ConcurrencyTokenProvider.freeCheckers). For N = 1 that is 1 checker + 1 runner, then 2 runners
// for the rest of the run: `--concurrency 1` ran two mutants' tests at a time (seen with `ps`, and
// twice that with two areas running). Here the runners added after the check never bring the
// total above N; for N >= 2 nothing changes.
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const file = path.join(
  root,
  "node_modules/@stryker-mutator/core/dist/src/concurrent/concurrency-token-provider.js",
);
const { ConcurrencyTokenProvider } = await import(pathToFileURL(file).href);
const wanted = Number(process.env.MUTATION_CONCURRENCY);
const free = ConcurrencyTokenProvider.prototype.freeCheckers;
if (typeof free !== "function") throw new Error("mutation/cap-runners.mjs: Stryker has no freeCheckers (version changed?)");
ConcurrencyTokenProvider.prototype.freeCheckers = function () {
  if (wanted >= 1 && this.concurrencyCheckers > 0) {
    const extra = Math.max(0, Math.min(this.concurrencyCheckers, wanted - this.concurrencyTestRunners));
    for (let i = 0; i < extra; i++) this.testRunnerTokenSubject.next(this.tick());
    this.testRunnerTokenSubject.complete();
    return;
  }
  return free.call(this);
};
