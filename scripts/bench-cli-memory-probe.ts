/**
 * Loaded into the CLI process by `scripts/bench-cli-memory.ts` (node --import): after every
 * LOA_MEMORY_EVERY output lines (one line per file) it appends the process's memory to the JSON Lines
 * file LOA_MEMORY_SAMPLES; after the line counts listed in LOA_MEMORY_KEPT_AT it runs a full
 * garbage collection (node --expose-gc) and appends a second sample, whose `heapUsed` is what the
 * process keeps between files. At exit it
 * appends the CPU time the process used. The CLI itself is not changed: its output goes on as is.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

export interface MemorySample {
  files: number;
  /** Resident set (VmRSS), its high-water mark so far (VmHWM) and its anonymous part (RssAnon), MB. */
  rssMb: number;
  peakMb: number;
  anonMb: number;
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** Each V8 heap space: MB in use and MB committed. */
  spaces: Record<string, { usedMb: number; sizeMb: number }>;
  /** True when a full collection ran just before this sample. */
  collected: boolean;
}

export interface CpuSample {
  cpuSeconds: number;
}

const MB = 2 ** 20;
const samplesFile = process.env.LOA_MEMORY_SAMPLES;
const every = Number(process.env.LOA_MEMORY_EVERY ?? 100);
const keptAt = new Set((process.env.LOA_MEMORY_KEPT_AT ?? '').split(',').filter(Boolean).map(Number));
const collect = (globalThis as { gc?: () => void }).gc;

function statusMb(status: string, field: string): number {
  return Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) / 1024;
}

function sample(files: number, collected: boolean): MemorySample {
  const status = readFileSync('/proc/self/status', 'utf8');
  const usage = process.memoryUsage();
  return {
    files,
    rssMb: statusMb(status, 'VmRSS'),
    peakMb: statusMb(status, 'VmHWM'),
    anonMb: statusMb(status, 'RssAnon'),
    heapUsedMb: usage.heapUsed / MB,
    heapTotalMb: usage.heapTotal / MB,
    externalMb: usage.external / MB,
    arrayBuffersMb: usage.arrayBuffers / MB,
    spaces: Object.fromEntries(
      getHeapSpaceStatistics().map((space) => [
        space.space_name,
        { usedMb: space.space_used_size / MB, sizeMb: space.space_size / MB },
      ]),
    ),
    collected,
  };
}

if (samplesFile) {
  if (keptAt.size && !collect) throw new Error('LOA_MEMORY_KEPT_AT needs node --expose-gc');
  const record = (entry: MemorySample | CpuSample) => appendFileSync(samplesFile, `${JSON.stringify(entry)}\n`);
  let lines = 0;
  const write = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array) => boolean;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const written = (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
      lines++;
      if (lines % every === 0) record(sample(lines, false));
      // Collected once the CLI has moved on (it awaits the next file): while it writes a file's line,
      // that file's document is still in scope, and the heap kept would count one page.
      if (keptAt.has(lines)) {
        const files = lines;
        setImmediate(() => {
          collect!();
          record(sample(files, true));
        });
      }
    }
    return written;
  }) as typeof process.stdout.write;
  process.on('exit', () => {
    const used = process.cpuUsage();
    record({ cpuSeconds: (used.user + used.system) / 1e6 });
  });
}
