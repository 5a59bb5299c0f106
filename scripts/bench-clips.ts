/**
 * Benchmark of the clips store at 10,000 clips: save one, list the first page, search words and
 * phrases — the current schema (version 2) beside version 1, in the same run.
 *
 *   npm run -s bench:clips [-- --clips=10000]           in Chromium, over its real IndexedDB
 *   npm run -s bench:clips -- [--clips=10000] --node    in Node, over fake-indexeddb
 * The Chromium run writes rows `clips` (scripts/lib/bench-report.ts); the Node run only prints.
 *
 * Chromium is the number that matters (the extension runs there); the Node run needs no browser but
 * measures fake-indexeddb's JavaScript B-trees and garbage collector as much as Loa's code (indexing
 * there costs ~50 µs of CPU a postings row, a clip has ~480 rows: hours at 10,000 clips).
 * The same `runBench` runs in both: Node bundles this file for the page with esbuild.
 */

/** Chromium's binary: $CHROMIUM, else the Debian package's (see scripts/system-deps.sh). */
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
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

/**
 * Seeds `clips` generated clips over `vocabulary` (most frequent word first) into two databases,
 * the current design (schema version 2: the postings index, through the store's own import) and
 * schema version 1 as it was (a multiEntry index of folded words, counted with `count()`), then
 * times the clips page's operations on both. Loads the store lazily so Node can install
 * fake-indexeddb first.
 */
export interface ClipsBenchResult {
  label: string;
  goalMs: number;
  legacy: Timing;
  current: Timing;
}

interface Timing {
  median: number;
  p90: number;
}

export interface ClipsBenchRun {
  results: ClipsBenchResult[];
  /** Seconds to move the imported clips into the postings (version 2), and to seed version 1's word index. */
  indexSeconds: number;
  legacySeedSeconds: number;
  postingsRows: number;
}

const SAVE_GOAL_MS = 50;
const LIST_GOAL_MS = 50;
const SEARCH_GOAL_MS = 30;

