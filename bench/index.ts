// `npm run bench`: every benchmark table in one run.
// Each group module prints its own table; run them in sequence so they do not compete for cores.
import { runInformationBench } from "./information";
import { runEstimatorsBench } from "./estimators";
import { runRegressionBench } from "./regression";
import { runPrecision } from "./precision";
import { runSimdBench } from "./simd";

async function main(): Promise<void> {
  await runInformationBench();
  await runEstimatorsBench();
  await runRegressionBench();
  runPrecision();
  await runSimdBench();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
