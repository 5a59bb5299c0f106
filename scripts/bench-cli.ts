/**
 * The CLI's speed and memory over the corpus pages and the extraction-990 pages (when ../shared is
 * there), beside Readability alone on linkedom and on jsdom, and Loa on jsdom (the CLI's parser before it
 * built parse5's tree into linkedom), in the same run:
 *   npm run -s bench:cli [-- --pages N]      (N: a fixed slice of the dev set; default all 990)
 * 1. Speed: each page goes through Readability on linkedom, Readability on jsdom, Loa on jsdom and
 *    what the CLI runs (cli/html parse, extractArticle), one after the other, and each is timed
 *    in CPU time of this process: wall time on a machine shared with other jobs says more about
 *    them than about the code.
 * 2. Memory: what the CLI keeps is the heap left after a full garbage collection (node --expose-gc),
 *    read after the first quarter of the pages and after the last (flat = within 10%). Then
 *    `cli/extract.ts` itself runs over all the pages in one process, as a user runs it on a folder,
 *    and its peak resident memory is read from /proc. Resident memory alone says little: V8 grows
 *    its heap instead of collecting while it has room (the CLI ran 80 dev-set pages in a 160 MB
 *    heap, peak RSS 282 MB, where it otherwise peaks near 900 MB).
 * Writes rows `cli` (scripts/lib/bench-report.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { decodeHtml, parseHtml } from '../cli/html';
import { extractArticle } from '../lib/extract';
import { cliLaunch } from './bench-cli-launch';
import { type BenchRow, writeBenchRows } from './lib/bench-report';
import { corpusPages } from './lib/corpus';
import { DEVSETS_DIR, DEVSETS_MISSING, devsetsAvailable } from './lib/devsets';
import { devPages, devSlice } from './lib/extraction-990';

const ROOT = resolve(import.meta.dirname, '..');
const GOAL_RATIO = 2;
/** Memory is flat when the heap kept after the last quarter is within this of the heap kept after the first. */
const FLAT = 1.1;
const RSS_POLL_MS = 50;

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

/** CPU seconds (user + system) this process spends in `work`. */
function cpuSeconds(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
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
  CLI: (html: string, url: string) => extractArticle(parseHtml(html, url), { url }),
} as const;
type ExtractorName = keyof typeof EXTRACTORS;

interface SpeedRun {
  cpu: Record<ExtractorName, number>;
  /** Heap in use after a full collection, after the first quarter of the pages and after all of them. */
  keptMb: [number, number];
}

async function measureSpeed(pages: BenchPage[]): Promise<SpeedRun> {
  const cpu = Object.fromEntries(Object.keys(EXTRACTORS).map((name) => [name, 0])) as Record<ExtractorName, number>;
  const kept: number[] = [];
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with node --expose-gc (npm run -s bench:cli does)');
  for (const [index, page] of pages.entries()) {
    // jsdom frees a closed window only once the event loop turns.
    await new Promise((turn) => setImmediate(turn));
    const html = decodeHtml(page.bytes);
    for (const [name, extract] of Object.entries(EXTRACTORS) as [ExtractorName, (typeof EXTRACTORS)[ExtractorName]][]) {
      cpu[name] += cpuSeconds(() => extract(html, page.url));
    }
    if (index + 1 === Math.ceil(pages.length / 4) || index + 1 === pages.length) {
      collect();
      kept.push(process.memoryUsage().heapUsed / 2 ** 20);
    }
  }
  return { cpu, keptMb: [kept[0]!, kept[kept.length - 1]!] };
}

interface MemoryRun {
  peakMb: number;
  wallSeconds: number;
  failed: number;
}

/** Runs the CLI over every page in one process and follows its peak resident memory. */
async function measureMemory(pages: BenchPage[]): Promise<MemoryRun> {
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
      cwd: ROOT,
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

const { pages, devNote } = pagesToRun();
console.log(`${pages.length} pages (${corpusPages().length} corpus pages, ${devNote})`);
const { cpu, keptMb } = await measureSpeed(pages);
const perSecond = (name: ExtractorName) => pages.length / cpu[name];
for (const name of Object.keys(EXTRACTORS) as ExtractorName[]) {
  console.log(`${name.padEnd(24)} ${perSecond(name).toFixed(1).padStart(7)} pages/s (CPU ${cpu[name].toFixed(1)} s)`);
}
const ratio = cpu.CLI / cpu['Readability on linkedom'];
const ratioJsdom = cpu.CLI / cpu['Readability on jsdom'];
const ratioBefore = cpu['Loa on jsdom'] / cpu['Readability on linkedom'];
const growth = keptMb[1] / keptMb[0];
console.log(
  `CLI / Readability on linkedom ${ratio.toFixed(2)}×, / on jsdom ${ratioJsdom.toFixed(2)}×; Loa on jsdom / Readability on linkedom ${ratioBefore.toFixed(2)}×`,
);
console.log(
  `heap kept after a full GC: ${keptMb[0].toFixed(0)} MB after the first quarter, ${keptMb[1].toFixed(0)} MB after all`,
);
const memory = await measureMemory(pages);
console.log(
  `cli/extract.ts over ${pages.length} pages: ${memory.wallSeconds.toFixed(1)} s wall, peak RSS ${memory.peakMb.toFixed(0)} MB, ` +
    `${memory.failed} pages reported an error`,
);

const rows: BenchRow[] = [
  {
    what: 'CLI pages per second (CPU time)',
    goal: `≤ ${GOAL_RATIO}× Readability on linkedom`,
    value: perSecond('CLI'),
    unit: 'pages/s',
    meets: ratio <= GOAL_RATIO,
    baseline: { what: 'Readability alone on linkedom', value: perSecond('Readability on linkedom') },
    note:
      `${pages.length} pages (${corpusPages().length} corpus + ${devNote}); the CLI costs ${ratio.toFixed(2)}× ` +
      `Readability on linkedom and ${ratioJsdom.toFixed(2)}× Readability on jsdom ` +
      `(${perSecond('Readability on jsdom').toFixed(1)} pages/s); Loa on jsdom, the CLI's parser before parse5 into ` +
      `linkedom: ${perSecond('Loa on jsdom').toFixed(1)} pages/s, ${ratioBefore.toFixed(2)}×`,
  },
  {
    what: 'CLI peak resident memory',
    goal: `flat (heap kept ≤ ${FLAT}× from first quarter to end)`,
    value: memory.peakMb,
    unit: 'MB',
    meets: growth <= FLAT,
    note:
      `cli/extract.ts over ${pages.length} pages in one process (${memory.wallSeconds.toFixed(0)} s wall); heap kept ` +
      `after a full GC ${keptMb[0].toFixed(0)} MB after the first quarter, ${keptMb[1].toFixed(0)} MB after all ` +
      `(${growth.toFixed(2)}×)`,
  },
];
writeBenchRows('cli', rows);
