// Placeholder until the information benchmark lands.
export async function runInformationBench(): Promise<void> {
  throw new Error("bench/information.ts: not written yet");
}