export async function runBench(
  vocabulary: string[],
  clips: number,
  log: (line: string) => void,
): Promise<ClipsBenchRun> {
  const { ClipsDb, SCHEMA_HISTORY, folded, openClipStore } = await import('../lib/clips');
  const { buildClip, splitClip } = await import('../lib/clips/model');
  type ClipInput = import('../lib/clips').ClipInput;

  // mulberry32: every run benchmarks the same data.
  let seed = 0;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Skewed towards the frequent words, as real text is.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const sentence = (length: number) => Array.from({ length }, word).join(' ');
  // Clip n always has the same text, so saving it again is a re-save of the same page.
  const clip = (n: number): ClipInput => {
    seed = n * 7919 + 1;
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
  const generated = Array.from({ length: clips }, (_, n) => buildClip(clip(n), base + n * 60_000));

  const time = async (action: (run: number) => Promise<unknown>): Promise<Timing> => {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await action(run);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    return {
      median: samples[Math.floor(samples.length / 2)]!,
      p90: samples[Math.min(samples.length - 1, Math.floor(0.9 * samples.length))]!,
    };
  };

  // Version 2, seeded through importJson: the same code path as a user's import.
  const name = `bench-clips-${Date.now()}`;
  const store = openClipStore({ name });
  let seedStart = performance.now();
  for (let first = 0; first < clips; first += SEED_BATCH) {
    const batch = generated.slice(first, first + SEED_BATCH);
    const document = {
      format: 'loa-clips',
      version: 1,
      exportedAt: new Date().toISOString(),
      clips: batch.map((entry) => ({ ...entry, key: undefined, savedAt: new Date(entry.savedAt).toISOString() })),
    };
    await store.importJson(JSON.stringify(document));
  }
  log(`version 2: imported ${clips} clips in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
  // What the clips page does after an import: the pending clips go into the postings.
  seedStart = performance.now();
  await store.indexPending();
  const indexSeconds = (performance.now() - seedStart) / 1000;
  const postingsRows = await store.db.postings.count();
  log(`version 2: indexed them (${postingsRows} postings rows) in ${indexSeconds.toFixed(1)} s`);

  // Version 1, seeded straight into its tables, rows as its code wrote them.
  const legacy = new ClipsDb(`${name}-v1`, SCHEMA_HISTORY.slice(0, 1));
  const wordsOf = (entry: { title: string; lead: string | null; text: string; note: string }) => [
    ...new Set(
      [entry.title, entry.lead ?? '', entry.text, entry.note].flatMap(folded).filter((token) => token.length <= 40),
    ),
  ];
  const legacyRows = (entry: (typeof generated)[number], id: number) => {
    const { row, body } = splitClip({ ...entry, id });
    return { row, body: { ...body, words: wordsOf(entry) } };
  };
  seedStart = performance.now();
  for (let first = 0; first < clips; first += SEED_BATCH) {
    const batch = generated.slice(first, first + SEED_BATCH).map((entry, i) => legacyRows(entry, first + i + 1));
    await legacy.transaction('rw', legacy.clips, legacy.bodies, async () => {
      await legacy.clips.bulkAdd(batch.map(({ row }) => row));
      await legacy.table('bodies').bulkAdd(batch.map(({ body }) => body));
    });
  }
  const legacySeedSeconds = (performance.now() - seedStart) / 1000;
  const legacyEntries = await legacy.table('bodies').orderBy('words').count();
  log(`version 1: seeded ${clips} clips (${legacyEntries} word-index entries) in ${legacySeedSeconds.toFixed(1)} s`);

  /** Version 1's list query: matching ids by intersection, then a page newest first. */
  const legacyList = async (words: string[], prefix: string | null) =>
    legacy.transaction('r', legacy.clips, legacy.bodies, async () => {
      const bodies = legacy.table('bodies');
      if (words.length === 0 && !prefix) {
        return Promise.all([legacy.clips.count(), legacy.clips.orderBy('savedAt').reverse().limit(50).toArray()]);
      }
      const sets = (
        await Promise.all([
          ...words.map((entry) => bodies.where('words').equals(entry).primaryKeys()),
          ...(prefix ? [bodies.where('words').startsWith(prefix).primaryKeys()] : []),
        ])
      ).map((ids) => new Set(ids as number[]));
      sets.sort((a, b) => a.size - b.size);
      const ids = [...sets[0]!].filter((id) => sets.every((set) => set.has(id)));
      const matching = new Set(ids);
      const page: number[] = [];
      await legacy.clips
        .orderBy('savedAt')
        .reverse()
        .until(() => page.length >= 50)
        .eachPrimaryKey((id) => {
          if (matching.has(id)) page.push(id);
        });
      return [ids.length, await legacy.clips.bulkGet(page)];
    });
  let legacyNext = clips + 1;
  const legacySave = (input: ClipInput) =>
    legacy.transaction('rw', legacy.clips, legacy.bodies, async () => {
      const entry = buildClip(input, Date.now());
      const existing = await legacy.clips.where('key').equals(entry.key).first();
      const { row, body } = legacyRows(entry, existing?.id ?? legacyNext++);
      await Promise.all([legacy.clips.put(row), legacy.table('bodies').put(body)]);
    });

  const common = (await store.listClips({ query: 'của ', limit: 1 })).total;
  log(`"của" is in ${common} clips`);

  const rows: [string, number, (run: number) => Promise<unknown>, (run: number) => Promise<unknown>][] = [
    [
      'save one new clip',
      SAVE_GOAL_MS,
      (run) => legacySave(clip(clips + run)),
      (run) => store.saveClip(clip(clips + RUNS + run)),
    ],
    [
      'save again (update of an existing clip)',
      SAVE_GOAL_MS,
      (run) => legacySave(clip(run * 7)),
      (run) => store.saveClip(clip(run * 7 + 1)),
    ],
    ['list the first page (50, newest first)', LIST_GOAL_MS, () => legacyList([], null), () => store.listClips()],
    [
      'search a common word ("của")',
      SEARCH_GOAL_MS,
      () => legacyList(['cua'], null),
      () => store.listClips({ query: 'của ' }),
    ],
    [
      'search two words, no accents ("cai cach")',
      SEARCH_GOAL_MS,
      () => legacyList(['cai', 'cach'], null),
      () => store.listClips({ query: 'cai cach ' }),
    ],
    [
      'search a quoted phrase ("của các")',
      SEARCH_GOAL_MS,
      () => legacyList(['cua', 'cac'], null),
      () => store.listClips({ query: '"của các"' }),
    ],
    [
      'search as you type, prefix ("chin")',
      SEARCH_GOAL_MS,
      () => legacyList([], 'chin'),
      () => store.listClips({ query: 'chin' }),
    ],
    [
      'search, newest first ("của")',
      SEARCH_GOAL_MS,
      () => legacyList(['cua'], null),
      () => store.listClips({ query: 'của ', order: 'newest' }),
    ],
  ];
  const results: ClipsBenchResult[] = [];
  log(`${'median (p90), ms'.padEnd(44)} ${'version 1'.padStart(18)} ${'version 2'.padStart(18)}  ratio`);
  for (const [label, goalMs, before, after] of rows) {
    const legacyTiming = await time(before);
    const current = await time(after);
    const cell = ({ median, p90 }: Timing) => `${median.toFixed(1)} (${p90.toFixed(1)})`.padStart(18);
    log(
      `${label.padEnd(44)} ${cell(legacyTiming)} ${cell(current)}  ${(current.median / legacyTiming.median).toFixed(2)}×`,
    );
    results.push({ label, goalMs, legacy: legacyTiming, current });
  }
  log('version 1 has no phrase search: its phrase row matches the two words anywhere.');
  log(`version 2 searched with ${await store.db.pending.count()} saved clips still pending, as after a day of saving.`);
  store.close();
  legacy.close();
  await Promise.all([store.db.delete(), legacy.delete()]);
  return { results, indexSeconds, legacySeedSeconds, postingsRows };
}

if (typeof window === 'undefined') await main();

/** The bench table's rows: version 2 against version 1 of the same run as its baseline. */
async function writeRows(clips: number, where: string, run: ClipsBenchRun): Promise<void> {
  const { writeBenchRows } = await import('./lib/bench-report');
  const count = clips.toLocaleString('en');
  writeBenchRows(
    'clips',
    run.results.map(({ label, goalMs, legacy, current }, index) => ({
      what: `${count} clips: ${label}`,
      goal: `≤ ${goalMs} ms`,
      value: current.median,
      unit: 'ms',
      meets: current.median <= goalMs,
      baseline: { what: 'schema version 1', value: legacy.median },
      note:
        `median of ${RUNS}, p90 ${current.p90.toFixed(1)} ms (version 1: ${legacy.p90.toFixed(1)} ms); ${where}` +
        (index === 0
          ? `; indexing ${count} imported clips took ${run.indexSeconds.toFixed(0)} s (${run.postingsRows} postings rows), ` +
            `seeding version 1's word index ${run.legacySeedSeconds.toFixed(0)} s`
          : ''),
    })),
  );
}

async function main(): Promise<void> {
  const { existsSync, readFileSync, readdirSync } = await import('node:fs');
  const { join, resolve } = await import('node:path');
  const root = resolve(import.meta.dirname, '..');
  const clips = Number(process.argv.find((arg) => arg.startsWith('--clips='))?.slice('--clips='.length) ?? 10_000);

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
    // Before runBench loads Dexie, which picks up the global IndexedDB when it loads.
    const { indexedDB, IDBKeyRange } = await import('fake-indexeddb');
    Object.assign(globalThis, { indexedDB, IDBKeyRange });
    console.log(`Node ${process.version}, fake-indexeddb`);
    await runBench(vocabulary, clips, console.log);
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
      contents: `import { runBench } from './scripts/bench-clips.ts'; globalThis.runBench = runBench;`,
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
      ([words, count]) => {
        const scope = globalThis as unknown as {
          runBench: typeof runBench;
          benchLog: (line: string) => void;
        };
        return scope.runBench(words, count, (line) => scope.benchLog(line));
      },
      [vocabulary, clips] as const,
    );
    await writeRows(clips, where.replace(/^.*HeadlessChrome\/(\S+).*$/, 'Chromium $1'), run);
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
