/**
 * The CLI's speed and memory over the corpus pages and the extraction-990 pages (when ../shared is
 * there), beside Readability alone on linkedom and on jsdom, and Loa on jsdom (the CLI's parser before it
 * built parse5's tree into linkedom), in the same run:
 *   npm run -s bench:cli [-- --pages N] [--rounds R] [--before DIR]
 * (N: a fixed slice of the dev set, default all 990; R: default 3; DIR: a worktree of an earlier commit with its
 * node_modules, whose CLI is measured beside this one in the same run, speed and memory, through its own bench-cli.ts)
 * 1. Speed: each extractor goes over every page twice in a Node process of its own, started with
 *    the launcher's Node flags (package.json's `extract` script), R rounds taking turns. The row is
 *    the median CPU time (user + system, all threads, the pages read before) of the first pass, a
 *    fresh process as a user runs the CLI on a folder; the second pass, warm, is in the note. CPU
 *    time, since wall time on a machine shared with other jobs says more about them than about the
 *    code. All four used to take turns page by page in one process, where each was charged for
 *    collecting the others' garbage (jsdom's most of all) and found the DOM code the others had
 *    made hot: the same code read 1.22× to 1.83× from run to run.
 * 2. Memory: what the CLI keeps is the heap left after a full garbage collection (node --expose-gc),
 *    less the pages' own, after its first pass and after the second over the same pages (flat =
 *    within 10%: nothing kept per page). Then `cli/extract.ts` itself runs over all the pages in one
 *    process, as a user runs it on a folder, and its peak resident memory is read from /proc.
 *    Resident memory alone says little: V8 grows its heap instead of collecting while it has room
 *    (the CLI ran 80 dev-set pages in a 160 MB heap, peak RSS 282 MB, where it otherwise peaks near 900 MB).
 * Writes rows `cli` (scripts/lib/bench-report.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { decodeHtml, extractHtml } from '../cli/html';
import { extractArticle } from '../lib/extract';
import { cliLaunch } from './bench-cli-launch';
import { type BenchRow, writeBenchRows } from './lib/bench-report';
import { corpusPages } from './lib/corpus';
import { DEVSETS_DIR, DEVSETS_MISSING, devsetsAvailable } from './lib/devsets';
import { devPages, devSlice } from './lib/extraction-990';
import { textOption } from './lib/options';

const ROOT = resolve(import.meta.dirname, '..');
const GOAL_RATIO = 2;
/** Memory is flat when the heap kept after the second pass is within this of the heap kept after the first. */
const FLAT = 1.1;
const RSS_POLL_MS = 50;
/** Rounds of every extractor's process; the median CPU time of each counts. */
const ROUNDS = 3;

interface BenchPage {
  name: string;
  bytes: Uint8Array;
  url: string;
}

function pagesToRun(): { pages: BenchPage[]; devNote: string } {
  const pages: BenchPage[] = corpusPages().map((page) => ({
    name: `corpus/${page.name}`,
    bytes: readFileSync(page.file),
    url: page.labels?.url ?? 'https://example.invalid/',
  }));
  if (!devsetsAvailable()) return { pages, devNote: `extraction-990 skipped: ${DEVSETS_MISSING}` };
  const limit = process.argv.indexOf('--pages');
  const all = devPages();
  const chosen = limit > 0 ? devSlice(all, Number(process.argv[limit + 1])) : all;
  for (const page of chosen) {
    pages.push({
      name: `extraction-990/${page.file}`,
      bytes: gunzipSync(readFileSync(join(DEVSETS_DIR, 'extraction-990', page.file))),
      url: page.url,
    });
  }
  return { pages, devNote: `${chosen.length} extraction-990 pages` };
}

