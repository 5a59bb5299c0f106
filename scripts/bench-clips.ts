/**
 * Benchmark of the clips store at 10,000 clips: import and index them, save one, list the first
 * page, search words and phrases — the current code beside a baseline commit's (by default the last
 * one with schema version 4, which built the newest-first order from the savedAt index), in the same run and page.
 *
 *   npm run -s bench:clips [-- --clips=10000] [--baseline=REV] [--unlocked]   in Chromium, over its real IndexedDB
 *   npm run -s bench:clips -- [--clips=10000] --node               in Node, over fake-indexeddb
 * The Chromium run writes rows `clips` (scripts/lib/bench-report.ts); the Node run only prints.
 *
 * Chromium is the number that matters (the extension runs there); the Node run needs no browser but
 * measures fake-indexeddb's JavaScript B-trees and garbage collector as much as Loa's code.
 * The baseline's lib/ is taken from git (`git archive`) into node_modules/.cache, and the same
 * `runBench` times both stores through their public API: Node bundles this file for the page with esbuild.
 */
import { seededRandom } from './lib/random';

/** Chromium's binary: $CHROMIUM, else the Debian package's (see scripts/system-deps.sh). */
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
/** The last commit before schema version 5 (the newest-first order in one row) and bulk imports. */
const DEFAULT_BASELINE = '235be1b';
const RUNS = 25;
const WORDS_PER_CLIP = 600;
const SEED_BATCH = 500;
const SITES = [
  'baochinhphu.vn',
  'nhandan.vn',
  'vietnamplus.vn',
  'baotintuc.vn',
  'tuoitre.vn',
  'nld.com.vn',
  'tienphong.vn',
];

type ClipsModule = typeof import('../lib/clips');
type ClipInput = import('../lib/clips').ClipInput;

/** A store design to time: the public API of lib/clips at some commit. */
export interface Design {
  label: string;
  clips: ClipsModule;
}

export interface ClipsBenchResult {
  label: string;
  goalMs: number;
  baseline: Timing;
  current: Timing;
}

interface Timing {
  median: number;
  p90: number;
}

/** How a design's index was built from the imported clips. */
export interface IndexingRun {
  importSeconds: number;
  indexSeconds: number;
  /** Rows of the index table (postings or buckets), the unit IndexedDB pays for. */
  indexRows: number;
}

export interface ClipsBenchRun {
  results: ClipsBenchResult[];
  /** The quoted-phrase search of the design without pair postings, on the current store. */
  phraseInText: Timing;
  baseline: IndexingRun;
  current: IndexingRun;
}

const SAVE_GOAL_MS = 50;
const LIST_GOAL_MS = 50;
const SEARCH_GOAL_MS = 30;

/**
 * Imports `clips` generated clips over `vocabulary` (most frequent word first) into one database
 * per design, through the store's own import and `indexPending` (what the clips page does after an
 * import), then times the clips page's operations on both, taking turns run by run.
 */
