/** Order statistics for the benchmarks; free of Node APIs, since the pipeline probe also runs bundled in Chromium. */

/** The value at rank `q` (0–1) of `values`, nearest rank from below; NaN when there are none. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** The upper median (the middle value of an odd count, the higher of the two middle ones otherwise). */
export const median = (values: readonly number[]): number => quantile(values, 0.5);
