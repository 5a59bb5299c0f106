/**
 * Benchmark of the clips store at 10,000 clips: save one, list the first page, search a word.
 *
 *   npx tsx scripts/bench-clips.ts [--clips=10000]           in Chromium, over its real IndexedDB
 *   npx tsx scripts/bench-clips.ts [--clips=10000] --node    in Node, over fake-indexeddb
 *
 * Chromium is the number that matters (the extension runs there); the Node run needs no browser but
 * measures fake-indexeddb's JavaScript B-trees and garbage collector as much as Loa's code.
 * The same `runBench` runs in both: Node bundles this file for the page with esbuild.
 */

/** Chromium's binary: $CHROMIUM, else the Debian package's (see scripts/system-deps.sh). */
const CHROMIUM_PATHS = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const RUNS = 25;
const WORDS_PER_CLIP = 600;
const SEED_BATCH = 500;
const SITES = ['baochinhphu.vn', 'nhandan.vn', 'vietnamplus.vn', 'baotintuc.vn', 'tuoitre.vn', 'nld.com.vn', 'tienphong.vn'];

/**
 * Seeds `clips` generated clips over `vocabulary` (most frequent word first), then times the
 * clips page's operations. Loads the store lazily so Node can install fake-indexeddb first.
 */
export async function runBench(vocabulary: string[], clips: number, log: (line: string) => void): Promise<void> {
  const { openClipStore } = await import('../lib/clips');
  const { buildClip, splitClip } = await import('../lib/clips/model');
  type ClipInput = import('../lib/clips').ClipInput;

  // mulberry32: every run benchmarks the same data.
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Skewed towards the frequent words, as real text is.
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 3)]!;
  const sentence = (length: number) => Array.from({ length }, word).join(' ');
  const clip = (n: number): ClipInput => {
    const paragraphs = Array.from({ length: 6 }, () => `${sentence(WORDS_PER_CLIP / 12)}. ${sentence(WORDS_PER_CLIP / 12)}.`);
    return {
      url: `https://${SITES[n % SITES.length]}/bai-viet-${n}.htm`,
      title: sentence(10),
      siteName: SITES[n % SITES.length],
      lang: 'vi',
      kind: n % 10 === 0 ? 'selection' : 'article',
      text: paragraphs.join('\n\n'),
      summary: paragraphs.slice(0, 2),
      lead: sentence(30),
      tags: n % 3 === 0 ? ['chính sách'] : [],
    };
  };

  const time = async (label: string, action: (run: number) => Promise<unknown>) => {
    const samples: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      await action(run);
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
    log(`${label.padEnd(48)} median ${at(0.5).padStart(7)} ms   p90 ${at(0.9).padStart(7)} ms`);
  };

  const name = `bench-clips-${Date.now()}`;
  const store = openClipStore({ name });
  const seedStart = performance.now();
  const base = Date.UTC(2025, 0, 1);
  let nextId = 1;
  for (let first = 0; first < clips; first += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, clips - first) }, (_, i) =>
      splitClip({ ...buildClip(clip(first + i), base + (first + i) * 60_000), id: nextId++ }),
    );
    // Straight into the tables: seeding one save at a time would take longer than the benchmark.
    await store.db.transaction('rw', store.db.clips, store.db.bodies, async () => {
      await store.db.clips.bulkAdd(batch.map(({ row }) => row));
      await store.db.bodies.bulkAdd(batch.map(({ body }) => body));
    });
  }
  const indexEntries = await store.db.bodies.orderBy('words').count();
  log(`seeded ${clips} clips (${indexEntries} word-index entries) in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const common = (await store.listClips({ query: 'của', limit: 1 })).total;
  let rare = { word: '', total: Infinity };
  // Folding merges many words ("đó", "độ", "do"), so the rarest word is found by asking the index.
  const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u;
  for (const candidate of vocabulary.filter((entry) => vietnamese.test(entry)).slice(-200)) {
    const { total } = await store.listClips({ query: `${candidate} `, limit: 1 });
    if (total > 0 && total < rare.total) rare = { word: candidate, total };
  }
  log(`"của" is in ${common} clips, "${rare.word}" in ${rare.total}`);

  await time('save one new clip', (run) => store.saveClip(clip(clips + run)));
  await time('save again (update of an existing clip)', (run) => store.saveClip(clip(run * 7)));
  await time('list the first page (50, newest first)', () => store.listClips());
  await time('list 250 (the page after four "Show more")', () => store.listClips({ limit: 250 }));
  await time('read one whole clip (full text, reading aloud)', (run) => store.getClip(1 + run * 13));
  await time('search a common word ("của")', () => store.listClips({ query: 'của ' }));
  await time(`search a rare word ("${rare.word}")`, () => store.listClips({ query: `${rare.word} ` }));
  await time('search two words, no accents ("cai cach")', () => store.listClips({ query: 'cai cach ' }));
  await time('search as you type, prefix ("chin")', () => store.listClips({ query: 'chin' }));
  await time('filter by tag and site', () => store.listClips({ tag: 'chính sách', site: 'nhandan.vn' }));
  store.close();
  await store.db.delete();
}

if (typeof window === 'undefined') await main();

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
    stdin: { contents: `import { runBench } from './scripts/bench-clips.ts'; globalThis.runBench = runBench;`, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    // Only main() uses these, and main() does not run in the page.
    external: ['node:*', 'esbuild', 'playwright-core', 'fake-indexeddb'],
  });
  const script = bundle.outputFiles[0]!.text;
  // IndexedDB needs a real origin, so the page is served over http.
  const server = createServer((request, response) => {
    if (request.url === '/bench.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script type="module" src="/bench.js"></script>');
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
    console.log(`${await page.evaluate(() => navigator.userAgent)}, native IndexedDB`);
    await page.evaluate(
      ([words, count]) => {
        const scope = globalThis as unknown as {
          runBench: typeof runBench;
          benchLog: (line: string) => void;
        };
        return scope.runBench(words, count, (line) => scope.benchLog(line));
      },
      [vocabulary, clips] as const,
    );
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