export async function runBench(
  vocabulary: string[],
  clips: number,
  designs: { baseline: Design; current: Design },
  log: (line: string) => void,
): Promise<ClipsBenchRun> {
  // Every run benchmarks the same data.
  let random = seededRandom(0);
  // Skewed towards the frequent words, as real text is.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const sentence = (length: number) => Array.from({ length }, word).join(' ');
  // Clip n always has the same text, so saving it again is a re-save of the same page.
  const clip = (n: number): ClipInput => {
    random = seededRandom(n * 7919 + 1);
    const paragraphs = Array.from(
      { length: 6 },
      () => `${sentence(WORDS_PER_CLIP / 12)}. ${sentence(WORDS_PER_CLIP / 12)}.`,
    );
    return {
      url: `https://${SITES[n % SITES.length]}/bai-viet-${n}.htm`,
      title: sentence(10),
      siteName: SITES[n % SITES.length],
      lang: 'vi',
      kind: n % 10 === 0 ? 'selection' : 'article',
      text: paragraphs.join('\n\n'),
      summary: paragraphs.slice(0, 2),
      lead: sentence(30),
      note: '',
      figures: [],
      related: [],
      tags: n % 3 === 0 ? ['chính sách'] : [],
    };
  };
  const base = Date.UTC(2025, 0, 1);
  const exported = Array.from({ length: clips }, (_, n) => ({
    ...clip(n),
    site: SITES[n % SITES.length],
    savedAt: new Date(base + n * 60_000).toISOString(),
  }));

  /**
   * Times each action RUNS times, taking turns run by run, so that a change in the machine's load
   * falls on all alike; the order flips every run, so the garbage one leaves is not always collected
   * in the other's time.
   */
  const time = async (...actions: ((run: number) => Promise<unknown>)[]): Promise<Timing[]> => {
    const samples = actions.map((): number[] => []);
    for (let run = 0; run < RUNS; run++) {
      const turns = [...actions.entries()];
      for (const [index, action] of run % 2 ? turns.reverse() : turns) {
        const start = performance.now();
        await action(run);
        samples[index]!.push(performance.now() - start);
      }
    }
    return samples.map((taken) => {
      taken.sort((a, b) => a - b);
      return {
        median: taken[Math.floor(taken.length / 2)]!,
        p90: taken[Math.min(taken.length - 1, Math.floor(0.9 * taken.length))]!,
      };
    });
  };

  const name = `bench-clips-${Date.now()}`;
  const seeded = async ({ label, clips: api }: Design) => {
    const store = api.openClipStore({ name: `${name}-${label}` });
    let start = performance.now();
    for (let first = 0; first < clips; first += SEED_BATCH) {
      const document = {
        format: 'loa-clips',
        version: 1,
        exportedAt: new Date().toISOString(),
        clips: exported.slice(first, first + SEED_BATCH),
      };
      await store.importJson(JSON.stringify(document));
    }
    const importSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    await store.indexPending();
    const indexSeconds = (performance.now() - start) / 1000;
    const table = store.db.tables.find((candidate) => ['postings', 'buckets'].includes(candidate.name))!;
    const indexRows = await table.count();
    log(
      `${label}: imported ${clips} clips in ${importSeconds.toFixed(1)} s, indexed them in ` +
        `${indexSeconds.toFixed(1)} s (${indexRows} ${table.name} rows, ${(indexRows / clips).toFixed(1)} a clip)`,
    );
    /** A second store over the same database: what the clips page has right after it opens. */
    const reopen = () => api.openClipStore({ name: `${name}-${label}` });
    return { store, reopen, run: { importSeconds, indexSeconds, indexRows } };
  };
  const baseline = await seeded(designs.baseline);
  const current = await seeded(designs.current);

  const common = (await current.store.listClips({ query: 'của ', limit: 1 })).total;
  log(`"của" is in ${common} clips`);

  type Seeded = typeof current;
  const rows: [string, number, (design: Seeded, run: number, fresh: number) => Promise<unknown>][] = [
    ['save one new clip', SAVE_GOAL_MS, ({ store }, _run, fresh) => store.saveClip(clip(fresh))],
    ['save again (update of an existing clip)', SAVE_GOAL_MS, ({ store }, run) => store.saveClip(clip(run * 7 + 1))],
    ['list the first page (50, newest first)', LIST_GOAL_MS, ({ store }) => store.listClips()],
    ['search a common word ("của")', SEARCH_GOAL_MS, ({ store }) => store.listClips({ query: 'của ' })],
    [
      'search two words, no accents ("cai cach")',
      SEARCH_GOAL_MS,
      ({ store }) => store.listClips({ query: 'cai cach ' }),
    ],
    ['search a quoted phrase ("của các")', SEARCH_GOAL_MS, ({ store }) => store.listClips({ query: '"của các"' })],
    ['search as you type, prefix ("chin")', SEARCH_GOAL_MS, ({ store }) => store.listClips({ query: 'chin' })],
    [
      'first search after the clips page opens ("của")',
      SEARCH_GOAL_MS,
      async ({ reopen }) => {
        const store = reopen();
        await store.listClips({ query: 'của ' });
        store.close();
      },
    ],
    [
      'search, newest first ("của")',
      SEARCH_GOAL_MS,
      ({ store }) => store.listClips({ query: 'của ', order: 'newest' }),
    ],
  ];
  const results: ClipsBenchResult[] = [];
  log(
    `${'median (p90), ms'.padEnd(44)} ${designs.baseline.label.padStart(18)} ${designs.current.label.padStart(18)}  ratio`,
  );
  let fresh = clips;
  for (const [label, goalMs, action] of rows) {
    const [before, after] = (await time(
      (run) => action(baseline, run, fresh + run),
      (run) => action(current, run, fresh + run),
    )) as [Timing, Timing];
    fresh += RUNS;
    const cell = ({ median, p90 }: Timing) => `${median.toFixed(1)} (${p90.toFixed(1)})`.padStart(18);
    log(`${label.padEnd(44)} ${cell(before)} ${cell(after)}  ${(after.median / before.median).toFixed(2)}×`);
    results.push({ label, goalMs, baseline: before, current: after });
  }
  log(
    `both searched with ${await current.store.db.pending.count()} saved clips still pending, as after a day of saving.`,
  );
  // The design without pair postings: a phrase is checked in the text of the clips that have its words.
  const { IndexReader, PostingsCache } = await import('../lib/clips/postings');
  let checked = 0;
  const phraseInText = (
    await time(async () => {
      const db = current.store.db;
      await db.transaction('r', db.buckets, db.pending, db.bodies, async () => {
        const index = new IndexReader(db.buckets, new PostingsCache(), await db.pending.toArray());
        const [first, second] = await Promise.all([index.ids('=của'), index.ids('=các')]);
        const candidates = [...first].filter((id) => second.has(id));
        const bodies = await db.bodies.bulkGet(candidates);
        checked = candidates.length;
        return bodies.filter((body) => body?.text.normalize('NFC').toLowerCase().includes('của các')).length;
      });
    })
  )[0]!;
  log(
    `phrase "của các" checked in the text of the ${checked} clips with both words, instead of pair postings: ` +
      `${phraseInText.median.toFixed(1)} ms (p90 ${phraseInText.p90.toFixed(1)})`,
  );
  for (const { store } of [baseline, current]) {
    store.close();
    await store.db.delete();
  }
  return { results, baseline: baseline.run, current: current.run, phraseInText };
}

