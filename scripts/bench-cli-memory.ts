/**
 * Whether the CLI's memory stays flat over thousands of files (#15):
 *   npx tsx scripts/bench-cli-memory.ts [-- --files N]     (default 3,000)
 * The corpus pages and the extraction-990 pages (when ../shared is there), cycled to N files, go
 * through `cli/extract.ts` in one process twice at once: as `npm run -s extract` starts it
 * (package.json's Node flags) and with Node's defaults, so before and after come from one run under
 * the same load. A probe loaded into each process (`bench-cli-memory-probe.ts`) records RSS, heap used
 * and committed, external and array buffers and each V8 heap space every 100 files, and the heap kept
 * after a full garbage collection at the end of each quarter (four collections in all, so the probe
 * barely changes what it measures). Prints the table and writes rows `cli-memory`
 * (scripts/lib/bench-report.ts): heap kept (flat = last quarter ≤ 1.1× the first), RSS (a plateau =
 * median of the last quarter ≤ 1.1× the third), peak RSS, CPU time beside Node's defaults.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { CpuSample, MemorySample } from './bench-cli-memory-probe';
import { cliLaunch } from './bench-cli-launch';
import { type BenchRow, writeBenchRows } from './lib/bench-report';
import { corpusPages } from './lib/corpus';
import { DEVSETS_DIR, DEVSETS_MISSING, devsetsAvailable } from './lib/devsets';
import { devPages } from './lib/extraction-990';
import { median } from './lib/stats';

const ROOT = resolve(import.meta.dirname, '..');
const PROBE = join(ROOT, 'scripts/bench-cli-memory-probe.ts');
const SAMPLE_EVERY = 100;
/** Flat: the last quarter's value within this factor of the earlier quarter it is held to. */
const FLAT = 1.1;

function filesToRun(dir: string, count: number): { files: string[]; note: string } {
  const pages = corpusPages().map((page) => readFileSync(page.file));
  let note = `${pages.length} corpus pages`;
  if (devsetsAvailable()) {
    const dev = devPages();
    for (const page of dev) pages.push(gunzipSync(readFileSync(join(DEVSETS_DIR, 'extraction-990', page.file))));
    note += ` + ${dev.length} extraction-990 pages`;
  } else note += ` (extraction-990 skipped: ${DEVSETS_MISSING})`;
  const unique = pages.map((bytes, index) => {
    const file = join(dir, `${String(index).padStart(5, '0')}.html`);
    writeFileSync(file, bytes);
    return file;
  });
  return { files: Array.from({ length: count }, (_, index) => unique[index % unique.length]!), note };
}

interface Trace {
  label: string;
  flags: string;
  samples: MemorySample[];
  cpuSeconds: number;
  lines: number;
}

async function trace(label: string, files: string[], dir: string, nodeDefaults: boolean): Promise<Trace> {
  const samplesFile = join(dir, `${label}.jsonl`);
  const quarters = [1, 2, 3, 4].map((quarter) => Math.round((files.length * quarter) / 4));
  const launch = cliLaunch(files, { nodeDefaults, nodeOptions: ['--expose-gc', '--import', PROBE] });
  const child = spawn(launch.command, launch.args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      ...process.env,
      LOA_MEMORY_SAMPLES: samplesFile,
      LOA_MEMORY_EVERY: String(SAMPLE_EVERY),
      LOA_MEMORY_KEPT_AT: quarters.join(','),
    },
  });
  let lines = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (lines += chunk.split('\n').length - 1));
  await new Promise<void>((done) => child.on('close', () => done()));
  const entries = readFileSync(samplesFile, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as MemorySample | CpuSample);
  return {
    label,
    flags: (!nodeDefaults && launch.nodeFlags.join(' ')) || 'no Node flags',
    samples: entries.filter((entry): entry is MemorySample => 'files' in entry),
    cpuSeconds: entries.find((entry): entry is CpuSample => 'cpuSeconds' in entry)?.cpuSeconds ?? NaN,
    lines,
  };
}

interface Summary {
  keptFirst: number;
  keptLast: number;
  rssThird: number;
  rssLast: number;
  rssFirst: number;
  peak: number;
}

function summarize({ samples }: Trace, files: number): Summary {
  const kept = samples.filter((entry) => entry.collected).map((entry) => entry.heapUsedMb);
  // RSS as the CLI runs: samples taken right after a forced collection would read low.
  const running = samples.filter((entry) => !entry.collected);
  const rssInQuarter = (quarter: number) =>
    median(
      running
        .filter((entry) => entry.files > ((quarter - 1) * files) / 4 && entry.files <= (quarter * files) / 4)
        .map((entry) => entry.rssMb),
    );
  return {
    keptFirst: kept[0] ?? NaN,
    keptLast: kept[kept.length - 1] ?? NaN,
    rssFirst: rssInQuarter(1),
    rssThird: rssInQuarter(3),
    rssLast: rssInQuarter(4),
    peak: Math.max(...samples.map((entry) => entry.peakMb)),
  };
}