const EXTRACTORS = {
  'Readability on linkedom': (html: string) => {
    const { document } = parseHTML(html);
    new Readability(document as unknown as Document).parse();
  },
  'Readability on jsdom': (html: string, url: string) => {
    const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
    new Readability(dom.window.document).parse();
    dom.window.close();
  },
  // What cli/extract.ts did with each file until it parsed with parse5 into linkedom (#15).
  'Loa on jsdom': (html: string, url: string) => {
    const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
    extractArticle(dom.window.document, { url });
    dom.window.close();
  },
  // What cli/extract.ts does with each file.
  CLI: (html: string, url: string) => extractHtml(html, { url }),
} as const;
type ExtractorName = keyof typeof EXTRACTORS;
/** The CLI of the `--before` tree, measured by that tree's own copy of this script. */
const BEFORE = 'CLI before' as const;
type MeasuredName = ExtractorName | typeof BEFORE;

const beforeTree = textOption('--before') && resolve(textOption('--before')!);
/** The `--before` tree as the notes name it: its commit and where it is. */
const beforeLabel =
  beforeTree &&
  `${execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: beforeTree, encoding: 'utf8' }).trim()} (${beforeTree})`;

/** What one extractor's process reports. */
interface ExtractorRun {
  /** CPU seconds of the first pass over the pages (a fresh process, as a user runs the CLI on a folder). */
  coldSeconds: number;
  /** CPU seconds of a second pass over the same pages in the same process. */
  warmSeconds: number;
  /** Heap in use after a full collection, less the pages' own, after the first pass and after the second. */
  keptMb: [number, number];
}

/** In the extractor's own process: `name` over every page twice, each pass timed in this process's CPU time. */
async function runExtractor(name: ExtractorName, pages: BenchPage[]): Promise<ExtractorRun> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc');
  const inputs = pages.map((page) => ({ html: decodeHtml(page.bytes), url: page.url }));
  const extract = EXTRACTORS[name];
  collect();
  const pagesHeap = process.memoryUsage().heapUsed;
  const seconds: number[] = [];
  const kept: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const start = process.cpuUsage();
    for (const { html, url } of inputs) {
      // jsdom frees a closed window only once the event loop turns.
      await new Promise((turn) => setImmediate(turn));
      extract(html, url);
    }
    const used = process.cpuUsage(start);
    seconds.push((used.user + used.system) / 1e6);
    collect();
    kept.push((process.memoryUsage().heapUsed - pagesHeap) / 2 ** 20);
  }
  return { coldSeconds: seconds[0]!, warmSeconds: seconds[1]!, keptMb: [kept[0]!, kept[1]!] };
}

/**
 * Runs this script as `name`'s process, with the launcher's Node flags, and reads its report; the
 * `--before` tree's CLI through that tree's own script, which reads the same pages.
 */
async function spawnExtractor(name: MeasuredName): Promise<ExtractorRun> {
  const { nodeFlags } = cliLaunch([]);
  const pagesOption = process.argv.indexOf('--pages');
  const tree = name === BEFORE ? beforeTree! : ROOT;
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      '--expose-gc',
      '--import',
      'tsx',
      join(tree, 'scripts/bench-cli.ts'),
      EXTRACTOR_OPTION,
      name === BEFORE ? 'CLI' : name,
      ...(pagesOption > 0 ? ['--pages', process.argv[pagesOption + 1]!] : []),
    ],
    { cwd: tree, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let report = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (report += chunk));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  if (code !== 0) throw new Error(`${name}: its process ended with ${code}`);
  return JSON.parse(report) as ExtractorRun;
}

type Seconds = Record<MeasuredName, number>;

interface SpeedRun {
  /** Median CPU seconds of each extractor's first pass, and of its second. */
  cold: Seconds;
  warm: Seconds;
  /** The heap the CLI kept, in its round of median first-pass time (and the `--before` tree's CLI). */
  keptMb: [number, number];
  keptMbBefore?: [number, number];
}

