/** The `q` quantile (0..1) of samples, nearest rank; NaN for none. */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** Median and 95th percentile of samples in milliseconds. */
export function summarize(samples: readonly number[]): { median: number; p95: number } {
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/**
 * Runs each named case `rounds` times, interleaved (a, b, c, a, b, c, …) so a noisy machine
 * slows every case alike, after one warm-up round. Returns the samples per case in ms.
 */
export async function interleaved(
  cases: Record<string, () => Promise<unknown>>,
  rounds: number,
): Promise<Record<string, number[]>> {
  const names = Object.keys(cases);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = -1; round < rounds; round++) {
    for (const name of names) {
      const run = cases[name];
      if (!run) continue;
      const started = performance.now();
      await run();
      if (round >= 0) samples[name]?.push(performance.now() - started);
    }
  }
  return samples;
}
