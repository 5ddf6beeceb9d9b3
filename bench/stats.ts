export interface Timing {
  p50: number;
  p95: number;
}

/** Runs fn `iterations` times after a warm-up and returns p50/p95 in milliseconds. */
export async function measure(iterations: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < Math.min(10, iterations); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

export const ms = (value: number) => value.toFixed(2).padStart(8);
