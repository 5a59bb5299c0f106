/**
 * The one row shape every benchmark reports, so `npm run -s bench` can print a single table and
 * write `bench/results.json`. Each bench script measures its subject and a baseline in the same
 * process and run, and states the ratio between them: wall times on a shared machine are noisy,
 * ratios measured side by side are not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface BenchRow {
  /** The table row this measures, e.g. "10,000 clips: word search". */
  what: string;
  /** The goal as a reader would state it, e.g. "≤ 30 ms". */
  goal: string;
  /** The measured value (a median unless `what` says otherwise). */
  value: number;
  unit: 'ms' | 'KB' | 'MB' | '×' | 'pages/s';
  /** Whether `value` meets the goal. */
  meets: boolean;
  /** What was measured beside it in the same run, and its value in the same unit. */
  baseline?: { what: string; value: number };
  /** Anything a reader needs to read the number right (sample size, p95, profile hint). */
  note?: string;
}

export const BENCH_RESULTS_DIR = join(import.meta.dirname, '..', '..', 'bench', 'results');

/** Writes one bench script's rows to `bench/results/<name>.json` for the table of `npm run -s bench`. */
export function writeBenchRows(name: string, rows: readonly BenchRow[]): void {
  mkdirSync(BENCH_RESULTS_DIR, { recursive: true });
  const file = join(BENCH_RESULTS_DIR, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, measuredAt: new Date().toISOString(), rows }, null, 2) + '\n');
}
