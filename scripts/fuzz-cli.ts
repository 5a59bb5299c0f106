/**
 * npm run -s fuzz:cli — the fuzz set of issue #16 through the command-line extractor itself: one
 * CLI process reads every file, as a user's batch would. Prints, and writes as BenchRows
 * (`bench/results/fuzz-cli.json`): inputs fuzzed, each input's time against its budget, the slowest
 * input per MB, the process's peak RSS and whether its memory stays flat over the run.
 *   [-- --inputs N]  how many generated inputs before the long pages (default 1,000)
 *   [-- --no-long]   without the long pages (minutes in jsdom), for a quick run
 * An input's time is the gap between its output line and the previous one, so it includes reading
 * the file; a warm-up page goes first so the process's start-up is not charged to an input.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { cliLaunch } from './bench-cli-launch';
import { writeBenchRows, type BenchRow } from './lib/bench-report';
import { wholeOption } from './lib/options';
import { median } from './lib/stats';
import { FUZZ_BUDGET, fuzzBudgetMs, generateFuzzInputs, longPages, type FuzzInput } from './lib/fuzz-inputs';

const ROOT = resolve(import.meta.dirname, '..');

/** The process's resident set and its high-water mark so far, in MB (Linux /proc). */
function memoryOf(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

interface Measured {
  input: FuzzInput;
  ms: number;
  rssMb: number;
  outcome: string;
}

async function main() {
  const generated = generateFuzzInputs(wholeOption('--inputs', 1_000));
  const long = process.argv.includes('--no-long')
    ? []
    : [
        longPages.links(3_000),
        longPages.links(30_000),
        longPages.links(200_000),
        longPages.paragraphs(5_000),
        longPages.paragraphs(30_000),
        longPages.paragraphs(50_000),
        longPages.identicalSentences(20_000),
        longPages.textNode(10_000_000),
        longPages.nesting(1_000),
        longPages.nesting(10_000),
      ];
  const inputs = [...generated, ...long];
  const dir = mkdtempSync(join(tmpdir(), 'loa-fuzz-cli-'));
  const warmUp = join(dir, 'warm-up.html');
  writeFileSync(warmUp, '<!doctype html><title>Tin</title><p>Xin chào.</p>');
  const files = inputs.map((input, i) => {
    const file = join(dir, `${String(i).padStart(4, '0')}-${input.name}.html`);
    writeFileSync(file, input.bytes);
    return file;
  });
  const megabytes = inputs.reduce((sum, input) => sum + input.bytes.byteLength, 0) / 1e6;
  console.log(`fuzz:cli: ${inputs.length} inputs, ${megabytes.toFixed(1)} MB, through one CLI process`);

  const launch = cliLaunch([warmUp, ...files]);
  const child = spawn(launch.command, launch.args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peakMb = 0;
  const sampler = setInterval(() => {
    peakMb = Math.max(peakMb, memoryOf(child.pid!)?.peak ?? 0);
  }, 20);

  // Stamped as each line arrives (the listener runs per line, before any of them is judged).
  const arrivals: { line: string; at: number; rssMb: number }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const memory = memoryOf(child.pid!);
    peakMb = Math.max(peakMb, memory?.peak ?? 0);
    arrivals.push({ line, at: performance.now(), rssMb: memory?.rss ?? 0 });
  });
  const exitCode = await new Promise<number | null>((done) => child.on('close', done));
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });

  // The first line is the warm-up page's: each input's time is the gap since the line before.
  const measured: Measured[] = arrivals.slice(1).map((arrival, index) => {
    const input = inputs[index]!;
    const ms = arrival.at - arrivals[index]!.at;
    const outcome = (JSON.parse(arrival.line) as { error?: string }).error ?? 'article';
    const mb = input.bytes.byteLength / 1e6;
    if (mb > 1 || ms > fuzzBudgetMs(input.bytes.byteLength))
      console.log(`  ${input.name}: ${mb.toFixed(2)} MB, ${ms.toFixed(0)} ms, ${outcome}`);
    return { input, ms, rssMb: arrival.rssMb, outcome };
  });

  const outcomes = new Map<string, number>();
  for (const { outcome } of measured) outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  // The ms/MB of tiny inputs is start-of-input overhead, not a rate: sizes are floored at 10 KB.
  const perMb = (entry: Measured) => entry.ms / Math.max(entry.input.bytes.byteLength / 1e6, 0.01);
  const slowest = measured.reduce((worst, entry) => (perMb(entry) > perMb(worst) ? entry : worst), measured[0]!);
  const overBudget = measured.filter((entry) => entry.ms > fuzzBudgetMs(entry.input.bytes.byteLength));
  // Flatness on the generated inputs only (same shapes, cycled): the long pages come after them.
  const shaped = measured.slice(0, generated.length);
  const quarter = Math.floor(shaped.length / 4);
  const firstQuarter = median(shaped.slice(0, quarter).map((entry) => entry.rssMb));
  const lastQuarter = median(shaped.slice(-quarter).map((entry) => entry.rssMb));

  console.log(`lines: ${measured.length} of ${inputs.length}, exit ${exitCode}${stderr ? `, stderr: ${stderr}` : ''}`);
  console.log(`outcomes: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  console.log(
    `budget: ${FUZZ_BUDGET}; over budget: ${overBudget.map((entry) => entry.input.name).join(', ') || 'none'}`,
  );
  console.log(
    `slowest per MB: ${slowest.input.name} ${perMb(slowest).toFixed(0)} ms/MB (${slowest.ms.toFixed(0)} ms for ${(slowest.input.bytes.byteLength / 1e6).toFixed(2)} MB)`,
  );
  console.log(
    `peak RSS ${peakMb.toFixed(0)} MB; median RSS first quarter ${firstQuarter.toFixed(0)} MB, last quarter ${lastQuarter.toFixed(0)} MB`,
  );

  const rows: BenchRow[] = [
    {
      what: `CLI fuzz: inputs answered with one JSON line (${inputs.length} inputs, ${megabytes.toFixed(0)} MB)`,
      goal: `all ${inputs.length}`,
      value: measured.length,
      unit: '×',
      meets: measured.length === inputs.length && exitCode !== null,
      note: JSON.stringify(Object.fromEntries(outcomes)),
    },
    {
      what: 'CLI fuzz: slowest input per MB',
      goal: FUZZ_BUDGET,
      value: Math.round(perMb(slowest)),
      unit: 'ms',
      meets: overBudget.length === 0,
      note: `${slowest.input.name}, ms per MB (inputs under 10 KB counted as 10 KB); over budget: ${overBudget.map((entry) => entry.input.name).join(', ') || 'none'}`,
    },
    {
      what: 'CLI fuzz: peak RSS of the CLI process',
      goal: 'reported',
      value: Math.round(peakMb),
      unit: 'MB',
      meets: true,
    },
    {
      what: 'CLI fuzz: median RSS, last quarter of the generated inputs',
      goal: '≤ first quarter + 25%',
      value: Math.round(lastQuarter),
      unit: 'MB',
      meets: lastQuarter <= firstQuarter * 1.25,
      baseline: { what: 'median RSS, first quarter', value: Math.round(firstQuarter) },
    },
  ];
  writeBenchRows('fuzz-cli', rows);
}

await main();
