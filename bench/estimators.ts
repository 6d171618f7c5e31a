// Placeholder until the estimators benchmark lands.
export async function runEstimatorsBench(): Promise<void> {
  throw new Error("bench/estimators.ts: not written yet");
}
