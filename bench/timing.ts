// The timing helper the benchmark tables share.

let sink = 0; // results are added here, so no timed call is optimised away

/** Median milliseconds per call over `reps` timed calls, after two warm-up calls. */
export function medianMs(fn: () => number, reps: number): number {
  sink += fn();
  sink += fn();
  const samples: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    sink += fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1];
}

/** Reads the sink once, so the engine cannot prove the timed results unused. */
export function useSink(): void {
  if (!Number.isFinite(sink)) console.log("");
}

/** The median of `xs` (the mean of the middle two for an even count). */
export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** This process's CPU time so far, user + system, in microseconds. */
export const cpuNow = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