if (typeof window === 'undefined') await main();

/** The bench table's rows: the current code against the baseline commit of the same run. */
async function writeRows(clips: number, where: string, baselineLabel: string, run: ClipsBenchRun): Promise<void> {
  const { writeBenchRows } = await import('./lib/bench-report');
  const count = clips.toLocaleString('en');
  const indexing = ({ importSeconds, indexSeconds, indexRows }: IndexingRun) =>
    `import ${importSeconds.toFixed(1)} s, indexing ${indexSeconds.toFixed(1)} s, ${indexRows} rows (${(indexRows / clips).toFixed(1)} a clip)`;
  writeBenchRows(
    'clips',
    run.results.map(({ label, goalMs, baseline, current }, index) => ({
      what: `${count} clips: ${label}`,
      goal: `≤ ${goalMs} ms`,
      value: current.median,
      unit: 'ms',
      meets: current.median <= goalMs,
      baseline: { what: baselineLabel, value: baseline.median },
      note:
        `median of ${RUNS}, p90 ${current.p90.toFixed(1)} ms (${baselineLabel}: ${baseline.p90.toFixed(1)} ms); ${where}` +
        (index === 0
          ? `; the ${count} clips (files of ${SEED_BATCH}): ${indexing(run.current)} (${baselineLabel}: ${indexing(run.baseline)})`
          : '') +
        (label.includes('quoted phrase')
          ? `; without pair postings (the phrase checked in the text of the clips with both words) ` +
            `${run.phraseInText.median.toFixed(1)} ms`
          : ''),
    })),
  );
}

