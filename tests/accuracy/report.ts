// `npm run accuracy`: measures every function of mlekit against the reference cases and prints the
// accuracy table.
//   --full        also run the n = 1e6 and 1e7 sweep (tests/fixtures/accuracy/full.json) and write
//                 its results to tests/fixtures/accuracy/full-results.json (the table quotes them)
//   --write       rewrite the accuracy table in lib/README.md from this run
//   --lib PATH    measure another build of the library (e.g. an older lib/dist/cjs), print only
//   --verbose     print the worst case of every function
import * as path from "path";
import { readCases } from "./cases";
import { measure, type Measurement } from "./measure";
import { SPECS, type Lib } from "./spec";
import { readFullResults, renderTable, writeFullResults, writeReadmeTable } from "./table";

function main(): void {
  const args = process.argv.slice(2);
  const libAt = args.includes("--lib")
    ? path.resolve(args[args.indexOf("--lib") + 1])
    : path.join(__dirname, "..", "..", "lib", "src");
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const lib = require(libAt) as Lib;
  const file = readCases("cases.json");
  const results: Measurement[] = [];
  for (const spec of SPECS) {
    const cases = file.functions[spec.name] ?? [];
    const t0 = Date.now();
    const m = measure(lib, spec, cases);
    results.push(m);
    const over = m.worst > spec.bound ? "  OVER BOUND" : "";
    console.log(
      `${spec.name.padEnd(28)} ${String(m.cases).padStart(5)} cases  worst ${fmt(m.worst).padStart(9)} (${spec.metric}, bound ${fmt(spec.bound)})  ${Date.now() - t0} ms${over}`,
    );
    if ((args.includes("--verbose") || over) && m.worstCase)
      console.log(`    ${m.worstTag}: ${m.worstCase}`);
    for (const t of m.thrown) console.log(`    threw: ${t}`);
  }
  let full: Measurement[] = readFullResults();
  if (args.includes("--full")) {
    const big = readCases("full.json");
    full = [];
    for (const spec of SPECS) {
      const cases = big.functions[spec.name];
      if (!cases) continue;
      const t0 = Date.now();
      const m = measure(lib, spec, cases);
      full.push(m);
      console.log(
        `full sweep ${spec.name.padEnd(24)} ${String(m.cases).padStart(3)} cases  worst ${fmt(m.worst)}  ${Date.now() - t0} ms${m.worst > spec.bound ? "  OVER BOUND" : ""}`,
      );
      if (m.worst > spec.bound) console.log(`    ${m.worstTag}: ${m.worstCase}`);
    }
    if (!args.includes("--lib")) writeFullResults(full);
  }
  const table = renderTable(results, full);
  console.log(`\n${table}`);
  if (args.includes("--write") && !args.includes("--lib")) writeReadmeTable(table);
}

function fmt(x: number): string {
  return x === 0 ? "0" : Number.isFinite(x) ? x.toPrecision(2) : String(x);
}

main();