const mb = (value: number) => value.toFixed(0).padStart(5);

function printTable(traces: Trace[]): void {
  const columns = 'RSS  heap used  heap total  external  arrayBuffers  new/old/large/code committed';
  console.log(`files  ${traces.map((entry) => `| ${entry.label}: ${columns}`).join('  ')}`);
  const rows = new Map<number, string[]>();
  for (const [index, entry] of traces.entries()) {
    for (const sample of entry.samples) {
      if (sample.collected || sample.files % (SAMPLE_EVERY * 5) !== 0) continue;
      const space = (name: string) => sample.spaces[name]?.sizeMb.toFixed(0) ?? '?';
      const cells = rows.get(sample.files) ?? traces.map(() => '');
      cells[index] =
        `| ${mb(sample.rssMb)} ${mb(sample.heapUsedMb)} ${mb(sample.heapTotalMb)} ${sample.externalMb.toFixed(1).padStart(5)} ` +
        `${sample.arrayBuffersMb.toFixed(1).padStart(5)}  ${['new_space', 'old_space', 'large_object_space', 'code_space'].map(space).join('/')}`;
      rows.set(sample.files, cells);
    }
  }
  for (const [files, cells] of [...rows].sort((a, b) => a[0] - b[0]))
    console.log(`${String(files).padStart(5)}  ${cells.join('  ')}`);
  for (const entry of traces) {
    const kept = entry.samples.filter((sample) => sample.collected);
    console.log(
      `${entry.label} (${entry.flags}): heap kept after a full GC ${kept.map((sample) => `${sample.files}: ${sample.heapUsedMb.toFixed(0)} MB`).join(', ')}; ` +
        `CPU ${entry.cpuSeconds.toFixed(1)} s; ${entry.lines} lines`,
    );
  }
}

const at = process.argv.indexOf('--files');
const count = at >= 0 ? Number(process.argv[at + 1]) : 3_000;
const dir = mkdtempSync(join(tmpdir(), 'loa-bench-cli-memory-'));
try {
  const { files, note } = filesToRun(dir, count);
  console.log(`${files.length} files (${note}, cycled) through one cli/extract.ts process each, both at once`);
  const [launcher, defaults] = await Promise.all([
    trace('launcher', files, dir, false),
    trace('Node defaults', files, dir, true),
  ]);
  printTable([launcher, defaults]);
  const now = summarize(launcher, files.length);
  const before = summarize(defaults, files.length);
  const cpuRatio = launcher.cpuSeconds / defaults.cpuSeconds;
  const flags = launcher.flags;
  const rows: BenchRow[] = [
    {
      what: `CLI memory over ${files.length} files: heap kept after a full GC, last quarter`,
      goal: `≤ ${FLAT}× first quarter`,
      value: now.keptLast,
      unit: 'MB',
      meets: now.keptLast <= now.keptFirst * FLAT,
      baseline: { what: 'heap kept after the first quarter', value: now.keptFirst },
      note: `${note}, cycled; npm run -s extract (${flags}); with Node's defaults ${before.keptFirst.toFixed(0)} → ${before.keptLast.toFixed(0)} MB`,
    },
    {
      what: `CLI memory over ${files.length} files: median RSS, last quarter`,
      goal: `≤ ${FLAT}× third quarter (a plateau)`,
      value: now.rssLast,
      unit: 'MB',
      meets: now.rssLast <= now.rssThird * FLAT,
      baseline: { what: "median RSS, last quarter, Node's defaults (same run)", value: before.rssLast },
      note:
        `median RSS by quarter ${[now.rssFirst, now.rssThird, now.rssLast].map((value) => value.toFixed(0)).join(' / ')} MB (first / third / last); ` +
        `Node's defaults ${[before.rssFirst, before.rssThird, before.rssLast].map((value) => value.toFixed(0)).join(' / ')} MB`,
    },
    {
      what: `CLI memory over ${files.length} files: peak RSS`,
      goal: 'reported',
      value: now.peak,
      unit: 'MB',
      meets: true,
      baseline: { what: "peak RSS with Node's defaults (same run)", value: before.peak },
      note: `CPU ${launcher.cpuSeconds.toFixed(0)} s (${flags}) against ${defaults.cpuSeconds.toFixed(0)} s with Node's defaults: ${cpuRatio.toFixed(2)}×`,
    },
  ];
  for (const row of rows) console.log(`${row.what}: ${row.value.toFixed(0)} ${row.unit} (${row.goal}) — ${row.note}`);
  writeBenchRows('cli-memory', rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