async function main(): Promise<void> {
  const { execFileSync } = await import('node:child_process');
  const { existsSync, mkdirSync, readFileSync, readdirSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const root = resolve(import.meta.dirname, '..');
  const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const clips = Number(option('clips') ?? 10_000);
  const revision = option('baseline') ?? DEFAULT_BASELINE;
  const commit = execFileSync('git', ['rev-parse', '--short', revision], { cwd: root, encoding: 'utf8' }).trim();
  const baselineLabel = `commit ${commit}`;
  // Under node_modules, so that the baseline's imports (dexie) resolve as the current code's do.
  const baselineRoot = join(root, 'node_modules/.cache/loa-bench-clips', commit);
  if (!existsSync(join(baselineRoot, 'lib'))) {
    mkdirSync(baselineRoot, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} lib | tar -x -C ${JSON.stringify(baselineRoot)}`], { cwd: root });
  }
  const baselineEntry = join(baselineRoot, 'lib/clips/index.ts');

  // The Vietnamese words of the corpus pages, most frequent first.
  const counts = new Map<string, number>();
  const corpus = join(root, 'tests/corpus');
  for (const page of readdirSync(corpus).filter((dir) => dir.startsWith('vn-'))) {
    const text = readFileSync(join(corpus, page, 'source.html'), 'utf8')
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ');
    for (const raw of text.split(/[^\p{L}]+/u)) {
      const word = raw.toLowerCase();
      if (word && word.length < 8) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  const vocabulary = [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);

  if (process.argv.includes('--node')) {
    // Before the stores load Dexie, which picks up the global IndexedDB when it loads.
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    Object.assign(globalThis, { indexedDB, IDBKeyRange });
    console.log(`Node ${process.version}, fake-indexeddb`);
    const [before, after] = await Promise.all([import(baselineEntry), import('../lib/clips')]);
    await runBench(
      vocabulary,
      clips,
      { baseline: { label: baselineLabel, clips: before }, current: { label: 'now', clips: after } },
      console.log,
    );
    return;
  }

  const executablePath = [process.env.CHROMIUM, ...CHROMIUM_PATHS].find((path) => path && existsSync(path));
  if (!executablePath) {
    console.error('No Chromium found: set CHROMIUM=/path/to/chromium, or run with --node.');
    process.exit(1);
  }
  const [{ build }, { createServer }, { mkdtempSync, rmSync }, { tmpdir }, { chromium }] = await Promise.all([
    import('esbuild'),
    import('node:http'),
    import('node:fs'),
    import('node:os'),
    import('playwright-core'),
  ]);
  const bundle = await build({
    stdin: {
      contents: [
        `import { runBench } from './scripts/bench-clips.ts';`,
        `import * as now from './lib/clips/index.ts';`,
        `import * as baseline from ${JSON.stringify(baselineEntry)};`,
        `Object.assign(globalThis, { runBench, stores: { now, baseline } });`,
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    // Only main() and writeRows() use these, and they do not run in the page.
    external: ['node:*', 'esbuild', 'playwright-core', 'fake-indexeddb', './lib/bench-report'],
  });
  const script = bundle.outputFiles[0]!.text;
  // IndexedDB needs a real origin, so the page is served over http.
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><script type="module" src="/bench.js"></script>');
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // A persistent profile stores IndexedDB on disk, as an installed extension does (incognito keeps it in memory).
  const profile = mkdtempSync(join(tmpdir(), 'loa-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.exposeFunction('benchLog', (line: string) => console.log(line));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'runBench' in globalThis);
    const where = `${await page.evaluate(() => navigator.userAgent)}, native IndexedDB`;
    console.log(where);
    const run = await page.evaluate(
      ([words, count, label]) => {
        const scope = globalThis as unknown as {
          runBench: typeof runBench;
          stores: { now: ClipsModule; baseline: ClipsModule };
          benchLog: (line: string) => void;
        };
        return scope.runBench(
          words,
          count,
          { baseline: { label, clips: scope.stores.baseline }, current: { label: 'now', clips: scope.stores.now } },
          (line) => scope.benchLog(line),
        );
      },
      [vocabulary, clips, baselineLabel] as const,
    );
    const browser = where.replace(/^.*HeadlessChrome\/(\S+).*$/, 'Chromium $1');
    // --unlocked: run beside the other browser tests instead of under /tmp/loa-e2e.lock (it plays no speech).
    const lock = process.argv.includes('--unlocked') ? ', run without the E2E lock' : '';
    await writeRows(clips, `${browser}${lock}`, baselineLabel, run);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