async function measureSpeed(rounds: number): Promise<SpeedRun> {
  const names: MeasuredName[] = [...(Object.keys(EXTRACTORS) as ExtractorName[]), ...(beforeTree ? [BEFORE] : [])];
  const runs = new Map<MeasuredName, ExtractorRun[]>(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names) runs.get(name)!.push(await spawnExtractor(name));
  }
  const median = (name: MeasuredName, pass: 'coldSeconds' | 'warmSeconds') => {
    const sorted = [...runs.get(name)!].sort((a, b) => a[pass] - b[pass]);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  const medians = (pass: 'coldSeconds' | 'warmSeconds') =>
    Object.fromEntries(names.map((name) => [name, median(name, pass)[pass]])) as Seconds;
  for (const name of names) {
    const seconds = runs.get(name)!.map((run) => `${run.coldSeconds.toFixed(1)}/${run.warmSeconds.toFixed(1)}`);
    console.log(`${name.padEnd(24)} CPU per round, first/second pass: ${seconds.join(', ')} s`);
  }
  return {
    cold: medians('coldSeconds'),
    warm: medians('warmSeconds'),
    keptMb: median('CLI', 'coldSeconds').keptMb,
    keptMbBefore: beforeTree ? median(BEFORE, 'coldSeconds').keptMb : undefined,
  };
}

interface MemoryRun {
  peakMb: number;
  wallSeconds: number;
  failed: number;
}

/** Runs the CLI of `tree` over every page in one process and follows its peak resident memory. */
async function measureMemory(pages: BenchPage[], tree: string): Promise<MemoryRun> {
  const dir = mkdtempSync(join(tmpdir(), 'loa-bench-cli-'));
  try {
    const files = pages.map((page, index) => {
      const file = join(dir, `${String(index).padStart(5, '0')}.html`);
      writeFileSync(file, page.bytes);
      return file;
    });
    let peakKb = 0;
    let failed = 0;
    const start = performance.now();
    const launch = cliLaunch(files);
    const child = spawn(launch.command, launch.args, {
      cwd: tree,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      failed += chunk.split('"error"').length - 1;
    });
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakKb = Math.max(peakKb, Number(status.match(/VmHWM:\s+(\d+)/)?.[1] ?? 0));
      } catch {
        // The process has just ended.
      }
    }, RSS_POLL_MS);
    await new Promise<void>((done) => child.on('close', () => done()));
    clearInterval(poll);
    return { peakMb: peakKb / 1024, wallSeconds: (performance.now() - start) / 1000, failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const EXTRACTOR_OPTION = '--extractor';
const extractorOption = process.argv.indexOf(EXTRACTOR_OPTION);
if (extractorOption > 0) {
  const name = process.argv[extractorOption + 1] as ExtractorName;
  console.log(JSON.stringify(await runExtractor(name, pagesToRun().pages)));
} else await main();

async function main(): Promise<void> {
  const { pages, devNote } = pagesToRun();
  const roundsOption = process.argv.indexOf('--rounds');
  const rounds = roundsOption > 0 ? Number(process.argv[roundsOption + 1]) : ROUNDS;
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds takes a whole number ≥ 1, not "${process.argv[roundsOption + 1]}"`);
  console.log(`${pages.length} pages (${corpusPages().length} corpus pages, ${devNote}), ${rounds} rounds`);
  const { cold, warm, keptMb, keptMbBefore } = await measureSpeed(rounds);
  const perSecond = (name: MeasuredName) => pages.length / cold[name];
  for (const name of Object.keys(cold) as MeasuredName[]) {
    console.log(
      `${name.padEnd(24)} ${perSecond(name).toFixed(1).padStart(7)} pages/s (CPU ${cold[name].toFixed(1)} s; ` +
        `second pass ${warm[name].toFixed(1)} s)`,
    );
  }
  const ratio = cold.CLI / cold['Readability on linkedom'];
  const ratioWarm = warm.CLI / warm['Readability on linkedom'];
  const ratioJsdom = cold.CLI / cold['Readability on jsdom'];
  const ratioBefore = cold['Loa on jsdom'] / cold['Readability on linkedom'];
  // The pages' own heap is subtracted: what is left must be a size to divide by.
  if (!(keptMb[0] > 0)) throw new Error(`the CLI's heap kept after the first pass measured ${keptMb[0]} MB`);
  const growth = keptMb[1] / keptMb[0];
  console.log(
    `CLI / Readability on linkedom ${ratio.toFixed(2)}× (second pass ${ratioWarm.toFixed(2)}×), / on jsdom ` +
      `${ratioJsdom.toFixed(2)}×; Loa on jsdom / Readability on linkedom ${ratioBefore.toFixed(2)}×`,
  );
  console.log(
    `CLI heap kept after a full GC: ${keptMb[0].toFixed(0)} MB after the first pass, ${keptMb[1].toFixed(0)} MB after the second`,
  );
  const memory = await measureMemory(pages, ROOT);
  console.log(
    `cli/extract.ts over ${pages.length} pages: ${memory.wallSeconds.toFixed(1)} s wall, peak RSS ${memory.peakMb.toFixed(0)} MB, ` +
      `${memory.failed} pages reported an error`,
  );
  // The earlier tree's numbers beside this one's, measured in the same run.
  let beforeNote = '';
  if (beforeTree && keptMbBefore) {
    const ratioOfBefore = cold[BEFORE] / cold['Readability on linkedom'];
    const memoryBefore = await measureMemory(pages, beforeTree);
    beforeNote =
      `; ${beforeLabel} in the same run: ${perSecond(BEFORE).toFixed(1)} pages/s, ${ratioOfBefore.toFixed(2)}× ` +
      `(second pass ${(warm[BEFORE] / warm['Readability on linkedom']).toFixed(2)}×), peak RSS ` +
      `${memoryBefore.peakMb.toFixed(0)} MB, heap kept ${keptMbBefore[0].toFixed(0)} → ${keptMbBefore[1].toFixed(0)} MB`;
    console.log(`CLI before${beforeNote.slice(beforeNote.indexOf(':'))}; its errors: ${memoryBefore.failed}`);
  }

  const rows: BenchRow[] = [
    {
      what: 'CLI pages per second (CPU time)',
      goal: `≤ ${GOAL_RATIO}× Readability on linkedom`,
      value: perSecond('CLI'),
      unit: 'pages/s',
      meets: ratio <= GOAL_RATIO,
      baseline: { what: 'Readability alone on linkedom', value: perSecond('Readability on linkedom') },
      note:
        `${pages.length} pages (${corpusPages().length} corpus + ${devNote}), each extractor in a process of its own ` +
        `with the launcher's Node flags, median of ${rounds} rounds; the CLI costs ${ratio.toFixed(2)}× ` +
        `(a second pass over the same pages in the same process: ${ratioWarm.toFixed(2)}×) ` +
        `Readability on linkedom and ${ratioJsdom.toFixed(2)}× Readability on jsdom ` +
        `(${perSecond('Readability on jsdom').toFixed(1)} pages/s); Loa on jsdom, the CLI's parser before parse5 into ` +
        `linkedom: ${perSecond('Loa on jsdom').toFixed(1)} pages/s, ${ratioBefore.toFixed(2)}×${beforeNote}`,
    },
    {
      what: 'CLI peak resident memory',
      goal: `flat (heap kept ≤ ${FLAT}× from the first pass to the second)`,
      value: memory.peakMb,
      unit: 'MB',
      meets: growth <= FLAT,
      note:
        `cli/extract.ts over ${pages.length} pages in one process (${memory.wallSeconds.toFixed(0)} s wall); heap kept ` +
        `after a full GC, less the pages, ${keptMb[0].toFixed(0)} MB after a pass over them, ${keptMb[1].toFixed(0)} MB ` +
        `after a second ` +
        `(${growth.toFixed(2)}×)${beforeNote}`,
    },
  ];
  writeBenchRows('cli', rows);
}
